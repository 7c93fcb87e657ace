// Scene layers drawn in one item each: messages in flight (thousands, one paint call) and the
// tinted hulls of partition groups.
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
    QPixmap m_request, m_response; // pre-rendered: drawPixmap is much cheaper than drawEllipse
    std::vector<QPainter::PixmapFragment> m_fragments; // reused by paint
};

class PartitionLayer : public QGraphicsItem {
public:
    PartitionLayer();
    // One polygon per partition group; drawn only when there are two or more.
    void setGroups(std::vector<QPolygonF> hulls);
    void setArea(const QRectF& r);
    QRectF boundingRect() const override { return m_area; }
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    std::vector<QPolygonF> m_hulls;
    QRectF m_area;
};

// Convex hull (Andrew's monotone chain) of points, used for the partition tint.
QPolygonF convexHull(std::vector<QPointF> points);

} // namespace cs::ui
