// libFuzzer target: the history parsers (etcd logs and EDN, whole files and live windows) and the
// checker on what they accept, with a small step budget so every input ends.
#include "History.h"

#include <cstdint>
#include <cstdlib>
#include <string>

namespace {
void check(const cs::core::History& h) {
    cs::core::CheckBudget budget;
    budget.steps = 20'000; // deterministic: the same verdict on every machine
    const auto v = cs::core::checkHistory(h, cs::core::defaultModel(h), budget);
    if (v.operations > h.ops.size()) std::abort();
    if (v.firstBad >= static_cast<int>(h.ops.size())) std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    cs::core::History whole, window;
    std::string error;
    if (cs::core::parseHistory(text, "fuzz.edn", whole, error))
        check(whole);
    else if (error.empty())
        std::abort(); // a refusal must say why
    error.clear();
    if (cs::core::parseHistoryWindow(text, "fuzz.edn", window, error))
        check(window);
    else if (error.empty())
        std::abort();
    return 0;
}
