// Two runs in lock-step (the A/B compare view): two SimControllers, each on its own
// ControllerThread, loaded with A and B (same seed), played, paused and stepped together and kept
// at the same simulated time. Each round both are sent to one common target with runUntilSeconds;
// the next target is set only once both have reached it, so the one ahead waits for the other.
// While playing, the target follows the wall clock x speed (or runs ahead in chunks at "max").
#pragma once

#include "SimController.h"

#include <QElapsedTimer>
#include <QObject>

class QTimer;

namespace cs::ui {

class LockStep : public QObject {
    Q_OBJECT
public:
    explicit LockStep(QObject* parent = nullptr);
    ~LockStep() override;

    void load(const core::Scenario& a, const core::Scenario& b);
    void play();
    void pause(); // the round under way finishes (both reach its target), no new round starts
    void step();  // one metrics interval
    void reset(); // both from t = 0, paused
    void setSpeed(double speed); // as SimController: <= 0 means as fast as possible
    void runTo(double simS);     // both to simS as fast as possible, then paused

    bool playing() const { return m_playing; }
    bool finished() const;
    // Where both runs are: the common time they last reached together.
    double reachedSeconds() const;
    double duration() const { return m_duration; }
    SimController* controller(int run) const { return m_threads[run].controller(); }
    SnapshotPtr last(int run) const { return m_last[run]; }

signals:
    // A snapshot of run 0 (A) or 1 (B), in order; the UI draws it.
    void snapshot(int run, cs::ui::SnapshotPtr snap);
    void stateChanged(); // playing, paused or finished changed
    void synced();       // both runs stand at the same time (a round ended)

private:
    void onSnapshot(int run, const SnapshotPtr& snap);
    void pace();
    void issue(double target);
    void issueWanted();
    bool busy() const { return m_pending[0] || m_pending[1]; }

    ControllerThread m_threads[2];
    SnapshotPtr m_last[2];
    bool m_pending[2] = {false, false};
    QTimer* m_timer = nullptr;
    QElapsedTimer m_wall;
    double m_target = 0, m_speed = 1, m_duration = 0, m_interval = 0.25;
    double m_wanted = -1; // runTo's target while a round is under way; -1: none
    bool m_playing = false;
};

} // namespace cs::ui
