#include "Scenario.h"

#include "EnumNames.h"

#include <algorithm>
#include <cmath>

namespace cs::core {

// Names come from EnumNames.h, one table per enum.
const char* toString(NodeKind k) {
    return enumName(k);
}
const char* toString(LimiterAlgorithm a) {
    return enumName(a);
}
const char* toString(WriteKind k) {
    return enumName(k);
}
const char* toString(LbAlgorithm a) {
    return enumName(a);
}
const char* toString(ServiceState s) {
    return enumName(s);
}
const char* toString(Level l) {
    return enumName(l);
}
const char* toString(ActionKind k) {
    return enumName(k);
}
const char* toString(Autoscaling::Policy p) {
    return enumName(p);
}

std::optional<NodeKind> nodeKindFromString(const std::string& s) {
    return enumFromName<NodeKind>(s);
}
std::optional<LimiterAlgorithm> limiterAlgorithmFromString(const std::string& s) {
    return enumFromName<LimiterAlgorithm>(s);
}
std::optional<Autoscaling::Policy> scalingPolicyFromString(const std::string& s) {
    return enumFromName<Autoscaling::Policy>(s);
}
namespace {
std::vector<Autoscaling::StepRule> defaultSteps() {
    return {{0.7, -1, 2}, {2, 0.2, -1}};
}
} // namespace

Autoscaling firstAutoscaling(const NodeSpec& n, Autoscaling::Policy p) {
    Autoscaling a;
    a.min = std::max(1, n.instances);
    a.max = std::max(a.min, 4 * n.instances);
    a.policy = p;
    if (p == Autoscaling::Policy::Step) a.steps = defaultSteps();
    return a;
}

void chooseScalingPolicy(NodeSpec& n, Autoscaling::Policy p) {
    if (!n.autoscaling) {
        n.autoscaling = firstAutoscaling(n, p);
        return;
    }
    n.autoscaling->policy = p;
    if (p == Autoscaling::Policy::Step && n.autoscaling->steps.empty())
        n.autoscaling->steps = defaultSteps();
}

std::optional<LbAlgorithm> lbAlgorithmFromString(const std::string& s) {
    return enumFromName<LbAlgorithm>(s);
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
