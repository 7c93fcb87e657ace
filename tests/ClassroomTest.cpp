// The classroom window's last defects (issue 14), driven as a teacher drives it: real mouse and
// key events on the widgets, the run checked through the window's snapshots.
#include "ChartsPanel.h"
#include "ElidingStatusBar.h"
#include "FieldTable.h"
#include "MainWindow.h"
#include "NodeItem.h"
#include "Presentation.h"
#include "Run.h"
#include "ScenarioIO.h"
#include "TopologyScene.h"
#include "TopologyView.h"
#include "UiFind.h"
#include "UiWait.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTest>
#include <QToolBar>
#include <QUndoStack>
#include <gtest/gtest.h>

using namespace cs;
using cs::test::waitFor;

namespace {

bool runWindowTo(ui::MainWindow& w, double s) {
    QMetaObject::invokeMethod(w.controller(), [c = w.controller(), s] { c->runUntilSeconds(s); });
    return waitFor([&] {
        const auto snap = w.lastSnapshot();
        return snap && snap->simTime >= static_cast<core::SimTime>(s * 1e6) &&
               snap->state != ui::RunState::Running;
    });
}

// Clicks the node's item in the view, as a user selects it.
void clickNode(ui::MainWindow& w, const QString& id) {
    QGraphicsItem* item = w.scene()->topItem(id);
    ASSERT_NE(item, nullptr);
    w.view()->centerOn(item);
    QApplication::processEvents();
    const QPoint at = w.view()->mapFromScene(item->sceneBoundingRect().center());
    QTest::mouseClick(w.view()->viewport(), Qt::LeftButton, {}, at);
    QApplication::processEvents();
}

using cs::test::inspectorField;

int policyActions(const ui::Snapshot& s, const std::string& value) {
    int n = 0;
    for (const auto& a : *s.actions)
        n += a.field == "autoscaling.policy" && a.value == core::FieldValue(value);
    return n;
}

// Save Session's scenario, saved and read back and run to `s`, gives the live run's metrics.
void expectSessionReplays(ui::MainWindow& w, double s) {
    const auto reloaded = core::loadScenarioText(core::scenarioToJson(w.sessionScenario()), "s");
    ASSERT_TRUE(reloaded.ok) << reloaded.error;
    core::RunOptions to;
    to.duration_s = s;
    w.charts()->refresh();
    EXPECT_EQ(w.charts()->metricsCsv().toStdString(),
              core::runScenario(reloaded.scenario, to).metricsCsvText);
}

} // namespace

// The default example's api group has no autoscaling. Chosen in the inspector mid-run (a key on
// its Scaling box), target tracking starts at that moment: the clock does not go back to 0, the
// switch is an action the session replays exactly, and undo switches it back live.
TEST(UiClassroom, ScalingChosenMidRunOnAGroupWithoutAutoscalingKeepsTheRun) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/default.clustersim.json")));
    w.show();
    ASSERT_FALSE(w.document()->scenario().find("api")->autoscaling.has_value());
    ASSERT_TRUE(runWindowTo(w, 10));
    const auto generation = w.lastSnapshot()->generation;
    clickNode(w, QStringLiteral("api"));
    auto* box = qobject_cast<QComboBox*>(inspectorField(w, QStringLiteral("Scaling")));
    ASSERT_NE(box, nullptr);
    ASSERT_EQ(box->currentText(), QStringLiteral("manual"));
    box->setFocus();
    QTest::keyClicks(box, QStringLiteral("t")); // target_tracking, as typed on a closed box
    const auto& api = w.document()->scenario().find("api")->autoscaling;
    ASSERT_TRUE(api.has_value());
    EXPECT_EQ(api->policy, core::Autoscaling::Policy::TargetTracking);
    EXPECT_EQ(api->min, 3) << "around the 3 instances it has";
    ASSERT_TRUE(runWindowTo(w, 14));
    EXPECT_EQ(w.lastSnapshot()->generation, generation) << "the run was not restarted";
    EXPECT_GE(w.lastSnapshot()->simTime, 14'000'000) << "the clock did not go back to 0";
    EXPECT_EQ(policyActions(*w.lastSnapshot(), "target_tracking"), 1);
    w.charts()->refresh();
    EXPECT_GT(w.charts()->seriesPoints(QStringLiteral("Latency")), 40) << "the charts kept 10 s";
    // Save Session starts from the run's start (no autoscaling yet) and switches at 10 s.
    EXPECT_FALSE(w.sessionScenario().find("api")->autoscaling.has_value());
    expectSessionReplays(w, 14);

    w.document()->undoStack()->undo();
    EXPECT_FALSE(w.document()->scenario().find("api")->autoscaling.has_value());
    ASSERT_TRUE(runWindowTo(w, 16));
    EXPECT_EQ(w.lastSnapshot()->generation, generation) << "undo did not restart the run";
    EXPECT_EQ(policyActions(*w.lastSnapshot(), "manual"), 1);

    expectSessionReplays(w, 16);
}

// Node labels a room can read without presentation mode: at least 12 px on screen at the sizes of
// a 720p and a 1024x768 projector, in every built-in example, measured as the presentation test
// measures them (the label font at the topology's zoom, as the window fits it on opening).
TEST(UiClassroom, NodeLabelsAreReadableAtProjectorSizesInEveryExample) {
    const QStringList files =
        QDir(QStringLiteral(":/scenarios")).entryList({QStringLiteral("*.clustersim.json")});
    ASSERT_GE(files.size(), 20);
    for (const QSize size : {QSize(1280, 720), QSize(1024, 768)}) {
        ui::MainWindow w(false);
        w.show();
        w.resize(size);
        for (const QString& f : files) {
            ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/") + f));
            for (int i = 0; i < 5; ++i) QApplication::processEvents();
            const double px = ui::NodeItem::labelPointSize() * w.view()->logicalDpiY() / 72.0 *
                              w.view()->transform().m11();
            EXPECT_GE(px, 12.0) << f.toStdString() << " at " << size.width() << "x"
                                << size.height();
            QRectF nodes; // and the whole topology is in view, labels included
            for (QGraphicsItem* item : w.scene()->items())
                if (item->flags() & QGraphicsItem::ItemIsSelectable)
                    nodes = nodes.united(item->sceneBoundingRect());
            const QRect shown = w.view()->mapFromScene(nodes).boundingRect();
            EXPECT_TRUE(w.view()->viewport()->rect().adjusted(-4, -4, 4, 4).contains(shown))
                << f.toStdString() << " at " << size.width() << ": " << shown.width() << "x"
                << shown.height() << " in " << w.view()->viewport()->width() << "x"
                << w.view()->viewport()->height();
        }
    }
}

// Live edits are told in words a student understands, in the event log and on the charts: the
// toolbar's Store switch says what AP means, a latency edit says what it does to messages, and
// markers at one moment say "and N more" rather than "+N". No "db.mode = AP" jargon.
TEST(UiClassroom, ActionsAreToldInWordsInTheLogAndOnTheCharts) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/cap-cp-partition.clustersim.json")));
    w.show();
    ASSERT_TRUE(runWindowTo(w, 5));
    auto* store = w.findChild<QComboBox*>(QStringLiteral("storeMode"));
    ASSERT_NE(store, nullptr);
    store->setFocus();
    QTest::keyClick(store, Qt::Key_End); // AP
    ASSERT_EQ(store->currentText(), QStringLiteral("AP"));
    ASSERT_TRUE(runWindowTo(w, 25)); // the partition's cuts at 20 s share a moment
    auto* log = w.findChild<QListWidget*>(QStringLiteral("eventLog"));
    ASSERT_NE(log, nullptr);
    QStringList lines;
    for (int i = 0; i < log->count(); ++i) lines << log->item(i)->text();
    const QString all = lines.join('\n');
    EXPECT_TRUE(all.contains(QStringLiteral("Store db switched to AP (availability first")))
        << all.toStdString();
    EXPECT_FALSE(all.contains(QStringLiteral("db.mode"))) << all.toStdString();
    w.charts()->refresh();
    QStringList details, labels;
    for (const auto& g : w.charts()->views()[0]->markerGroups()) {
        details << g.details;
        labels << g.label;
    }
    EXPECT_TRUE(details.join('\n').contains(QStringLiteral("Store db switched to AP")))
        << details.join('\n').toStdString();
    bool collapsed = false;
    for (const QString& l : labels) {
        EXPECT_FALSE(l.contains(QLatin1Char('+'))) << l.toStdString();
        EXPECT_FALSE(l.contains(QLatin1Char('='))) << l.toStdString();
        collapsed |= l.contains(QStringLiteral(" more"));
    }
    EXPECT_TRUE(collapsed) << "the two cuts at 20 s: " << labels.join(" | ").toStdString();
}

// The unsaved-changes question: a Space (a teacher pausing the run) must not save silently; Enter
// saves, as the default button says.
TEST(UiClassroom, SpaceInTheUnsavedChangesQuestionDoesNotSave) {
    auto answer = [](Qt::Key key) {
        std::unique_ptr<QMessageBox> box(ui::MainWindow::unsavedChangesBox(nullptr));
        box->open();
        EXPECT_TRUE(waitFor([&] { return box->isVisible() && QApplication::focusWidget(); }));
        QWidget* focus = QApplication::focusWidget();
        EXPECT_EQ(focus, box->button(QMessageBox::Cancel)) << "the focus is on Cancel";
        QTest::keyClick(focus ? focus : box.get(), key);
        QApplication::processEvents();
        return box->clickedButton() ? box->standardButton(box->clickedButton())
                                    : QMessageBox::NoButton;
    };
    EXPECT_EQ(answer(Qt::Key_Space), QMessageBox::Cancel) << "Space does not save";
    EXPECT_EQ(answer(Qt::Key_Return), QMessageBox::Save) << "Enter saves";
    EXPECT_EQ(answer(Qt::Key_Escape), QMessageBox::Cancel);
}

// Help > Lessons is grouped like File > Open Example (concept lessons, interview questions, then
// the examples by title), by the same code: not ~30 entries in file-name order.
TEST(UiClassroom, HelpLessonsIsGroupedLikeOpenExample) {
    ui::MainWindow w(false);
    auto* lessons = w.findChild<QMenu*>(QStringLiteral("lessonsMenu"));
    auto* examples = w.findChild<QMenu*>(QStringLiteral("examplesMenu"));
    ASSERT_TRUE(lessons && examples);
    auto texts = [](QMenu* m) {
        QStringList out;
        for (QAction* a : m->actions())
            out << (a->isSeparator() ? QStringLiteral("--") : a->text());
        return out;
    };
    const QStringList top = texts(lessons);
    ASSERT_GE(top.size(), 4);
    EXPECT_EQ(top[0], QStringLiteral("Concept &Lessons"));
    EXPECT_EQ(top[1], QStringLiteral("&Interview Questions"));
    EXPECT_EQ(top[2], QStringLiteral("--"));
    QStringList plain = top.mid(3);
    QStringList sorted = plain;
    std::sort(sorted.begin(), sorted.end(),
              [](const QString& a, const QString& b) { return a.localeAwareCompare(b) < 0; });
    EXPECT_EQ(plain, sorted) << "the examples by title";
    EXPECT_LE(top.size(), 15) << "lessons and questions are in their submenus";
    for (const QString& t : top) EXPECT_TRUE(texts(examples).contains(t)) << t.toStdString();
    QMenu* questions = lessons->actions()[1]->menu();
    ASSERT_NE(questions, nullptr);
    EXPECT_EQ(questions->actions().size(), 8) << "Q1 to Q8";
    EXPECT_TRUE(questions->actions()[0]->text().contains(QStringLiteral("Q1")))
        << questions->actions()[0]->text().toStdString();
}

// View > Larger Text twice at 1280x720: chart titles and legends are not elided, and the lesson
// panel's text is not clipped (it wraps, and scrolls when it is long).
TEST(UiClassroom, LargerTextTwiceKeepsChartsAndTheLessonReadable) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/cap-cp-partition.clustersim.json")));
    w.show();
    w.resize(1280, 720);
    ASSERT_TRUE(runWindowTo(w, 25)); // the lesson asks its question: three long choices
    QTest::keyClick(&w, Qt::Key_Equal, Qt::ControlModifier);
    QTest::keyClick(&w, Qt::Key_Equal, Qt::ControlModifier);
    for (int i = 0; i < 5; ++i) QApplication::processEvents();
    w.charts()->refresh();
    QApplication::processEvents();
    auto* text = w.findChild<QWidget*>(QStringLiteral("lessonStepText"));
    ASSERT_NE(text, nullptr);
    QWidget* content = text->parentWidget();
    QWidget* viewport = content->parentWidget();
    EXPECT_LE(content->width(), viewport->width()) << "the lesson's text is not cut on the right";
    for (QWidget* c : content->findChildren<QWidget*>()) {
        if (c->isVisible() && c->parentWidget() == content) {
            EXPECT_LE(c->geometry().right(), viewport->width()) << c->objectName().toStdString();
        }
    }
    for (QWidget* b : content->findChildren<QPushButton*>()) {
        if (b->isVisible()) {
            EXPECT_LE(b->minimumSizeHint().width(), viewport->width());
        }
    }
    for (QChartView* v : w.charts()->views()) {
        if (!v->isVisible()) continue;
        const QFontMetrics title(v->chart()->titleFont());
        EXPECT_LE(title.horizontalAdvance(v->chart()->title()), v->width())
            << v->chart()->title().toStdString();
    }
}

// F11 in and out of presentation mode puts the window back exactly where it was (without a window
// manager, restoring by the frame's guessed geometry moved it 20 px).
TEST(UiClassroom, LeavingFullScreenRestoresTheExactGeometry) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/default.clustersim.json")));
    w.show();
    w.setGeometry(QRect(37, 53, 1100, 700));
    for (int i = 0; i < 5; ++i) QApplication::processEvents();
    const QRect before = w.geometry();
    auto f11 = [&](bool on) { // a bare X server gives the window no focus: then View's action
        QTest::keyClick(&w, Qt::Key_F11);
        for (int i = 0; i < 5; ++i) QApplication::processEvents();
        if (w.presentation()->isOn() != on) w.presentation()->toggleAction()->trigger();
        for (int i = 0; i < 5; ++i) QApplication::processEvents();
        return w.presentation()->isOn() == on;
    };
    ASSERT_TRUE(f11(true));
    ASSERT_TRUE(f11(false));
    EXPECT_EQ(w.geometry(), before);
}

// A lesson's question pauses the run: the status bar says why, not a bare "Paused", and once
// the class has answered, that the lesson paused it and Space plays on.
TEST(UiClassroom, APauseForAQuestionSaysWhyInTheStatusBar) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/cap-cp-partition.clustersim.json")));
    w.show();
    w.resize(1280, 720);
    ASSERT_TRUE(waitFor([&] { return w.lastSnapshot() != nullptr; }));
    QMetaObject::invokeMethod(w.controller(), [c = w.controller()] {
        c->setSpeed(0); // as fast as possible: Play, as a teacher presses it
        c->play();
    });
    ASSERT_TRUE(waitFor([&] {
        const auto snap = w.lastSnapshot();
        return snap && snap->state == ui::RunState::Paused && snap->simTime > 0;
    }));
    EXPECT_EQ(w.lastSnapshot()->simTime, 20'000'000) << "the step at 20 s pauses the run";
    EXPECT_TRUE(waitFor([&] {
        return w.statusBar()->currentMessage().contains(QStringLiteral("question"));
    })) << w.statusBar()->currentMessage().toStdString();
    EXPECT_TRUE(w.statusBar()->currentMessage().contains(QStringLiteral("answer on the charts")));
    auto* choice = w.findChild<QPushButton*>(QStringLiteral("chartsCoverChoice0"));
    ASSERT_NE(choice, nullptr);
    // Every answer is on the charts, whole: a button ran off their right edge, its text cut off.
    for (int i = 0;
         auto* b = w.findChild<QPushButton*>(QStringLiteral("chartsCoverChoice%1").arg(i)); ++i) {
        const QRect r(b->mapTo(w.charts(), QPoint(0, 0)), b->size());
        EXPECT_TRUE(w.charts()->rect().contains(r)) << "choice " << i;
        EXPECT_GE(b->height(), b->heightForWidth(b->width())) << "choice " << i << " is cut";
    }
    QTest::mouseClick(choice, Qt::LeftButton); // answered on the charts' cover
    EXPECT_TRUE(waitFor([&] {
        return w.statusBar()->currentMessage().contains(QStringLiteral("Paused by the lesson"));
    })) << w.statusBar()->currentMessage().toStdString();
    EXPECT_TRUE(w.statusBar()->currentMessage().contains(QStringLiteral("Space")));
}

// At 1024x768 with Larger Text twice, every switch of the run toolbar stays on screen (the switches
// take a second row instead of the toolbar's overflow) and the status bar's hint ends in "…"
// before the timeline instead of running into its label; back at the normal size, one row again.
TEST(UiClassroom, LargerTextAt1024KeepsEverySwitchAndTheHintOffTheTimeline) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/default.clustersim.json")));
    w.show();
    w.resize(1024, 768);
    ASSERT_TRUE(waitFor([&] { return w.lastSnapshot() != nullptr; }));
    for (int i = 0; i < 2; ++i) QTest::keyClick(&w, Qt::Key_Equal, Qt::ControlModifier);
    for (int i = 0; i < 5; ++i) QApplication::processEvents();
    for (const char* name : {"speed", "storeMode", "scalingPolicy", "seed", "simTime"}) {
        auto* box = w.findChild<QWidget*>(QLatin1String(name));
        ASSERT_NE(box, nullptr) << name;
        EXPECT_TRUE(box->isVisible()) << name << " is not in an overflow menu";
        const QRect inWindow(box->mapTo(&w, QPoint(0, 0)), box->size());
        EXPECT_LE(inWindow.right(), w.width()) << name;
    }
    auto* status = qobject_cast<ui::ElidingStatusBar*>(w.statusBar());
    ASSERT_NE(status, nullptr);
    auto* timeline = w.findChild<QWidget*>(QStringLiteral("timelineBar"));
    ASSERT_NE(timeline, nullptr);
    EXPECT_LT(status->messageArea().right(), timeline->x()) << "the hint stops before it";
    const QString hint = status->currentMessage();
    ASSERT_FALSE(hint.isEmpty());
    EXPECT_LE(status->fontMetrics().horizontalAdvance(status->shownMessage()),
              status->messageArea().width());
    if (status->fontMetrics().horizontalAdvance(hint) > status->messageArea().width()) {
        EXPECT_TRUE(status->shownMessage().endsWith(QChar(0x2026))) << "elided with …";
        EXPECT_EQ(status->toolTip(), hint) << "the whole hint on hover";
    }
    auto* run = w.findChild<QToolBar*>(QStringLiteral("runToolbar"));
    auto* switches = w.findChild<QToolBar*>(QStringLiteral("switchesToolbar"));
    ASSERT_TRUE(run && switches);
    EXPECT_GT(switches->y(), run->y()) << "the switches on a second row";
    // The charts' range label gives way ("…"), so the charts fit their dock: none cut off.
    const QWidget* chartsViewport = w.charts()->parentWidget();
    ASSERT_NE(chartsViewport, nullptr);
    EXPECT_LE(w.charts()->width(), chartsViewport->width()) << "the charts fit the dock's width";
    auto* range = w.charts()->findChild<QLabel*>(QStringLiteral("chartRange"));
    ASSERT_NE(range, nullptr);
    EXPECT_EQ(range->toolTip(), range->text()) << "the whole range text on hover";

    QTest::keyClick(&w, Qt::Key_0, Qt::ControlModifier); // normal text size
    w.resize(1920, 1080);
    for (int i = 0; i < 5; ++i) QApplication::processEvents();
    EXPECT_EQ(switches->y(), run->y()) << "room for one row again";
    EXPECT_EQ(run->toolButtonStyle(), Qt::ToolButtonTextBesideIcon) << "Play, Step, Reset named";
}
