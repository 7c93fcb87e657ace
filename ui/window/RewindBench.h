// `clustersim --bench-rewind [FILE]`: the rewind latency of the timeline slider, against a straight
// re-run from the start in the same command. Prints one line of key=value pairs.
#pragma once

#include <QString>

namespace cs::ui {

// Runs FILE (default: the built-in scenario) for `durationS` simulated seconds through the
// controller, then seeks back to the middle and to the times just before several checkpoints.
int runRewindBench(const QString& file, double durationS);

} // namespace cs::ui
