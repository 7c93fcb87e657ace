// Load balancers (DESIGN.md section 6 rows 3-4): spread a group's requests over its instances and
// health-check them. Their traffic is in EngineModels.cpp.
#include "EngineImpl.h"

#include <algorithm>
#include <cmath>

namespace cs::core {
namespace {

class LoadBalancerModel final : public NodeModel {
public:
    void build(Engine::Impl& e, std::uint32_t i) override {
        const NodeId id = e.addNode(e.specs[i].id, PKind::LoadBalancer, i, i);
        e.pnodes[id].model = static_cast<std::uint32_t>(e.lbs.size());
        LbState lb;
        lb.spec = i;
        lb.node = id;
        e.lbs.push_back(std::move(lb));
    }

    // After the groups added their first instances (the registry puts groups first).
    void wire(Engine::Impl& e) override {
        for (auto& lb : e.lbs) {
            lb.group = e.groupOfSpec[e.specIndex.at(e.specs[lb.spec].group)];
            const std::size_t n = e.groups[lb.group].members.size();
            // Known healthy at start; later changes are seen by health checks.
            lb.healthy.assign(n, true);
            lb.outstanding.assign(n, 0);
        }
    }

    void start(Engine::Impl& e) override {
        for (std::uint32_t l = 0; l < e.lbs.size(); ++l)
            e.events.push(std::llround(e.specs[e.lbs[l].spec].health_check_interval_ms * 1000.0),
                          EventType::HealthCheck, l);
    }

    void onRequest(Engine::Impl& e, NodeId node, const Job& job) override {
        e.onLbRequest(e.lbs[e.pnodes[node].model], job);
    }
    void onAnswer(Engine::Impl& e, std::uint32_t call, ErrorReason err,
                  const Job* answer) override {
        e.onLbAnswer(call, err, answer);
    }

    void onKill(Engine::Impl& e, NodeId n) override {
        LbState& lb = e.lbs[e.pnodes[n].model];
        std::fill(lb.outstanding.begin(), lb.outstanding.end(), 0);
    }

    NodeId resolveTarget(Engine::Impl& e, std::uint32_t spec, NodeId, Rng&,
                         std::uint32_t) override {
        return e.specNodes[spec].front();
    }
    std::uint32_t storeBehind(const Engine::Impl& e, std::uint32_t spec, int depth) const override {
        const std::uint32_t group = e.specIndex.at(e.specs[spec].group);
        return e.modelOf(e.specs[group].kind).storeBehind(e, group, depth + 1);
    }
};

} // namespace

std::unique_ptr<NodeModel> makeLoadBalancerModel() {
    return std::make_unique<LoadBalancerModel>();
}

} // namespace cs::core
