// The timeline slider in the status bar: it follows the run's simulated time; dragging it back
// rewinds (the session replays deterministically to there and pauses, and what the user does next
// is a branch), forward runs on to there.
#pragma once

#include "SimController.h"

#include <QWidget>

class QLabel;
class QSlider;

namespace cs::ui {

class TimelineBar : public QWidget {
    Q_OBJECT
public:
    // Does not own the controller (it lives on the engine thread); seeks are queued calls.
    explicit TimelineBar(SimController* controller, QWidget* parent = nullptr);
    QSlider* slider() const { return m_slider; }

signals:
    // Before a seek back to `simS`: what the run did from there on is about to be dropped.
    void rewinding(double simS);

private:
    void onSnapshot(const SnapshotPtr& snap);
    void seek(int tenths);
    void showTime(int tenths);

    SimController* m_controller;
    QSlider* m_slider;
    QLabel* m_label;
    int m_now = 0; // the run's time, in the slider's tenths
};

} // namespace cs::ui
