// The physical network as a Boost.Graph: stable node ids, live/dead state, cached shortest routes.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include <cstdint>
#include <limits>
#include <unordered_map>
#include <vector>

namespace cs::core {

using NodeId = std::uint32_t;
using EdgeId = std::uint32_t;
using RouteId = std::uint32_t;
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// A route is immutable once made, so messages in flight may keep its id across topology changes.
struct Route {
    std::vector<EdgeId> edges;
    std::vector<NodeId>
        nodes;         // nodes[i] is reached by crossing edges[i]; nodes.back() is the destination
    double cost = 0.0; // sum of median latencies (ms)
};

// Nodes and edges are never removed, only marked down, so ids stay stable (DESIGN.md section 3).
// Routing is Dijkstra by median link latency over live nodes and edges, computed once per source
// and cached until the topology changes.
class Topology {
public:
    NodeId addNode();
    EdgeId addEdge(NodeId a, NodeId b, double weight);
    void setNodeUp(NodeId n, bool up);
    void setEdgeUp(EdgeId e, bool up);
    void setEdgeWeight(EdgeId e, double weight);
    bool nodeUp(NodeId n) const { return nodeUp_[n]; }
    bool edgeUp(EdgeId e) const { return edgeUp_[e]; }
    std::size_t nodeCount() const { return nodeUp_.size(); }
    std::size_t edgeCount() const { return edgeUp_.size(); }
    std::pair<NodeId, NodeId> endpoints(EdgeId e) const { return ends_[e]; }
    // Bumped by every change that can alter a route.
    std::uint64_t version() const { return version_; }

    // kNone when `to` cannot be reached over live nodes and edges (or either end is down).
    RouteId route(NodeId from, NodeId to);
    const Route& routeAt(RouteId r) const { return routes_[r]; }
    // Median-latency distance, +inf when unreachable.
    double distance(NodeId from, NodeId to);
    // Partition groups: the connected components of the live graph; dead nodes get -1.
    std::vector<int> components() const;

private:
    using Graph =
        boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                              boost::property<boost::edge_index_t, EdgeId>>;
    struct LiveEdge;
    struct LiveNode;
    struct SourceTree {
        std::vector<EdgeId> predEdge;
        std::vector<double> dist;
    };
    const SourceTree& tree(NodeId from);
    void invalidate();

    Graph g_;
    std::vector<bool> nodeUp_;
    std::vector<bool> edgeUp_;
    std::vector<double> weight_;
    std::vector<std::pair<NodeId, NodeId>> ends_;
    std::uint64_t version_ = 0;
    std::unordered_map<NodeId, SourceTree> trees_;
    // routeCache_[from][to]: kUnknown until asked; a row is allocated when its source first routes.
    std::vector<std::vector<RouteId>> routeCache_;
    std::vector<Route> routes_;
};

} // namespace cs::core
