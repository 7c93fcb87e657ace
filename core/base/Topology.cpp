#include "Topology.h"

#include <boost/graph/connected_components.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/property_map/function_property_map.hpp>

#include <algorithm>

namespace cs::core {
namespace {
constexpr RouteId kUnknown = kNone - 1; // a route cache entry not computed yet
}

// Filters for the live graph. Boost's filter iterators need default-constructible, assignable
// predicates, which lambdas are not.
struct Topology::LiveEdge {
    const Topology* t = nullptr;
    bool operator()(const Graph::edge_descriptor& e) const {
        return t->edgeUp_[boost::get(boost::edge_index, t->g_, e)] &&
               t->nodeUp_[boost::source(e, t->g_)] && t->nodeUp_[boost::target(e, t->g_)];
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
    trees_.clear();
    for (auto& row : routeCache_) std::fill(row.begin(), row.end(), kUnknown);
    // Routes already handed out stay in routes_: messages in flight refer to them by id.
}

const Topology::SourceTree& Topology::tree(NodeId from) {
    auto it = trees_.find(from);
    if (it != trees_.end()) return it->second;

    auto edgeIndex = boost::get(boost::edge_index, g_);
    const LiveEdge liveEdge{this};
    boost::filtered_graph<Graph, LiveEdge, LiveNode> live(g_, liveEdge, LiveNode{this});

    const std::size_t n = boost::num_vertices(g_);
    std::vector<Graph::vertex_descriptor> pred(n);
    std::vector<double> dist(n, std::numeric_limits<double>::infinity());
    auto weight = boost::make_function_property_map<Graph::edge_descriptor, double>(
        [this, edgeIndex](const Graph::edge_descriptor& e) {
            return weight_[boost::get(edgeIndex, e)];
        });
    boost::dijkstra_shortest_paths(live, from,
                                   boost::predecessor_map(pred.data())
                                       .distance_map(dist.data())
                                       .weight_map(weight)
                                       .distance_inf(std::numeric_limits<double>::infinity())
                                       .vertex_index_map(boost::get(boost::vertex_index, g_)));

    SourceTree t;
    t.dist = std::move(dist);
    t.predEdge.assign(n, kNone);
    // Recover the edge used to reach each vertex: the live edge to its predecessor with the least
    // weight.
    for (std::size_t v = 0; v < n; ++v) {
        if (pred[v] == v || !std::isfinite(t.dist[v])) continue;
        double best = std::numeric_limits<double>::infinity();
        for (auto [e, end] = boost::out_edges(v, g_); e != end; ++e) {
            if (boost::target(*e, g_) != pred[v] || !liveEdge(*e)) continue;
            const EdgeId id = boost::get(edgeIndex, *e);
            if (weight_[id] < best) {
                best = weight_[id];
                t.predEdge[v] = id;
            }
        }
    }
    return trees_.emplace(from, std::move(t)).first->second;
}

RouteId Topology::route(NodeId from, NodeId to) {
    if (routeCache_.size() <= from) routeCache_.resize(nodeUp_.size());
    auto& row = routeCache_[from];
    if (row.size() <= to) row.resize(nodeUp_.size(), kUnknown);
    if (row[to] != kUnknown) return row[to];
    RouteId id = kNone;
    if (nodeUp_[from] && nodeUp_[to] && from != to) {
        const SourceTree& t = tree(from);
        if (std::isfinite(t.dist[to])) {
            Route r;
            r.cost = t.dist[to];
            for (NodeId v = to; v != from;) {
                const EdgeId e = t.predEdge[v];
                r.edges.push_back(e);
                r.nodes.push_back(v);
                v = ends_[e].first == v ? ends_[e].second : ends_[e].first;
            }
            std::reverse(r.edges.begin(), r.edges.end());
            std::reverse(r.nodes.begin(), r.nodes.end());
            id = static_cast<RouteId>(routes_.size());
            routes_.push_back(std::move(r));
        }
    }
    routeCache_[from][to] = id;
    return id;
}

double Topology::distance(NodeId from, NodeId to) {
    if (from == to) return 0.0;
    if (!nodeUp_[from] || !nodeUp_[to]) return std::numeric_limits<double>::infinity();
    return tree(from).dist[to];
}

std::vector<int> Topology::components() const {
    boost::filtered_graph<Graph, LiveEdge> live(g_, LiveEdge{this});
    std::vector<int> comp(boost::num_vertices(g_), -1);
    boost::connected_components(live, comp.data());
    for (std::size_t v = 0; v < comp.size(); ++v)
        if (!nodeUp_[v]) comp[v] = -1;
    return comp;
}

} // namespace cs::core
