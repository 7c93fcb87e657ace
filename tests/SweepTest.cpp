// `clustersim-cli sweep` and `compare` through their core code: a sweep of an M/M/c queue
// against Erlang C at every point, bytes independent of --jobs and --shard, the grid's order, and
// the arguments refused with a message naming them.
#include "Sweep.h"
#include "Compare.h"
#include "QueueTheory.h"
#include "TestUtil.h"

#include <cmath>
#include <sstream>

namespace {

using namespace cs::core;

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

std::vector<std::string> cells(const std::string& line) {
    std::vector<std::string> out;
    std::istringstream in(line);
    for (std::string c; std::getline(in, c, ',');) out.push_back(c);
    return out;
}

SweepAxis axis(const Scenario& s, const std::string& arg) {
    SweepAxis a;
    std::string error;
    EXPECT_TRUE(parseSweepAxis(s, arg, a, error)) << error;
    return a;
}

std::string refusal(const Scenario& s, const std::string& arg) {
    SweepAxis a;
    std::string error;
    EXPECT_FALSE(parseSweepAxis(s, arg, a, error)) << arg;
    return error;
}

Scenario designExample() {
    const auto r = loadScenarioFile(CLUSTERSIM_TEST_DATA "/design_example.clustersim.json");
    EXPECT_TRUE(r.ok) << r.error;
    return r.scenario;
}

// The utilisation of an M/M/2 station from 0.1 to 0.9 through the client's rate: the mean
// response time of every point is Erlang C's within 5%.
TEST(Sweep, MmcUtilisationSweepAgreesWithErlangCAtEveryPoint) {
    const int c = 2;
    const double serviceMs = 10, mu = 1000 / serviceMs; // 20 to 180 requests/s
    const Scenario base = cs::test::parse(cs::test::mmcScenario(20, c, serviceMs, 10'000'000, 1));
    const std::vector<SweepAxis> axes = {axis(base, "nodes[c].rate_rps=20:180:9")};
    SweepOptions opt;
    opt.duration_s = 8000; // 1.4 million requests at 0.9: the mean within about 2%
    const auto rows = lines(runSweep(base, axes, opt));
    ASSERT_EQ(rows.size(), 10u);
    const auto header = cells(rows[0]);
    const auto col = std::find(header.begin(), header.end(), "latency_ms.mean") - header.begin();
    ASSERT_LT(col, static_cast<long>(header.size()));
    for (std::size_t k = 0; k < 9; ++k) {
        const auto row = cells(rows[k + 1]);
        const double lambda = std::stod(row[1]);
        EXPECT_EQ(lambda, 20 + 20.0 * k);
        const double theory = mmcMeanResponse(c, lambda, mu) * 1000;
        EXPECT_NEAR(std::stod(row[static_cast<std::size_t>(col)]), theory, 0.05 * theory)
            << "utilisation " << lambda / (c * mu);
    }
}

TEST(Sweep, ShardsTogetherAndAnyJobsGiveTheWholeFileByteForByte) {
    const Scenario base = designExample();
    const std::vector<SweepAxis> axes = {axis(base, "nodes[api].autoscaling.max=2:6:3"),
                                         axis(base, "nodes[users].rate_rps=100:400:4")};
    SweepOptions opt;
    opt.duration_s = 2;
    opt.jobs = 1;
    const std::string whole = runSweep(base, axes, opt);
    opt.jobs = 4;
    EXPECT_EQ(runSweep(base, axes, opt), whole) << "--jobs 4 differs from --jobs 1";

    // Three shards' rows, merged by point, are the whole file's rows; each shard has the header.
    const auto wholeLines = lines(whole);
    ASSERT_EQ(wholeLines.size(), 13u);
    std::vector<std::string> merged(12);
    opt.shardCount = 3;
    for (int i = 1; i <= 3; ++i) {
        opt.shardIndex = i;
        opt.jobs = i; // and any jobs
        const auto shard = lines(runSweep(base, axes, opt));
        ASSERT_EQ(shard.size(), 5u);
        EXPECT_EQ(shard[0], wholeLines[0]);
        for (std::size_t r = 1; r < shard.size(); ++r) {
            const std::size_t point = std::stoul(cells(shard[r])[0]);
            EXPECT_EQ(point % 3, static_cast<std::size_t>(i - 1));
            merged[point] = shard[r];
        }
    }
    for (std::size_t k = 0; k < 12; ++k) EXPECT_EQ(merged[k], wholeLines[k + 1]) << "point " << k;
}

TEST(Sweep, HeaderNamesThePathsThenEverySummaryKeyAndTheFirstAxisVariesSlowest) {
    const Scenario base = designExample();
    const std::vector<SweepAxis> axes = {axis(base, "nodes[api].autoscaling.max=2:3:2"),
                                         axis(base, "nodes[api].cores=1:2.6:3")};
    SweepOptions opt;
    opt.duration_s = 0.5;
    const auto rows = lines(runSweep(base, axes, opt));
    std::string expected = "point,nodes[api].autoscaling.max,nodes[api].cores";
    for (const auto& [key, value] : flattenSummary(Summary{})) expected += "," + key;
    EXPECT_EQ(rows[0], expected);
    EXPECT_NE(expected.find(",latency_ms.p99,"), std::string::npos);
    EXPECT_NE(expected.find(",requests.failed.timeout,"), std::string::npos);
    ASSERT_EQ(rows.size(), 7u);
    // Integer fields are rounded: 1, 1.8 -> 2, 2.6 -> 3.
    const char* grid[] = {"0,2,1", "1,2,2", "2,2,3", "3,3,1", "4,3,2", "5,3,3"};
    for (std::size_t k = 0; k < 6; ++k) EXPECT_EQ(rows[k + 1].rfind(grid[k], 0), 0u) << rows[k + 1];
    // wall_seconds would make the bytes depend on the machine: it is written as 0.
    const auto header = cells(rows[0]);
    const auto wall = std::find(header.begin(), header.end(), "wall_seconds") - header.begin();
    EXPECT_EQ(cells(rows[1])[static_cast<std::size_t>(wall)], "0");
}

TEST(Sweep, ArgumentsThatNameNoFieldOrLeaveItsRangeAreRefusedByName) {
    const Scenario base = designExample();
    EXPECT_NE(
        refusal(base, "nodes[nope].cores=1:2:2").find("--vary nodes[nope].cores=1:2:2: no node"),
        std::string::npos);
    EXPECT_NE(refusal(base, "nodes[api].colour=1:2:2").find("has no field \"colour\""),
              std::string::npos);
    EXPECT_NE(refusal(base, "nodes[api].autoscaling.maxi=1:2:2").find("autoscaling.maxi"),
              std::string::npos);
    EXPECT_NE(refusal(base, "nodes[api].state=1:2:2").find("not a number"), std::string::npos);
    EXPECT_NE(refusal(base, "nodes[api].autoscaling.max=1:2000:3")
                  .find("--vary nodes[api].autoscaling.max=1:2000:3: 2000 is outside"),
              std::string::npos);
    EXPECT_NE(refusal(base, "nodes[users].read_fraction=0:1.5:4").find("1.5 is outside"),
              std::string::npos);
    for (const char* bad : {"nodes[api].cores=1:2", "nodes[api].cores=1:2:0",
                            "nodes[api].cores=a:2:2", "nodes[api].cores=1:2:2:2",
                            "nodes[api].cores", "api.cores=1:2:2", "nodes[api].cores=1:2:1.5"})
        EXPECT_EQ(refusal(base, bad).rfind(std::string("--vary ") + bad + ": ", 0), 0u) << bad;
    // A group without an autoscaling object has nothing to vary there.
    const Scenario plain = cs::test::parse(cs::test::mmcScenario(20, 2, 10, 100, 1));
    EXPECT_NE(refusal(plain, "nodes[svc].autoscaling.max=1:2:2").find("has no autoscaling"),
              std::string::npos);

    int i = 0, n = 0;
    std::string error;
    for (const char* bad : {"3/2", "0/2", "1/0", "2", "a/b", "1/2/3"}) {
        EXPECT_FALSE(parseShard(bad, i, n, error)) << bad;
        EXPECT_EQ(error.rfind(std::string("--shard ") + bad + ": ", 0), 0u) << error;
    }
    EXPECT_TRUE(parseShard("2/2", i, n, error));
    EXPECT_EQ(i, 2);
    EXPECT_EQ(n, 2);
}

TEST(Sweep, APointThatBreaksAnotherRuleOfTheFileIsRefusedBeforeAnyRun) {
    const Scenario base = designExample(); // autoscaling min 2
    const std::vector<SweepAxis> axes = {axis(base, "nodes[api].autoscaling.max=0:4:5")};
    const std::string error = checkSweepGrid(base, axes, "x.clustersim.json");
    EXPECT_NE(error.find("point 0 (nodes[api].autoscaling.max=0)"), std::string::npos) << error;
    EXPECT_NE(error.find("autoscaling.max: must be at least min"), std::string::npos) << error;
    EXPECT_EQ(checkSweepGrid(base, {axis(base, "nodes[api].autoscaling.max=2:4:3")}, "x"), "");
}

TEST(Compare, IdenticalFilesReportNoDifference) {
    const Scenario a = designExample();
    CompareOptions opt;
    opt.duration_s = 3;
    const CompareResult r = compareScenarios(a, a, opt);
    EXPECT_EQ(r.differences, 0);
    EXPECT_EQ(compareReport(r), "differences=0\n");
    const auto csv = lines(compareCsv(r));
    EXPECT_EQ(csv[0], "key,A,B");
    EXPECT_EQ(csv.size(), flattenSummary(Summary{}).size() + 1);
}

TEST(Compare, ListsTheKeysThatDifferWithBothValuesAndCountsThem) {
    const Scenario a = designExample();
    Scenario b = a;
    b.nodes[0].rate_rps = 250;
    b.seed = 99; // B runs with A's seed: the rate alone makes the difference
    CompareOptions opt;
    opt.duration_s = 3;
    const CompareResult r = compareScenarios(a, b, opt);
    const auto out = lines(compareReport(r));
    ASSERT_GE(out.size(), 2u);
    EXPECT_EQ(out.back(), "differences=" + std::to_string(r.differences));
    EXPECT_EQ(static_cast<int>(out.size()) - 1, r.differences);
    bool issued = false;
    for (std::size_t i = 0; i + 1 < out.size(); ++i) {
        EXPECT_NE(out[i].rfind("wall_seconds", 0), 0u);
        if (out[i].rfind("requests.issued ", 0) == 0) {
            issued = true;
            std::istringstream in(out[i]);
            std::string key;
            double va = 0, vb = 0;
            in >> key >> va >> vb;
            EXPECT_NEAR(vb / va, 0.5, 0.05) << out[i];
        }
    }
    EXPECT_TRUE(issued);
    // The same seed for both: B with its own seed 99 but run with A's equals A's run at 250.
    Scenario a250 = a;
    a250.nodes[0].rate_rps = 250;
    EXPECT_EQ(compareScenarios(a250, b, opt).differences, 0);
}

TEST(Compare, TwoTopologiesAreRefusedNamingBothFilesAndTheFirstDifference) {
    const Scenario a = designExample();
    Scenario b = a;
    b.nodes[1].kind = NodeKind::ServiceGroup;
    EXPECT_EQ(topologyDifference(a, "A.json", a, "B.json"), "");
    EXPECT_EQ(topologyDifference(a, "A.json", b, "B.json"),
              "A.json: node \"lb\" is a load_balancer, B.json: a service_group");
    Scenario c = a;
    c.nodes.pop_back();
    EXPECT_EQ(topologyDifference(a, "A.json", c, "C.json"),
              "A.json has node \"db3\", C.json has none");
    EXPECT_EQ(topologyDifference(c, "C.json", a, "A.json"),
              "A.json has node \"db3\", C.json has none");
}

} // namespace
