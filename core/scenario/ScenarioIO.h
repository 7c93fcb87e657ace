// Reading, validating and atomically saving scenario files (QtCore JSON; no GUI).
#pragma once

#include "Scenario.h"

#include <string>
#include <vector>

namespace cs::core {

struct LoadResult {
    bool ok = false;
    Scenario scenario;                 // complete and valid when ok; default otherwise
    std::string error;                 // "FILE: nodes[3].rate_rps: expected ..., got ..."
    std::vector<std::string> warnings; // unknown fields and similar, same form as error
};

// Parses and validates. Never throws, never returns a half-loaded scenario.
LoadResult loadScenarioFile(const std::string& path);
LoadResult loadScenarioText(const std::string& text, const std::string& displayName);

// Cross-reference checks (ids, kinds, routes at load time, timeline targets). Returns an empty
// string when valid, else "json.path: message". Used by the loader and by editors before a run.
std::string validateScenario(const Scenario& s);

// Serialises with "format" and "version" first, one node, link and action per line.
std::string scenarioToJson(const Scenario& s);
// Atomic: the old file stays intact if anything fails. Returns an error message or "".
std::string saveScenarioFile(const Scenario& s, const std::string& path);
// What opening `s` saved at `path` would say: "" when it loads, else the loader's own error
// ("PATH: nodes[0].target: ..."). The app's save guard: what would not open again is not written.
std::string reloadError(const Scenario& s, const std::string& path);

// Whether `id` could name a member that exists at run time: "<group>-<k>" with k >= 1.
bool isPossibleMember(const Scenario& s, const std::string& id);

} // namespace cs::core
