// Workload shapes: the offered load follows the shape (non-homogeneous Poisson by thinning), and
// shapes survive a save and load.
#include "TestUtil.h"

#include <cmath>

using namespace cs::core;

namespace {

Scenario withWorkload(const std::string& workload, double duration = 60) {
    return cs::test::parse(
        R"({"format": "clustersim-scenario", "version": 1, "seed": 9, "duration_s": )" +
        std::to_string(duration) + R"(, "metrics_interval_ms": 1000, "nodes": [
      {"id": "c", "kind": "client", "target": "svc", "rate_rps": 200, "timeout_ms": 1000, "workload": )" +
        workload + R"(},
      {"id": "svc", "kind": "service_group", "instances": 1, "cores": 64, "service_ms": {"dist": "const", "value": 1}}],
      "links": [{"a": "c", "b": "svc", "latency_ms": 0}]})");
}

// Mean offered load over rows with t in (from, to].
double offered(const cs::test::Table& t, double from, double to) {
    double sum = 0;
    int n = 0;
    for (std::size_t i = 0; i < t.rows; ++i)
        if (t["t_s"][i] > from && t["t_s"][i] <= to) {
            sum += t["offered_rps"][i];
            ++n;
        }
    return n ? sum / n : 0;
}

} // namespace

TEST(Workload, StepSpikeDiurnalAndBurstsShapeTheOfferedLoad) {
    {
        const auto t = cs::test::parseCsv(
            cs::test::run(withWorkload(R"({"shape": "step", "at_s": 20, "to_rps": 800})"))
                .metricsCsvText);
        EXPECT_NEAR(offered(t, 1, 20), 200, 15);
        EXPECT_NEAR(offered(t, 20, 60), 800, 30);
    }
    {
        const auto s = withWorkload(
            R"({"shape": "spike", "start_s": 10, "ramp_s": 10, "hold_s": 20, "peak_rps": 1000})");
        const auto t = cs::test::parseCsv(cs::test::run(s).metricsCsvText);
        EXPECT_NEAR(offered(t, 0, 10), 200, 20);
        EXPECT_NEAR(offered(t, 20, 40), 1000, 40);
        EXPECT_NEAR(offered(t, 14, 16), s.nodes[0].workload.rateAt(200, 15), 60)
            << "half-way up the ramp";
        EXPECT_NEAR(offered(t, 50, 60), 200, 20);
    }
    {
        const auto t = cs::test::parseCsv(
            cs::test::run(
                withWorkload(R"({"shape": "diurnal", "period_s": 40, "amplitude": 0.5})", 80))
                .metricsCsvText);
        EXPECT_NEAR(offered(t, 0, 80), 200, 10) << "a full period averages to the base rate";
        EXPECT_NEAR(offered(t, 8, 12), 300, 30) << "a quarter period in: base x 1.5";
        EXPECT_NEAR(offered(t, 28, 32), 100, 20) << "three quarters in: base x 0.5";
    }
    {
        const auto t = cs::test::parseCsv(
            cs::test::run(
                withWorkload(R"({"shape": "bursts", "on_s": 5, "off_s": 15, "burst_rps": 1000})"))
                .metricsCsvText);
        EXPECT_NEAR(offered(t, 0, 5), 1000, 50);
        EXPECT_NEAR(offered(t, 5, 20), 200, 20);
        EXPECT_NEAR(offered(t, 0, 60), (5 * 1000 + 15 * 200) / 20.0, 20);
    }
}

TEST(Workload, ShapesRoundTripThroughFiles) {
    for (const char* w :
         {R"({"shape": "step", "at_s": 20, "to_rps": 800})",
          R"({"shape": "spike", "start_s": 10, "ramp_s": 10, "hold_s": 20, "peak_rps": 1000})",
          R"({"shape": "diurnal", "period_s": 40, "amplitude": 0.5})",
          R"({"shape": "bursts", "on_s": 5, "off_s": 15, "burst_rps": 1000})"}) {
        const Scenario s = withWorkload(w);
        const auto back = loadScenarioText(scenarioToJson(s), "w");
        ASSERT_TRUE(back.ok) << back.error;
        EXPECT_EQ(back.scenario, s) << w;
        EXPECT_NE(s.nodes[0].workload.shape, Workload::Shape::Constant);
    }
    const auto wrong = loadScenarioText(
        R"({"format": "clustersim-scenario", "version": 1, "nodes": [{"id": "c", "kind": "client", "target": "s",
            "workload": {"shape": "tidal"}}, {"id": "s", "kind": "service_group"}], "links": [{"a": "c", "b": "s"}]})",
        "w.json");
    EXPECT_FALSE(wrong.ok);
    EXPECT_NE(wrong.error.find("nodes[0].workload.shape"), std::string::npos) << wrong.error;
}

TEST(Workload, ARateSeriesFromACsvFileIsFollowed) {
    const auto loaded =
        loadScenarioFile(std::string(CLUSTERSIM_TEST_DATA) + "/series.clustersim.json");
    ASSERT_TRUE(loaded.ok) << loaded.error;
    const Workload& w = loaded.scenario.nodes[0].workload;
    ASSERT_EQ(w.points.size(), 5u);
    EXPECT_DOUBLE_EQ(w.rateAt(1, 20.5), 450) << "linear between points";
    EXPECT_DOUBLE_EQ(w.rateAt(1, 100), 100) << "the last point holds";
    const auto r = cs::test::run(loaded.scenario);
    const auto t = cs::test::parseCsv(r.metricsCsvText);
    double low = 0, high = 0;
    for (std::size_t i = 0; i < t.rows; ++i) {
        if (t["t_s"][i] > 5 && t["t_s"][i] <= 20) low += t["offered_rps"][i] / 15;
        if (t["t_s"][i] > 25 && t["t_s"][i] <= 40) high += t["offered_rps"][i] / 15;
    }
    EXPECT_NEAR(low, 100, 10);
    EXPECT_NEAR(high, 800, 40);
    // Saved, the file reference stays; inline points round-trip too.
    const std::string saved = scenarioToJson(loaded.scenario);
    EXPECT_NE(saved.find("\"file\": \"rates.csv\""), std::string::npos) << saved;
    Scenario inlined = loaded.scenario;
    inlined.nodes[0].workload.file.clear();
    const auto again = loadScenarioText(scenarioToJson(inlined), "x.clustersim.json");
    ASSERT_TRUE(again.ok) << again.error;
    EXPECT_EQ(again.scenario.nodes[0].workload.points, w.points);
}
