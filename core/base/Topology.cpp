#include "Topology.h"

#include <boost/graph/connected_components.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/property_map/function_property_map.hpp>

#include <algorithm>

namespace cs::core {

// Filters for the live graph. Boost's filter iterators need default-constructible, assignable
// predicates, which lambdas are not.
struct Topology::LiveEdge {
    const Topology* t = nullptr;
    bool operator()(const Graph::edge_descriptor& e) const {
        return t->edgeUp_[boost::get(boost::edge_index, t->g_, e)] &&
               t->nodeUp_[boost::source(e, t->g_)] && t->nodeUp_[boost::target(e, t->g_)];
    }
};
struct Topology::LinkUp { // whatever the state of its ends
    const Topology* t = nullptr;
    bool operator()(const Graph::edge_descriptor& e) const {
        return t->edgeUp_[boost::get(boost::edge_index, t->g_, e)];
    }
};
struct Topology::LiveNode {
    const Topology* t = nullptr;
    bool operator()(Graph::vertex_descriptor v) const { return t->nodeUp_[v]; }
};

NodeId Topology::addNode() {
    const auto v = static_cast<NodeId>(boost::add_vertex(g_));
    nodeUp_.push_back(true);
    invalidate();
    return v;
}

EdgeId Topology::addEdge(NodeId a, NodeId b, double weight) {
    const auto id = static_cast<EdgeId>(edgeUp_.size());
    boost::add_edge(a, b, id, g_);
    edgeUp_.push_back(true);
    weight_.push_back(weight);
    ends_.emplace_back(a, b);
    invalidate();
    return id;
}

void Topology::setNodeUp(NodeId n, bool up) {
    if (nodeUp_[n] == up) return;
    nodeUp_[n] = up;
    invalidate();
}

void Topology::setEdgeUp(EdgeId e, bool up) {
    if (edgeUp_[e] == up) return;
    edgeUp_[e] = up;
    invalidate();
}

void Topology::setEdgeWeight(EdgeId e, double weight) {
    if (weight_[e] == weight) return;
    weight_[e] = weight;
    invalidate();
}

void Topology::invalidate() {
    ++version_;
    routeCache_.clear();
    distCache_.clear();
    // Routes already handed out stay in routes_: messages in flight refer to them by id.
}

namespace {
struct Settled {}; // thrown to stop the search once the destination is settled
template <typename Vertex> struct StopAt : boost::default_dijkstra_visitor {
    Vertex target;
    std::uint64_t* settled; // Boost copies visitors: count through a pointer
    StopAt(Vertex t, std::uint64_t* count) : target(t), settled(count) {}
    template <typename G> void examine_vertex(Vertex v, const G&) const {
        ++*settled;
        if (v == target) throw Settled{};
    }
};
} // namespace

double Topology::search(NodeId from, NodeId to) {
    auto edgeIndex = boost::get(boost::edge_index, g_);
    boost::filtered_graph<Graph, LiveEdge, LiveNode> live(g_, LiveEdge{this}, LiveNode{this});
    const std::size_t n = boost::num_vertices(g_);
    pred_.resize(n);
    dist_.resize(n);
    auto weight = boost::make_function_property_map<Graph::edge_descriptor, double>(
        [this, edgeIndex](const Graph::edge_descriptor& e) {
            return weight_[boost::get(edgeIndex, e)];
        });
    // Stopping early leaves every settled vertex exactly as a full run would: the order in which
    // vertices are settled (and so the ties between equal routes) does not depend on when it ends.
    try {
        boost::dijkstra_shortest_paths(
            live, from,
            boost::predecessor_map(pred_.data())
                .distance_map(dist_.data())
                .weight_map(weight)
                .distance_inf(std::numeric_limits<double>::infinity())
                .vertex_index_map(boost::get(boost::vertex_index, g_))
                .visitor(StopAt<Graph::vertex_descriptor>(to, &settled_)));
    } catch (const Settled&) {
    }
    return dist_[to];
}

RouteId Topology::search(NodeId from, NodeId to, std::uint64_t key) {
    routeCache_.set(key, kNone); // until a route is found
    if (!nodeUp_[from] || !nodeUp_[to] || from == to) return kNone;
    const double cost = search(from, to);
    distCache_[key] = cost;
    if (!std::isfinite(cost)) return kNone;
    auto edgeIndex = boost::get(boost::edge_index, g_);
    const LiveEdge liveEdge{this};
    Route r;
    r.cost = cost;
    for (NodeId v = to; v != from;) {
        // The edge used to reach v: the live edge to its predecessor with the least weight.
        EdgeId used = kNone;
        double best = std::numeric_limits<double>::infinity();
        for (auto [e, end] = boost::out_edges(v, g_); e != end; ++e) {
            if (boost::target(*e, g_) != pred_[v] || !liveEdge(*e)) continue;
            const EdgeId id = boost::get(edgeIndex, *e);
            if (weight_[id] < best) {
                best = weight_[id];
                used = id;
            }
        }
        r.edges.push_back(used);
        r.nodes.push_back(v);
        v = static_cast<NodeId>(pred_[v]);
    }
    std::reverse(r.edges.begin(), r.edges.end());
    std::reverse(r.nodes.begin(), r.nodes.end());
    const auto id = static_cast<RouteId>(routes_.size());
    heads_.push_back(RouteHead{r.edges.front(), static_cast<std::uint32_t>(r.edges.size())});
    routes_.push_back(std::move(r));
    routeCache_.set(key, id);
    return id;
}

double Topology::distance(NodeId from, NodeId to) {
    if (from == to) return 0.0;
    if (!nodeUp_[from] || !nodeUp_[to]) return std::numeric_limits<double>::infinity();
    const auto [it, fresh] = distCache_.try_emplace(pairKey(from, to), 0.0);
    if (fresh) it->second = search(from, to);
    return it->second;
}

std::vector<int> Topology::components() const {
    // By the links alone: a dead node still joins its links' ends (a crash is an outage, not a
    // network split), so only cut links make more than one part.
    boost::filtered_graph<Graph, LinkUp> live(g_, LinkUp{this});
    std::vector<int> comp(boost::num_vertices(g_), -1);
    boost::connected_components(live, comp.data());
    for (std::size_t v = 0; v < comp.size(); ++v)
        if (!nodeUp_[v]) comp[v] = -1;
    return comp;
}

} // namespace cs::core
