// `clustersim --bench-ui`: frame and chart cost with 200 nodes and about 2,000 animated messages
// while the engine runs at 1x. Prints one line of key=value pairs.
#pragma once

#include "Scenario.h"

namespace cs::ui {

core::Scenario uiBenchScenario();
int runUiBench(double seconds);

} // namespace cs::ui
