// Parses a scenario document, tracking the JSON path of every value for error messages.
#include "ScenarioIO.h"

#include "EnumNames.h"
#include "Expectations.h"
#include "FieldObjects.h"
#include "FieldTable.h"
#include "InputFile.h"
#include "JsonFields.h"
#include "ScenarioLesson.h"
#include "StrictJson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cmath>
#include <limits>
#include <set>

namespace cs::core {
namespace {

constexpr qint64 kMaxFileBytes = 64 * 1024 * 1024;

// One field of a node as its row in the field table says.
void readField(ObjectReader& r, const FieldRow& row, NodeSpec& n) {
    FieldValue v;
    switch (row.type) {
    case FieldType::Number:
        v = row.offBelow > 0 ? r.offOr(row.name, row.def, row.offBelow, row.hi, row.required)
                             : r.number(row.name, row.def, row.lo, row.hi, row.required);
        break;
    case FieldType::Integer:
        v = static_cast<double>(r.integer(row.name, static_cast<std::int64_t>(row.def),
                                          static_cast<std::int64_t>(row.lo),
                                          static_cast<std::int64_t>(row.maxFor(n))));
        break;
    case FieldType::Bool:
        v = r.boolean(row.name, row.def != 0) ? 1.0 : 0.0;
        break;
    case FieldType::String:
    case FieldType::Reference:
        v = r.string(row.name, row.defText, row.required);
        break;
    case FieldType::Enum:
        v = r.choice(row.name, row.defText, row.choices);
        break;
    case FieldType::Custom:
    case FieldType::Preserved:
        return;
    }
    row.access.set(n, v);
}

// The node's id, kind and position, then every field its kind has in the field table.
NodeSpec readNode(const QJsonObject& o, const std::string& path,
                  std::vector<std::string>& warnings) {
    ObjectReader r(o, path, warnings);
    NodeSpec n;
    n.id = r.string("id", "", true);
    if (n.id.empty() || n.id.size() > 64)
        r.fail("id", "a non-empty string of at most 64 characters", o.value("id"));
    for (char c : n.id)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.'))
            r.fail("id", "letters, digits, '_', '-' or '.'", o.value("id"));
    const std::string kind = r.choice("kind", "", enumNames<NodeKind>());
    if (kind.empty()) throw LoadError{r.at("kind"), "is required"};
    n.kind = *enumFromName<NodeKind>(kind);
    const QJsonValue pos = r.raw("pos");
    if (!pos.isUndefined()) {
        const QJsonArray a = pos.toArray();
        if (!pos.isArray() || a.size() != 2 || !a[0].isDouble() || !a[1].isDouble() ||
            !std::isfinite(a[0].toDouble()) || !std::isfinite(a[1].toDouble()) ||
            std::abs(a[0].toDouble()) > kHuge || std::abs(a[1].toDouble()) > kHuge)
            r.fail("pos", "[x, y] with two finite numbers", pos);
        n.x = a[0].toDouble();
        n.y = a[1].toDouble();
    }
    for (const FieldRow& row : fieldTable()) {
        if (!row.kinds.has(n.kind) || !row.inFile) continue;
        if (row.type == FieldType::Preserved)
            r.preserve({row.name}, n.preserved);
        else if (row.read)
            row.read(r, n);
        else
            readField(r, row, n);
        if (row.check)
            if (const std::string why = row.check(n); !why.empty())
                throw LoadError{r.at(row.name), why};
    }
    r.warnUnknown();
    return n;
}

LinkSpec readLink(const QJsonObject& o, const std::string& path,
                  std::vector<std::string>& warnings) {
    ObjectReader r(o, path, warnings);
    LinkSpec l;
    l.a = r.string("a", "", true);
    l.b = r.string("b", "", true);
    const QJsonValue lat = r.raw("latency_ms");
    if (lat.isDouble()) {
        l.median_ms = l.p99_ms = r.offOr("latency_ms", 1.0, kMinMs, kMaxMs);
    } else if (!lat.isUndefined()) {
        if (!lat.isObject()) r.fail("latency_ms", "an object {\"median\": ms, \"p99\": ms}", lat);
        ObjectReader lr(lat.toObject(), r.at("latency_ms"), warnings);
        l.median_ms = lr.offOr("median", 1.0, kMinMs, kMaxMs, true);
        l.p99_ms = lr.offOr("p99", l.median_ms, kMinMs, kMaxMs);
        if (l.p99_ms < l.median_ms)
            throw LoadError{lr.at("p99"),
                            "must be at least the median (" + ObjectReader::fmt(l.median_ms) + ")"};
        lr.warnUnknown();
    }
    l.loss = r.number("loss", 0.0, 0.0, 1.0);
    r.warnUnknown();
    return l;
}

} // namespace

Action readAction(const QJsonObject& o, const std::string& path, std::vector<std::string>& warnings,
                  bool timed) {
    ObjectReader r(o, path, warnings);
    Action a;
    if (timed) a.at_us = std::llround(r.number("at_s", 0.0, 0.0, 1e9, true) * 1e6);
    const std::string kind = r.choice("action", "", enumNames<ActionKind>());
    if (kind.empty()) throw LoadError{r.at("action"), "is required"};
    a.kind = *enumFromName<ActionKind>(kind);
    switch (a.kind) {
    case ActionKind::KillNode:
    case ActionKind::RestartNode:
    case ActionKind::AddShard:
        a.node = r.string("node", "", true);
        break;
    case ActionKind::CutLink:
    case ActionKind::HealLink:
    case ActionKind::SetLink:
        a.a = r.string("a", "", true);
        a.b = r.string("b", "", true);
        if (a.kind == ActionKind::SetLink) {
            const QJsonValue lat = r.raw("latency_ms");
            if (lat.isDouble()) {
                a.median_ms = a.p99_ms = r.offOr("latency_ms", 1.0, kMinMs, kMaxMs);
            } else if (lat.isObject()) {
                ObjectReader lr(lat.toObject(), r.at("latency_ms"), warnings);
                a.median_ms = lr.offOr("median", 1.0, kMinMs, kMaxMs, true);
                a.p99_ms = lr.offOr("p99", *a.median_ms, kMinMs, kMaxMs);
                if (*a.p99_ms < *a.median_ms)
                    throw LoadError{lr.at("p99"), "must be at least the median"};
                lr.warnUnknown();
            } else if (!lat.isUndefined()) {
                r.fail("latency_ms", "an object {\"median\": ms, \"p99\": ms}", lat);
            }
            if (r.has("loss")) a.loss = r.number("loss", 0.0, 0.0, 1.0);
            if (!a.median_ms && !a.loss) throw LoadError{path, "set_link needs latency_ms or loss"};
        }
        break;
    case ActionKind::SetRate:
        a.node = r.string("node", "", true);
        a.rate_rps = r.offOr("rate_rps", 0.0, kMinRate, 1e7, true);
        break;
    case ActionKind::SetField: {
        a.node = r.string("node", "", true);
        a.field = r.string("field", "", true);
        const QJsonValue v = r.raw("value");
        if (v.isDouble() && std::isfinite(v.toDouble()))
            a.value = v.toDouble();
        else if (v.isString())
            a.value = v.toString().toStdString();
        else
            r.fail("value", "a number or a string", v);
        break;
    }
    }
    r.warnUnknown();
    return a;
}

namespace {

Scenario readScenario(const QJsonObject& root, std::vector<std::string>& warnings) {
    ObjectReader r(root, "", warnings);
    const std::string format = r.string("format", "", true);
    if (format != "clustersim-scenario")
        r.fail("format", "\"clustersim-scenario\"", root.value("format"));
    const auto version = r.integer("version", -1, 1, 1'000'000);
    if (version < 0) throw LoadError{"version", "is required"};
    if (version > Scenario::kCurrentVersion)
        throw LoadError{"version", "is " + std::to_string(version) +
                                       ", newer than this program reads (" +
                                       std::to_string(Scenario::kCurrentVersion) +
                                       "): please update ClusterSim"};
    // Migration hook: version 1 is the first; a version 2 reader converts older documents here.
    Scenario s;
    s.name = r.string("name", s.name);
    s.lesson = readLesson(r.raw("lesson"), warnings);
    s.seed = static_cast<std::uint64_t>(r.integer("seed", 1, 0, (std::int64_t{1} << 53)));
    s.duration_s = r.number("duration_s", 60.0, 0.001, 1e8);
    s.metrics_interval_ms = r.number("metrics_interval_ms", 250.0, 1.0, 3.6e9);
    auto readArray = [&](const char* key, auto&& readOne) {
        const QJsonValue v = r.raw(key);
        if (v.isUndefined()) return;
        if (!v.isArray()) r.fail(key, "an array", v);
        const QJsonArray arr = v.toArray();
        for (qsizetype i = 0; i < arr.size(); ++i) {
            const std::string p = std::string(key) + "[" + std::to_string(i) + "]";
            if (!arr[i].isObject())
                throw LoadError{p, "expected an object, got " + describe(arr[i])};
            readOne(arr[i].toObject(), p);
        }
    };
    readArray("nodes", [&](const QJsonObject& o, const std::string& p) {
        s.nodes.push_back(readNode(o, p, warnings));
    });
    readArray("links", [&](const QJsonObject& o, const std::string& p) {
        s.links.push_back(readLink(o, p, warnings));
    });
    readArray("timeline", [&](const QJsonObject& o, const std::string& p) {
        s.timeline.push_back(readAction(o, p, warnings));
    });
    if (r.has("expect")) s.expect = readExpectations(r.raw("expect"), "expect", warnings);
    r.preserve({"lessons", "view", "charts"}, s.preserved);
    r.warnUnknown();
    return s;
}

} // namespace

LoadResult loadScenarioText(const std::string& text, const std::string& displayName) {
    LoadResult res;
    auto failWith = [&](const std::string& msg) {
        res = LoadResult{};
        res.error = displayName + ": " + msg;
        return res;
    };
    if (text.empty()) return failWith("the file is empty (expected a JSON object)");
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &pe);
    if (pe.error != QJsonParseError::NoError) {
        // Turn the byte offset into a line and column a person can find.
        int line = 1, col = 1;
        for (int i = 0; i < pe.offset && i < static_cast<int>(text.size()); ++i) {
            if (text[static_cast<std::size_t>(i)] == '\n') {
                ++line;
                col = 1;
            } else {
                ++col;
            }
        }
        return failWith("line " + std::to_string(line) + ", column " + std::to_string(col) +
                        ": not valid JSON (" + pe.errorString().toStdString() + ")");
    }
    if (!doc.isObject()) return failWith("expected a JSON object at the top level");
    // What QJsonDocument lets through: `1.`, `.5`, `\d`, raw control characters, duplicate keys.
    if (const std::string strict = strictJsonError(text); !strict.empty()) return failWith(strict);
    setScenarioBaseDir(QFileInfo(QString::fromStdString(displayName)).absolutePath());
    try {
        std::vector<std::string> warnings;
        Scenario s = readScenario(doc.object(), warnings);
        if (const std::string err = validateScenario(s); !err.empty()) return failWith(err);
        res.ok = true;
        res.scenario = std::move(s);
        for (auto& w : warnings) res.warnings.push_back(displayName + ": " + w);
    } catch (const LoadError& e) {
        return failWith(e.path + ": " + e.message);
    } catch (const std::exception& e) {
        return failWith(std::string("could not be read: ") + e.what());
    }
    return res;
}

LoadResult loadScenarioFile(const std::string& path) {
    std::string text;
    LoadResult r;
    if (!readInputFile(path, static_cast<std::uint64_t>(kMaxFileBytes), text, r.error)) {
        if (r.error.find("larger than") != std::string::npos) r.error += "; not a scenario";
        return r;
    }
    return loadScenarioText(text, path);
}

} // namespace cs::core
