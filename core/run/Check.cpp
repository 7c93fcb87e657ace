#include "Check.h"

#include "Expectations.h"
#include "InputFile.h"
#include "JsonFields.h"
#include "ScenarioIO.h"
#include "StrictJson.h"
#include "SummaryKeys.h"

#include <QJsonDocument>

#include <algorithm>
#include <map>

namespace cs::core {
namespace {

using Series = std::vector<std::pair<double, double>>; // (t_s, value)

std::string measuredText(double x) {
    return formatNumber(x);
}

} // namespace

bool loadExpectations(const std::string& path, const Scenario& target,
                      std::vector<Expectation>& out, std::string& error) {
    std::string text;
    if (!readInputFile(path, std::uint64_t{64} << 20, text, error)) return false;
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        error = path + ": not a JSON object (" + pe.errorString().toStdString() + ")";
        return false;
    }
    if (const std::string strict = strictJsonError(text); !strict.empty()) {
        error = path + ": " + strict;
        return false;
    }
    if (doc.object().contains(QLatin1String("format"))) { // a whole scenario: it must load
        const LoadResult other = loadScenarioText(text, path);
        if (!other.ok) {
            error = other.error;
            return false;
        }
        out = other.scenario.expect;
    } else {
        if (!doc.object().contains(QLatin1String("expect"))) {
            error = path + ": expect: is required (a list of expectations)";
            return false;
        }
        try {
            std::vector<std::string> warnings;
            out = readExpectations(doc.object().value(QLatin1String("expect")), "expect", warnings);
        } catch (const LoadError& e) {
            error = path + ": " + e.path + ": " + e.message;
            return false;
        }
    }
    if (std::string e = validateExpectations(target, out, target.duration_s, "expect");
        !e.empty()) {
        error = path + ": " + e;
        return false;
    }
    return true;
}

CheckReport checkScenario(const Scenario& s, const std::vector<Expectation>& expect,
                          const std::string& fileName, const RunOptions& options) {
    CheckReport report;
    const double duration = options.duration_s.value_or(s.duration_s);
    if (std::string e = validateExpectations(s, expect, duration, "expect"); !e.empty()) {
        report.error = fileName + ": " + e +
                       (options.duration_s ? " (with --duration " + measuredText(duration) + ")"
                                           : std::string());
        return report;
    }
    // Only the series the expectations name are kept.
    std::map<std::string, Series> columns, nodes;
    for (const Expectation& e : expect) {
        if (!e.over) continue;
        if (nodeMetric(e.metric))
            nodes[e.metric];
        else
            columns[e.metric];
    }
    RunOptions opt = options;
    if (!columns.empty()) {
        std::vector<std::pair<std::size_t, Series*>> wanted;
        const auto& names = metricsColumns();
        for (auto& [name, series] : columns)
            wanted.emplace_back(static_cast<std::size_t>(
                                    std::find(names.begin(), names.end(), name) - names.begin()),
                                &series);
        opt.onMetricsRow = [wanted](const MetricsRow& r) {
            const std::vector<double> v = metricsValues(r);
            for (const auto& [col, series] : wanted) series->emplace_back(r.t_s, v[col]);
        };
    }
    if (!nodes.empty())
        opt.onNodeSample = [&nodes](const NodeSample& ns) {
            const auto it = nodes.find("node:" + ns.node + ":" + ns.metric);
            if (it != nodes.end()) it->second.emplace_back(ns.t_s, ns.value);
        };
    const RunResult run = runScenario(s, opt);
    if (!run.ok) {
        report.status = CheckReport::Status::RunFailed;
        report.error = run.error;
        return report;
    }
    for (const Expectation& e : expect) {
        std::optional<double> x;
        if (!e.over) {
            x = summaryValue(run.summary, e.metric);
        } else {
            const Series& series = nodeMetric(e.metric) ? nodes[e.metric] : columns[e.metric];
            x = aggregate(series, e.over->first, e.over->second,
                          e.agg.value_or(Expectation::Agg::Mean));
        }
        const bool pass = x && holds(e, *x);
        (pass ? report.passed : report.failed) += 1;
        report.lines.push_back(
            std::string(pass ? "PASS " : "FAIL ") + e.label() + ": measured " +
            (x ? measuredText(*x) : std::string("nothing (no samples in the window)")) + " " +
            describeCondition(e));
    }
    report.lines.push_back("checks passed=" + std::to_string(report.passed) +
                           " failed=" + std::to_string(report.failed));
    report.status = report.failed ? CheckReport::Status::Failed : CheckReport::Status::Passed;
    return report;
}

} // namespace cs::core
