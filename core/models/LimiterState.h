// A rate limiter's state per key, for every algorithm (RateLimiterModel.cpp).
#pragma once

#include "Job.h"

#include <cstdint>
#include <vector>

namespace cs::core {

// A rate limiter in the path (Q8). State per key (one global key, or one per client).
struct LimiterState {
    std::uint32_t spec = 0;
    NodeId node = kNone;
    struct Key {
        double tokens = -1;                  // token bucket (-1: not started: full)
        SimTime last = 0;                    // token bucket: last refill
        SimTime nextDeparture = 0;           // leaky bucket: when the queue is drained
        Ring<std::pair<SimTime, Job>> queue; // leaky bucket: waiting to leave, in order
        std::int64_t window = -1;            // fixed / sliding counter: current window index
        double count = 0, prevCount = 0;     // requests let through in this / the previous window
        Ring<SimTime> log;                   // sliding log: admissions within the window
    };
    std::vector<Key> keys;
    std::uint64_t passed = 0, limited = 0;
    std::uint64_t passedAtRow = 0, limitedAtRow = 0; // at the last metrics row
    SimTime lastLogged = -1;
};

} // namespace cs::core
