// The work that travels in every message and call, and the answer it carries back.
#pragma once

#include "Engine.h"

#include <cstdint>

namespace cs::core {

// What a callee needs to do a piece of work and answer it; copied into messages and queues.
struct Job {
    // (Widest fields first: a Job travels in every message and call, so padding costs.)
    std::uint64_t version = 0;    // the version read or written (replicated stores)
    std::uint64_t minVersion = 0; // session guarantees: the oldest version the client accepts
    std::int64_t value = 0;       // a `set` write's value (unique per attempt), or the value read
    std::uint64_t session = 0;    // (client << 32 | session): stateful services keep it in memory
    NodeId caller = kNone;
    std::uint32_t call = kNone, callGen = 0;
    std::uint32_t request = kNone;
    std::uint32_t key = 0;
    std::uint32_t store = kNone;    // set by a replicated store's answer
    std::uint32_t replica = kNone;  // the replica that coordinated it (replicated stores)
    std::uint32_t retryAfterUs = 0; // a rate limiter's refusal: when to come back
    std::uint16_t attempt = 0;
    bool write = false;
    bool newSession = false;    // the load balancer starts this session here
    bool definite = false;      // an error answer meaning "this did not and will not happen"
    bool sessionLoaded = false; // a stateless instance has fetched its session already

    // What a callee's answer tells about the work: it travels back up the chain of callers.
    void takeAnswer(const Job& answer) {
        version = answer.version;
        store = answer.store;
        value = answer.value;
        definite = answer.definite;
        replica = answer.replica;
        retryAfterUs = answer.retryAfterUs;
    }
};

} // namespace cs::core
