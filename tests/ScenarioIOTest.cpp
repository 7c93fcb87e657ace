// Scenario files: the bad-input table, exact round trips, warnings, atomic saves.
#include "TestUtil.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <fstream>
#include <sstream>

namespace {

struct BadCase {
    std::string file, mustName;
};

std::vector<BadCase> badCases() {
    std::vector<BadCase> out;
    std::ifstream in(std::string(CLUSTERSIM_TEST_DATA) + "/bad/expected.tsv");
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        const auto tab = line.find('\t');
        out.push_back({line.substr(0, tab), line.substr(tab + 1)});
    }
    return out;
}

} // namespace

TEST(ScenarioIO, EveryBadFileIsRefusedWithFileAndPath) {
    const auto cases = badCases();
    ASSERT_GE(cases.size(), 50u);
    for (const auto& c : cases) {
        const std::string path = std::string(CLUSTERSIM_TEST_DATA) + "/bad/" + c.file;
        const auto r = cs::core::loadScenarioFile(path);
        EXPECT_FALSE(r.ok) << c.file;
        EXPECT_NE(r.error.find(path + ": "), std::string::npos) << r.error;
        EXPECT_NE(r.error.find(c.mustName), std::string::npos) << c.file << " -> " << r.error;
        EXPECT_TRUE(r.scenario.nodes.empty()) << "half-loaded: " << c.file;
    }
}

TEST(ScenarioIO, MissingFileNamesTheFile) {
    const auto r = cs::core::loadScenarioFile("/nonexistent/x.clustersim.json");
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.error.find("/nonexistent/x.clustersim.json: cannot open"), std::string::npos)
        << r.error;
}

TEST(ScenarioIO, BuiltInAndDesignExamplesLoad) {
    for (const char* f :
         {"/resources/scenarios/default.clustersim.json", "/tests/data/base.clustersim.json",
          "/tests/data/design_example.clustersim.json"}) {
        const auto r = cs::core::loadScenarioFile(std::string(CLUSTERSIM_SOURCE_DIR) + f);
        EXPECT_TRUE(r.ok) << r.error;
        EXPECT_TRUE(r.warnings.empty())
            << f << ": " << (r.warnings.empty() ? "" : r.warnings.front());
    }
}

TEST(ScenarioIO, RoundTripIsExact) {
    for (const char* f : {"/resources/scenarios/default.clustersim.json",
                          "/tests/data/design_example.clustersim.json"}) {
        const auto first = cs::core::loadScenarioFile(std::string(CLUSTERSIM_SOURCE_DIR) + f);
        ASSERT_TRUE(first.ok) << first.error;
        const std::string text = cs::core::scenarioToJson(first.scenario);
        const auto second = cs::core::loadScenarioText(text, "saved");
        ASSERT_TRUE(second.ok) << second.error << "\n" << text;
        EXPECT_EQ(first.scenario, second.scenario) << f;
        EXPECT_EQ(text, cs::core::scenarioToJson(second.scenario)) << "saving is not stable";
        EXPECT_EQ(text.rfind("{\n  \"format\": \"clustersim-scenario\",\n  \"version\": 1,", 0),
                  0u);
    }
}

TEST(ScenarioIO, FieldsOfFutureModelsArePreservedAndUnknownFieldsWarn) {
    const std::string base =
        cs::test::readFile(std::string(CLUSTERSIM_TEST_DATA) + "/base.clustersim.json");
    auto s = cs::test::parse(base);
    std::string text = cs::core::scenarioToJson(s);
    // Add a model field not built yet, and a field nobody knows.
    const std::string marker = "\"kind\": \"service_group\"";
    text.insert(text.find(marker) + marker.size(),
                ", \"connection_pool\": {\"size\": 8, \"max_wait_ms\": 2}, \"flavour\": \"mint\"");
    const auto r = cs::core::loadScenarioText(text, "f.clustersim.json");
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_EQ(r.warnings[0], "f.clustersim.json: nodes[2].flavour: unknown field, ignored");
    const std::string saved = cs::core::scenarioToJson(r.scenario);
    EXPECT_NE(saved.find("\"connection_pool\": {\"max_wait_ms\":2,\"size\":8}"), std::string::npos)
        << saved;
    EXPECT_EQ(saved.find("flavour"), std::string::npos);
}

TEST(ScenarioIO, SaveIsAtomic) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const std::string path = dir.filePath(QStringLiteral("s.clustersim.json")).toStdString();
    const auto s = cs::test::parse(
        cs::test::readFile(std::string(CLUSTERSIM_TEST_DATA) + "/base.clustersim.json"));
    ASSERT_EQ(cs::core::saveScenarioFile(s, path), "");
    const std::string before = cs::test::readFile(path);
    EXPECT_EQ(cs::core::loadScenarioFile(path).scenario, s);

    // A save that cannot complete leaves the old file as it was and no stray files behind.
    const std::string blocked =
        dir.filePath(QStringLiteral("missing-dir/s.clustersim.json")).toStdString();
    const std::string err = cs::core::saveScenarioFile(s, blocked);
    EXPECT_NE(err.find(blocked), std::string::npos) << err;
    EXPECT_EQ(cs::test::readFile(path), before);
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files).size(), 1);
}

TEST(ScenarioIO, TimelineStampsSurviveMicrosecondRoundTrip) {
    auto s = cs::test::parse(
        cs::test::readFile(std::string(CLUSTERSIM_TEST_DATA) + "/base.clustersim.json"));
    cs::core::Action a;
    a.kind = cs::core::ActionKind::SetRate;
    a.node = "users";
    a.rate_rps = 250;
    a.at_us = 12'345'678;
    s.timeline.push_back(a);
    const auto back = cs::core::loadScenarioText(cs::core::scenarioToJson(s), "t");
    ASSERT_TRUE(back.ok) << back.error;
    EXPECT_EQ(back.scenario.timeline.back().at_us, 12'345'678);
}

TEST(ScenarioIO, EveryBuiltInExampleLoadsRoundTripsAndConservesRequests) {
    const QDir dir(
        QString::fromStdString(std::string(CLUSTERSIM_SOURCE_DIR) + "/resources/scenarios"));
    const QStringList files = dir.entryList({QStringLiteral("*.clustersim.json")});
    EXPECT_GE(files.size(), 9);
    for (const QString& f : files) {
        const auto r = cs::core::loadScenarioFile(dir.filePath(f).toStdString());
        ASSERT_TRUE(r.ok) << r.error;
        EXPECT_TRUE(r.warnings.empty()) << r.warnings.front();
        const auto again = cs::core::loadScenarioText(cs::core::scenarioToJson(r.scenario), "x");
        ASSERT_TRUE(again.ok) << again.error;
        EXPECT_EQ(again.scenario, r.scenario) << f.toStdString();
        cs::core::Scenario shorter = r.scenario;
        shorter.duration_s = std::min(shorter.duration_s, 45.0);
        const auto run = cs::test::run(shorter);
        const auto& s = run.summary;
        EXPECT_EQ(s.issued, s.completed + s.failedTotal() + s.in_flight) << f.toStdString();
        EXPECT_GT(s.completed, 0u) << f.toStdString();
    }
}

// DESIGN.md section 12: a lesson is a string (the old form) or an object; the object loads, is
// shown as its steps' texts, and is written back as it was, with the scenario's `expect` list.
TEST(ScenarioIO, ALessonObjectAndExpectationsLoadAndRoundTrip) {
    const std::string text =
        R"({"format": "clustersim-scenario", "version": 1, "name": "cap",
      "lesson": {"title": "CAP", "concept": "cap", "goal": "See CP refuse.",
                 "steps": [{"text": "Press Play."},
                           {"text": "Cut db3.", "at_s": 20, "pause": true,
                            "actions": [{"action": "set_rate", "node": "c", "rate_rps": 20}]}]},
      "nodes": [{"id": "c", "kind": "client", "target": "s", "rate_rps": 10},
                {"id": "s", "kind": "service_group"}],
      "links": [{"a": "c", "b": "s", "latency_ms": 1}],
      "expect": [{"metric": "requests.issued", "op": ">", "value": 0}]})";
    const auto loaded = cs::core::loadScenarioText(text, "lesson.clustersim.json");
    ASSERT_TRUE(loaded.ok) << loaded.error;
    EXPECT_EQ(loaded.scenario.lesson.text(), "CAP\n\nSee CP refuse.\n\nPress Play.\n\nCut db3.");
    const std::string saved = cs::core::scenarioToJson(loaded.scenario);
    EXPECT_NE(saved.find(R"("concept": "cap")"), std::string::npos) << saved;
    EXPECT_NE(saved.find(R"("expect")"), std::string::npos) << saved;
    const auto again = cs::core::loadScenarioText(saved, "again.clustersim.json");
    ASSERT_TRUE(again.ok) << again.error;
    EXPECT_EQ(again.scenario, loaded.scenario);
    std::string bad = text;
    bad.replace(bad.find(R"({"text": "Press Play."})"), 23, R"({"words": "Press Play."})");
    const auto refused = cs::core::loadScenarioText(bad, "bad.clustersim.json");
    EXPECT_FALSE(refused.ok);
    EXPECT_NE(refused.error.find("lesson.steps[0].text"), std::string::npos) << refused.error;
}

// Every scenario the project ships or tests with (built-in examples, benchmarks, test data) saves
// to a text that loads back equal and saves again to the same bytes: the field table's writer
// keeps the keys, their order and the omitted defaults.
TEST(ScenarioIO, EveryShippedScenarioSavesStably) {
    int files = 0;
    for (const char* folder : {"/resources/scenarios", "/bench", "/tests/data"}) {
        const QDir dir(QString::fromStdString(std::string(CLUSTERSIM_SOURCE_DIR) + folder));
        for (const QString& f : dir.entryList({QStringLiteral("*.clustersim.json")})) {
            const std::string path = dir.filePath(f).toStdString();
            const auto first = cs::core::loadScenarioFile(path);
            ASSERT_TRUE(first.ok) << first.error;
            const std::string text = cs::core::scenarioToJson(first.scenario);
            const auto second = cs::core::loadScenarioText(text, path);
            ASSERT_TRUE(second.ok) << second.error;
            EXPECT_EQ(second.scenario, first.scenario) << path;
            EXPECT_EQ(cs::core::scenarioToJson(second.scenario), text) << path;
            ++files;
        }
    }
    EXPECT_GE(files, 15);
}
