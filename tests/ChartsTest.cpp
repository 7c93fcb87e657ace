// The charts as a room reads them: actions marked in a lane above the plots (same-time ones as one
// marker listing both), aligned time axes, colours that belong to a line and not to its position,
// the time zoom, gaps instead of a false zero, the workload apart from its retries, ticks on round
// numbers (whole ones for counts), a window that fits a short run, and the charts as one PNG.
#include "ChartsPanel.h"
#include "MainWindow.h"
#include "UiWait.h"

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QComboBox>
#include <QFileDialog>
#include <QHelpEvent>
#include <QLabel>
#include <QLineSeries>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QValueAxis>

#include <QToolTip>
#include <QValueAxis>
#include <cmath>
#include <gtest/gtest.h>

using namespace cs;
using cs::test::waitFor;

namespace {

struct Charts : ::testing::Test {
    ui::MainWindow w{false};
    void open(const QString& scenario, QSize size = {1280, 720}) {
        ASSERT_TRUE(w.openScenario(scenario));
        w.resize(size);
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
        w.charts()->refresh();
        QApplication::processEvents();
    }
    void post(const core::Action& a) {
        QMetaObject::invokeMethod(w.controller(), [c = w.controller(), a] { c->post(a); });
    }
    QValueAxis* xAxis(int chart) {
        return qobject_cast<QValueAxis*>(
            w.charts()->views()[chart]->chart()->axes(Qt::Horizontal).value(0));
    }
};

const QString kDefault = QStringLiteral(":/scenarios/default.clustersim.json");

} // namespace

// Two actions applied at the same moment are one marker in the lane; hovering it lists both.
TEST_F(Charts, TwoActionsAtTheSameTimeAreOneMarkerWithBothInItsTooltip) {
    open(kDefault);
    runTo(5);
    core::Action kill;
    kill.kind = core::ActionKind::KillNode;
    kill.node = "db";
    core::Action cut;
    cut.kind = core::ActionKind::CutLink;
    cut.a = "lb";
    cut.b = "api";
    post(kill); // both queued while paused: applied at the same slice boundary, the same time
    post(cut);
    runTo(8);
    auto* view = w.charts()->views()[0];
    const auto groups = view->markerGroups();
    QStringList seen;
    for (const auto& g : groups) seen << g.details.join(QStringLiteral(" | "));
    const auto both = std::find_if(groups.begin(), groups.end(), [](const ui::MarkerGroup& g) {
        return g.details.join(' ').contains(QStringLiteral("kill db"));
    });
    ASSERT_NE(both, groups.end()) << seen.join('\n').toStdString();
    EXPECT_TRUE(both->details.join(' ').contains(QStringLiteral("kill db")));
    EXPECT_TRUE(both->details.join(' ').contains(QStringLiteral("cut lb–api")));
    EXPECT_EQ(
        std::count_if(groups.begin(), groups.end(),
                      [&](const ui::MarkerGroup& g) { return std::abs(g.px - both->px) < 8; }),
        1);
    // The lane sits above the plot, and the tooltip over the marker names both actions.
    const QRectF lane = view->laneRect();
    EXPECT_LE(lane.bottom(),
              view->mapFromScene(view->chart()->plotArea()).boundingRect().top() + 1);
    const QPoint at(static_cast<int>(both->px), static_cast<int>(lane.center().y()));
    QHelpEvent help(QEvent::ToolTip, at, view->viewport()->mapToGlobal(at));
    QApplication::sendEvent(view->viewport(), &help);
    EXPECT_TRUE(QToolTip::text().contains(QStringLiteral("kill db")))
        << QToolTip::text().toStdString();
    EXPECT_TRUE(QToolTip::text().contains(QStringLiteral("cut lb–api")));
}

// Every timeline action of the built-in scenario is marked, at its time.
TEST_F(Charts, EveryActionIsMarked) {
    open(kDefault);
    runTo(50);
    QStringList all;
    for (const auto& g : w.charts()->views()[0]->markerGroups()) all << g.details;
    const QString text = all.join('\n');
    EXPECT_TRUE(text.contains(QStringLiteral("20.00 s: kill api-2"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("35.00 s: restart api-2")));
    EXPECT_TRUE(text.contains(QStringLiteral("45.00 s: link api–db")));
}

// All plot areas share their left and right margins, so the time axes line up.
TEST_F(Charts, PlotAreasLineUpAtClassroomSizes) {
    for (const QSize size : {QSize(1280, 720), QSize(1024, 768), QSize(1920, 1080)}) {
        open(kDefault, size);
        runTo(3);
        std::vector<double> lefts, rights;
        for (auto* v : w.charts()->views()) {
            if (!v->isVisible()) continue;
            const QRectF plot = v->chart()->plotArea();
            lefts.push_back(plot.left());
            rights.push_back(v->width() - plot.right());
        }
        ASSERT_GE(lefts.size(), 6u);
        for (std::size_t i = 1; i < lefts.size(); ++i) {
            EXPECT_DOUBLE_EQ(lefts[i], lefts[0]) << size.width() << " chart " << i;
            EXPECT_DOUBLE_EQ(rights[i], rights[0]) << size.width() << " chart " << i;
        }
    }
}

// At 1280x720 the Throughput legend has one row and no room for four names: the served line, the
// one a class reads, comes first so it is the one never cut.
TEST_F(Charts, TheThroughputLegendNamesTheServedLineFirst) {
    open(kDefault);
    runTo(3);
    ui::MarkedChartView* throughput = nullptr;
    for (auto* v : w.charts()->views())
        if (v->accessibleName() == QStringLiteral("Throughput")) throughput = v;
    ASSERT_TRUE(throughput);
    const auto entries = throughput->legendEntries();
    ASSERT_GE(entries.size(), 2u);
    EXPECT_EQ(entries.front().second, QStringLiteral("throughput"));
}

// A line keeps its colour: a group's utilisation line is the same colour however the busiest
// ranking changes, and a named line is the same in every chart it appears in.
TEST_F(Charts, ALineKeepsItsColourAcrossRefreshesAndReorders) {
    open(kDefault);
    runTo(10);
    const QColor api = w.charts()->lineColour("Utilisation", "api");
    const QColor db = w.charts()->lineColour("Utilisation", "db");
    ASSERT_TRUE(api.isValid());
    ASSERT_TRUE(db.isValid());
    EXPECT_NE(api, db);
    for (double s : {10.0, 30.0, 0.0}) { // other windows: other rankings, more refreshes
        w.charts()->setWindowSeconds(s);
        runTo(w.lastSnapshot()->simTime / 1e6 + 5);
        EXPECT_EQ(w.charts()->lineColour("Utilisation", "api"), api);
        EXPECT_EQ(w.charts()->lineColour("Utilisation", "db"), db);
    }
    ui::OwnerColours owners;
    const QColor first = owners.colourOf("api");
    QSet<QRgb> distinct{first.rgb()};
    for (const char* k : {"db", "web", "cache", "queue"}) distinct << owners.colourOf(k).rgb();
    EXPECT_EQ(owners.colourOf("api"), first) << "keys seen later never take its colour";
    EXPECT_EQ(distinct.size(), 5) << "up to seven groups, each its own colour";
    EXPECT_EQ(w.charts()->lineColour("Errors by reason", "429"),
              w.charts()->lineColour("Queues, limits, shards", "limited (limiter)"));
    // Timeout and unavailable were two oranges: now far apart.
    const QColor t = w.charts()->lineColour("Errors by reason", "timeout");
    const QColor u = w.charts()->lineColour("Errors by reason", "unavailable");
    EXPECT_GT(std::abs(t.hue() - u.hue()), 90);
}

// The window buttons set the time axis; a drag across a chart zooms to what it covered and a
// double-click follows the run again.
TEST_F(Charts, TheWindowButtonsAndADragZoomTheTimeAxis) {
    open(kDefault);
    runTo(40);
    auto* ten = w.charts()->findChild<QToolButton*>(QStringLiteral("window10"));
    ASSERT_NE(ten, nullptr);
    QTest::mouseClick(ten, Qt::LeftButton);
    EXPECT_DOUBLE_EQ(xAxis(0)->max() - xAxis(0)->min(), 10.0);
    // Ticks on round seconds (-10 -8 ... 0), never -7.5 printed as "-8".
    EXPECT_EQ(xAxis(0)->tickType(), QValueAxis::TicksDynamic);
    EXPECT_DOUBLE_EQ(std::fmod(10.0, xAxis(0)->tickInterval()), 0.0);
    EXPECT_EQ(xAxis(0)->tickInterval(), std::round(xAxis(0)->tickInterval()));
    EXPECT_DOUBLE_EQ(xAxis(5)->max() - xAxis(5)->min(), 10.0) << "every chart";
    QTest::mouseClick(w.charts()->findChild<QToolButton*>(QStringLiteral("windowAll")),
                      Qt::LeftButton);
    EXPECT_NEAR(xAxis(0)->max() - xAxis(0)->min(), 40.0, 1.0) << "the whole run";

    QTest::mouseClick(w.charts()->findChild<QToolButton*>(QStringLiteral("window30")),
                      Qt::LeftButton);
    auto* view = w.charts()->views()[1];
    const QRect plot = view->mapFromScene(view->chart()->plotArea()).boundingRect();
    const int y = plot.center().y();
    const QPoint a(plot.left() + plot.width() / 2, y), b(plot.left() + plot.width() * 3 / 4, y);
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, a);
    QMouseEvent move(QEvent::MouseMove, b, view->viewport()->mapToGlobal(b), Qt::NoButton,
                     Qt::LeftButton, {});
    QApplication::sendEvent(view->viewport(), &move);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, b);
    ASSERT_TRUE(w.charts()->zoomed());
    EXPECT_NEAR(xAxis(0)->max() - xAxis(0)->min(), 7.5, 0.3) << "a quarter of 30 s";
    EXPECT_GE(xAxis(0)->tickInterval(), 1.0) << "about five ticks, each on a round number";
    EXPECT_NEAR(xAxis(0)->min(), 40.0 - 15.0, 0.3) << "in simulated time, from the drag's start";
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, a);
    EXPECT_FALSE(w.charts()->zoomed());
    EXPECT_DOUBLE_EQ(xAxis(0)->max() - xAxis(0)->min(), 30.0);

    // A zoom belongs to its run: the next scenario's charts follow their own run.
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, a);
    QApplication::sendEvent(view->viewport(), &move);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, b);
    ASSERT_TRUE(w.charts()->zoomed());
    open(kDefault);
    EXPECT_TRUE(waitFor([&] { return !w.charts()->zoomed(); }));
}

// While nothing completes, latency has no value: the line breaks instead of dropping to zero.
TEST_F(Charts, LatencyIsAGapDuringAnOutageNotAZero) {
    open(kDefault);
    runTo(5);
    core::Action kill;
    kill.kind = core::ActionKind::KillNode;
    kill.node = "db";
    post(kill);
    runTo(9);
    core::Action restart = kill;
    restart.kind = core::ActionKind::RestartNode;
    post(restart);
    runTo(14);
    w.charts()->setWindowSeconds(30);
    EXPECT_GE(w.charts()->seriesSegments(QStringLiteral("Latency")), 2)
        << "a line before the outage and one after it";
}

// The rate limiter's node shows what it let through and what it refused: the same counts as the
// chart's lines and the engine's own.
TEST_F(Charts, TheLimiterNodeShowsItsPassedAndLimitedCounts) {
    open(QStringLiteral(":/scenarios/rate-limit.clustersim.json"));
    runTo(20);
    const core::NodeView* gate = nullptr;
    for (const auto& n : w.lastSnapshot()->nodes)
        if (n.name == "gate") gate = &n;
    ASSERT_NE(gate, nullptr);
    EXPECT_GT(gate->limited, 0u);
    EXPECT_EQ(gate->limited,
              w.lastSnapshot()->summary.failed[static_cast<int>(core::ErrorReason::RateLimited)]);
    EXPECT_GT(gate->passed, 0u);
}

namespace {
// The toolbar's Store switch shows the mode the run is in, also after a lesson step flipped it.
TEST_F(Charts, TheStoreSwitchFollowsALessonsFlipToAp) {
    open(QStringLiteral(":/scenarios/lesson-cap-partition-choice.clustersim.json"));
    auto* mode = w.findChild<QComboBox*>(QStringLiteral("storeMode"));
    ASSERT_NE(mode, nullptr);
    runTo(30);
    EXPECT_EQ(mode->currentText(), QStringLiteral("CP"));
    runTo(45); // the lesson's step at 40 s switches the store to AP
    EXPECT_EQ(mode->currentText(), QStringLiteral("AP"));
}
} // namespace

namespace {
// 1, 2 or 5 times a power of ten.
bool isNiceStep(double step) {
    const double mantissa = step / std::pow(10.0, std::floor(std::log10(step) + 1e-9));
    return std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 ||
           std::abs(mantissa - 5) < 1e-9;
}
} // namespace

// Value axes tick on round numbers from 0 (0 500 1000 1500 ms), and a count on whole ones
// (0 2 4 6 8 10 instances): never 0.625 or 1.875 instances on a projector.
TEST_F(Charts, ValueAxesTickOnNiceNumbersAndCountsOnWholeOnes) {
    const ui::NiceScale empty = ui::niceScale(0, 5, false);
    EXPECT_DOUBLE_EQ(empty.top, 1.0);
    EXPECT_DOUBLE_EQ(empty.step, 0.2);
    const ui::NiceScale two = ui::niceScale(2.4, 5, true); // 2.4 instances on average
    EXPECT_DOUBLE_EQ(two.step, 1.0);
    EXPECT_DOUBLE_EQ(two.top, 3.0);
    EXPECT_EQ(two.decimals, 0);
    const ui::NiceScale ms = ui::niceScale(1234, 5, false);
    EXPECT_DOUBLE_EQ(ms.step, 500.0);
    EXPECT_DOUBLE_EQ(ms.top, 1500.0);
    const ui::NiceScale shortChart = ui::niceScale(7, 2, true);
    EXPECT_DOUBLE_EQ(shortChart.step, 5.0);
    EXPECT_DOUBLE_EQ(shortChart.top, 10.0);

    open(QStringLiteral(":/scenarios/elasticity-spike.clustersim.json"), {1920, 1080});
    runTo(70); // the spike: instances 2 -> 8
    int instancesChart = -1;
    for (int i = 0; i < w.charts()->chartCount(); ++i) {
        auto* chart = w.charts()->views()[i]->chart();
        if (chart->title().startsWith(QStringLiteral("Instances"))) instancesChart = i;
        for (QAbstractAxis* a : chart->axes(Qt::Vertical)) {
            auto* axis = qobject_cast<QValueAxis*>(a);
            ASSERT_NE(axis, nullptr);
            EXPECT_EQ(axis->tickType(), QValueAxis::TicksDynamic) << chart->title().toStdString();
            EXPECT_DOUBLE_EQ(axis->min(), 0.0);
            EXPECT_TRUE(isNiceStep(axis->tickInterval()))
                << chart->title().toStdString() << ": ticks every " << axis->tickInterval();
            const double steps = axis->max() / axis->tickInterval();
            EXPECT_NEAR(steps, std::round(steps), 1e-9) << "the top is a tick";
            EXPECT_LE(steps, 5.0 + 1e-9) << chart->title().toStdString();
        }
    }
    ASSERT_GE(instancesChart, 0);
    auto* instances = qobject_cast<QValueAxis*>(
        w.charts()->views()[instancesChart]->chart()->axes(Qt::Vertical).value(0));
    ASSERT_NE(instances, nullptr);
    EXPECT_GE(instances->max(), 8.0) << "eight instances fit";
    EXPECT_GE(instances->tickInterval(), 1.0);
    EXPECT_EQ(instances->tickInterval(), std::round(instances->tickInterval()));
    EXPECT_EQ(instances->labelFormat(), QStringLiteral("%.0f")) << "no 2.0, 4.0";
}

// A 60 s run fills the charts' width (the last 60 s, the "1 min" button), a 50 s one too (no
// button has 50 s: the range label names it), a 150 s one shows its last 2 minutes; a window the
// user chose is kept for the next runs.
TEST_F(Charts, TheWindowFitsAShortRunUnlessTheUserChoseOne) {
    auto checked = [&]() -> QString {
        for (auto* b : w.charts()->findChildren<QToolButton*>())
            if (b->isChecked()) return b->objectName();
        return {};
    };
    open(kDefault); // 60 s
    EXPECT_DOUBLE_EQ(w.charts()->windowSeconds(), 60.0);
    EXPECT_DOUBLE_EQ(xAxis(0)->max() - xAxis(0)->min(), 60.0);
    EXPECT_EQ(checked(), QStringLiteral("window60"));
    open(QStringLiteral(":/scenarios/lesson-rate-limit-token-bucket.clustersim.json")); // 50 s
    EXPECT_TRUE(waitFor([&] { return w.charts()->windowSeconds() == 50.0; }));
    EXPECT_DOUBLE_EQ(xAxis(0)->max() - xAxis(0)->min(), 50.0);
    EXPECT_EQ(checked(), QString()) << "no button says 50 s";
    auto* range = w.charts()->findChild<QLabel*>(QStringLiteral("chartRange"));
    ASSERT_NE(range, nullptr);
    EXPECT_TRUE(range->text().contains(QStringLiteral("50"))) << range->text().toStdString();
    open(QStringLiteral(":/scenarios/elasticity-spike.clustersim.json")); // 150 s
    EXPECT_TRUE(waitFor([&] { return w.charts()->windowSeconds() == 120.0; }));

    QTest::mouseClick(w.charts()->findChild<QToolButton*>(QStringLiteral("window10")),
                      Qt::LeftButton);
    open(kDefault);
    runTo(5);
    EXPECT_DOUBLE_EQ(w.charts()->windowSeconds(), 10.0) << "the user's choice stays";
    EXPECT_DOUBLE_EQ(xAxis(0)->max() - xAxis(0)->min(), 10.0);
}

// File > Export Charts as PNG…: one picture of the charts shown, for a slide, written where the
// save dialog says (atomically, through the export helper).
TEST_F(Charts, ExportChartsAsPngWritesThePictureOfTheChartsShown) {
    open(kDefault);
    runTo(20);
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("slide.png"));
    QAction* action = w.findChild<QAction*>(QStringLiteral("exportChartsAction"));
    ASSERT_NE(action, nullptr);
    bool answered = false;
    QTimer::singleShot(0, &w, [&] { // in the save dialog's own event loop
        QFileDialog* dialog = nullptr;
        waitFor([&] {
            dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
            return dialog != nullptr;
        });
        if (!dialog) return;
        dialog->selectFile(path);
        static_cast<QDialog*>(dialog)->accept(); // Save
        answered = true;
    });
    action->trigger();
    ASSERT_TRUE(answered) << "the action asks where to save";
    QImage image(path);
    ASSERT_FALSE(image.isNull()) << "a PNG Qt reads back";
    QRect shown;
    for (auto* v : w.charts()->views())
        if (v->isVisible()) shown |= v->geometry();
    EXPECT_EQ(image.size(), shown.size()) << "every chart shown, and nothing else";
    // Not blank: the plots' lines and labels, not one colour.
    QSet<QRgb> colours;
    int dark = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2) {
            const QRgb c = image.pixel(x, y);
            colours.insert(c);
            dark += qGray(c) < 128;
        }
    EXPECT_GT(colours.size(), 8);
    EXPECT_GT(dark, 200) << "text and lines";
}

// A line the scenario cannot produce is not drawn as a flat zero with a legend entry: without a
// datastore the Throughput chart has no "datastore ops"; with one it appears once it carries
// operations. A right axis with no line on it is hidden.
TEST_F(Charts, ALineTheScenarioCannotProduceIsNotShown) {
    auto throughputNames = [&] {
        QStringList names;
        for (auto* v : w.charts()->views())
            if (v->accessibleName() == QStringLiteral("Throughput"))
                for (const auto& e : v->legendEntries()) names << e.second;
        return names;
    };
    // Opened, and its own run running: until then the last snapshot is the old file's.
    auto openNew = [&](const QString& file) {
        const auto old = w.lastSnapshot() ? w.lastSnapshot()->generation : ~std::uint64_t{0};
        open(file);
        ASSERT_TRUE(waitFor([&] { return w.lastSnapshot()->generation != old; }));
    };
    openNew(kDefault); // has a datastore
    runTo(5);
    EXPECT_TRUE(throughputNames().contains(QStringLiteral("datastore ops")))
        << throughputNames().join(", ").toStdString();
    openNew(QStringLiteral(":/scenarios/lesson-latency-hockey-stick.clustersim.json"));
    runTo(5);
    EXPECT_FALSE(throughputNames().contains(QStringLiteral("datastore ops")))
        << throughputNames().join(", ").toStdString();
    EXPECT_TRUE(throughputNames().contains(QStringLiteral("throughput")));
    QStringList latency; // the mean, which the lesson's M/M/1 question asks about, is drawn
    for (auto* v : w.charts()->views())
        if (v->accessibleName() == QStringLiteral("Latency"))
            for (const auto& e : v->legendEntries()) latency << e.second;
    EXPECT_TRUE(latency.contains(QStringLiteral("mean"))) << latency.join(", ").toStdString();
    openNew(kDefault); // has a datastore
    runTo(5);
    EXPECT_TRUE(throughputNames().contains(QStringLiteral("datastore ops")))
        << throughputNames().join(", ").toStdString();
}
