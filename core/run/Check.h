// `clustersim-cli check` (DESIGN.md sections 9 and 12): run a scenario and evaluate expectations,
// its own or another file's.
#pragma once

#include "Run.h"
#include "Scenario.h"

#include <string>
#include <vector>

namespace cs::core {

struct CheckReport {
    enum class Status { Passed, Failed, Invalid, RunFailed } status = Status::Invalid;
    std::string error; // Invalid: "FILE: expect[2].metric: ..."; RunFailed: the run's error
    std::vector<std::string> lines; // "PASS <name>: measured <x> (<op> <value>)", then the totals
    int passed = 0, failed = 0;
};

// Reads the `expect` list of `path` (a scenario file, or any JSON object with an `expect` list)
// and validates it against `target`. On failure `error` is "PATH: expect[1].op: ...".
bool loadExpectations(const std::string& path, const Scenario& target,
                      std::vector<Expectation>& out, std::string& error);

// Validates `expect` against `s` with the run's duration (options may shorten it), runs once and
// evaluates each expectation. `fileName` prefixes validation errors.
CheckReport checkScenario(const Scenario& s, const std::vector<Expectation>& expect,
                          const std::string& fileName, const RunOptions& options);

} // namespace cs::core
