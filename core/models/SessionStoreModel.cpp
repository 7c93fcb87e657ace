// Session stores (DESIGN.md section 6 row 4): a station that keeps stateless instances' sessions,
// one extra hop per request. The instance's side is in EngineTraffic.cpp.
#include "EngineImpl.h"

namespace cs::core {
namespace {

class SessionStoreModel final : public NodeModel {
public:
    void build(Engine::Impl& e, std::uint32_t i) override {
        const NodeId id = e.addNode(e.specs[i].id, PKind::SessionStore, i, i);
        e.attachStation(id, e.specs[i]);
    }
    void onRequest(Engine::Impl& e, NodeId node, const Job& job) override {
        e.onStationArrival(node, job);
    }
    void onAnswer(Engine::Impl& e, std::uint32_t call, ErrorReason err,
                  const Job* answer) override {
        e.onDownstreamAnswer(call, err, answer);
    }
};

} // namespace

std::unique_ptr<NodeModel> makeSessionStoreModel() {
    return std::make_unique<SessionStoreModel>();
}

} // namespace cs::core
