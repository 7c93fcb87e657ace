// A write queue's state: buffered writes and deliveries in flight (QueueModel.cpp).
#pragma once

#include "Job.h"

#include <cstdint>
#include <vector>

namespace cs::core {

// A write queue (write-behind): holds writes, delivers each to a consumer instance, forgets it
// when the consumer acknowledges it, delivers it again when the acknowledgement does not come.
struct QueueState {
    std::uint32_t spec = 0;
    NodeId node = kNone;
    std::uint32_t group = 0;              // the consumers
    Ring<std::pair<SimTime, Job>> buffer; // (enqueued at, message)
    std::vector<int> inflight;            // per consumer member
    std::uint32_t cursor = 0;
    bool pollArmed = false;
    std::uint64_t redeliveries = 0, maxDepth = 0;
    SimTime lastLogged = -1;
};

} // namespace cs::core
