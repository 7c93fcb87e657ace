// `clustersim --bench-startup`: time from launching the app to its first painted window.
#pragma once

class QString;
class QWidget;

namespace cs::ui {

// In the launched child (--startup-probe): on the window's first paint, prints "painted" on
// stdout and quits the application.
void armStartupProbe(QWidget* window);
// In the parent: launches `program --startup-probe` `runs` times (offscreen unless
// QT_QPA_PLATFORM is set), and as a baseline `program --version` as often; prints one line
// `runs=N startup_median_ms=... startup_min_ms=... startup_max_ms=... baseline_median_ms=...`.
// Returns 0, or 1 when a child failed.
int runStartupBench(const QString& program, int runs);

} // namespace cs::ui
