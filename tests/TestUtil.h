// Helpers shared by the tests: scenarios built in code and run through the CLI's code path.
#pragma once

#include "FieldTable.h"
#include "Run.h"
#include "ScenarioIO.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace cs::test {

inline std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline core::Scenario parse(const std::string& json) {
    const auto r = core::loadScenarioText(json, "test.clustersim.json");
    EXPECT_TRUE(r.ok) << r.error;
    return r.scenario;
}

// client -> service group (one instance, c cores, exponential service) with 0 ms links:
// an M/M/c/K queue whose K is `queue` + c.
inline std::string mmcScenario(double rateRps, int cores, double serviceMs, int queue,
                               double durationS, std::uint64_t seed = 7, double timeoutMs = 1e6) {
    return R"({"format": "clustersim-scenario", "version": 1, "seed": )" + std::to_string(seed) +
           R"(, "duration_s": )" + std::to_string(durationS) +
           R"(, "metrics_interval_ms": 1000, "nodes": [
      {"id": "c", "kind": "client", "target": "svc", "rate_rps": )" +
           std::to_string(rateRps) + R"(, "timeout_ms": )" + std::to_string(timeoutMs) + R"(},
      {"id": "svc", "kind": "service_group", "instances": 1, "cores": )" +
           std::to_string(cores) + R"(, "service_ms": {"dist": "exp", "mean": )" +
           std::to_string(serviceMs) + R"(}, "queue_capacity": )" + std::to_string(queue) + R"(}],
      "links": [{"a": "c", "b": "svc", "latency_ms": {"median": 0, "p99": 0}}]})";
}

// A timeline `set` of a field (a CP/AP flip, a scaling policy, a number) at `at` microseconds.
inline core::Action setAction(core::SimTime at, const std::string& node, const std::string& field,
                              const core::FieldValue& value) {
    core::Action a;
    a.kind = core::ActionKind::SetField;
    a.at_us = at;
    a.node = node;
    a.field = field;
    a.value = value;
    return a;
}

inline core::RunResult run(const core::Scenario& s) {
    core::RunOptions o;
    auto r = core::runScenario(s, o);
    EXPECT_TRUE(r.ok) << r.error;
    return r;
}

} // namespace cs::test

#include <map>
#include <sstream>
#include <vector>

namespace cs::test {

// A CSV with a header line, as columns of numbers.
struct Table {
    std::map<std::string, std::vector<double>> cols;
    std::size_t rows = 0;
    const std::vector<double>& operator[](const std::string& c) const { return cols.at(c); }
};

// The value of column `col` in the row at time `ts` (a failure if there is none).
inline double valueAt(const Table& t, const std::string& col, double ts) {
    for (std::size_t i = 0; i < t.rows; ++i)
        if (t["t_s"][i] == ts) return t[col][i];
    ADD_FAILURE() << "no row at " << ts;
    return 0.0;
}

inline Table parseCsv(const std::string& text) {
    Table t;
    std::istringstream in(text);
    std::string line;
    std::getline(in, line);
    std::vector<std::string> names;
    std::stringstream hs(line);
    for (std::string c; std::getline(hs, c, ',');) names.push_back(c);
    while (std::getline(in, line)) {
        std::stringstream ls(line);
        std::size_t i = 0;
        for (std::string v; std::getline(ls, v, ',') && i < names.size(); ++i)
            t.cols[names[i]].push_back(std::stod(v));
        ++t.rows;
    }
    return t;
}

} // namespace cs::test
