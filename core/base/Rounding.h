// Rounding of simulated times to whole microseconds, inline on the engine's hot path.
#pragma once

#include <cmath>
#include <cstdint>

namespace cs::core {

// Exactly std::llround (halves away from zero) for |x| < 2^63, without a call into libm: the
// truncation is exact, and so is x minus it (the fraction of a double is a double).
inline std::int64_t roundToInt64(double x) {
    const auto whole = static_cast<std::int64_t>(x);
    const double fraction = x - static_cast<double>(whole);
    return whole + (fraction >= 0.5 ? 1 : 0) - (fraction <= -0.5 ? 1 : 0);
}

// std::llround for any double: the inline rounding in the range it is exact for (every delay a
// valid scenario produces), libm's outside it (huge or non-finite values, which llround reports).
inline std::int64_t roundDelay(double x) {
    return std::abs(x) < 0x1p62 ? roundToInt64(x) : std::llround(x);
}

} // namespace cs::core
