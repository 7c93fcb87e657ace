// The physical network as a Boost.Graph: stable node ids, live/dead state, cached shortest routes.
#pragma once

#include "PairMap.h"

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
// Routing is Dijkstra by median link latency over live nodes and edges, run per (source,
// destination) pair until the destination is settled, and cached per pair until the topology
// changes: memory grows with the pairs that talk, not with nodes squared, and a search stops as
// soon as it reaches its (usually near) destination.
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
    // The cached route is looked up inline (every message asks); a miss searches.
    RouteId route(NodeId from, NodeId to) {
        if (const RouteId* cached = routeCache_.find(pairKey(from, to))) return *cached;
        return search(from, to, pairKey(from, to));
    }
    const Route& routeAt(RouteId r) const { return routes_[r]; }
    std::size_t routeCount() const { return routes_.size(); } // made so far (kept for ids)
    // A route's length and first edge, packed (read on every message: most routes are one edge).
    struct RouteHead {
        EdgeId first;
        std::uint32_t length;
    };
    const RouteHead& routeHead(RouteId r) const { return heads_[r]; }
    // Median-latency distance, +inf when unreachable.
    double distance(NodeId from, NodeId to);
    // Partition groups: the connected components of the graph of the links that are up (a dead
    // node splits nothing: it is an outage, not a partition); dead nodes get -1.
    std::vector<int> components() const;
    // Vertices settled by all searches so far: the work routing has done (tests bound it).
    std::uint64_t settledVertices() const { return settled_; }

private:
    using Graph =
        boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                              boost::property<boost::edge_index_t, EdgeId>>;
    struct LiveEdge;
    struct LinkUp;
    struct LiveNode;
    // Dijkstra from `from`, stopped once `to` is settled; leaves pred_ and dist_ filled for the
    // settled part. Returns the distance (+inf when unreachable).
    double search(NodeId from, NodeId to);
    RouteId search(NodeId from, NodeId to, std::uint64_t key); // a route not cached yet
    static std::uint64_t pairKey(NodeId from, NodeId to) {
        return static_cast<std::uint64_t>(from) << 32 | to;
    }
    void invalidate();

    Graph g_;
    std::vector<bool> nodeUp_;
    std::vector<bool> edgeUp_;
    std::vector<double> weight_;
    std::vector<std::pair<NodeId, NodeId>> ends_;
    std::uint64_t version_ = 0;
    PairMap<RouteId> routeCache_; // (from, to) -> route or kNone: read on every message
    std::unordered_map<std::uint64_t, double> distCache_; // (from, to) -> distance
    std::vector<Graph::vertex_descriptor> pred_;          // the last search's scratch
    std::vector<double> dist_;
    std::vector<Route> routes_;
    std::vector<RouteHead> heads_; // per route
    std::uint64_t settled_ = 0;
};

} // namespace cs::core
