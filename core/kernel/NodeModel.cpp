// The hooks every node kind shares unless its model says otherwise.
#include "NodeModel.h"
#include "EngineImpl.h"

#include <algorithm>

namespace cs::core {

// An answer to a call that timed out already is late: the call's slot may serve another call now.
void NodeModel::onResponse(Engine::Impl& e, const Message& m) {
    if (e.calls.valid(m.job.call, m.job.callGen)) onAnswer(e, m.job.call, m.error, &m.job);
}

void NodeModel::onServed(Engine::Impl& e, NodeId node, std::uint32_t slot, const Job& job) {
    e.respond(job, node, ErrorReason::Ok);
    e.freeSlot(node, slot);
}

void NodeModel::setField(Engine::Impl& e, std::uint32_t spec, const FieldRow& row,
                         const FieldValue& value) {
    const auto* v = std::get_if<double>(&value);
    // A number is held to the row's smallest value (a clock tick, a rate the samplers can draw).
    if (v && (row.type == FieldType::Number || row.type == FieldType::Integer))
        row.access.set(e.specs[spec], std::max(*v, std::max(row.lo, row.offBelow)));
    else
        row.access.set(e.specs[spec], value);
}

void NodeModel::setStationOrOtherField(Engine::Impl& e, std::uint32_t spec, const FieldRow& row,
                                       const FieldValue& value) {
    const auto* v = std::get_if<double>(&value);
    if (!v || !e.setStationField(spec, row.name, *v)) NodeModel::setField(e, spec, row, value);
}

} // namespace cs::core
