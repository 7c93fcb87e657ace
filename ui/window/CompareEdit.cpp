#include "CompareEdit.h"

#include "ScenarioIO.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace cs::ui {
namespace {

// lupdate files these free-function tr() calls under the namespace's context, "cs::ui".
QString tr(const char* text) {
    return QCoreApplication::translate("cs::ui", text);
}

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

QString number(double v) {
    return QString::number(v, 'g', 10);
}

QString valueText(const core::FieldValue& v) {
    if (const auto* d = std::get_if<double>(&v)) return number(*d);
    return q(std::get<std::string>(v));
}

bool inside(const std::vector<std::string>& side, const std::string& id) {
    return std::find(side.begin(), side.end(), id) != side.end();
}

// A timeline action at its time, after any already there at that time (the file's order).
void schedule(core::Scenario& s, core::Action a) {
    const auto at =
        std::upper_bound(s.timeline.begin(), s.timeline.end(), a.at_us,
                         [](std::int64_t t, const core::Action& x) { return t < x.at_us; });
    s.timeline.insert(at, std::move(a));
}

QString applyField(core::Scenario& s, core::NodeSpec& n, const CompareEdit& e) {
    const core::FieldRow* row = core::findField(n.kind, e.field);
    if (!row || !row->access.set || !row->appliesTo(n))
        return tr("%1 has no field %2").arg(q(n.id), q(e.field));
    core::FieldValue checked;
    if (const QString bad = parseFieldValue(*row, n, valueText(e.value), checked); !bad.isEmpty())
        return bad;
    row->access.set(n, checked);
    if (row->check)
        if (const std::string bad = row->check(n); !bad.empty())
            return tr("%1.%2: %3").arg(q(n.id), q(e.field), q(bad));
    (void)s;
    return {};
}

QString applyStoreMode(core::NodeSpec& n, const CompareEdit& e) {
    if (n.kind != core::NodeKind::Datastore || n.replicas.empty())
        return tr("%1 is not a replicated datastore").arg(q(n.id));
    const auto mode = core::enumFromName<core::StoreMode>(valueText(e.value).toStdString());
    if (!mode) return tr("A store's mode is CP or AP");
    // As the toolbar's switch does: an AP store that waited for majorities answers at the
    // nearest replica (R = W = 1), so it can serve stale reads under a partition.
    if (*mode == core::StoreMode::AP && n.mode != core::StoreMode::AP && n.r == 0 && n.w == 0)
        n.r = n.w = 1;
    n.mode = *mode;
    return {};
}

QString applyScaling(core::NodeSpec& n, const CompareEdit& e) {
    if (n.kind != core::NodeKind::ServiceGroup) return tr("%1 is not a service group").arg(q(n.id));
    const auto policy = core::scalingPolicyFromString(valueText(e.value).toStdString());
    if (!policy) return tr("Unknown scaling policy %1").arg(valueText(e.value));
    if (!n.autoscaling) { // a first policy: around the group's current size, as the toolbar does
        core::Autoscaling a;
        a.min = std::max(1, n.instances);
        a.max = std::max(a.min, 4 * n.instances);
        n.autoscaling = a;
    }
    n.autoscaling->policy = *policy;
    if (*policy == core::Autoscaling::Policy::Step && n.autoscaling->steps.empty())
        n.autoscaling->steps = {{0.7, -1, 2}, {2, 0.2, -1}};
    return {};
}

QString applyTimeline(core::Scenario& s, const CompareEdit& e) {
    if (!(e.at_s >= 0 && e.at_s <= s.duration_s))
        return tr("The time must be between 0 and %1 s (the run's length)").arg(s.duration_s);
    core::Action a;
    a.at_us = std::llround(e.at_s * 1e6);
    using F = CompareEdit::Fault;
    switch (e.fault) {
    case F::Kill:
    case F::Restart:
        a.kind = e.fault == F::Kill ? core::ActionKind::KillNode : core::ActionKind::RestartNode;
        a.node = e.node;
        schedule(s, a);
        return {};
    case F::Cut:
    case F::Heal:
        a.kind = e.fault == F::Cut ? core::ActionKind::CutLink : core::ActionKind::HealLink;
        a.a = e.a;
        a.b = e.b;
        schedule(s, a);
        return {};
    case F::Partition: {
        int cut = 0;
        a.kind = core::ActionKind::CutLink;
        for (const core::LinkSpec& l : s.links)
            if (inside(e.side, l.a) != inside(e.side, l.b)) {
                a.a = l.a;
                a.b = l.b;
                schedule(s, a);
                ++cut;
            }
        if (cut == 0) return tr("No link joins those nodes to the rest: nothing to cut");
        return {};
    }
    }
    return {};
}

} // namespace

QString fieldRange(const core::FieldRow& row, const core::NodeSpec& n) {
    const double hi = row.maxFor(n);
    const QString top = std::isinf(hi) ? tr("any") : number(hi);
    if (row.offBelow > 0) return tr("0 (off) or %1 to %2").arg(number(row.offBelow), top);
    return tr("%1 to %2").arg(number(row.lo), top);
}

QString parseFieldValue(const core::FieldRow& row, const core::NodeSpec& n, const QString& text,
                        core::FieldValue& out) {
    const QString name = q(n.id) + QLatin1Char('.') + QString::fromLatin1(row.name);
    const QString t = text.trimmed();
    switch (row.type) {
    case core::FieldType::Number:
    case core::FieldType::Integer:
    case core::FieldType::Bool: {
        bool ok = false;
        double v = t.toDouble(&ok);
        if (!ok) v = QLocale().toDouble(t, &ok); // "0,5" in German
        if (row.type == core::FieldType::Bool) {
            if (t == QLatin1String("true") || t == QLatin1String("false")) {
                v = t == QLatin1String("true") ? 1 : 0;
                ok = true;
            }
            if (!ok || (v != 0 && v != 1)) return tr("%1 is true or false").arg(name);
            out = v;
            return {};
        }
        if (!ok || !std::isfinite(v)) return tr("%1 needs a number, not \"%2\"").arg(name, t);
        if (row.type == core::FieldType::Integer && v != std::floor(v))
            return tr("%1 is a whole number").arg(name);
        const double hi = row.maxFor(n);
        const bool fits = row.offBelow > 0 ? (v == 0 || (v >= row.offBelow && v <= hi))
                                           : (v >= row.lo && v <= hi);
        if (!fits) return tr("%1 = %2 is out of range: %3").arg(name, t, fieldRange(row, n));
        out = v;
        return {};
    }
    case core::FieldType::Enum:
        if (std::none_of(row.choices.begin(), row.choices.end(),
                         [&](const char* c) { return t == QLatin1String(c); }))
            return tr("%1 is one of %2").arg(name, q(core::quotedChoices(row.choices)));
        out = t.toStdString();
        return {};
    default:
        return tr("%1 cannot be changed here").arg(name);
    }
}

QString applyCompareEdit(core::Scenario& s, const CompareEdit& e) {
    core::Scenario next = s;
    QString bad;
    if (e.kind == CompareEdit::Kind::Timeline) {
        bad = applyTimeline(next, e);
    } else {
        const auto it = std::find_if(next.nodes.begin(), next.nodes.end(),
                                     [&](const core::NodeSpec& n) { return n.id == e.node; });
        if (it == next.nodes.end()) return tr("There is no node %1").arg(q(e.node));
        bad = e.kind == CompareEdit::Kind::Field       ? applyField(next, *it, e)
              : e.kind == CompareEdit::Kind::StoreMode ? applyStoreMode(*it, e)
                                                       : applyScaling(*it, e);
    }
    if (!bad.isEmpty()) return bad;
    if (const std::string err = core::validateScenario(next); !err.empty())
        return tr("B would not run: %1").arg(q(err));
    s = std::move(next);
    return {};
}

QString describeCompareEdit(const CompareEdit& e) {
    using F = CompareEdit::Fault;
    const QString at = number(e.at_s);
    switch (e.kind) {
    case CompareEdit::Kind::Field:
        return QStringLiteral("%1.%2 = %3").arg(q(e.node), q(e.field), valueText(e.value));
    case CompareEdit::Kind::StoreMode:
        return QStringLiteral("%1.mode = %2").arg(q(e.node), valueText(e.value));
    case CompareEdit::Kind::ScalingPolicy:
        return QStringLiteral("%1.autoscaling.policy = %2").arg(q(e.node), valueText(e.value));
    case CompareEdit::Kind::Timeline:
        break;
    }
    switch (e.fault) {
    case F::Kill:
        return tr("kill %1 at %2 s").arg(q(e.node), at);
    case F::Restart:
        return tr("restart %1 at %2 s").arg(q(e.node), at);
    case F::Cut:
        return tr("cut %1–%2 at %3 s").arg(q(e.a), q(e.b), at);
    case F::Heal:
        return tr("heal %1–%2 at %3 s").arg(q(e.a), q(e.b), at);
    case F::Partition: {
        QStringList ids;
        for (const auto& id : e.side) ids << q(id);
        return tr("partition {%1} at %2 s").arg(ids.join(QStringLiteral(", ")), at);
    }
    }
    return {};
}

QString describeCompareEdits(const std::vector<CompareEdit>& edits) {
    if (edits.empty()) return tr("B: no change");
    QStringList parts;
    for (const CompareEdit& e : edits) parts << describeCompareEdit(e);
    return tr("B: %1").arg(parts.join(QStringLiteral("; ")));
}

} // namespace cs::ui
