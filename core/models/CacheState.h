// A cache's state: its LRU of keys and the misses waiting on a fill (CacheModel.cpp).
#pragma once

#include "Job.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace cs::core {

// An LRU cache of keys (DESIGN.md section 6 row 6): a hash map into a fixed array of entries
// kept in a doubly linked recency list; misses may coalesce per key.
struct CacheState {
    std::uint32_t spec = 0;
    NodeId node = kNone;
    struct Entry {
        std::uint32_t key = 0, prev = kNone, next = kNone;
        SimTime expires = INT64_MAX;
        std::int64_t value = 0;
        std::uint64_t version = 0;
    };
    std::vector<Entry> entries;
    std::vector<std::uint32_t> freeEntries;
    std::unordered_map<std::uint32_t, std::uint32_t> index;      // key -> entry
    std::uint32_t head = kNone, tail = kNone;                    // most / least recently used
    std::unordered_map<std::uint32_t, std::vector<Job>> waiting; // coalesced misses per key
    std::uint64_t hits = 0, misses = 0, intervalHits = 0, intervalMisses = 0;
    double recentHitRatio = 0; // over the last metrics interval (what the topology shows)
};

} // namespace cs::core
