#include "Run.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <chrono>

namespace cs::core {
namespace {

// A file written as the run goes, replaced atomically at the end (QSaveFile).
class OutputFile {
public:
    explicit OutputFile(const std::string& path)
        : path_(path), file_(QString::fromStdString(path)) {}
    bool open() { return file_.open(QIODevice::WriteOnly); }
    void write(const std::string& text) {
        buffer_ += text;
        if (buffer_.size() > (1 << 16)) flush();
    }
    std::string commit() {
        flush();
        if (!file_.commit())
            return path_ + ": could not write (" + file_.errorString().toStdString() + ")";
        return {};
    }
    std::string error() const {
        return path_ + ": cannot write (" + file_.errorString().toStdString() + ")";
    }

private:
    void flush() {
        file_.write(buffer_.data(), static_cast<qint64>(buffer_.size()));
        buffer_.clear();
    }
    std::string path_;
    QSaveFile file_;
    std::string buffer_;
};

std::string header(const std::vector<std::string>& cols) {
    std::string h;
    for (const auto& c : cols) h += (h.empty() ? "" : ",") + c;
    return h + "\n";
}

} // namespace

std::string summaryToJson(const Summary& s) {
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
    return QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
}

RunResult runScenario(const Scenario& input, const RunOptions& options) {
    RunResult result;
    Scenario scenario = input;
    if (options.duration_s) scenario.duration_s = *options.duration_s;
    if (options.seed) scenario.seed = *options.seed;

    std::optional<OutputFile> metricsFile, nodesFile, historyFile;
    if (!options.historyOut.empty()) {
        historyFile.emplace(options.historyOut);
        if (!historyFile->open()) return {false, historyFile->error(), {}, {}};
    }
    if (!options.metricsCsv.empty()) {
        metricsFile.emplace(options.metricsCsv);
        if (!metricsFile->open()) return {false, metricsFile->error(), {}, {}};
    }
    if (!options.nodesCsv.empty()) {
        nodesFile.emplace(options.nodesCsv);
        if (!nodesFile->open()) return {false, nodesFile->error(), {}, {}};
    }

    const auto wallStart = std::chrono::steady_clock::now();
    Engine engine(scenario);
    std::string& csvText = result.metricsCsvText;
    if (metricsFile) {
        metricsFile->write(header(metricsColumns()));
        engine.setMetricsSink(
            [&](const MetricsRow& r) { metricsFile->write(metricsCsvLine(r) + "\n"); });
    } else {
        csvText = header(metricsColumns());
        engine.setMetricsSink([&](const MetricsRow& r) { csvText += metricsCsvLine(r) + "\n"; });
    }
    if (historyFile)
        engine.setHistorySink([&](const std::string& line) { historyFile->write(line + "\n"); });
    if (nodesFile) {
        nodesFile->write("t_s,node,metric,value\n");
        engine.setNodeSink([&](const NodeSample& s) {
            nodesFile->write(formatNumber(s.t_s) + "," + s.node + "," + s.metric + "," +
                             formatNumber(s.value) + "\n");
        });
    }

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
    if (!options.summaryJson.empty()) {
        QSaveFile f(QString::fromStdString(options.summaryJson));
        const std::string text = summaryToJson(result.summary);
        if (!f.open(QIODevice::WriteOnly) ||
            f.write(text.data(), static_cast<qint64>(text.size())) < 0 || !f.commit())
            return {false,
                    options.summaryJson + ": cannot write (" + f.errorString().toStdString() + ")",
                    result.summary,
                    {}};
    }
    result.ok = true;
    return result;
}

} // namespace cs::core
