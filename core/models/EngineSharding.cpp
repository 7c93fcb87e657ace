// Sharding (DESIGN.md section 6 row Q6): a datastore split into shard nodes <id>-s<k>; keys map by
// hash_mod, range or consistent hashing with virtual nodes; `add_shard` reports the keys moved.
#include "EngineImpl.h"

#include <algorithm>

namespace cs::core {
namespace {
std::uint64_t mix(std::uint64_t x) { // splitmix64's finaliser: a fixed, portable hash
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}
std::uint64_t hashName(const std::string& s, int v) {
    std::uint64_t h = 0xcbf29ce484222325ull; // FNV-1a
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
    return mix(h ^ static_cast<std::uint64_t>(v));
}
} // namespace

std::uint32_t Engine::Impl::shardOf(const StoreState& st, std::uint32_t key) const {
    const auto count = static_cast<std::uint64_t>(st.nodes.size());
    using S = NodeSpec::Shards::Strategy;
    switch (specs[st.spec].shards->strategy) {
    case S::HashMod:
        return static_cast<std::uint32_t>(mix(key) % count);
    case S::Range: // equal slices of the key space, in key order
        return static_cast<std::uint32_t>(static_cast<std::uint64_t>(key) * count /
                                          std::max<std::uint64_t>(1, st.versions.size()));
    case S::ConsistentHash: {
        const std::uint64_t h = mix(key);
        auto it = std::lower_bound(st.ring.begin(), st.ring.end(),
                                   std::pair<std::uint64_t, std::uint32_t>{h, 0});
        if (it == st.ring.end()) it = st.ring.begin(); // the ring wraps around
        return it->second;
    }
    }
    return 0;
}

void Engine::Impl::buildRing(StoreState& st) {
    st.ring.clear();
    const int vnodes = specs[st.spec].shards->vnodes;
    for (std::uint32_t k = 0; k < st.nodes.size(); ++k)
        for (int v = 0; v < vnodes; ++v)
            st.ring.emplace_back(hashName(pnodes[st.nodes[k]].name, v), k);
    std::sort(st.ring.begin(), st.ring.end());
}

NodeId Engine::Impl::storeNodeFor(std::uint32_t store, std::uint32_t key, NodeId from) {
    const StoreState& st = stores[store];
    if (st.sharded) return st.nodes[key < st.keyShard.size() ? st.keyShard[key] : shardOf(st, key)];
    return nearestStoreNode(store, from);
}

// A link drawn to a scenario node applies to each of its physical nodes: give a new one its edges.
void Engine::Impl::linkNewNode(NodeId id, std::uint32_t spec) {
    for (std::uint32_t l = 0; l < links.size(); ++l) {
        LinkState& link = links[l];
        if (link.a != spec && link.b != spec) continue;
        const std::uint32_t other = link.a == spec ? link.b : link.a;
        for (NodeId o : specNodes[other]) {
            link.edges.push_back(topo.addEdge(id, o, link.median_us / 1000.0));
            edges.push_back(EdgeState{l, {}});
            edgeLink.push_back(l);
        }
    }
}

NodeId Engine::Impl::addShardNode(std::uint32_t store) {
    StoreState& st = stores[store];
    const NodeSpec& spec = specs[st.spec];
    const NodeId id = addStationNode(spec.id + "-s" + std::to_string(st.nodes.size() + 1), st.spec);
    st.nodes.push_back(id);
    return id;
}

// Adds a shard and remaps the keys; the fraction that moves is the cost of the strategy (about
// 1/(n+1) for consistent hashing, most keys for hash_mod). Keys then migrate in batches over the
// links at `migration_keys_per_s`: a key is served by its old shard until its batch arrives, and
// each moved key is one operation on its old shard and one on the new (the migration's load).
void Engine::Impl::addShard(std::uint32_t store) {
    StoreState& st = stores[store];
    finishMigration(store); // a migration still under way completes first
    const auto keys = static_cast<std::uint32_t>(st.keyShard.size());
    const NodeId id = addShardNode(store);
    linkNewNode(id, st.spec);
    if (!st.ring.empty()) buildRing(st);
    auto& mig = st.migration;
    mig.gen = (mig.gen + 1) & 0xFFFF;
    mig.started = now;
    for (std::uint32_t k = 0; k < keys; ++k)
        if (const std::uint32_t to = shardOf(st, k); to != st.keyShard[k])
            mig.moves.emplace_back(k, to);
    keysMovedFraction = keys ? static_cast<double>(mig.moves.size()) / keys : 0.0;
    const NodeSpec& spec = specs[st.spec];
    log(spec.id, spec.id + " adds shard " + pnodes[id].name + ": " +
                     std::to_string(mig.moves.size()) + " of " + std::to_string(keys) + " keys (" +
                     sentenceNumber(100.0 * keysMovedFraction) + "%) move to another shard, at " +
                     sentenceNumber(spec.shards->migration_keys_per_s) + " keys/s");
    if (!mig.moves.empty()) onMigrationTick(store, mig.gen);
}

void Engine::Impl::onMigrationTick(std::uint32_t store, std::uint32_t gen) {
    StoreState& st = stores[store];
    auto& mig = st.migration;
    if (gen != mig.gen || mig.sent >= mig.moves.size()) return;
    constexpr SimTime kTick = 100'000;
    const auto perTick =
        static_cast<std::size_t>(std::max(1.0, specs[st.spec].shards->migration_keys_per_s * 0.1));
    // One batch per tick; it leaves when its first key's old shard and the new shard are up and
    // connected, and arrives after the path's latency.
    const std::size_t from = mig.sent, to = std::min(mig.moves.size(), from + perTick);
    const NodeId src = st.nodes[st.keyShard[mig.moves[from].first]];
    const NodeId dst = st.nodes[mig.moves[from].second];
    if (pnodes[src].alive && pnodes[dst].alive && topo.route(src, dst) != kNone) {
        mig.batches.emplace_back(from, to);
        mig.sent = to;
        const SimTime travel = std::llround(topo.distance(src, dst) * 1000.0);
        events.push(now + std::max<SimTime>(1, travel), EventType::MigrationArrive,
                    store | (mig.gen << 16), static_cast<std::uint32_t>(mig.batches.size() - 1));
    }
    if (mig.sent < mig.moves.size())
        events.push(now + kTick, EventType::MigrationTick, store, mig.gen);
}

void Engine::Impl::onMigrationArrive(std::uint32_t tag, std::uint32_t batch) {
    StoreState& st = stores[tag & 0xFFFF];
    auto& mig = st.migration;
    if ((tag >> 16) != mig.gen || batch >= mig.batches.size()) return; // a finished migration's
    const auto [from, to] = mig.batches[batch];
    for (std::size_t i = from; i < to; ++i) {
        const auto [key, shard] = mig.moves[i];
        for (NodeId n : {st.nodes[st.keyShard[key]], st.nodes[shard]}) {
            ++stations[pnodes[n].model].ops;
            ++stations[pnodes[n].model].opsTotal;
        }
        st.keyShard[key] = shard;
    }
    mig.arrived += to - from;
    interval.migratedKeys += to - from;
    if (mig.arrived == mig.moves.size())
        log(specs[st.spec].id, specs[st.spec].id + ": migration done, " +
                                   std::to_string(mig.moves.size()) + " keys moved in " +
                                   sentenceNumber(static_cast<double>(now - mig.started) / 1e6) +
                                   " s");
}

void Engine::Impl::finishMigration(std::uint32_t store) {
    auto& mig = stores[store].migration;
    for (const auto& [key, shard] : mig.moves) stores[store].keyShard[key] = shard;
    mig.moves.clear();
    mig.batches.clear();
    mig.sent = mig.arrived = 0;
}

} // namespace cs::core
