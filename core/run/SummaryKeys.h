// The run summary as dotted keys (`latency_ms.p99`, `requests.failed.unavailable`): what
// expectations, lesson reveals and comparisons name. The keys are those of summaryToJson.
#pragma once

#include "Metrics.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cs::core {

// flattenSummary (every key with its value): Run.h.
std::optional<double> summaryValue(const Summary& s, const std::string& key);
bool isSummaryKey(const std::string& key);

// The {key} placeholders of a text, in order (e.g. "{requests.failed.unavailable}").
std::vector<std::string> summaryPlaceholders(const std::string& text);
// readableNumber (a number for a person to read): Metrics.h.
// The text with each {key} replaced by the summary's value (readableNumber); an unknown key is
// left as it is.
std::string fillSummaryPlaceholders(const std::string& text, const Summary& s);

} // namespace cs::core
