#include "LockStep.h"

#include <QTimer>

#include <algorithm>
#include <cmath>

namespace cs::ui {
namespace {
constexpr int kPaceMs = 30;
constexpr double kMaxChunkS = 2.0; // at "max" speed: simulated seconds per round
} // namespace

LockStep::LockStep(QObject* parent) : QObject(parent) {
    m_timer = new QTimer(this);
    m_timer->setInterval(kPaceMs);
    connect(m_timer, &QTimer::timeout, this, &LockStep::pace);
    for (int run = 0; run < 2; ++run)
        connect(controller(run), &SimController::snapshotReady, this,
                [this, run](const SnapshotPtr& s) { onSnapshot(run, s); });
}

LockStep::~LockStep() = default;

void LockStep::load(const core::Scenario& a, const core::Scenario& b) {
    m_playing = false;
    m_timer->stop();
    m_target = 0;
    m_wanted = -1;
    m_duration = std::min(a.duration_s, b.duration_s);
    m_interval = std::max(0.001, a.metrics_interval_ms / 1000.0);
    m_pending[0] = m_pending[1] = true; // until each publishes its new run
    QMetaObject::invokeMethod(controller(0), [c = controller(0), a] { c->load(a); });
    QMetaObject::invokeMethod(controller(1), [c = controller(1), b] { c->load(b); });
    emit stateChanged();
}

void LockStep::play() {
    if (m_playing || finished()) return;
    m_playing = true;
    m_wall.start();
    m_timer->start();
    emit stateChanged();
    pace();
}

void LockStep::pause() {
    if (!m_playing) return;
    m_playing = false;
    m_timer->stop();
    emit stateChanged();
}

void LockStep::step() {
    pause();
    if (finished()) return;
    const double from = m_wanted >= 0 ? m_wanted : m_target;
    runTo(std::min(m_duration, (std::floor(from / m_interval + 1e-9) + 1) * m_interval));
}

// Sent at once, or when the round under way (or the load) is over.
void LockStep::runTo(double simS) {
    pause();
    m_wanted = std::clamp(simS, 0.0, m_duration);
    if (!busy()) issueWanted();
}

void LockStep::issueWanted() {
    const double target = std::max(m_wanted, m_target);
    m_wanted = -1;
    issue(target);
}

void LockStep::reset() {
    pause();
    m_target = 0;
    m_wanted = -1;
    m_pending[0] = m_pending[1] = true;
    for (int run = 0; run < 2; ++run)
        QMetaObject::invokeMethod(controller(run), &SimController::reset);
    emit stateChanged();
}

void LockStep::setSpeed(double speed) {
    m_speed = speed;
    for (int run = 0; run < 2; ++run)
        QMetaObject::invokeMethod(controller(run),
                                  [c = controller(run), speed] { c->setSpeed(speed); });
}

bool LockStep::finished() const {
    return m_last[0] && m_last[1] && m_last[0]->state == RunState::Finished &&
           m_last[1]->state == RunState::Finished;
}

double LockStep::reachedSeconds() const {
    if (!m_last[0] || !m_last[1]) return 0;
    return static_cast<double>(std::min(m_last[0]->simTime, m_last[1]->simTime)) / 1e6;
}

// A new round once both have reached the last target: the target moves on by the wall time
// since the previous round x speed (at most a quarter of a second of it: a slow round does not
// make the next one leap).
void LockStep::pace() {
    if (!m_playing || busy()) return;
    if (finished() || m_target >= m_duration - 1e-9) {
        pause();
        return;
    }
    const double wallS = std::min(0.25, static_cast<double>(m_wall.nsecsElapsed()) / 1e9);
    m_wall.restart();
    const double advance = m_speed > 0 ? wallS * m_speed : kMaxChunkS;
    issue(std::min(m_duration, m_target + std::max(advance, 1e-6)));
}

void LockStep::issue(double target) {
    m_target = target;
    m_pending[0] = m_pending[1] = true;
    for (int run = 0; run < 2; ++run)
        QMetaObject::invokeMethod(controller(run),
                                  [c = controller(run), target] { c->runUntilSeconds(target); });
}

// A run is done with its round when it stops running (paused at the target, finished, or refused
// the scenario).
void LockStep::onSnapshot(int run, const SnapshotPtr& snap) {
    m_last[run] = snap;
    const bool wasBusy = busy();
    if (snap->state != RunState::Running) m_pending[run] = false;
    emit snapshot(run, snap);
    if (wasBusy && !busy()) {
        emit synced();
        if (m_wanted >= 0) return issueWanted();
        const bool error =
            m_last[0]->state == RunState::Error || m_last[1]->state == RunState::Error;
        if (finished() || error) {
            if (m_playing) pause();
            emit stateChanged();
        } else if (m_playing && m_speed <= 0) {
            pace(); // as fast as possible: no idle wait between rounds
        }
    }
}

} // namespace cs::ui
