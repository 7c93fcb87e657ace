// Rewind and branch through the timeline slider, with real key events: going back replays the
// session (the file's and the user's actions) to exactly the state a straight run reaches, and
// live actions after that time are dropped, so what follows is a branch.
#include "MainWindow.h"
#include "NodeItem.h"
#include "Run.h"
#include "ScenarioIO.h"
#include "TimelineBar.h"
#include "TopologyScene.h"
#include "UiWait.h"

#include <QSlider>
#include <QTest>
#include <gtest/gtest.h>

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

TEST_F(Rewind, ForwardRunsOnWithoutARestart) {
    runTo(1.0);
    const auto generation = w.lastSnapshot()->generation;
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_PageUp);
    ASSERT_TRUE(pausedAt(2.0));
    EXPECT_EQ(w.lastSnapshot()->generation, generation);
}

} // namespace
