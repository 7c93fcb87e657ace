// The lesson panel (DESIGN.md section 12): a scenario's lesson step by step, with Back and Next,
// the current step highlighted, its actions on a button (or at its time, by the engine), and a
// prediction that hides the charts until the learner has guessed, then shows the measured answer.
#pragma once

#include "Scenario.h"
#include "SimController.h"

#include <QWidget>

#include <map>

class QAction;
class QLabel;
class QListWidget;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace cs::ui {

class LessonPanel : public QWidget {
    Q_OBJECT
public:
    explicit LessonPanel(QWidget* parent = nullptr);

    // Shows `lesson` from its first step, or from where this learner left it: progress (the
    // current step and the answers) is kept per lesson under `key` in QSettings. Setting the same
    // lesson again (an unrelated edit of the document) changes nothing.
    void setLesson(const core::Lesson& lesson, const QString& key);
    const core::Lesson& lesson() const { return m_lesson; }
    int currentStep() const { return m_step; }
    // Whether the current step's prediction waits for a guess (the charts are hidden meanwhile).
    bool awaitingGuess() const;
    // Next and previous step as actions, so that presenter keys (PageDown, PageUp) can be bound.
    QAction* nextStepAction() const { return m_nextAction; }
    QAction* previousStepAction() const { return m_previousAction; }

public slots:
    void nextStep();
    void previousStep();
    void startOver(); // the first step, every answer forgotten
    void showStep(int index);
    void guess(int choice);
    // Follows the run: moves to a step when the run reaches its at_s, fills the reveal's numbers.
    void onSnapshot(const cs::ui::SnapshotPtr& snapshot);

signals:
    // One of the step's actions, for the controller's live path (recorded like a user's).
    void actionRequested(const cs::core::Action& action);
    // True while a prediction waits for a guess: the charts must not give the answer away.
    void chartsHiddenChanged(bool hidden);
    // Start over: the run goes back to t = 0 with the lesson (a class starts from the beginning).
    void startedOver();

private:
    void render();
    void rewrap(); // the buttons' text broken into lines as wide as the panel is now
    bool eventFilter(QObject* watched, QEvent* e) override;
    void changeEvent(QEvent* e) override;
    void renderPrediction(const core::LessonStep& step);
    void applyStepActions();
    void followRerun(std::int64_t simTime);
    void fitTitleFont();
    void saveProgress() const;
    QString revealText(const core::LessonStep& step, int chosen) const;

    core::Lesson m_lesson;
    QString m_key;
    int m_step = 0;
    std::map<int, int> m_answers; // step -> chosen choice
    std::uint64_t m_generation = ~std::uint64_t{0};
    int m_reachedByRun = -1;       // the last timed step the run has reached in this generation
    bool m_ranThisLesson = false;  // a run of this lesson was seen (a later one is a re-run)
    bool m_actionsApplied = false; // the current step's button has been used in this run
    bool m_chartsHidden = false;
    SnapshotPtr m_last;

    QLabel* m_title;
    QLabel* m_goal;
    QListWidget* m_steps;
    QLabel* m_text;
    QWidget* m_predict;
    QLabel* m_question;
    QVBoxLayout* m_choices;
    QLabel* m_reveal;
    QPushButton* m_apply;
    QWidget* m_viewport = nullptr; // the scroll area's: the width text has
    QScrollArea* m_scroll = nullptr;
    void scrollTo(QWidget* shown); // null: the top (a new lesson or step starts at its text)
    QPushButton* m_back;
    QPushButton* m_restart;
    QPushButton* m_next;
    QAction* m_nextAction;
    QAction* m_previousAction;
};

} // namespace cs::ui
