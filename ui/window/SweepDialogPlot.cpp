// SweepDialog's plots: a key against throughput (or the varied value) with the knee and Erlang C,
// and the preset's p99 against cost per hour for scaling out and scaling up.
#include "SweepDialog.h"

#include "CompareTable.h"
#include "QueueTheory.h"
#include "SweepAnalysis.h"
#include "SweepPlot.h"

#include <QChart>
#include <QComboBox>
#include <QCursor>
#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>

#include <cmath>

namespace cs::ui {
namespace {

QList<QPointF> pointsOf(const std::vector<double>& x, const std::vector<double>& y) {
    QList<QPointF> out;
    for (std::size_t i = 0; i < std::min(x.size(), y.size()); ++i)
        if (std::isfinite(x[i]) && std::isfinite(y[i])) out.append(QPointF(x[i], y[i]));
    return out;
}

QString pointText(const QString& what, const std::string& xKey, double x, const std::string& yKey,
                  double y) {
    return QStringLiteral("%1\n%2 = %3\n%4 = %5")
        .arg(what, QString::fromStdString(xKey), QString::number(x, 'g', 4),
             QString::fromStdString(yKey), QString::number(y, 'g', 4));
}

bool isLatency(const std::string& key) {
    return key.rfind("latency_ms.", 0) == 0;
}

} // namespace

QString sweepFieldText(const std::string& path) {
    const auto close = path.find(']');
    if (path.rfind("nodes[", 0) != 0 || close == std::string::npos)
        return QString::fromStdString(path);
    return QString::fromStdString(path.substr(6, close - 6) + path.substr(close + 1));
}

void SweepDialog::plot() {
    m_plot->clear();
    m_series = m_theory = m_scaleOutLine = m_scaleUpLine = nullptr;
    m_knee = nullptr;
    m_note->clear();
    if (m_result.csv.empty()) return;
    if (m_mode == Mode::Sizing)
        plotSizing();
    else
        plotSweep();
}

void SweepDialog::plotSweep() {
    const core::SweepTable table = core::parseSweepCsv(m_result.csv);
    const std::string yKey = m_metric->currentData().toString().toStdString();
    const std::string against = m_against->currentData().toString().toStdString();
    const std::string xKey = against.empty() ? m_axes.front().path : against;
    if (!table.has(yKey) || !table.has(xKey)) return;
    const auto xs = table.column(xKey), ys = table.column(yKey);
    m_series = m_plot->addMeasured(summaryKeyName(yKey), pointsOf(xs, ys));
    const std::string& path = m_axes.front().path;
    const auto varied = table.column(path);
    QStringList texts;
    for (std::size_t i = 0; i < varied.size(); ++i)
        if (std::isfinite(xs[i]) && std::isfinite(ys[i]))
            texts << pointText(QStringLiteral("%1 = %2").arg(sweepFieldText(path),
                                                             QString::number(varied[i], 'g', 6)),
                               xKey, xs[i], yKey, ys[i]);
    m_plot->setPointTexts(m_series, texts);
    if (isLatency(yKey))
        if (const auto k = core::kneeIndex(xs, ys))
            m_knee = m_plot->addMarker(
                tr("knee: beyond it latency grows faster than %1")
                    .arg(against.empty() ? sweepFieldText(path) : summaryKeyName(xKey).toLower()),
                QPointF(xs[*k], ys[*k]));
    plotTheory(xKey, yKey);
    const QString xText = against.empty() ? sweepFieldText(path) : summaryKeyName(xKey);
    m_plot->finish(xText, summaryKeyName(yKey));
    // A title, so that an exported picture says what it shows on a slide of its own.
    const auto& axis = m_axes.front();
    const QString range = tr("%1 from %2 to %3")
                              .arg(sweepFieldText(path))
                              .arg(axis.values.front(), 0, 'g', 6)
                              .arg(axis.values.back(), 0, 'g', 6);
    m_plot->chart()->setTitle(against.empty()
                                  ? tr("%1 vs %2").arg(summaryKeyName(yKey), range)
                                  : tr("%1 vs %2: %3").arg(summaryKeyName(yKey), xText, range));
}

// Erlang C at every point whose scenario is one M/M/c group in a steady state; the note says
// where it is left out and why.
void SweepDialog::plotTheory(const std::string& xKey, const std::string& yKey) {
    std::string why;
    if (!core::mmcModelOf(core::sweepPoint(m_scenario, m_axes, 0), &why)) {
        m_note->setText(tr("No Erlang C overlay: %1.").arg(QString::fromStdString(why)));
        return;
    }
    if (!isLatency(yKey)) {
        m_note->setText(tr("Erlang C (theory) is drawn for the latency keys."));
        return;
    }
    QList<QPointF> points;
    std::size_t missing = 0;
    std::string missingWhy;
    const std::size_t n = core::sweepPointCount(m_axes);
    for (std::size_t k = 0; k < n; ++k) {
        const core::Scenario s = core::sweepPoint(m_scenario, m_axes, k);
        std::string reason;
        const auto model = core::mmcModelOf(s, &reason);
        const auto p = model ? core::mmcPredict(*model, &reason) : std::nullopt;
        const std::optional<double> x =
            !p ? std::nullopt
            : xKey == m_axes.front().path
                ? std::optional<double>(std::get<double>(
                      m_axes.front().row->access.get(s.nodes[m_axes.front().node])))
                : p->value(xKey);
        if (p && x && p->value(yKey)) {
            points.append(QPointF(*x, *p->value(yKey)));
        } else {
            ++missing;
            if (missingWhy.empty()) missingWhy = p ? "theory has no value for " + xKey : reason;
        }
    }
    if (points.size() >= 2) m_theory = m_plot->addTheory(tr("Erlang C (theory)"), points);
    if (missing == 0)
        m_note->setText(tr("Dashed: Erlang C (theory) for this M/M/c group."));
    else
        m_note->setText(tr("Dashed: Erlang C (theory); left out at %1 of %2 points: %3.")
                            .arg(missing)
                            .arg(n)
                            .arg(QString::fromStdString(missingWhy)));
}

void SweepDialog::plotSizing() {
    const std::string yKey = m_metric->currentData().toString().toStdString();
    const core::SweepTable out = core::parseSweepCsv(m_result.csv),
                           up = core::parseSweepCsv(m_result.scaleUp);
    if (!out.has(yKey)) return;
    const int n = static_cast<int>(out.rows.size());
    const std::string cost = tr("cost per hour (USD)").toStdString();
    auto curve = [&](const core::SweepTable& t, const QString& name, const QString& size) {
        const auto x = core::costPerHour(t), y = t.column(yKey), sizes = t.column(t.header[1]);
        QLineSeries* line = m_plot->addMeasured(name, pointsOf(x, y));
        QStringList texts;
        for (std::size_t i = 0; i < x.size(); ++i)
            if (std::isfinite(y[i])) texts << pointText(size.arg(sizes[i]), cost, x[i], yKey, y[i]);
        m_plot->setPointTexts(line, texts);
        return line;
    };
    m_scaleOutLine = curve(out, tr("scale out: 1 to %1 instances").arg(n), tr("%1 instances"));
    m_scaleUpLine = curve(up, tr("scale up: 1 to %1 cores").arg(n), tr("%1 cores"));
    m_note->setText(tr("Each point is one size of the group; lower and further left is better."));
    m_plot->finish(QString::fromStdString(cost), summaryKeyName(yKey));
    const std::string& path = m_axes.front().path;
    m_plot->chart()->setTitle(
        tr("Scale up vs scale out of %1: %2 vs cost per hour")
            .arg(sweepFieldText(path.substr(0, path.rfind('.'))), summaryKeyName(yKey)));
}

} // namespace cs::ui
