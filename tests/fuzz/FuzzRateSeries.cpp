// libFuzzer target: a workload's rate-series CSV file ("t_s,rps" lines), read as a scenario that
// names it does. A file that loads gives a rate that is finite and never negative.
#include "ScenarioIO.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace {
std::filesystem::path workDir() {
    static const std::filesystem::path dir = [] {
        auto d = std::filesystem::temp_directory_path() /
                 ("clustersim-fuzz-" + std::to_string(std::rand()) + "-" +
                  std::to_string(reinterpret_cast<std::uintptr_t>(&std::rand) & 0xffff));
        std::filesystem::create_directories(d);
        std::ofstream(d / "s.clustersim.json")
            << R"({"format": "clustersim-scenario", "version": 1, "nodes": [)"
               R"({"id": "c", "kind": "client", "target": "db", "workload": {"shape": "series", "file": "rates.csv"}},)"
               R"({"id": "db", "kind": "datastore"}], "links": [{"a": "c", "b": "db"}]})";
        return d;
    }();
    return dir;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto dir = workDir();
    {
        std::ofstream csv(dir / "rates.csv", std::ios::binary | std::ios::trunc);
        csv.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    const auto r = cs::core::loadScenarioFile((dir / "s.clustersim.json").string());
    if (!r.ok) {
        if (r.error.find("rates.csv") == std::string::npos &&
            r.error.find("workload") == std::string::npos)
            std::abort(); // the error must name the file or the field
        return 0;
    }
    const cs::core::NodeSpec& c = r.scenario.nodes.at(0);
    for (double t : {0.0, 0.5, 1.0, 10.0, 1e6}) {
        const double rate = c.workload.rateAt(c.rate_rps, t);
        if (!std::isfinite(rate) || rate < 0 || rate > c.workload.maxRate(c.rate_rps) * (1 + 1e-9))
            std::abort();
    }
    return 0;
}
