#include "TopologyView.h"

#include "NodeItem.h"
#include "TopologyScene.h"

#include <QGraphicsItem>
#include <QMouseEvent>
#include <QWheelEvent>

#include <cmath>

namespace cs::ui {

TopologyView::TopologyView(QGraphicsScene* scene, QWidget* parent) : QGraphicsView(scene, parent) {
    setObjectName(QStringLiteral("topologyView"));
    // Thousands of moving dots: tracking dirty regions costs more than repainting the viewport.
    setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
    // The background holds what rarely changes (links, partition tints): a frame copies it.
    setCacheMode(QGraphicsView::CacheBackground);
    // Every item sets the pen, brush and font it draws with (and restores what else it changes):
    // no save and restore of the painter around each of the hundreds of items of a frame.
    setOptimizationFlag(QGraphicsView::DontSavePainterState);
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::RubberBandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setBackgroundBrush(QColor(252, 252, 250));
    setToolTip(tr("Drag nodes to move them; Shift+drag from one node to another to link them;\n"
                  "right-click for kill, restart, cut, heal and partition; wheel to zoom; "
                  "middle-drag to pan."));
}

void TopologyView::zoomBy(double factor) {
    const double current = transform().m11();
    if (current * factor < 0.1 || current * factor > 8) return;
    scale(factor, factor);
    keepLabelsReadable();
}

// A projector audience reads node labels from the back of the room: however far the view is zoomed
// out, they stay kMinLabelPixels tall (they grow in the scene as the zoom shrinks, and shrink back
// to the window's text size as it grows). Returns whether they changed.
bool TopologyView::keepLabelsReadable() {
    const double zoom = transform().m11();
    if (zoom <= 0) return false;
    constexpr double kMinLabelPixels = 12.5;
    const double boost = std::max(1.0, kMinLabelPixels * 1.02 /
                                           (NodeItem::kLabelPoints * logicalDpiY() / 72.0 * zoom));
    if (std::abs(boost - m_labelBoost) < 0.02 * boost) return false;
    m_labelBoost = boost;
    NodeItem::setLabelBoost(boost);
    if (auto* s = qobject_cast<TopologyScene*>(scene())) s->refreshLabels();
    return true;
}

void TopologyView::fitAll() {
    if (!scene()) return;
    // Larger labels make the topology larger, which zooms it out a little more: a few rounds.
    for (int round = 0; round < 4; ++round) {
        QRectF r;
        for (QGraphicsItem* item : scene()->items())
            if (item->flags() & QGraphicsItem::ItemIsSelectable)
                r = r.united(item->sceneBoundingRect());
        if (r.isEmpty()) return;
        fitInView(r.adjusted(-40, -40, 40, 40), Qt::KeepAspectRatio);
        if (transform().m11() > 1.6) setTransform(QTransform::fromScale(1.6, 1.6));
        if (!keepLabelsReadable()) return;
    }
}

void TopologyView::drawBackground(QPainter* p, const QRectF& rect) {
    QGraphicsView::drawBackground(p, rect); // the view's brush
    if (auto* s = qobject_cast<TopologyScene*>(scene())) s->drawBackground(p, rect);
}

void TopologyView::wheelEvent(QWheelEvent* e) {
    zoomBy(std::pow(1.0015, e->angleDelta().y()));
    e->accept();
}

void TopologyView::mousePressEvent(QMouseEvent* e) {
    if (e->button() == Qt::MiddleButton) { // pan
        setDragMode(QGraphicsView::ScrollHandDrag);
        QMouseEvent fake(e->type(), e->position(), e->globalPosition(), Qt::LeftButton,
                         Qt::LeftButton, e->modifiers());
        QGraphicsView::mousePressEvent(&fake);
        return;
    }
    QGraphicsView::mousePressEvent(e);
}

void TopologyView::mouseReleaseEvent(QMouseEvent* e) {
    if (e->button() == Qt::MiddleButton) {
        QMouseEvent fake(e->type(), e->position(), e->globalPosition(), Qt::LeftButton,
                         Qt::NoButton, e->modifiers());
        QGraphicsView::mouseReleaseEvent(&fake);
        setDragMode(QGraphicsView::RubberBandDrag);
        return;
    }
    QGraphicsView::mouseReleaseEvent(e);
}

} // namespace cs::ui
