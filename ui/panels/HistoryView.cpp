#include "HistoryView.h"

#include "Palette.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <map>
#include <queue>

namespace cs::ui {
using core::HistoryOp;
namespace {
constexpr int kTop = 58, kLaneH = 22, kLeft = 70; // header, time axis, then the lanes

QString describe(const HistoryOp& op) {
    QString what;
    switch (op.f) {
    case HistoryOp::F::Read:
        what = QObject::tr("read → %1")
                   .arg(op.a == HistoryOp::kNil ? QStringLiteral("nil") : QString::number(op.a));
        break;
    case HistoryOp::F::Write:
        what = QObject::tr("write %1").arg(op.a);
        break;
    case HistoryOp::F::Cas:
        what = QObject::tr("cas %1 → %2").arg(op.a).arg(op.b);
        break;
    case HistoryOp::F::Get:
        what = QObject::tr("get %1 → \"%2\"")
                   .arg(QString::fromStdString(op.key), QString::fromStdString(op.text));
        break;
    case HistoryOp::F::Put:
        what = QObject::tr("put %1 = \"%2\"")
                   .arg(QString::fromStdString(op.key), QString::fromStdString(op.text));
        break;
    case HistoryOp::F::Append:
        what = QObject::tr("append %1 += \"%2\"")
                   .arg(QString::fromStdString(op.key), QString::fromStdString(op.text));
        break;
    case HistoryOp::F::Add:
        what = QObject::tr("add %1 += %2")
                   .arg(QString::fromStdString(op.key),
                        op.text.empty() ? QStringLiteral("1") : QString::fromStdString(op.text));
        break;
    }
    return what;
}
} // namespace

HistoryView::HistoryView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("historyView"));
    setMouseTracking(true);
    setMinimumHeight(200);
    setToolTip(tr("Wheel: zoom in time; drag: pan; click an operation to select its client"));
}

void HistoryView::setHistory(core::History h, const QString& title) {
    m_history = std::move(h);
    m_title = title;
    m_verdict = {};
    m_checked = m_cancelled = false;
    // Lanes. A Jepsen log's processes are single-threaded: one lane each, in order of first
    // appearance. The simulator's histories have a process per attempt: their operations are
    // packed into as few lanes as overlap in time (the first lane free when one starts).
    m_lane.assign(m_history.ops.size(), 0);
    m_laneLabels.clear();
    if (m_history.format == core::History::Format::EtcdLog) {
        std::map<std::int64_t, int> lanes;
        for (std::size_t i = 0; i < m_history.ops.size(); ++i) {
            const std::int64_t process = m_history.ops[i].process;
            const auto [it, fresh] = lanes.try_emplace(process, static_cast<int>(lanes.size()));
            if (fresh) m_laneLabels.push_back(QStringLiteral("P%1").arg(process));
            m_lane[i] = it->second;
        }
    } else {
        std::vector<std::size_t> order(m_history.ops.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return m_history.ops[a].invoke < m_history.ops[b].invoke;
        });
        using Free = std::pair<std::int64_t, int>; // (busy until, lane)
        std::priority_queue<Free, std::vector<Free>, std::greater<>> busy;
        std::vector<int> freeLanes; // lanes whose operation ended, lowest first
        for (std::size_t i : order) {
            const HistoryOp& op = m_history.ops[i];
            while (!busy.empty() && busy.top().first < op.invoke) {
                freeLanes.push_back(busy.top().second);
                std::push_heap(freeLanes.begin(), freeLanes.end(), std::greater<>());
                busy.pop();
            }
            int lane;
            if (!freeLanes.empty()) {
                std::pop_heap(freeLanes.begin(), freeLanes.end(), std::greater<>());
                lane = freeLanes.back();
                freeLanes.pop_back();
            } else {
                lane = static_cast<int>(m_laneLabels.size());
                m_laneLabels.push_back(QString::number(lane + 1));
            }
            m_lane[i] = lane;
            busy.push({op.complete, lane}); // an indeterminate one keeps its lane
        }
    }
    m_lanes = static_cast<int>(m_laneLabels.size());
    m_inPrefix.assign(m_history.ops.size(), 0);
    m_min = INT64_MAX;
    m_max = INT64_MIN;
    for (const auto& op : m_history.ops) {
        m_min = std::min(m_min, op.invoke);
        m_max = std::max(m_max, op.complete == core::RegisterOp::kNever ? op.invoke : op.complete);
    }
    if (m_history.ops.empty()) m_min = 0, m_max = 1;
    m_t0 = static_cast<double>(m_min);
    m_t1 = static_cast<double>(std::max(m_max, m_min + 1));
    setMinimumHeight(kTop + kLaneH * m_lanes + 28); // the legend below the last lane
    update();
}

void HistoryView::setVerdict(const core::HistoryVerdict& v, bool cancelled) {
    m_verdict = v;
    m_checked = true;
    m_cancelled = cancelled;
    m_inPrefix.assign(m_history.ops.size(), 0);
    for (int i : m_verdict.prefix)
        if (i >= 0 && static_cast<std::size_t>(i) < m_inPrefix.size())
            m_inPrefix[static_cast<std::size_t>(i)] = 1;
    // Open on the violation, if there is one.
    if (m_verdict.firstBad >= 0 &&
        static_cast<std::size_t>(m_verdict.firstBad) < m_history.ops.size()) {
        const auto& bad = m_history.ops[static_cast<std::size_t>(m_verdict.firstBad)];
        const double span = std::max(40.0, (m_t1 - m_t0) / 20);
        m_t0 = static_cast<double>(bad.invoke) - span;
        m_t1 = static_cast<double>(bad.invoke) + span;
    }
    update();
}

QString HistoryView::timeText(std::int64_t t) const {
    return m_history.timed ? tr("%L1 s").arg(static_cast<double>(t) / 1e6, 0, 'f', 3)
                           : tr("line %1").arg(t);
}

void HistoryView::clear() {
    m_history = {};
    m_title.clear();
    m_verdict = {};
    m_checked = m_cancelled = false;
    m_lane.clear();
    m_laneLabels.clear();
    m_inPrefix.clear();
    m_lanes = 0;
    update();
}

double HistoryView::xOf(std::int64_t t) const {
    return kLeft + (static_cast<double>(t) - m_t0) / (m_t1 - m_t0) * (width() - kLeft - 10);
}

QRectF HistoryView::barOf(std::size_t i) const {
    const HistoryOp& op = m_history.ops[i];
    const double x0 = xOf(op.invoke);
    const double x1 = op.complete == core::RegisterOp::kNever ? width() + 50.0
                                                              : std::max(x0 + 3, xOf(op.complete));
    return QRectF(x0, kTop + m_lane[i] * kLaneH + 3, x1 - x0, kLaneH - 6);
}

void HistoryView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), Qt::white);
    QFont f = font();
    f.setBold(true);
    p.setFont(f);
    // Never "linearizable" for what was not checked.
    const QString verdict = !m_checked    ? tr("checking…")
                            : m_cancelled ? tr("not checked (stopped)")
                            : m_verdict.verdict == core::CheckResult::Verdict::Linearizable
                                ? tr("linearizable")
                            : m_verdict.verdict == core::CheckResult::Verdict::NotLinearizable
                                ? tr("NOT linearizable")
                                : tr("not checked (undecided within the search budget)");
    p.setPen(m_verdict.verdict == core::CheckResult::Verdict::NotLinearizable ? palette::kVermillion
                                                                              : palette::kBlack);
    QString header;
    if (m_title.isEmpty())
        header = tr("No history yet: open a history file, or check the live run's recent history");
    else if (m_history.ops.empty())
        header = tr("%1 — no operations: nothing to check yet").arg(m_title);
    else
        header = tr("%1, %2 to %3 — %L4 operations: %5")
                     .arg(m_title, timeText(m_min), timeText(m_max))
                     .arg(m_history.ops.size())
                     .arg(verdict);
    p.drawText(QRectF(8, 4, width() - 16, 24), Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetrics(f).elidedText(header, Qt::ElideRight, width() - 16));
    p.setFont(font());
    p.setPen(palette::kGrey);
    if (m_history.ops.empty()) return; // no axis, lanes or legend to label: the header says why
    for (int l = 0; l < m_lanes; ++l) {
        const int y = kTop + l * kLaneH;
        if (y > height()) break;
        p.drawText(QRect(4, y, kLeft - 8, kLaneH), Qt::AlignRight | Qt::AlignVCenter,
                   m_laneLabels[static_cast<std::size_t>(l)]);
    }
    // A time axis: five ticks across the visible range; a label that would overlap the one before
    // it (a narrow window) is left out.
    double lastRight = -1e9;
    for (int k = 0; k <= 4; ++k) {
        const double t = m_t0 + (m_t1 - m_t0) * k / 4.0;
        const double x = xOf(static_cast<std::int64_t>(t));
        p.drawLine(QPointF(x, kTop - 6), QPointF(x, kTop - 2));
        const Qt::Alignment align = k == 0   ? Qt::AlignLeft
                                    : k == 4 ? Qt::AlignRight
                                             : Qt::AlignHCenter;
        const QString text = timeText(static_cast<std::int64_t>(t));
        const double w = p.fontMetrics().horizontalAdvance(text) + 4;
        const double left = k == 0 ? x : k == 4 ? x - w : x - w / 2;
        if (left < lastRight + 8) continue;
        lastRight = left + w;
        p.drawText(QRectF(left, 30, w, 20), align | Qt::AlignVCenter, text);
    }
    p.setRenderHint(QPainter::Antialiasing);
    p.setClipRect(QRect(kLeft - 2, kTop - 2, width() - kLeft + 2, height())); // not over labels
    // With a violation on one key, the other keys' operations fade: the ones that matter stand out.
    const bool oneKey = m_verdict.firstBad >= 0 && !m_history.ops.empty() &&
                        m_history.format == core::History::Format::Edn;
    const std::string badKey =
        oneKey ? m_history.ops[static_cast<std::size_t>(m_verdict.firstBad)].key : std::string();
    const auto tLo = static_cast<std::int64_t>(m_t0), tHi = static_cast<std::int64_t>(m_t1);
    for (std::size_t i = 0; i < m_history.ops.size(); ++i) {
        const HistoryOp& op = m_history.ops[i];
        const std::int64_t end = op.complete == core::RegisterOp::kNever ? INT64_MAX : op.complete;
        if (end < tLo || op.invoke > tHi || kTop + m_lane[i] * kLaneH > height())
            continue; // not visible
        const QRectF bar = barOf(i);
        const bool write = op.f != HistoryOp::F::Read && op.f != HistoryOp::F::Get;
        QColor fill = write ? palette::kOrange : palette::kSky;
        if (m_inPrefix[i]) fill = palette::kGreen;
        fill.setAlpha(oneKey && op.key != badKey                ? 35
                      : op.complete == core::RegisterOp::kNever ? 90
                                                                : 200);
        p.setBrush(fill);
        const bool bad = static_cast<int>(i) == m_verdict.firstBad;
        p.setPen(bad                                       ? QPen(palette::kVermillion, 3)
                 : op.complete == core::RegisterOp::kNever ? QPen(palette::kGrey, 1, Qt::DashLine)
                                                           : Qt::NoPen);
        p.drawRoundedRect(bar, 3, 3);
        if (bar.width() > 60) {
            p.setPen(palette::kBlack);
            p.drawText(bar.adjusted(4, 0, -2, 0), Qt::AlignVCenter | Qt::AlignLeft, describe(op));
        }
    }
    p.setClipping(false);
    p.setPen(palette::kGrey);
    QString legend = tr("blue: read · orange: write · dashed: indeterminate");
    if (m_verdict.firstBad >= 0) {
        legend += tr(" · red outline: the operation that fits no order");
        if (!m_verdict.prefix.empty()) legend += tr(" · green: the longest order that works");
        if (oneKey) legend += tr(" · faded: other keys");
    }
    legend += tr(" · wheel: zoom · drag: pan · double-click: all");
    p.drawText(QRectF(kLeft, height() - 18, width() - kLeft, 16), Qt::AlignLeft,
               p.fontMetrics().elidedText(legend, Qt::ElideRight, width() - kLeft));
}

int HistoryView::opAt(QPoint pt) const {
    for (std::size_t i = 0; i < m_history.ops.size(); ++i)
        if (barOf(i).contains(pt)) return static_cast<int>(i);
    return -1;
}

bool HistoryView::event(QEvent* e) {
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        const int i = opAt(help->pos());
        if (i >= 0) {
            const HistoryOp& op = m_history.ops[static_cast<std::size_t>(i)];
            QToolTip::showText(
                help->globalPos(),
                tr("%1\nprocess %2, invoked at %3, %4%5")
                    .arg(describe(op))
                    .arg(op.process)
                    .arg(timeText(op.invoke))
                    .arg(op.complete == core::RegisterOp::kNever
                             ? tr("never answered (indeterminate)")
                             : tr("completed at %1").arg(timeText(op.complete)))
                    .arg(op.client.empty()
                             ? QString()
                             : tr("\nclient %1, answered by %2")
                                   .arg(QString::fromStdString(op.client),
                                        op.replica.empty() ? tr("nobody")
                                                           : QString::fromStdString(op.replica))));
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(e);
}

void HistoryView::wheelEvent(QWheelEvent* e) {
    const double at = m_t0 + (e->position().x() - kLeft) / (width() - kLeft - 10) * (m_t1 - m_t0);
    const double k = std::pow(0.998, e->angleDelta().y());
    m_t0 = at - (at - m_t0) * k;
    m_t1 = at + (m_t1 - at) * k;
    if (m_t1 - m_t0 < 2) m_t1 = m_t0 + 2;
    // Never wider than the whole history, never off it: zooming out ends at "all of it".
    const double all = static_cast<double>(std::max<std::int64_t>(m_max - m_min, 2));
    if (m_t1 - m_t0 > all || m_t1 < static_cast<double>(m_min) ||
        m_t0 > static_cast<double>(m_max)) {
        m_t0 = static_cast<double>(m_min);
        m_t1 = m_t0 + all;
    }
    update();
}

void HistoryView::mouseDoubleClickEvent(QMouseEvent*) {
    m_t0 = static_cast<double>(m_min);
    m_t1 = static_cast<double>(std::max(m_max, m_min + 2));
    update();
}

QRectF HistoryView::badBar() const {
    if (m_verdict.firstBad < 0 ||
        static_cast<std::size_t>(m_verdict.firstBad) >= m_history.ops.size())
        return {};
    return barOf(static_cast<std::size_t>(m_verdict.firstBad));
}

void HistoryView::mousePressEvent(QMouseEvent* e) {
    m_drag = e->pos();
    m_dragging = true;
    const int i = opAt(e->pos());
    if (i >= 0) {
        const HistoryOp& op = m_history.ops[static_cast<std::size_t>(i)];
        emit operationClicked(QString::fromStdString(op.client), QString::fromStdString(op.key),
                              QString::fromStdString(op.replica));
    }
}

void HistoryView::mouseMoveEvent(QMouseEvent* e) {
    if (!(e->buttons() & Qt::LeftButton) || !m_dragging) return;
    const double dt =
        (e->pos().x() - m_drag.x()) / static_cast<double>(width() - kLeft - 10) * (m_t1 - m_t0);
    m_t0 -= dt;
    m_t1 -= dt;
    m_drag = e->pos();
    update();
}

} // namespace cs::ui
