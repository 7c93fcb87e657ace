// Turning metrics rows into the pixels of each chart: a min/max pair per pixel column, gaps where
// a value means nothing, axes rescaled only when the data leaves them (ChartsPanel.h).
#include "ChartsPanel.h"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

#include <cmath>

namespace cs::ui {
namespace {
constexpr double kMaxWindowS = 600;

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
} // namespace

// Rescale only when the data leaves the range or uses little of it: an axis change repaints the
// whole chart. Returns whether it changed.
bool ChartsPanel::rescale(QValueAxis* axis, double maxValue) {
    const double top = axis->max();
    if (maxValue <= top && (maxValue >= 0.35 * top || top <= 1.0)) return false;
    double nice = 1;
    const double target = std::max(1.0, maxValue * 1.15); // an empty chart shows 0..1, not 0..1e-9
    const double mag = std::pow(10, std::floor(std::log10(target)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * mag >= target) {
            nice = m * mag;
            break;
        }
    axis->setRange(0, std::max(nice, 1e-6));
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

void ChartsPanel::refreshChart(Chart& c) {
    double from = 0, to = 0;
    visibleRange(from, to);
    const QRectF plot = c.chart->plotArea();
    // The last 10 minutes at full resolution; older ranges from the rows kept for export.
    const bool recent = !m_window.empty() && from >= m_window.front().t_s - 1e-9 &&
                        (m_pinned || (m_windowS > 0 && m_windowS <= kMaxWindowS));
    std::vector<Trace> traces;
    traces.reserve(c.lines.size());
    double maxLeft = 0, maxRight = 0;
    for (Line& l : c.lines) {
        // One row before the window, so the line starts at its left edge.
        if (recent) {
            const std::size_t a = firstAtOrAfter(m_window, from);
            traces.push_back(trace(m_window, a > 0 ? a - 1 : 0, firstAtOrAfter(m_window, to + 1e-9),
                                   from, to, plot, *l.spec));
        } else {
            const std::size_t a = firstAtOrAfter(m_kept, from);
            traces.push_back(trace(m_kept, a > 0 ? a - 1 : 0, firstAtOrAfter(m_kept, to + 1e-9),
                                   from, to, plot, *l.spec));
        }
        const double top = traces.back().top;
        (l.spec->rightAxis && c.y2 ? maxRight : maxLeft) =
            std::max(l.spec->rightAxis && c.y2 ? maxRight : maxLeft, top);
        c.used = c.used || top > 0;
        const bool active = !c.spec->onlyActiveLines || top > 0;
        if (active != l.active) {
            l.active = active;
            l.legend->setVisible(active);
            c.fullRepaint = c.legendDirty = true;
        }
    }
    if (rescale(c.y, maxLeft)) c.fullRepaint = true;
    if (c.y2 && rescale(c.y2, maxRight)) c.fullRepaint = true;
    auto& lines = c.plot->lines();
    lines.resize(c.lines.size());
    for (std::size_t k = 0; k < c.lines.size(); ++k) {
        Line& l = c.lines[k];
        lines[k].pen = penFor(c, l);
        lines[k].segments = l.active ? std::move(traces[k].segments) : std::vector<QPolygonF>{};
        toPixels(lines[k].segments, l.spec->rightAxis && c.y2 ? c.y2 : c.y, plot);
    }
}

// Utilisation: one line per group or datastore, created as they appear; the busiest few shown,
// each in the colour its name picks (never its rank: ranks change from one refresh to the next).
void ChartsPanel::refreshUtilisation(Chart& c, double from, double to) {
    const QRectF plot = c.chart->plotArea();
    const std::size_t first = firstAtOrAfter(m_window, from);
    const std::size_t end = firstAtOrAfter(m_window, to + 1e-9);
    const double columns = std::max(1.0, plot.width() / 2);
    const std::size_t n = end - first;
    const std::size_t stride =
        std::max<std::size_t>(1, static_cast<std::size_t>(static_cast<double>(n) / columns));
    const std::size_t owners = m_ownerNames.size();
    std::vector<QPolygonF> util(owners);
    std::vector<double> sum(owners);
    std::vector<char> seen(owners);
    const double perS = plot.width() / std::max(1e-9, to - from);
    for (std::size_t i = first; i < end; i += stride) { // mean per column
        const std::size_t stop = std::min(end, i + stride);
        std::fill(sum.begin(), sum.end(), 0.0);
        std::fill(seen.begin(), seen.end(), 0);
        for (std::size_t j = i; j < stop; ++j)
            for (const auto& [owner, u] : m_util[j]) {
                sum[owner] += u;
                seen[owner] = 1;
            }
        for (std::size_t o = 0; o < owners; ++o)
            if (seen[o])
                util[o].append({plot.left() + (m_window[i].t_s - from) * perS,
                                100.0 * sum[o] / static_cast<double>(stop - i)});
    }
    // At most kMaxUtilSeries lines, the busiest: more cannot be told apart on a projector.
    std::vector<std::pair<double, std::string>> busiest;
    for (std::size_t o = 0; o < owners; ++o) {
        if (util[o].isEmpty()) continue;
        double total = 0;
        for (const auto& p : util[o]) total += p.y();
        // A line shown stays unless another is clearly busier: the legend does not flicker
        // between groups of about the same load.
        const QString name = QString::fromStdString(m_ownerNames[o]);
        const bool shownNow = std::any_of(c.lines.begin(), c.lines.end(), [&](const Line& l) {
            return l.active && l.owner == name;
        });
        busiest.emplace_back(-total / static_cast<double>(util[o].size()) - (shownNow ? 5.0 : 0.0),
                             m_ownerNames[o]);
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
    auto& lines = c.plot->lines();
    lines.resize(c.lines.size());
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
        if (shown) lines[k].segments.push_back(std::move(util[m_ownerIds.at(owner)]));
        toPixels(lines[k].segments, c.y, plot);
    }
    if (c.y->max() != 100) {
        c.y->setRange(0, 100);
        c.fullRepaint = true;
    }
}

// A short chart (a 720p projector, a small laptop) cannot fit five tick labels and a vertical
// unit title beside its plot: it shows three ticks and names its units in its title instead.
void ChartsPanel::fitToHeight(Chart& c, int height) {
    const bool compact = height < kCompactBelow;
    if (compact == c.compact && !c.chart->title().isEmpty()) return;
    c.compact = compact;
    applyLook(c); // its title font
    QString title = c.spec->title;
    if (compact && !c.spec->leftAxis.isEmpty())
        title +=
            QStringLiteral(" · ") + c.spec->leftAxis +
            (c.spec->rightAxis.isEmpty() ? QString() : QStringLiteral(" | ") + c.spec->rightAxis);
    c.chart->setTitle(title);
    for (QValueAxis* axis : {c.y, c.y2}) {
        if (!axis) continue;
        axis->setTitleVisible(!compact);
        axis->setTickCount(compact ? 3 : 5);
    }
    c.fullRepaint = true;
}

// The hover tooltip: every shown line's value at the row nearest the pointer.
QString ChartsPanel::describeAt(int index, QPointF at) const {
    const Chart& c = m_charts[static_cast<std::size_t>(index)];
    const QRectF plot = c.chart->plotArea();
    double from = 0, to = 0;
    visibleRange(from, to);
    const double t = from + (at.x() - plot.left()) / plot.width() * (to - from);
    const bool recent = !m_window.empty() && t >= m_window.front().t_s;
    const std::size_t size = recent ? m_window.size() : m_kept.size();
    if (size == 0) return {};
    std::size_t i = recent ? firstAtOrAfter(m_window, t) : firstAtOrAfter(m_kept, t);
    i = std::min(i, size - 1);
    const core::MetricsRow& r = recent ? m_window[i] : m_kept[i];
    QStringList out{
        m_pinned || m_windowS <= 0
            ? tr("%L1 s").arg(r.t_s, 0, 'f', 2)
            : tr("%L1 s ago (t = %L2 s)").arg(m_latest - r.t_s, 0, 'f', 1).arg(r.t_s, 0, 'f', 2)};
    for (const Line& l : c.lines) {
        if (!l.active) continue;
        if (l.spec) {
            out << (l.spec->gap && l.spec->gap(r)
                        ? tr("%1: — (no request finished)").arg(l.spec->name)
                        : tr("%1: %L2").arg(l.spec->name).arg(l.spec->value(r), 0, 'g', 4));
        } else if (recent) {
            const auto id = m_ownerIds.find(l.owner.toStdString());
            for (const auto& [owner, u] : m_util[i])
                if (id != m_ownerIds.end() && owner == id->second)
                    out << tr("%1: %L2%").arg(l.owner).arg(100 * u, 0, 'f', 0);
        }
    }
    return out.join(QLatin1Char('\n'));
}

} // namespace cs::ui
