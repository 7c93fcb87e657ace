#include "ChartData.h"

namespace cs::ui {

void ChartData::clear() {
    window.clear();
    util.clear();
    ownerNames.clear();
    ownerIds.clear();
    kept.clear();
    keepStride = 1;
    keepSkip = 0;
    actionsSeen = 0;
    latest = 0;
}

void ChartData::addRows(const Snapshot& snap) {
    for (std::size_t i = 0; i < snap.newRows.size(); ++i) {
        const auto& r = snap.newRows[i];
        window.push_back(r);
        auto& u = util.emplace_back();
        if (i < snap.newUtilization.size())
            for (const auto& [owner, value] : snap.newUtilization[i]) {
                auto [it, added] =
                    ownerIds.emplace(owner, static_cast<std::uint16_t>(ownerNames.size()));
                if (added) ownerNames.push_back(owner);
                u.emplace_back(it->second, static_cast<float>(value));
            }
        latest = r.t_s;
        // Keep everything for export, halving the resolution whenever the store fills up.
        if (keepSkip++ % keepStride == 0) kept.push_back(r);
        if (kept.size() >= kMaxKept) {
            std::vector<core::MetricsRow> half;
            for (std::size_t k = 0; k < kept.size(); k += 2) half.push_back(kept[k]);
            kept.swap(half);
            keepStride *= 2;
        }
    }
    while (!window.empty() && window.front().t_s < latest - kMaxWindowS) {
        window.pop_front();
        util.pop_front();
    }
}

} // namespace cs::ui
