// The CDN edge (seed section 6, "CDN for static content"), checked against what theory says of an
// LRU cache and of the load it takes off the origin.
#include "TestUtil.h"

#include <string>

using namespace cs::core;

namespace {
// users -> (static reads) edge -> lb -> api -> db; everything else users -> lb directly.
Scenario cdnScenario(double staticFraction, int capacity, int keys, double ttlS, double zipf) {
    return cs::test::parse(
        R"({"format": "clustersim-scenario", "version": 1, "seed": 4, "duration_s": 60,
      "metrics_interval_ms": 1000, "nodes": [
        {"id": "users", "kind": "client", "target": "lb", "rate_rps": 1000, "read_fraction": 1,
         "keys": {"count": )" +
        std::to_string(keys) + R"(, "zipf_s": )" + std::to_string(zipf) +
        R"(}, "timeout_ms": 5000, "cdn": "edge", "static_fraction": )" +
        std::to_string(staticFraction) + R"(},
        {"id": "edge", "kind": "cdn", "capacity_keys": )" +
        std::to_string(capacity) + R"(, "ttl_s": )" + std::to_string(ttlS) + R"(},
        {"id": "lb", "kind": "load_balancer", "group": "api"},
        {"id": "api", "kind": "service_group", "instances": 2, "cores": 8,
         "service_ms": {"dist": "exp", "mean": 1}, "datastore": "db"},
        {"id": "db", "kind": "datastore", "cores": 8, "service_ms": {"dist": "exp", "mean": 1}}],
      "links": [{"a": "users", "b": "edge", "latency_ms": 5}, {"a": "users", "b": "lb", "latency_ms": 40},
                {"a": "edge", "b": "lb", "latency_ms": 35}, {"a": "lb", "b": "api", "latency_ms": 1},
                {"a": "api", "b": "db", "latency_ms": 1}]})");
}
} // namespace

// Under uniform popularity any cache of C out of K keys hits C / K of the time once full; the
// edge is an LRU of `capacity_keys` and hits that often.
TEST(Cdn, AnLruEdgeUnderUniformPopularityHitsCapacityOverKeys) {
    const auto r = cs::test::run(cdnScenario(1.0, 250, 1000, 0, 0));
    EXPECT_NEAR(r.summary.cache_hit_ratio, 0.25, 0.02);
    EXPECT_EQ(r.summary.failedTotal(), 0u);
}

// The origin serves what the edge does not: a fraction 1 - f h of the reads, where f is the
// static fraction and h the edge's hit ratio; and static reads answered at the edge are fast.
TEST(Cdn, TheOriginServesOnlyWhatTheEdgeMisses) {
    const auto with = cs::test::run(cdnScenario(0.6, 2000, 1000, 0, 0)); // every key fits
    const double h = with.summary.cache_hit_ratio;
    EXPECT_GT(h, 0.95) << "after the first fetch of each key, every static read hits";
    EXPECT_NEAR(with.summary.store_ops_mean, 1000 * (1 - 0.6 * h), 30);
    const auto without = cs::test::run(cdnScenario(0.0, 2000, 1000, 0, 0));
    EXPECT_NEAR(without.summary.store_ops_mean, 1000, 30);
    EXPECT_EQ(without.summary.cache_hit_ratio, 0.0) << "no static reads: the edge is never asked";
    // About 60% of requests are answered in about 10 ms (5 ms each way), the rest take 80 ms+.
    EXPECT_LT(with.summary.latency_p50, 15.0);
    EXPECT_GT(without.summary.latency_p50, 80.0);
}

// A TTL ends entries however often they are read (a hit does not extend it). Every key fits and
// the reads of a key are a Poisson stream of rate 1/s: after each miss the entry is filled one
// round trip D (about 80 ms) later and lives T = 50 ms, so of 1 + D + T reads per cycle T hit:
// h = T / (1 + D + T) (times in seconds), about 0.044.
TEST(Cdn, AShortTtlEndsHits) {
    const auto longTtl = cs::test::run(cdnScenario(1.0, 2000, 1000, 0, 0));
    const auto shortTtl = cs::test::run(cdnScenario(1.0, 2000, 1000, 0.05, 0)); // a key: 1 read/s
    EXPECT_GT(longTtl.summary.cache_hit_ratio, 0.95);
    EXPECT_NEAR(shortTtl.summary.cache_hit_ratio, 0.05 / (1 + 0.08 + 0.05), 0.01);
}

// The static share is live: set from 0 to 0.8 at 20 s, the edge starts answering (hits appear on
// the charts' row) and the origin's load falls to about 1 - 0.8 h of what it was.
TEST(Cdn, TheStaticShareIsSetLive) {
    Scenario s = cdnScenario(0.0, 2000, 1000, 0, 0);
    s.timeline.push_back(cs::test::setAction(20'000'000, "users", "static_fraction", "0"));
    s.timeline.back().value = 0.8;
    const auto r = cs::test::run(s);
    const auto t = cs::test::parseCsv(r.metricsCsvText);
    auto at = [&](const char* col, double ts) { return cs::test::valueAt(t, col, ts); };
    EXPECT_EQ(at("cache_hit_ratio", 15), 0.0);
    EXPECT_NEAR(at("datastore_ops_per_s", 15), 1000, 100);
    EXPECT_GT(at("cache_hit_ratio", 50), 0.95);
    EXPECT_NEAR(at("datastore_ops_per_s", 50), 1000 * (1 - 0.8), 60);
}
