// Runs the engine on a worker thread, paced to wall clock x speed, and publishes immutable
// snapshots.
#pragma once

#include "Engine.h"
#include "Scenario.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThread>

#include <memory>

class QTimer;

namespace cs::ui {

// What the UI may know of the engine after a slice. Immutable once published.
struct Snapshot {
    core::SimTime simTime = 0;
    double duration_s = 0;
    std::vector<core::MetricsRow> newRows; // metrics rows since the previous snapshot
    std::vector<core::NodeView> nodes;
    std::vector<core::LogEntry> newLog;
    core::Summary summary;
};
using SnapshotPtr = std::shared_ptr<const Snapshot>;

// Run states and their transitions:
//   New --play--> Running <--pause/play--> Paused
//   Running --end of duration--> Finished;  any --load--> New;  load failure --> Error
enum class RunState { New, Running, Paused, Finished, Error };

// Lives on its own thread; every public slot is invoked through queued connections, so UI
// actions become commands applied at the next slice boundary.
class SimController : public QObject {
    Q_OBJECT
public:
    SimController();
    ~SimController() override;

public slots:
    void load(const cs::core::Scenario& scenario);
    void play();
    void pause();
    void setSpeed(double speed);               // 0.1 .. 100; <= 0 means as fast as possible
    void runUntilSeconds(double simS);         // as fast as possible, then pause
    void post(const cs::core::Action& action); // stamped with the current sim time

signals:
    void snapshotReady(cs::ui::SnapshotPtr snapshot);
    void stateChanged(cs::ui::RunState state);

private:
    void tick();
    void advanceTo(core::SimTime t);
    void publish();
    void setState(RunState s);

    std::unique_ptr<core::Engine> engine_;
    core::Scenario scenario_;
    QTimer* timer_ = nullptr;
    QElapsedTimer wall_;
    double speed_ = 1.0;
    core::SimTime stopAt_ = -1;
    RunState state_ = RunState::New;
    std::vector<core::MetricsRow> rows_;
    std::vector<core::LogEntry> log_;
};

// Owns the worker thread the controller lives on.
class ControllerThread {
public:
    ControllerThread();
    ~ControllerThread();
    SimController* controller() const { return controller_; }

private:
    QThread thread_;
    SimController* controller_;
};

} // namespace cs::ui

Q_DECLARE_METATYPE(cs::ui::SnapshotPtr)
Q_DECLARE_METATYPE(cs::core::Scenario)
Q_DECLARE_METATYPE(cs::core::Action)
