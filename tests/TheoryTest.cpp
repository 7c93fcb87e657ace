// The simulator against queueing theory, through scenario files and the code path of
// `clustersim-cli run`: Erlang C for M/M/1 and M/M/c, Little's law, M/M/c/K blocking.
#include "QueueTheory.h"
#include "TestUtil.h"

#include <cmath>
#include <numeric>

namespace {

using cs::core::mmcMeanResponse;

double factorial(int n) {
    return n <= 1 ? 1.0 : n * factorial(n - 1);
}

// M/M/c/K: probability that an arrival finds all K places (c in service + K - c waiting) taken.
double mmckBlocking(int c, int K, double a) {
    double norm = 0;
    auto p = [&](int n) {
        return n < c ? std::pow(a, n) / factorial(n)
                     : std::pow(a, n) / (factorial(c) * std::pow(c, n - c));
    };
    for (int n = 0; n <= K; ++n) norm += p(n);
    return p(K) / norm;
}

struct BatchMeans {
    double mean, halfWidth95;
};

// Batch means over metrics rows (each row: a count-weighted mean), after dropping a warm-up.
BatchMeans batchMeans(const cs::test::Table& t, int batches) {
    const auto& lat = t["latency_ms_mean"];
    const auto& thr = t["throughput_rps"];
    const std::size_t skip = t.rows / 50;
    const std::size_t per = (t.rows - skip) / static_cast<std::size_t>(batches);
    std::vector<double> means;
    for (int b = 0; b < batches; ++b) {
        double w = 0, s = 0;
        for (std::size_t i = skip + b * per; i < skip + (b + 1) * per; ++i) {
            w += thr[i];
            s += thr[i] * lat[i];
        }
        means.push_back(s / w);
    }
    const double m = std::accumulate(means.begin(), means.end(), 0.0) / batches;
    double v = 0;
    for (double x : means) v += (x - m) * (x - m);
    v /= (batches - 1);
    const double t975 = 2.045; // Student t, 29 degrees of freedom
    return {m, t975 * std::sqrt(v / batches)};
}

struct QueueCase {
    int cores;
    double rho;
    double customers;
};

class MmcTheory : public ::testing::TestWithParam<QueueCase> {};

} // namespace

TEST_P(MmcTheory, MeanResponseMatchesErlangC) {
    const auto [c, rho, customers] = GetParam();
    const double serviceMs = 10.0, mu = 1000.0 / serviceMs;
    const double lambda = rho * c * mu;
    const double duration = customers / lambda;
    const auto result = cs::test::run(
        cs::test::parse(cs::test::mmcScenario(lambda, c, serviceMs, 10'000'000, duration)));
    const auto table = cs::test::parseCsv(result.metricsCsvText);
    const BatchMeans bm = batchMeans(table, 30);
    const double theory = mmcMeanResponse(c, lambda, mu) * 1000.0;
    EXPECT_NEAR(bm.mean, theory, 0.03 * theory) << "c=" << c << " rho=" << rho;
    EXPECT_LT(bm.halfWidth95, 0.01 * bm.mean)
        << "the run is too short for a 1% confidence interval";
    // Nothing is lost or dropped in an infinite-room queue.
    EXPECT_EQ(result.summary.failedTotal(), 0u);

    // Little's law: time-average number in the system = throughput x mean time in the system.
    const auto& inFlight = table["in_flight"];
    const double L = std::accumulate(inFlight.begin() + static_cast<long>(table.rows / 50),
                                     inFlight.end(), 0.0) /
                     static_cast<double>(table.rows - table.rows / 50);
    const double lambdaW = result.summary.throughput_rps * result.summary.latency_mean / 1000.0;
    EXPECT_NEAR(L, lambdaW, 0.03 * lambdaW);
    EXPECT_NEAR(L, lambda * theory / 1000.0, 0.04 * lambda * theory / 1000.0);
}

INSTANTIATE_TEST_SUITE_P(ErlangC, MmcTheory,
                         ::testing::Values(QueueCase{1, 0.5, 1.5e6}, QueueCase{1, 0.8, 8e6},
                                           QueueCase{4, 0.5, 1.5e6}, QueueCase{4, 0.8, 3e6}),
                         [](const auto& info) {
                             std::string name = "c";
                             name += std::to_string(info.param.cores);
                             name += "_rho";
                             name += std::to_string(static_cast<int>(info.param.rho * 100));
                             return name;
                         });

TEST(Theory, MmckBlockingProbability) {
    const int c = 2, queue = 4, K = c + queue;
    const double serviceMs = 10.0, mu = 100.0;
    for (double rho : {0.7, 0.9, 1.2}) {
        const double lambda = rho * c * mu;
        const auto result = cs::test::run(
            cs::test::parse(cs::test::mmcScenario(lambda, c, serviceMs, queue, 1e6 / lambda, 3)));
        const double blocked =
            static_cast<double>(
                result.summary.failed[static_cast<int>(cs::core::ErrorReason::Dropped)]) /
            static_cast<double>(result.summary.issued);
        const double theory = mmckBlocking(c, K, lambda / mu);
        EXPECT_NEAR(blocked, theory, 0.03 * theory) << "rho=" << rho;
    }
}
