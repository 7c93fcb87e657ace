// A datastore's state: nodes, versions, replica set, idempotency keys, shards (DatastoreModel.cpp).
#pragma once

#include "Job.h"
#include "Replication.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace cs::core {

// An idempotency key the store has seen: still running (retries wait) or done (retries get the
// first result). Keys expire `idempotency_ttl_s` after they are done.
struct IdemEntry {
    NodeId node = kNone; // the store node (or shard) running the first attempt
    bool done = false;
    SimTime expires = 0;
    std::vector<Job> waiters;
};

struct StoreState {
    std::uint32_t spec = 0;
    std::vector<NodeId> nodes; // its replicas, or itself
    std::vector<std::uint32_t> versions;
    bool replicated = false;
    ReplicaSetState set;
    std::unordered_map<std::uint64_t, IdemEntry> idem; // (request << 32 | generation)
    Ring<std::pair<SimTime, std::uint64_t>> idemExpiry;
    // Sharded: `nodes` are the shards, keys map to them by the strategy.
    bool sharded = false;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> ring; // consistent hashing: point, shard
    std::vector<std::uint32_t> keyShard; // where each key lives now (changes as keys migrate)
    struct Migration {
        std::vector<std::pair<std::uint32_t, std::uint32_t>> moves; // (key, to shard)
        std::size_t sent = 0, arrived = 0;
        std::vector<std::pair<std::size_t, std::size_t>> batches; // [from, to) of moves
        SimTime started = 0;
        std::uint32_t gen = 0; // events of an earlier migration are ignored
    } migration;
};

} // namespace cs::core
