// libFuzzer target: runs a mutated scenario that loads for one simulated second, in slices, up to
// an event limit. It finds crashes, sanitizer reports and hangs (libFuzzer's -timeout): a valid
// scenario must never make the engine loop at one instant or schedule into the past.
#include "Engine.h"
#include "ScenarioIO.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    cs::core::LoadResult r = cs::core::loadScenarioText(text, "fuzz.json");
    if (!r.ok) return 0;
    cs::core::Scenario& s = r.scenario;
    // Big topologies are the size benchmark's business, not this target's: keep inputs quick.
    if (s.nodes.size() > 64) return 0;
    for (const auto& n : s.nodes)
        if (n.instances > 64 || n.rate_rps > 20'000 || n.key_count > 100'000) return 0;
    s.duration_s = std::min(s.duration_s, 1.0);
    cs::core::Engine engine(s);
    constexpr std::uint64_t kMaxEvents = 200'000; // keeps an input within seconds under ASan
    const cs::core::SimTime end = static_cast<cs::core::SimTime>(s.duration_s * 1e6);
    for (cs::core::SimTime t = 0; t < end && engine.eventsProcessed() < kMaxEvents;) {
        t = std::min(end, t + 10'000);
        engine.runUntil(t);
        if (engine.now() != t) std::abort(); // the clock must reach the slice's end
    }
    engine.finishChecks();
    const cs::core::Summary sum = engine.summary();
    // Conservation (README "Requests and attempts"): every issued request is accounted for.
    if (sum.issued != sum.completed + sum.failedTotal() + sum.in_flight) std::abort();
    return 0;
}
