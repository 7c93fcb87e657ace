#include "QueueTheory.h"

#include "Pricing.h"

#include <cmath>

namespace cs::core {
namespace {

constexpr double kNegligible = 1e-3; // a share of requests theory may ignore

bool fail(std::string* whyNot, const std::string& why) {
    if (whyNot) *whyNot = why;
    return false;
}

// The constant one-way latency of the link between a and b; false with a reason if there is
// no such direct link or it is random or lossy.
bool constantLink(const Scenario& s, const std::string& a, const std::string& b, double& ms,
                  std::string* whyNot) {
    for (const LinkSpec& l : s.links) {
        if (!((l.a == a && l.b == b) || (l.a == b && l.b == a))) continue;
        if (l.loss > 0) return fail(whyNot, "theory needs loss-free links (" + a + "-" + b + ")");
        if (l.p99_ms != l.median_ms)
            return fail(whyNot,
                        "theory needs constant link latency (p99 = median on " + a + "-" + b + ")");
        ms = l.median_ms;
        return true;
    }
    return fail(whyNot, "theory needs a direct link from " + a + " to " + b);
}

bool plainGroup(const NodeSpec& g, std::string* whyNot) {
    const std::string pre = "theory needs one M/M/c group: " + g.id;
    if (g.service.kind != Distribution::Kind::Exponential)
        return fail(whyNot, pre + "'s service times are not exponential");
    if (!g.datastore.empty() || !g.cache.empty() || !g.queue.empty() || !g.session_store.empty())
        return fail(whyNot, pre + " calls other nodes");
    if (g.batching || g.gc) return fail(whyNot, pre + " batches or pauses for GC");
    if (g.autoscaling && g.autoscaling->policy != Autoscaling::Policy::Manual)
        return fail(whyNot, pre + " autoscales");
    return true;
}

} // namespace

double erlangC(int c, double a) {
    double b = 1; // Erlang B with k servers, k = 0..c
    for (int k = 1; k <= c; ++k) b = a * b / (k + a * b);
    return c * b / (c - a * (1 - b));
}

double mmcMeanResponse(int c, double lambda, double mu) {
    return erlangC(c, lambda / mu) / (c * mu - lambda) + 1.0 / mu;
}

double mmcResponseTail(int c, double lambda, double mu, double t) {
    if (t <= 0) return 1;
    const double C = erlangC(c, lambda / mu), theta = c * mu - lambda;
    // P(E_theta + E_mu > t): the convolution of the two exponentials.
    const double both =
        std::abs(theta - mu) < 1e-9 * mu
            ? (1 + mu * t) * std::exp(-mu * t)
            : (theta * std::exp(-mu * t) - mu * std::exp(-theta * t)) / (theta - mu);
    return (1 - C) * std::exp(-mu * t) + C * both;
}

double mmcResponseQuantile(int c, double lambda, double mu, double q) {
    double lo = 0, hi = 1 / mu;
    while (mmcResponseTail(c, lambda, mu, hi) > 1 - q) hi *= 2;
    for (int i = 0; i < 100 && hi - lo > 1e-12 * hi; ++i) {
        const double mid = (lo + hi) / 2;
        (mmcResponseTail(c, lambda, mu, mid) > 1 - q ? lo : hi) = mid;
    }
    return (lo + hi) / 2;
}

std::optional<MmcModel> mmcModelOf(const Scenario& s, std::string* whyNot) {
    const NodeSpec *client = nullptr, *lb = nullptr, *group = nullptr;
    for (const NodeSpec& n : s.nodes) {
        const NodeSpec** slot = n.kind == NodeKind::Client         ? &client
                                : n.kind == NodeKind::LoadBalancer ? &lb
                                : n.kind == NodeKind::ServiceGroup ? &group
                                                                   : nullptr;
        if (!slot || *slot) {
            fail(whyNot, "theory needs one M/M/c group: one client, at most one load balancer "
                         "and one service group, and " +
                             n.id + " is one more");
            return std::nullopt;
        }
        *slot = &n;
    }
    if (!client || !group) {
        fail(whyNot, "theory needs one M/M/c group: a client and a service group");
        return std::nullopt;
    }
    if (!s.timeline.empty()) {
        fail(whyNot, "theory needs a steady state: the timeline changes the system");
        return std::nullopt;
    }
    if (client->workload.shape != Workload::Shape::Constant || !client->cdn.empty()) {
        fail(whyNot, "theory needs Poisson arrivals at a constant rate from " + client->id);
        return std::nullopt;
    }
    if (!plainGroup(*group, whyNot)) return std::nullopt;
    MmcModel m;
    double first = 0, second = 0;
    if (lb) {
        if (client->target != lb->id || lb->group != group->id) {
            fail(whyNot, "theory needs one M/M/c group: client -> load balancer -> group");
            return std::nullopt;
        }
        if (!constantLink(s, client->id, lb->id, first, whyNot) ||
            !constantLink(s, lb->id, group->id, second, whyNot))
            return std::nullopt;
        if (group->instances > 1 &&
            (lb->algorithm != LbAlgorithm::Random || group->state == ServiceState::Stateful)) {
            fail(whyNot, "theory needs one M/M/c group: " + std::string(toString(lb->algorithm)) +
                             " over " + std::to_string(group->instances) +
                             " instances is not independent Poisson streams (random is)");
            return std::nullopt;
        }
    } else if (group->instances > 1) {
        fail(whyNot, "theory needs one M/M/c group: a random load balancer in front of " +
                         std::to_string(group->instances) + " instances");
        return std::nullopt;
    } else if (client->target != group->id) {
        fail(whyNot, "theory needs one M/M/c group: " + client->id + " calls " + group->id);
        return std::nullopt;
    } else if (!constantLink(s, client->id, group->id, first, whyNot)) {
        return std::nullopt;
    }
    m.lambda_rps = client->rate_rps;
    m.stations = std::max(1, group->instances);
    m.servers = group->parallel_fraction ? 1 : group->cores;
    m.service_ms =
        group->service.mean() * (group->parallel_fraction
                                     ? 1 / amdahlSpeedup(*group->parallel_fraction, group->cores)
                                     : 1.0);
    m.fixed_ms = 2 * (first + second);
    m.queue_capacity = group->queue_capacity;
    m.timeout_ms = client->timeout_ms;
    return m;
}

std::optional<double> MmcPrediction::value(const std::string& key) const {
    if (key == "throughput_rps" || key == "offered_rps") return throughput_rps;
    if (key == "latency_ms.mean") return mean_ms;
    if (key == "latency_ms.p50") return p50_ms;
    if (key == "latency_ms.p95") return p95_ms;
    if (key == "latency_ms.p99") return p99_ms;
    if (key == "latency_ms.p999") return p999_ms;
    return std::nullopt;
}

std::optional<MmcPrediction> mmcPredict(const MmcModel& m, std::string* whyNot) {
    const int c = m.servers;
    const double mu = 1000.0 / m.service_ms, lambda = m.lambda_rps / m.stations;
    if (lambda <= 0 || lambda >= c * mu) {
        fail(whyNot, lambda <= 0 ? "no arrivals" : "saturated: no steady state");
        return std::nullopt;
    }
    const double a = lambda / mu, rho = a / c;
    // P(at least K waiting) = C rho^K: requests a full waiting room would drop.
    if (erlangC(c, a) * std::pow(rho, m.queue_capacity) > kNegligible) {
        fail(whyNot, "the waiting room drops requests (M/M/c/K)");
        return std::nullopt;
    }
    if (mmcResponseTail(c, lambda, mu, (m.timeout_ms - m.fixed_ms) / 1000.0) > kNegligible) {
        fail(whyNot, "the client's timeout cuts the tail");
        return std::nullopt;
    }
    auto ms = [&](double q) { return mmcResponseQuantile(c, lambda, mu, q) * 1000 + m.fixed_ms; };
    MmcPrediction p;
    p.throughput_rps = m.lambda_rps;
    p.mean_ms = mmcMeanResponse(c, lambda, mu) * 1000 + m.fixed_ms;
    p.p50_ms = ms(0.5);
    p.p95_ms = ms(0.95);
    p.p99_ms = ms(0.99);
    p.p999_ms = ms(0.999);
    return p;
}

} // namespace cs::core
