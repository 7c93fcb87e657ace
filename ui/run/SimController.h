// Runs the engine on a worker thread, paced to wall clock x speed, and publishes immutable
// snapshots.
#pragma once

#include "Engine.h"
#include "HistoryWindow.h"
#include "Scenario.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThread>

#include <deque>
#include <map>
#include <memory>
#include <unordered_map>

class QTimer;

namespace cs::ui {

// Run states. Transitions (anything else is ignored):
//   New      --play-->            Running      New/Paused --step--> Running --(one interval)-->
//   Paused Running  --pause-->           Paused       Paused --play--> Running Running  --end of
//   duration--> Finished     any --load/reset--> New load of a scenario the engine refuses -->
//   Error (until the next load)
enum class RunState { New, Running, Paused, Finished, Error };
const char* toString(RunState s);

// What the UI may know of the engine after a slice. Immutable once published; shared, not copied.
struct Snapshot {
    std::uint64_t generation = 0; // bumped by every load/reset: stale snapshots are recognised
    core::SimTime simTime = 0;
    double duration_s = 0;
    double speed = 1;
    RunState state = RunState::New;
    std::vector<core::MetricsRow> newRows;                     // rows since the previous snapshot
    std::vector<std::map<std::string, double>> newUtilization; // per row: owner -> mean utilisation
    std::vector<core::NodeView> nodes;
    std::vector<core::LinkView> links;
    std::vector<core::MessageView> messages; // a sample for animation (at most kMaxMessages)
    std::vector<core::LogEntry> newLog;
    std::shared_ptr<const std::vector<core::Action>> actions; // applied so far (the live session)
    core::Summary summary;
};
using SnapshotPtr = std::shared_ptr<const Snapshot>;

// Lives on its own thread; its slots are invoked through queued calls, so UI actions become
// commands applied at the next slice boundary and recorded with their sim time.
class SimController : public QObject {
    Q_OBJECT
public:
    static constexpr std::size_t kMaxMessages = 4000;
    SimController();
    ~SimController() override;

public slots:
    void load(const cs::core::Scenario& scenario);
    void reset(); // the same scenario again from t = 0
    void play();
    void pause();
    void step();                               // one metrics interval, then pause
    void setSpeed(double speed);               // 0.1 .. 100; <= 0 means as fast as possible
    void runUntilSeconds(double simS);         // as fast as possible, then pause
    void post(const cs::core::Action& action); // stamped with the current sim time
    // Back in time: replays the session to `simS` (a new generation) and pauses there; live
    // actions after it are dropped. Forward: runs on to `simS`.
    void seek(double simS);
    void requestHistory(); // answers with historyReady

public:
    // The simulated times of the rewind checkpoints kept now (for the benchmark; call on the
    // controller's thread).
    std::vector<double> checkpointTimes() const;
    std::size_t checkpointBytes() const; // their Engine::approxBytes
    // Engine work between checkpoints (tests: 0, one after every slice of a run).
    void setCheckpointWorkMs(double ms);

signals:
    void snapshotReady(cs::ui::SnapshotPtr snapshot);
    // The most recent operations on replicated stores, as EDN-like lines (oldest first).
    void historyReady(std::shared_ptr<const std::vector<std::string>> lines);

private:
    void start(const core::Scenario& run);
    void connectSinks();
    void tick();
    void advance(core::SimTime to); // the engine to `to`, then a checkpoint if one is due
    void takeCheckpoint();
    void rewindTo(core::SimTime t);
    void publish();
    void setState(RunState s);
    void collectUtilization(const core::NodeSample& s);
    void refreshUtilLines();

    std::unique_ptr<core::Engine> engine_;
    core::Scenario scenario_;
    std::uint64_t generation_ = 0;
    QTimer* timer_ = nullptr;
    QElapsedTimer wall_;
    double speed_ = 1.0;
    core::SimTime stopAt_ = -1;
    RunState state_ = RunState::New;
    std::vector<core::MetricsRow> rows_;
    std::vector<std::map<std::string, double>> util_;
    std::map<std::string, std::pair<double, int>> utilAcc_; // owner -> (sum, count) for this row
    std::unordered_map<std::string, std::string> utilLine_; // node name -> its utilisation line
    std::vector<core::LogEntry> log_;
    static constexpr std::size_t kHistoryLines = 40'000;
    HistoryWindow history_{kHistoryLines}; // bounded: the live history view shows a recent window
    // Rewind (SimCheckpoints.cpp): copies of the engine taken every checkpointWorkNs_ of engine
    // work (so a replay from one costs about that much, whatever the scenario), the first at
    // t = 0; and every row, utilisation and log entry of this generation, which a rewind
    // publishes again up to its checkpoint instead of recomputing them.
    struct Checkpoint {
        std::unique_ptr<const core::Engine> engine; // paused at its time, without sinks
        core::SimTime at = 0;
        std::size_t actions = 0, rows = 0, log = 0; // applied actions, kept rows and log then
        std::size_t bytes = 0;                      // the engine copy's approxBytes
        std::map<std::string, std::pair<double, int>> utilAcc;
        HistoryWindow history{kHistoryLines};
    };
    std::vector<Checkpoint> checkpoints_; // in time order
    std::vector<core::MetricsRow> keptRows_;
    std::vector<std::map<std::string, double>> keptUtil_;
    std::vector<core::LogEntry> keptLog_;
    bool keeping_ = true; // false past kMaxKeptRows: checkpoint 0 only (a rewind replays all)
    // Engine work between checkpoints: a rewind replays at most about this much (plus a copy),
    // whatever the scenario costs per simulated second; the budget is 300 ms on a slow machine.
    std::int64_t checkpointWorkNs_ = 40'000'000;
    std::int64_t workNs_ = 0, checkpointEveryNs_ = 0; // since the last one; spacing (doubles)
    // The lesson's steps with `pause` (DESIGN.md section 12): playing stops exactly there, once
    // per run; running to a time (step, screenshots) passes over them.
    std::vector<core::SimTime> pausePoints_;
    std::size_t nextPause_ = 0;
    core::SimTime pauseLimit() const;
    void passPausePoints();
    std::size_t actionsPublished_ = 0;
    std::shared_ptr<const std::vector<core::Action>> actions_;
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
