#include "NodeItem.h"

#include "Palette.h"

#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace cs::ui {
using namespace palette;

namespace {
double g_labelScale = 1.0; // NodeItem::setLabelScale
double g_labelBoost = 1.0; // NodeItem::setLabelBoost

// The scale labels are drawn at: the window's, times the view's boost when it is zoomed far out.
double labelScaleNow() {
    return std::min(g_labelScale * g_labelBoost, 6.0);
}

QFont labelFont() {
    QFont f;
    f.setPointSizeF(NodeItem::kLabelPoints * labelScaleNow());
    f.setBold(true);
    return f;
}

// The shape of a kind, the same in the topology and the palette: one glance tells the role.
QPainterPath outlineOf(core::NodeKind kind, const QRectF& b) {
    QPainterPath outline;
    switch (lookOf(kind).shape) {
    case Shape::Ellipse:
        outline.addEllipse(b);
        break;
    case Shape::Diamond: {
        QPolygonF diamond({QPointF(b.center().x(), b.top()), QPointF(b.right(), b.center().y()),
                           QPointF(b.center().x(), b.bottom()), QPointF(b.left(), b.center().y())});
        outline.addPolygon(diamond);
        outline.closeSubpath();
        break;
    }
    case Shape::RoundedBox:
        outline.addRoundedRect(b, 8, 8);
        break;
    case Shape::Hexagon: {
        const double dx = b.width() / 4;
        outline.addPolygon(
            QPolygonF({QPointF(b.left() + dx, b.top()), QPointF(b.right() - dx, b.top()),
                       QPointF(b.right(), b.center().y()), QPointF(b.right() - dx, b.bottom()),
                       QPointF(b.left() + dx, b.bottom()), QPointF(b.left(), b.center().y())}));
        outline.closeSubpath();
        break;
    }
    case Shape::Funnel: {
        const double neck = b.width() * 0.32;
        outline.addPolygon(QPolygonF({b.topLeft(), b.topRight(),
                                      QPointF(b.center().x() + neck / 2, b.center().y() + 4),
                                      QPointF(b.center().x() + neck / 2, b.bottom()),
                                      QPointF(b.center().x() - neck / 2, b.bottom()),
                                      QPointF(b.center().x() - neck / 2, b.center().y() + 4)}));
        outline.closeSubpath();
        break;
    }
    case Shape::Slots: { // a wide box with message slots
        const QRectF q = b.adjusted(-8, b.height() * 0.22, 8, -b.height() * 0.22);
        outline.addRoundedRect(q, 4, 4);
        for (int k = 1; k < 4; ++k) {
            const double x = q.left() + q.width() * k / 4;
            outline.moveTo(x, q.top());
            outline.lineTo(x, q.bottom());
        }
        break;
    }
    case Shape::Cylinder: {
        const double e = b.height() * 0.18;
        outline.moveTo(b.left(), b.top() + e / 2);
        outline.arcTo(QRectF(b.left(), b.top(), b.width(), e), 180, -180);
        outline.lineTo(b.right(), b.bottom() - e / 2);
        outline.arcTo(QRectF(b.left(), b.bottom() - e, b.width(), e), 0, -180);
        outline.closeSubpath();
        break;
    }
    }
    return outline;
}
} // namespace

NodeItem::NodeItem(QString name, QString specId, core::NodeKind kind, int member,
                   QGraphicsItem* parent)
    : QGraphicsItem(parent), m_name(std::move(name)), m_specId(std::move(specId)), m_kind(kind),
      m_member(member), m_outline(outlineOf(kind, body())) {
    setFlags(ItemIsSelectable | ItemSendsScenePositionChanges |
             (isMember() ? GraphicsItemFlag{} : ItemIsMovable));
    setAcceptHoverEvents(true);
    setZValue(2);
    // Repainted from a pixmap unless its state changed: the view repaints every item every frame.
    setCacheMode(DeviceCoordinateCache);
    if (!isMember())
        setToolTip(QObject::tr("%1 (%2)").arg(m_name, kindLabel(kind)));
    else if (kind == core::NodeKind::ServiceGroup)
        setToolTip(QObject::tr("%1: instance #%2 of %3").arg(m_name).arg(member).arg(m_specId));
    else
        setToolTip(QObject::tr("%1: shard #%2 of %3").arg(m_name).arg(member).arg(m_specId));
}

QRectF NodeItem::body() const {
    const double s = isMember() ? kMemberSize : kNodeSize;
    return {-s / 2, -s / 2, s, s};
}

void NodeItem::setLabelScale(double scale) {
    g_labelScale = std::clamp(scale, 0.5, 4.0);
}

void NodeItem::setLabelBoost(double boost) {
    g_labelBoost = std::max(1.0, boost);
}

double NodeItem::labelScale() {
    return g_labelScale;
}

double NodeItem::labelPointSize() {
    return labelFont().pointSizeF();
}

QRectF NodeItem::boundingRect() const {
    const QRectF b = body();
    // Room for the label below and the queue badge above right; as much above as below, so that
    // the middle of the item is the middle of the node.
    const double s = labelScaleNow();
    return b.adjusted(-40 * s, -26 * s, 40 * s, 26 * s);
}

QPainterPath NodeItem::shape() const {
    QPainterPath p;
    p.addRect(body().adjusted(-3, -3, 3, 3));
    return p;
}

void NodeItem::setState(bool alive, int busy, int cores, int queued, bool leader, std::uint64_t lag,
                        bool warming, bool draining) {
    if (alive == m_alive && busy == m_busy && cores == m_cores && queued == m_queued &&
        leader == m_leader && lag == m_lag && warming == m_warming && draining == m_draining)
        return;
    m_leader = leader;
    m_lag = lag;
    m_warming = warming;
    m_draining = draining;
    m_alive = alive;
    m_busy = busy;
    m_cores = cores;
    m_queued = queued;
    update();
}

void NodeItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    p->setRenderHint(QPainter::Antialiasing);
    const QRectF b = body();
    paintBody(p, m_outline, b);
    paintBadges(p, b);
    paintLabel(p, b);
    paintLimiterCounts(p, b);
}

// Fill = utilisation, outline = role, dead = grey and crossed; warming and draining are dotted.
void NodeItem::paintBody(QPainter* p, const QPainterPath& outline, const QRectF& b) const {
    const QColor role = roleColour(m_kind);
    // Fill = utilisation (busy cores / cores), from the bottom up.
    p->fillPath(outline, QColor(250, 250, 250));
    if (m_cores > 0 && m_busy > 0) {
        const double u = std::min(1.0, static_cast<double>(m_busy) / m_cores);
        p->save();
        p->setClipPath(outline);
        QColor fill = u > 0.85 ? kVermillion : kSky;
        fill.setAlpha(170);
        p->fillRect(QRectF(b.left(), b.bottom() - b.height() * u, b.width(), b.height() * u), fill);
        p->restore();
    }
    // Outline = role; a dead node is grey and dashed with a cross.
    QPen pen(m_alive ? role : kGrey, isSelected() ? 5 : 3, m_alive ? Qt::SolidLine : Qt::DashLine);
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    p->drawPath(outline);
    if (m_alive && (m_warming || m_draining)) { // being added or removed: dotted, with a word
        p->setPen(QPen(m_warming ? kSky : kGrey, 3, Qt::DotLine));
        p->drawPath(outline);
        QFont small = labelFont();
        small.setPointSizeF(7.5);
        p->setFont(small);
        p->setPen(kBlack);
        p->drawText(b, Qt::AlignCenter,
                    m_warming ? QObject::tr("warming") : QObject::tr("draining"));
    }
    if (!m_alive) {
        p->setPen(QPen(kVermillion, 4));
        p->drawLine(b.topLeft() + QPointF(10, 10), b.bottomRight() - QPointF(10, 10));
        p->drawLine(b.topRight() + QPointF(-10, 10), b.bottomLeft() + QPointF(10, -10));
    }
}

// What a glance must catch besides load: replica lag, the leader, the queue, a cache's hit ratio.
void NodeItem::paintBadges(QPainter* p, const QRectF& b) const {
    // Replica lag: its own channel, a ring whose thickness grows with the keys it is behind on.
    if (m_lag > 0) {
        const double w = std::min(9.0, 2.0 + std::log2(static_cast<double>(m_lag)));
        p->setPen(QPen(kVermillion, w, Qt::DotLine));
        p->setBrush(Qt::NoBrush);
        p->drawEllipse(b.center(), b.width() / 2 + 9, b.height() / 2 + 9);
    }
    // Leader badge: a filled star-like "L" marker at the top left.
    if (m_leader) {
        const QRectF badge(b.left() - 14, b.top() - 14, 26, 26);
        p->setPen(QPen(Qt::white, 2));
        p->setBrush(kBlue);
        p->drawEllipse(badge);
        QFont f = labelFont();
        f.setPointSizeF(10);
        p->setFont(f);
        p->setPen(Qt::white);
        p->drawText(badge, Qt::AlignCenter, QStringLiteral("L"));
    }
    // Queue badge.
    if (m_queued > 0) {
        const QString q = QString::number(m_queued);
        QFont f = labelFont();
        f.setPointSizeF(9);
        p->setFont(f);
        const QRectF badge(b.right() - 12, b.top() - 12, std::max(24.0, 10.0 + 8.0 * q.size()), 20);
        p->setPen(Qt::NoPen);
        p->setBrush(kBlack);
        p->drawRoundedRect(badge, 10, 10);
        p->setPen(Qt::white);
        p->drawText(badge, Qt::AlignCenter, q);
    }
    if (m_hitRatio >= 0 && m_alive) { // a cache: its hit ratio so far, inside the shape
        QFont f = labelFont();
        f.setPointSizeF(10);
        f.setBold(true);
        p->setFont(f);
        p->setPen(kBlack);
        p->drawText(b, Qt::AlignCenter, QStringLiteral("%1%").arg(std::lround(m_hitRatio * 100)));
    }
}

namespace {
QString shortCount(std::uint64_t n) {
    if (n < 10'000) return QString::number(n);
    if (n < 1'000'000) return QStringLiteral("%1k").arg(static_cast<double>(n) / 1e3, 0, 'f', 0);
    return QStringLiteral("%1M").arg(static_cast<double>(n) / 1e6, 0, 'f', 1);
}
} // namespace

// Passed over limited, beside the funnel: the limiter's whole story at a glance.
void NodeItem::paintLimiterCounts(QPainter* p, const QRectF& b) const {
    if (!m_limiter) return;
    QFont f = labelFont();
    f.setPointSizeF(8.5);
    f.setBold(true);
    p->setFont(f);
    const QRectF top(b.right() + 2, b.top() + 4, 38, b.height() / 2 - 4);
    const QRectF bottom(b.right() + 2, b.center().y(), 38, b.height() / 2 - 4);
    p->setPen(kGreen.darker(130));
    p->drawText(top, Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("✓") + shortCount(m_passed));
    p->setPen(kVermillion);
    p->drawText(bottom, Qt::AlignLeft | Qt::AlignVCenter,
                QStringLiteral("✗") + shortCount(m_limited));
}

void NodeItem::paintLabel(QPainter* p, const QRectF& b) const {
    p->setFont(labelFont());
    p->setPen(kBlack);
    // An instance shows its number only: the frame names the group, and long names would overlap.
    const double s = labelScaleNow();
    const QRectF area(b.left() - 40 * s, b.bottom() + 2, b.width() + 80 * s, 22 * s);
    // A long name is elided in the middle (its start and its number stay) rather than spill
    // under the neighbours' labels; the tooltip has it whole.
    const QString label = QFontMetricsF(p->font()).elidedText(
        isMember() ? QStringLiteral("#%1").arg(m_member) : m_name, Qt::ElideMiddle, area.width());
    // On a backdrop: nodes are drawn above links and messages, and the text stays clear of both.
    const QRectF text = p->boundingRect(area, Qt::AlignHCenter | Qt::AlignTop, label);
    p->fillRect(text.adjusted(-2, 0, 2, 0), QColor(255, 255, 255, 215));
    p->drawText(area, Qt::AlignHCenter | Qt::AlignTop, label);
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant& value) {
    if (change == ItemScenePositionHasChanged)
        for (LinkItem* l : m_links) l->updateGeometry();
    return QGraphicsItem::itemChange(change, value);
}

GroupFrameItem::GroupFrameItem(QString specId, core::NodeKind kind, bool movable)
    : m_specId(std::move(specId)), m_kind(kind) {
    setFlags(ItemIsSelectable | ItemSendsGeometryChanges |
             (movable ? ItemIsMovable : GraphicsItemFlag{}));
    setZValue(1);
    setCacheMode(DeviceCoordinateCache);
    setToolTip(QObject::tr("%1 (%2): drag the frame to move it").arg(m_specId, kindLabel(kind)));
}

void GroupFrameItem::fitTo(const QRectF& r) {
    prepareGeometryChange();
    m_rect = r.adjusted(-14, -14 - 20 * labelScaleNow(), 14, 14);
    // Wide enough for its id; the kind after it is left out when there is no room for it (a frame
    // wider than its members would run into its neighbours).
    const double title = QFontMetricsF(labelFont()).horizontalAdvance(m_specId) + 30;
    if (m_rect.width() < title)
        m_rect.adjust(-(title - m_rect.width()) / 2, 0, (title - m_rect.width()) / 2, 0);
    update();
}

QRectF GroupFrameItem::boundingRect() const {
    return m_rect.adjusted(-4, -4, 4, 4);
}

void GroupFrameItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    p->setRenderHint(QPainter::Antialiasing);
    QColor bg = roleColour(m_kind);
    bg.setAlpha(28);
    p->setBrush(bg);
    p->setPen(QPen(roleColour(m_kind), isSelected() ? 4 : 2, Qt::DashLine));
    p->drawRoundedRect(m_rect, 12, 12);
    QFont f = labelFont();
    p->setFont(f);
    p->setPen(kBlack);
    const QRectF room = m_rect.adjusted(12, 6, -12, 0);
    // Its id and kind when both fit, else its id alone (the colour and the tooltip tell the kind):
    // a kind cut in the middle ("service g…") read as a broken label.
    const QFontMetricsF fm(f);
    const QString full = QStringLiteral("%1 · %2").arg(m_specId, kindLabel(m_kind));
    const QString shown = fm.horizontalAdvance(full) <= room.width()
                              ? full
                              : fm.elidedText(m_specId, Qt::ElideMiddle, room.width());
    p->drawText(room, Qt::AlignLeft | Qt::AlignTop, shown);
}

LinkItem::LinkItem(NodeItem* a, NodeItem* b, QString specA, QString specB)
    : m_a(a), m_b(b), m_specA(std::move(specA)), m_specB(std::move(specB)) {
    setFlags(ItemIsSelectable | ItemHasNoContents);
    setZValue(0);
    setToolTip(QObject::tr("link %1 – %2").arg(m_specA, m_specB));
    a->addLink(this);
    b->addLink(this);
    updateGeometry();
}

void LinkItem::lookChanged(const QRectF& area) {
    setFlag(ItemHasNoContents, inBackground());
    if (QGraphicsScene* s = scene()) s->invalidate(area, QGraphicsScene::BackgroundLayer);
    update();
}

void LinkItem::setUp(bool up) {
    if (up == m_up) return;
    m_up = up;
    lookChanged(boundingRect());
}

QVariant LinkItem::itemChange(GraphicsItemChange change, const QVariant& value) {
    if (change == ItemSelectedHasChanged || change == ItemSceneHasChanged)
        lookChanged(boundingRect());
    return QGraphicsItem::itemChange(change, value);
}

void LinkItem::updateGeometry() {
    const QRectF before = boundingRect();
    prepareGeometryChange();
    m_line = QLineF(m_a->scenePos(), m_b->scenePos());
    if (inBackground() && scene())
        scene()->invalidate(before.united(boundingRect()), QGraphicsScene::BackgroundLayer);
}

QRectF LinkItem::boundingRect() const {
    return QRectF(m_line.p1(), m_line.p2()).normalized().adjusted(-12, -12, 12, 12);
}

QPainterPath LinkItem::shape() const {
    QPainterPath path(m_line.p1());
    path.lineTo(m_line.p2());
    QPainterPathStroker stroker;
    stroker.setWidth(14);
    return stroker.createStroke(path);
}

void LinkItem::paintPlain(QPainter* p) const {
    p->setPen(QPen(QColor(150, 150, 150), 2.5));
    p->drawLine(m_line);
}

void LinkItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    if (inBackground()) return; // the scene's background has it
    p->setRenderHint(QPainter::Antialiasing);
    if (m_up) { // selected
        p->setPen(QPen(kBlue, 4));
        p->drawLine(m_line);
        return;
    }
    p->setPen(QPen(kVermillion, 3, Qt::DashLine));
    p->drawLine(m_line);
    // A gap with a cross in the middle: the cable is cut.
    const QPointF c = m_line.center();
    p->setBrush(Qt::white);
    p->drawEllipse(c, 11, 11);
    p->setPen(QPen(kVermillion, 3));
    p->drawLine(c + QPointF(-6, -6), c + QPointF(6, 6));
    p->drawLine(c + QPointF(6, -6), c + QPointF(-6, 6));
}

} // namespace cs::ui
