#include "Compare.h"

#include "EnumNames.h"
#include "Run.h"

#include <future>
#include <unordered_map>

namespace cs::core {

std::string topologyDifference(const Scenario& a, const std::string& nameA, const Scenario& b,
                               const std::string& nameB) {
    std::unordered_map<std::string, NodeKind> kindsInB;
    for (const NodeSpec& n : b.nodes) kindsInB.emplace(n.id, n.kind);
    for (const NodeSpec& n : a.nodes) {
        const auto it = kindsInB.find(n.id);
        if (it == kindsInB.end())
            return nameA + " has node \"" + n.id + "\", " + nameB + " has none";
        if (it->second != n.kind)
            return nameA + ": node \"" + n.id + "\" is a " + enumName(n.kind) + ", " + nameB +
                   ": a " + enumName(it->second);
    }
    if (a.nodes.size() != b.nodes.size()) { // B has a node A lacks: name the first
        for (const NodeSpec& n : b.nodes)
            if (!a.find(n.id)) return nameB + " has node \"" + n.id + "\", " + nameA + " has none";
    }
    return {};
}

CompareResult compareScenarios(const Scenario& a, const Scenario& b,
                               const CompareOptions& options) {
    RunOptions opt;
    opt.duration_s = options.duration_s;
    opt.seed = options.seed ? *options.seed : a.seed;
    opt.keepMetricsText = false;
    // Two independent engines: B on another thread while A runs here.
    auto runB = std::async(std::launch::async, [&] { return runScenario(b, opt).summary; });
    const Summary sa = runScenario(a, opt).summary;
    const Summary sb = runB.get();

    CompareResult r;
    const auto fa = flattenSummary(sa), fb = flattenSummary(sb);
    for (std::size_t i = 0; i < fa.size() && i < fb.size(); ++i) {
        CompareRow row{fa[i].first, exactNumber(fa[i].second), exactNumber(fb[i].second), false};
        row.differs = row.key != "wall_seconds" && row.a != row.b;
        r.differences += row.differs ? 1 : 0;
        r.rows.push_back(std::move(row));
    }
    return r;
}

std::string compareReport(const CompareResult& r) {
    std::string out;
    for (const CompareRow& row : r.rows)
        if (row.differs) out += row.key + " " + row.a + " " + row.b + "\n";
    return out + "differences=" + std::to_string(r.differences) + "\n";
}

std::string compareCsv(const CompareResult& r) {
    std::string out = "key,A,B\n";
    for (const CompareRow& row : r.rows) out += row.key + "," + row.a + "," + row.b + "\n";
    return out;
}

} // namespace cs::core
