// `clustersim-cli compare A B`: two scenarios of one topology run with the same seed, and the
// summary keys on which they differ (DESIGN.md section 9).
#pragma once

#include "Scenario.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cs::core {

struct CompareOptions {
    std::optional<double> duration_s;  // both files' own when unset
    std::optional<std::uint64_t> seed; // A's seed for both when unset
};

struct CompareRow {
    std::string key, a, b; // values as exactNumber writes them
    bool differs = false;  // never for wall_seconds
};

struct CompareResult {
    std::vector<CompareRow> rows; // every summary key, in the summary JSON's order
    int differences = 0;
};

// "" when A and B have the same nodes (ids and kinds), else the first difference, naming both
// files: "A: node \"x\" is a cache, B: a service_group".
std::string topologyDifference(const Scenario& a, const std::string& nameA, const Scenario& b,
                               const std::string& nameB);

// Runs both (at once, on two threads) with the same seed.
CompareResult compareScenarios(const Scenario& a, const Scenario& b, const CompareOptions& options);

// Standard output: one "key A B" line per key that differs, then "differences=N".
std::string compareReport(const CompareResult& r);
// --out: "key,A,B", then every key.
std::string compareCsv(const CompareResult& r);

} // namespace cs::core
