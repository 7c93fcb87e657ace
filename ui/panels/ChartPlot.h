// What a chart draws itself, inside Qt Charts' axes: its lines (PlotItem: pre-computed pixel
// polylines, one paint call, no per-point series geometry) and the view around it
// (MarkedChartView: the marker lane above the plot, hover tooltips, drag to zoom).
#pragma once

#include <QChartView>
#include <QGraphicsItem>
#include <QPen>

#include <functional>
#include <vector>

namespace cs::ui {

// An event on the time axis: an action (kill, cut, set_link, ...) or a reaction (scales out,
// elected, ...).
struct Marker {
    double t_s;
    QString label;  // short, in the lane
    QString detail; // the tooltip's line
    QColor colour;
};

// Markers close enough to share a pixel column (the same moment at this zoom) drawn as one.
struct MarkerGroup {
    double px; // in the view's coordinates
    QColor colour;
    QString label;       // the first one's, with "+n" when there are more
    QStringList details; // all of them, for the tooltip
};

class PlotItem : public QGraphicsItem {
public:
    struct Line {
        QPen pen;
        std::vector<QPolygonF> segments; // in scene coordinates; gaps between segments
    };
    PlotItem() { setAcceptedMouseButtons(Qt::NoButton); }
    void setArea(const QRectF& r);
    std::vector<Line>& lines() { return m_lines; }
    QRectF boundingRect() const override { return m_area; }
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QRectF m_area;
    std::vector<Line> m_lines;
};

class MarkedChartView : public QChartView {
    Q_OBJECT
public:
    // `groups` lists the markers of the visible window at this view's pixel positions;
    // `describe` the values at a point of the plot (an empty string: nothing there).
    MarkedChartView(QChart* chart, std::function<std::vector<MarkerGroup>()> groups,
                    std::function<QString(QPointF scenePos)> describe);
    // The legend's entries (the lines shown), drawn under the time axis, wrapped into rows.
    std::function<std::vector<std::pair<QPen, QString>>()> legendEntries;
    QFont legendFont;   // also the marker lane's
    int legendRows = 1; // at most; entries past them are summed up as "+n"
    static int rowsFor(const std::vector<std::pair<QPen, QString>>& entries, double width,
                       const QFontMetricsF& fm);
    std::vector<MarkerGroup> markerGroups() const { return m_groups(); }
    QRectF laneRect() const; // above the plot area, in view coordinates
    double laneHeight() const;
    std::function<void()> onResized; // after the chart took the view's new size

signals:
    // The user dragged across the plot: from and to, as fractions of the plot's width.
    void rangeDragged(double from, double to);
    void followRequested(); // double-click: back to the rolling window

protected:
    void drawForeground(QPainter* p, const QRectF& rect) override;
    void resizeEvent(QResizeEvent* e) override;
    bool viewportEvent(QEvent* e) override;
    void mousePressEvent(QMouseEvent* e) override;
    void mouseMoveEvent(QMouseEvent* e) override;
    void mouseReleaseEvent(QMouseEvent* e) override;
    void mouseDoubleClickEvent(QMouseEvent* e) override;
    void contextMenuEvent(QContextMenuEvent* e) override;

private:
    std::function<std::vector<MarkerGroup>()> m_groups;
    std::function<QString(QPointF)> m_describe;
    double m_dragFrom = -1, m_dragTo = -1; // view x while dragging
    void drawLegend(QPainter* p);
};

} // namespace cs::ui
