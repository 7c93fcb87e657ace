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
    // Per member index, as last seen by a health check (1 healthy); changed through setHealthy.
    std::vector<std::uint8_t> healthy;
    std::unordered_map<std::uint64_t, std::uint32_t> sticky; // session -> member (stateful groups)
    std::vector<std::uint32_t> outstanding; // changed through callOpened/callClosed
    std::uint32_t cursor = 0;

    // The least outstanding count of a healthy member, kept up to date as calls open and close so
    // that a pick does not look at every member: `atCount[v]` healthy members have v calls out.
    // Rebuilt by the next pick after health or membership changes (leastKnown false).
    std::vector<std::uint32_t> atCount;
    std::uint32_t least = 0; // UINT32_MAX: no healthy member
    bool leastKnown = false;

    void setHealthy(std::size_t b, bool ok) {
        healthy[b] = ok;
        leastKnown = false;
    }
    // The least by looking at every member (UINT32_MAX: none healthy); debug builds check `least`.
    std::uint32_t lookForLeast() const {
        std::uint32_t v = UINT32_MAX;
        for (std::size_t b = 0; b < outstanding.size(); ++b)
            if (healthy[b] && outstanding[b] < v) v = outstanding[b];
        return v;
    }
    void countLeast() {
        least = lookForLeast();
        atCount.assign(least == UINT32_MAX ? 1 : least + 2, 0);
        for (std::size_t b = 0; b < outstanding.size(); ++b) {
            if (!healthy[b]) continue;
            const std::uint32_t v = outstanding[b];
            if (v >= atCount.size()) atCount.resize(v + 1, 0);
            ++atCount[v];
        }
        leastKnown = true;
    }
    void callOpened(std::uint32_t b) {
        const std::uint32_t v = outstanding[b]++;
        if (!leastKnown || !healthy[b]) return;
        if (v + 1 >= atCount.size()) atCount.push_back(0);
        --atCount[v];
        ++atCount[v + 1];
        if (v == least && atCount[v] == 0) least = v + 1;
    }
    void callClosed(std::uint32_t b) {
        const std::uint32_t v = outstanding[b]--;
        if (!leastKnown || !healthy[b]) return;
        --atCount[v];
        ++atCount[v - 1];
        if (v - 1 < least) least = v - 1;
    }
};

} // namespace cs::core
