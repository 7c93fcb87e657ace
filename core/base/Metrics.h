// What a run measures: the fixed-column metrics row (DESIGN.md section 7) and the end-of-run
// summary.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace cs::core {

// Why an attempt or a request failed. Order matches the error columns of the metrics CSV.
enum class ErrorReason : std::uint8_t {
    Ok,
    Timeout,
    Unavailable,
    RateLimited,
    Dropped,
    SessionLost,
    LostInFlight
};
constexpr std::size_t kErrorReasons = 7;
const char* toString(ErrorReason r);

struct MetricsRow {
    double t_s = 0;
    double offered_rps = 0, throughput_rps = 0, error_rps = 0;
    std::array<double, kErrorReasons> err_rps{}; // indexed by ErrorReason; [Ok] unused
    double latency_ms_p50 = 0, latency_ms_p95 = 0, latency_ms_p99 = 0, latency_ms_p999 = 0,
           latency_ms_mean = 0;
    double stale_read_fraction = 0, staleness_ms_p50 = 0, staleness_ms_p99 = 0;
    double versions_behind_max = 0, conflicts = 0, lost_updates = 0, duplicate_side_effects = 0;
    double instances = 0, cost_per_hour = 0;
    // Added after the contract's columns (DESIGN.md allows new columns at the end).
    double in_flight = 0, late_responses = 0, messages_lost = 0;
    double cache_hit_ratio = 0;     // hits / lookups over the interval, all caches (0: none)
    double datastore_ops_per_s = 0; // operations the datastores finished (non-replicated)
    // DESIGN.md section 4: offered_rps counts new requests (the workload), this every attempt.
    double attempts_rps = 0;
    // Not in the CSV (its bytes are the determinism fingerprint, tests/EngineTest.cpp): read by
    // the charts only.
    double replicated_ops_per_s = 0; // operations replicated stores' replicas served
    double limiter_passed_rps = 0, limiter_limited_rps = 0; // all rate limiters
    double queue_depth = 0;                                 // messages waiting in all write queues
    double consumer_lag_s = 0;       // age of the oldest waiting message, any queue
    double migration_keys_per_s = 0; // keys moved between shards (add_shard's load)
    double cores_speedup = 0;        // Amdahl speed-up of the biggest parallel instance (0: none)
};

// The contract's header line, in column order.
const std::vector<std::string>& metricsColumns();
// One CSV line (no newline), numbers formatted the same on every platform and locale.
std::string metricsCsvLine(const MetricsRow& row);
// The row's values in column order (what metricsCsvLine prints, unrounded).
std::vector<double> metricsValues(const MetricsRow& row);
// For files a program reads (CSV, `check`): up to 7 significant digits, the same everywhere.
std::string formatNumber(double v);
// For a person (the event log, lesson reveals, the compare table): whole numbers whole, others to
// about three significant digits (59.1355 -> "59.1", 1.823745 -> "1.82", 0.05342 -> "0.053").
std::string readableNumber(double v);
// readableNumber without the trailing zeros a sentence does not need: 0.6012857 -> "0.601",
// 0.6 -> "0.6" (not "0.600"), 12.50 -> "12.5".
std::string sentenceNumber(double v);

// Long-format per-node series: t_s,node,metric,value.
struct NodeSample {
    double t_s;
    std::string node;
    const char* metric;
    double value;
};
// Every `metric` name a NodeSample carries (the engine's emitters use these literals; a new
// per-node series is added here too, so that expectations may name it).
const std::vector<std::string>& nodeMetricNames();

struct Summary {
    std::uint64_t issued = 0, completed = 0, in_flight = 0;
    std::array<std::uint64_t, kErrorReasons> failed{}; // by reason; [Ok] unused
    std::uint64_t failedTotal() const;
    std::uint64_t late_responses = 0;
    double latency_p50 = 0, latency_p95 = 0, latency_p99 = 0, latency_p999 = 0, latency_mean = 0;
    double throughput_rps = 0, availability = 0, responded = 0;
    double stale_fraction = 0, staleness_p50 = 0, staleness_p99 = 0;
    std::uint64_t conflicts = 0, lost_updates = 0, duplicate_side_effects = 0;
    std::uint64_t lin_checked = 0, lin_violations = 0, lin_unknown = 0;
    // Operations on replicated stores that no decided window covered (undecided windows, or a
    // client whose store the checker does not follow): never counted as passed.
    std::uint64_t lin_unchecked_ops = 0;
    double election_ms = 0, convergence_ms = 0, unavailable_ms = 0;
    std::uint64_t scaling_actions = 0;
    double instances_min = 0, instances_max = 0, instances_mean = 0;
    double cost = 0;
    double cache_hit_ratio = 0;                          // hits / lookups over the run
    double store_ops_mean = 0, store_ops_max = 0;        // datastore operations per second
    double max_shard_share = 0, keys_moved_fraction = 0; // busiest shard; last add_shard
    double queue_max_depth = 0;                          // deepest any write queue got
    std::uint64_t events_processed = 0;
    double wall_seconds = 0, sim_seconds = 0;
    std::uint64_t attempts = 0, messages_lost = 0; // extra keys
    std::uint64_t reads = 0, stale_reads = 0, elections = 0;
};

} // namespace cs::core
