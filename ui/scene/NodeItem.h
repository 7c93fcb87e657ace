// Scene items: a physical node, a frame around a group's members, a link. Items are views: they
// hold appearance only and are filled from the document and from engine snapshots.
#pragma once

#include "Scenario.h"

#include <QGraphicsItem>
#include <QGraphicsObject>
#include <QPainterPath>

#include <cmath>
#include <vector>

namespace cs::ui {

class LinkItem;

class NodeItem : public QGraphicsItem {
public:
    // `specId` is the scenario node that owns it (a group for instances); `name` its physical name,
    // empty for a member the engine has not named yet; `member` its number in the group or the
    // sharded store (NodeView::member), 0 for a node of its own.
    NodeItem(QString name, QString specId, core::NodeKind kind, int member = 0,
             QGraphicsItem* parent = nullptr);

    const QString& name() const { return m_name; }
    const QString& specId() const { return m_specId; }
    core::NodeKind kind() const { return m_kind; }
    bool isMember() const { return m_member > 0; }
    int member() const { return m_member; }
    bool alive() const { return m_alive; }
    // Live state; repaints only when something visible changed.
    void setState(bool alive, int busy, int cores, int queued, bool leader = false,
                  std::uint64_t lag = 0, bool warming = false, bool draining = false);
    void setHitRatio(double h) {
        if (std::abs(h - m_hitRatio) < 0.005) return;
        m_hitRatio = h;
        update();
    }
    // A rate limiter's counts so far, shown inside its shape.
    void setLimiterCounts(std::uint64_t passed, std::uint64_t limited) {
        if (passed == m_passed && limited == m_limited) return;
        m_passed = passed;
        m_limited = limited;
        m_limiter = true;
        update();
    }
    void addLink(LinkItem* l) { m_links.push_back(l); }
    // One scale for every node and frame label (the window's text size, presentation mode); call
    // TopologyScene::refreshLabels() after it.
    static void setLabelScale(double scale);
    static double labelScale();
    // A factor on top (at least 1), so that labels stay readable when the view zooms far out
    // (TopologyView keeps it); labelPointSize() includes it.
    static void setLabelBoost(double boost);
    static constexpr double kLabelPoints = 11; // a label's size at scale 1
    static double labelPointSize();            // a label's size in points (scene units at zoom 1)
    void labelsChanged() {
        prepareGeometryChange();
        update();
    }
    void clearLinks() { m_links.clear(); }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    enum { Type = UserType + 1 };
    int type() const override { return Type; }

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    QRectF body() const;
    void paintBody(QPainter* p, const QPainterPath& outline, const QRectF& b) const;
    void paintBadges(QPainter* p, const QRectF& b) const;
    void paintLabel(QPainter* p, const QRectF& b) const;
    void paintLimiterCounts(QPainter* p, const QRectF& b) const;
    QString m_name, m_specId;
    core::NodeKind m_kind;
    int m_member;
    bool m_alive = true;
    int m_busy = 0, m_cores = 0, m_queued = 0;
    bool m_leader = false, m_warming = false, m_draining = false;
    std::uint64_t m_lag = 0;
    double m_hitRatio = -1; // caches only
    bool m_limiter = false; // rate limiters only
    std::uint64_t m_passed = 0, m_limited = 0;
    std::vector<LinkItem*> m_links;
    QPainterPath m_outline; // the kind's shape around body(): built once, drawn on every repaint
};

// The frame drawn around a service group's instances or a datastore's replicas.
class GroupFrameItem : public QGraphicsItem {
public:
    GroupFrameItem(QString specId, core::NodeKind kind, bool movable);
    const QString& specId() const { return m_specId; }
    // Fits the frame around its child instances (or, for replica sets, around given scene rects).
    void fitTo(const QRectF& localRect);
    QRectF boundingRect() const override;
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    enum { Type = UserType + 2 };
    int type() const override { return Type; }

private:
    QString m_specId;
    core::NodeKind m_kind;
    QRectF m_rect;
};

// A link's plain look (up, not selected) is drawn by the scene into the view's cached background
// (TopologyScene::drawBackground): hundreds of antialiased lines would otherwise be stroked again
// every frame. The item itself paints only a selected or cut link, and is what clicks hit.
class LinkItem : public QGraphicsItem {
public:
    LinkItem(NodeItem* a, NodeItem* b, QString specA, QString specB);
    NodeItem* a() const { return m_a; }
    NodeItem* b() const { return m_b; }
    const QString& specA() const { return m_specA; }
    const QString& specB() const { return m_specB; }
    void setUp(bool up);
    bool isUp() const { return m_up; }
    void updateGeometry();
    // Up and not selected: drawn in the background (paintPlain), the item paints nothing.
    bool inBackground() const { return m_up && !isSelected(); }
    void paintPlain(QPainter* p) const;

    QRectF boundingRect() const override;
    QPainterPath shape() const override; // wider than the line, so a thin link is easy to click
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    enum { Type = UserType + 3 };
    int type() const override { return Type; }

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    void lookChanged(const QRectF& area); // where the background must be drawn again
    NodeItem *m_a, *m_b;
    QString m_specA, m_specB;
    QLineF m_line;
    bool m_up = true;
};

} // namespace cs::ui
