#include "OverlayItems.h"

#include "Palette.h"

#include <QPainter>

#include <algorithm>

namespace cs::ui {
namespace {
QPixmap dot(const QColor& c) {
    QPixmap pm(12, 12);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(Qt::white, 1.5));
    p.setBrush(c);
    p.drawEllipse(QRectF(1, 1, 10, 10));
    return pm;
}
} // namespace

MessageLayer::MessageLayer() : m_request(dot(palette::kBlue)), m_response(dot(palette::kGreen)) {
    // Above links (0) and group frames (1), below nodes (2): a node's label is never covered.
    setZValue(1.5);
    setAcceptedMouseButtons(Qt::NoButton);
}

void MessageLayer::setArea(const QRectF& r) {
    prepareGeometryChange();
    m_area = r;
}

void MessageLayer::setDots(std::vector<Dot> dots) {
    m_dots = std::move(dots);
    update();
}

void MessageLayer::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    // Two batched calls (requests, responses) instead of one call per dot.
    for (const bool response : {false, true}) {
        m_fragments.clear();
        for (const Dot& d : m_dots)
            if (d.response == response)
                m_fragments.push_back(
                    QPainter::PixmapFragment::create(d.pos, QRectF(0, 0, 12, 12)));
        if (!m_fragments.empty())
            p->drawPixmapFragments(m_fragments.data(), static_cast<int>(m_fragments.size()),
                                   response ? m_response : m_request);
    }
}

bool PartitionLayer::setGroups(std::vector<QPolygonF> hulls) {
    if (hulls.size() < 2) hulls.clear();
    if (hulls == m_hulls) return false;
    m_hulls = std::move(hulls);
    return true;
}

QRectF PartitionLayer::boundingRect() const {
    QRectF r;
    for (const QPolygonF& h : m_hulls) r = r.united(h.boundingRect());
    return r.adjusted(-4, -4, 4, 4); // the dotted outline's half width, rounded up
}

void PartitionLayer::paint(QPainter* p) const {
    static const QColor tints[] = {palette::kSky, palette::kYellow, palette::kPurple,
                                   palette::kGreen, palette::kOrange};
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    for (std::size_t i = 0; i < m_hulls.size(); ++i) {
        QColor c = tints[i % 5];
        c.setAlpha(60);
        QPen pen(tints[i % 5], 3, Qt::DotLine);
        pen.setJoinStyle(Qt::RoundJoin);
        p->setPen(pen);
        p->setBrush(c);
        p->drawPolygon(m_hulls[i]);
    }
    p->restore();
}

QPolygonF convexHull(std::vector<QPointF> pts) {
    std::sort(pts.begin(), pts.end(), [](const QPointF& a, const QPointF& b) {
        return a.x() < b.x() || (a.x() == b.x() && a.y() < b.y());
    });
    pts.erase(std::unique(pts.begin(), pts.end()), pts.end());
    if (pts.size() < 3) return QPolygonF(QList<QPointF>(pts.begin(), pts.end()));
    auto cross = [](const QPointF& o, const QPointF& a, const QPointF& b) {
        return (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x());
    };
    std::vector<QPointF> h(2 * pts.size());
    std::size_t k = 0;
    for (const auto& p : pts) {
        while (k >= 2 && cross(h[k - 2], h[k - 1], p) <= 0) --k;
        h[k++] = p;
    }
    for (std::size_t i = pts.size() - 1, t = k + 1; i-- > 0;) {
        while (k >= t && cross(h[k - 2], h[k - 1], pts[i]) <= 0) --k;
        h[k++] = pts[i];
    }
    h.resize(k - 1);
    return QPolygonF(QList<QPointF>(h.begin(), h.end()));
}

} // namespace cs::ui
