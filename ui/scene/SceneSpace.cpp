// Where things are in the topology scene: what the diagram covers (for exports and the message
// layer) and a free spot for a node added from the palette.
#include "NodeItem.h"
#include "TopologyScene.h"

#include <QGraphicsLineItem>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace cs::ui {
namespace {
constexpr double kGap = 16; // between a new node's footprint and its neighbours
constexpr int kRings = 40;  // how far the search steps out before it gives up

// A node or a frame with everything drawn for it (labels, badges, a frame's members).
bool isDiagram(const QGraphicsItem* item) {
    const int t = item->type();
    return t == NodeItem::Type || t == GroupFrameItem::Type || t == LinkItem::Type;
}

QRectF coverOf(const QGraphicsItem* item) {
    return item->sceneBoundingRect() | item->mapRectToScene(item->childrenBoundingRect());
}
} // namespace

QRectF TopologyScene::diagramRect() const {
    QRectF r;
    for (const QGraphicsItem* item : items())
        if (!item->parentItem() && isDiagram(item) && item->isVisible()) r |= coverOf(item);
    if (!m_partitions.isEmpty()) r |= m_partitions.boundingRect();
    return r;
}

QRectF TopologyScene::footprintOf(const core::NodeSpec& n) const {
    const QString id = QString::fromStdString(n.id);
    if (n.kind == core::NodeKind::ServiceGroup ||
        (n.kind == core::NodeKind::Datastore && n.shards)) {
        GroupFrameItem frame(id, n.kind, true); // as rebuildItems draws it, off the scene
        for (const Member& m : membersOf(n)) new NodeItem(m.name, id, n.kind, m.number, &frame);
        layoutMembers(&frame);
        return frame.boundingRect() | frame.childrenBoundingRect();
    }
    return NodeItem(id, id, n.kind).boundingRect();
}

QPointF TopologyScene::freeSpotFor(const core::NodeSpec& n, QPointF from) const {
    const QRectF foot = footprintOf(n);
    std::vector<QRectF> taken;
    for (const QGraphicsItem* item : items())
        if (!item->parentItem() && item->type() != LinkItem::Type && isDiagram(item))
            taken.push_back(coverOf(item).adjusted(-kGap, -kGap, kGap, kGap));
    const auto free = [&](QPointF at) {
        const QRectF r = foot.translated(at);
        return std::none_of(taken.begin(), taken.end(),
                            [&](const QRectF& t) { return t.intersects(r); });
    };
    const QPointF start(std::round(from.x()), std::round(from.y()));
    const double dx = std::ceil(foot.width() / 2 + kGap), dy = std::ceil(foot.height() / 2 + kGap);
    // Rings of half-footprint steps around the start; in a ring the nearest first, and of equally
    // near ones those to the right, then those below.
    for (int k = 0; k <= kRings; ++k) {
        std::vector<std::pair<int, int>> ring;
        for (int j = -k; j <= k; ++j)
            for (int i = -k; i <= k; ++i)
                if (std::max(std::abs(i), std::abs(j)) == k) ring.emplace_back(i, j);
        std::stable_sort(ring.begin(), ring.end(), [](const auto& a, const auto& b) {
            const auto rank = [](const std::pair<int, int>& p) {
                return std::tuple(std::abs(p.first) + std::abs(p.second), p.first < 0, p.second < 0,
                                  std::abs(p.second));
            };
            return rank(a) < rank(b);
        });
        for (const auto& [i, j] : ring)
            if (const QPointF at = start + QPointF(i * dx, j * dy); free(at)) return at;
    }
    return start;
}

} // namespace cs::ui
