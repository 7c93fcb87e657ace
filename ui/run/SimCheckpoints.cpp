// SimController's rewind: checkpoints of the engine taken while it runs, and the restore of one.
#include "SimController.h"

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace cs::ui {
namespace {
// The checkpoints' memory (Engine::approxBytes; 0.4 to 4 MB each for the built-in examples) stays
// under this: past it every other one goes and the spacing doubles.
constexpr std::size_t kCheckpointBudgetBytes = std::size_t{128} << 20;
// Rows kept for republishing (about 7 hours at 250 ms): past it only the checkpoint at t = 0
// stays, and a rewind replays from the start as it did before checkpoints.
constexpr std::size_t kMaxKeptRows = 100'000;
// A replay of up to this much engine work runs in one go (one snapshot, at the target); a longer
// one (checkpoints thinned out) in slices, so the window shows it going.
constexpr std::int64_t kOneGoNs = 100'000'000;
} // namespace

void SimController::connectSinks() {
    engine_->setMetricsSink([this](const core::MetricsRow& r) {
        rows_.push_back(r);
        std::map<std::string, double> u;
        for (const auto& [owner, acc] : utilAcc_) u[owner] = acc.first / acc.second;
        if (keeping_) {
            keptRows_.push_back(r);
            keptUtil_.push_back(u);
        }
        util_.push_back(std::move(u));
        utilAcc_.clear();
    });
    engine_->setNodeSink([this](const core::NodeSample& s) { collectUtilization(s); });
    engine_->setLogSink([this](const core::LogEntry& e) {
        log_.push_back(e);
        if (keeping_) keptLog_.push_back(e);
    });
    engine_->setHistorySink([this](const std::string& line) { history_.push(line); });
}

void SimController::advance(core::SimTime to) {
    QElapsedTimer work;
    work.start();
    engine_->runUntil(to);
    workNs_ += work.nsecsElapsed();
    if (workNs_ >= checkpointEveryNs_ && keeping_) takeCheckpoint();
}

void SimController::takeCheckpoint() {
    if (checkpoints_.empty()) checkpointEveryNs_ = checkpointWorkNs_;
    workNs_ = 0;
    if (keeping_ && keptRows_.size() > kMaxKeptRows) { // too long a run to keep: replay from 0
        keeping_ = false;
        checkpoints_.resize(1);
        std::vector<core::MetricsRow>().swap(keptRows_);
        std::vector<std::map<std::string, double>>().swap(keptUtil_);
        std::vector<core::LogEntry>().swap(keptLog_);
        return;
    }
    if (!checkpoints_.empty() && checkpoints_.back().at >= engine_->now()) return;
    Checkpoint cp;
    cp.engine = engine_->clone();
    cp.bytes = cp.engine->approxBytes();
    cp.at = engine_->now();
    cp.actions = engine_->appliedActions().size();
    cp.rows = keptRows_.size();
    cp.log = keptLog_.size();
    cp.utilAcc = utilAcc_;
    history_.seal();
    cp.history = history_;
    checkpoints_.push_back(std::move(cp));
    while (checkpointBytes() > kCheckpointBudgetBytes && checkpoints_.size() > 2) {
        std::size_t kept = 1; // the first, and every other one after it
        for (std::size_t i = 2; i < checkpoints_.size(); i += 2)
            checkpoints_[kept++] = std::move(checkpoints_[i]);
        checkpoints_.resize(kept);
        checkpointEveryNs_ = std::max<std::int64_t>(2 * checkpointEveryNs_, 1'000'000);
    }
}

std::size_t SimController::checkpointBytes() const {
    std::size_t n = 0;
    for (const Checkpoint& cp : checkpoints_) n += cp.bytes;
    return n;
}

// Determinism makes a rewind a replay: the latest checkpoint at or before `t` (those after it are
// of a future the user leaves) runs on with the actions applied since it up to `t`, in the order
// they took effect (the file's, the lesson's and the live ones), and then what was still ahead of
// it after `t` (the file's and the lesson's own); live actions after `t` are dropped, so what the
// user does next is a branch. The run is the same up to the checkpoint, so its rows, utilisation,
// log and history are published again as they were, in a new generation.
void SimController::rewindTo(core::SimTime t) {
    timer_->stop();
    stopAt_ = -1;
    while (checkpoints_.size() > 1 && checkpoints_.back().at > t) checkpoints_.pop_back();
    const Checkpoint& cp = checkpoints_.back();
    std::vector<core::Action> actions;
    const auto& applied = engine_->appliedActions();
    for (std::size_t i = cp.actions; i < applied.size(); ++i)
        if (applied[i].at_us <= t) actions.push_back(applied[i]);
    for (const core::Action& a : cp.engine->pendingActions())
        if (a.at_us > t) actions.push_back(a);
    engine_ = cp.engine->clone();
    engine_->setPendingActions(actions);
    connectSinks();
    ++generation_;
    keptRows_.resize(cp.rows);
    keptUtil_.resize(cp.rows);
    keptLog_.resize(cp.log);
    rows_ = keptRows_;
    util_ = keptUtil_;
    log_ = keptLog_;
    utilAcc_ = cp.utilAcc;
    utilLine_.clear();
    history_ = cp.history;
    actionsPublished_ = 0;
    actions_ = std::make_shared<const std::vector<core::Action>>();
    nextPause_ = 0;
    workNs_ = 0;
    if (t > cp.at && checkpointEveryNs_ > kOneGoNs) {
        runUntilSeconds(static_cast<double>(t) / 1e6);
    } else {
        advance(t); // with t == cp.at: applies the live actions stamped at the checkpoint's time
        passPausePoints();
        setState(t == 0 ? RunState::New : RunState::Paused);
    }
    publish();
}

void SimController::setCheckpointWorkMs(double ms) {
    checkpointWorkNs_ = std::max<std::int64_t>(0, std::llround(ms * 1e6));
    checkpointEveryNs_ = checkpointWorkNs_;
}

std::vector<double> SimController::checkpointTimes() const {
    std::vector<double> times;
    for (const Checkpoint& cp : checkpoints_) times.push_back(static_cast<double>(cp.at) / 1e6);
    return times;
}

} // namespace cs::ui
