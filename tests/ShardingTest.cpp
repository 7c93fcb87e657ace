// Sharding (Q6): keys moved by add_shard per strategy, a hot shard under Zipf, shards as nodes.
#include "TestUtil.h"

using namespace cs::core;

namespace {

std::string sharded(const std::string& shards, double zipf, const std::string& timeline = "[]",
                    double duration = 20) {
    return R"({"format": "clustersim-scenario", "version": 1, "seed": 4, "duration_s": )" +
           std::to_string(duration) + R"(,
      "nodes": [
        {"id": "c", "kind": "client", "target": "api", "rate_rps": 1000, "read_fraction": 0.8,
         "timeout_ms": 500, "keys": {"count": 10000, "zipf_s": )" +
           std::to_string(zipf) + R"(}},
        {"id": "api", "kind": "service_group", "instances": 2, "cores": 16, "async_io": true,
         "service_ms": {"dist": "exp", "mean": 1}, "datastore": "db"},
        {"id": "db", "kind": "datastore", "cores": 8, "shards": )" +
           shards + R"(}],
      "links": [{"a": "c", "b": "api", "latency_ms": 1}, {"a": "api", "b": "db", "latency_ms": 1}],
      "timeline": )" +
           timeline + "}";
}

const char* kAdd = R"([{"at_s": 5, "action": "add_shard", "node": "db"}])";

} // namespace

TEST(Sharding, ConsistentHashingMovesAboutOneInNPlusOneKeysHashModMostOfThem) {
    const auto ring =
        cs::test::run(
            cs::test::parse(
                sharded(R"({"count": 4, "strategy": "consistent_hash", "vnodes": 256})", 0, kAdd)))
            .summary;
    EXPECT_NEAR(ring.keys_moved_fraction, 1.0 / 5, 0.04);
    const auto mod =
        cs::test::run(cs::test::parse(sharded(R"({"count": 4, "strategy": "hash_mod"})", 0, kAdd)))
            .summary;
    EXPECT_GT(mod.keys_moved_fraction, 0.5);
    EXPECT_NEAR(mod.keys_moved_fraction, 4.0 / 5, 0.03) << "a key stays only if k mod 4 = k mod 5";
    EXPECT_EQ(mod.failedTotal(), 0u) << "the new shard serves at once";
}

TEST(Sharding, ZipfKeysMakeAHotShardUnderRangePartitioning) {
    const auto uniform =
        cs::test::run(cs::test::parse(sharded(R"({"count": 4, "strategy": "range"})", 0))).summary;
    EXPECT_NEAR(uniform.max_shard_share, 0.25, 0.02);
    const auto skewed =
        cs::test::run(cs::test::parse(sharded(R"({"count": 4, "strategy": "range"})", 1.1)))
            .summary;
    EXPECT_GT(skewed.max_shard_share, 0.6) << "the popular keys sit together in the first range";
    const auto hashed =
        cs::test::run(cs::test::parse(sharded(R"({"count": 4, "strategy": "hash_mod"})", 1.1)))
            .summary;
    EXPECT_LT(hashed.max_shard_share, skewed.max_shard_share) << "hashing spreads the hot range";
}

TEST(Sharding, AShardIsANodeThatCanBeKilled) {
    const auto r = cs::test::run(
        cs::test::parse(sharded(R"({"count": 4, "strategy": "hash_mod"})", 0,
                                R"([{"at_s": 5, "action": "kill_node", "node": "db-s2"},
            {"at_s": 15, "action": "restart_node", "node": "db-s2"}])")));
    // A quarter of the keys are unreachable for 10 of 20 s: about 1/8 of requests fail.
    const double failedShare =
        static_cast<double>(r.summary.failedTotal()) / static_cast<double>(r.summary.issued);
    EXPECT_NEAR(failedShare, 0.125, 0.02);
}

TEST(Sharding, FileAndValidation) {
    const Scenario s = cs::test::parse(
        sharded(R"({"count": 3, "strategy": "consistent_hash", "vnodes": 32})", 0, kAdd));
    const auto again = loadScenarioText(scenarioToJson(s), "x");
    ASSERT_TRUE(again.ok) << again.error;
    EXPECT_EQ(again.scenario, s);
    std::string notSharded = sharded(R"({"count": 3})", 0, kAdd);
    notSharded.replace(notSharded.find(R"(, "shards": {"count": 3})"), 24, "");
    const auto bad = loadScenarioText(notSharded, "x.clustersim.json");
    ASSERT_FALSE(bad.ok);
    EXPECT_NE(bad.error.find("timeline[0].node: \"db\" is not a sharded datastore"),
              std::string::npos)
        << bad.error;
}

TEST(Sharding, KeysMigrateOverTimeAndOldShardsServeThemUntilThen) {
    // The new shard dies 1 s after it was added and stays down. Keys that reached it by then are
    // unreachable; keys still on their way are served by their old shard.
    const std::string timeline = R"([{"at_s": 5, "action": "add_shard", "node": "db"},
                                      {"at_s": 6, "action": "kill_node", "node": "db-s5"}])";
    auto failedShare = [&](double keysPerS) {
        const auto s =
            cs::test::run(cs::test::parse(sharded(
                              R"({"count": 4, "strategy": "consistent_hash", "vnodes": 256,
                                              "migration_keys_per_s": )" +
                                  std::to_string(keysPerS) + "}",
                              0, timeline)))
                .summary;
        return static_cast<double>(s.failedTotal()) / static_cast<double>(s.issued);
    };
    const double fast = failedShare(1e6), slow = failedShare(100);
    // Fast: a fifth of the keys lived on db-s5 for the last 14 of 20 s.
    EXPECT_NEAR(fast, 0.2 * 14 / 20, 0.03);
    // Slow: 100 keys/s, so about 100 of 10,000 keys had arrived when it died.
    EXPECT_LT(slow, 0.01);
}

TEST(Sharding, AShardThatDiesForgetsOnlyItsOwnRunningIdempotencyKeys) {
    // Keyed increments retried over a slow link to a 4-shard store; shards die and come back.
    // Keys the other shards are running survive, so retries never apply a write twice.
    Scenario s = cs::test::parse(sharded(R"({"count": 4, "strategy": "hash_mod"})", 0,
                                         R"([{"at_s": 4, "action": "kill_node", "node": "db-s1"},
                                             {"at_s": 6, "action": "restart_node", "node": "db-s1"},
                                             {"at_s": 10, "action": "kill_node", "node": "db-s3"},
                                             {"at_s": 12, "action": "restart_node", "node": "db-s3"}])"));
    NodeSpec& c = s.nodes[0];
    c.read_fraction = 0;
    c.write_kind = WriteKind::Increment;
    c.idempotency_keys = true;
    c.retries = 3;
    c.timeout_ms = 40;
    for (auto& l : s.links)
        if (l.a == "api") l.median_ms = 15, l.p99_ms = 60; // attempts outlive the client's patience
    const auto r = cs::test::run(s).summary;
    EXPECT_GT(r.attempts, r.issued + 1000) << "retries happened";
    EXPECT_EQ(r.duplicate_side_effects, 0u);
}
