// `clustersim --bench-ui`: frame and chart cost with 200 nodes and about 2,000 animated messages
// while the engine runs at 1x. Prints one line of key=value pairs.
#pragma once

#include "Scenario.h"

namespace cs::ui {

core::Scenario uiBenchScenario();
// `present`: with the presentation look (large fonts, high contrast), as a room sees it. The
// window applies it through MainWindow when that exists; the charts' part is applied here.
int runUiBench(double seconds, bool present = false);
// A fixed computation (sorting and summing 2^20 pseudo-random numbers), in ms: printed as
// cpu_ref_ms so that figures from machines of different speeds can be compared.
double cpuReferenceMs();

} // namespace cs::ui
