#include "ChartsPanel.h"

#include "ActionText.h"
#include "Palette.h"

#include <QButtonGroup>
#include <QChart>
#include <QGraphicsLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QToolButton>
#include <QValueAxis>

#include <cmath>

namespace cs::ui {
using namespace palette;

namespace {
constexpr double kMaxWindowS = 600;

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

// Reactions the engine logs (actions are marked from the applied actions instead).
QColor reactionColour(const std::string& text) {
    auto has = [&](const char* w) { return text.find(w) != std::string::npos; };
    if (has("steps down")) return kVermillion;
    if (has("converged") || has("migration done") || has(" is back")) return kGreen;
    if (has("elected") || has("scales out") || has("scales in") || has(" added to ") ||
        has("restarts to resize") || has("drained and removed"))
        return kBlue;
    if (has("unhealthy")) return kOrange;
    if (has("not linearizable")) return kPurple;
    return {};
}

QString linkName(const core::Action& a) {
    return QString::fromStdString(a.a) + QStringLiteral("–") + QString::fromStdString(a.b);
}

// The kind of the scenario node an action names, from the snapshot (its own node, or a member's).
core::NodeKind kindOf(const Snapshot& snap, const core::Action& a) {
    for (const auto& n : snap.nodes)
        if (n.name == a.node) return n.kind;
    for (const auto& n : snap.nodes)
        if (n.owner == a.node && core::findField(n.kind, a.field)) return n.kind;
    for (const auto& row : core::fieldTable()) // any kind with that field names it the same
        if (a.field == row.name) return row.kinds.kinds().front();
    return core::NodeKind::Client;
}

// What the lane shows for an action, and its colour.
Marker actionMarker(const core::Action& a, core::NodeKind kind) {
    const QString node = QString::fromStdString(a.node);
    const double t = static_cast<double>(a.at_us) / 1e6;
    Marker m{t, {}, {}, kBlack};
    switch (a.kind) {
    case core::ActionKind::KillNode:
        m = {t, QObject::tr("kill %1").arg(node), {}, kVermillion};
        break;
    case core::ActionKind::RestartNode:
        m = {t, QObject::tr("restart %1").arg(node), {}, kGreen};
        break;
    case core::ActionKind::CutLink:
        m = {t, QObject::tr("cut %1").arg(linkName(a)), {}, kVermillion};
        break;
    case core::ActionKind::HealLink:
        m = {t, QObject::tr("heal %1").arg(linkName(a)), {}, kGreen};
        break;
    case core::ActionKind::SetLink: {
        const core::ActionText said = core::describeSetLink(a);
        m = {t, QString::fromStdString(said.label), QString::fromStdString(said.sentence), kOrange};
        break;
    }
    case core::ActionKind::SetRate:
        m = {t, QObject::tr("%1 → %2 req/s").arg(node).arg(a.rate_rps), {}, kBlack};
        break;
    case core::ActionKind::SetField: {
        const core::ActionText said = core::describeSet(kind, a.node, a.field, a.value);
        m = {t, QString::fromStdString(said.label), QString::fromStdString(said.sentence), kPurple};
        break;
    }
    case core::ActionKind::AddShard:
        m = {t, QObject::tr("add shard to %1").arg(node), {}, kBlue};
        break;
    }
    m.detail =
        QObject::tr("%L1 s: %2").arg(t, 0, 'f', 2).arg(m.detail.isEmpty() ? m.label : m.detail);
    return m;
}
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
    m_rangeLabel = new QLabel;
    m_rangeLabel->setObjectName(QStringLiteral("chartRange"));
    bar->addSpacing(8);
    bar->addWidget(m_rangeLabel);
    bar->addStretch();
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
        view->setObjectName(QStringLiteral("chart%1").arg(i));
        view->setAccessibleName(m_charts[i].spec->title);
        view->setMinimumSize(240, 150);
        view->scene()->addItem(m_charts[i].plot);
        view->legendEntries = [this, index] {
            std::vector<std::pair<QPen, QString>> out;
            const Chart& c = m_charts[static_cast<std::size_t>(index)];
            for (const Line& l : c.lines)
                if (l.active) out.emplace_back(penFor(c, l), l.legend->name());
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
        connect(view, &MarkedChartView::followRequested, this,
                [this] { setWindowSeconds(m_windowS); });
        m_views.append(view);
    }
    placeCharts();
    setWindowSeconds(120);
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

QPen ChartsPanel::penFor(const Chart&, const Line& l) const {
    LineLook look = l.spec ? seriesLook(l.spec->key) : LineLook{};
    if (!l.spec) look.colour = const_cast<OwnerColours&>(m_ownerColours).colourOf(l.owner);
    QColor colour = look.colour;
    double width = look.width;
    if (m_highContrast) { // a washed-out projector: darker colours, thicker lines
        colour = colour.lightness() > 110 ? colour.darker(135) : colour;
        width *= 1.6;
    }
    QPen pen(colour, width * std::max(1.0, m_scale * 0.8), look.dash, Qt::FlatCap, Qt::MiterJoin);
    return pen;
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
        // As many legend rows as the chart with the longest legend needs, leaving 40 px of plot.
        const int fit =
            static_cast<int>((view->height() - top - axis - 40) / (small.height() * 1.25));
        view->legendRows = std::clamp(rows, 1, std::max(1, fit));
        const double bottom = axis + small.height() * 1.25 * view->legendRows + 4;
        const QRectF area(side, top, view->width() - 2 * side, view->height() - top - bottom);
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
    if (m_pinned) setWindowSeconds(m_windowS); // a zoom into another run's time means nothing here
    m_window.clear();
    m_util.clear();
    m_ownerNames.clear();
    m_ownerIds.clear();
    m_kept.clear();
    m_keepStride = 1;
    m_keepSkip = 0;
    m_markers.clear();
    m_actionsSeen = 0;
    m_latest = 0;
    m_ownerColours.clear();
    for (auto& c : m_charts) {
        c.y->setRange(0, 1);
        if (c.y2) c.y2->setRange(0, 1);
        if (c.spec->utilisationByOwner) {
            for (auto& l : c.lines) {
                c.chart->removeSeries(l.legend);
                delete l.legend;
            }
            c.lines.clear();
        }
        c.used = false;
        c.plot->lines().clear();
        c.fullRepaint = true;
    }
    placeCharts();
}

void ChartsPanel::setWindowSeconds(double s) {
    m_windowS = std::clamp(s, 0.0, kMaxWindowS);
    m_pinned = false;
    for (QAbstractButton* b : m_windowButtons->buttons())
        b->setChecked(b->objectName() == (m_windowS > 0 ? QStringLiteral("window%1").arg(m_windowS)
                                                        : QStringLiteral("windowAll")));
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
    if (m_pinned)
        m_rangeLabel->setText(
            tr("horizontal axes: simulated time %L1–%L2 s (zoomed; double-click a "
               "chart to follow the run)")
                .arg(m_pinFrom, 0, 'f', 1)
                .arg(m_pinTo, 0, 'f', 1));
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
        from = m_latest - m_windowS;
        to = m_latest;
    } else {
        from = m_kept.empty() ? 0.0 : std::min(m_kept.front().t_s, m_latest);
        from = std::max(0.0, from - 0.25);
        to = std::max(m_latest, from + 1.0);
    }
}

void ChartsPanel::addSnapshot(const Snapshot& snap) {
    for (std::size_t i = 0; i < snap.newRows.size(); ++i) {
        const auto& r = snap.newRows[i];
        m_window.push_back(r);
        auto& util = m_util.emplace_back();
        if (i < snap.newUtilization.size())
            for (const auto& [owner, u] : snap.newUtilization[i]) {
                auto [it, added] =
                    m_ownerIds.emplace(owner, static_cast<std::uint16_t>(m_ownerNames.size()));
                if (added) m_ownerNames.push_back(owner);
                util.emplace_back(it->second, static_cast<float>(u));
            }
        m_latest = r.t_s;
        // Keep everything for export, halving the resolution whenever the store fills up.
        if (m_keepSkip++ % m_keepStride == 0) m_kept.push_back(r);
        if (m_kept.size() >= kMaxKept) {
            std::vector<core::MetricsRow> half;
            for (std::size_t k = 0; k < m_kept.size(); k += 2) half.push_back(m_kept[k]);
            m_kept.swap(half);
            m_keepStride *= 2;
        }
    }
    while (!m_window.empty() && m_window.front().t_s < m_latest - kMaxWindowS) {
        m_window.pop_front();
        m_util.pop_front();
    }
    addMarkers(snap);
}

void ChartsPanel::addMarkers(const Snapshot& snap) {
    auto insert = [this](Marker m) { // in time order
        const auto at = std::upper_bound(m_markers.begin(), m_markers.end(), m.t_s,
                                         [](double t, const Marker& x) { return t < x.t_s; });
        m_markers.insert(at, std::move(m));
    };
    if (snap.actions) {
        if (snap.actions->size() < m_actionsSeen) m_actionsSeen = 0;
        for (std::size_t i = m_actionsSeen; i < snap.actions->size(); ++i)
            insert(actionMarker((*snap.actions)[i], kindOf(snap, (*snap.actions)[i])));
        m_actionsSeen = snap.actions->size();
    }
    for (const auto& e : snap.newLog) {
        const QColor c = reactionColour(e.text);
        if (!c.isValid()) continue; // not a reaction (an action's own log line, or a detail)
        const double t = static_cast<double>(e.time) / 1e6;
        const QString subject = QString::fromStdString(e.subject);
        const QString text = QString::fromStdString(e.text);
        // A burst of the same reaction (say, violations found window after window) is one marker.
        const bool repeat = std::any_of(m_markers.rbegin(), m_markers.rend(), [&](const Marker& m) {
            return t - m.t_s < 5.0 && m.colour == c && m.detail.contains(subject) &&
                   m.label == text.section(QLatin1Char(' '), 0, 2);
        });
        if (!repeat)
            insert({t, text.section(QLatin1Char(' '), 0, 2),
                    tr("%L1 s: %2").arg(t, 0, 'f', 2).arg(text), c});
    }
    while (!m_markers.empty() && m_markers.front().t_s < m_latest - kMaxWindowS &&
           m_markers.size() > 2000)
        m_markers.pop_front();
}

std::vector<MarkerGroup> ChartsPanel::markerGroups(int index) const {
    std::vector<MarkerGroup> out;
    const Chart& c = m_charts[static_cast<std::size_t>(index)];
    const MarkedChartView* view = m_views[index];
    const QRectF plot = view->mapFromScene(c.chart->plotArea()).boundingRect();
    double from = 0, to = 0;
    visibleRange(from, to);
    if (to <= from || plot.width() <= 0) return out;
    const auto first = std::lower_bound(m_markers.begin(), m_markers.end(), from,
                                        [](const Marker& m, double t) { return m.t_s < t; });
    constexpr double kSamePlace = 8; // pixels: closer than this is the same moment at this zoom
    for (auto it = first; it != m_markers.end() && it->t_s <= to; ++it) {
        const double px = plot.left() + (it->t_s - from) / (to - from) * plot.width();
        if (!out.empty() && px - out.back().px < kSamePlace) {
            MarkerGroup& g = out.back();
            g.details << it->detail;
            // "and 3 more": other markers at the same moment, listed when hovered.
            g.label = g.details.size() > 1 ? tr("%1 and %2 more")
                                                 .arg(g.label.section(tr(" and "), 0, 0))
                                                 .arg(g.details.size() - 1)
                                           : g.label;
            continue;
        }
        out.push_back({px, it->colour, it->label, {it->detail}});
    }
    return out;
}

QColor ChartsPanel::lineColour(const QString& title, const QString& name) const {
    for (const auto& c : m_charts)
        if (c.spec->title == title)
            for (const auto& l : c.lines)
                if (l.legend->name() == name) return l.legend->pen().color();
    return {};
}

QString ChartsPanel::metricsCsv() const {
    QString out;
    for (const auto& c : core::metricsColumns())
        out += (out.isEmpty() ? "" : ",") + QString::fromStdString(c);
    out += '\n';
    for (const auto& r : m_kept) out += QString::fromStdString(core::metricsCsvLine(r)) + '\n';
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
