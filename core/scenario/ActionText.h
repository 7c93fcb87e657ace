// What an action did, in words a student understands: one sentence for the event log and a short
// label for the charts' marker lane ("Store db switched to AP (availability first: ...)").
#pragma once

#include "FieldTable.h"

#include <string>

namespace cs::core {

struct ActionText {
    std::string label;    // short, for the marker lane: "db → AP"
    std::string sentence; // the event log's line and the marker's hover text
};

// A `set` of `field` to `value` on node `id` of `kind`.
ActionText describeSet(NodeKind kind, const std::string& id, const std::string& field,
                       const FieldValue& value);
// A `set_link`: its new latency and loss.
ActionText describeSetLink(const Action& a);

} // namespace cs::core
