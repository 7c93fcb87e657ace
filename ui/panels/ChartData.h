// The rows one run's charts draw from: the last ten minutes at full resolution (with each row's
// utilisation per group or datastore), and every row for export and "All", halved in resolution
// whenever the store fills up. ChartsPanel keeps one for the run it shows and, comparing, one for
// the run it overlays (B).
#pragma once

#include "Metrics.h"
#include "SimController.h"

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace cs::ui {

struct ChartData {
    static constexpr std::size_t kMaxKept = 200'000;
    static constexpr double kMaxWindowS = 600;

    std::deque<core::MetricsRow> window; // rows within the longest window
    // Parallel to `window`: (owner id, utilisation) per row; ids index ownerNames.
    std::deque<std::vector<std::pair<std::uint16_t, float>>> util;
    std::vector<std::string> ownerNames;
    std::map<std::string, std::uint16_t> ownerIds;
    std::vector<core::MetricsRow> kept; // for CSV export and "all"
    std::size_t keepStride = 1, keepSkip = 0;
    std::size_t actionsSeen = 0; // of the snapshots' applied actions, already marked
    double latest = 0;           // the newest row's time

    void clear();
    void addRows(const Snapshot& snap);
};

} // namespace cs::ui
