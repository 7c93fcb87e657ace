// The app through its widgets, offscreen: live faults reach the engine, edits undo and redo,
// files round-trip, bad files change nothing, a live session replays exactly.
#include "Autosave.h"
#include "ChartsPanel.h"
#include "DocumentCommands.h"
#include "FieldTable.h"
#include "History.h"
#include "HistoryPanel.h"
#include "HistoryView.h"
#include "MainWindow.h"
#include "NodeItem.h"
#include "Run.h"
#include "ScenarioIO.h"
#include "TopologyScene.h"
#include "TopologyView.h"
#include "UiFind.h"
#include "UiWait.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QStatusBar>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

using namespace cs;

namespace {

using cs::test::waitFor;

// Runs the window's engine to `s` simulated seconds and waits until it has stopped there.
bool runWindowTo(ui::MainWindow& w, double s) {
    QMetaObject::invokeMethod(w.controller(), [c = w.controller(), s] { c->runUntilSeconds(s); });
    return waitFor([&] {
        const auto snap = w.lastSnapshot();
        return snap && snap->simTime >= static_cast<core::SimTime>(s * 1e6) &&
               snap->state != ui::RunState::Running;
    });
}

const std::string kBase = std::string(CLUSTERSIM_TEST_DATA) + "/base.clustersim.json";

struct Fixture : ::testing::Test {
    ui::MainWindow w{false};
    void SetUp() override {
        ASSERT_TRUE(w.openScenario(QString::fromStdString(kBase)));
        w.show();
        ASSERT_TRUE(waitFor([&] { return w.lastSnapshot() && !w.lastSnapshot()->nodes.empty(); }));
    }
    void runTo(double s) {
        QMetaObject::invokeMethod(w.controller(),
                                  [c = w.controller(), s] { c->runUntilSeconds(s); });
        ASSERT_TRUE(waitFor([&] {
            const auto snap = w.lastSnapshot();
            return snap && snap->simTime >= static_cast<core::SimTime>(s * 1e6) &&
                   snap->state != ui::RunState::Running;
        }));
    }
    // The Add palette's list, its dock raised and laid out, as before a user can click it.
    QListWidget* shownPalette() {
        auto* dock = w.findChild<QDockWidget*>(QStringLiteral("paletteDock"));
        if (!dock) return nullptr;
        dock->show();
        dock->raise();
        if (!QTest::qWaitForWindowExposed(&w)) return nullptr;
        QApplication::setActiveWindow(&w);
        QApplication::processEvents();
        return dock->findChild<QListWidget*>();
    }
    // Shift+drag on the viewport from one node's centre to another's, as mouse events (the whole
    // topology fitted first), as a teacher links two nodes.
    void shiftDrag(const QString& fromId, const QString& toId) {
        QGraphicsItem* from = w.scene()->topItem(fromId);
        QGraphicsItem* to = w.scene()->topItem(toId);
        ASSERT_TRUE(from && to);
        w.view()->fitInView(w.scene()->itemsBoundingRect(), Qt::KeepAspectRatio);
        QApplication::processEvents();
        QWidget* vp = w.view()->viewport();
        const QPoint a = w.view()->mapFromScene(from->sceneBoundingRect().center());
        const QPoint b = w.view()->mapFromScene(to->sceneBoundingRect().center());
        auto send = [&](QEvent::Type type, QPoint at, Qt::MouseButtons buttons) {
            QMouseEvent e(type, at, vp->mapToGlobal(at),
                          type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, buttons,
                          Qt::ShiftModifier);
            QApplication::sendEvent(vp, &e);
        };
        send(QEvent::MouseButtonPress, a, Qt::LeftButton);
        for (int i = 1; i <= 8; ++i) send(QEvent::MouseMove, a + (b - a) * i / 8, Qt::LeftButton);
        send(QEvent::MouseButtonRelease, b, Qt::NoButton);
    }
    const core::NodeView* node(const std::string& name) {
        for (const auto& n : w.lastSnapshot()->nodes)
            if (n.name == name) return &n;
        return nullptr;
    }
};

} // namespace

TEST_F(Fixture, KillThroughTheUiReachesTheEngineAndChartsGrow) {
    runTo(1.0);
    w.charts()->refresh();
    const int before = w.charts()->seriesPoints(QStringLiteral("Latency"));
    ASSERT_NE(w.scene()->nodeItem(QStringLiteral("api-1")), nullptr);
    w.scene()->killOrRestart(QStringLiteral("api-1"), true);
    ASSERT_TRUE(waitFor([&] { return node("api-1") && !node("api-1")->alive; }));
    EXPECT_FALSE(w.scene()->nodeItem(QStringLiteral("api-1"))->alive())
        << "the scene shows it dead";
    runTo(2.0);
    w.charts()->refresh();
    EXPECT_GT(w.charts()->seriesPoints(QStringLiteral("Latency")), before);
    // Recorded with the sim time it took effect at, as the first action (the file's own comes at 2
    // s).
    ASSERT_GE(w.lastSnapshot()->actions->size(), 1u);
    EXPECT_EQ(w.lastSnapshot()->actions->front().node, "api-1");
    EXPECT_EQ(w.lastSnapshot()->actions->front().at_us, 1'000'000);
    w.scene()->killOrRestart(QStringLiteral("api-1"), false);
    ASSERT_TRUE(waitFor([&] { return node("api-1")->alive; }));
}

TEST_F(Fixture, CutAndHealALink) {
    runTo(0.5);
    ui::LinkItem* link = nullptr;
    for (auto* l : w.scene()->linkItems())
        if (l->specA() == "api" && l->specB() == "db" && l->a()->name() == "api-2") link = l;
    ASSERT_NE(link, nullptr);
    auto engineSaysUp = [&] {
        for (const auto& l : w.lastSnapshot()->links)
            if (l.specA == "api" && l.specB == "db" && node("api-2")->id == l.a) return l.up;
        return true;
    };
    w.scene()->cutOrHeal(link, true);
    ASSERT_TRUE(waitFor([&] { return !engineSaysUp(); }));
    EXPECT_FALSE(link->isUp());
    w.scene()->cutOrHeal(link, false);
    ASSERT_TRUE(waitFor(engineSaysUp));
    EXPECT_TRUE(link->isUp());
}

TEST_F(Fixture, DragIsOneUndoStepAndEditsUndo) {
    QGraphicsItem* lb = w.scene()->topItem(QStringLiteral("lb"));
    ASSERT_NE(lb, nullptr);
    const QPointF start = lb->scenePos();
    QWidget* vp = w.view()->viewport();
    const QPoint from = w.view()->mapFromScene(start);
    auto send = [&](QEvent::Type type, QPoint at, Qt::MouseButtons buttons) {
        QMouseEvent e(type, at, vp->mapToGlobal(at),
                      type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, buttons,
                      Qt::NoModifier);
        QApplication::sendEvent(vp, &e);
    };
    send(QEvent::MouseButtonPress, from, Qt::LeftButton);
    for (int i = 1; i <= 5; ++i)
        send(QEvent::MouseMove, from + QPoint(10 * i, 6 * i), Qt::LeftButton);
    send(QEvent::MouseButtonRelease, from + QPoint(50, 30), Qt::NoButton);
    auto* stack = w.document()->undoStack();
    ASSERT_EQ(stack->count(), 1) << "a drag is one undo step";
    const core::NodeSpec* moved = w.document()->scenario().find("lb");
    EXPECT_GT(moved->x, start.x() + 20);
    stack->undo();
    EXPECT_DOUBLE_EQ(w.document()->scenario().find("lb")->x, start.x());
    EXPECT_DOUBLE_EQ(lb->scenePos().x(), start.x()) << "the item follows the document";
    stack->redo();
    EXPECT_GT(w.document()->scenario().find("lb")->x, start.x() + 20);

    // An edit in the inspector is an undo step too, and reaches the engine live.
    w.scene()->selectSubject(QStringLiteral("users"));
    QDoubleSpinBox* rate = nullptr;
    for (auto* box : w.findChildren<QDoubleSpinBox*>())
        if (box->suffix() == QStringLiteral(" req/s")) rate = box;
    ASSERT_NE(rate, nullptr);
    rate->setValue(250);
    EXPECT_EQ(w.document()->scenario().find("users")->rate_rps, 250);
    EXPECT_EQ(stack->count(), 2);
    ASSERT_TRUE(
        waitFor([&] { return w.lastSnapshot()->actions && !w.lastSnapshot()->actions->empty(); }));
    EXPECT_EQ(w.lastSnapshot()->actions->back().field, "rate_rps");
    stack->undo();
    EXPECT_EQ(w.document()->scenario().find("users")->rate_rps, 100);
    EXPECT_TRUE(w.isWindowModified());
    stack->undo();
    EXPECT_FALSE(w.isWindowModified()) << "back at the clean state";
}

TEST_F(Fixture, DeleteAndUndoRestoresNodesLinksAndReferences) {
    const core::Scenario before = w.document()->scenario();
    w.scene()->selectSubject(QStringLiteral("db"));
    w.scene()->deleteSelection();
    EXPECT_EQ(w.document()->scenario().find("db"), nullptr);
    EXPECT_EQ(w.document()->scenario().find("api")->datastore, "");
    EXPECT_EQ(w.document()->scenario().links.size(), before.links.size() - 1);
    w.document()->undoStack()->undo();
    EXPECT_EQ(w.document()->scenario(), before);
}

TEST_F(Fixture, SaveThenLoadGivesTheSameScenario) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("x.clustersim.json"));
    w.document()->undoStack()->push(
        new ui::MoveNodesCommand(w.document(), {{"db", QPointF(999, 111)}}));
    ASSERT_TRUE(w.isWindowModified());
    QString err;
    ASSERT_TRUE(w.saveTo(path, &err)) << err.toStdString();
    EXPECT_FALSE(w.isWindowModified());
    const core::Scenario saved = w.document()->scenario();
    ui::MainWindow other(false);
    ASSERT_TRUE(other.openScenario(path, &err)) << err.toStdString();
    EXPECT_EQ(other.document()->scenario(), saved);
}

TEST_F(Fixture, BadFileLeavesTheOpenDocumentUntouched) {
    const core::Scenario before = w.document()->scenario();
    QString err;
    EXPECT_FALSE(w.openScenario(QString::fromStdString(std::string(CLUSTERSIM_TEST_DATA) +
                                                       "/bad/dangling_target.clustersim.json"),
                                &err));
    EXPECT_TRUE(err.contains(QStringLiteral("nodes[0].target"))) << err.toStdString();
    EXPECT_EQ(w.document()->scenario(), before);
    EXPECT_EQ(w.document()->filePath(), QString::fromStdString(kBase));
}

TEST_F(Fixture, LiveSessionReplaysToTheSameMetrics) {
    runTo(1.25);
    w.scene()->killOrRestart(QStringLiteral("api-2"), true);
    runTo(2.5);
    for (auto* l : w.scene()->linkItems())
        if (l->specA() == "users") w.scene()->cutOrHeal(l, true);
    runTo(3.0);
    w.scene()->killOrRestart(QStringLiteral("api-2"), false);
    runTo(4.0);
    const QString live = w.charts()->metricsCsv();

    core::Scenario replay = w.document()->scenario();
    replay.timeline = *w.lastSnapshot()->actions; // the file's own action at 2 s is among them
    replay.duration_s = 4.0;
    ASSERT_EQ(replay.timeline.size(), 4u);
    const auto reloaded = core::loadScenarioText(core::scenarioToJson(replay), "session");
    ASSERT_TRUE(reloaded.ok) << reloaded.error;
    const auto result = core::runScenario(reloaded.scenario, {});
    EXPECT_EQ(live.toStdString(), result.metricsCsvText);
}

TEST(UiCap, StoreModeSwitchIsOneUndoStepAndTheLeaderShows) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/cap-cp-partition.clustersim.json")));
    w.show();
    ASSERT_TRUE(waitFor([&] { return w.lastSnapshot() && !w.lastSnapshot()->nodes.empty(); }));
    QMetaObject::invokeMethod(w.controller(), [c = w.controller()] { c->runUntilSeconds(2); });
    ASSERT_TRUE(waitFor([&] {
        const auto s = w.lastSnapshot();
        return s && s->simTime >= 2'000'000 && s->state != ui::RunState::Running;
    }));
    int leaders = 0;
    for (const auto& n : w.lastSnapshot()->nodes) leaders += n.leader;
    EXPECT_EQ(leaders, 1) << "a CP store elects one leader";
    auto* mode = w.findChild<QComboBox*>(QStringLiteral("storeMode"));
    ASSERT_NE(mode, nullptr);
    EXPECT_EQ(mode->currentText(), QStringLiteral("CP"));
    mode->textActivated(QStringLiteral("AP"));
    EXPECT_EQ(w.document()->scenario().find("db")->mode, core::StoreMode::AP);
    EXPECT_EQ(mode->currentText(), QStringLiteral("AP"));
    w.document()->undoStack()->undo();
    EXPECT_EQ(w.document()->scenario().find("db")->mode, core::StoreMode::CP);
}

TEST(UiHistory, AnImportedHistoryIsCheckedOffTheGuiThreadAndShown) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/cap-ap-partition.clustersim.json")));
    w.show();
    auto* panel = w.findChild<ui::HistoryPanel*>();
    ASSERT_NE(panel, nullptr);
    ui::HistoryView* view = panel->view();
    // An imported Jepsen history with a known verdict.
    QFile f(
        QString::fromStdString(std::string(CLUSTERSIM_TEST_DATA) + "/jepsen/etcd/etcd_000.log"));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    QString error;
    ASSERT_TRUE(panel->showHistory(QString::fromUtf8(f.readAll()), QStringLiteral("etcd_000"),
                                   false, error))
        << error.toStdString();
    ASSERT_TRUE(waitFor([&] { return view->checked(); }));
    EXPECT_EQ(view->verdict().verdict, core::CheckResult::Verdict::NotLinearizable);
    EXPECT_GE(view->verdict().firstBad, 0)
        << "the operation that fits no order is known, to highlight";
    view->resize(1400, 500);
    const QPixmap shot = view->grab();
    EXPECT_FALSE(shot.isNull());
    if (qEnvironmentVariableIsSet("CLUSTERSIM_TEST_SCREENSHOTS"))
        shot.save(QStringLiteral("/tmp/history-view.png"));
}

// The live run's recent history, checked at any moment of a running CAP example: cut at a
// consistent point per key (the window opens in the middle of operations), each key starting
// from an unknown value. The CP store is linearizable, the AP store under its partition is not.
class UiLiveHistory : public ::testing::TestWithParam<const char*> {};

TEST_P(UiLiveHistory, TheLiveRunsRecentHistoryIsCheckedAtAnyMoment) {
    const bool cp = std::string(GetParam()) == "cp";
    ui::MainWindow w(false);
    ASSERT_TRUE(
        w.openScenario(cp ? QStringLiteral(":/scenarios/cap-cp-partition.clustersim.json")
                          : QStringLiteral(":/scenarios/cap-ap-partition.clustersim.json")));
    w.show();
    auto* panel = w.findChild<ui::HistoryPanel*>();
    ASSERT_NE(panel, nullptr);
    for (double at : {12.3, 27.7}) { // before and during the partition, mid-operation
        ASSERT_TRUE(runWindowTo(w, at));
        const std::size_t before = panel->view()->operationCount();
        QTest::mouseClick(w.findChild<QPushButton*>(QStringLiteral("liveHistory")), Qt::LeftButton);
        ASSERT_TRUE(waitFor([&] {
            return panel->view()->checked() && panel->view()->operationCount() != before;
        })) << "the live window was read (no parse error) and checked";
        EXPECT_GT(panel->view()->operationCount(), 1000u);
        const auto verdict = panel->view()->verdict().verdict;
        if (cp || at < 20) {
            EXPECT_EQ(verdict, core::CheckResult::Verdict::Linearizable) << "at " << at << " s";
        } else {
            EXPECT_EQ(verdict, core::CheckResult::Verdict::NotLinearizable)
                << "an AP store under a partition is not linearizable";
            EXPECT_GE(panel->view()->verdict().firstBad, 0)
                << "the operation that fits no order is known, to outline and open on";
            EXPECT_FALSE(panel->view()->verdict().prefix.empty())
                << "the longest order that works is known, to tint green";
            // Clicking the operation that fits no order selects the client that made it.
            const auto& bad = panel->view()
                                  ->history()
                                  .ops[static_cast<std::size_t>(panel->view()->verdict().firstBad)];
            QTest::mouseClick(panel->view(), Qt::LeftButton, {},
                              panel->view()->badBar().center().toPoint());
            const auto ids = w.scene()->selectedSpecIds();
            ASSERT_EQ(ids.size(), 1u);
            EXPECT_EQ(ids.front(), bad.client);
        }
        if (qEnvironmentVariableIsSet("CLUSTERSIM_TEST_SCREENSHOTS"))
            panel->grab().save(QStringLiteral("/tmp/live-history-%1-%2.png")
                                   .arg(QString::fromLatin1(GetParam()))
                                   .arg(static_cast<int>(at)));
        EXPECT_LT(panel->view()->laneCount(), 200)
            << "operations share lanes (a process per attempt would give thousands)";
    }
    // Another scenario: the last run's history is not shown for it.
    ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/default.clustersim.json")));
    EXPECT_EQ(panel->view()->operationCount(), 0u);
}

INSTANTIATE_TEST_SUITE_P(CapExamples, UiLiveHistory, ::testing::Values("cp", "ap"));

TEST(UiTraffic, ShardsShowInTheTopologyAndGrow) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/sharding-hot-shard.clustersim.json")));
    w.show();
    ASSERT_TRUE(waitFor([&] { return w.lastSnapshot() && !w.lastSnapshot()->nodes.empty(); }));
    ASSERT_NE(w.scene()->nodeItem(QStringLiteral("db-s4")), nullptr) << "shards drawn as nodes";
    EXPECT_EQ(w.scene()->nodeItem(QStringLiteral("db-s5")), nullptr);
    ASSERT_TRUE(runWindowTo(w, 41));
    EXPECT_NE(w.scene()->nodeItem(QStringLiteral("db-s5")), nullptr)
        << "the shard added at 40 s appears in the db frame";
}

// Who is a member of what, and its number, come from the engine's snapshot (NodeView role and
// member), not from taking names like "db-s5" apart: the scene numbers its items with them.
TEST(UiScene, MembersTakeTheirRoleAndNumberFromTheSnapshot) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/sharding-hot-shard.clustersim.json")));
    w.show();
    ASSERT_TRUE(runWindowTo(w, 41)); // a shard is added at 40 s
    const core::NodeView* added = nullptr;
    for (const auto& n : w.lastSnapshot()->nodes)
        if (n.name == "db-s5") added = &n;
    ASSERT_NE(added, nullptr);
    EXPECT_EQ(added->role, core::NodeRole::Shard);
    EXPECT_EQ(added->owner, "db");
    EXPECT_EQ(added->member, 5);
    ui::NodeItem* item = w.scene()->nodeItem(QStringLiteral("db-s5"));
    ASSERT_NE(item, nullptr);
    EXPECT_EQ(item->member(), 5) << "labelled #5 in the db frame";
    EXPECT_EQ(item->specId(), QStringLiteral("db"));

    const auto sharding = w.lastSnapshot()->generation;
    ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/cap-cp-partition.clustersim.json")));
    ASSERT_TRUE(waitFor([&] {
        const auto snap = w.lastSnapshot();
        return snap && snap->generation > sharding && !snap->nodes.empty();
    }));
    int replicas = 0;
    for (const auto& n : w.lastSnapshot()->nodes) {
        if (n.role != core::NodeRole::Replica) continue;
        ++replicas;
        EXPECT_EQ(n.owner, "db") << n.name;
        EXPECT_EQ(n.member, replicas) << n.name;
        ui::NodeItem* r = w.scene()->nodeItem(QString::fromStdString(n.name));
        ASSERT_NE(r, nullptr);
        EXPECT_FALSE(r->isMember()) << "a replica is a node of its own, drawn and moved as one";
        EXPECT_TRUE(r->toolTip().contains(QStringLiteral("a replica of db"))) << n.name;
    }
    EXPECT_EQ(replicas, 3);
    for (const auto& n : w.lastSnapshot()->nodes)
        if (n.role == core::NodeRole::Instance) {
            ui::NodeItem* i = w.scene()->nodeItem(QString::fromStdString(n.name));
            ASSERT_NE(i, nullptr);
            EXPECT_EQ(i->member(), n.member);
            EXPECT_EQ(i->specId().toStdString(), n.owner);
        }
}

TEST(UiTraffic, TheCacheShowsItsHitRatio) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/cache-herd.clustersim.json")));
    w.show();
    ASSERT_TRUE(waitFor([&] { return w.lastSnapshot() && !w.lastSnapshot()->nodes.empty(); }));
    ASSERT_TRUE(runWindowTo(w, 10));
    double hit = -1;
    for (const auto& n : w.lastSnapshot()->nodes)
        if (n.name == "kv") hit = n.hitRatio;
    EXPECT_GT(hit, 0.5) << "a warm cache serves most reads";
}

TEST(UiTraffic, DeletingACacheClearsTheReferenceAndUndoRestoresIt) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/cache-herd.clustersim.json")));
    const core::Scenario before = w.document()->scenario();
    ASSERT_EQ(before.find("api")->cache, "kv");
    w.scene()->selectSubject(QStringLiteral("kv"));
    w.scene()->deleteSelection();
    EXPECT_EQ(w.document()->scenario().find("kv"), nullptr);
    EXPECT_EQ(w.document()->scenario().find("api")->cache, "");
    w.document()->undoStack()->undo();
    EXPECT_EQ(w.document()->scenario(), before);
}

TEST(UiScaling, TheToolbarSwitchesEveryGroupsPolicyInOneUndoStep) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/elasticity-spike.clustersim.json")));
    auto* combo = w.findChild<QComboBox*>(QStringLiteral("scalingPolicy"));
    ASSERT_NE(combo, nullptr);
    EXPECT_EQ(combo->currentData().toString(), QStringLiteral("target_tracking"));
    const core::Scenario before = w.document()->scenario();
    combo->activated(combo->findData(QStringLiteral("manual")));
    EXPECT_EQ(w.document()->scenario().find("api")->autoscaling->policy,
              core::Autoscaling::Policy::Manual);
    EXPECT_EQ(combo->currentText(), QStringLiteral("manual"));
    combo->activated(combo->findData(QStringLiteral("step")));
    EXPECT_FALSE(w.document()->scenario().find("api")->autoscaling->steps.empty())
        << "a step policy starts with a rule for each direction";
    w.document()->undoStack()->undo();
    w.document()->undoStack()->undo();
    EXPECT_EQ(w.document()->scenario(), before);
}

TEST(UiTraffic, TheLimitIsEditedInTheInspectorAndReachesTheEngineLive) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/rate-limit.clustersim.json")));
    w.show();
    ASSERT_TRUE(waitFor([&] { return w.lastSnapshot() && !w.lastSnapshot()->nodes.empty(); }));
    ASSERT_TRUE(runWindowTo(w, 1));
    w.scene()->selectSubject(QStringLiteral("gate"));
    QApplication::processEvents();
    QDoubleSpinBox* limit = nullptr;
    for (auto* box : w.findChildren<QDoubleSpinBox*>())
        if (box->suffix() == QStringLiteral(" req/s") && box->value() == 100) limit = box;
    ASSERT_NE(limit, nullptr) << "the rate limiter's inspector shows its limit";
    limit->setValue(50);
    EXPECT_EQ(w.document()->scenario().find("gate")->limit_rps, 50);
    ASSERT_TRUE(waitFor([&] {
        const auto& a = w.lastSnapshot()->actions;
        return a && !a->empty() && a->back().field == "limit_rps";
    })) << "a live set action, not a restart";
    EXPECT_GE(w.lastSnapshot()->simTime, 1'000'000);
    w.document()->undoStack()->undo();
    EXPECT_EQ(w.document()->scenario().find("gate")->limit_rps, 100);
}

// Autosaves: one file per instance, held by a lock. A running instance's file is never offered
// (nor removed) by another; the file of an instance that died is; an unreadable one is kept aside.
TEST(UiAutosave, OnlyTheFilesOfInstancesThatDiedAreOffered) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const auto loaded = core::loadScenarioFile(kBase);
    ASSERT_TRUE(loaded.ok) << loaded.error;
    const core::Scenario& s = loaded.scenario;
    ui::Autosave first(dir.path()), second(dir.path());
    ASSERT_TRUE(first.save(s));
    ASSERT_TRUE(second.save(s));
    EXPECT_NE(first.path(), second.path()) << "one autosave per instance";
    EXPECT_TRUE(second.orphans().isEmpty()) << "the first instance is alive: its file is its own";
    // An instance that died: its file stays, its lock names a process that is gone.
    const QString dead = QDir(dir.path()).filePath(QStringLiteral("autosave-dead.clustersim.json"));
    ASSERT_TRUE(QFile::copy(first.path(), dead));
    QFile lock(dead + QStringLiteral(".lock"));
    ASSERT_TRUE(lock.open(QIODevice::WriteOnly));
    lock.write(QByteArray("2147483600\nclustersim\n") + QSysInfo::machineHostName().toUtf8() +
               "\n");
    lock.close();
    // The file name older versions used, with no lock at all.
    const QString legacy = QDir(dir.path()).filePath(QStringLiteral("autosave.clustersim.json"));
    ASSERT_TRUE(QFile::copy(first.path(), legacy));
    const QStringList orphans = second.orphans();
    EXPECT_EQ(orphans.size(), 2);
    EXPECT_TRUE(orphans.contains(QFileInfo(dead).absoluteFilePath()));
    EXPECT_TRUE(orphans.contains(QFileInfo(legacy).absoluteFilePath()));
    EXPECT_FALSE(orphans.contains(QFileInfo(first.path()).absoluteFilePath()));
    // Saved work: the instance's autosave goes; an unreadable orphan is renamed, never deleted.
    second.discard();
    EXPECT_FALSE(QFile::exists(second.path()));
    const QString aside = ui::Autosave::setAside(dead);
    EXPECT_FALSE(QFile::exists(dead));
    EXPECT_TRUE(QFile::exists(aside));
}

// The scenario's own fields are edits like any other: typed into the toolbar's seed box, the seed
// marks the document modified (so it is autosaved and asked about on close) and undo restores it.
TEST_F(Fixture, ASeedTypedInTheToolbarIsAnUndoableEditThatMarksTheDocumentModified) {
    auto* seed = w.findChild<QSpinBox*>(QStringLiteral("seed"));
    ASSERT_NE(seed, nullptr);
    const std::uint64_t before = w.document()->scenario().seed;
    ASSERT_FALSE(w.document()->isModified());
    seed->setFocus();
    QTest::keyClick(seed, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(seed, QString::number(before + 41));
    QTest::keyClick(seed, Qt::Key_Return);
    EXPECT_EQ(w.document()->scenario().seed, before + 41);
    EXPECT_TRUE(w.document()->isModified()) << "an edit nobody is asked about on close is lost";
    w.document()->undoStack()->undo();
    EXPECT_EQ(w.document()->scenario().seed, before);
    EXPECT_FALSE(w.document()->isModified());
}

namespace {
using cs::test::inspectorField;

void typeInto(QWidget* field, const QString& text) {
    field->setFocus();
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(field, text);
    QTest::keyClick(field, Qt::Key_Return);
    QApplication::processEvents();
}
} // namespace

// The scenario's name, typed into the inspector (nothing selected), is an undo command that marks
// the document modified; Enter on an unchanged field is no edit at all.
TEST_F(Fixture, TheScenarioNameTypedInTheInspectorIsAnUndoableEdit) {
    const core::Scenario before = w.document()->scenario();
    ASSERT_FALSE(w.document()->isModified());
    auto* name = qobject_cast<QLineEdit*>(inspectorField(w, QStringLiteral("Name")));
    ASSERT_NE(name, nullptr);
    name->setFocus();
    QTest::keyClick(name, Qt::Key_Return); // unchanged
    QApplication::processEvents();
    EXPECT_FALSE(w.document()->isModified()) << "Enter on an unchanged name is not an edit";
    EXPECT_EQ(w.document()->undoStack()->count(), 0);

    typeInto(inspectorField(w, QStringLiteral("Name")), QStringLiteral("Renamed in class"));
    EXPECT_EQ(w.document()->scenario().name, "Renamed in class");
    EXPECT_TRUE(w.document()->isModified()) << "an edit nobody is asked about on close is lost";
    EXPECT_TRUE(w.windowTitle().contains(QStringLiteral("Renamed in class")));
    EXPECT_EQ(w.document()->undoStack()->count(), 1);
    w.document()->undoStack()->undo();
    EXPECT_EQ(w.document()->scenario().name, before.name);
    EXPECT_FALSE(w.document()->isModified());
    w.document()->undoStack()->redo();
    EXPECT_EQ(w.document()->scenario().name, "Renamed in class");
}

// The duration the same way. Disabled: Enter in any of the inspector's number boxes is a
// use-after-free today (valgrind): the box's valueChanged pushes the command, the document's signal
// makes Inspector::refresh -> clearForm delete that very box, and QAbstractSpinBox::keyPressEvent
// then runs on freed memory. Enable it once clearForm defers the deletion (deleteLater).
TEST_F(Fixture, TheScenarioDurationTypedInTheInspectorIsAnUndoableEdit) {
    const double before = w.document()->scenario().duration_s;
    auto* duration = qobject_cast<QDoubleSpinBox*>(inspectorField(w, QStringLiteral("Duration")));
    ASSERT_NE(duration, nullptr);
    typeInto(duration, QStringLiteral("42"));
    EXPECT_DOUBLE_EQ(w.document()->scenario().duration_s, 42.0);
    EXPECT_TRUE(w.document()->isModified());
    w.document()->undoStack()->undo();
    EXPECT_DOUBLE_EQ(w.document()->scenario().duration_s, before);
    EXPECT_FALSE(w.document()->isModified());
}

// One place for the lesson: the lesson panel, not the inspector. Set by a command (as a lesson
// editor would), it is an undo step that marks the document modified like the others.
TEST_F(Fixture, TheLessonIsNotInTheInspectorAndIsAnUndoableEditOtherwise) {
    ASSERT_NE(inspectorField(w, QStringLiteral("Name")), nullptr); // the scenario page is shown
    EXPECT_EQ(inspectorField(w, QStringLiteral("Lesson")), nullptr);
    const core::Lesson before = w.document()->scenario().lesson;
    core::Scenario meta = w.document()->scenario();
    meta.lesson.steps = {{"Watch p99 when one instance dies.", {}, false, {}, {}}};
    w.document()->undoStack()->push(new ui::SetMetaCommand(w.document(), meta));
    EXPECT_TRUE(w.document()->isModified());
    w.document()->undoStack()->undo();
    EXPECT_EQ(w.document()->scenario().lesson, before);
    EXPECT_FALSE(w.document()->isModified());
}

// A save that fails (here the folder is a file) says which file, keeps the document modified
// and leaves the file saved before as it was.
TEST_F(Fixture, AFailedSaveKeepsTheOldFileAndTheDocumentModified) {
    QTemporaryDir dir;
    const QString saved = dir.filePath(QStringLiteral("s.clustersim.json"));
    ASSERT_TRUE(w.saveTo(saved));
    QFile f(saved);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray before = f.readAll();
    f.close();
    core::Scenario meta = w.document()->scenario();
    meta.name = "edited after saving";
    w.document()->undoStack()->push(new ui::SetMetaCommand(w.document(), meta));
    QString error;
    const QString blocked = saved + QStringLiteral("/inside.clustersim.json");
    EXPECT_FALSE(w.saveTo(blocked, &error));
    EXPECT_TRUE(error.contains(blocked)) << error.toStdString();
    EXPECT_TRUE(w.document()->isModified());
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), before);
}

// The toolbar's Store switch flips a running store live: the run goes on from where it was (no
// restart to t = 0), the leader goes, and the flip is an action at that moment.
TEST(UiCap, FlippingTheStoreDuringARunKeepsTheRunGoing) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/cap-cp-partition.clustersim.json")));
    w.show();
    ASSERT_TRUE(runWindowTo(w, 25)); // in the middle of the partition
    const auto generation = w.lastSnapshot()->generation;
    ASSERT_EQ(w.lastSnapshot()->summary.stale_reads, 0u) << "CP: no stale read";
    auto* mode = w.findChild<QComboBox*>(QStringLiteral("storeMode"));
    ASSERT_NE(mode, nullptr);
    mode->setFocus();
    QTest::keyClick(mode, Qt::Key_Down); // CP -> AP with the keyboard, as a user would
    ASSERT_EQ(mode->currentText(), QStringLiteral("AP"));
    ASSERT_TRUE(runWindowTo(w, 27));
    const auto snap = w.lastSnapshot();
    ASSERT_TRUE(snap);
    EXPECT_GE(snap->simTime, 27'000'000);
    EXPECT_EQ(snap->generation, generation) << "the run was not restarted";
    int leaders = 0;
    for (const auto& n : snap->nodes) leaders += n.leader;
    EXPECT_EQ(leaders, 0) << "an AP store has no leader";
    ASSERT_TRUE(snap->actions);
    bool recorded = false;
    for (const auto& a : *snap->actions)
        recorded |= a.field == "mode" && a.at_us >= 25'000'000 && a.at_us < 27'000'000;
    EXPECT_TRUE(recorded) << "the flip is an action at its moment (Save Session replays it)";
    int quorums = 0; // r = w = 1 with it: the AP store of the AP example, not majorities
    for (const auto& a : *snap->actions)
        quorums += (a.field == "r" || a.field == "w") && std::get<double>(a.value) == 1.0;
    EXPECT_EQ(quorums, 2);
    auto* log = w.findChild<QListWidget*>(QStringLiteral("eventLog"));
    ASSERT_NE(log, nullptr);
    EXPECT_FALSE(log->findItems(QStringLiteral("switched to AP"), Qt::MatchContains).isEmpty())
        << "the event log (and the charts' markers) say when";
    EXPECT_LT(log->item(0)->text().section(QLatin1Char(' '), 0, 0).toDouble(), 25)
        << "the log of the run before the flip is kept";
    ASSERT_TRUE(runWindowTo(w, 35)); // still partitioned
    EXPECT_GT(w.lastSnapshot()->summary.stale_reads, 0u) << "AP under a partition reads stale";
    EXPECT_EQ(w.lastSnapshot()->generation, generation);

    // Undo sends the old values live, at the current moment: CP and majorities again.
    w.document()->undoStack()->undo();
    ASSERT_TRUE(runWindowTo(w, 36));
    EXPECT_EQ(w.lastSnapshot()->generation, generation) << "undo did not restart the run";
    EXPECT_EQ(mode->currentText(), QStringLiteral("CP"));
    const auto& acts = *w.lastSnapshot()->actions;
    ASSERT_GE(acts.size(), 6u);
    EXPECT_EQ(acts.back().at_us, acts[acts.size() - 3].at_us);
    EXPECT_GE(acts.back().at_us, 35'000'000);
    bool backToCp = false;
    for (const auto& a : acts) backToCp |= a.field == "mode" && a.value == core::FieldValue("CP");
    EXPECT_TRUE(backToCp);
}

// The toolbar's Scaling switch during a run (a group that already autoscales): the run goes on and
// the policy changes at that moment, as an action.
TEST(UiScaling, SwitchingThePolicyDuringARunKeepsTheRunGoing) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/elasticity-spike.clustersim.json")));
    w.show();
    ASSERT_TRUE(runWindowTo(w, 10));
    const auto generation = w.lastSnapshot()->generation;
    auto* combo = w.findChild<QComboBox*>(QStringLiteral("scalingPolicy"));
    ASSERT_NE(combo, nullptr);
    ASSERT_EQ(combo->currentData().toString(), QStringLiteral("target_tracking"));
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Home); // "manual" is the first choice
    ASSERT_EQ(combo->currentText(), QStringLiteral("manual"));
    EXPECT_EQ(w.document()->scenario().find("api")->autoscaling->policy,
              core::Autoscaling::Policy::Manual);
    ASSERT_TRUE(runWindowTo(w, 12));
    EXPECT_EQ(w.lastSnapshot()->generation, generation) << "the run was not restarted";
    bool recorded = false;
    for (const auto& a : *w.lastSnapshot()->actions)
        recorded |= a.field == "autoscaling.policy" && a.at_us >= 10'000'000;
    EXPECT_TRUE(recorded);
}

// The switches show what the run is in: back before a live switch with the timeline, the run is
// in the policy it was loaded with again, and so is the switch (the document keeps the edit).
TEST(UiScaling, ARewindBeforeALiveSwitchShowsThePolicyTheRunIsIn) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/elasticity-spike.clustersim.json")));
    w.show();
    ASSERT_TRUE(runWindowTo(w, 10));
    auto* combo = w.findChild<QComboBox*>(QStringLiteral("scalingPolicy"));
    ASSERT_NE(combo, nullptr);
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Home); // manual, live at 10 s
    ASSERT_TRUE(runWindowTo(w, 12));
    EXPECT_EQ(combo->currentText(), QStringLiteral("manual"));
    auto* slider = w.findChild<QSlider*>(QStringLiteral("timelineSlider"));
    ASSERT_NE(slider, nullptr);
    slider->setFocus();
    for (int k = 0; k < 4; ++k) QTest::keyClick(slider, Qt::Key_PageDown); // to 8 s
    ASSERT_TRUE(cs::test::waitFor([&] {
        const auto snap = w.lastSnapshot();
        return snap && snap->simTime == 8'000'000 && snap->state == ui::RunState::Paused;
    }));
    EXPECT_EQ(combo->currentData().toString(), QStringLiteral("target_tracking"));
    EXPECT_EQ(w.document()->scenario().find("api")->autoscaling->policy,
              core::Autoscaling::Policy::Manual);
}

// A 720p projector and a 1024x768 one show the whole window: the docks and charts never ask for
// more height than that, the palette and the inspector scroll instead, and a short chart names its
// units in its title rather than eliding its axis labels. A full-HD screen keeps the roomy charts.
TEST(UiLayout, TheWindowFitsClassroomScreensAndTheChartsStayReadable) {
    for (const QSize screen : {QSize(1024, 768), QSize(1280, 720), QSize(1920, 1080)}) {
        ui::MainWindow w(false);
        ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/elasticity-spike.clustersim.json")));
        w.show();
        w.resize(screen);
        QApplication::processEvents();
        const QSize need = w.minimumSizeHint();
        EXPECT_LE(need.width(), screen.width() * 95 / 100) << screen.width();
        EXPECT_LE(need.height(), screen.height() * 95 / 100) << screen.height();
        EXPECT_EQ(w.size(), screen);
        w.charts()->refresh();
        for (auto* view : w.charts()->views()) {
            EXPECT_GE(view->height(), 150) << view->accessibleName().toStdString();
            EXPECT_GE(view->width(), 240) << view->accessibleName().toStdString();
            const bool unitsInTitle = view->chart()->title() != view->accessibleName();
            EXPECT_EQ(unitsInTitle, view->height() < 250) << view->height();
        }
    }
}

// A right-click on a node, sent through the window as the platform sends it (so Qt makes the
// context-menu event itself), opens the menu; choosing "Kill" kills the node in the engine.
TEST_F(Fixture, ARightClickOnANodeOpensItsMenuAndKillsIt) {
    QGraphicsItem* db = w.scene()->topItem(QStringLiteral("db"));
    ASSERT_NE(db, nullptr);
    w.view()->centerOn(db);
    QApplication::processEvents();
    QWidget* vp = w.view()->viewport();
    const QPoint inView = w.view()->mapFromScene(db->sceneBoundingRect().center());
    const QPoint inWindow = vp->mapTo(vp->window(), inView);
    QStringList seen;
    QTimer::singleShot(0, [&] { // runs inside the menu's own event loop, if it opened
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (!menu) return;
        for (QAction* a : menu->actions()) seen << a->text();
        for (QAction* a : menu->actions())
            if (a->text().startsWith(QStringLiteral("Kill"))) {
                menu->setActiveAction(a);
                QTest::keyClick(menu, Qt::Key_Return);
                return;
            }
        menu->close();
    });
    QTest::mouseClick(vp->window()->windowHandle(), Qt::RightButton, {}, inWindow);
    ASSERT_TRUE(seen.contains(QStringLiteral("Kill db"))) << seen.join(", ").toStdString();
    ASSERT_TRUE(waitFor([&] { return node("db") && !node("db")->alive; }));
}

// Shift+drag from one node to another links them: one undo step. Sent as mouse events to the
// viewport at the items' positions (the message overlay above the nodes once swallowed it).
TEST_F(Fixture, AShiftDragFromNodeToNodeLinksThem) {
    ASSERT_LT(w.document()->linkIndex("users", "db"), 0);
    const double usersX = w.document()->scenario().find("users")->x;
    shiftDrag(QStringLiteral("users"), QStringLiteral("db"));
    EXPECT_GE(w.document()->linkIndex("users", "db"), 0) << "linked";
    EXPECT_EQ(w.document()->scenario().find("users")->x, usersX) << "the node did not move";
    w.document()->undoStack()->undo();
    EXPECT_LT(w.document()->linkIndex("users", "db"), 0);
}

// A client just added has no target: dragging a link from it to a service group also makes that
// group its target (one undo step), so the scenario can run; before, the inspector showed the
// group as chosen while the file held none, and Play said "cannot run".
TEST_F(Fixture, LinkingANewClientToAGroupMakesItTheTarget) {
    core::NodeSpec c;
    c.kind = core::NodeKind::Client;
    c.id = "client9";
    c.x = w.document()->scenario().find("users")->x;
    c.y = w.document()->scenario().find("users")->y + 160;
    w.document()->undoStack()->push(new ui::AddNodeCommand(w.document(), c));
    QApplication::processEvents();
    shiftDrag(QStringLiteral("client9"), QStringLiteral("api"));
    ASSERT_GE(w.document()->linkIndex("client9", "api"), 0);
    EXPECT_EQ(w.document()->scenario().find("client9")->target, "api");
    EXPECT_TRUE(core::loadScenarioText(core::scenarioToJson(w.document()->scenario()), "x").ok);
    w.document()->undoStack()->undo(); // the link and the target together
    EXPECT_LT(w.document()->linkIndex("client9", "api"), 0);
    EXPECT_EQ(w.document()->scenario().find("client9")->target, "");
}

// A link drawn from a datastore to a service group with no datastore makes it the group's datastore
// (the other direction works too): a drawn link that requests never take looked connected.
TEST_F(Fixture, LinkingAStoreToAGroupWithoutOneMakesItTheGroupsDatastore) {
    const core::NodeSpec* api = w.document()->scenario().find("api");
    ASSERT_NE(api, nullptr);
    core::NodeSpec g = *api;
    g.id = "grp9";
    g.datastore.clear();
    g.x = api->x + 600;
    core::NodeSpec d;
    d.kind = core::NodeKind::Datastore;
    d.id = "ds9";
    d.x = g.x;
    d.y = g.y + 260;
    w.document()->undoStack()->push(new ui::AddNodeCommand(w.document(), g));
    w.document()->undoStack()->push(new ui::AddNodeCommand(w.document(), d));
    QApplication::processEvents();
    shiftDrag(QStringLiteral("ds9"), QStringLiteral("grp9"));
    ASSERT_GE(w.document()->linkIndex("ds9", "grp9"), 0);
    EXPECT_EQ(w.document()->scenario().find("grp9")->datastore, "ds9");
    w.document()->undoStack()->undo();
    EXPECT_EQ(w.document()->scenario().find("grp9")->datastore, "");
}

// Play with a client that has no target says which node and what to do, in the status bar, and
// the message goes once the run can start.
TEST_F(Fixture, PlayWithAnUnsetTargetNamesTheNodeAndWhatToDo) {
    core::NodeSpec c;
    c.kind = core::NodeKind::Client;
    c.id = "client9";
    w.document()->undoStack()->push(new ui::AddNodeCommand(w.document(), c));
    QApplication::setActiveWindow(&w);
    QTest::keyClick(&w, Qt::Key_R, Qt::ControlModifier); // the run with the new client
    QTest::keyClick(&w, Qt::Key_Space);
    ASSERT_TRUE(waitFor([&] { return w.statusBar()->currentMessage().startsWith("Cannot run"); }))
        << w.statusBar()->currentMessage().toStdString();
    const QString shown = w.statusBar()->currentMessage();
    EXPECT_TRUE(shown.contains(QStringLiteral("client9.target is not set: pick a")))
        << shown.toStdString();
    EXPECT_FALSE(shown.contains(QStringLiteral("nodes["))) << shown.toStdString();
    w.document()->undoStack()->undo();
    QTest::keyClick(&w, Qt::Key_R, Qt::ControlModifier);
    QTest::keyClick(&w, Qt::Key_Space);
    EXPECT_TRUE(waitFor([&] { return !w.statusBar()->currentMessage().startsWith("Cannot"); }))
        << w.statusBar()->currentMessage().toStdString();
    w.pause();
}

// Space plays wherever the focus is: after a click in the palette (a list, which would take Space
// to select its row) the run starts.
TEST_F(Fixture, SpacePlaysWithThePaletteInFocus) {
    QListWidget* palette = shownPalette();
    ASSERT_TRUE(palette);
    QTest::mouseClick(palette->viewport(), Qt::LeftButton, {},
                      palette->visualItemRect(palette->item(0)).center());
    palette->setFocus();
    ASSERT_TRUE(waitFor([&] { return palette->hasFocus(); }));
    QTest::keyClick(palette, Qt::Key_Space);
    EXPECT_TRUE(waitFor([&] { return w.lastSnapshot()->state == ui::RunState::Running; }));
    w.pause();
}

// Nodes added from the palette land where nothing is: adding the same kind three times (a
// double-click each, as a teacher does) gives three nodes side by side, none covering another
// node or a group's frame, and each a single undo step.
TEST_F(Fixture, NodesAddedFromThePaletteDoNotCoverOthers) {
    QListWidget* palette = shownPalette();
    ASSERT_TRUE(palette);
    QListWidgetItem* group = nullptr;
    for (int i = 0; i < palette->count(); ++i)
        if (palette->item(i)->data(Qt::UserRole).toInt() ==
            static_cast<int>(core::NodeKind::ServiceGroup))
            group = palette->item(i);
    ASSERT_TRUE(group);
    const std::size_t before = w.document()->scenario().nodes.size();
    palette->scrollToItem(group);
    // The kind picked first (QTest's first double-click on a fresh view is only a press).
    QTest::mouseClick(palette->viewport(), Qt::LeftButton, {},
                      palette->visualItemRect(group).center());
    for (int k = 0; k < 3; ++k) {
        palette->scrollToItem(group);
        const QPoint at = palette->visualItemRect(group).center();
        QTest::mouseDClick(palette->viewport(), Qt::LeftButton, {}, at);
        QApplication::processEvents();
    }
    ASSERT_EQ(w.document()->scenario().nodes.size(), before + 3);
    std::vector<QRectF> covers;
    for (const auto& n : w.document()->scenario().nodes) {
        QGraphicsItem* item = w.scene()->topItem(QString::fromStdString(n.id));
        ASSERT_TRUE(item) << n.id;
        covers.push_back(item->sceneBoundingRect() |
                         item->mapRectToScene(item->childrenBoundingRect()));
    }
    for (std::size_t i = before; i < covers.size(); ++i)
        for (std::size_t j = 0; j < covers.size(); ++j)
            if (i != j) {
                EXPECT_FALSE(covers[i].intersects(covers[j]))
                    << w.document()->scenario().nodes[i].id << " covers "
                    << w.document()->scenario().nodes[j].id;
            }
    const QRect shown = w.view()->viewport()->rect();
    for (std::size_t i = before; i < covers.size(); ++i) // the last one added is in view
        if (i + 1 == covers.size()) {
            EXPECT_TRUE(shown.contains(w.view()->mapFromScene(covers[i]).boundingRect()))
                << w.document()->scenario().nodes[i].id << " was added out of view";
        }
    w.document()->undoStack()->undo();
    EXPECT_EQ(w.document()->scenario().nodes.size(), before + 2);
}

// A settings file Qt cannot parse is set aside (kept, not deleted) and the window opens with the
// defaults and a message naming the file.
TEST(UiSettings, AnUnreadableSettingsFileIsSetAsideWithAMessage) {
    QString file;
    {
        QSettings settings;
        settings.setValue(QStringLiteral("recentFiles"), QStringList{});
        settings.sync();
        file = settings.fileName();
    }
    QDir().mkpath(QFileInfo(file).absolutePath());
    {
        QFile f(file);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("[General\nrecentFiles=\x01\x02\n"); // an unclosed section: Qt's FormatError
    }
    ui::MainWindow w{false};
    EXPECT_TRUE(w.statusBar()->currentMessage().contains(QFileInfo(file).fileName()))
        << w.statusBar()->currentMessage().toStdString();
    EXPECT_FALSE(QFile::exists(file)) << "moved aside";
    const QStringList aside = QFileInfo(file).absoluteDir().entryList(
        {QFileInfo(file).fileName() + QStringLiteral(".unreadable-*")});
    ASSERT_EQ(aside.size(), 1);
    EXPECT_EQ(QSettings().status(), QSettings::NoError);
    for (const QString& a : aside) QFile::remove(QFileInfo(file).absoluteDir().filePath(a));
}

// An edit the engine cannot take live (a new node) mid-run restarts the run, and the window says
// so (a question when interactive; here, where no dialog may open, a status message).
TEST_F(Fixture, ANewNodeMidRunRestartsTheRunAndSaysSo) {
    runTo(5);
    const auto generation = w.lastSnapshot()->generation;
    core::NodeSpec n;
    n.id = "extra";
    n.kind = core::NodeKind::Cache;
    w.document()->undoStack()->push(new ui::AddNodeCommand(w.document(), n));
    EXPECT_TRUE(w.statusBar()->currentMessage().contains(QStringLiteral("t = 0")))
        << w.statusBar()->currentMessage().toStdString();
    ASSERT_TRUE(waitFor([&] { return w.lastSnapshot()->generation != generation; }));
    EXPECT_EQ(w.lastSnapshot()->simTime, 0);
    EXPECT_TRUE(w.statusBar()->currentMessage().contains(QStringLiteral("t = 0")))
        << "the state's hint does not hide the notice";
}

// File > New from Preset lists every preset compiled into the app and opens the chosen one as a
// new untitled document: saving it must ask for a name, never overwrite the built-in file.
TEST_F(Fixture, NewFromPresetOpensTheNamedSystemAsAnUntitledDocument) {
    auto* menu = w.findChild<QMenu*>(QStringLiteral("presetsMenu"));
    ASSERT_NE(menu, nullptr);
    const QStringList files =
        QDir(QStringLiteral(":/presets")).entryList({QStringLiteral("*.clustersim.json")});
    ASSERT_GE(files.size(), 8);
    ASSERT_EQ(menu->actions().size(), files.size());
    QAction* cassandra = nullptr;
    for (QAction* a : menu->actions()) {
        EXPECT_FALSE(a->text().startsWith(QStringLiteral("Preset: "))) << a->text().toStdString();
        if (a->text().contains(QStringLiteral("Cassandra"))) cassandra = a;
    }
    ASSERT_NE(cassandra, nullptr);
    cassandra->trigger();
    EXPECT_TRUE(w.document()->filePath().isEmpty());
    EXPECT_FALSE(w.document()->isModified());
    const auto& nodes = w.document()->scenario().nodes;
    EXPECT_TRUE(std::any_of(nodes.begin(), nodes.end(),
                            [](const core::NodeSpec& n) { return n.id == "cassandra"; }));
    EXPECT_TRUE(waitFor([&] {
        const auto snap = w.lastSnapshot();
        return snap && std::any_of(snap->nodes.begin(), snap->nodes.end(),
                                   [](const core::NodeView& n) { return n.name == "node1"; });
    }));
    QString error;
    EXPECT_FALSE(w.newFromPreset(QStringLiteral(":/presets/no-such.clustersim.json"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("no-such"))) << error.toStdString();
    EXPECT_TRUE(w.document()->filePath().isEmpty()); // the open preset is untouched
}

// Editing a group's instances in the inspector mid-run resizes it live and keeps it selected (the
// inspector stays on its page); the page shows the instances running now beside the file's count.
TEST(UiInspector, EditingAGroupsInstancesKeepsItSelectedAndShowsTheRunningCount) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/cap-cp-partition.clustersim.json")));
    w.show();
    ASSERT_TRUE(runWindowTo(w, 5));
    QGraphicsItem* frame = w.scene()->topItem(QStringLiteral("api_west"));
    ASSERT_NE(frame, nullptr);
    const QRectF r = frame->sceneBoundingRect();
    QTest::mouseClick(w.view()->viewport(), Qt::LeftButton, {},
                      w.view()->mapFromScene(QPointF(r.center().x(), r.top() + 12)));
    ASSERT_TRUE(frame->isSelected());
    auto* running = w.findChild<QLabel*>(QStringLiteral("runningInstances"));
    ASSERT_NE(running, nullptr);
    EXPECT_EQ(running->text(), QStringLiteral("2"));
    QWidget* instances = inspectorField(w, QStringLiteral("Instances"));
    ASSERT_NE(instances, nullptr);
    typeInto(instances, QStringLiteral("4"));
    ASSERT_EQ(w.document()->scenario().find("api_west")->instances, 4);
    ASSERT_TRUE(runWindowTo(w, 8));
    frame = w.scene()->topItem(QStringLiteral("api_west"));
    ASSERT_NE(frame, nullptr);
    EXPECT_TRUE(frame->isSelected()) << "the resized group is still selected";
    running = w.findChild<QLabel*>(QStringLiteral("runningInstances"));
    ASSERT_NE(running, nullptr) << "the inspector still shows the group";
    EXPECT_EQ(running->text(), QStringLiteral("4"));
    for (const auto& n : w.lastSnapshot()->nodes) // every instance killed: 0, not "not started"
        if (n.owner == "api_west" && n.role == core::NodeRole::Instance) {
            core::Action kill;
            kill.kind = core::ActionKind::KillNode;
            kill.node = n.name;
            QMetaObject::invokeMethod(w.controller(),
                                      [c = w.controller(), kill] { c->post(kill); });
        }
    ASSERT_TRUE(runWindowTo(w, 9));
    running = w.findChild<QLabel*>(QStringLiteral("runningInstances"));
    ASSERT_NE(running, nullptr);
    EXPECT_TRUE(running->text().startsWith(QStringLiteral("0"))) << running->text().toStdString();
}

// A line drawn from a group is one instance's link; its menu also cuts the whole group's link,
// as a teacher expects from the line that leaves the group's frame.
TEST_F(Fixture, ARightClickOnAGroupsLinkCanCutEveryInstancesLink) {
    runTo(1.0);
    ui::LinkItem* link = nullptr;
    for (QGraphicsItem* item : w.scene()->items())
        if (auto* l = dynamic_cast<ui::LinkItem*>(item);
            l && l->a()->name() != l->specA() && l->isUp())
            link = l;
    ASSERT_NE(link, nullptr) << "a link of a group's instance";
    const QString groupA = link->specA(), groupB = link->specB();
    w.view()->centerOn(link);
    QApplication::processEvents();
    QWidget* vp = w.view()->viewport();
    const QPointF mid =
        (link->a()->sceneBoundingRect().center() * 0.4 +
         link->b()->sceneBoundingRect().center() * 0.6); // on the line, clear of nodes
    const QPoint inView = w.view()->mapFromScene(mid);
    const QPoint inWindow = vp->mapTo(vp->window(), inView);
    const QString every = QStringLiteral("Cut every link %1 – %2").arg(groupA, groupB);
    QStringList seen;
    QTimer::singleShot(0, [&] {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (!menu) return;
        for (QAction* a : menu->actions()) seen << a->text();
        for (QAction* a : menu->actions())
            if (a->text() == every) {
                menu->setActiveAction(a);
                QTest::keyClick(menu, Qt::Key_Return);
                return;
            }
        menu->close();
    });
    QTest::mouseClick(vp->window()->windowHandle(), Qt::RightButton, {}, inWindow);
    ASSERT_TRUE(seen.contains(every)) << seen.join(", ").toStdString();
    ASSERT_TRUE(waitFor([&] {
        int up = 0, down = 0;
        for (const auto& l : w.lastSnapshot()->links)
            if (QString::fromStdString(l.specA) == groupA &&
                QString::fromStdString(l.specB) == groupB)
                (l.up ? up : down) += 1;
        return up == 0 && down >= 2;
    })) << "every instance's link to "
        << groupB.toStdString() << " is cut";
}
