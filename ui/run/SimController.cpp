#include "SimController.h"

#include "ScenarioIO.h"
#include "ScenarioLesson.h"

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

// A fresh engine for `run` (the scenario, or on a rewind the scenario with the session's actions
// up to then as its timeline).
void SimController::start(const core::Scenario& run) {
    timer_->stop();
    ++generation_;
    rows_.clear();
    util_.clear();
    utilAcc_.clear();
    utilLine_.clear();
    log_.clear();
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
        err = core::validateScenario(runnable);
    }
    if (!err.empty()) {
        log_.push_back(core::LogEntry{0, {}, "cannot run: " + err});
        setState(RunState::Error);
        publish();
        return;
    }
    engine_ = std::make_unique<core::Engine>(runnable);
    engine_->setMetricsSink([this](const core::MetricsRow& r) {
        rows_.push_back(r);
        std::map<std::string, double> u;
        for (const auto& [owner, acc] : utilAcc_) u[owner] = acc.first / acc.second;
        util_.push_back(std::move(u));
        utilAcc_.clear();
    });
    engine_->setNodeSink([this](const core::NodeSample& s) { collectUtilization(s); });
    engine_->setLogSink([this](const core::LogEntry& e) { log_.push_back(e); });
    history_.clear();
    engine_->setHistorySink([this](const std::string& line) {
        history_.push_back(line);
        if (history_.size() > kHistoryLines) history_.pop_front();
    });
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

// Determinism makes a rewind a replay: a new engine from t = 0 whose timeline is every action
// applied up to `simS` (the file's and the live ones, in the order they took effect) and the
// file's own actions after it; live actions after `simS` are dropped, so what the user does next
// is a branch. Forward of the current time it simply runs on.
void SimController::seek(double simS) {
    if (!engine_ || state_ == RunState::Error) return;
    const core::SimTime end = std::llround(scenario_.duration_s * 1e6);
    const core::SimTime t = std::clamp<core::SimTime>(std::llround(simS * 1e6), 0, end);
    if (t >= engine_->now()) {
        if (t > engine_->now()) runUntilSeconds(static_cast<double>(t) / 1e6);
        return;
    }
    core::Scenario run = scenario_;
    std::vector<core::Action> before;
    for (const core::Action& a : engine_->appliedActions())
        if (a.at_us <= t) before.push_back(a);
    run.timeline = core::sessionTimeline(scenario_, before); // the lesson adds its own again
    for (const core::Action& a : scenario_.timeline)
        if (a.at_us > t) run.timeline.push_back(a);
    start(run);
    if (t > 0) runUntilSeconds(static_cast<double>(t) / 1e6);
}

void SimController::requestHistory() {
    // Start at an invocation so the window does not open with completions of unseen operations.
    auto first = history_.begin();
    while (first != history_.end() && first->find(":type :invoke") == std::string::npos) ++first;
    emit historyReady(std::make_shared<const std::vector<std::string>>(first, history_.end()));
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
            engine_->runUntil(std::min(goal, engine_->now() + chunk));
    } else {
        const double elapsedS = static_cast<double>(wall_.nsecsElapsed()) / 1e9;
        wall_.restart();
        const core::SimTime limit = std::min(end, pauseLimit());
        if (speed_ <= 0) { // as fast as possible: one frame of wall time per slice
            QElapsedTimer budget;
            budget.start();
            while (engine_->now() < limit && budget.elapsed() < kSliceMs)
                engine_->runUntil(std::min<core::SimTime>(limit, engine_->now() + 50'000));
        } else {
            engine_->runUntil(std::min<core::SimTime>(
                limit, engine_->now() + std::llround(elapsedS * speed_ * 1e6)));
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
