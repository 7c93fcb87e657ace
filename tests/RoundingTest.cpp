// The engine's inline rounding gives std::llround's result on every value it can meet.
#include "Rounding.h"
#include "Random.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace cs::core;

TEST(Rounding, AgreesWithLlround) {
    const double edges[] = {0.0,
                            -0.0,
                            0.5,
                            -0.5,
                            1.5,
                            2.5,
                            -2.5,
                            0.49999999999999994,
                            -0.49999999999999994,
                            4503599627370495.5,
                            4503599627370497.0,
                            9007199254740993.0,
                            1e15,
                            -1e15,
                            1e18,
                            std::nextafter(0.5, 0.0),
                            std::nextafter(1.5, 2.0)};
    for (double x : edges) EXPECT_EQ(roundToInt64(x), std::llround(x)) << x;
    Rng rng(9);
    for (int i = 0; i < 1'000'000; ++i) {
        const double x = (rng.uniform() - 0.5) * std::ldexp(1.0, static_cast<int>(rng.below(62)));
        ASSERT_EQ(roundToInt64(x), std::llround(x)) << x;
        const double half = std::floor(x) + 0.5; // exact halves, where rounding rules differ
        ASSERT_EQ(roundToInt64(half), std::llround(half)) << half;
    }
}
