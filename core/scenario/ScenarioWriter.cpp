// Writes scenario documents in a stable, diff-friendly key order and saves them atomically.
#include "SaveFile.h"
#include "ScenarioIO.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cs::core {
namespace {

// An object whose keys keep the order they were added in (QJsonObject sorts them).
class Ordered {
public:
    Ordered& add(const char* key, const QJsonValue& v) {
        items_.emplace_back(key, json(v));
        return *this;
    }
    Ordered& addRaw(const std::string& key, const std::string& jsonText) {
        items_.emplace_back(key, jsonText);
        return *this;
    }
    std::string str() const {
        std::string out = "{";
        for (std::size_t i = 0; i < items_.size(); ++i) {
            out += (i ? ", " : "") + json(QString::fromStdString(items_[i].first)) + ": " +
                   items_[i].second;
        }
        return out + "}";
    }
    static std::string json(const QJsonValue& v) {
        const QByteArray t = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
        return t.mid(1, t.size() - 2).toStdString();
    }

private:
    std::vector<std::pair<std::string, std::string>> items_;
};

QJsonValue str(const std::string& s) {
    return QString::fromStdString(s);
}

std::string distribution(const Distribution& d) {
    Ordered o;
    switch (d.kind) {
    case Distribution::Kind::Exponential:
        o.add("dist", "exp").add("mean", d.mean_ms);
        break;
    case Distribution::Kind::Constant:
        o.add("dist", "const").add("value", d.mean_ms);
        break;
    case Distribution::Kind::Lognormal:
        o.add("dist", "lognormal").add("median", d.median_ms).add("p99", d.p99_ms);
        break;
    }
    return o.str();
}

std::string node(const NodeSpec& n) {
    const NodeSpec def;
    Ordered o;
    std::string pos = Ordered::json(QJsonArray{n.x, n.y}); // [x,y]
    o.add("id", str(n.id)).add("kind", toString(n.kind)).addRaw("pos", pos);
    switch (n.kind) {
    case NodeKind::Client: {
        o.add("target", str(n.target))
            .add("rate_rps", n.rate_rps)
            .add("read_fraction", n.read_fraction)
            .add("write_kind", toString(n.write_kind));
        o.addRaw(
            "keys",
            Ordered().add("count", static_cast<double>(n.key_count)).add("zipf_s", n.zipf_s).str());
        o.add("sessions", static_cast<double>(n.sessions))
            .add("timeout_ms", n.timeout_ms)
            .add("retries", n.retries);
        o.addRaw("retry_backoff_ms", Ordered()
                                         .add("base", n.backoff.base_ms)
                                         .add("max", n.backoff.max_ms)
                                         .add("jitter", n.backoff.jitter)
                                         .str());
        o.add("idempotency_keys", n.idempotency_keys);
        if (n.honor_retry_after) o.add("honor_retry_after", true);
        if (n.read_level != Level::Default) o.add("read_level", toString(n.read_level));
        if (n.write_level != Level::Default) o.add("write_level", toString(n.write_level));
        if (n.read_your_writes) o.add("read_your_writes", true);
        switch (n.workload.shape) {
        case Workload::Shape::Constant:
            break;
        case Workload::Shape::Step:
            o.addRaw("workload", Ordered()
                                     .add("shape", "step")
                                     .add("at_s", n.workload.at_s)
                                     .add("to_rps", n.workload.to_rps)
                                     .str());
            break;
        case Workload::Shape::Spike:
            o.addRaw("workload", Ordered()
                                     .add("shape", "spike")
                                     .add("start_s", n.workload.start_s)
                                     .add("ramp_s", n.workload.ramp_s)
                                     .add("hold_s", n.workload.hold_s)
                                     .add("peak_rps", n.workload.peak_rps)
                                     .str());
            break;
        case Workload::Shape::Diurnal:
            o.addRaw("workload", Ordered()
                                     .add("shape", "diurnal")
                                     .add("period_s", n.workload.period_s)
                                     .add("amplitude", n.workload.amplitude)
                                     .str());
            break;
        case Workload::Shape::Bursts:
            o.addRaw("workload", Ordered()
                                     .add("shape", "bursts")
                                     .add("on_s", n.workload.on_s)
                                     .add("off_s", n.workload.off_s)
                                     .add("burst_rps", n.workload.burst_rps)
                                     .str());
            break;
        case Workload::Shape::Series:
            if (!n.workload.file.empty()) {
                o.addRaw("workload",
                         Ordered().add("shape", "series").add("file", str(n.workload.file)).str());
            } else {
                QJsonArray pts;
                for (const auto& [t, r] : n.workload.points) pts.append(QJsonArray{t, r});
                o.addRaw("workload", Ordered().add("shape", "series").add("points", pts).str());
            }
            break;
        }
        if (n.monotonic_reads) o.add("monotonic_reads", true);
        break;
    }
    case NodeKind::LoadBalancer:
        o.add("algorithm", toString(n.algorithm))
            .add("group", str(n.group))
            .add("health_check_interval_ms", n.health_check_interval_ms)
            .add("timeout_ms", n.downstream_timeout_ms);
        break;
    case NodeKind::ServiceGroup:
        o.add("instances", n.instances);
        [[fallthrough]];
    case NodeKind::Datastore:
        o.add("cores", n.cores)
            .addRaw("service_ms", distribution(n.service))
            .add("queue_capacity", n.queue_capacity);
        if (n.parallel_fraction) o.add("parallel_fraction", *n.parallel_fraction);
        if (n.price_per_hour > 0) o.add("price_per_hour", n.price_per_hour);
        if (n.resize_downtime_s != 30) o.add("resize_downtime_s", n.resize_downtime_s);
        if (n.kind == NodeKind::ServiceGroup) {
            o.add("state", toString(n.state));
            if (!n.datastore.empty()) o.add("datastore", str(n.datastore));
            if (!n.session_store.empty()) o.add("session_store", str(n.session_store));
            if (!n.cache.empty()) o.add("cache", str(n.cache));
            if (!n.queue.empty()) o.add("queue", str(n.queue));
            if (n.db_pool > 0) o.add("db_pool", n.db_pool);
            if (n.batching)
                o.addRaw("batching", Ordered()
                                         .add("size", n.batching->size)
                                         .add("max_wait_ms", n.batching->max_wait_ms)
                                         .add("overhead_ms", n.batching->overhead_ms)
                                         .add("per_item_ms", n.batching->per_item_ms)
                                         .str());
            o.add("async_io", n.async_io).add("timeout_ms", n.downstream_timeout_ms);
            if (n.autoscaling) {
                const Autoscaling& a = *n.autoscaling;
                const char* policy = toString(a.policy);
                Ordered as;
                as.add("policy", policy)
                    .add("min", a.min)
                    .add("max", a.max)
                    .add("cooldown_s", a.cooldown_s)
                    .add("warmup_s", a.warmup_s)
                    .add("evaluation_s", a.evaluation_s)
                    .add("target_utilization", a.target_utilization);
                if (a.target_queue_depth > 0) as.add("target_queue_depth", a.target_queue_depth);
                if (!a.steps.empty()) {
                    std::string steps = "[";
                    for (const auto& st : a.steps) {
                        Ordered one;
                        if (st.above <= 1) one.add("above", st.above);
                        if (st.below >= 0) one.add("below", st.below);
                        one.add("add", st.add);
                        steps += (steps.size() > 1 ? ", " : "") + one.str();
                    }
                    as.addRaw("steps", steps + "]");
                }
                if (!a.schedule.empty()) {
                    std::string sched = "[";
                    for (const auto& sc : a.schedule)
                        sched += (sched.size() > 1 ? ", " : "") +
                                 Ordered().add("at_s", sc.at_s).add("desired", sc.desired).str();
                    as.addRaw("schedule", sched + "]");
                }
                o.addRaw("autoscaling", as.str());
            }
            if (n.gc)
                o.addRaw("gc", Ordered()
                                   .add("interval_ms", n.gc->interval_ms)
                                   .add("pause_ms", n.gc->pause_ms)
                                   .str());
        } else if (!n.replicas.empty()) {
            QJsonArray reps;
            for (const auto& r : n.replicas) reps.append(str(r));
            o.add("replicas", reps);
            o.add("mode", n.mode == StoreMode::AP ? "AP" : "CP")
                .add("n", static_cast<int>(n.replicas.size()));
            o.add("r", n.r).add("w", n.w);
            o.add("conflicts", n.conflicts == ConflictPolicy::Lww ? "lww" : "version_vectors");
            o.add("read_from", n.read_from == ReadFrom::Leader ? "leader" : "replicas");
            o.add("quorum_timeout_ms", n.quorum_timeout_ms);
            o.addRaw("election_timeout_ms", Ordered()
                                                .add("min", n.election_timeout_min_ms)
                                                .add("max", n.election_timeout_max_ms)
                                                .str());
            o.add("heartbeat_ms", n.heartbeat_ms)
                .add("anti_entropy_interval_ms", n.anti_entropy_interval_ms);
            o.add("anti_entropy_keys_per_s", n.anti_entropy_keys_per_s);
            if (!n.pre_vote) o.add("pre_vote", false);
        }
        if (n.kind == NodeKind::Datastore && n.idempotency_ttl_s != 60)
            o.add("idempotency_ttl_s", n.idempotency_ttl_s);
        if (n.shards) {
            using S = NodeSpec::Shards::Strategy;
            o.addRaw("shards", Ordered()
                                   .add("count", n.shards->count)
                                   .add("strategy", n.shards->strategy == S::Range ? "range"
                                                    : n.shards->strategy == S::ConsistentHash
                                                        ? "consistent_hash"
                                                        : "hash_mod")
                                   .add("vnodes", n.shards->vnodes)
                                   .add("migration_keys_per_s", n.shards->migration_keys_per_s)
                                   .str());
        }
        break;
    case NodeKind::Replica:
        break;
    case NodeKind::SessionStore:
    case NodeKind::Cache:
        o.add("cores", n.cores)
            .addRaw("service_ms", distribution(n.service))
            .add("queue_capacity", n.queue_capacity);
        if (n.price_per_hour > 0) o.add("price_per_hour", n.price_per_hour);
        if (n.kind == NodeKind::Cache)
            o.add("capacity_keys", static_cast<double>(n.capacity_keys))
                .add("ttl_s", n.ttl_s)
                .add("on_write", n.on_write == NodeSpec::OnWrite::Update ? "update"
                                 : n.on_write == NodeSpec::OnWrite::None ? "none"
                                                                         : "invalidate")
                .add("coalescing", n.coalescing)
                .add("timeout_ms", n.downstream_timeout_ms);
        break;
    case NodeKind::Queue:
        o.add("consumers", str(n.consumers))
            .add("capacity", n.capacity)
            .add("ack_timeout_ms", n.ack_timeout_ms)
            .add("prefetch", n.prefetch);
        if (n.price_per_hour > 0) o.add("price_per_hour", n.price_per_hour);
        break;
    case NodeKind::RateLimiter:
        o.add("target", str(n.target))
            .add("algorithm", toString(n.limiter))
            .add("limit_rps", n.limit_rps)
            .add("burst", n.burst)
            .add("window_ms", n.window_ms)
            .add("key", n.per_client ? "client" : "global")
            .add("timeout_ms", n.downstream_timeout_ms);
        break;
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

std::string action(const Action& a) {
    Ordered o;
    o.add("at_s", static_cast<double>(a.at_us) / 1e6).add("action", toString(a.kind));
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

template <class T, class F> std::string array(const std::vector<T>& items, F&& f) {
    if (items.empty()) return "[]";
    std::string out = "[\n";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += "    " + f(items[i]) + (i + 1 < items.size() ? ",\n" : "\n");
    return out + "  ]";
}

} // namespace

std::string scenarioToJson(const Scenario& s) {
    std::string out = "{\n";
    auto line = [&](const std::string& key, const std::string& value, bool last = false) {
        out += "  " + Ordered::json(QString::fromStdString(key)) + ": " + value +
               (last ? "\n" : ",\n");
    };
    line("format", "\"clustersim-scenario\"");
    line("version", std::to_string(Scenario::kCurrentVersion));
    line("name", Ordered::json(str(s.name)));
    if (!s.lessonJson.empty())
        line("lesson", s.lessonJson); // the object form, as it was read
    else if (!s.lesson.empty())
        line("lesson", Ordered::json(str(s.lesson)));
    line("seed", Ordered::json(static_cast<double>(s.seed)));
    line("duration_s", Ordered::json(s.duration_s));
    line("metrics_interval_ms", Ordered::json(s.metrics_interval_ms));
    for (const auto& [k, v] : s.preserved) line(k, v);
    line("nodes", array(s.nodes, node));
    line("links", array(s.links, link));
    line("timeline", array(s.timeline, action), true);
    return out + "}\n";
}

std::string saveScenarioFile(const Scenario& s, const std::string& path) {
    return saveFileAtomically(path, scenarioToJson(s));
}

} // namespace cs::core
