// libFuzzer target: the scenario loader and validator. Whatever the bytes, loading never crashes,
// and a scenario that loads saves to text that loads back to the same scenario.
#include "ScenarioIO.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const cs::core::LoadResult r = cs::core::loadScenarioText(text, "fuzz.json");
    if (!r.ok) {
        if (r.error.empty()) std::abort(); // a refusal must say why
        return 0;
    }
    if (!cs::core::validateScenario(r.scenario).empty()) std::abort(); // loaded means valid
    const std::string saved = cs::core::scenarioToJson(r.scenario);
    const cs::core::LoadResult again = cs::core::loadScenarioText(saved, "saved.json");
    if (!again.ok || !(again.scenario == r.scenario)) {
        std::fprintf(stderr, "round trip changed the scenario: %s\n%s\n", again.error.c_str(),
                     saved.c_str());
        std::abort();
    }
    return 0;
}
