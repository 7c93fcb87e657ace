#include "SimController.h"

#include "ScenarioIO.h"

#include <QTimer>

#include <algorithm>
#include <cmath>

namespace cs::ui {
namespace {
constexpr int kSliceMs = 16; // one slice per frame: messages animate from fresh positions
}

const char* toString(RunState s) {
    switch (s) {
    case RunState::New:
        return "new";
    case RunState::Running:
        return "running";
    case RunState::Paused:
        return "paused";
    case RunState::Finished:
        return "finished";
    case RunState::Error:
        return "error";
    }
    return "?";
}

SimController::SimController() {
    timer_ = new QTimer(this);
    timer_->setTimerType(Qt::PreciseTimer);
    timer_->setInterval(kSliceMs);
    connect(timer_, &QTimer::timeout, this, &SimController::tick);
}

SimController::~SimController() = default;

void SimController::setState(RunState s) {
    state_ = s;
}

void SimController::load(const core::Scenario& scenario) {
    scenario_ = scenario;
    start(scenario_);
}

// A fresh engine for `run` at t = 0, a new generation.
void SimController::start(const core::Scenario& run) {
    timer_->stop();
    ++generation_;
    rows_.clear();
    util_.clear();
    utilAcc_.clear();
    utilLine_.clear();
    log_.clear();
    keptRows_.clear();
    keptUtil_.clear();
    keptLog_.clear();
    checkpoints_.clear();
    keeping_ = true;
    actionsPublished_ = 0;
    actions_ = std::make_shared<const std::vector<core::Action>>();
    stopAt_ = -1;
    engine_.reset();
    // Expectations are for `check`, not for the run; a lesson whose actions name a node the
    // learner has since removed runs without its actions rather than not at all.
    core::Scenario runnable = run;
    runnable.expect.clear();
    std::string err = core::validateScenario(runnable);
    if (err.rfind("lesson.", 0) == 0) {
        for (core::LessonStep& step : runnable.lesson.steps) step.actions.clear();
        log_.push_back(core::LogEntry{0, {}, "the lesson's actions are skipped: " + err});
        keptLog_ = log_;
        err = core::validateScenario(runnable);
    }
    if (!err.empty()) {
        log_.push_back(core::LogEntry{0, {}, "cannot run: " + err});
        setState(RunState::Error);
        publish();
        return;
    }
    engine_ = std::make_unique<core::Engine>(runnable);
    history_.clear();
    connectSinks();
    takeCheckpoint(); // t = 0: a rewind before the first later one replays from here
    pausePoints_.clear();
    nextPause_ = 0;
    for (const core::LessonStep& step : run.lesson.steps)
        if (step.pause && step.at_s) pausePoints_.push_back(std::llround(*step.at_s * 1e6));
    std::sort(pausePoints_.begin(), pausePoints_.end());
    setState(RunState::New);
    publish();
}

core::SimTime SimController::pauseLimit() const {
    return stopAt_ < 0 && nextPause_ < pausePoints_.size() ? pausePoints_[nextPause_] : INT64_MAX;
}

// Pause points at or before now are behind the run (reached, or passed by running to a time).
void SimController::passPausePoints() {
    while (nextPause_ < pausePoints_.size() && pausePoints_[nextPause_] <= engine_->now())
        ++nextPause_;
}

// Node samples of one tick arrive right after its metrics row, so they are credited to the next
// row; with rows every interval this shifts utilisation by one interval at most, which the chart
// does not resolve.
void SimController::collectUtilization(const core::NodeSample& s) {
    if (std::string_view(s.metric) != "utilization") return;
    auto it = utilLine_.find(s.node);
    if (it == utilLine_.end()) { // a node added since (an instance scaled out, a shard added)
        refreshUtilLines();
        it = utilLine_.find(s.node);
    }
    auto& acc = utilAcc_[it != utilLine_.end() ? it->second : s.node];
    acc.first += s.value;
    acc.second += 1;
}

// A group's instances are one line (their mean); a shard or a replica has a line of its own, so a
// hot one stands out. The engine says which is which.
void SimController::refreshUtilLines() {
    utilLine_.clear();
    for (const core::NodeView& v : engine_->nodes())
        utilLine_[v.name] = v.role == core::NodeRole::Instance ? v.owner : v.name;
}

void SimController::reset() {
    load(scenario_);
}

// Back of the current time a rewind restores the latest checkpoint at or before `simS` and runs on
// from it with the session's actions (SimCheckpoints.cpp); forward it simply runs on.
void SimController::seek(double simS) {
    if (!engine_ || state_ == RunState::Error) return;
    const core::SimTime end = std::llround(scenario_.duration_s * 1e6);
    const core::SimTime t = std::clamp<core::SimTime>(std::llround(simS * 1e6), 0, end);
    if (t >= engine_->now()) {
        if (t > engine_->now()) runUntilSeconds(static_cast<double>(t) / 1e6);
        return;
    }
    rewindTo(t);
}

void SimController::requestHistory() {
    emit historyReady(std::make_shared<const std::vector<std::string>>(history_.fromFirstInvoke()));
}

void SimController::play() {
    if (!engine_ || state_ == RunState::Finished || state_ == RunState::Error) return;
    stopAt_ = -1;
    wall_.start();
    timer_->setInterval(kSliceMs);
    timer_->start();
    setState(RunState::Running);
    publish();
}

void SimController::pause() {
    timer_->stop();
    stopAt_ = -1;
    if (state_ == RunState::Running) setState(RunState::Paused);
    if (engine_) publish();
}

void SimController::step() {
    if (!engine_ || state_ == RunState::Finished || state_ == RunState::Error) return;
    const auto interval = std::llround(scenario_.metrics_interval_ms * 1000.0);
    runUntilSeconds(static_cast<double>((engine_->now() / interval + 1) * interval) / 1e6);
}

void SimController::setSpeed(double speed) {
    speed_ = speed;
}

void SimController::runUntilSeconds(double simS) {
    if (!engine_ || state_ == RunState::Error) return;
    stopAt_ = std::llround(simS * 1e6);
    wall_.start();
    timer_->setInterval(0);
    timer_->start();
    setState(RunState::Running);
}

void SimController::post(const core::Action& action) {
    if (!engine_) return;
    core::Action a = action;
    a.at_us = engine_->now();
    engine_->post(a);
    if (state_ != RunState::Running) { // apply now, so a paused view shows the change
        engine_->runUntil(engine_->now());
        publish();
    }
}

void SimController::tick() {
    if (!engine_) return;
    const core::SimTime end = std::llround(scenario_.duration_s * 1e6);
    if (stopAt_ >= 0) {
        // As fast as possible, in slices of about one frame of wall time.
        QElapsedTimer budget;
        budget.start();
        const core::SimTime goal = std::min(stopAt_, end);
        const core::SimTime chunk =
            std::max<core::SimTime>(1000, std::llround(scenario_.metrics_interval_ms * 1000.0));
        while (engine_->now() < goal && budget.elapsed() < kSliceMs)
            advance(std::min(goal, engine_->now() + chunk));
    } else {
        const double elapsedS = static_cast<double>(wall_.nsecsElapsed()) / 1e9;
        wall_.restart();
        const core::SimTime limit = std::min(end, pauseLimit());
        if (speed_ <= 0) { // as fast as possible: one frame of wall time per slice
            QElapsedTimer budget;
            budget.start();
            while (engine_->now() < limit && budget.elapsed() < kSliceMs)
                advance(std::min<core::SimTime>(limit, engine_->now() + 50'000));
        } else {
            advance(std::min<core::SimTime>(limit, engine_->now() +
                                                       std::llround(elapsedS * speed_ * 1e6)));
        }
        if (engine_->now() >= pauseLimit() && engine_->now() < end) { // a lesson step's pause
            passPausePoints();
            timer_->stop();
            setState(RunState::Paused);
            publish();
            return;
        }
    }
    passPausePoints();
    if (engine_->now() >= end) {
        timer_->stop();
        setState(RunState::Finished);
    } else if (stopAt_ >= 0 && engine_->now() >= stopAt_) {
        timer_->stop();
        stopAt_ = -1;
        setState(RunState::Paused);
    }
    publish();
}

void SimController::publish() {
    auto snap = std::make_shared<Snapshot>();
    snap->generation = generation_;
    snap->duration_s = scenario_.duration_s;
    snap->speed = speed_;
    snap->state = state_;
    snap->newLog.swap(log_);
    if (engine_) {
        snap->simTime = engine_->now();
        snap->newRows.swap(rows_);
        snap->newUtilization.swap(util_);
        snap->nodes = engine_->nodes();
        snap->links = engine_->links();
        snap->messages = engine_->messages(kMaxMessages);
        snap->summary = engine_->summary();
        if (engine_->appliedActions().size() != actionsPublished_) {
            actions_ = std::make_shared<const std::vector<core::Action>>(engine_->appliedActions());
            actionsPublished_ = actions_->size();
        }
    }
    snap->actions = actions_;
    emit snapshotReady(std::move(snap));
}

ControllerThread::ControllerThread() : controller_(new SimController) {
    qRegisterMetaType<SnapshotPtr>();
    qRegisterMetaType<core::Scenario>();
    qRegisterMetaType<core::Action>();
    qRegisterMetaType<std::shared_ptr<const std::vector<std::string>>>();
    qRegisterMetaType<std::shared_ptr<const std::vector<std::string>>>();
    thread_.setObjectName(QStringLiteral("clustersim-engine"));
    controller_->moveToThread(&thread_);
    QObject::connect(&thread_, &QThread::finished, controller_, &QObject::deleteLater);
    thread_.start();
}

ControllerThread::~ControllerThread() {
    thread_.quit();
    thread_.wait();
}

} // namespace cs::ui
