#include "ChartsPanel.h"

#include "ChartSeries.h"
#include "ExportFile.h"
#include "Palette.h"

#include <QChart>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QGraphicsLayout>
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

// The rows of the visible window, and how finely they can be drawn.
struct Window {
    std::deque<core::MetricsRow>::const_iterator first, end;
    double latest;    // t_s of the newest row: x is drawn as seconds before it
    double columnS;   // seconds per drawn column
    double maxPoints; // more than this and the window is decimated to a min/max pair per column
};

void fillSeries(QLineSeries* s, const Window& w, double (*value)(const core::MetricsRow&),
                double& maxY) {
    const auto n = static_cast<double>(std::distance(w.first, w.end));
    QList<QPointF> pts;
    pts.reserve(static_cast<qsizetype>(std::min(n, w.maxPoints + 2)));
    const bool decimate = n > w.maxPoints;
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
    for (auto it = w.first; it != w.end; ++it) {
        const double v = value(*it);
        const double x = it->t_s - w.latest;
        maxY = std::max(maxY, v);
        if (it == w.first) {
            firstV = v;
            firstX = x;
        }
        constant = constant && v == firstV;
        lastX = x;
        if (!decimate) {
            pts.append({x, v});
            continue;
        }
        if (x >= colStart + w.columnS) {
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
    const QString title = accessibleName(); // the chart's name, without the units a short one adds
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
    // Said once here rather than under every chart: on a 720p projector those lines are plot.
    bar->addWidget(new QLabel(tr("  horizontal axes: seconds ago (simulated)")));
    bar->addStretch();
    outer->addLayout(bar);
    auto* grid = new QGridLayout;
    outer->addLayout(grid, 1);

    for (const ChartSpec& spec : chartSpecs()) m_charts.push_back(makeChart(spec));
    for (std::size_t i = 0; i < m_charts.size(); ++i) {
        auto* view = new MarkedChartView(m_charts[i].chart, &m_markers, &m_latest);
        view->setObjectName(QStringLiteral("chart%1").arg(i));
        view->setAccessibleName(m_charts[i].spec->title);
        view->setMinimumSize(240, 150);
        grid->addWidget(view, static_cast<int>(i / 3), static_cast<int>(i % 3));
        m_views.append(view);
    }
    setWindowSeconds(120);
}

ChartsPanel::Chart ChartsPanel::makeChart(const ChartSpec& spec) {
    Chart c;
    c.spec = &spec;
    c.chart = new QChart;
    c.chart->setTitle(spec.title);
    QFont tf = font();
    tf.setPointSizeF(tf.pointSizeF() * 1.15);
    tf.setBold(true);
    c.chart->setTitleFont(tf);
    c.chart->legend()->setAlignment(Qt::AlignBottom);
    c.chart->legend()->setFont(font());
    c.chart->setMargins(QMargins(2, 2, 2, 2));
    c.chart->layout()->setContentsMargins(0, 0, 0, 0); // every pixel of a small screen is plot
    c.chart->setBackgroundRoundness(0);
    c.x = new QValueAxis;
    c.x->setLabelFormat(QStringLiteral("%.0f"));
    c.chart->addAxis(c.x, Qt::AlignBottom);
    c.y = addValueAxis(c.chart, spec.leftAxis, Qt::AlignLeft);
    if (!spec.rightAxis.isEmpty()) c.y2 = addValueAxis(c.chart, spec.rightAxis, Qt::AlignRight);
    c.x->setLabelsFont(font());
    c.x->setTitleFont(font());
    for (const SeriesSpec& line : spec.series)
        c.lines.push_back(
            {&line, addLine(c, line.name, line.colour, line.rightAxis && c.y2 ? c.y2 : c.y)});
    return c;
}

QValueAxis* ChartsPanel::addValueAxis(QChart* chart, const QString& title, Qt::Alignment side) {
    auto* axis = new QValueAxis;
    axis->setTitleText(title);
    axis->setRange(0, 1);
    axis->setLabelFormat(QStringLiteral("%.5g"));
    axis->setLabelsFont(font());
    axis->setTitleFont(font());
    chart->addAxis(axis, side);
    return axis;
}

QLineSeries* ChartsPanel::addLine(const Chart& c, const QString& name, const QColor& colour,
                                  QValueAxis* y) {
    auto* s = new QLineSeries;
    s->setName(name);
    QPen pen(colour);
    pen.setWidthF(2.5); // seen from the back of a classroom
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
        for (auto& [spec, s] : c.lines) s->clear();
        c.y->setRange(0, 1);
        if (c.y2) c.y2->setRange(0, 1);
        for (auto& [owner, s] : c.byOwner) {
            c.chart->removeSeries(s);
            delete s;
        }
        c.byOwner.clear();
    }
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
    const auto first =
        std::lower_bound(m_window.begin(), m_window.end(), from,
                         [](const core::MetricsRow& r, double t) { return r.t_s < t; });
    // One min/max pair per two pixel columns: more points cannot be seen and cost paint time.
    const double columns = std::max(50.0, m_charts.front().chart->plotArea().width() / 2);
    const Window window{first, m_window.end(), m_latest, m_windowS / columns, 2 * columns};
    const int last = std::min(lastChart, static_cast<int>(m_charts.size()));
    for (int i = std::max(0, firstChart); i < last; ++i) {
        Chart& c = m_charts[static_cast<std::size_t>(i)];
        if (c.spec->utilisationByOwner) {
            refreshUtilisation(c, static_cast<std::size_t>(first - m_window.begin()), columns);
        } else {
            double maxLeft = 0, maxRight = 0;
            for (auto& [spec, series] : c.lines) {
                double top = 0;
                fillSeries(series, window, spec->value, top);
                double& axisMax = spec->rightAxis ? maxRight : maxLeft;
                axisMax = std::max(axisMax, top);
                if (c.spec->onlyActiveLines && series->isVisible() != (top > 0))
                    series->setVisible(top > 0);
            }
            rescale(c.y, maxLeft);
            if (c.y2) rescale(c.y2, maxRight);
        }
        fitToHeight(c, m_views[i]->height());
        m_views[i]->viewport()->update();
    }
}

// A short chart (a 720p projector, a small laptop) cannot fit five tick labels and a vertical
// unit title beside its plot: it shows three ticks and names its units in its title instead.
void ChartsPanel::fitToHeight(Chart& c, int height) {
    const bool compact = height < kCompactBelow;
    if (compact == c.compact) return;
    c.compact = compact;
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
}

// Utilisation: one line per group or datastore, created as they appear; the busiest few shown.
void ChartsPanel::refreshUtilisation(Chart& c, std::size_t offset, double columns) {
    std::map<std::string, QList<QPointF>> util;
    const std::size_t n = m_window.size() - offset;
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
    for (auto& [owner, series] : c.byOwner)
        series->setVisible(std::any_of(busiest.begin(), busiest.end(),
                                       [&](const auto& b) { return b.second == owner; }));
    static const QColor colours[] = {kGreen,      kOrange, kBlue,  kPurple,
                                     kVermillion, kSky,    kBlack, kYellow};
    for (const auto& [rank, owner] : busiest) {
        auto it = c.byOwner.find(owner);
        if (it == c.byOwner.end())
            it = c.byOwner
                     .emplace(owner, addLine(c, QString::fromStdString(owner),
                                             colours[c.byOwner.size() % 8], c.y))
                     .first;
        it->second->replace(util[owner]);
    }
    if (c.y->max() != 100) c.y->setRange(0, 100);
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
        if (c.spec->title == title && !c.lines.empty())
            return static_cast<int>(c.lines.front().second->count());
    return -1;
}

} // namespace cs::ui
