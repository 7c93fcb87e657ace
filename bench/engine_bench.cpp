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
BENCHMARK(BM_Hold)->Arg(5)->Arg(100)->Arg(10'000)->Arg(1'000'000);

// The same hold on the 4-ary heap alone, which the queue uses while it is short.
static void BM_HoldHeap(benchmark::State& state) {
    cs::core::EventHeap q;
    cs::core::Rng rng(1);
    std::uint64_t seq = 0;
    auto push = [&](cs::core::SimTime t) { q.push(cs::core::Event{t, seq++ << 8, 0, 0}); };
    for (int i = 0; i < state.range(0); ++i)
        push(static_cast<cs::core::SimTime>(rng.exponential(1e6)));
    for (auto _ : state) {
        const auto e = q.pop();
        push(e.time + static_cast<cs::core::SimTime>(rng.exponential(1e6)));
    }
}
BENCHMARK(BM_HoldHeap)->Arg(5)->Arg(100)->Arg(10'000)->Arg(1'000'000);

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

// The checker's cost per operation on windows like the engine's: 32 operations, a few in flight
// at once, one in ten writes indeterminate.
#include "Linearizability.h"

static void BM_CheckRegisterWindow(benchmark::State& state) {
    cs::core::Rng rng(7);
    std::vector<std::vector<cs::core::RegisterOp>> windows;
    for (int w = 0; w < 64; ++w) {
        std::vector<cs::core::RegisterOp> ops;
        std::int64_t t = 0, value = 0, last = 0;
        for (int i = 0; i < state.range(0); ++i) {
            t += static_cast<std::int64_t>(rng.exponential(10));
            const bool write = rng.bernoulli(0.3);
            const auto len = 1 + static_cast<std::int64_t>(rng.exponential(20));
            if (write) last = ++value;
            cs::core::RegisterOp op{
                t, write && rng.bernoulli(0.1) ? cs::core::RegisterOp::kNever : t + len, write,
                write ? last : last};
            ops.push_back(op);
        }
        windows.push_back(std::move(ops));
    }
    std::size_t i = 0;
    for (auto _ : state) {
        auto r =
            cs::core::checkRegister(windows[i++ % windows.size()], std::vector<std::int64_t>{0});
        benchmark::DoNotOptimize(r);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_CheckRegisterWindow)->Arg(32)->Arg(128);
BENCHMARK_MAIN();
