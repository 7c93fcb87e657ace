// `clustersim-cli sweep`: one scenario run at every point of a grid of node-field values, on all
// cores, into one CSV whose bytes depend neither on --jobs nor on --shard (DESIGN.md section 9).
#pragma once

#include "FieldTable.h"
#include "Scenario.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cs::core {

// One `--vary nodes[ID].FIELD=FROM:TO:POINTS`, resolved through the field table.
struct SweepAxis {
    std::string argument;          // as given, for messages
    std::string path;              // "nodes[api].autoscaling.max": the CSV column
    std::size_t node = 0;          // index in Scenario::nodes
    const FieldRow* row = nullptr; // a Number or Integer row of that node's kind
    std::vector<double> values;    // evenly spaced, inclusive; rounded for an Integer row
};

// Parses and range-checks one --vary against `s`. On failure `error` names the argument:
// "--vary nodes[api].autoscaling.max=1:2000:3: 2000 is outside ...".
bool parseSweepAxis(const Scenario& s, const std::string& argument, SweepAxis& out,
                    std::string& error);

// "I/N" with 1 <= I <= N.
bool parseShard(const std::string& argument, int& index, int& count, std::string& error);

// Points in the grid (the product of the axes' sizes).
std::size_t sweepPointCount(const std::vector<SweepAxis>& axes);
// The scenario of point k: the first axis varies slowest. The timeline's (and timed lesson
// steps') actions that would change a varied field are left out: each point holds its value for
// the whole run, else a lesson's load steps would replace the swept rate.
Scenario sweepPoint(const Scenario& base, const std::vector<SweepAxis>& axes, std::size_t k);
// How many actions sweepPoint leaves out (0: none), for a note to the user.
std::size_t sweepDroppedActions(const Scenario& base, const std::vector<SweepAxis>& axes);
// "" when every point is a valid scenario (the reader's rules, read back from its text), else
// the first that is not, naming the point and its values. `fileName` resolves relative files.
std::string checkSweepGrid(const Scenario& base, const std::vector<SweepAxis>& axes,
                           const std::string& fileName);

struct SweepOptions {
    std::optional<double> duration_s;
    std::optional<std::uint64_t> seed;
    int jobs = 0; // 0: every core
    int shardIndex = 1, shardCount = 1;
    // Called (serialised) after each point with the points done and the points to run.
    std::function<void(std::size_t done, std::size_t total)> progress;
    // Set (from any thread) to stop: points not started are skipped and runSweep returns "".
    const std::atomic<bool>* cancel = nullptr;
};

// Runs the points of this shard and returns the CSV text: header, then the rows in point order.
// The `wall_seconds` column is written as 0: a file that depends on the machine's speed could not
// be the same bytes whatever --jobs.
std::string runSweep(const Scenario& base, const std::vector<SweepAxis>& axes,
                     const SweepOptions& options);

} // namespace cs::core
