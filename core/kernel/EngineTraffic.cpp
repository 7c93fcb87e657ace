// Routing to a reference's target, and forwarding a request on while relaying its answer back
// (what load balancers, rate limiters and caches share).
#include "EngineImpl.h"

#include <algorithm>
#include <cmath>

namespace cs::core {

// Where a reference to scenario node `spec` leads from `from`: its kind's model decides.
NodeId Engine::Impl::resolveTarget(std::uint32_t spec, NodeId from, Rng& rng, std::uint32_t key) {
    return modelOf(specs[spec].kind).resolveTarget(*this, spec, from, rng, key);
}

// A call from `node` that passes `job` on to `targetSpec` and relays the answer back.
void Engine::Impl::forwardThrough(NodeId node, std::uint32_t targetSpec, const Job& job,
                                  double timeoutMs) {
    const NodeId dst = resolveTarget(targetSpec, node, pnodes[node].rng, job.key);
    if (dst == kNone) {
        Job refused = job;
        refused.definite = true;
        respond(refused, node, ErrorReason::Unavailable);
        return;
    }
    sendCall(openCallFor(node, dst, job, timeoutMs));
}

void Engine::Impl::relayAnswer(std::uint32_t call, ErrorReason err, const Job* answer) {
    Call c = calls[call];
    if (answer) c.parent.takeAnswer(*answer);
    retain(c.parent.request);
    closeCall(call);
    respond(c.parent, c.caller, err);
    release(c.parent.request);
}

} // namespace cs::core
