// Scene layers drawn in one go: messages in flight (thousands, one item, one paint call) and the
// tinted hulls of partition groups (drawn into the view's cached background, TopologyScene).
#pragma once

#include <QGraphicsItem>
#include <QPainter>
#include <QPixmap>

#include <vector>

namespace cs::ui {

class MessageLayer : public QGraphicsItem {
public:
    MessageLayer();
    struct Dot {
        QPointF pos;
        bool response;
    };
    void setDots(std::vector<Dot> dots);
    std::size_t count() const { return m_dots.size(); }
    void setArea(const QRectF& r);
    QRectF boundingRect() const override { return m_area; }
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    std::vector<Dot> m_dots;
    QRectF m_area;
    // Pre-rendered at the view's scale (drawPixmap is much cheaper than drawEllipse), so a frame
    // only copies them to device pixels; rendered again when the zoom changes.
    QPixmap m_request, m_response;
    double m_scale = 0;
};

// Not an item: the hulls change only when the live graph splits or heals, so the scene draws them
// in its background, which the view caches (a frame then costs one copy, not ten large fills).
class PartitionLayer {
public:
    // One polygon per partition group; drawn only when there are two or more. Returns whether
    // anything drawn changed.
    bool setGroups(std::vector<QPolygonF> hulls);
    QRectF boundingRect() const; // of the hulls and their outline, in scene coordinates
    bool isEmpty() const { return m_hulls.empty(); }
    void paint(QPainter* p) const;

private:
    std::vector<QPolygonF> m_hulls;
};

// Convex hull (Andrew's monotone chain) of points, used for the partition tint.
QPolygonF convexHull(std::vector<QPointF> points);

} // namespace cs::ui
