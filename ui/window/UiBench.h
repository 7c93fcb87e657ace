// `clustersim --bench-ui`: frame and chart cost with 200 nodes and about 2,000 animated messages
// while the engine runs at 1x. Prints one line of key=value pairs.
#pragma once

#include "Scenario.h"

#include <QSize>

namespace cs::ui {

core::Scenario uiBenchScenario();
// `present`: in presentation mode (MainWindow's, as a room sees it). `size`: the window's size;
// invalid: 1600x1000, or full screen with `present`.
int runUiBench(double seconds, bool present = false, QSize size = QSize());
// A fixed computation (sorting and summing 2^20 pseudo-random numbers), in ms: printed as
// cpu_ref_ms so that figures from machines of different speeds can be compared.
double cpuReferenceMs();

} // namespace cs::ui
