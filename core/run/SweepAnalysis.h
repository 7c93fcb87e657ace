// A sweep's CSV read back as numbers, and what the sweep dialog draws from it: the knee of a
// latency-vs-throughput curve and the cost per hour of each point.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace cs::core {

struct SweepTable {
    std::vector<std::string> header;       // "point", the varied paths, the summary keys
    std::vector<std::vector<double>> rows; // one per point, as many cells as the header
    // The column named `name`, or empty if there is none.
    std::vector<double> column(const std::string& name) const;
    bool has(const std::string& name) const;
};

// The text `runSweep` returns (or `clustersim-cli sweep` wrote). Cells that are not numbers
// read as NaN.
SweepTable parseSweepCsv(const std::string& csv);

// The knee of a latency curve y(x), x the throughput, the points in sweep order: the last point
// before latency grows faster than throughput. It is the first point i at which the step to i+1
// has an elasticity (ln y[i+1] - ln y[i]) / (ln x[i+1] - ln x[i]) above `elasticity` (1: a 1%
// rise in throughput costs more than 1% in latency), or where throughput stops rising while
// latency rises. Points with x or y not above zero are skipped. For M/M/1 the elasticity of
// any latency percentile is rho / (1 - rho): the knee is at utilisation 1/2.
std::optional<std::size_t> kneeIndex(const std::vector<double>& x, const std::vector<double>& y,
                                     double elasticity = 1.0);

// Dollars per hour of each row: the run's `cost` over its `sim_seconds`.
std::vector<double> costPerHour(const SweepTable& table);

} // namespace cs::core
