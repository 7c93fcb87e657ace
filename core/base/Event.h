// One entry of the future event list: a small value type ordered by (time, insertion sequence).
#pragma once

#include <cstdint>

namespace cs::core {

using SimTime = std::int64_t; // microseconds of simulated time

enum class EventType : std::uint8_t {
    ClientArrival, // a: client index, b: arrival generation
    Deliver,       // a: message id
    ServiceDone,   // a: station node, b: slot << 16 | (slot generation & 0xFFFF)
    NodeTimer,     // a: node, b: timer generation
    CallTimeout,   // a: call id, b: call generation (deadlines out of FIFO order)
    Retry,         // a: request id, b: request generation
    MetricsTick,
    HealthCheck,     // a: load balancer index
    ReplTimeout,     // a: replica op, b: op generation
    ElectionTimer,   // a: replica node, b: election generation
    HeartbeatTick,   // a: replica node, b: heartbeat generation
    AntiEntropy,     // a: store index
    Autoscale,       // a: group index
    GcPause,         // a: instance node, b: node incarnation
    ResizeStart,     // a: instance or store node (vertical resize: it goes down now)
    ResizeDone,      // a: node, b: node incarnation (it comes back with its new size)
    LimiterRelease,  // a: limiter index, b: key (leaky bucket: the head of its queue leaves)
    BatchTimer,      // a: instance node, b: its batch generation (max_wait_ms reached)
    QueuePoll,       // a: queue index (no consumer could take a message: look again)
    MigrationTick,   // a: store index, b: migration generation (send the next batch of keys)
    MigrationArrive, // a: store | generation << 16, b: batch (its keys now live on the new shard)
};

struct Event {
    SimTime time;
    std::uint64_t order; // insertion sequence << 8 | type: unique, so ties resolve by sequence
    std::uint32_t a, b;
    EventType type() const { return static_cast<EventType>(order & 0xFF); }
};

// The order of the future event list; `order` is unique, so no two events ever compare equal.
inline bool eventBefore(const Event& x, const Event& y) {
    return x.time < y.time || (x.time == y.time && x.order < y.order);
}

} // namespace cs::core
