// The hooks every node kind shares unless its model says otherwise.
#include "NodeModel.h"
#include "EngineImpl.h"

namespace cs::core {

// An answer to a call that timed out already is late: the call's slot may serve another call now.
void NodeModel::onResponse(Engine::Impl& e, const Message& m) {
    if (e.calls.valid(m.job.call, m.job.callGen)) onAnswer(e, m.job.call, m.error, &m.job);
}

void NodeModel::onServed(Engine::Impl& e, NodeId node, std::uint32_t slot, const Job& job) {
    e.respond(job, node, ErrorReason::Ok);
    e.freeSlot(node, slot);
}

} // namespace cs::core
