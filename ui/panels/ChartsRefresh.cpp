// Turning metrics rows into the pixels of each chart: a min/max pair per pixel column, gaps where
// a value means nothing, axes rescaled only when the data leaves them (ChartsPanel.h).
#include "ChartsPanel.h"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

#include <cmath>

namespace cs::ui {
namespace {
constexpr double kMaxWindowS = ChartData::kMaxWindowS;

// One line's points in (pixel x, value) while the axis range is not known yet.
struct Trace {
    std::vector<QPolygonF> segments;
    double top = 0;
};

// Rows [first, end) of `rows` into the pixel columns of `plot` spanning [from, to] seconds.
template <class Rows>
Trace trace(const Rows& rows, std::size_t first, std::size_t end, double from, double to,
            const QRectF& plot, const SeriesSpec& spec) {
    Trace out;
    const double perS = plot.width() / (to - from);
    const bool decimate = static_cast<double>(end - first) > plot.width();
    QPolygonF* seg = nullptr;
    long column = std::numeric_limits<long>::min();
    double lo = 0, hi = 0, loX = 0, hiX = 0;
    bool loFirst = true;
    auto flush = [&] {
        if (!seg || column == std::numeric_limits<long>::min()) return;
        if (loFirst) {
            seg->append({loX, lo});
            if (hiX != loX || hi != lo) seg->append({hiX, hi});
        } else {
            seg->append({hiX, hi});
            seg->append({loX, lo});
        }
        column = std::numeric_limits<long>::min();
    };
    for (std::size_t i = first; i < end; ++i) {
        const core::MetricsRow& r = rows[i];
        if (spec.gap && spec.gap(r)) { // a break in the line
            flush();
            seg = nullptr;
            continue;
        }
        const double v = spec.value(r);
        const double x = plot.left() + (r.t_s - from) * perS;
        out.top = std::max(out.top, v);
        if (!seg) {
            out.segments.emplace_back();
            seg = &out.segments.back();
        }
        if (!decimate) {
            seg->append({x, v});
            continue;
        }
        const long col = std::lround(std::floor(x));
        if (col != column) {
            flush();
            column = col;
            lo = hi = v;
            loX = hiX = x;
            loFirst = true;
        } else if (v < lo) {
            lo = v;
            loX = x;
            loFirst = false;
        } else if (v > hi) {
            hi = v;
            hiX = x;
            loFirst = true;
        }
    }
    flush();
    // A constant line (most error and staleness lines, most of the time): two points.
    for (QPolygonF& s : out.segments) {
        if (s.size() <= 2) continue;
        const double v = s.front().y();
        if (std::all_of(s.begin(), s.end(), [v](const QPointF& p) { return p.y() == v; }))
            s = QPolygonF({s.front(), s.back()});
    }
    return out;
}

void toPixels(std::vector<QPolygonF>& segments, const QValueAxis* axis, const QRectF& plot) {
    const double span = axis->max() - axis->min();
    for (QPolygonF& s : segments)
        for (QPointF& p : s)
            p.setY(plot.bottom() -
                   (std::min(p.y(), axis->max() * 1.02) - axis->min()) / span * plot.height());
}

template <class Rows> std::size_t firstAtOrAfter(const Rows& rows, double t) {
    return static_cast<std::size_t>(
        std::lower_bound(rows.begin(), rows.end(), t,
                         [](const core::MetricsRow& r, double x) { return r.t_s < x; }) -
        rows.begin());
}

// One line's trace over [from, to] from a run's rows: the last 10 minutes at full resolution,
// older ranges from the rows kept for export; one row before the window, so the line starts at
// its left edge.
Trace traceOf(const ChartData& data, const SeriesSpec& spec, double from, double to,
              const QRectF& plot, bool windowed) {
    const bool recent = !data.window.empty() && from >= data.window.front().t_s - 1e-9 && windowed;
    if (recent) {
        const std::size_t a = firstAtOrAfter(data.window, from);
        return trace(data.window, a > 0 ? a - 1 : 0, firstAtOrAfter(data.window, to + 1e-9), from,
                     to, plot, spec);
    }
    const std::size_t a = firstAtOrAfter(data.kept, from);
    return trace(data.kept, a > 0 ? a - 1 : 0, firstAtOrAfter(data.kept, to + 1e-9), from, to, plot,
                 spec);
}
} // namespace

// Rescale only when the data leaves the range or uses little of it (an axis change repaints the
// whole chart), or when its ticks must change (a count on its own, a shorter chart). Ticks sit on
// round numbers from 0 (niceScale): 0 5 10 15 instances, never 1.875. Returns whether it changed.
bool ChartsPanel::rescale(QValueAxis* axis, double maxValue, int intervals, bool whole) {
    const double top = axis->max();
    const bool sameTicks = axis->property("niceIntervals").toInt() == intervals &&
                           axis->property("niceWhole").toBool() == whole;
    if (sameTicks && maxValue <= top && (maxValue >= 0.35 * top || top <= 1.0)) return false;
    const NiceScale nice = niceScale(maxValue, intervals, whole);
    axis->setProperty("niceIntervals", intervals);
    axis->setProperty("niceWhole", whole);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(nice.step);
    axis->setLabelFormat(QStringLiteral("%.") + QString::number(nice.decimals) +
                         QStringLiteral("f"));
    axis->setRange(0, nice.top);
    return true;
}

void ChartsPanel::refreshCharts(int firstChart, int lastChart) {
    const int last = std::min(lastChart, chartCount());
    for (int i = std::max(0, firstChart); i < last; ++i) {
        Chart& c = m_charts[static_cast<std::size_t>(i)];
        MarkedChartView* view = m_views[i];
        const bool wasUsed = c.used;
        if (!m_pinned && m_windowS <= 0) { // the whole run: the axis grows with it
            double from = 0, to = 0;
            visibleRange(from, to);
            if (c.x->min() != from || c.x->max() != to) {
                c.x->setRange(from, to);
                c.fullRepaint = true;
            }
        }
        if (c.spec->utilisationByOwner) {
            double from = 0, to = 0;
            visibleRange(from, to);
            refreshUtilisation(c, from, to);
        } else {
            refreshChart(c);
        }
        if (c.used != wasUsed) placeCharts();
        if (c.legendDirty) layoutPlots();
        if (!view->isVisible()) continue;
        c.paintFull = c.fullRepaint;
        c.fullRepaint = false;
        if (c.paintFull) {
            view->viewport()->update();
        } else { // the plot and its lane only: axes, title and legend stay as painted
            const QRectF plot = c.chart->plotArea();
            view->viewport()->update(
                view->mapFromScene(plot.adjusted(-4, -view->laneHeight() - 2, 4, 4))
                    .boundingRect());
        }
    }
}

void ChartsPanel::refreshNext() {
    if (m_charts.empty() || !m_timedRefresh) return;
    m_next = (m_next + 1) % chartCount();
    refreshCharts(m_next, m_next + 1);
}

void ChartsPanel::repaintNow(int firstChart, int lastChart) {
    const int last = std::min(lastChart, chartCount());
    for (int i = std::max(0, firstChart); i < last; ++i) {
        Chart& c = m_charts[static_cast<std::size_t>(i)];
        MarkedChartView* view = m_views[i];
        if (!view->isVisible()) continue;
        if (c.paintFull)
            view->viewport()->repaint();
        else
            view->viewport()->repaint(
                view->mapFromScene(c.chart->plotArea().adjusted(-4, -view->laneHeight() - 2, 4, 4))
                    .boundingRect());
        c.paintFull = false;
    }
}

// Comparing, B's lines follow A's (dashed), and a line is shown when either run has it.
void ChartsPanel::refreshChart(Chart& c) {
    double from = 0, to = 0;
    visibleRange(from, to);
    const QRectF plot = c.chart->plotArea();
    const int runs = m_compare ? 2 : 1;
    std::vector<Trace> traces;
    traces.reserve(c.lines.size() * static_cast<std::size_t>(runs));
    const bool windowed = m_pinned || (m_windowS > 0 && m_windowS <= kMaxWindowS);
    for (int run = 0; run < runs; ++run)
        for (const Line& l : c.lines)
            traces.push_back(traceOf(m_runs[run], *l.spec, from, to, plot, windowed));
    double maxLeft = 0, maxRight = 0;
    for (std::size_t k = 0; k < traces.size(); ++k) {
        const Line& l = c.lines[k % c.lines.size()];
        double& axisMax = l.spec->rightAxis && c.y2 ? maxRight : maxLeft;
        axisMax = std::max(axisMax, traces[k].top);
    }
    for (std::size_t k = 0; k < c.lines.size(); ++k) {
        Line& l = c.lines[k];
        const double top = std::max(traces[k].top, runs > 1 ? traces[k + c.lines.size()].top : 0.0);
        c.used = c.used || top > 0;
        l.used = l.used || top > 0;
        const bool active =
            (!c.spec->onlyActiveLines || top > 0) && (!l.spec->onlyWhenUsed || l.used);
        if (active != l.active) {
            l.active = active;
            l.legend->setVisible(active);
            c.fullRepaint = c.legendDirty = true;
        }
    }
    // An axis counts in whole numbers when every line shown on it is a count (when none is
    // shown, every line it has).
    bool wholeLeft = true, wholeRight = true, shownLeft = false, shownRight = false;
    for (const Line& l : c.lines) (l.spec->rightAxis && c.y2 ? shownRight : shownLeft) |= l.active;
    for (const Line& l : c.lines) {
        const bool right = l.spec->rightAxis && c.y2;
        if (!l.spec->whole && (l.active || !(right ? shownRight : shownLeft)))
            (right ? wholeRight : wholeLeft) = false;
    }
    // A right axis none of whose lines is shown is hidden (no "count (total)" from 0 to 1 over an
    // empty plot); the plot area keeps its margins, so the time axes still line up.
    if (c.y2 && c.y2->isVisible() != shownRight) {
        c.y2->setVisible(shownRight);
        updateTitle(c);
        c.fullRepaint = true;
    }
    const int intervals = c.compact ? 2 : 5;
    if (rescale(c.y, maxLeft, intervals, wholeLeft)) c.fullRepaint = true;
    if (c.y2 && rescale(c.y2, maxRight, intervals, wholeRight)) c.fullRepaint = true;
    auto& lines = c.plot->lines();
    lines.resize(traces.size());
    for (std::size_t k = 0; k < traces.size(); ++k) {
        const Line& l = c.lines[k % c.lines.size()];
        lines[k].pen = penFor(c, l, k >= c.lines.size());
        lines[k].segments = l.active ? std::move(traces[k].segments) : std::vector<QPolygonF>{};
        toPixels(lines[k].segments, l.spec->rightAxis && c.y2 ? c.y2 : c.y, plot);
    }
}

std::vector<QPolygonF> ChartsPanel::utilisationLines(const ChartData& data, double from, double to,
                                                     const QRectF& plot) const {
    const std::size_t first = firstAtOrAfter(data.window, from);
    const std::size_t end = firstAtOrAfter(data.window, to + 1e-9);
    const double columns = std::max(1.0, plot.width() / 2);
    const std::size_t n = end - first;
    const std::size_t stride =
        std::max<std::size_t>(1, static_cast<std::size_t>(static_cast<double>(n) / columns));
    const std::size_t owners = data.ownerNames.size();
    std::vector<QPolygonF> util(owners);
    std::vector<double> sum(owners);
    std::vector<char> seen(owners);
    const double perS = plot.width() / std::max(1e-9, to - from);
    for (std::size_t i = first; i < end; i += stride) { // mean per column
        const std::size_t stop = std::min(end, i + stride);
        std::fill(sum.begin(), sum.end(), 0.0);
        std::fill(seen.begin(), seen.end(), 0);
        for (std::size_t j = i; j < stop; ++j)
            for (const auto& [owner, u] : data.util[j]) {
                sum[owner] += u;
                seen[owner] = 1;
            }
        for (std::size_t o = 0; o < owners; ++o)
            if (seen[o])
                util[o].append({plot.left() + (data.window[i].t_s - from) * perS,
                                100.0 * sum[o] / static_cast<double>(stop - i)});
    }
    return util;
}

// Utilisation: one line per group or datastore, created as they appear; the busiest few shown,
// each in the colour its name picks (never its rank: ranks change from one refresh to the next).
// Comparing, B's line of each shown owner follows, dashed.
void ChartsPanel::refreshUtilisation(Chart& c, double from, double to) {
    const QRectF plot = c.chart->plotArea();
    const ChartData& a = m_runs[0];
    std::vector<QPolygonF> util = utilisationLines(a, from, to, plot);
    // At most kMaxUtilSeries lines, the busiest: more cannot be told apart on a projector.
    std::vector<std::pair<double, std::string>> busiest;
    for (std::size_t o = 0; o < util.size(); ++o) {
        if (util[o].isEmpty()) continue;
        double total = 0;
        for (const auto& p : util[o]) total += p.y();
        // A line shown stays unless another is clearly busier: the legend does not flicker
        // between groups of about the same load.
        const QString name = QString::fromStdString(a.ownerNames[o]);
        const bool shownNow = std::any_of(c.lines.begin(), c.lines.end(), [&](const Line& l) {
            return l.active && l.owner == name;
        });
        busiest.emplace_back(-total / static_cast<double>(util[o].size()) - (shownNow ? 5.0 : 0.0),
                             a.ownerNames[o]);
    }
    std::sort(busiest.begin(), busiest.end());
    if (busiest.size() > kMaxUtilSeries) busiest.resize(kMaxUtilSeries);
    for (const auto& [rank, owner] : busiest) { // new owners get a line and a legend entry
        const QString name = QString::fromStdString(owner);
        if (std::none_of(c.lines.begin(), c.lines.end(),
                         [&](const Line& l) { return l.owner == name; })) {
            Line l;
            l.owner = name;
            l.legend = addLegendLine(c, name, c.y);
            l.legend->setPen(penFor(c, l));
            c.lines.push_back(l);
            c.fullRepaint = c.legendDirty = true;
        }
    }
    std::vector<QPolygonF> utilB;
    if (m_compare) utilB = utilisationLines(m_runs[1], from, to, plot);
    auto& lines = c.plot->lines();
    lines.resize(c.lines.size() * (m_compare ? 2 : 1));
    for (std::size_t k = 0; k < c.lines.size(); ++k) {
        Line& l = c.lines[k];
        const std::string owner = l.owner.toStdString();
        const bool shown = std::any_of(busiest.begin(), busiest.end(),
                                       [&](const auto& b) { return b.second == owner; });
        if (shown != l.active) {
            l.active = shown;
            l.legend->setVisible(shown);
            c.fullRepaint = c.legendDirty = true;
        }
        lines[k].pen = penFor(c, l);
        lines[k].segments.clear();
        if (shown) lines[k].segments.push_back(std::move(util[a.ownerIds.at(owner)]));
        toPixels(lines[k].segments, c.y, plot);
        if (!m_compare) continue;
        auto& lineB = lines[k + c.lines.size()];
        lineB.pen = penFor(c, l, true);
        lineB.segments.clear();
        const auto idB = m_runs[1].ownerIds.find(owner);
        if (shown && idB != m_runs[1].ownerIds.end())
            lineB.segments.push_back(std::move(utilB[idB->second]));
        toPixels(lineB.segments, c.y, plot);
    }
    // 0 to 100%: 86% and the headroom make 100, in steps of 20 (50 on a short chart).
    if (rescale(c.y, 86, c.compact ? 2 : 5, false)) c.fullRepaint = true;
}

// A short chart (a 720p projector, a small laptop) cannot fit five tick labels and a vertical
// unit title beside its plot: it shows three ticks and names its units in its title instead.
void ChartsPanel::fitToHeight(Chart& c, int height) {
    const bool compact = height < kCompactBelow;
    if (compact == c.compact && !c.chart->title().isEmpty()) return;
    c.compact = compact;
    applyLook(c); // its title font
    updateTitle(c);
    for (QValueAxis* axis : {c.y, c.y2}) {
        if (!axis) continue;
        axis->setTitleVisible(!compact); // its ticks follow at the next refresh (rescale)
    }
    c.fullRepaint = true;
}

void ChartsPanel::updateTitle(Chart& c) {
    QString title = c.spec->title;
    const bool right = c.y2 && c.y2->isVisible();
    if (c.compact && !c.spec->leftAxis.isEmpty())
        title += QStringLiteral(" · ") + c.spec->leftAxis +
                 (right ? QStringLiteral(" | ") + c.spec->rightAxis : QString());
    c.chart->setTitle(title);
}

// The hover tooltip: every shown line's value at the row nearest the pointer.
QString ChartsPanel::describeAt(int index, QPointF at) const {
    const Chart& c = m_charts[static_cast<std::size_t>(index)];
    const QRectF plot = c.chart->plotArea();
    double from = 0, to = 0;
    visibleRange(from, to);
    const double t = from + (at.x() - plot.left()) / plot.width() * (to - from);
    // A run's row nearest t, and its index in the window (or npos when it is an older row).
    auto rowAt = [t](const ChartData& d, std::size_t& inWindow) -> const core::MetricsRow* {
        const bool recent = !d.window.empty() && t >= d.window.front().t_s;
        const std::size_t size = recent ? d.window.size() : d.kept.size();
        if (size == 0) return nullptr;
        const std::size_t i =
            std::min(recent ? firstAtOrAfter(d.window, t) : firstAtOrAfter(d.kept, t), size - 1);
        inWindow = recent ? i : std::string::npos;
        return recent ? &d.window[i] : &d.kept[i];
    };
    std::size_t i = 0, iB = 0;
    const core::MetricsRow* found = rowAt(m_runs[0], i);
    if (!found) return {};
    const core::MetricsRow& r = *found;
    const core::MetricsRow* rB = m_compare ? rowAt(m_runs[1], iB) : nullptr;
    QStringList out{
        m_pinned || m_windowS <= 0
            ? tr("%L1 s").arg(r.t_s, 0, 'f', 2)
            : tr("%L1 s ago (t = %L2 s)").arg(latest() - r.t_s, 0, 'f', 1).arg(r.t_s, 0, 'f', 2)};
    auto value = [](const SeriesSpec& spec, const core::MetricsRow& row) {
        return spec.gap && spec.gap(row) ? QStringLiteral("—")
                                         : QStringLiteral("%L1").arg(spec.value(row), 0, 'g', 4);
    };
    for (const Line& l : c.lines) {
        if (!l.active) continue;
        if (l.spec && rB) {
            out << tr("%1: %2 (A), %3 (B)")
                       .arg(l.spec->name, value(*l.spec, r), value(*l.spec, *rB));
        } else if (l.spec) {
            out << (l.spec->gap && l.spec->gap(r)
                        ? tr("%1: — (no request finished)").arg(l.spec->name)
                        : tr("%1: %L2").arg(l.spec->name).arg(l.spec->value(r), 0, 'g', 4));
        } else if (i != std::string::npos) {
            const auto id = m_runs[0].ownerIds.find(l.owner.toStdString());
            for (const auto& [owner, u] : m_runs[0].util[i])
                if (id != m_runs[0].ownerIds.end() && owner == id->second)
                    out << tr("%1: %L2%").arg(l.owner).arg(100 * u, 0, 'f', 0);
        }
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace cs::ui
