#include "SimController.h"

#include <QTimer>

#include <algorithm>
#include <cmath>

namespace cs::ui {
namespace {
constexpr int kSliceMs = 33; // about 30 snapshots a second
}

SimController::SimController() {
    timer_ = new QTimer(this);
    timer_->setInterval(kSliceMs);
    connect(timer_, &QTimer::timeout, this, &SimController::tick);
}

SimController::~SimController() = default;

void SimController::setState(RunState s) {
    if (s == state_) return;
    state_ = s;
    emit stateChanged(s);
}

void SimController::load(const core::Scenario& scenario) {
    timer_->stop();
    scenario_ = scenario;
    engine_ = std::make_unique<core::Engine>(scenario);
    rows_.clear();
    log_.clear();
    engine_->setMetricsSink([this](const core::MetricsRow& r) { rows_.push_back(r); });
    engine_->setLogSink([this](const core::LogEntry& e) { log_.push_back(e); });
    stopAt_ = -1;
    setState(RunState::New);
    publish();
}

void SimController::play() {
    if (!engine_ || state_ == RunState::Finished) return;
    stopAt_ = -1;
    wall_.start();
    timer_->start();
    setState(RunState::Running);
}

void SimController::pause() {
    timer_->stop();
    if (state_ == RunState::Running) setState(RunState::Paused);
}

void SimController::setSpeed(double speed) {
    speed_ = speed;
}

void SimController::runUntilSeconds(double simS) {
    if (!engine_) return;
    stopAt_ = std::llround(simS * 1e6);
    wall_.start();
    timer_->start(0);
    setState(RunState::Running);
}

void SimController::post(const core::Action& action) {
    if (!engine_) return;
    core::Action a = action;
    a.at_us = engine_->now();
    engine_->post(a);
    if (state_ != RunState::Running) { // apply at once so a paused view shows the change
        engine_->runUntil(engine_->now());
        publish();
    }
}

void SimController::tick() {
    if (!engine_) return;
    const core::SimTime end = std::llround(scenario_.duration_s * 1e6);
    core::SimTime target;
    if (stopAt_ >= 0) {
        // As fast as possible, in slices of about one frame of wall time.
        QElapsedTimer budget;
        budget.start();
        target = engine_->now();
        while (target < std::min(stopAt_, end) && budget.elapsed() < kSliceMs) {
            target = std::min<core::SimTime>({stopAt_, end, target + 100'000});
            advanceTo(target);
        }
    } else {
        const double elapsedS = static_cast<double>(wall_.restart()) / 1000.0;
        const double speed = speed_ <= 0 ? 1e9 : speed_;
        target =
            std::min<core::SimTime>(end, engine_->now() + std::llround(elapsedS * speed * 1e6));
        advanceTo(target);
    }
    publish();
    if (engine_->now() >= end) {
        timer_->stop();
        setState(RunState::Finished);
    } else if (stopAt_ >= 0 && engine_->now() >= stopAt_) {
        timer_->stop();
        timer_->setInterval(kSliceMs);
        stopAt_ = -1;
        setState(RunState::Paused);
    }
}

void SimController::advanceTo(core::SimTime t) {
    engine_->runUntil(t);
}

void SimController::publish() {
    auto snap = std::make_shared<Snapshot>();
    snap->simTime = engine_->now();
    snap->duration_s = scenario_.duration_s;
    snap->newRows.swap(rows_);
    snap->newLog.swap(log_);
    snap->nodes = engine_->nodes();
    snap->summary = engine_->summary();
    emit snapshotReady(std::move(snap));
}

ControllerThread::ControllerThread() : controller_(new SimController) {
    qRegisterMetaType<SnapshotPtr>();
    qRegisterMetaType<core::Scenario>();
    qRegisterMetaType<core::Action>();
    qRegisterMetaType<RunState>();
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
