// One headless run of a scenario: the code path shared by `clustersim-cli run` and the tests.
#pragma once

#include "Engine.h"
#include "Scenario.h"

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

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
    // Without a metrics file, keep the metrics text in RunResult (tests read it); a sweep or a
    // compare does not need it.
    bool keepMetricsText = true;
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

// Every key of that object flattened with dots ("latency_ms.p99"), in the order its text has
// them: the columns of a sweep and the lines of a compare.
std::vector<std::pair<std::string, double>> flattenSummary(const Summary& s);

// A number as sweep and compare write it: an integer without a point, otherwise the shortest
// text that reads back as the same double.
std::string exactNumber(double v);

} // namespace cs::core
