#include "AutoLayout.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/fruchterman_reingold.hpp>
#include <boost/graph/random_layout.hpp>
#include <boost/graph/topology.hpp>
#include <boost/random/linear_congruential.hpp>

#include <algorithm>
#include <map>

namespace cs::ui {

std::vector<std::pair<std::string, QPointF>> autoLayout(const core::Scenario& s) {
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    using Topo = boost::rectangle_topology<boost::minstd_rand>;
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < s.nodes.size(); ++i) index[s.nodes[i].id] = i;
    Graph all(s.nodes.size());
    auto join = [&](const std::string& a, const std::string& b) {
        if (index.count(a) && index.count(b) && a != b) boost::add_edge(index[a], index[b], all);
    };
    for (const auto& l : s.links) join(l.a, l.b);
    for (const auto& n : s.nodes) // references pull too, so a store sits near its replicas
        for (const auto& r : n.replicas) join(n.id, r);

    std::vector<int> comp(s.nodes.size());
    const int components = s.nodes.empty() ? 0 : boost::connected_components(all, comp.data());
    std::vector<std::pair<std::string, QPointF>> out;
    double xOffset = 0;
    for (int c = 0; c < components; ++c) {
        std::vector<std::size_t> members;
        for (std::size_t i = 0; i < comp.size(); ++i)
            if (comp[i] == c) members.push_back(i);
        std::map<std::size_t, std::size_t> local;
        for (std::size_t k = 0; k < members.size(); ++k) local[members[k]] = k;
        Graph g(members.size());
        for (auto [e, end] = boost::edges(all); e != end; ++e) {
            const auto a = boost::source(*e, all), b = boost::target(*e, all);
            if (local.count(a) && local.count(b)) boost::add_edge(local[a], local[b], g);
        }
        const double side = 260.0 * std::sqrt(static_cast<double>(members.size())) + 160.0;
        boost::minstd_rand gen(42u + static_cast<unsigned>(c));
        Topo topo(gen, 0, 0, side, side);
        std::vector<Topo::point_type> pos(members.size());
        auto posMap =
            boost::make_iterator_property_map(pos.begin(), boost::get(boost::vertex_index, g));
        boost::random_graph_layout(g, posMap, topo);
        if (members.size() > 1)
            boost::fruchterman_reingold_force_directed_layout(
                g, posMap, topo, boost::cooling(boost::linear_cooling<double>(200)));
        double minX = 1e18, maxX = -1e18, minY = 1e18;
        for (const auto& p : pos) {
            minX = std::min(minX, p[0]);
            maxX = std::max(maxX, p[0]);
            minY = std::min(minY, p[1]);
        }
        for (std::size_t k = 0; k < members.size(); ++k)
            out.emplace_back(s.nodes[members[k]].id,
                             QPointF(xOffset + pos[k][0] - minX + 120, pos[k][1] - minY + 120));
        xOffset += (maxX - minX) + 360;
    }
    return out;
}

} // namespace cs::ui
