// A CDN edge for static content (seed section 6, "CDN for static content"): a client sends its
// `static_fraction` of reads here; a key held and not expired is answered at the edge, near the
// client; a miss is fetched from the client's own target (the origin) and kept, LRU over
// `capacity_keys` with an optional `ttl_s`. Static content is not the data the consistency
// measures follow: its answers carry no store, so they enter no history and no staleness figure.
// Its hits and lookups count in the caches' hit ratio (the metrics row and charts), and the node
// shows its own.
#include "EngineImpl.h"

namespace cs::core {
namespace {

class CdnModel final : public NodeModel {
public:
    void build(Engine::Impl& e, std::uint32_t i) override {
        const NodeId id = e.addNode(e.specs[i].id, i, i);
        e.cacheOfSpec[i] = static_cast<std::uint32_t>(e.caches.size());
        e.pnodes[id].aux = e.cacheOfSpec[i];
        CacheState c; // the caches' LRU, so its hits join theirs in the metrics
        c.spec = i;
        c.node = id;
        e.caches.push_back(std::move(c));
    }

    void onRequest(Engine::Impl& e, NodeId node, const Job& job) override {
        CacheState& c = e.caches[e.pnodes[node].aux];
        if (const auto it = c.index.find(job.key); it != c.index.end()) {
            const CacheState::Entry held = c.entries[it->second];
            if (held.expires > e.now) {
                ++c.hits;
                ++c.intervalHits;
                e.cacheInsert(c, job.key, held.value, held.version); // most recently used now
                c.entries[c.index[job.key]].expires = held.expires;
                Job a = job;
                a.value = held.value;
                a.version = held.version;
                a.store = kNone;
                e.respond(a, node, ErrorReason::Ok);
                return;
            }
            e.cacheErase(c, job.key); // expired
        }
        ++c.misses;
        ++c.intervalMisses;
        // The origin is the asking client's own target, wherever the edge is.
        const std::uint32_t origin = e.clients[e.pnodes[job.caller].model].target;
        const NodeId to = e.resolveTarget(origin, node, e.pnodes[node].rng, job.key);
        if (to == kNone) {
            e.respond(job, node, ErrorReason::Unavailable);
            return;
        }
        e.sendCall(e.openCallFor(node, to, job, e.specs[c.spec].downstream_timeout_ms));
    }

    // The origin's answer (null: the fetch timed out) fills the edge and goes back to the client.
    void onAnswer(Engine::Impl& e, std::uint32_t call, ErrorReason err,
                  const Job* answer) override {
        const Call fetch = e.calls[call];
        e.retain(fetch.parent.request);
        e.closeCall(call);
        if (err == ErrorReason::Ok && answer)
            e.cacheInsert(e.caches[e.pnodes[fetch.caller].aux], fetch.parent.key, answer->value,
                          answer->version);
        Job a = fetch.parent;
        if (answer) a.takeAnswer(*answer);
        a.store = kNone;
        e.respond(a, fetch.caller, err);
        e.release(fetch.parent.request);
    }

    void onKill(Engine::Impl& e, NodeId n) override {
        e.cacheClear(e.caches[e.pnodes[n].aux]); // it comes back empty
    }

    void fillView(const Engine::Impl& e, NodeId id, NodeView& v) const override {
        v.hitRatio = e.caches[e.pnodes[id].aux].recentHitRatio;
    }

    NodeId resolveTarget(Engine::Impl& e, std::uint32_t spec, NodeId, Rng&,
                         std::uint32_t) override {
        return e.specNodes[spec].front();
    }
};

} // namespace

std::unique_ptr<NodeModel> makeCdnModel() {
    return std::make_unique<CdnModel>();
}

} // namespace cs::core
