// Caches (DESIGN.md section 6 row 6): a station that answers hits itself and fills misses from
// the datastore. Lookups, fills and the LRU are in EngineCache.cpp.
#include "EngineImpl.h"

namespace cs::core {
namespace {

class CacheModel final : public NodeModel {
public:
    void build(Engine::Impl& e, std::uint32_t i) override {
        const NodeId id = e.addNode(e.specs[i].id, PKind::Cache, i, i);
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
