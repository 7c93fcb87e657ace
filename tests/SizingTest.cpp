// Horizontal vs vertical (DESIGN.md section 6 row 5): Amdahl's speed-up, a super-linear price
// list, a resize that restarts with downtime, and the size ceiling.
#include "Pricing.h"
#include "TestUtil.h"

using namespace cs::core;

namespace {

// One instance of `cores` cores, far more load than it can take; constant 10 ms of work.
std::string overloaded(int cores, const std::string& extra) {
    return R"({"format": "clustersim-scenario", "version": 1, "seed": 3, "duration_s": 60,
      "metrics_interval_ms": 1000, "nodes": [
        {"id": "c", "kind": "client", "target": "svc", "rate_rps": 2000, "timeout_ms": 100000},
        {"id": "svc", "kind": "service_group", "instances": 1, "cores": )" +
           std::to_string(cores) + R"(, "service_ms": {"dist": "const", "value": 10},
         "queue_capacity": 50)" +
           extra + R"(}],
      "links": [{"a": "c", "b": "svc", "latency_ms": 0}]})";
}

double throughput(const Summary& s) {
    return static_cast<double>(s.completed) / 60.0;
}

} // namespace

TEST(Sizing, AmdahlSpeedUpMatchesItsFormula) {
    const double p = 0.9;
    const double base = throughput(
        cs::test::run(cs::test::parse(overloaded(1, R"(, "parallel_fraction": 0.9)"))).summary);
    EXPECT_NEAR(base, 100.0, 2.0) << "one core: 10 ms per request";
    for (int cores : {2, 4, 16, 64}) {
        const double thr = throughput(
            cs::test::run(cs::test::parse(overloaded(cores, R"(, "parallel_fraction": 0.9)")))
                .summary);
        const double expected = amdahlSpeedup(p, cores);
        EXPECT_NEAR(thr / base, expected, 0.02 * expected) << cores << " cores";
    }
    // The ceiling of the formula: with 10% serial work no size goes past 10x.
    EXPECT_LT(amdahlSpeedup(p, kMaxCores), 10.0);
}

TEST(Sizing, WithoutParallelFractionEachCoreServesOneRequest) {
    const double thr = throughput(cs::test::run(cs::test::parse(overloaded(4, ""))).summary);
    EXPECT_NEAR(thr, 400.0, 8.0);
}

TEST(Sizing, PriceGrowsFasterThanSizeAndCostIsBilledPerHour) {
    for (std::size_t i = 1; i < kPriceList.size(); ++i) {
        const auto& lo = kPriceList[i - 1];
        const auto& hi = kPriceList[i];
        EXPECT_GT(hi.usdPerHour / hi.cores, lo.usdPerHour / lo.cores)
            << "a core costs more in a bigger instance";
    }
    EXPECT_NEAR(listPricePerHour(4), 0.24, 1e-12);
    EXPECT_GT(listPricePerHour(6), listPricePerHour(4));
    EXPECT_LT(listPricePerHour(6), listPricePerHour(8));
    // 1 instance of 4 cores for 60 s (the client costs nothing).
    const auto s = cs::test::run(cs::test::parse(overloaded(4, ""))).summary;
    EXPECT_NEAR(s.cost, 0.24 * 60 / 3600, 1e-9);
    const auto priced =
        cs::test::run(cs::test::parse(overloaded(4, R"(, "price_per_hour": 1.5)"))).summary;
    EXPECT_NEAR(priced.cost, 1.5 * 60 / 3600, 1e-9);
}

TEST(Sizing, VerticalResizeRestartsWithDowntimeAndCostsMorePerCore) {
    Scenario s = cs::test::parse(
        R"({"format": "clustersim-scenario", "version": 1, "seed": 5, "duration_s": 60,
      "metrics_interval_ms": 1000, "nodes": [
        {"id": "c", "kind": "client", "target": "svc", "rate_rps": 300, "timeout_ms": 1000},
        {"id": "svc", "kind": "service_group", "instances": 1, "cores": 2, "resize_downtime_s": 10,
         "service_ms": {"dist": "exp", "mean": 10}, "queue_capacity": 100}],
      "links": [{"a": "c", "b": "svc", "latency_ms": 1}],
      "timeline": [{"at_s": 20, "action": "set", "node": "svc", "field": "cores", "value": 8}]})");
    const auto r = cs::test::run(s);
    const auto t = cs::test::parseCsv(r.metricsCsvText);
    auto at = [&](const char* col, double ts) { return cs::test::valueAt(t, col, ts); };
    EXPECT_NEAR(at("throughput_rps", 15), 200, 30) << "2 cores x 10 ms: saturated at 200/s";
    for (double ts = 22; ts <= 29; ++ts)
        EXPECT_EQ(at("throughput_rps", ts), 0) << "down while it resizes, at " << ts;
    EXPECT_EQ(at("instances", 25), 0);
    EXPECT_NEAR(at("throughput_rps", 45), 300, 45) << "8 cores carry the whole load";
    const double before = at("cost_per_hour", 15), after = at("cost_per_hour", 45);
    EXPECT_NEAR(before, listPricePerHour(2), 1e-12);
    EXPECT_NEAR(after, listPricePerHour(8), 1e-12);
    EXPECT_GT(after / 8, before / 2) << "cost per core rises with size";
}

TEST(Sizing, ResizingAGroupIsRollingAndTheCeilingHolds) {
    Scenario s = cs::test::parse(
        R"({"format": "clustersim-scenario", "version": 1, "seed": 5, "duration_s": 60,
      "metrics_interval_ms": 1000, "nodes": [
        {"id": "c", "kind": "client", "target": "lb", "rate_rps": 100, "timeout_ms": 1000},
        {"id": "lb", "kind": "load_balancer", "group": "svc", "health_check_interval_ms": 200},
        {"id": "svc", "kind": "service_group", "instances": 3, "cores": 2, "resize_downtime_s": 5,
         "service_ms": {"dist": "exp", "mean": 5}}],
      "links": [{"a": "c", "b": "lb", "latency_ms": 1}, {"a": "lb", "b": "svc", "latency_ms": 1}],
      "timeline": [{"at_s": 10, "action": "set", "node": "svc", "field": "cores", "value": 4},
                   {"at_s": 40, "action": "set", "node": "svc", "field": "cores", "value": 128}]})");
    const auto r = cs::test::run(s);
    const auto t = cs::test::parseCsv(r.metricsCsvText);
    double minInstances = 3;
    for (std::size_t i = 0; i < t.rows; ++i)
        minInstances = std::min(minInstances, t["instances"][i]);
    EXPECT_EQ(minInstances, 2) << "one instance at a time is down";
    EXPECT_EQ(t["instances"][t.rows - 1], 3);
    EXPECT_NEAR(t["cost_per_hour"][t.rows - 1], 3 * listPricePerHour(4), 1e-12)
        << "128 cores is past the largest size: skipped";
    EXPECT_GT(r.summary.availability, 0.97) << "the others kept serving";
}

TEST(Sizing, FieldsRoundTrip) {
    const Scenario s = cs::test::parse(overloaded(
        8, R"(, "parallel_fraction": 0.75, "price_per_hour": 0.9, "resize_downtime_s": 12)"));
    const NodeSpec& svc = *s.find("svc");
    ASSERT_TRUE(svc.parallel_fraction.has_value());
    EXPECT_EQ(*svc.parallel_fraction, 0.75);
    EXPECT_EQ(svc.price_per_hour, 0.9);
    EXPECT_EQ(svc.resize_downtime_s, 12);
    const auto again = loadScenarioText(scenarioToJson(s), "saved");
    ASSERT_TRUE(again.ok) << again.error;
    EXPECT_EQ(again.scenario, s);
}

TEST(Sizing, ResizingAReplicatedStoreRestartsItsReplicasOneByOne) {
    Scenario s = cs::test::parse(
        R"({"format": "clustersim-scenario", "version": 1, "seed": 5, "duration_s": 40,
      "metrics_interval_ms": 1000, "nodes": [
        {"id": "c", "kind": "client", "target": "db", "rate_rps": 100, "timeout_ms": 1000, "write_kind": "set"},
        {"id": "db", "kind": "datastore", "replicas": ["r1", "r2", "r3"], "cores": 2, "resize_downtime_s": 5},
        {"id": "r1", "kind": "replica"}, {"id": "r2", "kind": "replica"}, {"id": "r3", "kind": "replica"}],
      "links": [{"a": "c", "b": "r1", "latency_ms": 1}, {"a": "c", "b": "r2", "latency_ms": 2},
                {"a": "r1", "b": "r2", "latency_ms": 1}, {"a": "r2", "b": "r3", "latency_ms": 1},
                {"a": "r1", "b": "r3", "latency_ms": 1}],
      "timeline": [{"at_s": 10, "action": "set", "node": "db", "field": "cores", "value": 8}]})");
    const auto r = cs::test::run(s);
    const auto t = cs::test::parseCsv(r.metricsCsvText);
    EXPECT_NEAR(t["cost_per_hour"][5], 3 * listPricePerHour(2), 1e-12);
    EXPECT_NEAR(t["cost_per_hour"][t.rows - 1], 3 * listPricePerHour(8), 1e-12)
        << "every replica was resized";
    EXPECT_GE(r.summary.elections, 2u) << "the first, and another when the leader restarted";
    EXPECT_GT(r.summary.availability, 0.9) << "a majority stayed up throughout";
}
