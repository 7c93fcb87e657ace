// A load balancer's state: health, sticky sessions, outstanding calls (LoadBalancerModel.cpp).
#pragma once

#include "Topology.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace cs::core {

struct LbState {
    std::uint32_t spec = 0;
    NodeId node = 0;
    std::uint32_t group = 0;
    // Per member index, as last seen by a health check (1 healthy): bytes, so that picking the
    // least outstanding member is one pass the compiler vectorises.
    std::vector<std::uint8_t> healthy;
    std::unordered_map<std::uint64_t, std::uint32_t> sticky; // session -> member (stateful groups)
    std::vector<std::uint32_t> outstanding;
    std::uint32_t cursor = 0;
};

} // namespace cs::core
