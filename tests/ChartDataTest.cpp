// The figures the charts draw that are not metrics-CSV columns (core/base/Metrics.h): new requests
// against attempts, limiter passed/limited, queue depth and consumer lag, shard migration load,
// replicated stores' operations and the Amdahl speed-up. Each is checked against the engine's own
// summary or against theory.
#include "Engine.h"
#include "TestUtil.h"

#include <cmath>

using namespace cs::core;

namespace {

struct Rows {
    std::vector<MetricsRow> rows;
    Summary summary;
    double secs = 0; // one metrics interval
    double sum(double MetricsRow::*field) const {
        double s = 0;
        for (const auto& r : rows) s += r.*field * secs;
        return s;
    }
    double max(double MetricsRow::*field) const {
        double m = 0;
        for (const auto& r : rows) m = std::max(m, r.*field);
        return m;
    }
};

Rows runRows(const Scenario& s) {
    Rows out;
    out.secs = s.metrics_interval_ms / 1000.0;
    Engine e(s);
    e.setMetricsSink([&](const MetricsRow& r) { out.rows.push_back(r); });
    e.runUntil(static_cast<SimTime>(s.duration_s * 1e6));
    e.finishChecks();
    out.summary = e.summary();
    return out;
}

Scenario builtIn(const char* name) {
    return cs::test::parse(cs::test::readFile(std::string(CLUSTERSIM_SOURCE_DIR) +
                                              "/resources/scenarios/" + name + ".clustersim.json"));
}

} // namespace

// `offered_rps` is the workload, requests issued (DESIGN.md section 4: retries excluded), and
// `attempts_rps` counts every attempt: with retries the two differ by exactly the retries.
TEST(ChartData, OfferedIsTheWorkloadAndAttemptsCountRetries) {
    const Rows r = runRows(builtIn("idempotency-retries"));
    EXPECT_NEAR(r.sum(&MetricsRow::offered_rps), static_cast<double>(r.summary.issued), 1.0);
    EXPECT_NEAR(r.sum(&MetricsRow::attempts_rps), static_cast<double>(r.summary.attempts), 1.0);
    EXPECT_GT(r.summary.attempts, r.summary.issued) << "the lesson's slow link makes retries";
}

// The limiter's chart lines add up to the limiter's own counts: what it refused is exactly the
// summary's rate_limited failures when clients do not retry.
TEST(ChartData, LimiterPassedAndLimitedMatchTheSummary) {
    const Rows r = runRows(builtIn("rate-limit"));
    const double limited = r.sum(&MetricsRow::limiter_limited_rps);
    EXPECT_GT(limited, 100.0) << "the lesson's burst is over the limit";
    EXPECT_NEAR(limited,
                static_cast<double>(r.summary.failed[static_cast<int>(ErrorReason::RateLimited)]),
                0.5);
    EXPECT_NEAR(r.sum(&MetricsRow::limiter_passed_rps) + limited,
                static_cast<double>(r.summary.attempts), 0.5)
        << "every attempt goes through the one limiter: passed or limited";
}

TEST(ChartData, QueueDepthAndConsumerLagFollowTheQueue) {
    const Rows r = runRows(builtIn("write-queue"));
    EXPECT_NEAR(r.max(&MetricsRow::queue_depth), r.summary.queue_max_depth,
                0.05 * r.summary.queue_max_depth + 50)
        << "sampled each interval, the deepest sample is near the deepest the queue got";
    EXPECT_GT(r.max(&MetricsRow::consumer_lag_s), 1.0) << "the spike backs the queue up";
    EXPECT_EQ(r.rows.front().queue_depth, 0.0);
}

TEST(ChartData, AddShardMovesKeysAndTheChartShowsTheMigration) {
    Scenario s = builtIn("sharding-hot-shard");
    s.timeline.clear();
    Action add;
    add.kind = ActionKind::AddShard;
    add.node = "db";
    add.at_us = 5'000'000;
    s.timeline.push_back(add);
    s.duration_s = 40;
    const Rows r = runRows(s);
    const double moved = r.sum(&MetricsRow::migration_keys_per_s);
    EXPECT_GT(moved, 0.0);
    EXPECT_NEAR(moved / 10000.0, r.summary.keys_moved_fraction, 1e-6)
        << "every key that had to move was counted once";
    for (const auto& row : r.rows)
        if (row.t_s <= 5.0) {
            EXPECT_EQ(row.migration_keys_per_s, 0.0) << row.t_s;
        }
}

TEST(ChartData, AReplicatedStoreReportsItsOperations) {
    const Rows r = runRows(builtIn("cap-cp-partition"));
    EXPECT_GT(r.sum(&MetricsRow::replicated_ops_per_s),
              0.5 * static_cast<double>(r.summary.completed));
    EXPECT_EQ(r.sum(&MetricsRow::datastore_ops_per_s), 0.0) << "the CSV column keeps its meaning";
}

// Amdahl: with parallel fraction p on c cores the speed-up is 1 / ((1 - p) + p / c).
TEST(ChartData, SpeedUpFromCoresIsAmdahls) {
    const Rows r = runRows(builtIn("vertical-vs-horizontal"));
    const double p = 0.9, c = 4;
    EXPECT_NEAR(r.rows.front().cores_speedup, 1.0 / ((1 - p) + p / c), 1e-9);
}
