// Rewind and branch through the timeline slider, with real key events: going back restores a
// checkpoint and replays the session (the file's and the user's actions) from it to exactly the
// state a straight run reaches, and live actions after that time are dropped, so what follows is
// a branch.
#include "CompareTable.h"
#include "CompareView.h"
#include "LockStep.h"
#include "MainWindow.h"
#include "NodeItem.h"
#include "Run.h"
#include "ScenarioIO.h"
#include "TimelineBar.h"
#include "TopologyScene.h"
#include "UiWait.h"

#include <QAction>
#include <QSlider>
#include <QTest>
#include <gtest/gtest.h>

#include <algorithm>

using namespace cs;

namespace {

using cs::test::waitFor;

struct Rewind : ::testing::Test {
    ui::MainWindow w{false};
    QSlider* slider = nullptr;
    void SetUp() override {
        ASSERT_TRUE(w.openScenario(QStringLiteral(CLUSTERSIM_TEST_DATA "/base.clustersim.json")));
        w.show();
        ASSERT_TRUE(waitFor([&] { return w.lastSnapshot() && !w.lastSnapshot()->nodes.empty(); }));
        slider = w.findChild<QSlider*>(QStringLiteral("timelineSlider"));
        ASSERT_NE(slider, nullptr);
    }
    bool pausedAt(double s) {
        return waitFor([&] {
            const auto snap = w.lastSnapshot();
            return snap && snap->simTime == static_cast<core::SimTime>(s * 1e6) &&
                   snap->state == ui::RunState::Paused;
        });
    }
    void runTo(double s) {
        QMetaObject::invokeMethod(w.controller(),
                                  [c = w.controller(), s] { c->runUntilSeconds(s); });
        ASSERT_TRUE(pausedAt(s));
    }
    void seek(double s) {
        QMetaObject::invokeMethod(w.controller(), [c = w.controller(), s] { c->seek(s); });
        ASSERT_TRUE(pausedAt(s));
    }
    // A checkpoint after every slice of the run (about every metrics interval), so that rewinds
    // restore ones taken after the start, and before and after live actions.
    void checkpointEverySlice() {
        QMetaObject::invokeMethod(
            w.controller(), [c = w.controller()] { c->setCheckpointWorkMs(0); },
            Qt::BlockingQueuedConnection);
    }
    std::vector<double> checkpointTimes() {
        std::vector<double> times;
        QMetaObject::invokeMethod(
            w.controller(), [&, c = w.controller()] { times = c->checkpointTimes(); },
            Qt::BlockingQueuedConnection);
        return times;
    }
    bool alive(const std::string& name) {
        for (const auto& n : w.lastSnapshot()->nodes)
            if (n.name == name) return n.alive;
        ADD_FAILURE() << name << " not in the snapshot";
        return false;
    }
};

TEST_F(Rewind, BackOneSecondReplaysTheSessionToTheStateAStraightRunReaches) {
    runTo(1.3);
    w.scene()->killOrRestart(QStringLiteral("api-2"), true); // live, at 1.3 s
    runTo(3.0);
    const auto before = w.lastSnapshot();
    ASSERT_EQ(before->actions->size(), 2u); // the user's kill, the file's kill of api-1 at 2 s

    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_PageDown); // one second back
    ASSERT_TRUE(pausedAt(2.0));
    const auto back = w.lastSnapshot();
    EXPECT_NE(back->generation, before->generation);
    EXPECT_FALSE(alive("api-2"));
    EXPECT_FALSE(alive("api-1"));

    // The same session as a file, run straight to 2 s: the same numbers.
    core::Scenario straight = w.document()->scenario();
    straight.timeline = *before->actions;
    straight.duration_s = 2.0;
    const auto r = core::runScenario(straight, {});
    EXPECT_EQ(back->summary.issued, r.summary.issued);
    EXPECT_EQ(back->summary.completed, r.summary.completed);
    EXPECT_EQ(back->summary.failedTotal(), r.summary.failedTotal());
    EXPECT_EQ(back->summary.events_processed, r.summary.events_processed);
    EXPECT_EQ(slider->value(), 20);
}

TEST_F(Rewind, BeforeALiveActionItIsDroppedAndTheFilesTimelineStillRuns) {
    runTo(1.3);
    w.scene()->killOrRestart(QStringLiteral("api-2"), true);
    runTo(1.5);
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Home); // back to the start
    ASSERT_TRUE(waitFor([&] { return w.lastSnapshot()->simTime == 0; }));
    for (int i = 0; i < 10; ++i) QTest::keyClick(slider, Qt::Key_Right); // to 1.0 s
    ASSERT_TRUE(pausedAt(1.0));
    EXPECT_TRUE(alive("api-2"));
    runTo(3.0); // the branch: api-2 was never killed; the file kills api-1 at 2 s
    EXPECT_TRUE(alive("api-2"));
    EXPECT_FALSE(alive("api-1"));
    EXPECT_EQ(w.lastSnapshot()->actions->size(), 1u);
}

// The old future is kept: after a rewind, Simulation > Compare the Branch with the Old Future runs
// the run as it was (A: api-2 killed at 1.3 s) beside the branch made from 1.0 s (B: never killed).
TEST_F(Rewind, TheOldFutureRunsBesideTheBranch) {
    auto* compare = w.findChild<QAction*>(QStringLiteral("compareBranchAction"));
    ASSERT_NE(compare, nullptr);
    EXPECT_FALSE(compare->isEnabled()) << "no rewind yet";
    runTo(1.3);
    w.scene()->killOrRestart(QStringLiteral("api-2"), true);
    runTo(1.5);
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Home);
    ASSERT_TRUE(waitFor([&] { return w.lastSnapshot()->simTime == 0; }));
    for (int i = 0; i < 10; ++i) QTest::keyClick(slider, Qt::Key_Right); // to 1.0 s
    ASSERT_TRUE(pausedAt(1.0));
    ASSERT_TRUE(compare->isEnabled());
    compare->trigger();
    auto* view = w.findChild<ui::CompareView*>();
    ASSERT_NE(view, nullptr);
    EXPECT_TRUE(view->titleOf(1).contains(QStringLiteral("branch from")))
        << view->titleOf(1).toStdString();
    view->runs()->runTo(4);
    ASSERT_TRUE(waitFor([&] { return view->summaryTable()->differingRows() > 0; }))
        << "A lost api-2 at 1.3 s and B did not: their summaries differ";
    view->close();
}

TEST_F(Rewind, ForwardRunsOnWithoutARestart) {
    runTo(1.0);
    const auto generation = w.lastSnapshot()->generation;
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_PageUp);
    ASSERT_TRUE(pausedAt(2.0));
    EXPECT_EQ(w.lastSnapshot()->generation, generation);
}

} // namespace

namespace {

// Every metrics row the window was sent in the current generation, as the metrics CSV.
struct RowCollector {
    std::uint64_t generation = 0;
    std::string csv;
    core::SimTime latest = -1;
    explicit RowCollector(ui::MainWindow& w) {
        QObject::connect(w.controller(), &ui::SimController::snapshotReady, &w,
                         [this](const ui::SnapshotPtr& snap) {
                             if (snap->generation != generation) csv.clear();
                             generation = snap->generation;
                             for (const auto& r : snap->newRows)
                                 csv += core::metricsCsvLine(r) + "\n";
                             latest = snap->simTime;
                         });
    }
};

core::RunResult straightRun(ui::MainWindow& w, const std::vector<core::Action>& session,
                            double seconds) {
    core::Scenario s = w.document()->scenario();
    s.timeline = session;
    s.duration_s = seconds;
    return core::runScenario(s, {});
}

} // namespace

TEST_F(Rewind, FromACheckpointThenPlayGivesTheStraightRunsMetricsByteForByte) {
    checkpointEverySlice();
    RowCollector rows(w);
    runTo(1.3);
    w.scene()->killOrRestart(QStringLiteral("api-2"), true); // live, at 1.3 s
    runTo(3.0);
    const auto session = *w.lastSnapshot()->actions;
    ASSERT_EQ(session.size(), 2u);
    const auto times = checkpointTimes();
    ASSERT_TRUE(std::any_of(times.begin(), times.end(), [](double t) { return t > 1.3 && t < 2; }))
        << "no checkpoint between the live kill and the rewind's target";

    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_PageDown); // to 2 s: from a checkpoint after the kill
    ASSERT_TRUE(pausedAt(2.0));
    EXPECT_FALSE(alive("api-2"));
    runTo(4.5); // play on from the rewound state
    ASSERT_TRUE(waitFor([&] { return rows.latest == 4'500'000; }));
    const auto straight = straightRun(w, session, 4.5);
    ASSERT_FALSE(straight.metricsCsvText.empty());
    EXPECT_EQ(rows.csv, straight.metricsCsvText.substr(straight.metricsCsvText.find('\n') + 1));
    EXPECT_EQ(w.lastSnapshot()->summary.events_processed, straight.summary.events_processed);
}

TEST_F(Rewind, ToTheTimeOfALiveActionTheActionIsReplayedAndLaterCheckpointsAreDropped) {
    checkpointEverySlice();
    runTo(1.3); // a checkpoint at 1.3 s, taken before the user's kill at 1.3 s
    w.scene()->killOrRestart(QStringLiteral("api-2"), true);
    runTo(4.0);
    seek(1.3);
    EXPECT_FALSE(alive("api-2"));
    EXPECT_TRUE(alive("api-1")); // the file kills it at 2 s
    for (double t : checkpointTimes()) EXPECT_LE(t, 1.3);
    const auto straight = straightRun(w, *w.lastSnapshot()->actions, 1.3);
    EXPECT_EQ(w.lastSnapshot()->summary.issued, straight.summary.issued);
    EXPECT_EQ(w.lastSnapshot()->summary.events_processed, straight.summary.events_processed);
    seek(0.7); // before the kill: it is dropped, the branch starts clean
    EXPECT_TRUE(alive("api-2"));
    EXPECT_TRUE(w.lastSnapshot()->actions->empty());
}

// The live history window a checkpoint keeps: exactly the last `capacity` lines, and a copy
// taken after seal() stays as it was while the original goes on.
TEST(HistoryWindow, KeepsTheLastLinesAndACheckpointsCopyStaysAsItWas) {
    ui::HistoryWindow h(5000);
    auto line = [](int i) {
        return (i % 2 ? ":type :ok :n " : ":type :invoke :n ") + std::to_string(i);
    };
    for (int i = 0; i < 9001; ++i) h.push(line(i)); // past two chunks of 4096
    EXPECT_EQ(h.size(), 5000u);
    h.seal();
    const ui::HistoryWindow copy = h;
    for (int i = 9001; i < 12000; ++i) h.push(line(i));
    const auto now = h.fromFirstInvoke();
    const auto then = copy.fromFirstInvoke();
    ASSERT_EQ(now.size(), 5000u); // line 7000 is an invocation
    EXPECT_EQ(now.front(), line(7000));
    EXPECT_EQ(now.back(), line(11999));
    ASSERT_EQ(then.size(), 4999u); // starts at the first invocation: 4002, not 4001
    EXPECT_EQ(then.front(), line(4002));
    EXPECT_EQ(then.back(), line(9000));
}

// A lesson step's timed action is part of the session like the file's: a rewind past it applies
// it once (the replay before checkpoints ran it twice, from the session and from the lesson).
TEST_F(Rewind, ALessonStepsTimedActionIsAppliedOnceAfterARewind) {
    core::Scenario s = w.document()->scenario();
    core::LessonStep step;
    step.text = "api-2 goes down";
    step.at_s = 1.0;
    core::Action kill;
    kill.kind = core::ActionKind::KillNode;
    kill.node = "api-2";
    step.actions.push_back(kill);
    s.lesson.steps.push_back(step);
    QMetaObject::invokeMethod(w.controller(), [c = w.controller(), s] { c->load(s); });
    runTo(2.5);
    ASSERT_EQ(w.lastSnapshot()->actions->size(), 2u); // the lesson's kill, the file's at 2 s
    seek(1.5);
    ASSERT_EQ(w.lastSnapshot()->actions->size(), 1u);
    EXPECT_EQ(w.lastSnapshot()->actions->front().node, "api-2");
    EXPECT_FALSE(alive("api-2"));
    s.duration_s = 1.5; // the straight run of the lesson's scenario
    const auto straight = core::runScenario(s, {});
    EXPECT_EQ(w.lastSnapshot()->summary.events_processed, straight.summary.events_processed);
}
