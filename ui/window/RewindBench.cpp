#include "RewindBench.h"

#include "ScenarioIO.h"
#include "SimController.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cs::ui {
namespace {

// Resident memory in bytes where the system says (Linux); -1 elsewhere.
double residentBytes() {
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly)) return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toDouble() * 4096.0 : -1;
}

struct Driver {
    SimController controller;
    SnapshotPtr last;
    Driver() {
        QObject::connect(&controller, &SimController::snapshotReady,
                         [this](const SnapshotPtr& s) { last = s; });
    }
    // Until the controller rests at `t` (paused there, or finished at the end).
    void waitAt(core::SimTime t) {
        while (!last || last->simTime != t ||
               (last->state != RunState::Paused && last->state != RunState::Finished))
            QCoreApplication::processEvents(QEventLoop::AllEvents);
    }
    double seekMs(double s) {
        QElapsedTimer clock;
        clock.start();
        controller.seek(s);
        waitAt(std::llround(s * 1e6));
        return static_cast<double>(clock.nsecsElapsed()) / 1e6;
    }
    void runTo(double s) {
        controller.runUntilSeconds(s);
        waitAt(std::llround(s * 1e6));
    }
};

} // namespace

int runRewindBench(const QString& file, double durationS) {
    if (!(durationS > 0)) {
        std::fprintf(stderr, "--bench-duration: expected a positive number of seconds\n");
        return 1;
    }
    QFile f(file.isEmpty() ? QStringLiteral(":/scenarios/default.clustersim.json") : file);
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "%s: cannot open\n", qPrintable(f.fileName()));
        return 2;
    }
    auto loaded = core::loadScenarioText(f.readAll().toStdString(), f.fileName().toStdString());
    if (!loaded.ok) {
        std::fprintf(stderr, "%s\n", loaded.error.c_str());
        return 2;
    }
    core::Scenario s = loaded.scenario;
    s.duration_s = durationS;
    const double mid = durationS / 2;

    // The baseline: what a rewind cost before checkpoints, a straight run from 0 to the middle.
    QElapsedTimer clock;
    clock.start();
    core::Engine straight(s);
    straight.runUntil(std::llround(mid * 1e6));
    const double baselineMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    // Memory per checkpoint: copies of the run at its middle.
    constexpr int kCopies = 8;
    const double rssBefore = residentBytes();
    std::vector<std::unique_ptr<core::Engine>> copies;
    clock.restart();
    for (int i = 0; i < kCopies; ++i) copies.push_back(straight.clone());
    const double cloneMs = static_cast<double>(clock.nsecsElapsed()) / 1e6 / kCopies;
    const double checkpointMb = (residentBytes() - rssBefore) / kCopies / 1e6;
    copies.clear();

    Driver d;
    d.controller.load(s);
    clock.restart();
    d.runTo(durationS);
    const double runMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    const std::size_t checkpoints = d.controller.checkpointTimes().size();
    const double keptMb = static_cast<double>(d.controller.checkpointBytes()) / 1e6;
    const double midMs = d.seekMs(mid);
    // The worst case is just before a checkpoint (a whole spacing to replay): try several, spread
    // over the run, each after running to the end again (a rewind drops the later ones).
    double worstMs = midMs, worstAt = mid;
    constexpr int kTargets = 8;
    for (int k = 0; k < kTargets; ++k) {
        d.runTo(durationS);
        const std::vector<double> times = d.controller.checkpointTimes();
        if (times.size() < 2) break;
        const std::size_t i = 1 + static_cast<std::size_t>(k) * (times.size() - 1) / kTargets;
        const double target = times[i] - 1e-3;
        const double ms = d.seekMs(target);
        if (ms > worstMs) {
            worstMs = ms;
            worstAt = target;
        }
    }
    std::printf("scenario=%s duration_s=%.0f run_ms=%.1f checkpoints=%zu checkpoints_mb=%.1f "
                "checkpoint_mb=%.2f checkpoint_estimate_mb=%.2f clone_ms=%.2f "
                "seek_mid_ms=%.1f seek_worst_ms=%.1f worst_at_s=%.3f baseline_run_to_mid_ms=%.1f "
                "ratio_mid=%.3f ratio_worst=%.3f\n",
                qPrintable(f.fileName()), durationS, runMs, checkpoints, keptMb, checkpointMb,
                static_cast<double>(straight.approxBytes()) / 1e6, cloneMs, midMs, worstMs, worstAt,
                baselineMs, midMs / baselineMs, worstMs / baselineMs);
    return 0;
}

} // namespace cs::ui
