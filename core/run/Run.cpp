#include "Run.h"

#include "OutputFile.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <charconv>
#include <chrono>
#include <cmath>

namespace cs::core {
namespace {

std::string header(const std::vector<std::string>& cols) {
    std::string h;
    for (const auto& c : cols) h += (h.empty() ? "" : ",") + c;
    return h + "\n";
}

QJsonObject summaryObject(const Summary& s) {
    auto u = [](std::uint64_t v) { return static_cast<double>(v); };
    QJsonObject failed{{"total", u(s.failedTotal())}};
    for (std::size_t k = 1; k < kErrorReasons; ++k)
        failed.insert(QString::fromLatin1(toString(static_cast<ErrorReason>(k))), u(s.failed[k]));
    QJsonObject o{
        {"requests", QJsonObject{{"issued", u(s.issued)},
                                 {"completed", u(s.completed)},
                                 {"in_flight", u(s.in_flight)},
                                 {"failed", failed},
                                 {"attempts", u(s.attempts)}}},
        {"late_responses", u(s.late_responses)},
        {"latency_ms", QJsonObject{{"p50", s.latency_p50},
                                   {"p95", s.latency_p95},
                                   {"p99", s.latency_p99},
                                   {"p999", s.latency_p999},
                                   {"mean", s.latency_mean}}},
        {"throughput_rps", s.throughput_rps},
        {"availability", s.availability},
        {"responded", s.responded},
        {"reads", QJsonObject{{"stale_fraction", s.stale_fraction}}},
        {"staleness_ms", QJsonObject{{"p50", s.staleness_p50}, {"p99", s.staleness_p99}}},
        {"conflicts", u(s.conflicts)},
        {"lost_updates", u(s.lost_updates)},
        {"duplicate_side_effects", u(s.duplicate_side_effects)},
        {"linearizability", QJsonObject{{"checked", u(s.lin_checked)},
                                        {"violations", u(s.lin_violations)},
                                        {"unknown", u(s.lin_unknown)},
                                        {"unchecked_ops", u(s.lin_unchecked_ops)}}},
        {"recovery", QJsonObject{{"election_ms", s.election_ms},
                                 {"convergence_ms", s.convergence_ms},
                                 {"unavailable_ms", s.unavailable_ms},
                                 {"elections", u(s.elections)}}},
        {"scaling", QJsonObject{{"actions", u(s.scaling_actions)}}},
        {"instances", QJsonObject{{"min", s.instances_min},
                                  {"max", s.instances_max},
                                  {"mean", s.instances_mean}}},
        {"cost", s.cost},
        {"cache", QJsonObject{{"hit_ratio", s.cache_hit_ratio}}},
        {"datastore", QJsonObject{{"ops_per_s", QJsonObject{{"mean", s.store_ops_mean},
                                                            {"max", s.store_ops_max}}}}},
        {"queue", QJsonObject{{"max_depth", s.queue_max_depth}}},
        {"sharding", QJsonObject{{"keys_moved_fraction", s.keys_moved_fraction},
                                 {"max_shard_share", s.max_shard_share}}},
        {"events_processed", u(s.events_processed)},
        {"wall_seconds", s.wall_seconds},
        {"sim_seconds", s.sim_seconds},
        {"messages_lost", u(s.messages_lost)},
    };
    return o;
}

void flatten(const QJsonObject& o, const std::string& prefix,
             std::vector<std::pair<std::string, double>>& out) {
    for (auto it = o.begin(); it != o.end(); ++it) { // QJsonObject's order: the text's
        const std::string key = prefix + it.key().toStdString();
        if (it.value().isObject())
            flatten(it.value().toObject(), key + ".", out);
        else
            out.emplace_back(key, it.value().toDouble());
    }
}

} // namespace

std::string summaryToJson(const Summary& s) {
    return QJsonDocument(summaryObject(s)).toJson(QJsonDocument::Indented).toStdString();
}

std::vector<std::pair<std::string, double>> flattenSummary(const Summary& s) {
    std::vector<std::pair<std::string, double>> out;
    flatten(summaryObject(s), "", out);
    return out;
}

std::string exactNumber(double v) {
    if (!std::isfinite(v)) return "0"; // as the JSON and metrics writers do
    if (v == std::floor(v) && std::abs(v) < 1e15) return std::to_string(static_cast<long long>(v));
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, v); // shortest exact text
    return std::string(buf, res.ptr);
}

RunResult runScenario(const Scenario& input, const RunOptions& options) {
    RunResult result;
    Scenario scenario = input;
    if (options.duration_s) scenario.duration_s = *options.duration_s;
    if (options.seed) scenario.seed = *options.seed;

    // Every output is opened before the run: a bad path is found at once, not after it.
    if (const std::string twice = sameOutputTwice(
            {options.metricsCsv, options.nodesCsv, options.historyOut, options.summaryJson});
        !twice.empty())
        return {false, twice + ": named for two outputs; each needs its own file", {}, {}};
    std::optional<OutputFile> metricsFile, nodesFile, historyFile, summaryFile;
    for (auto [file, path] :
         {std::pair{&historyFile, &options.historyOut},
          std::pair{&metricsFile, &options.metricsCsv}, std::pair{&nodesFile, &options.nodesCsv},
          std::pair{&summaryFile, &options.summaryJson}}) {
        if (path->empty()) continue;
        file->emplace(*path);
        if (!(*file)->open()) return {false, (*file)->error(), {}, {}};
    }

    const auto wallStart = std::chrono::steady_clock::now();
    Engine engine(scenario);
    std::string& csvText = result.metricsCsvText;
    if (metricsFile) {
        metricsFile->write(header(metricsColumns()));
        engine.setMetricsSink([&](const MetricsRow& r) {
            metricsFile->write(metricsCsvLine(r) + "\n");
            if (options.onMetricsRow) options.onMetricsRow(r);
        });
    } else if (options.keepMetricsText) {
        csvText = header(metricsColumns());
        engine.setMetricsSink([&](const MetricsRow& r) {
            csvText += metricsCsvLine(r) + "\n";
            if (options.onMetricsRow) options.onMetricsRow(r);
        });
    } else if (options.onMetricsRow) {
        engine.setMetricsSink([&](const MetricsRow& r) { options.onMetricsRow(r); });
    }
    if (historyFile)
        engine.setHistorySink([&](const std::string& line) { historyFile->write(line + "\n"); });
    if (nodesFile) nodesFile->write("t_s,node,metric,value\n");
    if (nodesFile || options.onNodeSample)
        engine.setNodeSink([&](const NodeSample& s) {
            if (nodesFile)
                nodesFile->write(formatNumber(s.t_s) + "," + s.node + "," + s.metric + "," +
                                 formatNumber(s.value) + "\n");
            if (options.onNodeSample) options.onNodeSample(s);
        });

    // Advance in slices so progress can be shown; slicing does not change results.
    const SimTime end = std::llround(scenario.duration_s * 1e6);
    const SimTime slice = std::max<SimTime>(end / 200, 1);
    for (SimTime t = 0; t < end;) {
        t = std::min(end, t + slice);
        engine.runUntil(t);
        if (options.progress) options.progress(static_cast<double>(t) / 1e6, scenario.duration_s);
    }
    engine.finishChecks();
    result.summary = engine.summary();
    result.summary.wall_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();

    for (auto* f : {&metricsFile, &nodesFile, &historyFile}) {
        if (!*f) continue;
        if (std::string err = (*f)->commit(); !err.empty()) return {false, err, result.summary, {}};
    }
    if (summaryFile) {
        summaryFile->write(summaryToJson(result.summary));
        if (std::string err = summaryFile->commit(); !err.empty())
            return {false, err, result.summary, {}};
    }
    result.ok = true;
    return result;
}

} // namespace cs::core
