// Caches (DESIGN.md section 6 row 6): LRU with TTL, invalidate or update on write, coalesced
// misses, an empty cache after a restart.
#include "EngineImpl.h"

#include <algorithm>
#include <cmath>

namespace cs::core {

void Engine::Impl::cacheErase(CacheState& c, std::uint32_t key) {
    const auto it = c.index.find(key);
    if (it == c.index.end()) return;
    const std::uint32_t e = it->second;
    auto& en = c.entries[e];
    if (en.prev != kNone) c.entries[en.prev].next = en.next;
    if (en.next != kNone) c.entries[en.next].prev = en.prev;
    if (c.head == e) c.head = en.next;
    if (c.tail == e) c.tail = en.prev;
    c.index.erase(it);
    c.freeEntries.push_back(e);
}

void Engine::Impl::cacheInsert(CacheState& c, std::uint32_t key, std::int64_t value,
                               std::uint64_t version) {
    const NodeSpec& spec = specs[c.spec];
    cacheErase(c, key);
    if (c.index.size() >= spec.capacity_keys && c.tail != kNone)
        cacheErase(c, c.entries[c.tail].key); // evict the least recently used
    std::uint32_t e;
    if (!c.freeEntries.empty()) {
        e = c.freeEntries.back();
        c.freeEntries.pop_back();
    } else {
        e = static_cast<std::uint32_t>(c.entries.size());
        c.entries.emplace_back();
    }
    auto& en = c.entries[e];
    en.key = key;
    en.value = value;
    en.version = version;
    en.expires = spec.ttl_s > 0 ? now + std::llround(spec.ttl_s * 1e6) : INT64_MAX;
    en.prev = kNone;
    en.next = c.head;
    if (c.head != kNone) c.entries[c.head].prev = e;
    c.head = e;
    if (c.tail == kNone) c.tail = e;
    c.index[key] = e;
}

void Engine::Impl::cacheClear(CacheState& c) {
    c.recentHitRatio = 0;
    c.entries.clear();
    c.freeEntries.clear();
    c.index.clear();
    c.head = c.tail = kNone;
    for (auto& [key, waiters] : c.waiting)
        for (const Job& w : waiters) {
            markLost(w);
            release(w.request);
        }
    c.waiting.clear();
}

// A write the service completed: its cache drops the key, takes the new value, or (none) is not
// told, so an entry stays stale until its TTL ends it.
void Engine::Impl::cacheWrite(std::uint32_t cache, const Job& written) {
    CacheState& c = caches[cache];
    if (!pnodes[c.node].alive) return;
    switch (specs[c.spec].on_write) {
    case NodeSpec::OnWrite::Update:
        if (c.index.count(written.key)) cacheInsert(c, written.key, written.value, written.version);
        break;
    case NodeSpec::OnWrite::Invalidate:
        cacheErase(c, written.key);
        break;
    case NodeSpec::OnWrite::None:
        break;
    }
}

void Engine::Impl::onCacheLookup(NodeId node, const Job& job) {
    CacheState& c = caches[pnodes[node].aux];
    const NodeSpec& spec = specs[c.spec];
    if (const auto it = c.index.find(job.key); it != c.index.end()) {
        const std::uint32_t e = it->second;
        if (c.entries[e].expires > now) {
            ++c.hits;
            ++c.intervalHits;
            const auto en = c.entries[e];
            cacheInsert(c, job.key, en.value, en.version); // most recently used now
            c.entries[c.index[job.key]].expires = en.expires;
            Job a = job;
            a.value = en.value;
            a.version = en.version; // possibly older than the store's: a stale read
            a.store = groups[groupOfSpec[pnodes[job.caller].spec]].store;
            respond(a, node, ErrorReason::Ok);
            return;
        }
        cacheErase(c, job.key); // expired
    }
    ++c.misses;
    ++c.intervalMisses;
    if (spec.coalescing) {
        auto [w, fresh] = c.waiting.try_emplace(job.key);
        if (!fresh) { // a miss for this key is on its way to the datastore: wait for it
            w->second.push_back(job);
            retain(job.request);
            return;
        }
    }
    const std::uint32_t store = groups[groupOfSpec[pnodes[job.caller].spec]].store;
    sendCall(
        openCallFor(node, storeNodeFor(store, job.key, node), job, spec.downstream_timeout_ms));
}

void Engine::Impl::onCacheFill(std::uint32_t call, ErrorReason err, const Job* answer) {
    const Call cc = calls[call];
    CacheState& c = caches[pnodes[cc.caller].aux];
    retain(cc.parent.request);
    closeCall(call);
    const std::uint32_t key = cc.parent.key;
    if (err == ErrorReason::Ok && answer) cacheInsert(c, key, answer->value, answer->version);
    std::vector<Job> waiters;
    if (const auto it = c.waiting.find(key); it != c.waiting.end()) {
        waiters = std::move(it->second);
        c.waiting.erase(it);
    }
    Job a = cc.parent;
    if (answer) a.takeAnswer(*answer);
    respond(a, cc.caller, err);
    release(cc.parent.request);
    for (Job w : waiters) {
        if (answer) w.takeAnswer(*answer);
        respond(w, cc.caller, err);
        release(w.request);
    }
}

namespace {

class CacheModel final : public NodeModel {
public:
    // Live: size, waiting room and service time change the running node.
    void setField(Engine::Impl& e, std::uint32_t spec, const FieldRow& row,
                  const FieldValue& value) override {
        setStationOrOtherField(e, spec, row, value);
    }

    void build(Engine::Impl& e, std::uint32_t i) override {
        const NodeId id = e.addNode(e.specs[i].id, i, i);
        e.attachStation(id, e.specs[i]);
        e.cacheOfSpec[i] = static_cast<std::uint32_t>(e.caches.size());
        e.pnodes[id].aux = e.cacheOfSpec[i];
        CacheState c;
        c.spec = i;
        c.node = id;
        e.caches.push_back(std::move(c));
    }

    void onRequest(Engine::Impl& e, NodeId node, const Job& job) override {
        e.onStationArrival(node, job);
    }
    // Its lookup time is spent: a hit answers, a miss goes on to the datastore.
    void onServed(Engine::Impl& e, NodeId node, std::uint32_t slot, const Job& job) override {
        e.onCacheLookup(node, job);
        e.freeSlot(node, slot);
    }
    void onAnswer(Engine::Impl& e, std::uint32_t call, ErrorReason err,
                  const Job* answer) override {
        e.onCacheFill(call, err, answer);
    }

    void onKill(Engine::Impl& e, NodeId n) override {
        e.cacheClear(e.caches[e.pnodes[n].aux]); // it comes back empty
    }

    void fillView(const Engine::Impl& e, NodeId id, NodeView& v) const override {
        v.hitRatio = e.caches[e.pnodes[id].aux].recentHitRatio;
    }

    void sampleMetrics(Engine::Impl& e, MetricsPhase phase, MetricsRow& row) override {
        if (phase != MetricsPhase::BeforeRow) return;
        std::uint64_t hits = 0, lookups = 0;
        for (auto& c : e.caches) {
            const std::uint64_t own = c.intervalHits + c.intervalMisses;
            hits += c.intervalHits;
            lookups += own;
            if (own) {
                c.recentHitRatio = static_cast<double>(c.intervalHits) / static_cast<double>(own);
                if (e.nodeSink)
                    e.nodeSink(
                        NodeSample{row.t_s, e.specs[c.spec].id, "hit_ratio", c.recentHitRatio});
            }
            c.intervalHits = c.intervalMisses = 0;
        }
        row.cache_hit_ratio =
            lookups ? static_cast<double>(hits) / static_cast<double>(lookups) : 0.0;
    }
    void addToSummary(const Engine::Impl& e, Summary& s) const override {
        std::uint64_t hits = 0, lookups = 0;
        for (const auto& c : e.caches) {
            hits += c.hits;
            lookups += c.hits + c.misses;
        }
        s.cache_hit_ratio = lookups ? static_cast<double>(hits) / static_cast<double>(lookups) : 0;
    }
};

} // namespace

std::unique_ptr<NodeModel> makeCacheModel() {
    return std::make_unique<CacheModel>();
}

} // namespace cs::core
