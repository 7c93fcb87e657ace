#include "Expectations.h"

#include "EnumNames.h"
#include "Metrics.h"
#include "ScenarioIO.h"
#include "SummaryKeys.h"

#include <algorithm>
#include <cmath>

namespace cs::core {
namespace {

std::string num(double v) {
    return ObjectReader::fmt(v);
}

Expectation readOne(const QJsonObject& o, const std::string& path,
                    std::vector<std::string>& warnings) {
    ObjectReader r(o, path, warnings);
    Expectation e;
    e.name = r.string("name", "");
    e.metric = r.string("metric", "", true);
    if (e.metric.empty()) throw LoadError{r.at("metric"), "expected a metric name, got \"\""};
    const QJsonValue over = r.raw("over");
    if (!over.isUndefined()) {
        const QJsonArray a = over.toArray();
        if (!over.isArray() || a.size() != 2 || !a[0].isDouble() || !a[1].isDouble() ||
            a[0].toDouble() > a[1].toDouble())
            r.fail("over", "[t0, t1]: two numbers of seconds with t0 <= t1", over);
        e.over = std::pair{a[0].toDouble(), a[1].toDouble()};
    }
    const std::string agg = r.choice("agg", "", enumNames<Expectation::Agg>());
    if (!agg.empty()) e.agg = enumFromName<Expectation::Agg>(agg);
    const std::string op = r.choice("op", "", enumNames<Expectation::Op>());
    if (op.empty())
        throw LoadError{r.at("op"), "is required (one of <, <=, >, >=, ==, !=, "
                                    "between, approx)"};
    e.op = *enumFromName<Expectation::Op>(op);
    if (e.op == Expectation::Op::Between) {
        const QJsonValue v = r.raw("value");
        const QJsonArray a = v.toArray();
        if (!v.isArray() || a.size() != 2 || !a[0].isDouble() || !a[1].isDouble() ||
            a[0].toDouble() > a[1].toDouble())
            r.fail("value", "[lo, hi]: two numbers with lo <= hi", v);
        e.value = a[0].toDouble();
        e.high = a[1].toDouble();
    } else {
        e.value = r.number("value", 0.0, -1e300, 1e300, true);
    }
    if (r.has("tolerance")) {
        if (e.op != Expectation::Op::Approx)
            throw LoadError{r.at("tolerance"), "applies only to \"op\": \"approx\""};
        e.tolerance = r.number("tolerance", 0.05, 0.0, 1e9);
    }
    if (e.agg && !e.over)
        throw LoadError{r.at("agg"), "aggregates over a window: give \"over\": [t0, t1] too"};
    r.warnUnknown();
    return e;
}

bool isMetricsColumn(const std::string& name) {
    const auto& cols = metricsColumns();
    return name != "t_s" && std::find(cols.begin(), cols.end(), name) != cols.end();
}

std::string validateMetric(const Scenario& s, const Expectation& e, const std::string& p) {
    const std::string at = p + ".metric: ";
    if (!e.over) {
        if (isSummaryKey(e.metric)) return {};
        if (isMetricsColumn(e.metric) || nodeMetric(e.metric))
            return at + "\"" + e.metric + "\" is a series: give \"over\": [t0, t1] (seconds)";
        return at + "unknown metric \"" + e.metric +
               "\" (expected a summary key such as latency_ms.p99; a metrics column or "
               "node:ID:METRIC needs \"over\")";
    }
    if (isMetricsColumn(e.metric)) return {};
    if (const auto nm = nodeMetric(e.metric)) {
        if (!s.find(nm->first) && !isPossibleMember(s, nm->first))
            return at + "no node or instance named \"" + nm->first + "\"";
        const auto& names = nodeMetricNames();
        if (std::find(names.begin(), names.end(), nm->second) == names.end()) {
            std::string list;
            for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
            return at + "unknown node metric \"" + nm->second + "\" (expected one of " + list + ")";
        }
        return {};
    }
    if (isSummaryKey(e.metric))
        return at + "\"" + e.metric +
               "\" is a summary key (one number per run): remove \"over\", or name a metrics "
               "column such as latency_ms_p99";
    return at + "unknown metric \"" + e.metric +
           "\" (expected a metrics column such as latency_ms_p99, or node:ID:METRIC)";
}

} // namespace

std::optional<std::pair<std::string, std::string>> nodeMetric(const std::string& metric) {
    if (metric.rfind("node:", 0) != 0) return std::nullopt;
    const auto colon = metric.rfind(':');
    if (colon <= 5) return std::nullopt;
    return std::pair{metric.substr(5, colon - 5), metric.substr(colon + 1)};
}

std::vector<Expectation> readExpectations(const QJsonValue& list, const std::string& path,
                                          std::vector<std::string>& warnings) {
    if (!list.isArray())
        throw LoadError{path, "expected an array of expectations, got " + describe(list)};
    std::vector<Expectation> out;
    const QJsonArray a = list.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        const std::string p = path + "[" + std::to_string(i) + "]";
        if (!a[i].isObject())
            throw LoadError{p, "expected an object {metric, op, value}, got " + describe(a[i])};
        out.push_back(readOne(a[i].toObject(), p, warnings));
    }
    return out;
}

std::string expectationToJson(const Expectation& e) {
    Ordered o;
    if (!e.name.empty()) o.add("name", QString::fromStdString(e.name));
    o.add("metric", QString::fromStdString(e.metric));
    if (e.over) o.add("over", QJsonArray{e.over->first, e.over->second});
    if (e.agg) o.add("agg", enumName(*e.agg));
    o.add("op", enumName(e.op));
    if (e.op == Expectation::Op::Between)
        o.add("value", QJsonArray{e.value, e.high});
    else
        o.add("value", e.value);
    if (e.tolerance) o.add("tolerance", *e.tolerance);
    return o.str();
}

std::string expectationsToJson(const std::vector<Expectation>& list) {
    if (list.empty()) return "[]";
    std::string out = "[\n";
    for (std::size_t i = 0; i < list.size(); ++i)
        out += "    " + expectationToJson(list[i]) + (i + 1 < list.size() ? ",\n" : "\n");
    return out + "  ]";
}

std::string validateExpectations(const Scenario& s, const std::vector<Expectation>& list,
                                 double duration_s, const std::string& path) {
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Expectation& e = list[i];
        const std::string p = path + "[" + std::to_string(i) + "]";
        if (std::string err = validateMetric(s, e, p); !err.empty()) return err;
        if (e.over && (e.over->first < 0 || e.over->second > duration_s))
            return p + ".over: the window [" + num(e.over->first) + ", " + num(e.over->second) +
                   "] is outside the run (0 to " + num(duration_s) + " s)";
    }
    return {};
}

std::optional<double> aggregate(const std::vector<std::pair<double, double>>& samples, double t0,
                                double t1, Expectation::Agg agg) {
    std::optional<double> acc;
    std::size_t n = 0;
    for (const auto& [t, v] : samples) {
        if (t < t0 || t > t1) continue;
        ++n;
        if (!acc) {
            acc = v;
            continue;
        }
        switch (agg) {
        case Expectation::Agg::Mean:
        case Expectation::Agg::Sum:
            *acc += v;
            break;
        case Expectation::Agg::Max:
            *acc = std::max(*acc, v);
            break;
        case Expectation::Agg::Min:
            *acc = std::min(*acc, v);
            break;
        case Expectation::Agg::Last:
            *acc = v;
            break;
        }
    }
    if (acc && agg == Expectation::Agg::Mean) *acc /= static_cast<double>(n);
    return acc;
}

bool holds(const Expectation& e, double x) {
    using O = Expectation::Op;
    switch (e.op) {
    case O::Less:
        return x < e.value;
    case O::LessEq:
        return x <= e.value;
    case O::Greater:
        return x > e.value;
    case O::GreaterEq:
        return x >= e.value;
    case O::Equal:
        return x == e.value;
    case O::NotEqual:
        return x != e.value;
    case O::Between:
        return x >= e.value && x <= e.high;
    case O::Approx:
        return std::abs(x - e.value) <= e.tolerance.value_or(0.05) * std::abs(e.value);
    }
    return false;
}

std::string describeCondition(const Expectation& e) {
    if (e.op == Expectation::Op::Between)
        return "(between [" + num(e.value) + ", " + num(e.high) + "])";
    if (e.op == Expectation::Op::Approx)
        return "(approx " + num(e.value) + " +- " + num(e.tolerance.value_or(0.05) * 100) + "%)";
    return std::string("(") + enumName(e.op) + " " + num(e.value) + ")";
}

const char* toString(Expectation::Op op) {
    return enumName(op);
}
const char* toString(Expectation::Agg agg) {
    return enumName(agg);
}

} // namespace cs::core
