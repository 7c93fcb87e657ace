// Google Benchmark micro-benchmarks of the engine's hot parts.
#include "EventQueue.h"
#include "Histogram.h"
#include "Random.h"

#include <benchmark/benchmark.h>

static void BM_Hold(benchmark::State& state) {
    cs::core::EventQueue q;
    cs::core::Rng rng(1);
    for (int i = 0; i < state.range(0); ++i)
        q.push(static_cast<cs::core::SimTime>(rng.exponential(1e6)), cs::core::EventType::Deliver);
    for (auto _ : state) {
        const auto e = q.pop();
        q.push(e.time + static_cast<cs::core::SimTime>(rng.exponential(1e6)),
               cs::core::EventType::Deliver);
    }
}
BENCHMARK(BM_Hold)->Arg(100)->Arg(10'000)->Arg(1'000'000);

static void BM_HistogramRecord(benchmark::State& state) {
    cs::core::Histogram h;
    cs::core::Rng rng(2);
    for (auto _ : state) h.record(static_cast<std::int64_t>(rng.exponential(5000)));
    benchmark::DoNotOptimize(h.count());
}
BENCHMARK(BM_HistogramRecord);

static void BM_Zipf(benchmark::State& state) {
    cs::core::ZipfSampler z(1'000'000, 0.99);
    cs::core::Rng rng(3);
    for (auto _ : state) benchmark::DoNotOptimize(z.sample(rng));
}
BENCHMARK(BM_Zipf);

BENCHMARK_MAIN();
