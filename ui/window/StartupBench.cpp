// Start-up benchmark. The parent times each launch from QProcess::start until the child says it
// has painted its window, so dynamic loading, Qt's start-up, building the window and opening the
// built-in scenario all count. `--version` (the same binary and libraries, no window) runs as a
// baseline in the same command.
#include "StartupBench.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTimer>
#include <QWidget>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace cs::ui {
namespace {

class FirstPaint : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject* watched, QEvent* e) override {
        if (e->type() == QEvent::Paint && !m_done) {
            m_done = true;
            // After this paint event has been handled: the window's pixels exist.
            QTimer::singleShot(0, qApp, [] {
                std::fputs("painted\n", stdout);
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        }
        return QObject::eventFilter(watched, e);
    }

private:
    bool m_done = false;
};

// Milliseconds from start to `marker` on the child's stdout (or to its exit when marker is
// empty); negative when the child failed.
double timeLaunch(const QString& program, const QStringList& args, const QByteArray& marker) {
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    child.setProcessEnvironment(env);
    QElapsedTimer t;
    t.start();
    child.start(program, args);
    if (!child.waitForStarted(30000)) return -1;
    QByteArray out;
    double ms = -1;
    while (child.state() != QProcess::NotRunning || child.bytesAvailable() > 0) {
        child.waitForReadyRead(100);
        out += child.readAllStandardOutput();
        if (!marker.isEmpty() && out.contains(marker)) {
            ms = static_cast<double>(t.nsecsElapsed()) / 1e6;
            break;
        }
        if (t.elapsed() > 60000) break;
    }
    child.waitForFinished(30000);
    if (marker.isEmpty() && child.exitCode() == 0 && child.exitStatus() == QProcess::NormalExit)
        ms = static_cast<double>(t.nsecsElapsed()) / 1e6;
    if (ms < 0) // the child's own words on why it failed
        std::fputs(child.readAllStandardError().constData(), stderr);
    return ms;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

void armStartupProbe(QWidget* window) {
    window->installEventFilter(new FirstPaint(window));
}

int runStartupBench(const QString& program, int runs) {
    std::vector<double> startup, baseline;
    for (int i = 0; i < runs; ++i) {
        const double b = timeLaunch(program, {QStringLiteral("--version")}, {});
        const double s = timeLaunch(program, {QStringLiteral("--startup-probe")}, "painted");
        if (b < 0 || s < 0) {
            std::fprintf(stderr, "--bench-startup: run %d of %s failed\n", i + 1,
                         qPrintable(program));
            return 1;
        }
        baseline.push_back(b);
        startup.push_back(s);
    }
    const double med = median(startup);
    std::printf("runs=%d startup_median_ms=%.1f startup_min_ms=%.1f startup_max_ms=%.1f "
                "baseline_median_ms=%.1f ratio=%.2f\n",
                runs, med, *std::min_element(startup.begin(), startup.end()),
                *std::max_element(startup.begin(), startup.end()), median(baseline),
                med / std::max(1e-9, median(baseline)));
    return 0;
}

} // namespace cs::ui
