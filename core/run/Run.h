// One headless run of a scenario: the code path shared by `clustersim-cli run` and the tests.
#pragma once

#include "Engine.h"
#include "Scenario.h"

#include <functional>
#include <optional>
#include <string>

namespace cs::core {

struct RunOptions {
    std::optional<double> duration_s;
    std::optional<std::uint64_t> seed;
    std::string metricsCsv, nodesCsv, summaryJson, historyOut; // empty: not written
    // Called now and then with simulated and total seconds; may be empty.
    std::function<void(double simS, double totalS)> progress;
    // Each metrics row and per-node sample as it is produced (for `check`); may be empty.
    std::function<void(const MetricsRow&)> onMetricsRow;
    std::function<void(const NodeSample&)> onNodeSample;
};

struct RunResult {
    bool ok = false;
    std::string error;
    Summary summary;
    std::string metricsCsvText; // kept only when no metrics file is requested, for tests
};

RunResult runScenario(const Scenario& scenario, const RunOptions& options);

// The summary as the nested JSON object of DESIGN.md section 9 (compact text).
std::string summaryToJson(const Summary& s);

} // namespace cs::core
