// The window as a classroom uses it: layouts that hold at projector sizes, a layout saved and
// restored (and a broken one replaced by the default with a message), one text size for
// everything, presentation mode, and the keys that drive them. Geometry is asserted, as laid out.
#include "ChartsPanel.h"
#include "LessonPanel.h"
#include "MainWindow.h"
#include "NodeItem.h"
#include "Presentation.h"
#include "TopologyScene.h"
#include "TopologyView.h"
#include "UiWait.h"
#include "WindowLayout.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QDockWidget>
#include <QGraphicsScene>
#include <QGuiApplication>
#include <QLabel>
#include <QLegend>
#include <QMenuBar>
#include <QPointer>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QUndoStack>
#include <gtest/gtest.h>

#include <algorithm>
#include <climits>

using namespace cs;
using cs::test::waitFor;

namespace {

const QString kCap = QStringLiteral(":/scenarios/cap-cp-partition.clustersim.json");

// Shows the window at `size` and lets it lay out (dock sizes are applied on the next event round).
void showAt(ui::MainWindow& w, QSize size) {
    w.show();
    w.resize(size);
    for (int i = 0; i < 5; ++i) QApplication::processEvents();
    w.charts()->refresh();
    QApplication::processEvents();
}

QDockWidget* dock(ui::MainWindow& w, const char* name) {
    return w.findChild<QDockWidget*>(QLatin1String(name));
}

double pixels(const QFont& f, const QWidget* on) {
    return f.pixelSize() > 0 ? f.pixelSize() : f.pointSizeF() * on->logicalDpiY() / 72.0;
}

// The smallest text the charts draw: tick labels, axis titles, legends.
double smallestChartText(ui::MainWindow& w) {
    double least = 1e9;
    for (QChartView* v : w.charts()->views()) {
        if (!v->isVisible()) continue;
        least = std::min(least, pixels(v->chart()->legend()->font(), v));
        for (QAbstractAxis* a : v->chart()->axes())
            least = std::min(least, pixels(a->labelsFont(), v));
    }
    return least;
}

// A node label's height on screen: its font at the topology's zoom.
double nodeLabelPixels(ui::MainWindow& w) {
    return ui::NodeItem::labelPointSize() * w.view()->logicalDpiY() / 72.0 *
           w.view()->transform().m11();
}

} // namespace

// At the sizes of a small projector, a 720p one and a full-HD screen: no dock overlaps another or
// the topology, each chart keeps 160 px of plot (the charts dock scrolls rather than squeeze them),
// the clock is on the toolbar (not in its overflow), the inspector needs no horizontal scrollbar,
// and a click on the canvas does not resize the docks.
TEST(UiWindow, LayoutsHoldAtClassroomSizes) {
    for (const QSize size : {QSize(1024, 768), QSize(1280, 720), QSize(1920, 1080)}) {
        SCOPED_TRACE(size.width());
        ui::MainWindow w(false);
        ASSERT_TRUE(w.openScenario(kCap));
        showAt(w, size);
        EXPECT_EQ(w.size(), size);
        EXPECT_TRUE(ui::WindowLayout::problems(&w).isEmpty())
            << ui::WindowLayout::problems(&w).join(QStringLiteral("; ")).toStdString()
            << ui::WindowLayout::problems(&w).join(QStringLiteral("; ")).toStdString();
        for (QChartView* v : w.charts()->views())
            EXPECT_GE(v->chart()->plotArea().height(), ui::WindowLayout::kMinPlotHeight)
                << v->accessibleName().toStdString();
        auto* clock = w.findChild<QLabel*>(QStringLiteral("simTime"));
        auto* run = w.findChild<QToolBar*>(QStringLiteral("runToolbar"));
        ASSERT_TRUE(clock && run);
        EXPECT_TRUE(clock->isVisible()) << "the clock is not in the toolbar's overflow";
        EXPECT_LE(clock->mapTo(run, QPoint(clock->width(), 0)).x(), run->width());
        auto* inspector = dock(w, "inspectorDock");
        auto* scroll = qobject_cast<QScrollArea*>(inspector->widget());
        ASSERT_NE(scroll, nullptr);
        EXPECT_FALSE(scroll->horizontalScrollBar()->isVisible()) << "inspector rows fit the dock";

        const int before = inspector->width();
        QGraphicsItem* db = w.scene()->topItem(QStringLiteral("db1"));
        if (!db) db = w.scene()->nodeItem(QStringLiteral("db1"));
        ASSERT_NE(db, nullptr);
        const QPoint at = w.view()->mapFromScene(db->sceneBoundingRect().center());
        QTest::mouseClick(w.view()->viewport(), Qt::LeftButton, {}, at);
        QApplication::processEvents();
        ASSERT_FALSE(w.scene()->selectedItems().isEmpty());
        QTest::mouseClick(w.view()->viewport(), Qt::LeftButton, {}, QPoint(5, 5));
        QApplication::processEvents();
        EXPECT_EQ(inspector->width(), before) << "selecting does not resize the docks";
    }
}

// The layout the user left comes back; one written by an older version or unreadable opens the
// default layout with a message, never an unusable window.
TEST(UiWindow, TheLayoutIsSavedAndRestoredAndABrokenOneFallsBackToTheDefault) {
    // The offscreen platform's screen (800x600): a geometry saved larger than the screen comes
    // back clamped, and then (rightly) falls back to the default layout.
    const QSize kScreen = QGuiApplication::primaryScreen()->availableSize();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("layout.ini"));
    {
        ui::MainWindow w(false);
        ASSERT_TRUE(w.openScenario(kCap));
        showAt(w, kScreen);
        dock(w, "logDock")->hide();
        w.layoutKeeper()->setTextScale(1.3);
        QSettings s(file, QSettings::IniFormat);
        w.layoutKeeper()->save(s);
    }
    {
        ui::MainWindow w(false);
        ASSERT_TRUE(w.openScenario(kCap));
        showAt(w, kScreen);
        QSettings s(file, QSettings::IniFormat);
        EXPECT_EQ(w.restoreLayout(s), QString());
        QApplication::processEvents();
        EXPECT_FALSE(dock(w, "logDock")->isVisible())
            << "the user's layout came back; "
            << ui::WindowLayout::problems(&w).join(QStringLiteral("; ")).toStdString() << " / "
            << w.statusBar()->currentMessage().toStdString();
        EXPECT_TRUE(dock(w, "inspectorDock")->isVisible());
        EXPECT_DOUBLE_EQ(w.layoutKeeper()->textScale(), 1.3);
    }
    for (const auto& [key, value] :
         {std::pair(QStringLiteral("layout/state"), QVariant(QByteArray("\x01not a layout", 13))),
          std::pair(QStringLiteral("layout/version"), QVariant(1))}) {
        SCOPED_TRACE(key.toStdString());
        {
            QSettings s(file, QSettings::IniFormat);
            s.setValue(key, value);
        }
        ui::MainWindow w(false);
        ASSERT_TRUE(w.openScenario(kCap));
        showAt(w, QSize(1280, 720));
        QSettings s(file, QSettings::IniFormat);
        const QString message = w.restoreLayout(s);
        EXPECT_TRUE(message.contains(QStringLiteral("default layout"))) << message.toStdString();
        EXPECT_EQ(w.statusBar()->currentMessage(), message);
        for (int i = 0; i < 3; ++i) QApplication::processEvents();
        for (const char* name : {"paletteDock", "inspectorDock", "logDock", "chartsDock"})
            EXPECT_TRUE(dock(w, name)->isVisible()) << name;
        EXPECT_TRUE(ui::WindowLayout::problems(&w).isEmpty())
            << ui::WindowLayout::problems(&w).join(QStringLiteral("; ")).toStdString();
        QSettings fix(file, QSettings::IniFormat); // the next case starts from a good layout
        fix.setValue(QStringLiteral("layout/version"), ui::WindowLayout::kVersion);
    }
}

// Ctrl+= and Ctrl+- scale every text at once (the window's, the charts', the node labels); Ctrl+0
// goes back. Ctrl+Y redoes as Ctrl+Shift+Z does.
TEST(UiWindow, TextSizeKeysScaleEveryTextAndCtrlYRedoes) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(kCap));
    showAt(w, QSize(1280, 720));
    const double window = pixels(w.font(), &w), charts = smallestChartText(w),
                 label = ui::NodeItem::labelPointSize();
    QTest::keyClick(&w, Qt::Key_Equal, Qt::ControlModifier);
    QTest::keyClick(&w, Qt::Key_Equal, Qt::ControlModifier);
    EXPECT_NEAR(pixels(w.font(), &w), window * 1.15 * 1.15, 0.5);
    EXPECT_NEAR(smallestChartText(w), charts * 1.15 * 1.15, 0.5);
    EXPECT_NEAR(ui::NodeItem::labelPointSize(), label * 1.15 * 1.15, 0.2);
    QTest::keyClick(&w, Qt::Key_Minus, Qt::ControlModifier);
    EXPECT_NEAR(pixels(w.font(), &w), window * 1.15, 0.5);
    QTest::keyClick(&w, Qt::Key_0, Qt::ControlModifier);
    EXPECT_NEAR(pixels(w.font(), &w), window, 0.01);
    EXPECT_NEAR(ui::NodeItem::labelPointSize(), label, 0.01);

    auto* seed = w.findChild<QSpinBox*>(QStringLiteral("seed"));
    ASSERT_NE(seed, nullptr);
    seed->setValue(1234);
    ASSERT_EQ(w.document()->scenario().seed, 1234u);
    w.document()->undoStack()->undo();
    ASSERT_NE(w.document()->scenario().seed, 1234u);
    QTest::keyClick(&w, Qt::Key_Y, Qt::ControlModifier);
    EXPECT_EQ(w.document()->scenario().seed, 1234u) << "Ctrl+Y redoes";
    const QString keys = w.keysHtml();
    for (const char* k : {"Ctrl+Y", "Ctrl+Shift+Z", "F11", "Space", "PgDown", "Ctrl+="})
        EXPECT_TRUE(keys.contains(QLatin1String(k))) << k << " is on Help > Keys";
}

// F11 enters presentation mode: the topology and two charts, nothing else; at 1280x720 every chart
// text and node label is at least 18 px tall; a big clock; B blanks; Esc restores the layout.
TEST(UiWindow, PresentationModeIsLargeAndLeavesTheLayoutAsItWas) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(kCap));
    showAt(w, QSize(1280, 720));
    const double normalText = smallestChartText(w);
    int visibleBefore = 0; // a chart with nothing to show for this scenario stays hidden
    for (QChartView* v : w.charts()->views()) visibleBefore += v->isVisible();
    auto* p = w.presentation();
    p->enter(false); // at this size: the offscreen screen is smaller than a projector
    for (int i = 0; i < 5; ++i) QApplication::processEvents();
    ASSERT_TRUE(p->isOn());
    EXPECT_GE(smallestChartText(w), 18.0);
    EXPECT_GT(smallestChartText(w), normalText);
    EXPECT_GE(nodeLabelPixels(w), 18.0);
    EXPECT_GE(pixels(p->clock()->font(), p->clock()), 36.0);
    EXPECT_TRUE(p->clock()->isVisible());
    int shown = 0;
    for (QChartView* v : w.charts()->views()) shown += v->isVisible();
    EXPECT_EQ(shown, 2);
    for (QChartView* v : w.charts()->views())
        if (v->isVisible()) {
            EXPECT_GE(v->chart()->plotArea().height(), 120);
        }
    EXPECT_EQ(dock(w, "lessonDock")->isVisible(), !w.document()->scenario().lesson.steps.empty())
        << "a lesson with steps keeps its panel (the presenter's script)";
    for (const char* name : {"paletteDock", "inspectorDock", "logDock"})
        EXPECT_FALSE(dock(w, name)->isVisible()) << name;
    EXPECT_FALSE(w.menuBar()->isVisible());
    EXPECT_GT(w.view()->height(), 300) << "the topology is large";

    QTest::keyClick(&w, Qt::Key_B);
    EXPECT_TRUE(p->isBlank());
    QTest::keyClick(&w, Qt::Key_B);
    EXPECT_FALSE(p->isBlank());
    QTest::keyClick(&w, Qt::Key_Space); // presenter keys work with the toolbar hidden
    ASSERT_TRUE(waitFor(
        [&] { return w.lastSnapshot() && w.lastSnapshot()->state == ui::RunState::Running; }));
    QTest::keyClick(&w, Qt::Key_Space);

    QTest::keyClick(&w, Qt::Key_Escape);
    for (int i = 0; i < 5; ++i) QApplication::processEvents();
    EXPECT_FALSE(p->isOn());
    EXPECT_FALSE(p->clock()->isVisible());
    for (const char* name : {"paletteDock", "inspectorDock", "logDock", "chartsDock"})
        EXPECT_TRUE(dock(w, name)->isVisible()) << name;
    EXPECT_TRUE(w.menuBar()->isVisible());
    EXPECT_NEAR(smallestChartText(w), normalText, 0.01);
    int visible = 0;
    for (QChartView* v : w.charts()->views()) visible += v->isVisible();
    EXPECT_EQ(visible, visibleBefore);
    EXPECT_TRUE(ui::WindowLayout::problems(&w).isEmpty())
        << ui::WindowLayout::problems(&w).join(QStringLiteral("; ")).toStdString();

    QTest::keyClick(&w, Qt::Key_F11); // the key toggles it (full screen)
    EXPECT_TRUE(p->isOn());
    QTest::keyClick(&w, Qt::Key_F11);
    EXPECT_FALSE(p->isOn());
}

// The presenter's PageDown / PageUp page the lesson panel's steps while the panel is hidden.
TEST(UiWindow, PageDownAndPageUpStepTheLessonWhilePresenting) {
    ui::MainWindow w(false);
    ASSERT_TRUE(
        w.openScenario(QStringLiteral(":/scenarios/lesson-latency-hockey-stick.clustersim.json")));
    showAt(w, QSize(1280, 720));
    ASSERT_NE(w.lessonPanel(), nullptr);
    w.lessonPanel()->showStep(0);
    ASSERT_EQ(w.lessonPanel()->currentStep(), 0);
    QTest::keyClick(&w, Qt::Key_PageDown);
    EXPECT_EQ(w.lessonPanel()->currentStep(), 0) << "not presenting: the keys are the lists'";
    w.presentation()->enter(false);
    EXPECT_TRUE(dock(w, "lessonDock")->isVisible()) << "the steps' text stays on screen";
    // The lesson is about latency against throughput: those are the two charts presented.
    QStringList shown;
    for (QChartView* v : w.charts()->views())
        if (v->isVisible()) shown << v->chart()->title();
    EXPECT_EQ(shown, (QStringList{QStringLiteral("Latency"), QStringLiteral("Throughput")}));
    EXPECT_FALSE(dock(w, "inspectorDock")->isVisible());
    QTest::keyClick(&w, Qt::Key_PageDown);
    EXPECT_EQ(w.lessonPanel()->currentStep(), 1);
    QTest::keyClick(&w, Qt::Key_PageUp);
    EXPECT_EQ(w.lessonPanel()->currentStep(), 0);
}

namespace {
// A file opened at 1024x768 is in view whole once it runs: its groups' frames grow when the engine
// names their members, after the first fit (a service group was cut off until F was pressed).
TEST(UiWindow, AnOpenedFileIsInViewWholeAt1024) {
    for (const char* file : {":/scenarios/elasticity-spike.clustersim.json",
                             ":/scenarios/sharding-hot-shard.clustersim.json",
                             ":/scenarios/default.clustersim.json"}) {
        SCOPED_TRACE(file);
        ui::MainWindow w(false);
        showAt(w, QSize(1024, 768));
        ASSERT_TRUE(w.openScenario(QString::fromLatin1(file)));
        ASSERT_TRUE(cs::test::waitFor([&] {
            return w.lastSnapshot() && !w.lastSnapshot()->nodes.empty() &&
                   w.lastSnapshot()->generation > 0;
        }));
        for (int i = 0; i < 5; ++i) QApplication::processEvents();
        const QRect shown = w.view()->viewport()->rect();
        for (const auto& n : w.document()->scenario().nodes) {
            QGraphicsItem* item = w.scene()->topItem(QString::fromStdString(n.id));
            ASSERT_NE(item, nullptr) << n.id;
            const QRectF cover =
                item->sceneBoundingRect() | item->mapRectToScene(item->childrenBoundingRect());
            EXPECT_TRUE(shown.contains(w.view()->mapFromScene(cover).boundingRect()))
                << n.id << " is cut off";
        }
    }
}
} // namespace

namespace {
// A charts dock too short for every row shows its first row's legends whole: the row ended a few
// pixels below the dock's edge and a legend's second line was cut in half. Further rows scroll.
TEST(UiWindow, TheChartsDockShowsTheFirstRowsLegendsWhole) {
    for (const QSize size : {QSize(1280, 720), QSize(1024, 768), QSize(1920, 1080)}) {
        SCOPED_TRACE(size.width());
        ui::MainWindow w(false);
        ASSERT_TRUE(w.openScenario(kCap));
        showAt(w, size);
        auto* scroll = w.findChild<QScrollArea*>(QStringLiteral("chartsScroll"));
        ASSERT_NE(scroll, nullptr);
        for (int i = 0; i < 5; ++i) QApplication::processEvents();
        const QRect shown = scroll->viewport()->rect();
        int top = INT_MAX, first = 0;
        for (ui::MarkedChartView* v : w.charts()->views())
            if (v->isVisible()) top = std::min(top, v->mapTo(scroll->viewport(), QPoint()).y());
        for (ui::MarkedChartView* v : w.charts()->views()) {
            if (!v->isVisible() || v->mapTo(scroll->viewport(), QPoint()).y() != top) continue;
            const QFontMetricsF axis(v->chart()->axes(Qt::Horizontal).value(0)->labelsFont());
            const double legendEnd = v->chart()->plotArea().bottom() + axis.height() * 1.3 +
                                     QFontMetricsF(v->legendFont).height() * 1.25 * v->legendRows;
            EXPECT_LE(v->mapTo(scroll->viewport(), QPointF(0, legendEnd)).y(), shown.bottom() + 1)
                << v->accessibleName().toStdString();
            ++first;
        }
        EXPECT_GE(first, 3) << "a row of charts";
    }
}
} // namespace

namespace {
// A window that goes takes its charts with it (panel, views, scenes, the charts themselves), after
// a plain run, after presentation mode and after a change of the time window. A chart the
// scenario never showed had a view with no parent, and it leaked with its chart (LeakSanitizer
// saw it only when the whole UI suite ran).
TEST(UiWindow, AWindowThatGoesFreesItsCharts) {
    for (int k = 0; k < 3; ++k) {
        SCOPED_TRACE(k);
        auto* w = new ui::MainWindow(false);
        ASSERT_TRUE(w->openScenario(QStringLiteral(":/scenarios/default.clustersim.json")));
        showAt(*w, QSize(1280, 720));
        QPointer<ui::ChartsPanel> panel = w->charts();
        QList<QPointer<QObject>> parts;
        for (ui::MarkedChartView* v : w->charts()->views())
            parts << QPointer<QObject>(v) << QPointer<QObject>(v->scene())
                  << QPointer<QObject>(v->chart());
        if (k == 1) {
            QTest::keyClick(w, Qt::Key_F11);
            QTest::keyClick(w, Qt::Key_Escape);
        }
        if (k == 2) w->charts()->setWindowSeconds(10);
        delete w;
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        EXPECT_TRUE(panel.isNull());
        for (int i = 0; i < parts.size(); ++i)
            EXPECT_TRUE(parts[i].isNull()) << "chart " << i / 3 << ", part " << i % 3;
    }
}
} // namespace
