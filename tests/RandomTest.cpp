// Our samplers against their distributions: moments and Kolmogorov-Smirnov tests.
#include "Random.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

using cs::core::Rng;
using cs::core::ZipfSampler;

namespace {

// KS statistic of samples against a CDF; the 1% critical value is about 1.63 / sqrt(n).
double ksStatistic(std::vector<double> xs, const std::function<double(double)>& cdf) {
    std::sort(xs.begin(), xs.end());
    const double n = static_cast<double>(xs.size());
    double d = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        const double f = cdf(xs[i]);
        d = std::max({d, f - static_cast<double>(i) / n, static_cast<double>(i + 1) / n - f});
    }
    return d;
}

double normalCdf(double x) {
    return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

constexpr int kN = 200'000;

} // namespace

TEST(Random, XoshiroMatchesReferenceSequence) {
    // xoshiro256** from state {1, 2, 3, 4}, as the reference C implementation prints it.
    Rng r = Rng::fromState(1, 2, 3, 4);
    EXPECT_EQ(r.next(), 11520u);
    EXPECT_EQ(r.next(), 0u);
    EXPECT_EQ(r.next(), 1509978240u);
    EXPECT_EQ(r.next(), 1215971899390074240u);
}

TEST(Random, StreamsAreTiedToNames) {
    Rng a = Rng::stream(42, "api-1"), b = Rng::stream(42, "api-1"), c = Rng::stream(42, "api-2");
    for (int i = 0; i < 100; ++i) {
        const auto x = a.next();
        EXPECT_EQ(x, b.next());
        EXPECT_NE(x, c.next());
    }
}

TEST(Random, UniformIsUniform) {
    Rng r(1);
    std::vector<double> xs(kN);
    for (auto& x : xs) x = r.uniform();
    EXPECT_LT(ksStatistic(xs, [](double x) { return x; }), 1.63 / std::sqrt(kN));
    for (double x : xs) ASSERT_TRUE(x >= 0.0 && x < 1.0);
}

TEST(Random, ExponentialMomentsAndShape) {
    Rng r(2);
    const double mean = 5.0;
    std::vector<double> xs(kN);
    double sum = 0, sq = 0;
    for (auto& x : xs) {
        x = r.exponential(mean);
        sum += x;
        sq += x * x;
    }
    const double m = sum / kN, var = sq / kN - m * m;
    EXPECT_NEAR(m, mean, 4 * mean / std::sqrt(kN));
    EXPECT_NEAR(var, mean * mean, 0.03 * mean * mean);
    EXPECT_LT(ksStatistic(xs, [&](double x) { return 1 - std::exp(-x / mean); }),
              1.63 / std::sqrt(kN));
}

TEST(Random, NormalAndLognormal) {
    Rng r(3);
    std::vector<double> xs(kN);
    for (auto& x : xs) x = r.normal();
    EXPECT_LT(ksStatistic(xs, normalCdf), 1.63 / std::sqrt(kN));

    // Lognormal parameterised as links are: median and p99.
    const double median = 20, p99 = 60, sigma = std::log(p99 / median) / 2.326;
    for (auto& x : xs) x = r.lognormal(median, sigma);
    EXPECT_LT(ksStatistic(xs, [&](double x) { return normalCdf(std::log(x / median) / sigma); }),
              1.63 / std::sqrt(kN));
    std::sort(xs.begin(), xs.end());
    EXPECT_NEAR(xs[kN / 2], median, 0.02 * median);
    EXPECT_NEAR(xs[static_cast<std::size_t>(0.99 * kN)], p99, 0.03 * p99);
}

TEST(Random, ZipfFollowsPowerLaw) {
    for (double s : {0.0, 0.5, 0.99, 1.0, 1.5}) {
        const std::uint64_t n = 50;
        ZipfSampler z(n, s);
        Rng r(4);
        std::vector<double> counts(n, 0);
        for (int i = 0; i < kN; ++i) {
            const auto k = z.sample(r);
            ASSERT_LT(k, n);
            counts[k] += 1;
        }
        double norm = 0;
        for (std::uint64_t k = 1; k <= n; ++k) norm += std::pow(static_cast<double>(k), -s);
        // Chi-square against P(k) = k^-s / H(n, s); 49 degrees of freedom, 0.1% critical
        // value 85.4.
        double chi2 = 0;
        for (std::uint64_t k = 1; k <= n; ++k) {
            const double expected = kN * std::pow(static_cast<double>(k), -s) / norm;
            chi2 += (counts[k - 1] - expected) * (counts[k - 1] - expected) / expected;
        }
        EXPECT_LT(chi2, 85.4) << "s = " << s;
    }
}

TEST(Random, ZipfLargeKeySpaceStaysInRange) {
    ZipfSampler z(10'000'000, 0.99);
    Rng r(5);
    std::uint64_t ones = 0;
    for (int i = 0; i < 100'000; ++i) {
        const auto k = z.sample(r);
        ASSERT_LT(k, 10'000'000u);
        ones += k == 0;
    }
    EXPECT_GT(ones, 3000u); // the hottest key: about 1/H(1e7, 0.99) ~ 5.6% of draws
}
