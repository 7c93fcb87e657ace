// Writes scenario documents in a stable, diff-friendly key order and saves them atomically.
#include "SaveFile.h"
#include "ScenarioIO.h"

#include "Expectations.h"
#include "FieldTable.h"
#include "JsonFields.h"
#include "ScenarioLesson.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cs::core {
namespace {

QJsonValue str(const std::string& s) {
    return QString::fromStdString(s);
}

QJsonValue fieldJson(const FieldRow& row, const FieldValue& v) {
    if (const auto* text = std::get_if<std::string>(&v)) return str(*text);
    if (row.type == FieldType::Bool) return std::get<double>(v) != 0;
    return std::get<double>(v);
}

// The node's id, kind and position, then its kind's rows of the field table in their order.
std::string node(const NodeSpec& n) {
    Ordered o;
    std::string pos = Ordered::json(QJsonArray{n.x, n.y}); // [x,y]
    o.add("id", str(n.id)).add("kind", toString(n.kind)).addRaw("pos", pos);
    for (const FieldRow& row : fieldTable()) {
        if (!row.appliesTo(n) || !row.inFile || row.type == FieldType::Preserved) continue;
        if (row.write) {
            row.write(o, n);
            continue;
        }
        const FieldValue v = row.access.get(n);
        if (row.omitDefault && v == row.defaultValue()) continue;
        o.add(row.name, fieldJson(row, v));
    }
    for (const auto& [k, v] : n.preserved) o.addRaw(k, v);
    return o.str();
}

std::string link(const LinkSpec& l) {
    Ordered o;
    o.add("a", str(l.a))
        .add("b", str(l.b))
        .addRaw("latency_ms", Ordered().add("median", l.median_ms).add("p99", l.p99_ms).str());
    if (l.loss > 0) o.add("loss", l.loss);
    return o.str();
}

template <class T, class F> std::string array(const std::vector<T>& items, F&& f) {
    if (items.empty()) return "[]";
    std::string out = "[\n";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += "    " + f(items[i]) + (i + 1 < items.size() ? ",\n" : "\n");
    return out + "  ]";
}

} // namespace

std::string actionToJson(const Action& a, bool timed) {
    Ordered o;
    if (timed) o.add("at_s", static_cast<double>(a.at_us) / 1e6);
    o.add("action", toString(a.kind));
    switch (a.kind) {
    case ActionKind::KillNode:
    case ActionKind::RestartNode:
    case ActionKind::AddShard:
        o.add("node", str(a.node));
        break;
    case ActionKind::CutLink:
    case ActionKind::HealLink:
    case ActionKind::SetLink:
        o.add("a", str(a.a)).add("b", str(a.b));
        if (a.median_ms)
            o.addRaw("latency_ms", Ordered()
                                       .add("median", *a.median_ms)
                                       .add("p99", a.p99_ms.value_or(*a.median_ms))
                                       .str());
        if (a.loss) o.add("loss", *a.loss);
        break;
    case ActionKind::SetRate:
        o.add("node", str(a.node)).add("rate_rps", a.rate_rps);
        break;
    case ActionKind::SetField:
        o.add("node", str(a.node)).add("field", str(a.field));
        if (std::holds_alternative<double>(a.value))
            o.add("value", std::get<double>(a.value));
        else
            o.add("value", str(std::get<std::string>(a.value)));
        break;
    }
    return o.str();
}

std::string scenarioToJson(const Scenario& s) {
    std::string out = "{\n";
    auto line = [&](const std::string& key, const std::string& value, bool last = false) {
        out += "  " + Ordered::json(QString::fromStdString(key)) + ": " + value +
               (last ? "\n" : ",\n");
    };
    line("format", "\"clustersim-scenario\"");
    line("version", std::to_string(Scenario::kCurrentVersion));
    line("name", Ordered::json(str(s.name)));
    if (!s.lesson.empty()) line("lesson", lessonToJson(s.lesson)); // always the object form
    line("seed", Ordered::json(static_cast<double>(s.seed)));
    line("duration_s", Ordered::json(s.duration_s));
    line("metrics_interval_ms", Ordered::json(s.metrics_interval_ms));
    for (const auto& [k, v] : s.preserved) line(k, v);
    line("nodes", array(s.nodes, node));
    line("links", array(s.links, link));
    line("timeline", array(s.timeline, [](const Action& a) { return actionToJson(a); }),
         s.expect.empty());
    if (!s.expect.empty()) line("expect", expectationsToJson(s.expect), true);
    return out + "}\n";
}

std::string saveScenarioFile(const Scenario& s, const std::string& path) {
    return saveFileAtomically(path, scenarioToJson(s));
}

std::string reloadError(const Scenario& s, const std::string& path) {
    const LoadResult back = loadScenarioText(scenarioToJson(s), path);
    return back.ok ? std::string() : back.error;
}

} // namespace cs::core
