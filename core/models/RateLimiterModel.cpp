// Rate limiters (Q8): token bucket, leaky bucket, fixed window, sliding log, sliding counter;
// refusals are 429s with a Retry-After.
#include "EngineImpl.h"

#include <algorithm>
#include <cmath>

namespace cs::core {

void Engine::Impl::onLimiterRequest(NodeId node, const Job& job) {
    LimiterState& L = limiters[pnodes[node].aux];
    const NodeSpec& spec = specs[L.spec];
    const std::uint32_t k = spec.per_client ? requests[job.request].client : 0;
    LimiterState::Key& K = L.keys[k];
    const double rate = spec.limit_rps / 1e6; // per microsecond
    const SimTime window = std::max<SimTime>(1, std::llround(spec.window_ms * 1000.0));
    const double allowed = std::max(1.0, std::floor(spec.limit_rps * spec.window_ms / 1000.0));
    SimTime retryAfter = -1; // < 0: let through
    switch (spec.limiter) {
    case LimiterAlgorithm::TokenBucket: {
        const double cap = spec.effectiveBurst();
        if (K.tokens < 0) K.tokens = cap;
        K.tokens = std::min(cap, K.tokens + static_cast<double>(now - K.last) * rate);
        K.last = now;
        if (K.tokens >= 1.0)
            K.tokens -= 1.0;
        else
            retryAfter = std::llround((1.0 - K.tokens) / rate);
        break;
    }
    case LimiterAlgorithm::LeakyBucket: {
        // A queue drained at the limit: a request leaves one interval after the previous one;
        // if more than `burst` are already waiting, it is refused.
        const SimTime gap = std::max<SimTime>(1, std::llround(1.0 / rate));
        const SimTime depart = std::max(now, K.nextDeparture);
        const SimTime room = std::llround(spec.effectiveBurst()) * gap;
        if (depart - now > room) {
            retryAfter = depart - now - room;
            break;
        }
        K.nextDeparture = depart + gap;
        if (depart > now) {
            K.queue.push({depart, job});
            retain(job.request);
            events.push(depart, EventType::LimiterRelease, pnodes[node].aux, k);
            ++L.passed;
            return;
        }
        break;
    }
    case LimiterAlgorithm::FixedWindow: {
        const std::int64_t w = now / window;
        if (w != K.window) {
            K.window = w;
            K.count = 0;
        }
        if (K.count < allowed)
            ++K.count;
        else
            retryAfter = (w + 1) * window - now;
        break;
    }
    case LimiterAlgorithm::SlidingLog: {
        while (!K.log.empty() && K.log.front() <= now - window) K.log.pop();
        if (static_cast<double>(K.log.size()) < allowed)
            K.log.push(now);
        else
            retryAfter = K.log.front() + window - now;
        break;
    }
    case LimiterAlgorithm::SlidingCounter: {
        // The previous window's count, weighted by how much of it the sliding window still
        // covers, plus this window's.
        const std::int64_t w = now / window;
        if (w != K.window) {
            K.prevCount = w == K.window + 1 ? K.count : 0;
            K.count = 0;
            K.window = w;
        }
        const double into = static_cast<double>(now - w * window) / static_cast<double>(window);
        if (K.prevCount * (1.0 - into) + K.count < allowed)
            ++K.count;
        else
            retryAfter = (w + 1) * window - now;
        break;
    }
    }
    if (retryAfter >= 0) { // HTTP 429 with Retry-After
        ++L.limited;
        if (L.lastLogged < 0 || now - L.lastLogged >= 5'000'000) {
            L.lastLogged = now;
            log(spec.id, spec.id + " refuses requests over " + sentenceNumber(spec.limit_rps) +
                             "/s (" + toString(spec.limiter) + "): 429, retry after " +
                             sentenceNumber(static_cast<double>(retryAfter) / 1000.0) + " ms");
        }
        Job refused = job;
        refused.definite = true;
        refused.retryAfterUs = static_cast<std::uint32_t>(std::min<SimTime>(retryAfter, 4e9));
        respond(refused, node, ErrorReason::RateLimited);
        return;
    }
    ++L.passed;
    forwardThrough(node, specIndex.at(spec.target), job, spec.downstream_timeout_ms);
}

void Engine::Impl::onLimiterRelease(std::uint32_t li, std::uint32_t k) {
    LimiterState& L = limiters[li];
    auto& q = L.keys[k].queue;
    if (q.empty() || q.front().first > now) return; // emptied by a crash
    const Job job = q.front().second;
    q.pop();
    if (pnodes[L.node].alive)
        forwardThrough(L.node, specIndex.at(specs[L.spec].target), job,
                       specs[L.spec].downstream_timeout_ms);
    release(job.request);
}

namespace {

class RateLimiterModel final : public NodeModel {
public:
    void build(Engine::Impl& e, std::uint32_t i) override {
        const NodeId id = e.addNode(e.specs[i].id, i, i);
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

    void fillView(const Engine::Impl& e, NodeId id, NodeView& v) const override {
        const LimiterState& l = e.limiters[e.pnodes[id].aux];
        v.passed = l.passed;
        v.limited = l.limited;
    }

    void sampleMetrics(Engine::Impl& e, MetricsPhase phase, MetricsRow& row) override {
        if (phase != MetricsPhase::BeforeRow) return;
        const double secs = static_cast<double>(e.metricsInterval) / 1e6;
        for (auto& l : e.limiters) {
            row.limiter_passed_rps += static_cast<double>(l.passed - l.passedAtRow) / secs;
            row.limiter_limited_rps += static_cast<double>(l.limited - l.limitedAtRow) / secs;
            l.passedAtRow = l.passed;
            l.limitedAtRow = l.limited;
            if (!e.nodeSink) continue;
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
