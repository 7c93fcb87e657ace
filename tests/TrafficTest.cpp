// Traffic patterns (DESIGN.md section 6 rows 1, 4, 6, 8, Q8): idempotency keys, caches against
// Che's approximation and the thundering herd, each rate limiter's limit and signature, session
// stores, connection pools.
#include "TestUtil.h"

#include <cmath>

using namespace cs::core;

namespace {

std::uint64_t failed(const Summary& s, ErrorReason r) {
    return s.failed[static_cast<int>(r)];
}

// A slow link between the service and the store: the client gives up before writes are answered,
// though they did take effect, and retries.
Summary retriedWrites(bool keys, double ttlS) {
    return cs::test::run(
               cs::test::parse(
                   R"({"format": "clustersim-scenario", "version": 1, "seed": 8, "duration_s": 30,
      "nodes": [
        {"id": "c", "kind": "client", "target": "svc", "rate_rps": 100, "read_fraction": 0,
         "write_kind": "increment", "timeout_ms": 60, "retries": 3,
         "retry_backoff_ms": {"base": 5, "max": 40, "jitter": true}, "idempotency_keys": )" +
                   std::string(keys ? "true" : "false") + R"(},
        {"id": "svc", "kind": "service_group", "instances": 2, "cores": 8, "datastore": "db",
         "service_ms": {"dist": "exp", "mean": 1}, "async_io": true},
        {"id": "db", "kind": "datastore", "cores": 8, "idempotency_ttl_s": )" +
                   std::to_string(ttlS) + R"(}],
      "links": [{"a": "c", "b": "svc", "latency_ms": 1},
                {"a": "svc", "b": "db", "latency_ms": {"median": 20, "p99": 80}}]})"))
        .summary;
}

} // namespace

TEST(Idempotency, RetriedIncrementsDuplicateWithoutKeysAndNeverWithThem) {
    const auto without = retriedWrites(false, 60), with = retriedWrites(true, 60);
    EXPECT_GT(without.attempts, without.issued + 100) << "the slow link makes clients retry";
    EXPECT_GT(without.duplicate_side_effects, 50u);
    EXPECT_EQ(with.duplicate_side_effects, 0u) << "the store deduplicates by key";
    EXPECT_GT(with.attempts, with.issued + 100) << "retries still travel";
    // Keys that expire before the retry arrives protect nothing.
    const auto expired = retriedWrites(true, 0.001);
    EXPECT_GT(expired.duplicate_side_effects, 20u);
}

namespace {

// Che's approximation for an LRU cache of C keys under independent requests with popularity p:
// the characteristic time T solves sum(1 - exp(-p_i T)) = C; the hit ratio is
// sum(p_i (1 - exp(-p_i T))).
double cheHitRatio(int keys, double s, int capacity) {
    std::vector<double> p(static_cast<std::size_t>(keys));
    double norm = 0;
    for (int i = 0; i < keys; ++i) norm += p[static_cast<std::size_t>(i)] = std::pow(i + 1.0, -s);
    for (double& x : p) x /= norm;
    auto occupied = [&](double t) {
        double sum = 0;
        for (double x : p) sum += 1 - std::exp(-x * t);
        return sum;
    };
    double lo = 0, hi = 1;
    while (occupied(hi) < capacity) hi *= 2;
    for (int it = 0; it < 200; ++it) {
        const double mid = (lo + hi) / 2;
        (occupied(mid) < capacity ? lo : hi) = mid;
    }
    double hit = 0;
    for (double x : p) hit += x * (1 - std::exp(-x * lo));
    return hit;
}

std::string cached(const std::string& cacheFields, double zipf, int keys, double rate,
                   double duration, const std::string& timeline = "[]") {
    return R"({"format": "clustersim-scenario", "version": 1, "seed": 12, "duration_s": )" +
           std::to_string(duration) + R"(, "metrics_interval_ms": 250,
      "nodes": [
        {"id": "c", "kind": "client", "target": "svc", "rate_rps": )" +
           std::to_string(rate) + R"(, "read_fraction": 1, "timeout_ms": 5000,
         "keys": {"count": )" +
           std::to_string(keys) + R"(, "zipf_s": )" + std::to_string(zipf) + R"(}},
        {"id": "svc", "kind": "service_group", "instances": 2, "cores": 64, "datastore": "db",
         "cache": "kv", "service_ms": {"dist": "const", "value": 0.1}, "async_io": true},
        {"id": "kv", "kind": "cache", "cores": 16)" +
           cacheFields + R"(},
        {"id": "db", "kind": "datastore", "cores": 8, "queue_capacity": 100000,
         "service_ms": {"dist": "exp", "mean": 2}}],
      "links": [{"a": "c", "b": "svc", "latency_ms": 1}, {"a": "svc", "b": "kv", "latency_ms": 0.5},
                {"a": "svc", "b": "db", "latency_ms": 2}, {"a": "kv", "b": "db", "latency_ms": 2}],
      "timeline": )" +
           timeline + "}";
}

} // namespace

TEST(Cache, LruHitRatioMatchesChesApproximationUnderZipf) {
    for (const auto& [capacity, s] : {std::pair{100, 0.8}, std::pair{300, 1.0}}) {
        const auto r = cs::test::run(cs::test::parse(
            cached(R"(, "capacity_keys": )" + std::to_string(capacity), s, 2000, 2000, 60)));
        const double che = cheHitRatio(2000, s, capacity);
        EXPECT_NEAR(r.summary.cache_hit_ratio, che, 0.02)
            << "capacity " << capacity << ", zipf " << s << ": Che says " << che;
    }
}

TEST(Cache, TtlAndWritesCostHits) {
    const auto plain =
        cs::test::run(cs::test::parse(cached(R"(, "capacity_keys": 500)", 0.9, 2000, 1000, 30)))
            .summary;
    const auto ttl = cs::test::run(cs::test::parse(cached(R"(, "capacity_keys": 500, "ttl_s": 0.2)",
                                                          0.9, 2000, 1000, 30)))
                         .summary;
    EXPECT_LT(ttl.cache_hit_ratio, plain.cache_hit_ratio - 0.1) << "entries expire before reuse";
    EXPECT_GT(plain.store_ops_mean, 0);
    EXPECT_LT(plain.store_ops_mean, ttl.store_ops_mean) << "misses are datastore load";
}

TEST(Cache, ARestartedCacheCausesAThunderingHerdThatCoalescingTames) {
    // The datastore (8 cores x 2 ms: 4,000/s) is sized for the misses, not for every read. The
    // cache dies at 10 s (reads go straight to the datastore, which falls behind) and comes back
    // empty at 11 s. Without coalescing every read of a key misses until the slow fill returns,
    // so the store stays saturated; with coalescing one fill per key goes out and it recovers.
    const std::string timeline = R"([{"at_s": 10, "action": "kill_node", "node": "kv"},
                                      {"at_s": 11, "action": "restart_node", "node": "kv"}])";
    auto storeLoad = [&](bool coalescing) {
        const auto r = cs::test::run(
            cs::test::parse(cached(std::string(R"(, "capacity_keys": 1000, "coalescing": )") +
                                       (coalescing ? "true" : "false"),
                                   1.1, 1000, 6000, 14, timeline)));
        const auto t = cs::test::parseCsv(r.metricsCsvText);
        double before = 0, dead = 0, after = 0;
        int n = 0;
        for (std::size_t i = 0; i < t.rows; ++i) {
            const double ts = t["t_s"][i], ops = t["datastore_ops_per_s"][i];
            if (ts > 6 && ts <= 10) before = std::max(before, ops);
            if (ts > 10.25 && ts <= 11) dead = std::max(dead, ops);
            if (ts > 11.5 && ts <= 12.5) {
                after += ops;
                ++n;
            }
        }
        EXPECT_GT(dead, 3 * before) << "a dead cache sends every read to the datastore";
        return after / n;
    };
    const double herd = storeLoad(false), tamed = storeLoad(true);
    EXPECT_GT(herd, 3000) << "without coalescing the misses keep the store saturated";
    EXPECT_GT(herd, 2 * tamed) << "with coalescing one fill per key: the store recovers";
}

namespace {

Summary limited(const std::string& limiter, double rate, double duration,
                const std::string& clientExtra = "", const std::string& timeline = "[]") {
    return cs::test::run(
               cs::test::parse(
                   R"({"format": "clustersim-scenario", "version": 1, "seed": 21, "duration_s": )" +
                   std::to_string(duration) + R"(, "metrics_interval_ms": 100,
      "nodes": [
        {"id": "c", "kind": "client", "target": "gate", "rate_rps": )" +
                   std::to_string(rate) + R"(, "timeout_ms": 5000)" + clientExtra + R"(},
        {"id": "gate", "kind": "rate_limiter", "target": "svc", )" +
                   limiter + R"(},
        {"id": "svc", "kind": "service_group", "instances": 1, "cores": 64,
         "service_ms": {"dist": "const", "value": 1}}],
      "links": [{"a": "c", "b": "gate", "latency_ms": 0}, {"a": "gate", "b": "svc", "latency_ms": 0}],
      "timeline": )" +
                   timeline + "}"))
        .summary;
}

} // namespace

TEST(RateLimiter, EachAlgorithmPassesItsLimitAtTwiceTheLoad) {
    for (const char* alg :
         {"token_bucket", "leaky_bucket", "fixed_window", "sliding_log", "sliding_counter"}) {
        const auto s = limited(std::string(R"("algorithm": ")") + alg +
                                   R"(", "limit_rps": 200, "burst": 20, "window_ms": 1000)",
                               400, 60);
        const double passed = static_cast<double>(s.completed) / 60.0;
        EXPECT_NEAR(passed, 200, 10) << alg;
        EXPECT_NEAR(static_cast<double>(failed(s, ErrorReason::RateLimited)) / 60.0, 200, 12)
            << alg << ": the rest fail at once with 429";
        EXPECT_EQ(failed(s, ErrorReason::Timeout), 0u) << alg;
    }
}

TEST(RateLimiter, FixedWindowLetsTwiceTheLimitThroughAcrossABoundary) {
    // Nothing, then 5,000 requests/s from 0.8 s to 1.2 s: straddling the window boundary at 1 s.
    const std::string burst =
        R"([{"at_s": 0.8, "action": "set_rate", "node": "c", "rate_rps": 5000},
                                   {"at_s": 1.2, "action": "set_rate", "node": "c", "rate_rps": 0}])";
    auto passed = [&](const char* alg) {
        return limited(std::string(R"("algorithm": ")") + alg +
                           R"(", "limit_rps": 100, "window_ms": 1000)",
                       0, 3, "", burst)
            .completed;
    };
    EXPECT_GE(passed("fixed_window"), 195u) << "100 before the boundary and 100 after, in 0.4 s";
    EXPECT_LE(passed("sliding_log"), 100u) << "never more than the limit in any 1 s window";
    EXPECT_LE(passed("sliding_counter"), 125u) << "the weighted previous window holds it back";
    EXPECT_GE(passed("sliding_counter"), 100u);
}

TEST(RateLimiter, TokenBucketPassesABurstLeakyBucketSmoothsIt) {
    // Idle, then 1,000 requests in 0.2 s.
    const std::string burst = R"([{"at_s": 1, "action": "set_rate", "node": "c", "rate_rps": 5000},
                                   {"at_s": 1.2, "action": "set_rate", "node": "c", "rate_rps": 0}])";
    const auto token =
        limited(R"("algorithm": "token_bucket", "limit_rps": 50, "burst": 40)", 0, 4, "", burst);
    EXPECT_GE(token.completed, 40u) << "a full bucket lets `burst` through at once";
    EXPECT_LE(token.completed, 40u + 12u);
    EXPECT_LT(token.latency_p99, 5.0) << "what passes is not delayed";
    const auto leaky =
        limited(R"("algorithm": "leaky_bucket", "limit_rps": 50, "burst": 40)", 0, 4, "", burst);
    EXPECT_GE(leaky.completed, 40u);
    EXPECT_LE(leaky.completed, 40u + 12u);
    EXPECT_GT(leaky.latency_p99, 500.0) << "the queue delays: 40 requests drain at 50/s";
}

TEST(RateLimiter, HonouringRetryAfterBeatsARetryStorm) {
    // Just under the limit on average; Poisson bursts overflow some windows. Retrying at once
    // hits the same full window again; honouring Retry-After comes back when it has room.
    const std::string limiter =
        R"("algorithm": "fixed_window", "limit_rps": 100, "window_ms": 1000)";
    const std::string retrying =
        R"(, "retries": 2, "retry_backoff_ms": {"base": 1, "max": 2, "jitter": true})";
    const auto storm = limited(limiter, 95, 120, retrying);
    const auto polite = limited(limiter, 95, 120, retrying + R"(, "honor_retry_after": true)");
    EXPECT_GT(failed(storm, ErrorReason::RateLimited), 50u);
    EXPECT_LT(failed(polite, ErrorReason::RateLimited) * 5,
              failed(storm, ErrorReason::RateLimited));
    EXPECT_GT(storm.attempts, storm.issued + 2 * failed(storm, ErrorReason::RateLimited))
        << "each refused request came back twice at once: load above the client's rate";
}

TEST(SessionStore, StatelessWithAStoreLosesNoSessionsButPaysAHop) {
    auto run = [](const std::string& extra, const std::string& timeline) {
        return cs::test::
            run(cs::test::parse(
                    R"({"format": "clustersim-scenario", "version": 1, "seed": 2, "duration_s": 40,
          "nodes": [{"id": "c", "kind": "client", "target": "lb", "rate_rps": 300, "sessions": 300, "timeout_ms": 1000},
            {"id": "lb", "kind": "load_balancer", "group": "api", "health_check_interval_ms": 500},
            {"id": "api", "kind": "service_group", "instances": 3, "cores": 2, "service_ms": {"dist": "exp", "mean": 2})" +
                    extra + R"(},
            {"id": "sessions", "kind": "session_store"}],
          "links": [{"a": "c", "b": "lb", "latency_ms": 1}, {"a": "lb", "b": "api", "latency_ms": 0.5},
                    {"a": "api", "b": "sessions", "latency_ms": 2}],
          "timeline": )" +
                    timeline + "}"))
                .summary;
    };
    const std::string killApi = R"([{"at_s": 10, "action": "kill_node", "node": "api-2"},
                                     {"at_s": 20, "action": "restart_node", "node": "api-2"}])";
    const auto token = run(R"(, "state": "stateless")", killApi);
    const auto store = run(R"(, "state": "stateless", "session_store": "sessions")", killApi);
    EXPECT_EQ(failed(store, ErrorReason::SessionLost), 0u);
    EXPECT_NEAR(store.latency_p50 - token.latency_p50, 4.5, 1.0)
        << "two more 2 ms link crossings and 0.5 ms in the store";
    const auto storeDown = run(R"(, "state": "stateless", "session_store": "sessions")",
                               R"([{"at_s": 10, "action": "kill_node", "node": "sessions"},
                {"at_s": 20, "action": "restart_node", "node": "sessions"}])");
    EXPECT_GT(storeDown.failedTotal(), 2000u) << "every request needs the store";
}

TEST(ConnectionPool, ExhaustionAddsWaitingLongBeforeTheDatastoreSaturates) {
    auto run = [](int pool) {
        return cs::test::
            run(cs::test::parse(
                    R"({"format": "clustersim-scenario", "version": 1, "seed": 6, "duration_s": 30,
          "nodes": [{"id": "c", "kind": "client", "target": "api", "rate_rps": 250, "timeout_ms": 5000},
            {"id": "api", "kind": "service_group", "instances": 1, "cores": 8, "async_io": true,
             "service_ms": {"dist": "exp", "mean": 1}, "datastore": "db", "db_pool": )" +
                    std::to_string(pool) + R"(},
            {"id": "db", "kind": "datastore", "cores": 16, "service_ms": {"dist": "exp", "mean": 5}}],
          "links": [{"a": "c", "b": "api", "latency_ms": 1}, {"a": "api", "b": "db", "latency_ms": 1}]})"))
                .summary;
    };
    const auto open = run(0), tight = run(2);
    // 250/s x 7 ms per connection = 1.75 connections busy: a pool of 2 is 88% used, the datastore
    // (16 cores) about 8%.
    EXPECT_GT(tight.latency_p99, 3 * open.latency_p99);
    EXPECT_GT(tight.latency_p50, open.latency_p50 + 2);
    EXPECT_EQ(tight.failedTotal(), 0u) << "waiting, not failing";
}

namespace {

Summary batched(double rate, int size) {
    // The same cost model either way: 4 ms per batch plus 1 ms per request; size 1 = no batching.
    return cs::test::run(
               cs::test::parse(
                   R"({"format": "clustersim-scenario", "version": 1, "seed": 13, "duration_s": 60,
      "nodes": [
        {"id": "c", "kind": "client", "target": "svc", "rate_rps": )" +
                   std::to_string(rate) + R"(, "timeout_ms": 5000},
        {"id": "svc", "kind": "service_group", "instances": 1, "cores": 2, "queue_capacity": 200,
         "batching": {"size": )" +
                   std::to_string(size) +
                   R"(, "max_wait_ms": 20, "overhead_ms": 4, "per_item_ms": 1}}],
      "links": [{"a": "c", "b": "svc", "latency_ms": 1}]})"))
        .summary;
}

} // namespace

TEST(Batching, RaisesThroughputAndTheMedianLatency) {
    // Alone, a request costs 5 ms: two cores carry 400/s. In batches of 10, 1.4 ms each.
    const auto single = batched(800, 1), grouped = batched(800, 10);
    EXPECT_NEAR(static_cast<double>(single.completed) / 60, 400, 20) << "saturated";
    EXPECT_GT(single.failed[static_cast<int>(ErrorReason::Dropped)], 10000u);
    EXPECT_NEAR(static_cast<double>(grouped.completed) / 60, 800, 25) << "batches carry it all";
    // At a load both carry, a request waits for its batch to fill.
    const auto singleLight = batched(200, 1), groupedLight = batched(200, 10);
    EXPECT_GT(groupedLight.latency_p50, singleLight.latency_p50 + 5);
    EXPECT_EQ(groupedLight.failedTotal(), 0u);
}

namespace {

Summary queued(bool keys, double consumerServiceMs, int capacity, const std::string& timeline) {
    return cs::test::run(
               cs::test::parse(
                   R"({"format": "clustersim-scenario", "version": 1, "seed": 17, "duration_s": 30,
      "metrics_interval_ms": 500,
      "nodes": [
        {"id": "c", "kind": "client", "target": "api", "rate_rps": 400, "read_fraction": 0,
         "write_kind": "increment", "timeout_ms": 1000, "idempotency_keys": )" +
                   std::string(keys ? "true" : "false") + R"(},
        {"id": "api", "kind": "service_group", "instances": 2, "cores": 4, "async_io": true,
         "service_ms": {"dist": "exp", "mean": 1}, "datastore": "db", "queue": "q"},
        {"id": "q", "kind": "queue", "consumers": "workers", "capacity": )" +
                   std::to_string(capacity) + R"(, "ack_timeout_ms": 500},
        {"id": "workers", "kind": "service_group", "instances": 2, "cores": 2, "async_io": true,
         "service_ms": {"dist": "exp", "mean": )" +
                   std::to_string(consumerServiceMs) + R"(}, "datastore": "db"},
        {"id": "db", "kind": "datastore", "cores": 8}],
      "links": [{"a": "c", "b": "api", "latency_ms": 1}, {"a": "api", "b": "q", "latency_ms": 1},
                {"a": "q", "b": "workers", "latency_ms": 1}, {"a": "workers", "b": "db", "latency_ms": 5},
                {"a": "api", "b": "db", "latency_ms": 1}],
      "timeline": )" +
                   timeline + "}"))
        .summary;
}

} // namespace

TEST(WriteQueue, AbsorbsAWriteHeavyLoadUntilItIsFull) {
    // Consumers have 4 cores in all: at 8 ms a write they apply 500/s, at 20 ms 200/s.
    const auto keepsUp = queued(false, 8, 100000, "[]");
    EXPECT_LT(keepsUp.queue_max_depth, 100);
    EXPECT_EQ(keepsUp.failedTotal(), 0u);
    EXPECT_LT(keepsUp.latency_p99, 10) << "the producer waits for the queue, not the datastore";
    const auto behind = queued(false, 20, 100000, "[]");
    EXPECT_GT(behind.queue_max_depth, 4000) << "400/s in, 200/s out for 30 s";
    EXPECT_EQ(behind.failedTotal(), 0u);
    const auto full = queued(false, 20, 1000, "[]");
    EXPECT_LE(full.queue_max_depth, 1000);
    EXPECT_GT(full.failed[static_cast<int>(ErrorReason::Dropped)], 2000u)
        << "a full queue refuses writes";
}

TEST(WriteQueue, RedeliveryAfterAConsumerDiesDuplicatesUnlessKeyed) {
    const std::string kill = R"([{"at_s": 10, "action": "kill_node", "node": "workers-1"},
                                 {"at_s": 12, "action": "restart_node", "node": "workers-1"},
                                 {"at_s": 20, "action": "kill_node", "node": "workers-2"},
                                 {"at_s": 22, "action": "restart_node", "node": "workers-2"}])";
    const auto plain = queued(false, 8, 100000, kill), keyed = queued(true, 8, 100000, kill);
    EXPECT_GT(plain.duplicate_side_effects, 0u)
        << "writes the dead consumer had sent on are applied again";
    EXPECT_EQ(keyed.duplicate_side_effects, 0u);
    EXPECT_EQ(plain.failedTotal(), 0u) << "at-least-once: nothing the queue took is lost";
}

TEST(Cache, ATtlOnlyCacheServesStaleReadsForUpToItsTtl) {
    // Writes (20%) to a few hot keys; the cache is not told about them (on_write none), so a hit
    // can return a version older than one already committed: stale, by at most the TTL.
    auto run = [](const std::string& cacheFields) {
        std::string json = cached(cacheFields, 0.8, 50, 1000, 30);
        const std::string reads = R"("read_fraction": 1)";
        json.replace(json.find(reads), reads.size(),
                     R"("read_fraction": 0.8, "write_kind": "set")");
        return cs::test::run(cs::test::parse(json)).summary;
    };
    const auto ttlOnly = run(R"(, "ttl_s": 0.5, "on_write": "none")");
    const auto longer = run(R"(, "ttl_s": 2, "on_write": "none")");
    const auto invalidating = run(R"(, "ttl_s": 2, "on_write": "invalidate")");
    EXPECT_GT(ttlOnly.stale_fraction, 0.05);
    EXPECT_LE(ttlOnly.staleness_p99, 500 * 1.01) << "an entry lives at most its TTL";
    EXPECT_GT(longer.stale_fraction, ttlOnly.stale_fraction) << "a longer TTL, staler reads";
    EXPECT_LT(invalidating.stale_fraction, 0.01) << "invalidation on write keeps it fresh";
}
