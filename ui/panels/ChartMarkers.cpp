// The marker lane's contents: a marker for every action applied (kill, cut, set, ...) and for the
// engine's reactions (elected, scales out, converged, ...), grouped where they share a pixel.
#include "ChartsPanel.h"

#include "ActionText.h"
#include "Palette.h"

#include <algorithm>
#include <cmath>

namespace cs::ui {
using namespace palette;

namespace {
constexpr double kMaxWindowS = ChartData::kMaxWindowS;

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

// Run B's markers (comparing) say "B:"; one that A has too (a timeline action both runs take) is
// shown once, as A's.
void ChartsPanel::addMarkers(const Snapshot& snap, int run) {
    const QString prefix = run == 1 ? tr("B: ") : QString();
    auto insert = [this, &prefix](Marker m) { // in time order
        auto same = [&m](const QString& label) {
            return [&m, label](const Marker& x) {
                return std::abs(x.t_s - m.t_s) < 1e-9 && x.label == label;
            };
        };
        if (!prefix.isEmpty()) {
            if (std::any_of(m_markers.begin(), m_markers.end(), same(m.label))) return;
            m.label = prefix + m.label;
            m.detail = prefix + m.detail;
        } else if (m_compare) {
            m_markers.erase(
                std::remove_if(m_markers.begin(), m_markers.end(), same(tr("B: ") + m.label)),
                m_markers.end());
        }
        const auto at = std::upper_bound(m_markers.begin(), m_markers.end(), m.t_s,
                                         [](double t, const Marker& x) { return t < x.t_s; });
        m_markers.insert(at, std::move(m));
    };
    ChartData& data = m_runs[run];
    if (snap.actions) {
        if (snap.actions->size() < data.actionsSeen) data.actionsSeen = 0;
        for (std::size_t i = data.actionsSeen; i < snap.actions->size(); ++i)
            insert(actionMarker((*snap.actions)[i], kindOf(snap, (*snap.actions)[i])));
        data.actionsSeen = snap.actions->size();
    }
    for (const auto& e : snap.newLog) {
        const QColor c = reactionColour(e.text);
        if (!c.isValid()) continue; // not a reaction (an action's own log line, or a detail)
        const double t = static_cast<double>(e.time) / 1e6;
        const QString subject = QString::fromStdString(e.subject);
        const QString text = QString::fromStdString(e.text);
        const QString label = prefix + text.section(QLatin1Char(' '), 0, 2);
        // A burst of the same reaction (say, violations found window after window) is one marker.
        const bool repeat = std::any_of(m_markers.rbegin(), m_markers.rend(), [&](const Marker& m) {
            return t - m.t_s < 5.0 && m.colour == c && m.detail.contains(subject) &&
                   m.label == label;
        });
        if (!repeat)
            insert({t, text.section(QLatin1Char(' '), 0, 2),
                    tr("%L1 s: %2").arg(t, 0, 'f', 2).arg(text), c});
    }
    while (!m_markers.empty() && m_markers.front().t_s < m_runs[0].latest - kMaxWindowS &&
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

} // namespace cs::ui
