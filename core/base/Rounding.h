// Rounding of simulated times to whole microseconds, inline on the engine's hot path.
#pragma once

#include <cstdint>

namespace cs::core {

// Exactly std::llround (halves away from zero) for |x| < 2^63, without a call into libm: the
// truncation is exact, and so is x minus it (the fraction of a double is a double).
inline std::int64_t roundToInt64(double x) {
    const auto whole = static_cast<std::int64_t>(x);
    const double fraction = x - static_cast<double>(whole);
    return whole + (fraction >= 0.5 ? 1 : 0) - (fraction <= -0.5 ? 1 : 0);
}

} // namespace cs::core
