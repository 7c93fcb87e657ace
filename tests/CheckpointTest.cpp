// Engine checkpoints (rewind): a copy of a running engine, run on, gives exactly what the original
// gives, for every built-in scenario; taking one does not disturb the original; and a copy whose
// pending actions are replaced replays a session as a straight run of it does.
#include "Engine.h"
#include "TestUtil.h"

#include <QDir>

using namespace cs::core;

namespace {

// Everything an engine tells its owner, as text: metrics rows (as the CSV), node samples, the
// event log and the history lines.
struct Trace {
    std::string metrics, nodes, log, history;
    bool operator==(const Trace&) const = default;
};

void record(Engine& e, Trace& t) {
    e.setMetricsSink([&t](const MetricsRow& r) { t.metrics += metricsCsvLine(r) + "\n"; });
    e.setNodeSink([&t](const NodeSample& s) {
        t.nodes += std::to_string(s.t_s) + "," + s.node + "," + s.metric + "," +
                   std::to_string(s.value) + "\n";
    });
    e.setLogSink([&t](const LogEntry& l) {
        t.log += std::to_string(l.time) + " " + l.subject + " " + l.text + "\n";
    });
    e.setHistorySink([&t](const std::string& line) { t.history += line + "\n"; });
}

std::string summaryText(const Engine& e) {
    const Summary s = e.summary();
    return std::to_string(s.issued) + " " + std::to_string(s.completed) + " " +
           std::to_string(s.failedTotal()) + " " + std::to_string(s.in_flight) + " " +
           std::to_string(s.events_processed) + " " + std::to_string(s.latency_p99) + " " +
           std::to_string(s.stale_reads) + " " + std::to_string(s.cost);
}

std::vector<std::string> builtInScenarios() {
    const QDir dir(QStringLiteral(CLUSTERSIM_SOURCE_DIR "/resources/scenarios"));
    std::vector<std::string> files;
    for (const QString& f : dir.entryList({QStringLiteral("*.clustersim.json")}, QDir::Files))
        files.push_back(dir.filePath(f).toStdString());
    return files;
}

Scenario baseScenario() {
    return cs::test::parse(
        cs::test::readFile(std::string(CLUSTERSIM_TEST_DATA) + "/base.clustersim.json"));
}

} // namespace

TEST(Checkpoint, ACloneRunOnGivesWhatTheOriginalGivesForEveryBuiltInScenario) {
    const auto files = builtInScenarios();
    ASSERT_GT(files.size(), 20u);
    for (const std::string& file : files) {
        SCOPED_TRACE(file);
        Scenario s = cs::test::parse(cs::test::readFile(file));
        const SimTime end = std::llround(std::min(s.duration_s, 40.0) * 1e6);
        const SimTime mid = end / 2 + 123; // not on a metrics tick
        Engine original(s);
        Trace before;
        record(original, before);
        original.runUntil(mid);
        const auto copy = original.clone();
        ASSERT_EQ(copy->now(), mid);
        Trace a, b;
        record(original, a);
        record(*copy, b);
        original.runUntil(end);
        copy->runUntil(end);
        EXPECT_FALSE(a.metrics.empty());
        EXPECT_TRUE(a == b) << "the clone's run differs from the original's";
        EXPECT_EQ(summaryText(original), summaryText(*copy));
        EXPECT_EQ(original.appliedActions().size(), copy->appliedActions().size());
    }
}

TEST(Checkpoint, TakingOneLeavesTheOriginalsRunAsAStraightRun) {
    const Scenario s = cs::test::parse(
        cs::test::readFile(std::string(CLUSTERSIM_SOURCE_DIR) +
                           "/resources/scenarios/cap-cp-partition.clustersim.json"));
    const SimTime end = 30'000'000;
    Engine straight(s);
    Trace want;
    record(straight, want);
    straight.runUntil(end);

    Engine checkpointed(s);
    Trace got;
    record(checkpointed, got);
    std::vector<std::unique_ptr<Engine>> checkpoints;
    for (SimTime t = 2'500'000; t <= end; t += 2'500'000) {
        checkpointed.runUntil(t);
        checkpoints.push_back(checkpointed.clone());
    }
    EXPECT_TRUE(got == want);
    EXPECT_EQ(summaryText(checkpointed), summaryText(straight));
    EXPECT_FALSE(want.history.empty()); // the replica set's histories were copied too
}

// What the window's rewind does: from a checkpoint taken before a live action, the action posted
// again with the file's timeline still ahead gives the straight run of the session.
TEST(Checkpoint, ReplacedPendingActionsReplayASessionAsAStraightRun) {
    Scenario s = baseScenario();
    s.duration_s = 5;
    Action kill;
    kill.kind = ActionKind::KillNode;
    kill.at_us = 1'300'000;
    kill.node = "api-2";

    Scenario session = s; // the user killed api-2 at 1.3 s
    session.timeline.insert(session.timeline.begin(), kill);
    Engine straight(session);
    Trace want;
    record(straight, want);
    straight.runUntil(5'000'000);

    Engine run(s); // the checkpoint at 1 s was taken before the kill
    Trace got;
    record(run, got);
    run.runUntil(1'000'000);
    const auto restored = run.clone();
    record(*restored, got);
    std::vector<Action> actions{kill};
    for (const Action& a : restored->pendingActions()) actions.push_back(a);
    ASSERT_FALSE(actions.size() < 2) << "the file's own timeline is still pending";
    restored->setPendingActions(actions);
    restored->runUntil(5'000'000);
    EXPECT_EQ(got.metrics, want.metrics);
    EXPECT_EQ(got.log, want.log);
    EXPECT_EQ(summaryText(*restored), summaryText(straight));
    ASSERT_EQ(restored->appliedActions().size(), straight.appliedActions().size());
    EXPECT_EQ(restored->appliedActions().front().node, "api-2");
}
