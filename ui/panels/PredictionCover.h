// What covers the charts while a lesson's prediction waits for a guess: the question in large
// type and one button per choice, so that a class facing the projector (where the lesson panel
// may be hidden, as in presentation mode) sees what it is asked and can answer on the big screen.
#pragma once

#include <QFrame>

class QLabel;
class QVBoxLayout;

namespace cs::ui {

class LessonPanel;

class PredictionCover : public QFrame {
    Q_OBJECT
public:
    // `log` (may be null) is covered too: the event log would tell the answer ("db3 steps down").
    PredictionCover(LessonPanel* lesson, QWidget* charts, QWidget* log = nullptr);

    // Off while the window records a screenshot or a GIF: a picture of the run shows its charts.
    void setSuppressed(bool suppressed);

protected:
    bool eventFilter(QObject* watched, QEvent* e) override; // follows the charts' and log's size

private:
    void update(bool hidden);
    void fitToParents();
    void applyFonts();
    int choiceKey(const class QKeyEvent* key) const; // the choice a key answers, or -1
    void fill();

    LessonPanel* m_lesson;
    QLabel* m_question;
    QLabel* m_logCover = nullptr;
    QVBoxLayout* m_choices;
    bool m_wanted = false;
    bool m_suppressed = false;
};

} // namespace cs::ui
