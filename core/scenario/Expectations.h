// A scenario's `expect` list (DESIGN.md section 12): reading, writing, validating, and the pure
// arithmetic of evaluating one expectation (a window's aggregate, the comparison).
#pragma once

#include "JsonFields.h"
#include "Scenario.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cs::core {

// Reads the list at `path` ("expect"). Throws LoadError naming `expect[2].op` and the like.
std::vector<Expectation> readExpectations(const QJsonValue& list, const std::string& path,
                                          std::vector<std::string>& warnings);
// The list as JSON text, one expectation per line (indented for the file's top level).
std::string expectationsToJson(const std::vector<Expectation>& list);
std::string expectationToJson(const Expectation& e);

// What each metric names exists in `s`, each window lies in [0, duration_s]. Returns "" or
// "expect[2].metric: unknown metric \"latency_p99\" (...)". `path` is the list's path.
std::string validateExpectations(const Scenario& s, const std::vector<Expectation>& list,
                                 double duration_s, const std::string& path);

// The parts of a `node:ID:METRIC` name; nullopt when `metric` has another form.
std::optional<std::pair<std::string, std::string>> nodeMetric(const std::string& metric);

// `agg` over the samples (t_s, value) with t0 <= t_s <= t1; nullopt when none lies there.
std::optional<double> aggregate(const std::vector<std::pair<double, double>>& samples, double t0,
                                double t1, Expectation::Agg agg);
// Whether `measured` satisfies the expectation's op and value.
bool holds(const Expectation& e, double measured);
// "(> 0)", "(between [10, 100])", "(approx 20 +- 5%)": what the check line shows after "measured".
std::string describeCondition(const Expectation& e);

} // namespace cs::core
