#include "TopologyView.h"

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
}

void TopologyView::fitAll() {
    if (!scene()) return;
    QRectF r;
    for (QGraphicsItem* item : scene()->items())
        if (item->flags() & QGraphicsItem::ItemIsSelectable)
            r = r.united(item->sceneBoundingRect());
    if (r.isEmpty()) return;
    fitInView(r.adjusted(-40, -40, 40, 40), Qt::KeepAspectRatio);
    if (transform().m11() > 1.6) setTransform(QTransform::fromScale(1.6, 1.6));
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
