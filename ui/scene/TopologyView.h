// The view on the topology: zoom with the wheel, pan by dragging the background, fit to window.
#pragma once

#include <QGraphicsView>

namespace cs::ui {

class TopologyView : public QGraphicsView {
    Q_OBJECT
public:
    explicit TopologyView(QGraphicsScene* scene, QWidget* parent = nullptr);
    void zoomBy(double factor);
    void fitAll();
    // Node labels at least 12 px on screen at this zoom (NodeItem::setLabelBoost); returns
    // whether they changed size.
    bool keepLabelsReadable();
    // Room above the topology (presentation mode's clock sits there, over no node).
    void setTopMargin(int px) { setViewportMargins(0, px, 0, 0); }

protected:
    void drawBackground(QPainter* p, const QRectF& rect) override;
    void wheelEvent(QWheelEvent* e) override;
    void mousePressEvent(QMouseEvent* e) override;
    void mouseReleaseEvent(QMouseEvent* e) override;

private:
    double m_labelBoost = 1; // the labels' boost last set
};

} // namespace cs::ui
