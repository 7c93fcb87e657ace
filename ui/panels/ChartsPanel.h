// The docked charts: latency, throughput against offered load, errors by reason, staleness,
// instances and cost, utilisation. A rolling window in "seconds ago", markers at faults and
// reactions, hover values, PNG/SVG export of each chart and CSV export of the metrics.
#pragma once

#include "ChartSeries.h"
#include "Metrics.h"
#include "SimController.h"

#include <QChartView>
#include <QWidget>

#include <deque>
#include <map>

class QComboBox;
class QLineSeries;
class QValueAxis;

namespace cs::ui {

struct Marker {
    double t_s;
    QString label;
    QColor colour;
};

// A chart with event markers drawn over the plot as vertical lines.
class MarkedChartView : public QChartView {
    Q_OBJECT
public:
    explicit MarkedChartView(QChart* chart, const std::deque<Marker>* markers,
                             const double* latest);

protected:
    void drawForeground(QPainter* p, const QRectF& rect) override;
    void contextMenuEvent(QContextMenuEvent* e) override;

private:
    const std::deque<Marker>* m_markers;
    const double* m_latest;
};

class ChartsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartsPanel(QWidget* parent = nullptr);

    void clear();
    void addSnapshot(const Snapshot& snap); // stores rows and markers; cheap
    // Redraws the visible window; call at most 4x a second.
    void refresh() { refreshCharts(0, chartCount()); }
    // Redraws only charts [first, last): the app spreads a full refresh over three frames so no
    // frame carries all of it (each chart still refreshes 4 times a second).
    void refreshCharts(int first, int last);
    int chartCount() const { return static_cast<int>(m_charts.size()); }
    void setWindowSeconds(double s);
    // Every row kept (downsampled by halves past kMaxKept), as the metrics CSV.
    QString metricsCsv() const;
    int seriesPoints(const QString& chartTitle) const; // for tests
    QList<MarkedChartView*> views() const { return m_views; }

    static constexpr std::size_t kMaxKept = 200'000;
    static constexpr std::size_t kMaxUtilSeries = 6;

private:
    struct Chart {
        const ChartSpec* spec = nullptr; // what it shows (ChartSeries.h)
        QChart* chart = nullptr;
        QValueAxis *x = nullptr, *y = nullptr, *y2 = nullptr;
        std::vector<std::pair<const SeriesSpec*, QLineSeries*>> lines; // one per row of its spec
        std::map<std::string, QLineSeries*> byOwner; // utilisation: one per group or datastore
        bool compact = false;                        // see fitToHeight
    };
    Chart makeChart(const ChartSpec& spec);
    QValueAxis* addValueAxis(QChart* chart, const QString& title, Qt::Alignment side);
    QLineSeries* addLine(const Chart& c, const QString& name, const QColor& colour, QValueAxis* y);
    void refreshUtilisation(Chart& c, std::size_t offset, double columns);
    void fitToHeight(Chart& c, int height);
    static constexpr int kCompactBelow = 250; // view height, pixels
    static void rescale(QValueAxis* axis, double maxValue);

    std::deque<core::MetricsRow> m_window;            // rows within the longest window
    std::deque<std::map<std::string, double>> m_util; // parallel to m_window
    std::vector<core::MetricsRow> m_kept;             // for CSV export
    std::size_t m_keepStride = 1, m_keepSkip = 0;
    std::deque<Marker> m_markers;
    double m_latest = 0;
    double m_windowS = 120;
    std::vector<Chart> m_charts;
    QList<MarkedChartView*> m_views;
    QComboBox* m_windowBox = nullptr;
};

} // namespace cs::ui
