#include "Scenario.h"

#include <cmath>

namespace cs::core {

const char* toString(NodeKind k) {
    switch (k) {
    case NodeKind::Client:
        return "client";
    case NodeKind::LoadBalancer:
        return "load_balancer";
    case NodeKind::ServiceGroup:
        return "service_group";
    case NodeKind::Datastore:
        return "datastore";
    case NodeKind::Replica:
        return "replica";
    case NodeKind::SessionStore:
        return "session_store";
    case NodeKind::Cache:
        return "cache";
    case NodeKind::RateLimiter:
        return "rate_limiter";
    case NodeKind::Queue:
        return "queue";
    }
    return "?";
}
const char* toString(LimiterAlgorithm a) {
    switch (a) {
    case LimiterAlgorithm::TokenBucket:
        return "token_bucket";
    case LimiterAlgorithm::LeakyBucket:
        return "leaky_bucket";
    case LimiterAlgorithm::FixedWindow:
        return "fixed_window";
    case LimiterAlgorithm::SlidingLog:
        return "sliding_log";
    case LimiterAlgorithm::SlidingCounter:
        return "sliding_counter";
    }
    return "?";
}
const char* toString(WriteKind k) {
    return k == WriteKind::Set ? "set" : "increment";
}
const char* toString(LbAlgorithm a) {
    switch (a) {
    case LbAlgorithm::RoundRobin:
        return "round_robin";
    case LbAlgorithm::LeastOutstanding:
        return "least_outstanding";
    case LbAlgorithm::Random:
        return "random";
    }
    return "?";
}
const char* toString(ServiceState s) {
    return s == ServiceState::Stateful ? "stateful" : "stateless";
}
const char* toString(Level l) {
    switch (l) {
    case Level::Default:
        return "default";
    case Level::One:
        return "one";
    case Level::Quorum:
        return "quorum";
    case Level::All:
        return "all";
    }
    return "?";
}
const char* toString(ActionKind k) {
    switch (k) {
    case ActionKind::KillNode:
        return "kill_node";
    case ActionKind::RestartNode:
        return "restart_node";
    case ActionKind::CutLink:
        return "cut_link";
    case ActionKind::HealLink:
        return "heal_link";
    case ActionKind::SetLink:
        return "set_link";
    case ActionKind::SetRate:
        return "set_rate";
    case ActionKind::SetField:
        return "set";
    case ActionKind::AddShard:
        return "add_shard";
    }
    return "?";
}

std::optional<NodeKind> nodeKindFromString(const std::string& s) {
    for (auto k : {NodeKind::Client, NodeKind::LoadBalancer, NodeKind::ServiceGroup,
                   NodeKind::Datastore, NodeKind::Replica, NodeKind::SessionStore, NodeKind::Cache,
                   NodeKind::RateLimiter, NodeKind::Queue})
        if (s == toString(k)) return k;
    return std::nullopt;
}
std::optional<LimiterAlgorithm> limiterAlgorithmFromString(const std::string& s) {
    for (auto a : kLimiterAlgorithms)
        if (s == toString(a)) return a;
    return std::nullopt;
}
const char* toString(Autoscaling::Policy p) {
    switch (p) {
    case Autoscaling::Policy::Manual:
        return "manual";
    case Autoscaling::Policy::Step:
        return "step";
    case Autoscaling::Policy::TargetTracking:
        return "target_tracking";
    case Autoscaling::Policy::Scheduled:
        return "scheduled";
    }
    return "manual";
}

std::optional<Autoscaling::Policy> scalingPolicyFromString(const std::string& s) {
    using P = Autoscaling::Policy;
    for (auto p : {P::Manual, P::Step, P::TargetTracking, P::Scheduled})
        if (s == toString(p)) return p;
    return std::nullopt;
}

std::optional<LbAlgorithm> lbAlgorithmFromString(const std::string& s) {
    for (auto a : {LbAlgorithm::RoundRobin, LbAlgorithm::LeastOutstanding, LbAlgorithm::Random})
        if (s == toString(a)) return a;
    return std::nullopt;
}

double Distribution::mean() const {
    switch (kind) {
    case Kind::Exponential:
    case Kind::Constant:
        return mean_ms;
    case Kind::Lognormal: {
        const double sigma = p99_ms > median_ms ? std::log(p99_ms / median_ms) / 2.326 : 0.0;
        return median_ms * std::exp(sigma * sigma / 2.0);
    }
    }
    return mean_ms;
}

double Workload::rateAt(double base, double t) const {
    switch (shape) {
    case Shape::Constant:
        return base;
    case Shape::Step:
        return t >= at_s ? to_rps : base;
    case Shape::Spike: {
        const double up = start_s, top = start_s + ramp_s, down = top + hold_s, end = down + ramp_s;
        if (t < up || t >= end) return base;
        if (t < top) return base + (peak_rps - base) * (ramp_s > 0 ? (t - up) / ramp_s : 1.0);
        if (t < down) return peak_rps;
        return peak_rps + (base - peak_rps) * (ramp_s > 0 ? (t - down) / ramp_s : 1.0);
    }
    case Shape::Diurnal:
        return std::max(0.0, base * (1.0 + amplitude * std::sin(6.283185307179586 * t / period_s)));
    case Shape::Bursts:
        return std::fmod(t, on_s + off_s) < on_s ? burst_rps : base;
    case Shape::Series: {
        if (points.empty()) return base;
        if (t <= points.front().first) return points.front().second;
        for (std::size_t i = 1; i < points.size(); ++i)
            if (t < points[i].first) {
                const auto [t0, r0] = points[i - 1];
                const auto [t1, r1] = points[i];
                return r0 + (r1 - r0) * (t - t0) / (t1 - t0);
            }
        return points.back().second;
    }
    }
    return base;
}

double Workload::maxRate(double base) const {
    switch (shape) {
    case Shape::Constant:
        return base;
    case Shape::Step:
        return std::max(base, to_rps);
    case Shape::Spike:
        return std::max(base, peak_rps);
    case Shape::Diurnal:
        return base * (1.0 + std::abs(amplitude));
    case Shape::Bursts:
        return std::max(base, burst_rps);
    case Shape::Series: {
        double m = points.empty() ? base : 0.0;
        for (const auto& p : points) m = std::max(m, p.second);
        return m;
    }
    }
    return base;
}

const NodeSpec* Scenario::find(const std::string& id) const {
    for (const auto& n : nodes)
        if (n.id == id) return &n;
    return nullptr;
}

} // namespace cs::core
