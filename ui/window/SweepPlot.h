// The sweep dialog's chart: measured curves with their points, a dashed theory curve, the knee
// marked, axes from zero, the legend below the plot, and its export as PNG or SVG (atomic saves).
#pragma once

#include <QChartView>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QStringList>

class QLineSeries;
class QScatterSeries;
class QXYSeries;

namespace cs::ui {

class SweepPlot : public QChartView {
    Q_OBJECT
public:
    explicit SweepPlot(QWidget* parent = nullptr);

    void clear();
    // A measured curve, its points drawn; the series stays owned by the chart.
    QLineSeries* addMeasured(const QString& name, const QList<QPointF>& points);
    // A theory curve: dashed, no points.
    QLineSeries* addTheory(const QString& name, const QList<QPointF>& points);
    // A marker with its own legend entry (the knee).
    QScatterSeries* addMarker(const QString& name, QPointF at);
    // What each point of `series` is, shown when the pointer is near it (12 px).
    void setPointTexts(QXYSeries* series, const QStringList& texts);
    // Axes over every series (y from zero), titled; call after the series are added.
    void finish(const QString& xTitle, const QString& yTitle);

    // The chart rendered at the widget's size: "" on success, else a message naming the file.
    QString savePng(const QString& path);
    QString saveSvg(const QString& path);

protected:
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    QList<QColor> m_palette;
    QHash<QXYSeries*, QStringList> m_texts;
    int m_next = 0;
};

} // namespace cs::ui
