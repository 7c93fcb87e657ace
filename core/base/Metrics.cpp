#include "Metrics.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace cs::core {

const char* toString(ErrorReason r) {
    switch (r) {
    case ErrorReason::Ok:
        return "ok";
    case ErrorReason::Timeout:
        return "timeout";
    case ErrorReason::Unavailable:
        return "unavailable";
    case ErrorReason::RateLimited:
        return "rate_limited";
    case ErrorReason::Dropped:
        return "dropped";
    case ErrorReason::SessionLost:
        return "session_lost";
    case ErrorReason::LostInFlight:
        return "lost_in_flight";
    }
    return "?";
}

const std::vector<std::string>& metricsColumns() {
    static const std::vector<std::string> cols = {"t_s",
                                                  "offered_rps",
                                                  "throughput_rps",
                                                  "error_rps",
                                                  "err_timeout_rps",
                                                  "err_unavailable_rps",
                                                  "err_rate_limited_rps",
                                                  "err_dropped_rps",
                                                  "err_session_lost_rps",
                                                  "err_lost_in_flight_rps",
                                                  "latency_ms_p50",
                                                  "latency_ms_p95",
                                                  "latency_ms_p99",
                                                  "latency_ms_p999",
                                                  "latency_ms_mean",
                                                  "stale_read_fraction",
                                                  "staleness_ms_p50",
                                                  "staleness_ms_p99",
                                                  "versions_behind_max",
                                                  "conflicts",
                                                  "lost_updates",
                                                  "duplicate_side_effects",
                                                  "instances",
                                                  "cost_per_hour",
                                                  "in_flight",
                                                  "late_responses",
                                                  "messages_lost",
                                                  "cache_hit_ratio",
                                                  "datastore_ops_per_s",
                                                  "attempts_rps"};
    return cols;
}

std::string formatNumber(double v) {
    if (!std::isfinite(v)) return "0";
    if (v == std::floor(v) && std::abs(v) < 1e15) return std::to_string(static_cast<long long>(v));
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 7);
    return std::string(buf, res.ptr);
}

std::string readableNumber(double v) {
    if (!std::isfinite(v)) return "0";
    const double a = std::abs(v);
    // Whole numbers stay whole; others keep about three significant digits (59.1, 1.82, 0.0534).
    const int decimals = a >= 100 || v == std::floor(v) ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
    char buf[64];
    if (a > 0 && a < 0.001)
        std::snprintf(buf, sizeof buf, "%.2g", v);
    else
        std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string sentenceNumber(double v) {
    std::string s = readableNumber(v);
    if (s.find('.') == std::string::npos || s.find('e') != std::string::npos) return s;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

std::vector<double> metricsValues(const MetricsRow& r) {
    return {r.t_s,
            r.offered_rps,
            r.throughput_rps,
            r.error_rps,
            r.err_rps[1],
            r.err_rps[2],
            r.err_rps[3],
            r.err_rps[4],
            r.err_rps[5],
            r.err_rps[6],
            r.latency_ms_p50,
            r.latency_ms_p95,
            r.latency_ms_p99,
            r.latency_ms_p999,
            r.latency_ms_mean,
            r.stale_read_fraction,
            r.staleness_ms_p50,
            r.staleness_ms_p99,
            r.versions_behind_max,
            r.conflicts,
            r.lost_updates,
            r.duplicate_side_effects,
            r.instances,
            r.cost_per_hour,
            r.in_flight,
            r.late_responses,
            r.messages_lost,
            r.cache_hit_ratio,
            r.datastore_ops_per_s,
            r.attempts_rps};
}

std::string metricsCsvLine(const MetricsRow& r) {
    std::string line;
    for (double v : metricsValues(r)) {
        if (!line.empty()) line += ',';
        line += formatNumber(v);
    }
    return line;
}

const std::vector<std::string>& nodeMetricNames() {
    static const std::vector<std::string> names = {
        "utilization",      "queue_depth",   "instances",      "ops_per_s",
        "replica_lag_keys", "is_leader",     "consumer_lag_s", "redeliveries_total",
        "passed_total",     "limited_total", "hit_ratio"};
    return names;
}

std::uint64_t Summary::failedTotal() const {
    std::uint64_t t = 0;
    for (std::size_t i = 1; i < kErrorReasons; ++i) t += failed[i];
    return t;
}

} // namespace cs::core
