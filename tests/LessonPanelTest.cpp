// The lesson panel through its buttons, offscreen: steps, a prediction that hides the charts until
// the learner guesses, progress kept across windows, a run that pauses at a step's time, and a
// step's actions sent through the live path.
#include "LessonPanel.h"
#include "ChartsPanel.h"
#include "DocumentCommands.h"
#include "MainWindow.h"
#include "Presentation.h"
#include "ScenarioIO.h"
#include "UiWait.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <gtest/gtest.h>

using namespace cs;
using cs::test::waitFor;

namespace {

const QString kCp = QStringLiteral(":/scenarios/cap-cp-partition.clustersim.json");

struct LessonFixture : ::testing::Test {
    void SetUp() override { QSettings().remove(QStringLiteral("lessonProgress")); }
    void TearDown() override { QSettings().remove(QStringLiteral("lessonProgress")); }
};

ui::LessonPanel* openLesson(ui::MainWindow& w, const QString& path) {
    EXPECT_TRUE(w.openScenario(path));
    w.show();
    EXPECT_TRUE(waitFor([&] { return w.lastSnapshot() != nullptr; }));
    return w.findChild<ui::LessonPanel*>(QStringLiteral("lessonPanel"));
}

template <class T> T* child(QWidget* w, const QString& name) {
    return w->findChild<T*>(name);
}

bool chartsCovered(ui::MainWindow& w) {
    auto* cover = w.findChild<QWidget*>(QStringLiteral("chartsCover"));
    return cover && cover->isVisible() && cover->geometry().contains(w.charts()->rect());
}

void click(QWidget* button) {
    ASSERT_NE(button, nullptr);
    QTest::mouseClick(button, Qt::LeftButton, {}, button->rect().center());
}

TEST_F(LessonFixture, StepsAndAPredictionThatHidesTheChartsUntilTheLearnerGuesses) {
    ui::MainWindow w(false);
    ui::LessonPanel* panel = openLesson(w, kCp);
    ASSERT_NE(panel, nullptr);
    EXPECT_EQ(child<QLabel>(panel, QStringLiteral("lessonTitle"))->text(),
              QStringLiteral("CAP: a CP store under a partition"));
    auto* back = child<QPushButton>(panel, QStringLiteral("lessonBack"));
    auto* next = child<QPushButton>(panel, QStringLiteral("lessonNext"));
    EXPECT_EQ(panel->currentStep(), 0);
    EXPECT_FALSE(back->isEnabled());
    EXPECT_FALSE(chartsCovered(w));
    EXPECT_EQ(child<QListWidget>(panel, QStringLiteral("lessonSteps"))->currentRow(), 0);

    click(next); // step 2 asks what the cut-off clients will see
    EXPECT_EQ(panel->currentStep(), 1);
    EXPECT_EQ(child<QListWidget>(panel, QStringLiteral("lessonSteps"))->currentRow(), 1);
    auto* wrong = child<QPushButton>(panel, QStringLiteral("lessonChoice1"));
    ASSERT_NE(wrong, nullptr);
    EXPECT_EQ(wrong->accessibleName(), QStringLiteral("stale reads: old values, but answers"));
    EXPECT_TRUE(chartsCovered(w)) << "the charts would give the answer away";
    auto* logCover = w.findChild<QLabel*>(QStringLiteral("logCover"));
    ASSERT_NE(logCover, nullptr);
    EXPECT_TRUE(logCover->isVisible()) << "so would the event log";
    auto* reveal = child<QLabel>(panel, QStringLiteral("lessonReveal"));
    EXPECT_TRUE(reveal->isHidden());

    click(wrong);
    EXPECT_FALSE(chartsCovered(w));
    EXPECT_FALSE(logCover->isVisible());
    EXPECT_FALSE(reveal->isHidden());
    EXPECT_TRUE(reveal->text().startsWith(
        QStringLiteral("Your guess: stale reads: old values, but answers. The answer: errors")))
        << reveal->text().toStdString();
    EXPECT_TRUE(reveal->text().contains(QStringLiteral("the stale-read fraction is still 0")))
        << "the {reads.stale_fraction} placeholder is filled: " << reveal->text().toStdString();
    EXPECT_FALSE(child<QPushButton>(panel, QStringLiteral("lessonChoice0"))->isEnabled())
        << "one guess per prediction";

    click(back);
    EXPECT_EQ(panel->currentStep(), 0);
    click(next);
    EXPECT_FALSE(chartsCovered(w)) << "answered already";

    // Progress is kept per lesson: another window opens the lesson where this one left it.
    ui::MainWindow again(false);
    ui::LessonPanel* restored = openLesson(again, kCp);
    EXPECT_EQ(restored->currentStep(), 1);
    EXPECT_FALSE(restored->awaitingGuess());
    EXPECT_FALSE(child<QLabel>(restored, QStringLiteral("lessonReveal"))->isHidden());

    // Start over: the first step, and the prediction asks again (for the next class too), and
    // the run starts again from t = 0 (the teacher trial found the clock left where it was).
    QMetaObject::invokeMethod(again.controller(),
                              [c = again.controller()] { c->runUntilSeconds(4); });
    ASSERT_TRUE(waitFor([&] { return again.lastSnapshot()->simTime >= 4'000'000; }));
    click(child<QPushButton>(restored, QStringLiteral("lessonRestart")));
    EXPECT_EQ(restored->currentStep(), 0);
    ASSERT_TRUE(waitFor([&] { return again.lastSnapshot()->simTime == 0; }))
        << "the run stays at " << again.lastSnapshot()->simTime << " us";
    click(child<QPushButton>(restored, QStringLiteral("lessonNext")));
    EXPECT_TRUE(restored->awaitingGuess());
    ui::MainWindow third(false);
    EXPECT_EQ(openLesson(third, kCp)->currentStep(), 1);
    EXPECT_TRUE(openLesson(third, kCp)->awaitingGuess()) << "the answer was forgotten";
}

// The cover over the charts asks the question itself, so a class in front of the projector (the
// lesson panel hidden, as in presentation mode) sees it and can answer there with a click.
TEST_F(LessonFixture, TheChartsCoverAsksTheQuestionAndTakesTheAnswer) {
    ui::MainWindow w(false);
    ui::LessonPanel* panel = openLesson(w, kCp);
    ASSERT_NE(panel, nullptr);
    click(child<QPushButton>(panel, QStringLiteral("lessonNext")));
    ASSERT_TRUE(chartsCovered(w));
    auto* question = w.findChild<QLabel*>(QStringLiteral("chartsCoverQuestion"));
    ASSERT_NE(question, nullptr);
    EXPECT_FALSE(question->text().isEmpty());
    auto* right = w.findChild<QPushButton*>(QStringLiteral("chartsCoverChoice0"));
    ASSERT_NE(right, nullptr);
    EXPECT_TRUE(right->isVisible());
    EXPECT_TRUE(right->text().contains(QStringLiteral("errors"))) << right->text().toStdString();
    click(right);
    ASSERT_TRUE(cs::test::waitFor([&] { return !chartsCovered(w); }));
    EXPECT_FALSE(panel->awaitingGuess());
    EXPECT_TRUE(child<QLabel>(panel, QStringLiteral("lessonReveal"))
                    ->text()
                    .contains(QStringLiteral("Right")))
        << child<QLabel>(panel, QStringLiteral("lessonReveal"))->text().toStdString();
}

// Play stops exactly at a step's at_s when it says pause, and the panel moves to that step.
TEST_F(LessonFixture, TheRunPausesAtAPausingStepAndThePanelFollows) {
    ui::MainWindow w(false);
    ui::LessonPanel* panel = openLesson(w, kCp);
    QMetaObject::invokeMethod(w.controller(), [c = w.controller()] { c->setSpeed(0); });
    w.play();
    ASSERT_TRUE(waitFor([&] {
        const auto s = w.lastSnapshot();
        return s && s->state == ui::RunState::Paused;
    }));
    EXPECT_EQ(w.lastSnapshot()->simTime, 20'000'000) << "paused at the step's 20 s";
    EXPECT_EQ(panel->currentStep(), 1);
    EXPECT_TRUE(panel->awaitingGuess());
    EXPECT_TRUE(chartsCovered(w));
    // Play again: the run goes on past the pause (once per run) to the end.
    w.play();
    ASSERT_TRUE(waitFor([&] { return w.lastSnapshot()->state == ui::RunState::Finished; }));
    EXPECT_EQ(panel->currentStep(), 3) << "the step at 40 s (no pause) was reached too";
}

// A step's actions without a time are applied by its button, through the controller's live path,
// and recorded with the run's other actions.
TEST_F(LessonFixture, AStepsButtonSendsItsActionsThroughTheLivePath) {
    ui::MainWindow w(false);
    ui::LessonPanel* panel = openLesson(w, kCp);
    auto* steps = child<QListWidget>(panel, QStringLiteral("lessonSteps"));
    const int last = steps->count() - 1;
    const QRect item = steps->visualItemRect(steps->item(last));
    steps->scrollToItem(steps->item(last));
    QTest::mouseClick(steps->viewport(), Qt::LeftButton, {},
                      steps->visualItemRect(steps->item(last)).center());
    ASSERT_EQ(panel->currentStep(), last) << item.y();
    auto* apply = child<QPushButton>(panel, QStringLiteral("lessonApply"));
    ASSERT_FALSE(apply->isHidden());
    EXPECT_EQ(apply->accessibleName(), QStringLiteral("Do it: set db mode to AP"));
    click(apply);
    EXPECT_FALSE(apply->isEnabled());
    ASSERT_TRUE(waitFor([&] {
        const auto s = w.lastSnapshot();
        if (!s || !s->actions) return false;
        for (const auto& a : *s->actions)
            if (a.kind == core::ActionKind::SetField && a.node == "db" && a.field == "mode")
                return std::get<std::string>(a.value) == "AP";
        return false;
    }));
}

// A learner who removes a node a lesson step's action or an expectation names can still run the
// scenario: expectations are for `check`, and the lesson's actions are skipped (the log says so).
TEST_F(LessonFixture, RemovingANodeTheLessonNamesDoesNotStopTheRun) {
    auto loaded =
        core::loadScenarioFile(std::string(CLUSTERSIM_TEST_DATA) + "/base.clustersim.json");
    ASSERT_TRUE(loaded.ok) << loaded.error;
    core::Scenario s = loaded.scenario;
    core::Action slower;
    slower.kind = core::ActionKind::SetRate;
    slower.node = "users";
    slower.rate_rps = 10;
    s.lesson.steps = {{"Slower users.", 1.0, false, {slower}, {}}};
    core::Expectation e;
    e.metric = "node:users:utilization";
    e.over = std::pair{0.0, 1.0};
    e.op = core::Expectation::Op::Less;
    s.expect = {e};
    ui::MainWindow w(false);
    w.openScenarioValue(s, {});
    w.show();
    ASSERT_TRUE(waitFor([&] { return w.lastSnapshot() && !w.lastSnapshot()->nodes.empty(); }));
    w.document()->undoStack()->push(new ui::RemoveNodesCommand(w.document(), {"users"}));
    ASSERT_TRUE(waitFor([&] {
        const auto snap = w.lastSnapshot();
        bool users = false;
        for (const auto& n : snap->nodes) users |= n.name == "users";
        return !users && !snap->nodes.empty();
    }));
    EXPECT_NE(w.lastSnapshot()->state, ui::RunState::Error);
}

// The window refuses a bad lesson as `validate` does, with the file and the JSON path, and keeps
// the open document (and its lesson) as it was.
TEST_F(LessonFixture, OpeningABadLessonNamesThePathAndKeepsTheOpenLesson) {
    ui::MainWindow w(false);
    ui::LessonPanel* panel = openLesson(w, kCp);
    const core::Lesson before = panel->lesson();
    QString error;
    const QString bad = QStringLiteral(CLUSTERSIM_TEST_DATA) +
                        QStringLiteral("/bad/lesson_answer_out_of_range.clustersim.json");
    EXPECT_FALSE(w.openScenario(bad, &error));
    EXPECT_TRUE(error.contains(bad + QStringLiteral(": lesson.steps[1].predict.answer")))
        << error.toStdString();
    EXPECT_EQ(panel->lesson(), before);
    EXPECT_EQ(w.document()->scenario().lesson, before);
}

} // namespace

namespace {
// Reset (Ctrl+R) starts the run again: a panel at a timed step the new run has not reached goes
// back to before the timed part and follows the run again; the answers stay. A step after the
// timed part (what to try on the next run) stays where it is.
TEST_F(LessonFixture, ResetTakesThePanelBackToWhereTheRunIs) {
    ui::MainWindow w(false);
    ui::LessonPanel* panel = openLesson(w, kCp);
    ASSERT_NE(panel, nullptr);
    QApplication::setActiveWindow(&w);
    QMetaObject::invokeMethod(w.controller(), [c = w.controller()] { c->runUntilSeconds(45); });
    ASSERT_TRUE(waitFor([&] {
        const auto s = w.lastSnapshot();
        return s && s->simTime >= 45'000'000 && s->state != ui::RunState::Running;
    }));
    ASSERT_TRUE(waitFor([&] { return panel->currentStep() == 3; })) << panel->currentStep();
    QTest::keyClick(&w, Qt::Key_R, Qt::ControlModifier);
    ASSERT_TRUE(waitFor([&] { return panel->currentStep() == 0; })) << panel->currentStep();
    // The window may take the new run's first snapshot just after the panel did.
    EXPECT_TRUE(waitFor([&] { return w.lastSnapshot()->simTime == 0; }));

    click(child<QPushButton>(panel, QStringLiteral("lessonNext"))); // the prediction at 20 s
    ASSERT_EQ(panel->currentStep(), 1);
    click(child<QPushButton>(panel, QStringLiteral("lessonChoice0")));
    const int last = static_cast<int>(w.document()->scenario().lesson.steps.size()) - 1;
    panel->showStep(last);
    const auto run = w.lastSnapshot()->generation;
    QTest::keyClick(&w, Qt::Key_R, Qt::ControlModifier);
    ASSERT_TRUE(waitFor([&] { return w.lastSnapshot()->generation != run; }));
    QApplication::processEvents();
    EXPECT_EQ(panel->currentStep(), last) << "the step after the timed part stays";
    panel->showStep(1);
    EXPECT_FALSE(panel->awaitingGuess()) << "the answer is kept";
}
} // namespace

namespace {
// A presenter answers with the letter on the button (B: the second choice), on the projector's
// keyboard or remote; B no longer blanks the screen while a question waits.
TEST_F(LessonFixture, ALetterKeyAnswersTheQuestionWhilePresenting) {
    ui::MainWindow w(false);
    ui::LessonPanel* panel = openLesson(w, kCp);
    ASSERT_NE(panel, nullptr);
    w.resize(1280, 720);
    QApplication::setActiveWindow(&w);
    click(child<QPushButton>(panel, QStringLiteral("lessonNext"))); // the prediction
    ASSERT_TRUE(panel->awaitingGuess());
    w.presentation()->enter(false);
    QApplication::processEvents();
    QTest::keyClick(&w, Qt::Key_B);
    ASSERT_TRUE(waitFor([&] { return !panel->awaitingGuess(); }));
    EXPECT_FALSE(w.presentation()->isBlank()) << "B answered; it did not blank the room";
    EXPECT_TRUE(child<QLabel>(panel, QStringLiteral("lessonReveal"))
                    ->text()
                    .startsWith(QStringLiteral("Your guess: stale reads")))
        << child<QLabel>(panel, QStringLiteral("lessonReveal"))->text().toStdString();
    QTest::keyClick(&w, Qt::Key_B); // no question now: B blanks as before
    EXPECT_TRUE(w.presentation()->isBlank());
}
} // namespace
