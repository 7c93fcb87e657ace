// A service group's state: its instances and what they call (ServiceGroupModel.cpp).
#pragma once

#include "Engine.h"

#include <cstdint>
#include <vector>

namespace cs::core {

struct GroupState {
    std::uint32_t spec = 0;
    std::vector<NodeId> members; // index = k - 1
    std::uint32_t store = kNone; // datastore index
    NodeId sessionStore = kNone; // its session store's node
    NodeId queue = kNone;        // writes go through this queue node
    std::uint32_t cache = kNone; // caches index
    SimTime lastScaling = -1;    // the autoscaler's last action (cooldown)
    SimTime lastLook = 0;
    bool autoscaleTicking = false; // an Autoscale event is scheduled (a policy other than manual)
};

} // namespace cs::core
