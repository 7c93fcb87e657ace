// A client's state: its random streams, its target, what its sessions saw (ClientModel.cpp).
#pragma once

#include "Random.h"
#include "Topology.h"

#include <cstdint>
#include <unordered_map>

namespace cs::core {

struct ClientState {
    std::uint32_t spec = 0;
    std::uint32_t store = kNone; // the replicated store its requests end at, if any (histories)
    NodeId node = 0;
    std::uint32_t arrivalGen = 0;
    std::uint32_t target = 0; // scenario node index of its target
    ZipfSampler zipf;
    Rng arrivals, ops, backoff, sessions;
    std::unordered_map<std::uint64_t, std::uint64_t>
        seen; // (store << 32 | key) -> version, for sessions
};

} // namespace cs::core
