// Rate limiters (DESIGN.md section 6 row 8): pass requests on to their target or refuse them
// (`rate_limited`). The algorithms are in EngineLimiter.cpp.
#include "EngineImpl.h"

#include <algorithm>

namespace cs::core {
namespace {

class RateLimiterModel final : public NodeModel {
public:
    void build(Engine::Impl& e, std::uint32_t i) override {
        const NodeId id = e.addNode(e.specs[i].id, PKind::Limiter, i, i);
        e.pnodes[id].aux = static_cast<std::uint32_t>(e.limiters.size());
        LimiterState l;
        l.spec = i;
        l.node = id;
        e.limiters.push_back(std::move(l));
    }
    // One key per client needs every client built.
    void wire(Engine::Impl& e) override {
        for (auto& l : e.limiters)
            l.keys.resize(e.specs[l.spec].per_client ? std::max<std::size_t>(1, e.clients.size())
                                                     : 1);
    }

    void onRequest(Engine::Impl& e, NodeId node, const Job& job) override {
        e.onLimiterRequest(node, job);
    }
    void onAnswer(Engine::Impl& e, std::uint32_t call, ErrorReason err,
                  const Job* answer) override {
        e.relayAnswer(call, err, answer);
    }

    // Requests waiting in a leaky bucket are lost with it.
    void onKill(Engine::Impl& e, NodeId n) override {
        for (auto& k : e.limiters[e.pnodes[n].aux].keys) {
            k.queue.forEach([&](const std::pair<SimTime, Job>& w) {
                e.markLost(w.second);
                e.release(w.second.request);
            });
            k.queue.clear();
            k.nextDeparture = 0;
        }
    }

    void sampleMetrics(Engine::Impl& e, MetricsPhase phase, MetricsRow& row) override {
        if (phase != MetricsPhase::BeforeRow || !e.nodeSink) return;
        for (const auto& l : e.limiters) {
            e.nodeSink(NodeSample{row.t_s, e.specs[l.spec].id, "passed_total",
                                  static_cast<double>(l.passed)});
            e.nodeSink(NodeSample{row.t_s, e.specs[l.spec].id, "limited_total",
                                  static_cast<double>(l.limited)});
        }
    }

    NodeId resolveTarget(Engine::Impl& e, std::uint32_t spec, NodeId, Rng&,
                         std::uint32_t) override {
        return e.specNodes[spec].front();
    }
    // Limiters may be chained; `depth` stops a chain that loops.
    std::uint32_t storeBehind(const Engine::Impl& e, std::uint32_t spec, int depth) const override {
        if (depth >= 16) return kNone;
        const std::uint32_t t = e.specIndex.at(e.specs[spec].target);
        return e.modelOf(e.specs[t].kind).storeBehind(e, t, depth + 1);
    }
};

} // namespace

std::unique_ptr<NodeModel> makeRateLimiterModel() {
    return std::make_unique<RateLimiterModel>();
}

} // namespace cs::core
