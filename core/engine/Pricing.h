// Instance sizes and their hourly price (DESIGN.md section 6 row 5: horizontal vs vertical).
//
// The list is illustrative, not any provider's: it has the shape of public cloud on-demand lists
// for general-purpose instances, where a size twice as large costs a little more than twice as
// much (about 2.2x per doubling here: bigger machines need pricier sockets, memory and a larger
// blast radius), and nothing is bigger than 64 cores. Sizes between list entries are
// interpolated on a log scale.
#pragma once

#include <array>
#include <cmath>

namespace cs::core {

inline constexpr int kMaxCores = 64; // the largest instance size: vertical scaling's ceiling

struct PriceListEntry {
    int cores;
    double usdPerHour;
};

inline constexpr std::array<PriceListEntry, 7> kPriceList{{
    {1, 0.05},
    {2, 0.11},
    {4, 0.24},
    {8, 0.53},
    {16, 1.17},
    {32, 2.57},
    {64, 5.65},
}};

// US dollars per hour for one instance of `cores` cores (clamped to the list's range).
inline double listPricePerHour(int cores) {
    if (cores <= kPriceList.front().cores) return kPriceList.front().usdPerHour;
    for (std::size_t i = 1; i < kPriceList.size(); ++i) {
        const auto& lo = kPriceList[i - 1];
        const auto& hi = kPriceList[i];
        if (cores > hi.cores) continue;
        const double f = std::log(static_cast<double>(cores) / lo.cores) /
                         std::log(static_cast<double>(hi.cores) / lo.cores);
        return lo.usdPerHour * std::pow(hi.usdPerHour / lo.usdPerHour, f);
    }
    return kPriceList.back().usdPerHour;
}

// Amdahl's law: the speed-up of one request spread over `cores` cores when a fraction p of its
// work can run in parallel.
inline double amdahlSpeedup(double p, int cores) {
    return 1.0 / ((1.0 - p) + p / static_cast<double>(cores));
}

} // namespace cs::core
