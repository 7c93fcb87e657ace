// Cross-reference validation of a parsed scenario: ids, kinds, routes that exist at load time.
#include "ScenarioIO.h"

#include "Expectations.h"
#include "FieldTable.h"
#include "ScenarioLesson.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>

#include <charconv>
#include <set>
#include <unordered_map>

namespace cs::core {
namespace {

std::string idx(const char* array, std::size_t i) {
    return std::string(array) + "[" + std::to_string(i) + "]";
}

// What a group's references imply beyond their kinds, and a queue's consumers.
std::string referenceRule(const Scenario& s, std::size_t i, const std::string& field) {
    const NodeSpec& n = s.nodes[i];
    const std::string at = idx("nodes", i) + "." + field + ": ";
    if (n.kind == NodeKind::ServiceGroup && field == "session_store" &&
        n.state == ServiceState::Stateful)
        return at + "a stateful group keeps sessions in memory; use \"state\": \"stateless\" "
                    "with a session store";
    if (n.kind == NodeKind::ServiceGroup && field == "queue" && n.datastore.empty())
        return at + "writes through a queue still need the group's datastore (reads go there)";
    if (n.kind == NodeKind::ServiceGroup && field == "cache" && n.datastore.empty())
        return at + "a cache needs the group's datastore behind it";
    if (n.kind == NodeKind::Queue && field == "consumers") {
        const NodeSpec* g = s.find(n.consumers);
        if (g && g->queue == n.id)
            return at + "\"" + n.consumers +
                   "\" writes through this queue itself; its consumers need another path";
        if (g && g->datastore.empty())
            return at + "\"" + n.consumers + "\" has no datastore to apply the writes to";
    }
    return {};
}

} // namespace

bool isPossibleMember(const Scenario& s, const std::string& id) {
    const auto dash = id.rfind('-');
    if (dash == std::string::npos || dash + 1 >= id.size()) return false;
    const NodeSpec* g = s.find(id.substr(0, dash));
    // Instances <group>-<k>, shards <datastore>-s<k>.
    const bool shard = g && g->kind == NodeKind::Datastore && g->shards && id[dash + 1] == 's';
    if (!g || (g->kind != NodeKind::ServiceGroup && !shard)) return false;
    long k = 0;
    const char* first = id.data() + dash + 1 + (shard ? 1 : 0);
    const char* last = id.data() + id.size();
    auto [p, ec] = std::from_chars(first, last, k);
    return ec == std::errc() && p == last && k >= 1 && *first != '0';
}

namespace {

// A timeline or lesson action: targets that are nodes, or members that could exist at run time;
// links that exist (`seen` holds each link's ends, in order); `set` fields as the field table
// allows them.
std::string validateAction(const Scenario& s,
                           const std::set<std::pair<std::string, std::string>>& seen,
                           const Action& a, const std::string& p) {
    auto nodeOrMember = [&](const std::string& id) {
        return s.find(id) || isPossibleMember(s, id);
    };
    auto ownerOf = [&](const std::string& id) {
        return s.find(id) ? id : id.substr(0, id.rfind('-'));
    };
    switch (a.kind) {
    case ActionKind::KillNode:
    case ActionKind::RestartNode:
        if (!nodeOrMember(a.node)) return p + ".node: no node or instance named \"" + a.node + "\"";
        break;
    case ActionKind::AddShard: {
        const NodeSpec* n = s.find(a.node);
        if (!n || n->kind != NodeKind::Datastore || !n->shards)
            return p + ".node: \"" + a.node + "\" is not a sharded datastore";
        break;
    }
    case ActionKind::CutLink:
    case ActionKind::HealLink:
    case ActionKind::SetLink: {
        if (!nodeOrMember(a.a)) return p + ".a: no node or instance named \"" + a.a + "\"";
        if (!nodeOrMember(a.b)) return p + ".b: no node or instance named \"" + a.b + "\"";
        if (!seen.count(std::minmax(ownerOf(a.a), ownerOf(a.b))))
            return p + ": no link between \"" + a.a + "\" and \"" + a.b + "\"";
        break;
    }
    case ActionKind::SetRate: {
        const NodeSpec* n = s.find(a.node);
        if (!n || n->kind != NodeKind::Client)
            return p + ".node: \"" + a.node + "\" is not a client";
        break;
    }
    case ActionKind::SetField: {
        const NodeSpec* n = s.find(a.node);
        if (!n) return p + ".node: no node named \"" + a.node + "\"";
        if (const std::string e = checkLiveSet(*n, a.field, a.value); !e.empty()) return p + e;
        break;
    }
    }
    return {};
}

// The timeline, the lesson's step actions and reveals, the expectations.
std::string validateTimeline(const Scenario& s,
                             const std::set<std::pair<std::string, std::string>>& seen) {
    for (std::size_t i = 0; i < s.timeline.size(); ++i)
        if (std::string e = validateAction(s, seen, s.timeline[i], idx("timeline", i)); !e.empty())
            return e;
    if (std::string e =
            validateLesson(s, [&](const Action& a,
                                  const std::string& p) { return validateAction(s, seen, a, p); });
        !e.empty())
        return e;
    return validateExpectations(s, s.expect, s.duration_s, "expect");
}

} // namespace

std::string validateScenario(const Scenario& s) {
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        const auto& n = s.nodes[i];
        if (!index.emplace(n.id, i).second)
            return idx("nodes", i) + ".id: duplicate id \"" + n.id + "\"";
        if (isPossibleMember(s, n.id))
            return idx("nodes", i) + ".id: \"" + n.id +
                   "\" is reserved for an instance of a service group or a shard";
    }
    auto kindOf = [&](const std::string& id) -> const NodeSpec* {
        auto it = index.find(id);
        return it == index.end() ? nullptr : &s.nodes[it->second];
    };
    auto expectRef = [&](std::size_t i, const char* field, const std::string& ref,
                         KindSet kinds) -> std::string {
        const NodeSpec* t = kindOf(ref);
        if (!t)
            return idx("nodes", i) + "." + field + ": no node with id \"" + ref +
                   "\" (expected a " + kinds.describe() + ")";
        if (kinds.has(t->kind)) return {};
        return idx("nodes", i) + "." + field + ": \"" + ref + "\" is a " + toString(t->kind) +
               ", expected a " + kinds.describe();
    };

    // Every reference names a node of a kind its row allows; then what references imply.
    std::unordered_map<std::string, std::string> replicaOwner; // which datastore owns a replica
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        const auto& n = s.nodes[i];
        std::string e;
        for (const FieldRow& row : fieldTable()) {
            if (row.type != FieldType::Reference || !row.kinds.has(n.kind)) continue;
            const std::string ref = std::get<std::string>(row.access.get(n));
            if (!ref.empty() || row.required) e = expectRef(i, row.name, ref, row.refKinds);
            if (e.empty() && !ref.empty()) e = referenceRule(s, i, row.name);
            if (!e.empty()) return e;
        }
        for (std::size_t r = 0; r < n.replicas.size() && e.empty(); ++r) {
            const std::string p = "replicas[" + std::to_string(r) + "]";
            e = expectRef(i, p.c_str(), n.replicas[r], {NodeKind::Replica});
            if (e.empty() && !replicaOwner.emplace(n.replicas[r], n.id).second)
                e = idx("nodes", i) + "." + p + ": replica \"" + n.replicas[r] +
                    "\" already belongs to \"" + replicaOwner[n.replicas[r]] + "\"";
        }
        if (!e.empty()) return e;
    }
    for (std::size_t i = 0; i < s.nodes.size(); ++i)
        if (s.nodes[i].kind == NodeKind::Replica && !replicaOwner.count(s.nodes[i].id))
            return idx("nodes", i) + ": replica \"" + s.nodes[i].id +
                   "\" is not listed in any datastore's replicas";

    // Links: endpoints exist, no self-loops, no duplicates, not drawn to a replicated datastore
    // itself.
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    Graph g(s.nodes.size());
    std::set<std::pair<std::string, std::string>> seen;
    for (std::size_t i = 0; i < s.links.size(); ++i) {
        const auto& l = s.links[i];
        for (const auto* end : {&l.a, &l.b}) {
            const NodeSpec* n = kindOf(*end);
            const char* f = end == &l.a ? ".a" : ".b";
            if (!n) return idx("links", i) + f + ": no node with id \"" + *end + "\"";
            if (n->kind == NodeKind::Datastore && !n->replicas.empty())
                return idx("links", i) + f + ": \"" + *end +
                       "\" has replicas; draw links to its replicas";
        }
        if (l.a == l.b) return idx("links", i) + ": a link from \"" + l.a + "\" to itself";
        const auto key = std::minmax(l.a, l.b);
        if (!seen.insert(key).second)
            return idx("links", i) + ": a second link between \"" + l.a + "\" and \"" + l.b + "\"";
        boost::add_edge(index[l.a], index[l.b], g);
    }
    std::vector<int> component(s.nodes.size());
    boost::connected_components(g, component.data());

    // Every reference needs a path at load time (a datastore with replicas: to any replica).
    auto reachable = [&](const std::string& from, const std::string& to) {
        const NodeSpec* t = kindOf(to);
        const int c = component[index[from]];
        if (t->kind == NodeKind::Datastore && !t->replicas.empty()) {
            for (const auto& r : t->replicas)
                if (component[index[r]] == c) return true;
            return false;
        }
        return component[index[to]] == c;
    };
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        const auto& n = s.nodes[i];
        for (const FieldRow& row : fieldTable()) {
            if (row.type != FieldType::Reference || !row.kinds.has(n.kind)) continue;
            const std::string ref = std::get<std::string>(row.access.get(n));
            if (!ref.empty() && !reachable(n.id, ref))
                return idx("nodes", i) + "." + row.name + ": no path of links from \"" + n.id +
                       "\" to \"" + ref + "\"";
        }
    }

    return validateTimeline(s, seen);
}

} // namespace cs::core
