#include "ChartsPanel.h"

#include "Palette.h"

#include <QButtonGroup>
#include <QChart>
#include <QGraphicsLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QToolButton>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace cs::ui {
using namespace palette;

namespace {
constexpr double kMaxWindowS = ChartData::kMaxWindowS;

// Time ticks on round numbers (-10 -8 -6 ... 0; 25 26 27 ...): the smallest step of 1, 2, 3 or
// 5 times a power of ten that gives at most one tick more than the axis's "maxTicks", labelled
// with the decimals it needs.
void niceTimeTicks(QValueAxis* axis, double lo, double hi) {
    const int most = std::max(2, axis->property("maxTicks").toInt()) + 1;
    const double span = hi - lo;
    if (!(span > 0)) return;
    double mag = std::pow(10.0, std::floor(std::log10(span / most)));
    double step = 0;
    for (int tries = 0; step == 0 && tries < 3; ++tries, mag *= 10)
        for (double m : {1.0, 2.0, 3.0, 5.0})
            if (span / (m * mag) + 1 <= most + 1e-9) {
                step = m * mag;
                break;
            }
    if (step == 0) step = span;
    const int decimals = std::max(0, static_cast<int>(std::ceil(-std::log10(step) - 1e-9)));
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    axis->setLabelFormat(QStringLiteral("%.") + QString::number(decimals) + QStringLiteral("f"));
}

// The range label gives way first when the bar is narrow (1024x768, larger text): it ends in "…"
// (the whole text in its tooltip) instead of making the panel wider than its dock, which cut off
// the last chart of each row.
class ElidedLabel : public QLabel {
public:
    QSize minimumSizeHint() const override { return {0, QLabel::minimumSizeHint().height()}; }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.setPen(palette().windowText().color());
        const QRect r = contentsRect();
        p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter,
                   fontMetrics().elidedText(text(), Qt::ElideRight, r.width()));
    }
};

} // namespace

ChartsPanel::ChartsPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("chartsPanel"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(4, 4, 4, 4);
    m_bar = new QWidget;
    auto* bar = new QHBoxLayout(m_bar);
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(new QLabel(tr("Window:")));
    m_windowButtons = new QButtonGroup(this);
    for (auto [label, s] : {std::pair{tr("10 s"), 10.0},
                            {tr("30 s"), 30.0},
                            {tr("1 min"), 60.0},
                            {tr("2 min"), 120.0},
                            {tr("10 min"), 600.0},
                            {tr("All"), 0.0}}) {
        auto* b = new QToolButton;
        b->setText(label);
        b->setCheckable(true);
        b->setAutoRaise(true);
        b->setObjectName(s > 0 ? QStringLiteral("window%1").arg(s) : QStringLiteral("windowAll"));
        b->setToolTip(s > 0 ? tr("Show the last %1 of simulated time").arg(label)
                            : tr("Show the whole run"));
        m_windowButtons->addButton(b);
        connect(b, &QToolButton::clicked, this, [this, s = s] { setWindowSeconds(s); });
        bar->addWidget(b);
    }
    m_rangeLabel = new ElidedLabel;
    m_rangeLabel->setObjectName(QStringLiteral("chartRange"));
    bar->addSpacing(8);
    bar->addWidget(m_rangeLabel, 1);
    outer->addWidget(m_bar);
    m_grid = new QGridLayout;
    m_grid->setSpacing(2);
    outer->addLayout(m_grid, 1);

    for (const ChartSpec& spec : chartSpecs()) m_charts.push_back(makeChart(spec));
    for (std::size_t i = 0; i < m_charts.size(); ++i) {
        const int index = static_cast<int>(i);
        auto* view = new MarkedChartView(
            m_charts[i].chart, [this, index] { return markerGroups(index); },
            [this, index](QPointF at) { return describeAt(index, at); });
        // The panel's from the start: a chart this scenario never shows is never put in the grid,
        // and a parentless view (its scene and chart with it) outlived the window.
        view->setParent(this);
        view->hide();
        view->setObjectName(QStringLiteral("chart%1").arg(i));
        view->setAccessibleName(m_charts[i].spec->title);
        view->setMinimumSize(240, 150);
        view->scene()->addItem(m_charts[i].plot);
        view->legendEntries = [this, index] {
            std::vector<std::pair<QPen, QString>> out;
            const Chart& c = m_charts[static_cast<std::size_t>(index)];
            for (const Line& l : c.lines)
                if (l.active) out.emplace_back(penFor(c, l), l.legend->name());
            if (c.spec->legendTopFirst) std::reverse(out.begin(), out.end());
            if (m_compare && !out.empty()) { // the runs' line styles, once per chart
                out.emplace_back(QPen(Qt::black, 2.5), m_labelA);
                QPen dashed(Qt::black, 2.5, Qt::CustomDashLine);
                dashed.setDashPattern({2, 1.5}); // in widths: two dashes in the swatch
                out.emplace_back(dashed, m_labelB);
            }
            return out;
        };
        view->onResized = [this, index] {
            layoutPlots();
            refreshCharts(index, index + 1);
        };
        connect(view, &MarkedChartView::rangeDragged, this, [this](double a, double b) {
            double from = 0, to = 0;
            visibleRange(from, to);
            zoomTo(from + a * (to - from), from + b * (to - from));
        });
        connect(view, &MarkedChartView::followRequested, this, [this] { applyWindow(m_windowS); });
        m_views.append(view);
    }
    placeCharts();
    applyWindow(120);
}

ChartsPanel::Chart ChartsPanel::makeChart(const ChartSpec& spec) {
    Chart c;
    c.spec = &spec;
    c.chart = new QChart;
    c.chart->setLocalizeNumbers(true); // axis labels in the user's number format
    c.chart->setTitle(spec.title);
    // Title and legend are drawn by the view (MarkedChartView): a fixed plot area leaves Qt's
    // layout no room for them.
    c.chart->legend()->setVisible(false);
    c.chart->setTitleBrush(Qt::transparent);
    c.chart->setMargins(QMargins(2, 2, 2, 2));
    c.chart->layout()->setContentsMargins(0, 0, 0, 0); // every pixel of a small screen is plot
    c.chart->setBackgroundRoundness(0);
    c.x = new QValueAxis;
    c.x->setProperty("maxTicks", 5);
    c.x->setTickType(QValueAxis::TicksDynamic);
    QObject::connect(c.x, &QValueAxis::rangeChanged, c.x,
                     [x = c.x](qreal lo, qreal hi) { niceTimeTicks(x, lo, hi); });
    niceTimeTicks(c.x, c.x->min(), c.x->max());
    c.chart->addAxis(c.x, Qt::AlignBottom);
    c.y = addValueAxis(c.chart, spec.leftAxis, Qt::AlignLeft);
    if (!spec.rightAxis.isEmpty()) c.y2 = addValueAxis(c.chart, spec.rightAxis, Qt::AlignRight);
    c.plot = new PlotItem;
    c.plot->setZValue(10);
    for (const SeriesSpec& line : spec.series) {
        Line l;
        l.spec = &line;
        l.legend = addLegendLine(c, line.name, line.rightAxis && c.y2 ? c.y2 : c.y);
        c.lines.push_back(l);
    }
    applyLook(c);
    return c;
}

QValueAxis* ChartsPanel::addValueAxis(QChart* chart, const QString& title, Qt::Alignment side) {
    auto* axis = new QValueAxis;
    axis->setTitleText(title);
    axis->setRange(0, 1);
    axis->setLabelFormat(QStringLiteral("%.4g"));
    chart->addAxis(axis, side);
    return axis;
}

// The series holds no points (the plot item draws the data): it gives the legend its entry.
QLineSeries* ChartsPanel::addLegendLine(Chart& c, const QString& name, QValueAxis* y) {
    auto* s = new QLineSeries;
    s->setName(name);
    c.chart->addSeries(s);
    s->attachAxis(c.x);
    s->attachAxis(y);
    return s;
}

QPen ChartsPanel::penFor(const Chart&, const Line& l, bool runB) const {
    LineLook look = l.spec ? seriesLook(l.spec->key) : LineLook{};
    if (m_compare) look.dash = Qt::SolidLine; // comparing: solid is A, dashed is B
    if (!l.spec) look.colour = const_cast<OwnerColours&>(m_ownerColours).colourOf(l.owner);
    QColor colour = look.colour;
    double width = look.width;
    if (m_highContrast) { // a washed-out projector: darker colours, thicker lines
        colour = colour.lightness() > 110 ? colour.darker(135) : colour;
        width *= 1.6;
    }
    QPen pen(colour, width * std::max(1.0, m_scale * 0.8), look.dash, Qt::FlatCap, Qt::MiterJoin);
    return runB ? runBPen(pen) : pen;
}

// Long dashes, in pixels whatever the width (the plot draws one-pixel passes): they read as
// dashed on a projector, where Qt's 4:2 pattern looks like a grey line.
QPen ChartsPanel::runBPen(QPen pen) {
    pen.setStyle(Qt::CustomDashLine);
    pen.setDashPattern({9.0 / pen.widthF(), 6.0 / pen.widthF()});
    return pen;
}

void ChartsPanel::setCompare(bool on, const QString& labelA, const QString& labelB) {
    m_compare = on;
    m_labelA = labelA;
    m_labelB = labelB;
    m_runs[1].clear();
    for (Chart& c : m_charts) {
        applyLook(c);
        c.legendDirty = true;
    }
    layoutPlots();
    refresh();
}

void ChartsPanel::applyLook(Chart& c) {
    QFont base = font();
    base.setPointSizeF(base.pointSizeF() * m_scale);
    QFont tf = base;
    tf.setPointSizeF(base.pointSizeF() * (c.compact ? 1.0 : 1.15));
    tf.setBold(true);
    c.chart->setTitleFont(tf);
    const QColor grid = m_highContrast ? QColor(110, 110, 110) : QColor(215, 215, 215);
    for (QValueAxis* axis : {c.x, c.y, c.y2}) {
        if (!axis) continue;
        axis->setLabelsFont(base);
        axis->setTitleFont(base);
        axis->setGridLineColor(grid);
        axis->setLabelsColor(m_highContrast ? Qt::black : QColor(40, 40, 40));
    }
    for (Line& l : c.lines) l.legend->setPen(penFor(c, l));
    c.fullRepaint = true;
}

void ChartsPanel::setPresentation(double scale, bool highContrast) {
    m_scale = std::clamp(scale, 0.5, 4.0);
    m_highContrast = highContrast;
    for (Chart& c : m_charts) applyLook(c);
    layoutPlots();
    refresh();
}

void ChartsPanel::showEvent(QShowEvent* e) {
    QWidget::showEvent(e);
    for (Chart& c : m_charts) applyLook(c); // the dock's font is known now
    layoutPlots();
    refresh();
}

void ChartsPanel::resizeEvent(QResizeEvent* e) {
    QWidget::resizeEvent(e);
    layoutPlots();
}

// The charts shown, three to a row (four when a seventh is in use).
void ChartsPanel::showOnly(const QList<int>& charts) {
    m_only = charts;
    m_bar->setVisible(charts.isEmpty()); // presenting: every pixel of height is plot
    placeCharts();
}

void ChartsPanel::placeCharts() {
    std::vector<int> shown;
    for (std::size_t i = 0; i < m_charts.size(); ++i)
        if (!m_charts[i].spec->onlyWhenUsed || m_charts[i].used)
            shown.push_back(static_cast<int>(i));
    if (!m_only.isEmpty()) {
        shown.clear();
        for (int i : m_only)
            if (i >= 0 && i < chartCount()) shown.push_back(i);
    }
    const int columns = !m_only.isEmpty()  ? std::max(1, static_cast<int>(shown.size()))
                        : shown.size() > 6 ? 4
                                           : 3;
    for (auto* v : m_views) m_grid->removeWidget(v);
    for (int col = 0; col < 4; ++col) m_grid->setColumnStretch(col, col < columns ? 1 : 0);
    for (std::size_t k = 0; k < shown.size(); ++k)
        m_grid->addWidget(m_views[shown[k]], static_cast<int>(k) / columns,
                          static_cast<int>(k) % columns);
    for (std::size_t i = 0; i < m_charts.size(); ++i)
        m_views[static_cast<int>(i)]->setVisible(
            std::find(shown.begin(), shown.end(), static_cast<int>(i)) != shown.end());
    m_rows = (static_cast<int>(shown.size()) + columns - 1) / columns;
    fitRows();
}

void ChartsPanel::setVisibleHeight(int height) {
    m_visibleHeight = height;
    fitRows();
    layoutPlots();
}

// In a scrolled dock too short for every row, rows as tall as the dock shows whole (one, or as
// many as keep their minimum): the first row ended a few pixels below the dock's edge, its
// legend's second line cut in half. A scroll then brings the next rows.
void ChartsPanel::fitRows() {
    if (m_visibleHeight <= 0 || m_rows <= 0) return;
    int least = 0;
    for (auto* v : m_views)
        if (!v->isHidden()) least = std::max(least, v->minimumHeight());
    const QMargins margins = layout()->contentsMargins();
    const int above = margins.top() + m_bar->sizeHint().height() + layout()->spacing();
    const int spacing = m_grid->spacing();
    const int room = m_visibleHeight - above - margins.bottom();
    const int fit = std::max(1, (room + spacing) / std::max(1, least + spacing));
    if (fit >= m_rows || least <= 0) {
        setMinimumHeight(0); // all rows fit: the scroll area stretches them
        return;
    }
    const int row = std::max(least, (room - spacing * (fit - 1)) / fit);
    setMinimumHeight(above + m_rows * row + spacing * (m_rows - 1) + margins.bottom());
}

// Every plot area has the same left and right margins, whether or not its chart has a right
// axis, so the time axes of the charts line up (and a marker sits at the same x in each); and
// the same height, so the time axes of a row line up too. A short chart (a 720p projector)
// uses a smaller font for its legend and marker lane.
void ChartsPanel::layoutPlots() {
    QFont base = font();
    base.setPointSizeF(base.pointSizeF() * m_scale);
    const QFontMetricsF fm(base);
    int rows = 1;
    for (std::size_t i = 0; i < m_charts.size(); ++i) {
        MarkedChartView* view = m_views[static_cast<int>(i)];
        fitToHeight(m_charts[i], view->height());
        QFont small = base;
        if (m_charts[i].compact) small.setPointSizeF(base.pointSizeF() * 0.85);
        view->legendFont = small;
        if (view->isVisible())
            rows = std::max(rows, MarkedChartView::rowsFor(view->legendEntries(), view->width(),
                                                           QFontMetricsF(small)));
    }
    for (std::size_t i = 0; i < m_charts.size(); ++i) {
        Chart& c = m_charts[i];
        MarkedChartView* view = m_views[static_cast<int>(i)];
        const QFontMetricsF small(view->legendFont);
        const double side = fm.horizontalAdvance(QStringLiteral("0000.")) + 10 +
                            (c.compact ? 0.0 : fm.height() * 1.3);
        const double top =
            QFontMetricsF(c.chart->titleFont()).height() * 1.2 + 2 + view->laneHeight();
        const double axis = fm.height() * 1.3;
        // A first row that runs below the scrolled dock's edge is laid out in what shows of it,
        // so that its legend is not cut (the rest of the view is blank below the edge).
        int height = view->height();
        if (const int shown = m_visibleHeight - view->y();
            m_visibleHeight > 0 && shown < height && shown > height * 3 / 4)
            height = shown;
        // As many legend rows as the chart with the longest legend needs, leaving 40 px of plot.
        const int fit = static_cast<int>((height - top - axis - 40) / (small.height() * 1.25));
        view->legendRows = std::clamp(rows, 1, std::max(1, fit));
        const double bottom = axis + small.height() * 1.25 * view->legendRows + 1;
        const QRectF area(side, top, view->width() - 2 * side, height - top - bottom);
        if (area.width() < 20 || area.height() < 20) continue;
        const int xTicks = area.width() < 220 ? 3 : 5; // -120 -60 0 when narrow: never crammed
        if (c.x->property("maxTicks").toInt() != xTicks) {
            c.x->setProperty("maxTicks", xTicks);
            niceTimeTicks(c.x, c.x->min(), c.x->max());
            c.fullRepaint = true;
        }
        if (c.legendDirty) {
            c.legendDirty = false;
            c.fullRepaint = true;
        }
        if (area != c.plot->boundingRect()) {
            // Back to automatic first: Qt Charts may skip laying the axes out again when a fixed
            // plot area is set on a chart that has had one.
            c.chart->setPlotArea(QRectF());
            c.chart->setPlotArea(area);
            // The axes follow now, not at the next turn of the event loop (a screenshot or the
            // UI benchmark may paint before it).
            c.chart->layout()->invalidate();
            c.chart->layout()->activate();
            c.plot->setArea(area);
            c.fullRepaint = true;
        }
    }
}

void ChartsPanel::clear() {
    if (m_pinned) applyWindow(m_windowS); // a zoom into another run's time means nothing here
    m_runs[0].clear();
    m_runs[1].clear();
    m_markers.clear();
    m_ownerColours.clear();
    for (auto& c : m_charts) {
        for (QValueAxis* axis : {c.y, c.y2}) {
            if (!axis) continue;
            axis->setRange(0, 1);
            axis->setProperty("niceIntervals", 0); // its ticks are set afresh (rescale)
        }
        if (c.spec->utilisationByOwner) {
            for (auto& l : c.lines) {
                c.chart->removeSeries(l.legend);
                delete l.legend;
            }
            c.lines.clear();
        }
        c.used = false;
        for (auto& l : c.lines) l.used = false;
        if (c.y2) c.y2->setVisible(true); // until a refresh finds none of its lines shown
        c.plot->lines().clear();
        c.fullRepaint = true;
    }
    placeCharts();
}

void ChartsPanel::setWindowSeconds(double s) {
    m_windowChosen = true;
    applyWindow(s);
}

void ChartsPanel::fitWindowToRun(double durationS) {
    if (m_windowChosen || !(durationS > 0)) return;
    // Tenths of a second: a window of 59.99999 s would not match the "1 min" button.
    applyWindow(std::min(120.0, std::ceil(durationS * 10 - 1e-9) / 10));
}

void ChartsPanel::applyWindow(double s) {
    m_windowS = std::clamp(s, 0.0, kMaxWindowS);
    m_pinned = false;
    // None checked for a window no button has (a 50 s run's): the range label names it.
    m_windowButtons->setExclusive(false);
    for (QAbstractButton* b : m_windowButtons->buttons())
        b->setChecked(b->objectName() == (m_windowS > 0 ? QStringLiteral("window%1").arg(m_windowS)
                                                        : QStringLiteral("windowAll")));
    m_windowButtons->setExclusive(true);
    for (auto& c : m_charts) {
        if (m_windowS > 0) c.x->setRange(-m_windowS, 0);
        c.fullRepaint = true;
    }
    updateRangeLabel();
    refresh();
}

void ChartsPanel::zoomTo(double fromS, double toS) {
    if (toS - fromS < 0.05) toS = fromS + 0.05; // a few rows at least
    m_pinned = true;
    m_pinFrom = fromS;
    m_pinTo = toS;
    for (QAbstractButton* b : m_windowButtons->buttons()) b->setChecked(false);
    for (auto& c : m_charts) {
        c.x->setRange(fromS, toS);
        c.fullRepaint = true;
    }
    updateRangeLabel();
    refresh();
}

void ChartsPanel::updateRangeLabel() {
    updateRangeText();
    m_rangeLabel->setToolTip(m_rangeLabel->text());
}

void ChartsPanel::updateRangeText() {
    if (m_pinned)
        m_rangeLabel->setText(
            tr("horizontal axes: simulated time %L1–%L2 s (zoomed; double-click a "
               "chart to follow the run)")
                .arg(m_pinFrom, 0, 'f', 1)
                .arg(m_pinTo, 0, 'f', 1));
    else if (m_windowS > 0 && !m_windowButtons->checkedButton())
        m_rangeLabel->setText(tr("horizontal axes: seconds ago (simulated), the run's %L1 s; "
                                 "drag on a chart to zoom")
                                  .arg(m_windowS));
    else if (m_windowS > 0)
        m_rangeLabel->setText(tr("horizontal axes: seconds ago (simulated); drag on a chart to "
                                 "zoom"));
    else
        m_rangeLabel->setText(tr("horizontal axes: simulated time (s), whole run"));
}

void ChartsPanel::visibleRange(double& from, double& to) const {
    if (m_pinned) {
        from = m_pinFrom;
        to = m_pinTo;
    } else if (m_windowS > 0) {
        from = latest() - m_windowS;
        to = latest();
    } else {
        const auto& kept = m_runs[0].kept;
        from = kept.empty() ? 0.0 : std::min(kept.front().t_s, latest());
        from = std::max(0.0, from - 0.25);
        to = std::max(latest(), from + 1.0);
    }
}

void ChartsPanel::addSnapshot(const Snapshot& snap, int run) {
    run = std::clamp(run, 0, 1);
    m_runs[run].addRows(snap);
    addMarkers(snap, run);
}

// Comparing, the runs are kept at the same time; the one ahead sets the time axis.
double ChartsPanel::latest() const {
    return m_compare ? std::max(m_runs[0].latest, m_runs[1].latest) : m_runs[0].latest;
}

QList<QPen> ChartsPanel::drawnPens(const QString& title) const {
    QList<QPen> out;
    for (const auto& c : m_charts)
        if (c.spec->title == title)
            for (const auto& l : c.plot->lines())
                if (!l.segments.empty()) out << l.pen;
    return out;
}

QColor ChartsPanel::lineColour(const QString& title, const QString& name) const {
    for (const auto& c : m_charts)
        if (c.spec->title == title)
            for (const auto& l : c.lines)
                if (l.legend->name() == name) return l.legend->pen().color();
    return {};
}

QImage ChartsPanel::chartsImage() const {
    QRect area; // the views' own pictures: a sibling on top of them (the cover) is left out
    for (const MarkedChartView* v : m_views)
        if (v->isVisible()) area |= v->geometry();
    if (area.isEmpty()) return {};
    const qreal ratio = devicePixelRatioF();
    QImage image((QSizeF(area.size()) * ratio).toSize(), QImage::Format_RGB32);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::white);
    QPainter p(&image);
    for (MarkedChartView* v : m_views)
        if (v->isVisible()) p.drawPixmap(v->geometry().topLeft() - area.topLeft(), v->grab());
    return image;
}

QString ChartsPanel::metricsCsv() const {
    QString out;
    for (const auto& c : core::metricsColumns())
        out += (out.isEmpty() ? "" : ",") + QString::fromStdString(c);
    out += '\n';
    for (const auto& r : m_runs[0].kept)
        out += QString::fromStdString(core::metricsCsvLine(r)) + '\n';
    return out;
}

int ChartsPanel::seriesPoints(const QString& title) const {
    for (const auto& c : m_charts)
        if (c.spec->title == title && !c.plot->lines().empty()) {
            int n = 0;
            for (const auto& s : c.plot->lines().front().segments) n += static_cast<int>(s.size());
            return n;
        }
    return -1;
}

int ChartsPanel::seriesSegments(const QString& title) const {
    for (const auto& c : m_charts)
        if (c.spec->title == title && !c.plot->lines().empty())
            return static_cast<int>(c.plot->lines().front().segments.size());
    return -1;
}

} // namespace cs::ui
