// Lessons and expectations (DESIGN.md section 12): the evaluator's arithmetic, `check` against
// queueing theory, the lesson's file form and its timed actions in a run.
#include "Check.h"
#include "Engine.h"
#include "Expectations.h"
#include "ScenarioLesson.h"
#include "SummaryKeys.h"
#include "TestUtil.h"

#include <QDir>

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using cs::core::Expectation;
using Agg = Expectation::Agg;
using Op = Expectation::Op;

TEST(Expectations, AggregatesOverAnInclusiveWindow) {
    const std::vector<std::pair<double, double>> s = {{0, 1}, {1, 2}, {2, 3}, {3, 10}};
    EXPECT_DOUBLE_EQ(*cs::core::aggregate(s, 1, 2, Agg::Mean), 2.5);
    EXPECT_DOUBLE_EQ(*cs::core::aggregate(s, 1, 2, Agg::Max), 3);
    EXPECT_DOUBLE_EQ(*cs::core::aggregate(s, 1, 2, Agg::Min), 2);
    EXPECT_DOUBLE_EQ(*cs::core::aggregate(s, 1, 2, Agg::Last), 3);
    EXPECT_DOUBLE_EQ(*cs::core::aggregate(s, 1, 2, Agg::Sum), 5);
    EXPECT_DOUBLE_EQ(*cs::core::aggregate(s, 0, 3, Agg::Mean), 4);
    EXPECT_FALSE(cs::core::aggregate(s, 1.2, 1.8, Agg::Mean)) << "no row in the window";
}

TEST(Expectations, BetweenIsInclusiveAndApproxIsRelativeToTheValue) {
    Expectation between;
    between.op = Op::Between;
    between.value = 10;
    between.high = 100;
    EXPECT_TRUE(cs::core::holds(between, 10));
    EXPECT_TRUE(cs::core::holds(between, 100));
    EXPECT_FALSE(cs::core::holds(between, 9.999));
    EXPECT_FALSE(cs::core::holds(between, 100.001));
    Expectation approx;
    approx.op = Op::Approx;
    approx.value = 20; // default tolerance 0.05: 19 .. 21
    EXPECT_TRUE(cs::core::holds(approx, 21));
    EXPECT_TRUE(cs::core::holds(approx, 19));
    EXPECT_FALSE(cs::core::holds(approx, 21.01));
    approx.tolerance = 0.5;
    EXPECT_TRUE(cs::core::holds(approx, 29.9));
    approx.value = -20;
    EXPECT_TRUE(cs::core::holds(approx, -29.9));
    EXPECT_FALSE(cs::core::holds(approx, 29.9));
    approx.value = 0; // relative to 0: only 0 itself
    EXPECT_TRUE(cs::core::holds(approx, 0));
    EXPECT_FALSE(cs::core::holds(approx, 1e-9));
    EXPECT_EQ(cs::core::describeCondition(between), "(between [10, 100])");
}

// M/M/1 at utilisation 0.5 (50 requests/s, 10 ms mean service): mean time in system
// 1 / (mu - lambda) = 20 ms, and the server busy half the time.
TEST(Expectations, CheckAgreesWithMM1Theory) {
    auto s = cs::test::parse(cs::test::mmcScenario(50, 1, 10, 100000, 400, 3));
    s.expect = cs::test::parse(R"({"format": "clustersim-scenario", "version": 1,
      "duration_s": 400, "nodes": [{"id": "c", "kind": "client", "target": "svc"},
                                   {"id": "svc", "kind": "service_group"}],
      "links": [{"a": "c", "b": "svc"}],
      "expect": [{"name": "M/M/1 mean", "metric": "latency_ms.mean", "op": "approx", "value": 20,
                  "tolerance": 0.1},
                 {"metric": "node:svc-1:utilization", "over": [10, 400], "op": "approx",
                  "value": 0.5, "tolerance": 0.1},
                 {"name": "theory is not this", "metric": "latency_ms.mean", "op": "<",
                  "value": 15}]})")
                   .expect;
    ASSERT_EQ(s.expect.size(), 3u);
    const auto report = cs::core::checkScenario(s, s.expect, "mm1", {});
    ASSERT_EQ(report.status, cs::core::CheckReport::Status::Failed) << report.error;
    ASSERT_EQ(report.lines.size(), 4u);
    EXPECT_EQ(report.lines[0].rfind("PASS M/M/1 mean: measured ", 0), 0u) << report.lines[0];
    EXPECT_EQ(report.lines[1].rfind("PASS node:svc-1:utilization: measured 0.", 0), 0u)
        << report.lines[1];
    EXPECT_EQ(report.lines[2].rfind("FAIL theory is not this: measured ", 0), 0u)
        << report.lines[2];
    EXPECT_EQ(report.lines[3], "checks passed=2 failed=1");
}

// The old string form loads as one step and saves in the object form; nothing else changes.
TEST(Lesson, AnOldStringLessonSavesAsOneStepOfTheObjectForm) {
    const std::string text = R"({"format": "clustersim-scenario", "version": 1, "name": "x",
      "lesson": "Watch p99.", "nodes": [{"id": "c", "kind": "client", "target": "s"},
                                        {"id": "s", "kind": "service_group"}],
      "links": [{"a": "c", "b": "s"}]})";
    const auto s = cs::test::parse(text);
    ASSERT_EQ(s.lesson.steps.size(), 1u);
    EXPECT_EQ(s.lesson.steps[0].text, "Watch p99.");
    const std::string saved = cs::core::scenarioToJson(s);
    EXPECT_NE(saved.find("  \"lesson\": {\"steps\": [\n    {\"text\": \"Watch p99.\"}\n  ]},\n"),
              std::string::npos)
        << saved;
    EXPECT_EQ(cs::test::parse(saved), s);
}

// Every part of a lesson and of an expectation survives a save, and an absent `agg` or
// `tolerance` stays absent.
TEST(Lesson, StepsPredictionsAndExpectationsRoundTrip) {
    const std::string text = R"({"format": "clustersim-scenario", "version": 1, "duration_s": 30,
      "lesson": {"title": "T", "concept": "latency-throughput", "question": "Q1", "goal": "G",
                 "steps": [{"text": "a"},
                           {"text": "b", "at_s": 2.5, "pause": true,
                            "actions": [{"action": "kill_node", "node": "s-1"},
                                        {"action": "set", "node": "s", "field": "instances", "value": 3}],
                            "predict": {"question": "q?", "choices": ["x", "y", "z"], "answer": 2,
                                        "reveal": "p99 {latency_ms.p99} ms"}}]},
      "nodes": [{"id": "c", "kind": "client", "target": "s"}, {"id": "s", "kind": "service_group"}],
      "links": [{"a": "c", "b": "s"}],
      "expect": [{"metric": "requests.issued", "op": ">", "value": 0},
                 {"name": "n", "metric": "latency_ms_p99", "over": [1, 30], "agg": "max",
                  "op": "between", "value": [0, 50]},
                 {"metric": "throughput_rps", "op": "approx", "value": 100, "tolerance": 0.2}]})";
    const auto s = cs::test::parse(text);
    ASSERT_EQ(s.lesson.steps.size(), 2u);
    const auto& step = s.lesson.steps[1];
    EXPECT_EQ(step.at_s, 2.5);
    EXPECT_TRUE(step.pause);
    ASSERT_EQ(step.actions.size(), 2u);
    ASSERT_TRUE(step.predict);
    EXPECT_EQ(step.predict->answer, 2);
    ASSERT_EQ(s.expect.size(), 3u);
    EXPECT_FALSE(s.expect[0].agg);
    EXPECT_EQ(s.expect[1].agg, Agg::Max);
    EXPECT_EQ(s.expect[1].high, 50);
    EXPECT_FALSE(s.expect[0].tolerance);
    const std::string saved = cs::core::scenarioToJson(s);
    EXPECT_EQ(cs::test::parse(saved), s) << saved;
    EXPECT_EQ(cs::core::scenarioToJson(cs::test::parse(saved)), saved);
    EXPECT_NE(
        saved.find(
            R"({"name": "n", "metric": "latency_ms_p99", "over": [1,30], "agg": "max", "op": "between", "value": [0,50]})"),
        std::string::npos)
        << saved;
}

// A step's actions with a time run at that time in any run, after the timeline's at the same
// time, as recorded actions.
TEST(Lesson, TimedStepActionsRunAtTheirTime) {
    const auto s = cs::test::parse(R"({"format": "clustersim-scenario", "version": 1,
      "duration_s": 5, "lesson": {"steps": [{"text": "kill", "at_s": 2,
                                            "actions": [{"action": "kill_node", "node": "s-1"}]},
                                           {"text": "by hand",
                                            "actions": [{"action": "restart_node", "node": "s-1"}]}]},
      "nodes": [{"id": "c", "kind": "client", "target": "s", "rate_rps": 50},
                {"id": "s", "kind": "service_group", "instances": 2}],
      "links": [{"a": "c", "b": "s"}],
      "timeline": [{"at_s": 2, "action": "set_rate", "node": "c", "rate_rps": 60}]})");
    cs::core::Engine e(s);
    e.runUntil(1'999'999);
    EXPECT_TRUE(e.appliedActions().empty());
    e.runUntil(5'000'000);
    const auto& applied = e.appliedActions();
    ASSERT_EQ(applied.size(), 2u) << "the untimed step waits for the learner";
    EXPECT_EQ(applied[0].kind, cs::core::ActionKind::SetRate);
    EXPECT_EQ(applied[1].kind, cs::core::ActionKind::KillNode);
    EXPECT_EQ(applied[1].at_us, 2'000'000);
}

// Save Session and rewind replay a run from its applied actions; a timed lesson step's action is
// among them and the lesson applies it again, so the replay would kill twice, add two shards...
TEST(Lesson, ASessionTimelineReplaysTheRunWithoutDoublingTheLessonsActions) {
    const auto s = cs::test::parse(R"({"format": "clustersim-scenario", "version": 1,
      "duration_s": 6, "lesson": {"steps": [{"text": "kill", "at_s": 2,
                                            "actions": [{"action": "kill_node", "node": "s-1"}]}]},
      "nodes": [{"id": "c", "kind": "client", "target": "s", "rate_rps": 50},
                {"id": "s", "kind": "service_group", "instances": 2}],
      "links": [{"a": "c", "b": "s"}],
      "timeline": [{"at_s": 1, "action": "set_rate", "node": "c", "rate_rps": 60}]})");
    cs::core::Engine first(s);
    first.runUntil(3'000'000);
    cs::core::Action byHand;
    byHand.kind = cs::core::ActionKind::RestartNode;
    byHand.node = "s-1";
    byHand.at_us = 3'000'000;
    first.post(byHand);
    first.runUntil(6'000'000);
    ASSERT_EQ(first.appliedActions().size(), 3u);

    cs::core::Scenario session = s;
    session.timeline = cs::core::sessionTimeline(s, first.appliedActions());
    ASSERT_EQ(session.timeline.size(), 2u) << "the set_rate and the restart by hand";
    cs::core::Engine replay(session);
    replay.runUntil(6'000'000);
    EXPECT_EQ(replay.appliedActions(), first.appliedActions());
    EXPECT_EQ(replay.summary().completed, first.summary().completed);
}

} // namespace

namespace {

// Every built-in example teaches: an object lesson (title, concept, goal, steps) with at least
// one prediction, and expectations that `check` holds it to (ctest runs them with two seeds).
TEST(Lesson, EveryBuiltInExampleHasALessonWithAPredictionAndExpectations) {
    const QDir dir(
        QString::fromStdString(std::string(CLUSTERSIM_SOURCE_DIR) + "/resources/scenarios"));
    int files = 0;
    for (const QString& f : dir.entryList({QStringLiteral("*.clustersim.json")})) {
        const auto r = cs::core::loadScenarioFile(dir.filePath(f).toStdString());
        ASSERT_TRUE(r.ok) << r.error;
        const auto& l = r.scenario.lesson;
        const std::string name = f.toStdString();
        EXPECT_FALSE(l.title.empty()) << name;
        EXPECT_FALSE(l.concept_name.empty()) << name;
        EXPECT_FALSE(l.goal.empty()) << name;
        EXPECT_GE(l.steps.size(), 2u) << name;
        EXPECT_TRUE(std::any_of(l.steps.begin(), l.steps.end(),
                                [](const auto& s) { return s.predict.has_value(); }))
            << name << " asks no prediction";
        EXPECT_GE(r.scenario.expect.size(), 3u) << name;
        ++files;
    }
    EXPECT_GE(files, 12);
}

} // namespace

// A reveal quotes measured numbers for a learner: about three significant digits, counts whole.
TEST(Lesson, ARevealQuotesNumbersAsAPersonReadsThem) {
    EXPECT_EQ(cs::core::readableNumber(59.1355), "59.1");
    EXPECT_EQ(cs::core::readableNumber(1.823745), "1.82");
    EXPECT_EQ(cs::core::readableNumber(0.05342), "0.053");
    EXPECT_EQ(cs::core::readableNumber(5991), "5991");
    EXPECT_EQ(cs::core::readableNumber(80.27345), "80.3");
    EXPECT_EQ(cs::core::readableNumber(1234.56), "1235");
    cs::core::Summary s;
    s.latency_mean = 1.823745;
    EXPECT_EQ(cs::core::fillSummaryPlaceholders("mean {latency_ms.mean} ms, {nope}", s),
              "mean 1.82 ms, {nope}");
}
