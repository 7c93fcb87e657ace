// Log-bucketed histogram percentiles against exact sorted percentiles.
#include "Histogram.h"
#include "Random.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

using cs::core::Histogram;

namespace {
double exactPercentile(std::vector<std::int64_t> v, double q) {
    std::sort(v.begin(), v.end());
    const auto rank = std::max<std::size_t>(
        1, static_cast<std::size_t>(std::ceil(q * static_cast<double>(v.size()))));
    return static_cast<double>(v[rank - 1]);
}
} // namespace

TEST(Histogram, PercentilesWithinOnePercentOfExact) {
    cs::core::Rng rng(11);
    for (int dist = 0; dist < 3; ++dist) {
        Histogram h;
        std::vector<std::int64_t> values;
        for (int i = 0; i < 100'000; ++i) {
            double x = dist == 0   ? rng.exponential(5000)
                       : dist == 1 ? rng.lognormal(20000, 1.2)
                                   : rng.uniform() * 1e9;
            const auto v = static_cast<std::int64_t>(x);
            values.push_back(v);
            h.record(v);
        }
        for (double q : {0.01, 0.1, 0.5, 0.9, 0.95, 0.99, 0.999, 1.0}) {
            const double exact = exactPercentile(values, q);
            EXPECT_NEAR(h.percentile(q), exact, std::max(1.0, 0.01 * exact))
                << "dist " << dist << " q " << q;
        }
        double sum = 0;
        for (auto v : values) sum += static_cast<double>(v);
        EXPECT_DOUBLE_EQ(h.mean(), sum / static_cast<double>(values.size()));
    }
}

TEST(Histogram, SmallValuesAreExactAndBucketsTile) {
    Histogram h;
    for (int v = 0; v < 128; ++v) h.record(v);
    EXPECT_EQ(h.percentile(0.5), 63.0);
    EXPECT_EQ(h.min(), 0);
    EXPECT_EQ(h.max(), 127);
    // Buckets cover the integers without gaps or overlaps, and are at most 1/64 wide.
    for (std::size_t b = 0; b + 1 < 3000; ++b) {
        ASSERT_EQ(Histogram::bucketHigh(b), Histogram::bucketLow(b + 1)) << b;
        ASSERT_EQ(Histogram::bucketOf(Histogram::bucketLow(b)), b);
        ASSERT_EQ(Histogram::bucketOf(Histogram::bucketHigh(b) - 1), b);
        if (b >= 128) {
            ASSERT_LE(static_cast<double>(Histogram::bucketHigh(b) - Histogram::bucketLow(b)),
                      static_cast<double>(Histogram::bucketLow(b)) / 64.0);
        }
    }
}

TEST(Histogram, MergeAndClear) {
    Histogram a, b;
    for (int i = 1; i <= 1000; ++i) (i % 2 ? a : b).record(i * 1000);
    a.merge(b);
    EXPECT_EQ(a.count(), 1000u);
    EXPECT_NEAR(a.percentile(0.5), 500'000, 5000);
    a.clear();
    EXPECT_EQ(a.count(), 0u);
    EXPECT_EQ(a.percentile(0.5), 0.0);
    a.record(42);
    EXPECT_EQ(a.percentile(0.99), 42.0);
    a.record(-5); // negative values count as zero
    EXPECT_EQ(a.min(), 0);
}
