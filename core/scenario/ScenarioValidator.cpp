// Cross-reference validation of a parsed scenario: ids, kinds, routes that exist at load time.
#include "ScenarioIO.h"

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
                         std::initializer_list<NodeKind> kinds) -> std::string {
        const NodeSpec* t = kindOf(ref);
        std::string names;
        for (auto k : kinds) names += (names.empty() ? "" : " or ") + std::string(toString(k));
        if (!t)
            return idx("nodes", i) + "." + field + ": no node with id \"" + ref +
                   "\" (expected a " + names + ")";
        for (auto k : kinds)
            if (t->kind == k) return {};
        return idx("nodes", i) + "." + field + ": \"" + ref + "\" is a " + toString(t->kind) +
               ", expected a " + names;
    };

    // Which datastore owns each replica.
    std::unordered_map<std::string, std::string> replicaOwner;
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        const auto& n = s.nodes[i];
        std::string e;
        switch (n.kind) {
        case NodeKind::Client:
            e = expectRef(i, "target", n.target,
                          {NodeKind::LoadBalancer, NodeKind::ServiceGroup, NodeKind::Datastore,
                           NodeKind::RateLimiter});
            break;
        case NodeKind::LoadBalancer:
            e = expectRef(i, "group", n.group, {NodeKind::ServiceGroup});
            break;
        case NodeKind::ServiceGroup:
            if (!n.datastore.empty())
                e = expectRef(i, "datastore", n.datastore, {NodeKind::Datastore});
            if (e.empty() && !n.session_store.empty()) {
                e = expectRef(i, "session_store", n.session_store, {NodeKind::SessionStore});
                if (e.empty() && n.state == ServiceState::Stateful)
                    e = idx("nodes", i) +
                        ".session_store: a stateful group keeps sessions in memory; use "
                        "\"state\": \"stateless\" with a session store";
            }
            if (e.empty() && !n.queue.empty()) {
                e = expectRef(i, "queue", n.queue, {NodeKind::Queue});
                if (e.empty() && n.datastore.empty())
                    e = idx("nodes", i) + ".queue: writes through a queue still need the group's "
                                          "datastore (reads go there)";
            }
            if (e.empty() && !n.cache.empty()) {
                e = expectRef(i, "cache", n.cache, {NodeKind::Cache});
                if (e.empty() && n.datastore.empty())
                    e = idx("nodes", i) + ".cache: a cache needs the group's datastore behind it";
            }
            break;
        case NodeKind::RateLimiter:
            e = expectRef(i, "target", n.target,
                          {NodeKind::LoadBalancer, NodeKind::ServiceGroup, NodeKind::Datastore});
            break;
        case NodeKind::SessionStore:
        case NodeKind::Cache:
            break;
        case NodeKind::Queue: {
            e = expectRef(i, "consumers", n.consumers, {NodeKind::ServiceGroup});
            const NodeSpec* g = e.empty() ? kindOf(n.consumers) : nullptr;
            if (g && g->queue == n.id)
                e = idx("nodes", i) + ".consumers: \"" + n.consumers +
                    "\" writes through this queue itself; its consumers need another path";
            else if (g && g->datastore.empty())
                e = idx("nodes", i) + ".consumers: \"" + n.consumers +
                    "\" has no datastore to apply the writes to";
            break;
        }
        case NodeKind::Datastore:
            for (std::size_t r = 0; r < n.replicas.size() && e.empty(); ++r) {
                const std::string p = "replicas[" + std::to_string(r) + "]";
                e = expectRef(i, p.c_str(), n.replicas[r], {NodeKind::Replica});
                if (e.empty() && !replicaOwner.emplace(n.replicas[r], n.id).second)
                    e = idx("nodes", i) + "." + p + ": replica \"" + n.replicas[r] +
                        "\" already belongs to \"" + replicaOwner[n.replicas[r]] + "\"";
            }
            break;
        case NodeKind::Replica:
            break;
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
        const std::pair<const char*, const std::string*> refs[] = {
            {"target",
             n.kind == NodeKind::Client || n.kind == NodeKind::RateLimiter ? &n.target : nullptr},
            {"group", n.kind == NodeKind::LoadBalancer ? &n.group : nullptr},
            {"datastore", n.kind == NodeKind::ServiceGroup ? &n.datastore : nullptr},
            {"session_store", n.kind == NodeKind::ServiceGroup ? &n.session_store : nullptr},
            {"cache", n.kind == NodeKind::ServiceGroup ? &n.cache : nullptr},
            {"queue", n.kind == NodeKind::ServiceGroup ? &n.queue : nullptr},
            {"consumers", n.kind == NodeKind::Queue ? &n.consumers : nullptr}};
        for (const auto& [field, ref] : refs)
            if (ref && !ref->empty() && !reachable(n.id, *ref))
                return idx("nodes", i) + "." + field + ": no path of links from \"" + n.id +
                       "\" to \"" + *ref + "\"";
    }

    // Timeline: targets that are nodes, or members that could exist at run time.
    auto nodeOrMember = [&](const std::string& id) {
        return kindOf(id) || isPossibleMember(s, id);
    };
    auto ownerOf = [&](const std::string& id) {
        return kindOf(id) ? id : id.substr(0, id.rfind('-'));
    };
    for (std::size_t i = 0; i < s.timeline.size(); ++i) {
        const auto& a = s.timeline[i];
        const std::string p = idx("timeline", i);
        switch (a.kind) {
        case ActionKind::KillNode:
        case ActionKind::RestartNode:
            if (!nodeOrMember(a.node))
                return p + ".node: no node or instance named \"" + a.node + "\"";
            break;
        case ActionKind::AddShard: {
            const NodeSpec* n = kindOf(a.node);
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
            const NodeSpec* n = kindOf(a.node);
            if (!n || n->kind != NodeKind::Client)
                return p + ".node: \"" + a.node + "\" is not a client";
            break;
        }
        case ActionKind::SetField: {
            const NodeSpec* n = kindOf(a.node);
            if (!n) return p + ".node: no node named \"" + a.node + "\"";
            static const std::map<NodeKind, std::set<std::string>> numeric = {
                {NodeKind::Client, {"rate_rps", "read_fraction", "timeout_ms", "retries"}},
                {NodeKind::LoadBalancer, {"health_check_interval_ms", "timeout_ms"}},
                {NodeKind::ServiceGroup,
                 {"instances", "cores", "queue_capacity", "service_ms", "timeout_ms"}},
                {NodeKind::Datastore, {"cores", "queue_capacity", "service_ms"}},
                {NodeKind::Replica, {}},
                {NodeKind::SessionStore, {"cores", "queue_capacity", "service_ms"}},
                {NodeKind::Cache, {"cores", "queue_capacity", "service_ms"}},
                {NodeKind::RateLimiter, {"limit_rps", "burst", "window_ms"}},
                {NodeKind::Queue, {}}};
            const bool isString = std::holds_alternative<std::string>(a.value);
            if (n->kind == NodeKind::Datastore && a.field == "mode") {
                if (n->replicas.empty())
                    return p + ".field: \"" + a.node +
                           "\" has no replicas: mode is for replica sets";
                if (!isString || (std::get<std::string>(a.value) != "CP" &&
                                  std::get<std::string>(a.value) != "AP"))
                    return p + ".value: expected \"CP\" or \"AP\"";
                break;
            }
            if (n->kind == NodeKind::ServiceGroup && a.field == "autoscaling.policy") {
                if (!n->autoscaling)
                    return p + ".field: \"" + a.node + "\" has no autoscaling to switch";
                if (!isString || !scalingPolicyFromString(std::get<std::string>(a.value)))
                    return p + ".value: expected \"manual\", \"step\", \"target_tracking\" or "
                               "\"scheduled\"";
                if (std::get<std::string>(a.value) == "step" && n->autoscaling->steps.empty())
                    return p + ".value: \"step\" needs the group's autoscaling.steps";
                break;
            }
            if (n->kind == NodeKind::LoadBalancer && a.field == "algorithm") {
                if (!isString || !lbAlgorithmFromString(std::get<std::string>(a.value)))
                    return p +
                           ".value: expected \"round_robin\", \"least_outstanding\" or \"random\"";
                break;
            }
            if (!numeric.at(n->kind).count(a.field))
                return p + ".field: \"" + a.field + "\" cannot be set on a " + toString(n->kind);
            if (isString) return p + ".value: expected a number for " + a.field;
            const double v = std::get<double>(a.value);
            if (v < 0 || (a.field == "read_fraction" && v > 1) || (a.field == "cores" && v < 1))
                return p + ".value: out of range for " + a.field;
            break;
        }
        }
    }
    return {};
}

} // namespace cs::core
