#include "ChartsPanel.h"

#include "ExportFile.h"
#include "Palette.h"

#include <QChart>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMenu>
#include <QMessageBox>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>

namespace cs::ui {
using namespace palette;

namespace {
constexpr double kMaxWindowS = 600;

QColor markerColour(const std::string& text) {
    auto has = [&](const char* w) { return text.find(w) != std::string::npos; };
    if (has("killed") || has(" cut") || has("steps down")) return kVermillion;
    if (has("restarted") || has("healed") || has("converged")) return kGreen;
    if (has("elected") || has("added") || has("scales out") || has("scales in")) return kBlue;
    if (has("unhealthy")) return kOrange;
    if (has("not linearizable")) return kPurple;
    return kGrey;
}
} // namespace

MarkedChartView::MarkedChartView(QChart* chart, const std::deque<Marker>* markers,
                                 const double* latest)
    : QChartView(chart), m_markers(markers), m_latest(latest) {
    // No antialiasing: with thousands of segments it triples the paint cost (notes/ui-budget.md).
    setRenderHint(QPainter::Antialiasing, false);
    setToolTip(tr("Right-click to export this chart; hover a line to read its value"));
}

void MarkedChartView::drawForeground(QPainter* p, const QRectF& rect) {
    QChartView::drawForeground(p, rect);
    const QRectF plot = chart()->plotArea();
    auto* x = qobject_cast<QValueAxis*>(chart()->axes(Qt::Horizontal).value(0));
    if (!x) return;
    p->save();
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 0.8);
    p->setFont(f);
    const QFontMetricsF fm(f);
    double lastRight = -1e9;
    int row = 0;
    for (const Marker& m : *m_markers) {
        const double ago = m.t_s - *m_latest;
        if (ago < x->min() || ago > x->max()) continue;
        const double px = plot.left() + (ago - x->min()) / (x->max() - x->min()) * plot.width();
        p->setPen(QPen(m.colour, 2, Qt::DashLine));
        p->drawLine(QPointF(px, plot.top()), QPointF(px, plot.bottom()));
        // Labels of markers close together go on successive rows instead of overprinting.
        row = px < lastRight ? (row + 1) % 4 : 0;
        const QPointF at(px + 3, plot.top() + 12 + row * fm.height());
        p->setPen(m.colour);
        p->drawText(at, m.label);
        lastRight = std::max(lastRight, at.x() + fm.horizontalAdvance(m.label));
    }
    p->restore();
}

void MarkedChartView::contextMenuEvent(QContextMenuEvent* e) {
    QMenu menu;
    const QString title = chart()->title();
    auto report = [this](const QString& err) {
        if (!err.isEmpty()) QMessageBox::critical(this, tr("Cannot export"), err);
    };
    menu.addAction(tr("Export \"%1\" as PNG…").arg(title), [this, title, report] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export chart"), title + QStringLiteral(".png"), tr("PNG images (*.png)"));
        if (!path.isEmpty()) report(saveImage(path, grab().toImage()));
    });
    menu.addAction(tr("Export \"%1\" as SVG…").arg(title), [this, title, report] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export chart"), title + QStringLiteral(".svg"), tr("SVG images (*.svg)"));
        if (!path.isEmpty())
            report(saveSvg(path, size(), rect(), title, [this](QPainter& p) { render(&p); }));
    });
    menu.exec(e->globalPos());
}

ChartsPanel::ChartsPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("chartsPanel"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(4, 4, 4, 4);
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Window:")));
    m_windowBox = new QComboBox;
    m_windowBox->setObjectName(QStringLiteral("chartWindow"));
    m_windowBox->setToolTip(tr("How much recent simulated time the charts show"));
    for (auto [label, s] : {std::pair{tr("30 s"), 30.0},
                            {tr("1 min"), 60.0},
                            {tr("2 min"), 120.0},
                            {tr("5 min"), 300.0},
                            {tr("10 min"), 600.0}})
        m_windowBox->addItem(label, s);
    m_windowBox->setCurrentIndex(2);
    connect(m_windowBox, &QComboBox::currentIndexChanged, this,
            [this](int i) { setWindowSeconds(m_windowBox->itemData(i).toDouble()); });
    bar->addWidget(m_windowBox);
    bar->addStretch();
    outer->addLayout(bar);
    auto* grid = new QGridLayout;
    outer->addLayout(grid, 1);

    m_charts.push_back(makeChart(tr("Latency"), tr("ms"), {tr("p50"), tr("p95"), tr("p99")},
                                 {kBlue, kOrange, kVermillion}));
    m_charts.push_back(makeChart(tr("Throughput"), tr("requests/s"),
                                 {tr("offered"), tr("throughput"), tr("datastore ops")},
                                 {kSky, kGreen, kOrange}));
    m_charts.push_back(makeChart(
        tr("Errors by reason"), tr("requests/s"),
        {tr("timeout"), tr("unavail."), tr("429"), tr("dropped"), tr("session"), tr("lost")},
        {kVermillion, kOrange, kPurple, kBlue, kYellow, kBlack}, tr("duplicates"), {tr("dupes")},
        {kGrey}));
    m_charts.push_back(makeChart(tr("Staleness"), tr("ms"),
                                 {tr("staleness p50"), tr("staleness p99")}, {kSky, kBlue},
                                 tr("% stale"), {tr("stale reads")}, {kVermillion}));
    m_charts.push_back(makeChart(tr("Instances and cost"), tr("instances"), {tr("instances")},
                                 {kGreen}, tr("$/hour"), {tr("cost")}, {kOrange}));
    m_charts.push_back(makeChart(tr("Utilisation"), tr("%"), {}, {}));
    for (std::size_t i = 0; i < m_charts.size(); ++i) {
        auto* view = new MarkedChartView(m_charts[i].chart, &m_markers, &m_latest);
        view->setObjectName(QStringLiteral("chart%1").arg(i));
        view->setMinimumSize(320, 220);
        grid->addWidget(view, static_cast<int>(i / 3), static_cast<int>(i % 3));
        m_views.append(view);
    }
    setWindowSeconds(120);
}

ChartsPanel::Chart ChartsPanel::makeChart(const QString& title, const QString& yTitle,
                                          const QStringList& names,
                                          const std::vector<QColor>& colours,
                                          const QString& y2Title, const QStringList& names2,
                                          const std::vector<QColor>& colours2) {
    Chart c;
    c.chart = new QChart;
    c.chart->setTitle(title);
    QFont tf = font();
    tf.setPointSizeF(tf.pointSizeF() * 1.15);
    tf.setBold(true);
    c.chart->setTitleFont(tf);
    c.chart->legend()->setAlignment(Qt::AlignBottom);
    c.chart->legend()->setFont(font());
    c.chart->setMargins(QMargins(4, 4, 4, 4));
    c.x = new QValueAxis;
    c.x->setTitleText(tr("seconds ago (simulated)"));
    c.x->setLabelFormat(QStringLiteral("%.0f"));
    c.y = new QValueAxis;
    c.y->setTitleText(yTitle);
    c.y->setRange(0, 1);
    c.y->setLabelFormat(QStringLiteral("%.5g"));
    for (QValueAxis* a : {c.x, c.y}) {
        a->setLabelsFont(font());
        a->setTitleFont(font());
    }
    c.chart->addAxis(c.x, Qt::AlignBottom);
    c.chart->addAxis(c.y, Qt::AlignLeft);
    auto add = [&](const QString& name, const QColor& colour, QValueAxis* y) {
        auto* s = new QLineSeries;
        s->setName(name);
        QPen pen(colour);
        pen.setWidthF(2.5);
        s->setPen(pen);
        c.chart->addSeries(s);
        s->attachAxis(c.x);
        s->attachAxis(y);
        connect(s, &QLineSeries::hovered, this, [name](const QPointF& p, bool on) {
            if (on)
                QToolTip::showText(QCursor::pos(), QStringLiteral("%1: %2 (%3 s ago)")
                                                       .arg(name)
                                                       .arg(p.y(), 0, 'g', 4)
                                                       .arg(-p.x(), 0, 'f', 1));
        });
        return s;
    };
    for (int i = 0; i < names.size(); ++i)
        c.series.push_back(add(names[i], colours[static_cast<std::size_t>(i)], c.y));
    if (!y2Title.isEmpty()) {
        c.y2 = new QValueAxis;
        c.y2->setTitleText(y2Title);
        c.y2->setRange(0, 1);
        c.y2->setLabelsFont(font());
        c.y2->setTitleFont(font());
        c.chart->addAxis(c.y2, Qt::AlignRight);
        for (int i = 0; i < names2.size(); ++i)
            c.series2.push_back(add(names2[i], colours2[static_cast<std::size_t>(i)], c.y2));
    }
    return c;
}

void ChartsPanel::clear() {
    m_window.clear();
    m_util.clear();
    m_kept.clear();
    m_keepStride = 1;
    m_keepSkip = 0;
    m_markers.clear();
    m_latest = 0;
    for (auto& c : m_charts) {
        for (auto* s : c.series) s->clear();
        for (auto* s : c.series2) s->clear();
        c.y->setRange(0, 1);
        if (c.y2) c.y2->setRange(0, 1);
    }
    for (auto& [owner, s] : m_utilSeries) {
        m_charts[5].chart->removeSeries(s);
        delete s;
    }
    m_utilSeries.clear();
}

void ChartsPanel::setWindowSeconds(double s) {
    m_windowS = s;
    for (auto& c : m_charts) c.x->setRange(-s, 0);
    refresh();
}

void ChartsPanel::addSnapshot(const Snapshot& snap) {
    for (std::size_t i = 0; i < snap.newRows.size(); ++i) {
        const auto& r = snap.newRows[i];
        m_window.push_back(r);
        m_util.push_back(i < snap.newUtilization.size() ? snap.newUtilization[i]
                                                        : std::map<std::string, double>{});
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
    for (const auto& e : snap.newLog) {
        const QColor c = markerColour(e.text);
        if (c == kGrey) continue; // not a fault or a reaction
        const double t = static_cast<double>(e.time) / 1e6;
        const QString subject = QString::fromStdString(e.subject);
        // A burst of the same reaction (say, violations found window after window) is one marker,
        // not a smear of lines and overprinted labels.
        const bool repeat = std::any_of(m_markers.rbegin(), m_markers.rend(), [&](const Marker& m) {
            return t - m.t_s < 5.0 && m.label == subject && m.colour == c;
        });
        if (!repeat) m_markers.push_back({t, subject, c});
    }
    while (!m_markers.empty() && m_markers.front().t_s < m_latest - kMaxWindowS)
        m_markers.pop_front();
}

void ChartsPanel::rescale(QValueAxis* axis, double maxValue) {
    // Rescale only when the data leaves the range or uses little of it: setRange is expensive.
    const double top = axis->max();
    if (maxValue <= top && (maxValue >= 0.35 * top || top <= 1.0)) return;
    double nice = 1;
    const double target = std::max(1.0, maxValue * 1.15); // an empty chart shows 0..1, not 0..1e-9
    const double mag = std::pow(10, std::floor(std::log10(target)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * mag >= target) {
            nice = m * mag;
            break;
        }
    axis->setRange(0, std::max(nice, 1e-6));
}

void ChartsPanel::refreshCharts(int firstChart, int lastChart) {
    const double from = m_latest - m_windowS;
    auto first = std::lower_bound(m_window.begin(), m_window.end(), from,
                                  [](const core::MetricsRow& r, double t) { return r.t_s < t; });
    const auto n = static_cast<std::size_t>(std::distance(first, m_window.end()));
    const std::size_t offset = m_window.size() - n;
    using Getter = double (*)(const core::MetricsRow&);
    // One min/max pair per two pixel columns: more points cannot be seen and cost paint time.
    const double columns = std::max(50.0, m_charts.front().chart->plotArea().width() / 2);
    const double columnS = m_windowS / columns;
    auto fill = [&](QLineSeries* s, Getter get, double& maxY) {
        QList<QPointF> pts;
        pts.reserve(
            static_cast<qsizetype>(std::min<double>(static_cast<double>(n), 2 * columns + 2)));
        const bool decimate = static_cast<double>(n) > 2 * columns;
        double colStart = -1e300, lo = 0, hi = 0, loX = 0, hiX = 0;
        bool open = false;
        // A series that is constant over the window (most error and staleness series, most of the
        // time) is drawn as one segment: two points instead of hundreds to replace and paint.
        bool constant = true;
        double firstV = 0, firstX = 0, lastX = 0;
        auto flush = [&] {
            if (!open) return;
            if (loX <= hiX) {
                pts.append({loX, lo});
                if (hiX != loX) pts.append({hiX, hi});
            } else {
                pts.append({hiX, hi});
                pts.append({loX, lo});
            }
            open = false;
        };
        for (auto it = first; it != m_window.end(); ++it) {
            const double v = get(*it);
            const double x = it->t_s - m_latest;
            maxY = std::max(maxY, v);
            if (it == first) {
                firstV = v;
                firstX = x;
            }
            constant = constant && v == firstV;
            lastX = x;
            if (!decimate) {
                pts.append({x, v});
                continue;
            }
            if (x >= colStart + columnS) {
                flush();
                colStart = x;
                lo = hi = v;
                loX = hiX = x;
                open = true;
            } else {
                if (v < lo) {
                    lo = v;
                    loX = x;
                }
                if (v > hi) {
                    hi = v;
                    hiX = x;
                }
            }
        }
        flush();
        if (constant && pts.size() > 2) pts = {QPointF(firstX, firstV), QPointF(lastX, firstV)};
        s->replace(pts); // one call per series
    };
    static const Getter getters[6][6] = {
        {[](const core::MetricsRow& r) { return r.latency_ms_p50; },
         [](const core::MetricsRow& r) { return r.latency_ms_p95; },
         [](const core::MetricsRow& r) { return r.latency_ms_p99; }},
        {[](const core::MetricsRow& r) { return r.offered_rps; },
         [](const core::MetricsRow& r) { return r.throughput_rps; },
         [](const core::MetricsRow& r) { return r.datastore_ops_per_s; }},
        {[](const core::MetricsRow& r) { return r.err_rps[1]; },
         [](const core::MetricsRow& r) { return r.err_rps[2]; },
         [](const core::MetricsRow& r) { return r.err_rps[3]; },
         [](const core::MetricsRow& r) { return r.err_rps[4]; },
         [](const core::MetricsRow& r) { return r.err_rps[5]; },
         [](const core::MetricsRow& r) { return r.err_rps[6]; }},
        {[](const core::MetricsRow& r) { return r.staleness_ms_p50; },
         [](const core::MetricsRow& r) { return r.staleness_ms_p99; }},
        {[](const core::MetricsRow& r) { return r.instances; }},
        {}};
    static const Getter right[6] = {
        nullptr,
        nullptr,
        [](const core::MetricsRow& r) { return r.duplicate_side_effects; },
        [](const core::MetricsRow& r) { return 100.0 * r.stale_read_fraction; },
        [](const core::MetricsRow& r) { return r.cost_per_hour; },
        nullptr};
    for (std::size_t c = static_cast<std::size_t>(firstChart);
         c < std::min<std::size_t>(5, static_cast<std::size_t>(lastChart)); ++c) {
        double maxY = 0, maxY2 = 0;
        for (std::size_t k = 0; k < m_charts[c].series.size(); ++k)
            fill(m_charts[c].series[k], getters[c][k], maxY);
        if (!m_charts[c].series2.empty()) fill(m_charts[c].series2[0], right[c], maxY2);
        rescale(m_charts[c].y, maxY);
        if (m_charts[c].y2) rescale(m_charts[c].y2, maxY2);
    }
    if (lastChart < 6) {
        for (int c = firstChart; c < lastChart; ++c) m_views[c]->viewport()->update();
        return;
    }
    // Utilisation: one series per group or datastore, created as they appear.
    std::map<std::string, QList<QPointF>> util;
    const std::size_t stride =
        std::max<std::size_t>(1, static_cast<std::size_t>(static_cast<double>(n) / columns));
    for (std::size_t i = offset; i < m_window.size(); i += stride) { // mean per column
        const std::size_t end = std::min(m_window.size(), i + stride);
        std::map<std::string, double> sum;
        for (std::size_t j = i; j < end; ++j)
            for (const auto& [owner, u] : m_util[j]) sum[owner] += u;
        for (const auto& [owner, u] : sum)
            util[owner].append(
                {m_window[i].t_s - m_latest, 100.0 * u / static_cast<double>(end - i)});
    }
    // At most kMaxUtilSeries lines, the busiest: more cannot be told apart on a projector.
    std::vector<std::pair<double, std::string>> busiest;
    for (const auto& [owner, pts] : util) {
        double sum = 0;
        for (const auto& p : pts) sum += p.y();
        busiest.emplace_back(-sum / std::max<qsizetype>(1, pts.size()), owner);
    }
    std::sort(busiest.begin(), busiest.end());
    if (busiest.size() > kMaxUtilSeries) busiest.resize(kMaxUtilSeries);
    for (auto& [owner, series] : m_utilSeries)
        series->setVisible(std::any_of(busiest.begin(), busiest.end(),
                                       [&](const auto& b) { return b.second == owner; }));
    static const QColor colours[] = {kGreen,      kOrange, kBlue,  kPurple,
                                     kVermillion, kSky,    kBlack, kYellow};
    for (const auto& [rank, owner] : busiest) {
        const QList<QPointF>& pts = util[owner];
        auto it = m_utilSeries.find(owner);
        if (it == m_utilSeries.end()) {
            auto* s = new QLineSeries;
            s->setName(QString::fromStdString(owner));
            QPen pen(colours[m_utilSeries.size() % 8]);
            pen.setWidthF(2.5);
            s->setPen(pen);
            m_charts[5].chart->addSeries(s);
            s->attachAxis(m_charts[5].x);
            s->attachAxis(m_charts[5].y);
            it = m_utilSeries.emplace(owner, s).first;
        }
        it->second->replace(pts);
    }
    if (m_charts[5].y->max() != 100) m_charts[5].y->setRange(0, 100);
    for (int c = firstChart; c < lastChart; ++c) m_views[c]->viewport()->update();
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
        if (c.chart->title() == title && !c.series.empty())
            return static_cast<int>(c.series.front()->count());
    return -1;
}

} // namespace cs::ui
