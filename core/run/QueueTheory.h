// Queueing theory beside the simulator: Erlang C, the M/M/c response-time distribution, and the
// test of whether a scenario is one M/M/c group that theory describes (the sweep's overlay).
#pragma once

#include "Scenario.h"

#include <optional>
#include <string>

namespace cs::core {

// Erlang C: the probability that an arrival waits, offered load a = lambda / mu on c servers
// (0 <= a < c). Computed through Erlang B's recurrence, stable for large c.
double erlangC(int c, double a);

// Mean time in an M/M/c system (wait + service), in the units of 1/mu.
double mmcMeanResponse(int c, double lambda, double mu);

// P(T > t) for the time T in an M/M/c system: the wait is 0 with probability 1 - C and else
// exponential with rate c mu - lambda (P(W > t) = C exp(-(c mu - lambda) t)), plus an
// exponential service of rate mu.
double mmcResponseTail(int c, double lambda, double mu, double t);

// The q-quantile of T (0 < q < 1), in the units of 1/mu.
double mmcResponseQuantile(int c, double lambda, double mu, double q);

// A scenario that is Poisson arrivals into `stations` independent M/M/c stations (one service
// group's instances, behind at most one load balancer that splits at random) and nothing else.
struct MmcModel {
    double lambda_rps = 0;  // all arrivals, split evenly over the stations
    int stations = 1;       // the group's instances
    int servers = 1;        // c: cores per instance (1 with parallel_fraction)
    double service_ms = 1;  // mean service time of one request on one server
    double fixed_ms = 0;    // constant link latency, there and back
    int queue_capacity = 0; // the waiting room of each station
    double timeout_ms = 0;  // the client's timeout
};

// The model of `s`, or nullopt with `whyNot` saying what theory would need.
std::optional<MmcModel> mmcModelOf(const Scenario& s, std::string* whyNot = nullptr);

struct MmcPrediction {
    double throughput_rps = 0;
    double mean_ms = 0, p50_ms = 0, p95_ms = 0, p99_ms = 0, p999_ms = 0;
    // The summary key's prediction ("latency_ms.p99", "throughput_rps", ...), nullopt otherwise.
    std::optional<double> value(const std::string& summaryKey) const;
};

// The steady state of `m`, or nullopt with `whyNot` when there is none theory can state:
// saturated (lambda >= c mu per station), a waiting room or timeout that cuts the tail
// (more than 0.1% of requests).
std::optional<MmcPrediction> mmcPredict(const MmcModel& m, std::string* whyNot = nullptr);

} // namespace cs::core
