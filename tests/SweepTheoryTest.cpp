// What the sweep dialog draws, from core: Erlang C and the M/M/c response-time distribution
// against textbook values and against simulated sweeps, the knee rule on synthetic curves and on
// an M/M/1 sweep, which scenarios theory describes, and the cost per hour of a sizing sweep.
#include "QueueTheory.h"
#include "Sweep.h"
#include "SweepAnalysis.h"
#include "TestUtil.h"

#include <cmath>

namespace {

using namespace cs::core;

SweepAxis axis(const Scenario& s, const std::string& arg) {
    SweepAxis a;
    std::string error;
    EXPECT_TRUE(parseSweepAxis(s, arg, a, error)) << error;
    return a;
}

// Client -> load balancer -> group of `instances` x `cores`, exponential 10 ms, zero latency.
std::string lbScenario(double rate, int instances, int cores, const char* algorithm = "random") {
    return std::string(R"({"format": "clustersim-scenario", "version": 1, "seed": 3,
      "duration_s": 10, "nodes": [
      {"id": "c", "kind": "client", "target": "lb", "timeout_ms": 1000000, "rate_rps": )") +
           std::to_string(rate) + R"(},
      {"id": "lb", "kind": "load_balancer", "group": "g", "algorithm": ")" +
           algorithm + R"("},
      {"id": "g", "kind": "service_group", "instances": )" +
           std::to_string(instances) + R"(, "cores": )" + std::to_string(cores) +
           R"(, "service_ms": {"dist": "exp", "mean": 10}, "queue_capacity": 100000}],
      "links": [{"a": "c", "b": "lb", "latency_ms": {"median": 0, "p99": 0}},
                {"a": "lb", "b": "g", "latency_ms": {"median": 0, "p99": 0}}]})";
}

TEST(QueueTheory, ErlangCAndTheResponseTimeMatchTextbookValues) {
    EXPECT_NEAR(erlangC(1, 0.7), 0.7, 1e-12); // M/M/1: an arrival waits with probability rho
    EXPECT_NEAR(erlangC(2, 1.0), 1.0 / 3, 1e-12);
    EXPECT_NEAR(erlangC(4, 3.6), 0.78775, 1e-5); // bench/mm4: mean response 2.9694 s
    EXPECT_NEAR(mmcMeanResponse(4, 3.6, 1.0), 2.9694, 1e-4);
    // M/M/1: T is exponential with rate mu - lambda, so p99 = ln(100) / (mu - lambda).
    EXPECT_NEAR(mmcResponseQuantile(1, 60, 100, 0.99), std::log(100.0) / 40, 1e-9);
    EXPECT_NEAR(mmcResponseQuantile(1, 60, 100, 0.5), std::log(2.0) / 40, 1e-9);
    // The tail integrates to the mean: E[T] = integral of P(T > t) dt.
    double integral = 0;
    const double dt = 1e-5;
    for (double t = dt / 2; t < 1.0; t += dt) integral += mmcResponseTail(3, 250, 100, t) * dt;
    EXPECT_NEAR(integral, mmcMeanResponse(3, 250, 100), 1e-6);
    // theta = c mu - lambda equal to mu takes the limit's branch.
    EXPECT_NEAR(mmcResponseTail(2, 100, 100, 0.01), mmcResponseTail(2, 100 + 1e-4, 100, 0.01),
                1e-5);
}

TEST(SweepKnee, SyntheticCurves) {
    // Flat, then a hockey stick: the knee is the last flat point.
    EXPECT_EQ(kneeIndex({100, 200, 300, 400, 500}, {10, 10.2, 10.5, 30, 200}), 2u);
    // Latency proportional to throughput (elasticity exactly 1) never has a knee.
    EXPECT_EQ(kneeIndex({1, 2, 4, 8}, {3, 6, 12, 24}), std::nullopt);
    // Falling latency has none either.
    EXPECT_EQ(kneeIndex({1, 2, 3}, {9, 5, 4}), std::nullopt);
    // Throughput stops rising (saturation) while latency climbs: the knee is before the plateau.
    EXPECT_EQ(kneeIndex({100, 200, 290, 291}, {10, 10.5, 11, 12}), 2u);
    EXPECT_EQ(kneeIndex({100, 200, 250, 240}, {10, 10.5, 40, 400}), 1u);
    // Unusable points (no successes: latency 0) are skipped.
    EXPECT_EQ(kneeIndex({0, 100, 200, 300}, {0, 10, 10.1, 50}), 2u);
    // M/M/1's elasticity is rho / (1 - rho): utilisations 0.1, 0.3, ... 0.9 put it at 0.5.
    std::vector<double> x, y;
    for (double rho : {0.1, 0.3, 0.5, 0.7, 0.9}) {
        x.push_back(rho * 100);
        y.push_back(mmcResponseQuantile(1, rho * 100, 100, 0.99));
    }
    EXPECT_EQ(kneeIndex(x, y), 2u);
}

// A simulated M/M/1 sweep: p99 against throughput has its knee where theory's is, at 0.5.
TEST(SweepKnee, MmOneSweepHasItsKneeAtHalfUtilisation) {
    const Scenario base = cs::test::parse(cs::test::mmcScenario(10, 1, 10, 10'000'000, 1));
    const std::vector<SweepAxis> axes = {axis(base, "nodes[c].rate_rps=10:90:5")};
    SweepOptions opt;
    opt.duration_s = 1500;
    const SweepTable t = parseSweepCsv(runSweep(base, axes, opt));
    ASSERT_EQ(t.rows.size(), 5u);
    const auto knee = kneeIndex(t.column("throughput_rps"), t.column("latency_ms.p99"));
    ASSERT_TRUE(knee.has_value());
    EXPECT_EQ(*knee, 2u) << "utilisation " << t.column("throughput_rps")[*knee] / 100;
}

// The overlay: M/M/2 behind a load balancer (one instance, two cores) and two M/M/2 instances
// behind a random one. Mean and p99 within 5% of theory up to 70% utilisation.
TEST(QueueTheory, OverlayAgreesWithSimulatedPointsAtModerateLoad) {
    for (const int instances : {1, 2}) {
        const Scenario base = cs::test::parse(lbScenario(20, instances, 2));
        std::string why;
        ASSERT_TRUE(mmcModelOf(base, &why)) << why;
        const std::string to = std::to_string(140 * instances);
        const std::vector<SweepAxis> axes = {
            axis(base, "nodes[c].rate_rps=" + std::to_string(20 * instances) + ":" + to + ":4")};
        SweepOptions opt;
        opt.duration_s = 2500 / instances;
        const SweepTable t = parseSweepCsv(runSweep(base, axes, opt));
        ASSERT_EQ(t.rows.size(), 4u);
        for (std::size_t k = 0; k < t.rows.size(); ++k) {
            const auto p = mmcPredict(*mmcModelOf(sweepPoint(base, axes, k)), &why);
            ASSERT_TRUE(p) << why;
            for (const char* key : {"latency_ms.mean", "latency_ms.p50", "latency_ms.p99"}) {
                const double sim = t.column(key)[k], theory = *p->value(key);
                EXPECT_NEAR(sim, theory, 0.05 * theory)
                    << key << " instances=" << instances << " lambda=" << p->throughput_rps;
            }
            EXPECT_NEAR(t.column("throughput_rps")[k], p->throughput_rps, 0.02 * p->throughput_rps);
        }
    }
}

TEST(QueueTheory, SaysWhyAScenarioIsNotOneMmcGroup) {
    std::string why;
    EXPECT_FALSE(mmcModelOf(cs::test::parse(lbScenario(20, 3, 1, "round_robin")), &why));
    EXPECT_NE(why.find("round_robin over 3 instances"), std::string::npos) << why;
    const auto design = loadScenarioFile(CLUSTERSIM_TEST_DATA "/design_example.clustersim.json");
    ASSERT_TRUE(design.ok);
    EXPECT_FALSE(mmcModelOf(design.scenario, &why));
    EXPECT_NE(why.find("theory needs one M/M/c group"), std::string::npos) << why;
    Scenario lognormal = cs::test::parse(lbScenario(20, 1, 2));
    lognormal.nodes[2].service.kind = Distribution::Kind::Lognormal;
    EXPECT_FALSE(mmcModelOf(lognormal, &why));
    EXPECT_NE(why.find("not exponential"), std::string::npos) << why;

    // Saturated, a small waiting room, a short timeout: no steady state theory can state.
    const auto m = mmcModelOf(cs::test::parse(lbScenario(20, 1, 2)));
    ASSERT_TRUE(m);
    MmcModel over = *m;
    over.lambda_rps = 200;
    EXPECT_FALSE(mmcPredict(over, &why));
    EXPECT_NE(why.find("saturated"), std::string::npos);
    MmcModel small = *m;
    small.lambda_rps = 180;
    small.queue_capacity = 5;
    EXPECT_FALSE(mmcPredict(small, &why));
    MmcModel hurried = *m;
    hurried.lambda_rps = 150;
    hurried.timeout_ms = 40;
    EXPECT_FALSE(mmcPredict(hurried, &why));
    EXPECT_NE(why.find("timeout"), std::string::npos);
    // Constant link latency adds the round trip to every prediction.
    MmcModel far = *m;
    far.fixed_ms = 20;
    EXPECT_NEAR(mmcPredict(far)->p99_ms - mmcPredict(*m)->p99_ms, 20, 1e-9);
}

// Scale out (instances) and scale up (cores) of an M/M/1 at 80%: cost rises and p99 falls along
// both, towards the service time's p99; at equal cores, one shared queue (scale up) beats separate
// ones (scale out) on p99.
TEST(SweepSizing, CostRisesAndP99FallsAlongBothWays) {
    const Scenario base = cs::test::parse(lbScenario(80, 1, 1));
    SweepOptions opt;
    opt.duration_s = 2000;
    const SweepTable out =
        parseSweepCsv(runSweep(base, {axis(base, "nodes[g].instances=1:4:4")}, opt));
    const SweepTable up = parseSweepCsv(runSweep(base, {axis(base, "nodes[g].cores=1:4:4")}, opt));
    for (const SweepTable* t : {&out, &up}) {
        const auto cost = costPerHour(*t), p99 = t->column("latency_ms.p99");
        ASSERT_EQ(cost.size(), 4u);
        // Each step costs more and is never slower; the first step is a big gain, the later ones
        // approach the service time's own p99 (46 ms): diminishing returns.
        for (std::size_t k = 1; k < 4; ++k) {
            EXPECT_GT(cost[k], cost[k - 1]);
            EXPECT_LE(p99[k], p99[k - 1] * 1.01);
        }
        EXPECT_LT(p99[1], 0.5 * p99[0]);
        EXPECT_GT(p99[3], 10 * std::log(100.0) * 0.97);
    }
    EXPECT_NEAR(costPerHour(out)[0], 0.05, 1e-9); // one 1-core instance: the list price
    EXPECT_NEAR(costPerHour(out)[3], 4 * 0.05, 1e-9);
    EXPECT_NEAR(costPerHour(up)[3], 0.24, 1e-9);
    EXPECT_LT(up.column("latency_ms.p99")[3], out.column("latency_ms.p99")[3]);
}

} // namespace
