#include "UiBench.h"

#include "ChartsPanel.h"
#include "MainWindow.h"
#include "Presentation.h"
#include "TopologyScene.h"
#include "TopologyView.h"
#include "WindowLayout.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace cs::ui {
namespace {
double percentile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))];
}
} // namespace

double cpuReferenceMs() {
    double best = 1e9;
    for (int round = 0; round < 3; ++round) { // the best of three: the least disturbed
        QElapsedTimer t;
        t.start();
        std::vector<double> v(1u << 20);
        std::uint64_t x = 88172645463325252ull;
        for (double& d : v) { // xorshift64: the same numbers on every machine
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            d = static_cast<double>(x >> 11) / 9007199254740992.0;
        }
        std::sort(v.begin(), v.end());
        double sum = 0;
        for (double d : v) sum += std::sqrt(d);
        const double ms = static_cast<double>(t.nsecsElapsed()) / 1e6;
        if (sum > 0) best = std::min(best, ms);
    }
    return best;
}

// 10 x (client -> load balancer -> 17 instances -> datastore) = 200 physical nodes. The long
// client links keep about 2,000 messages on the wire at 1x.
core::Scenario uiBenchScenario() {
    core::Scenario s;
    s.name = "UI benchmark: 200 nodes";
    s.duration_s = 3600;
    s.metrics_interval_ms = 250;
    for (int c = 0; c < 10; ++c) {
        const std::string k = std::to_string(c);
        const double y = 120.0 + 260.0 * c;
        core::NodeSpec client, lb, group, db;
        client.id = "users" + k;
        client.kind = core::NodeKind::Client;
        client.target = "lb" + k;
        client.rate_rps = 330;
        client.timeout_ms = 3000;
        client.x = 100;
        client.y = y;
        lb.id = "lb" + k;
        lb.kind = core::NodeKind::LoadBalancer;
        lb.group = "api" + k;
        lb.x = 400;
        lb.y = y;
        group.id = "api" + k;
        group.kind = core::NodeKind::ServiceGroup;
        group.instances = 17;
        group.cores = 2;
        group.datastore = "db" + k;
        group.x = 800;
        group.y = y;
        db.id = "db" + k;
        db.kind = core::NodeKind::Datastore;
        db.cores = 8;
        db.service.mean_ms = 1;
        db.x = 1200;
        db.y = y;
        for (auto* n : {&client, &lb, &group, &db}) s.nodes.push_back(*n);
        s.links.push_back({client.id, lb.id, 300, 400, 0});
        s.links.push_back({lb.id, group.id, 1, 2, 0});
        s.links.push_back({group.id, db.id, 1, 2, 0});
    }
    return s;
}

int runUiBench(double seconds, bool present, QSize size) {
    const double cpuRef = cpuReferenceMs();
    MainWindow w(false);
    w.resize(size.isValid() ? size : QSize(1600, 1000));
    w.layoutKeeper()->applyDefault();
    w.openScenarioValue(uiBenchScenario(), {});
    w.show();
    if (present) w.presentation()->enter(!size.isValid()); // full screen unless a size is given
    // Fill the charts' 10-minute window first, as fast as possible, then run at 1x.
    w.charts()->setWindowSeconds(600);
    QMetaObject::invokeMethod(w.controller(), [c = w.controller()] { c->runUntilSeconds(600); });
    QElapsedTimer wait;
    wait.start();
    while ((!w.lastSnapshot() || w.lastSnapshot()->simTime < 600'000'000) &&
           wait.elapsed() < 120'000)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    w.charts()->setTimedRefresh(false); // paced below instead, and timed
    w.charts()->refresh();              // warm-up: the axes and legends the fill left to lay out
    w.charts()->repaintNow(0, w.charts()->chartCount());
    w.play();
    QApplication::processEvents();

    std::vector<double> scene, chart, chartFrame, intervals;
    std::size_t messages = 0;
    int ticks = 0;
    double partCost = 0;
    QElapsedTimer total, since;
    total.start();
    since.start();
    QTimer frame;
    frame.setTimerType(Qt::PreciseTimer);
    frame.setInterval(16);
    QObject::connect(&frame, &QTimer::timeout, [&] {
        intervals.push_back(static_cast<double>(since.nsecsElapsed()) / 1e6);
        since.restart();
        QElapsedTimer t;
        t.start();
        w.view()->viewport()->repaint();
        scene.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
        messages = std::max(messages, w.scene()->messageCount());
        // As the app does it (one chart at a time, each 4 times a second), a little more
        // often: one chart every other frame, each chart 5 times a second with six charts.
        if (++ticks % 2 == 0) {
            const int c = (ticks / 2) % w.charts()->chartCount();
            t.restart();
            w.charts()->refreshCharts(c, c + 1);
            w.charts()->repaintNow(c, c + 1);
            const double cost = static_cast<double>(t.nsecsElapsed()) / 1e6;
            chartFrame.push_back(cost);
            partCost += cost;
            if (c == w.charts()->chartCount() - 1) { // all the charts refreshed: their total
                chart.push_back(partCost);
                partCost = 0;
            }
        }
        if (total.elapsed() > seconds * 1000) QApplication::quit();
    });
    frame.start();
    QApplication::exec();
    intervals.erase(intervals.begin()); // the first interval includes start-up
    std::printf(
        "nodes=%zu messages=%zu scene_p50_ms=%.2f scene_p99_ms=%.2f chart_p50_ms=%.2f "
        "chart_p99_ms=%.2f chart_frame_p50_ms=%.2f chart_frame_p99_ms=%.2f "
        "fps=%.1f max_interval_ms=%.1f cpu_ref_ms=%.1f present=%d window=%dx%d view=%dx%d\n",
        w.lastSnapshot() ? w.lastSnapshot()->nodes.size() : 0, messages, percentile(scene, 0.5),
        percentile(scene, 0.99), percentile(chart, 0.5), percentile(chart, 0.99),
        percentile(chartFrame, 0.5), percentile(chartFrame, 0.99),
        static_cast<double>(ticks) / (static_cast<double>(total.elapsed()) / 1000.0),
        intervals.empty() ? 0.0 : *std::max_element(intervals.begin(), intervals.end()), cpuRef,
        present ? 1 : 0, w.width(), w.height(), w.view()->viewport()->width(),
        w.view()->viewport()->height());
    return 0;
}

} // namespace cs::ui
