#include "OverlayItems.h"

#include "Palette.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace cs::ui {
namespace {
constexpr double kDot = 12; // a message's size in scene units

// A message dot as it appears at `scale` pixels per scene unit on a screen of `dpr`.
QPixmap dot(const QColor& c, double scale, double dpr) {
    const int side = std::max(1, static_cast<int>(std::ceil(kDot * scale * dpr)));
    QPixmap pm(side, side);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(scale, scale);
    p.setPen(QPen(Qt::white, 1.5));
    p.setBrush(c);
    p.drawEllipse(QRectF(1, 1, 10, 10));
    return pm;
}
} // namespace

MessageLayer::MessageLayer() {
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
    const QTransform t = p->worldTransform();
    if (t.type() > QTransform::TxScale || t.m11() != t.m22() || t.m11() <= 0) { // rotated, sheared
        for (const Dot& d : m_dots) {
            p->setPen(QPen(Qt::white, 1.5));
            p->setBrush(d.response ? palette::kGreen : palette::kBlue);
            p->drawEllipse(d.pos, 5, 5);
        }
        return;
    }
    const double dpr = p->device() ? p->device()->devicePixelRatioF() : 1.0;
    if (t.m11() != m_scale || dpr != m_request.devicePixelRatio()) {
        m_scale = t.m11();
        m_request = dot(palette::kBlue, m_scale, dpr);
        m_response = dot(palette::kGreen, m_scale, dpr);
    }
    // In device pixels: each dot is a plain copy of a small image, no transformed drawing.
    const QPointF half(kDot / 2 * m_scale, kDot / 2 * m_scale);
    p->save();
    p->resetTransform();
    for (const Dot& d : m_dots)
        p->drawPixmap(t.map(d.pos) - half, d.response ? m_response : m_request);
    p->restore();
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
