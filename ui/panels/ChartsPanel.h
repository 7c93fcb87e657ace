// The docked charts: latency, throughput against offered load, errors by reason, staleness,
// instances and cost, utilisation, and queues/limits/shards when a scenario has them. A rolling
// window in "seconds ago" (10 s to 10 min, or the whole run), or a range dragged on any chart;
// markers for every action and reaction in a lane above the plots; hover values; PNG/SVG export
// of each chart and CSV export of the metrics. Comparing (the A/B view), a second run's rows are
// overlaid: each of A's lines solid, B's dashed in the same colour, one legend.
#pragma once

#include "ChartData.h"
#include "ChartPlot.h"
#include "ChartSeries.h"
#include "Metrics.h"
#include "SimController.h"

#include <QWidget>

#include <deque>
#include <map>

class QAbstractButton;
class QButtonGroup;
class QGridLayout;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace cs::ui {

class ChartsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartsPanel(QWidget* parent = nullptr);
    // The height of the scrolled dock that shows the panel: rows fit it whole (fitRows).
    void setVisibleHeight(int height);
    void fitRows(); // again, after the charts' minimum heights changed (text size)

    void clear();
    // Stores rows and markers; cheap. `run` 1 is the compared run B (see setCompare).
    void addSnapshot(const Snapshot& snap, int run = 0);
    // On: a second run (B) is drawn over the first, dashed, and the legend ends with the runs'
    // names in their styles. Clears B's rows.
    void setCompare(bool on, const QString& labelA = {}, const QString& labelB = {});
    bool comparing() const { return m_compare; }
    // For tests: the pens of the lines a chart draws now (those with data), A's then B's.
    QList<QPen> drawnPens(const QString& chartTitle) const;
    // Redraws the visible window; call at most 4x a second.
    void refresh() { refreshCharts(0, chartCount()); }
    // Redraws only charts [first, last): the app spreads a full refresh over three frames so no
    // frame carries all of it (each chart still refreshes 4 times a second). Only the plot and
    // its marker lane are repainted unless an axis changed.
    void refreshCharts(int first, int last);
    // Refreshes the chart after the one refreshed last: called every 250 ms / chartCount(), each
    // chart refreshes 4 times a second and no frame carries more than one chart's work.
    void refreshNext();
    // Off: refreshNext does nothing (the UI benchmark paces the charts itself).
    void setTimedRefresh(bool on) { m_timedRefresh = on; }
    // Paints what refreshCharts(first, last) left to paint, now (the UI benchmark times it).
    void repaintNow(int first, int last);
    int chartCount() const { return static_cast<int>(m_charts.size()); }
    // A rolling window of the last `s` simulated seconds; 0: the whole run. The user's choice (a
    // window button): kept for the next runs, which fitWindowToRun then leaves alone.
    void setWindowSeconds(double s);
    // The window a run starts with, unless the user chose one: a run shorter than two minutes
    // fills the charts' width (60 s: the last 60 s), a longer one shows its last two minutes.
    void fitWindowToRun(double durationS);
    bool windowChosen() const { return m_windowChosen; }
    double windowSeconds() const { return m_windowS; }
    // A fixed range of simulated time (what a drag across a chart selects).
    void zoomTo(double fromS, double toS);
    bool zoomed() const { return m_pinned; }
    // For a projector: fonts times `scale`, and with `highContrast` thicker, darker lines and
    // a darker grid. (1, false) is the normal look.
    void setPresentation(double scale, bool highContrast);
    // The charts shown, as they are laid out now, in one picture (for slides); without the window
    // buttons, and without the cover a lesson's question puts over them. Null when none is shown.
    QImage chartsImage() const;
    // Every row kept (downsampled by halves past kMaxKept), as the metrics CSV.
    QString metricsCsv() const;
    int seriesPoints(const QString& chartTitle) const;   // for tests: points of its first line
    int seriesSegments(const QString& chartTitle) const; // its first line's pieces between gaps
    // Only these charts (by index), in this order, in one row (presentation mode); empty: every
    // chart that has something to show, in its place.
    void showOnly(const QList<int>& charts);
    QList<MarkedChartView*> views() const { return m_views; }
    // The colour a chart's line has now (for tests); invalid when there is no such line.
    QColor lineColour(const QString& chartTitle, const QString& lineName) const;

    static constexpr std::size_t kMaxKept = ChartData::kMaxKept;
    static constexpr std::size_t kMaxUtilSeries = 6;

protected:
    void resizeEvent(QResizeEvent* e) override;
    void showEvent(QShowEvent* e) override;

private:
    struct Line {
        const SeriesSpec* spec = nullptr; // null for a utilisation line
        QString owner;                    // utilisation: the group or datastore
        QLineSeries* legend = nullptr;    // empty: only its legend entry and colour are used
        bool active = true;
        bool used = false; // non-zero at some point of the run (SeriesSpec::onlyWhenUsed)
    };
    struct Chart {
        const ChartSpec* spec = nullptr; // what it shows (ChartSeries.h)
        QChart* chart = nullptr;
        QValueAxis *x = nullptr, *y = nullptr, *y2 = nullptr;
        PlotItem* plot = nullptr;
        std::vector<Line> lines; // one per row of its spec, or per owner for utilisation
        bool compact = false;    // see fitToHeight
        bool used = false;       // onlyWhenUsed: a line has been non-zero
        bool fullRepaint = true; // an axis or the legend changed since the last refresh
        bool paintFull = true;   // the last refresh asked for a full repaint
        bool legendDirty = true; // entries shown or added: lay the legend out again
    };
    Chart makeChart(const ChartSpec& spec);
    QValueAxis* addValueAxis(QChart* chart, const QString& title, Qt::Alignment side);
    QLineSeries* addLegendLine(Chart& c, const QString& name, QValueAxis* y);
    void applyLook(Chart& c);
    QPen penFor(const Chart& c, const Line& l, bool runB = false) const;
    static QPen runBPen(QPen pen);
    double latest() const;
    void refreshChart(Chart& c);
    void refreshUtilisation(Chart& c, double from, double to);
    // One polygon per owner id of `data` (mean utilisation per pair of pixel columns).
    std::vector<QPolygonF> utilisationLines(const ChartData& data, double from, double to,
                                            const QRectF& plot) const;
    void layoutPlots();
    void placeCharts();
    int m_rows = 0;          // rows of charts shown
    int m_visibleHeight = 0; // of the dock's scrolled area (setVisibleHeight)
    void fitToHeight(Chart& c, int height);
    void updateTitle(Chart& c); // a compact chart names its units, the right one when shown
    void updateRangeLabel();
    void updateRangeText();
    std::vector<MarkerGroup> markerGroups(int chart) const;
    QString describeAt(int chart, QPointF scenePos) const;
    void addMarkers(const Snapshot& snap, int run);
    bool rescale(QValueAxis* axis, double maxValue, int intervals, bool whole);
    void visibleRange(double& from, double& to) const; // absolute sim seconds
    void applyWindow(double s);                        // setWindowSeconds, not a choice
    static constexpr int kCompactBelow = 250;          // view height, pixels

    ChartData m_runs[2]; // the run shown; comparing, run B
    bool m_compare = false;
    QString m_labelA, m_labelB;
    std::deque<Marker> m_markers;
    int m_next = -1; // refreshNext's last chart
    bool m_timedRefresh = true;
    QList<int> m_only;        // showOnly
    QWidget* m_bar = nullptr; // the window buttons and the range label
    double m_windowS = 120;
    bool m_windowChosen = false; // setWindowSeconds: fitWindowToRun keeps it
    bool m_pinned = false;
    double m_pinFrom = 0, m_pinTo = 0;
    double m_scale = 1;
    bool m_highContrast = false;
    OwnerColours m_ownerColours;
    std::vector<Chart> m_charts;
    QList<MarkedChartView*> m_views;
    QGridLayout* m_grid = nullptr;
    QButtonGroup* m_windowButtons = nullptr;
    QLabel* m_rangeLabel = nullptr;
};

} // namespace cs::ui
