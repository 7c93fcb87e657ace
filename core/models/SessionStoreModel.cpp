// Session stores (DESIGN.md section 6 row 4): a station that keeps stateless instances' sessions,
// one extra hop per request; the instance's side (fetch the session first) is here too.
#include "EngineImpl.h"

namespace cs::core {

// --- session stores: a stateless instance fetches the session before it does the work

bool Engine::Impl::fetchSession(NodeId node, const Job& job) {
    const GroupState& g = groups[groupOfSpec[pnodes[node].spec]];
    if (g.sessionStore == kNone || job.sessionLoaded) return false;
    const NodeSpec& spec = specs[g.spec];
    const std::uint32_t call = openCall(node, g.sessionStore, job.request, job.attempt);
    calls[call].parent = job;
    calls[call].session = true;
    addDeadline(node, call, spec.downstream_timeout_ms);
    Job q = job;
    q.caller = node;
    q.call = call;
    q.callGen = calls.gen(call);
    q.write = false; // reading a session is not the request's write
    send(node, g.sessionStore, q, false, ErrorReason::Ok);
    return true;
}

void Engine::Impl::onSessionAnswer(std::uint32_t call, ErrorReason err) {
    const Call c = calls[call];
    retain(c.parent.request);
    closeCall(call);
    if (err == ErrorReason::Ok) {
        Job j = c.parent;
        j.sessionLoaded = true;
        pnodes[c.caller].handler->onRequest(*this, c.caller, j); // the instance carries on
    } else {
        respond(c.parent, c.caller, err);
    }
    release(c.parent.request);
}

namespace {

class SessionStoreModel final : public NodeModel {
public:
    // Live: size, waiting room and service time change the running node.
    void setField(Engine::Impl& e, std::uint32_t spec, const FieldRow& row,
                  const FieldValue& value) override {
        setStationOrOtherField(e, spec, row, value);
    }

    void build(Engine::Impl& e, std::uint32_t i) override {
        const NodeId id = e.addNode(e.specs[i].id, i, i);
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
