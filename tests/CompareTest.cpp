// Simulation > Compare with a Change, driven with real key and mouse events: the dialog builds B
// from the open scenario (refusing a value out of its field's range), both runs go in lock-step
// to the same simulated time, every chart line of A has a dashed twin for B, and the summary
// table shows the differences theory predicts (more instances: lower p99; CP vs AP under a
// partition: "unavailable" only in A) and none for "no change".
#include "ChartsPanel.h"
#include "CompareDialog.h"
#include "CompareEdit.h"
#include "CompareTable.h"
#include "CompareView.h"
#include "LockStep.h"
#include "MainWindow.h"
#include "ScenarioIO.h"
#include "TopologyView.h"
#include "UiWait.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>
#include <gtest/gtest.h>

using namespace cs;

namespace {

using cs::test::waitFor;

struct CompareWindow : ::testing::Test {
    ui::MainWindow w{false};
    ui::CompareDialog* dialog = nullptr;
    ui::CompareView* view = nullptr;

    void open(const core::Scenario& s) {
        w.openScenarioValue(s, QString());
        w.show();
        ASSERT_TRUE(waitFor([&] { return w.lastSnapshot() && !w.lastSnapshot()->nodes.empty(); }));
        QTest::keyClick(&w, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        ASSERT_TRUE(waitFor([&] {
            dialog = w.findChild<ui::CompareDialog*>();
            return dialog && dialog->isVisible();
        }));
    }
    template <class T> T* find(QObject* in, const char* name) {
        auto* found = in->findChild<T*>(QString::fromLatin1(name));
        EXPECT_NE(found, nullptr) << name;
        return found;
    }
    void choose(const char* combo, const QString& text) {
        auto* box = find<QComboBox>(dialog, combo);
        box->setFocus();
        QTest::keyClicks(box, text);
        ASSERT_TRUE(box->currentText().startsWith(text)) << box->currentText().toStdString();
    }
    void click(QObject* in, const char* name) {
        auto* b = find<QAbstractButton>(in, name);
        ASSERT_TRUE(b && b->isEnabled()) << name;
        QTest::mouseClick(b, Qt::LeftButton);
    }
    void compare() {
        click(dialog, "compareRun");
        ASSERT_TRUE(waitFor([&] {
            view = w.findChild<ui::CompareView*>();
            return view && view->isVisible();
        }));
    }
    void playToTheEnd() {
        auto* speed = find<QComboBox>(view, "compareSpeed");
        speed->setFocus();
        QTest::keyClicks(speed, QStringLiteral("max"));
        click(view, "comparePlay");
        ASSERT_TRUE(waitFor([&] { return view->runs()->finished(); }));
    }
    void runTo(double s) {
        view->runs()->runTo(s);
        ASSERT_TRUE(waitFor([&] {
            return view->runs()->reachedSeconds() >= s - 1e-9 && view->runs()->last(0) &&
                   view->runs()->last(0)->state != ui::RunState::Running &&
                   view->runs()->last(1)->state != ui::RunState::Running;
        }));
    }
    const core::Summary& summary(int run) { return view->runs()->last(run)->summary; }
    void expectSameTime(double s) {
        const auto a = view->runs()->last(0), b = view->runs()->last(1);
        ASSERT_TRUE(a && b);
        EXPECT_EQ(a->simTime, b->simTime);
        EXPECT_EQ(a->simTime, static_cast<core::SimTime>(s * 1e6));
    }
    // For each line A draws in the chart there is one of B, dashed, in its colour.
    void expectDashedTwins(const QString& chart) {
        view->charts()->refresh();
        const QList<QPen> pens = view->charts()->drawnPens(chart);
        int solid = 0, dashed = 0;
        for (const QPen& p : pens) {
            if (p.style() == Qt::SolidLine) {
                ++solid;
                EXPECT_TRUE(std::any_of(pens.begin(), pens.end(),
                                        [&](const QPen& q) {
                                            return q.style() == Qt::CustomDashLine &&
                                                   q.color() == p.color();
                                        }))
                    << chart.toStdString() << ": no dashed B line in "
                    << p.color().name().toStdString();
            } else {
                EXPECT_EQ(p.style(), Qt::CustomDashLine);
                ++dashed;
            }
        }
        EXPECT_GT(solid, 0) << chart.toStdString();
        EXPECT_EQ(solid, dashed) << chart.toStdString();
    }
    // Screenshots for a person to look at (CLUSTERSIM_SCREENSHOTS=dir); nothing is asserted on
    // them.
    void screenshot(const QString& name) {
        const QString dir = qEnvironmentVariable("CLUSTERSIM_SCREENSHOTS");
        if (dir.isEmpty()) return;
        for (QSize size : {QSize(1280, 720), QSize(1024, 768)}) {
            view->resize(size);
            QTest::qWait(50);
            view->charts()->refresh();
            QApplication::processEvents();
            view->grab().save(QDir(dir).filePath(
                QStringLiteral("%1-%2x%3.png").arg(name).arg(size.width()).arg(size.height())));
        }
    }
};

core::Scenario base(double rate) {
    auto loaded = core::loadScenarioFile(CLUSTERSIM_TEST_DATA "/base.clustersim.json");
    EXPECT_TRUE(loaded.ok) << loaded.error;
    for (auto& n : loaded.scenario.nodes)
        if (n.id == "users") n.rate_rps = rate;
    return loaded.scenario;
}

core::Scenario capScenario() {
    QFile file(QStringLiteral(":/scenarios/cap-cp-partition.clustersim.json"));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly));
    const auto loaded = core::loadScenarioText(file.readAll().toStdString(), "cap-cp-partition");
    EXPECT_TRUE(loaded.ok) << loaded.error;
    return loaded.scenario;
}

// The edits themselves: a partition cuts exactly the links that cross it, at its time, in time
// order; what the file would refuse is refused with a reason and leaves B as it was.
TEST(CompareEdit, APartitionCutsTheLinksThatCrossItAndBadEditsLeaveBUnchanged) {
    core::Scenario b = capScenario();
    const core::Scenario a = b;
    ui::CompareEdit partition;
    partition.kind = ui::CompareEdit::Kind::Timeline;
    partition.fault = ui::CompareEdit::Fault::Partition;
    partition.side = {"db3"};
    partition.at_s = 10;
    ASSERT_EQ(ui::applyCompareEdit(b, partition), QString());
    EXPECT_EQ(ui::describeCompareEdit(partition), QStringLiteral("partition {db3} at 10 s"));
    std::vector<std::pair<std::string, std::string>> cut;
    for (const auto& act : b.timeline)
        if (act.at_us == 10'000'000 && act.kind == core::ActionKind::CutLink)
            cut.emplace_back(act.a, act.b);
    const std::vector<std::pair<std::string, std::string>> crossing = {
        {"api_east", "db3"}, {"db2", "db3"}, {"db1", "db3"}};
    EXPECT_EQ(cut, crossing);
    EXPECT_EQ(b.timeline.size(), a.timeline.size() + 3);
    EXPECT_TRUE(std::is_sorted(b.timeline.begin(), b.timeline.end(),
                               [](const auto& x, const auto& y) { return x.at_us < y.at_us; }));

    const core::Scenario before = b;
    ui::CompareEdit late = partition;
    late.at_s = a.duration_s + 1;
    EXPECT_TRUE(ui::applyCompareEdit(b, late).contains(QStringLiteral("between 0 and 60")));
    ui::CompareEdit r;
    r.node = "db";
    r.field = "r";
    r.value = 4.0; // more than the 3 replicas
    EXPECT_FALSE(ui::applyCompareEdit(b, r).isEmpty());
    ui::CompareEdit mode;
    mode.kind = ui::CompareEdit::Kind::StoreMode;
    mode.node = "api_west"; // not a store
    mode.value = std::string("AP");
    EXPECT_FALSE(ui::applyCompareEdit(b, mode).isEmpty());
    EXPECT_EQ(b, before);
}

TEST_F(CompareWindow, MoreInstancesInBLowerP99AndAValueOutOfRangeIsRefused) {
    open(base(600)); // 3 of the 4 cores busy in A: queues; B has twice the cores
    choose("compareNode", QStringLiteral("api"));
    choose("compareField", QStringLiteral("Instances"));
    auto* value = find<QLineEdit>(dialog, "compareValue");
    value->setFocus();
    QTest::keyClicks(value, QStringLiteral("5000"));
    click(dialog, "compareAdd");
    EXPECT_TRUE(
        find<QLabel>(dialog, "compareMessage")->text().contains(QStringLiteral("out of range")))
        << find<QLabel>(dialog, "compareMessage")->text().toStdString();
    EXPECT_EQ(find<QListWidget>(dialog, "compareEdits")->count(), 0);
    value->selectAll();
    QTest::keyClicks(value, QStringLiteral("4"));
    click(dialog, "compareAdd");
    ASSERT_EQ(find<QListWidget>(dialog, "compareEdits")->count(), 1);
    EXPECT_EQ(find<QLabel>(dialog, "compareSummary")->text(),
              QStringLiteral("B: api.instances = 4"));
    if (const QString dir = qEnvironmentVariable("CLUSTERSIM_SCREENSHOTS"); !dir.isEmpty())
        dialog->grab().save(QDir(dir).filePath(QStringLiteral("compare-dialog.png")));
    compare();
    EXPECT_EQ(view->titleOf(1), QStringLiteral("B: api.instances = 4"));
    EXPECT_EQ(w.document()->scenario().nodes[2].instances, 2); // the document is untouched

    playToTheEnd();
    expectSameTime(5.0);
    EXPECT_LT(summary(1).latency_p99, 0.5 * summary(0).latency_p99);
    EXPECT_TRUE(view->summaryTable()->differs(QStringLiteral("latency_ms.p99")));
    EXPECT_TRUE(view->summaryTable()->differs(QStringLiteral("instances.max")));
    for (const char* chart : {"Latency", "Throughput"})
        expectDashedTwins(QString::fromLatin1(chart));
    screenshot(QStringLiteral("compare-instances"));

    view->close(); // back to the main window, the document as it was
    ASSERT_TRUE(waitFor([&] { return w.findChild<ui::CompareView*>() == nullptr; }));
    EXPECT_FALSE(w.document()->isModified());
}

TEST_F(CompareWindow, CpAgainstApUnderAPartitionOnlyAHasUnavailableErrors) {
    QFile file(QStringLiteral(":/scenarios/cap-cp-partition.clustersim.json"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const auto loaded = core::loadScenarioText(file.readAll().toStdString(), "cap-cp-partition");
    ASSERT_TRUE(loaded.ok) << loaded.error;
    open(loaded.scenario);
    choose("compareKind", QStringLiteral("A store"));
    choose("compareMode", QStringLiteral("AP"));
    click(dialog, "compareAdd");
    EXPECT_EQ(find<QLabel>(dialog, "compareSummary")->text(), QStringLiteral("B: db.mode = AP"));
    compare();
    runTo(30); // the partition is 20-40 s
    expectSameTime(30.0);
    const auto unavailable = static_cast<std::size_t>(core::ErrorReason::Unavailable);
    EXPECT_GT(summary(0).failed[unavailable], 100u);
    EXPECT_EQ(summary(1).failed[unavailable], 0u);
    EXPECT_TRUE(view->summaryTable()->differs(QStringLiteral("requests.failed.unavailable")));
    EXPECT_TRUE(view->summaryTable()->differs(QStringLiteral("reads.stale_fraction")));
    expectDashedTwins(QStringLiteral("Errors by reason"));

    // Presenting: both topologies and two charts, overlaid; Esc comes back.
    view->setPresenting(true, false);
    EXPECT_TRUE(view->view(0)->isVisible() && view->view(1)->isVisible());
    EXPECT_FALSE(view->summaryTable()->isVisible());
    EXPECT_EQ(view->presentedCharts(), (QList<int>{2, 3}));
    int shown = 0;
    for (auto* chart : view->charts()->views()) shown += chart->isVisible() ? 1 : 0;
    EXPECT_EQ(shown, 2);
    expectDashedTwins(QStringLiteral("Errors by reason"));
    screenshot(QStringLiteral("compare-cap-present"));
    QTest::keyClick(view, Qt::Key_Escape);
    EXPECT_FALSE(view->isPresenting());
    EXPECT_TRUE(view->summaryTable()->isVisible());
    screenshot(QStringLiteral("compare-cap"));
}

TEST_F(CompareWindow, NoChangeShowsNoDifferingRow) {
    open(base(100));
    EXPECT_EQ(find<QLabel>(dialog, "compareSummary")->text(), QStringLiteral("B: no change"));
    compare();
    // Played at 10x in lock-step: whenever a round ends, both runs stand at the same time.
    int rounds = 0, apart = 0;
    QObject::connect(view->runs(), &ui::LockStep::synced, view, [&] {
        ++rounds;
        apart += view->runs()->last(0)->simTime != view->runs()->last(1)->simTime ? 1 : 0;
    });
    auto* speed = find<QComboBox>(view, "compareSpeed");
    speed->setFocus();
    QTest::keyClicks(speed, QStringLiteral("10"));
    ASSERT_EQ(speed->currentData().toDouble(), 10.0);
    click(view, "comparePlay");
    ASSERT_TRUE(waitFor([&] { return view->runs()->reachedSeconds() >= 1.0; }));
    click(view, "comparePlay"); // pause: the round under way ends, both at its time
    ASSERT_TRUE(waitFor([&] {
        return view->runs()->last(0)->state == ui::RunState::Paused &&
               view->runs()->last(1)->state == ui::RunState::Paused;
    }));
    const double pausedAt = view->runs()->reachedSeconds();
    EXPECT_EQ(view->runs()->last(0)->simTime, view->runs()->last(1)->simTime);
    EXPECT_LT(pausedAt, 5.0);
    playToTheEnd();
    expectSameTime(5.0);
    EXPECT_GE(rounds, 3); // the load, at least one round at 10x and one at max
    EXPECT_EQ(apart, 0);
    EXPECT_GT(summary(0).completed, 0u);
    EXPECT_EQ(view->summaryTable()->differingRows(), 0);
    EXPECT_EQ(summary(0).events_processed, summary(1).events_processed);
    click(view, "compareReset"); // both from the start
    ASSERT_TRUE(
        waitFor([&] { return view->runs()->reachedSeconds() == 0 && !view->runs()->finished(); }));
}

} // namespace
