// The JSON of the field table's Custom rows, read and written as the file format has them.
#include "FieldObjects.h"

#include "EnumNames.h"
#include "InputFile.h"
#include "Pricing.h"

#include <QDir>

#include <algorithm>

namespace cs::core {
namespace {

// The folder of the scenario being read.
thread_local QString tBaseDir;

QJsonValue str(const std::string& s) {
    return QString::fromStdString(s);
}

// A rate series: "t_s,rps" lines (a header line and blank lines are allowed), times increasing.
std::vector<std::pair<double, double>> readRateSeries(const std::string& name,
                                                      const std::string& at) {
    const QString path = QDir(tBaseDir).filePath(QString::fromStdString(name));
    std::string text, error;
    if (!readInputFile(path.toStdString(), std::uint64_t{64} << 20, text, error))
        throw LoadError{at, "cannot read the rate series: " + error};
    std::vector<std::pair<double, double>> points;
    int lineNo = 0;
    for (const QString& raw : QString::fromStdString(text).split(QLatin1Char('\n'))) {
        ++lineNo;
        const QString line = raw.trimmed();
        if (line.isEmpty()) continue;
        const QStringList cells = line.split(QLatin1Char(','));
        bool okT = false, okR = false;
        const double t = cells.size() == 2 ? cells[0].trimmed().toDouble(&okT) : 0;
        const double rps = cells.size() == 2 ? cells[1].trimmed().toDouble(&okR) : 0;
        if (!okT || !okR) {
            if (lineNo == 1 && points.empty()) continue; // a header
            throw LoadError{at, path.toStdString() + " line " + std::to_string(lineNo) +
                                    ": expected two numbers \"t_s,rps\", got \"" +
                                    line.left(60).toStdString() + "\""};
        }
        if (!std::isfinite(t) || !std::isfinite(rps) || t < 0 || rps < 0 || rps > 1e7)
            throw LoadError{at, path.toStdString() + " line " + std::to_string(lineNo) +
                                    ": times must be >= 0 and rates in [0, 1e7]"};
        if (!points.empty() && t <= points.back().first)
            throw LoadError{at, path.toStdString() + " line " + std::to_string(lineNo) +
                                    ": times must increase"};
        points.emplace_back(t, rps);
    }
    if (points.empty()) throw LoadError{at, path.toStdString() + ": no \"t_s,rps\" lines"};
    return points;
}

std::vector<std::pair<double, double>> readInlinePoints(ObjectReader& wr) {
    const QJsonValue pts = wr.raw("points");
    if (!pts.isArray() || pts.toArray().isEmpty())
        wr.fail("points", "a CSV \"file\" or \"points\": [[t_s, rps], ...]", pts);
    const QJsonArray a = pts.toArray();
    std::vector<std::pair<double, double>> points;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QJsonArray pair = a[i].toArray();
        const std::string pp = wr.at("points") + "[" + std::to_string(i) + "]";
        if (!a[i].isArray() || pair.size() != 2 || !pair[0].isDouble() || !pair[1].isDouble() ||
            pair[0].toDouble() < 0 || pair[1].toDouble() < 0 || pair[1].toDouble() > 1e7)
            throw LoadError{pp, "expected [t_s, rps] with t_s >= 0 and rps in "
                                "[0, 1e7], got " +
                                    describe(a[i])};
        if (!points.empty() && pair[0].toDouble() <= points.back().first)
            throw LoadError{pp, "times must increase"};
        points.emplace_back(pair[0].toDouble(), pair[1].toDouble());
    }
    return points;
}

// Reads each object of the list `key` with `one`.
template <class F> void readObjectList(ObjectReader& ar, const char* key, F&& one) {
    const QJsonValue v = ar.raw(key);
    if (v.isUndefined()) return;
    if (!v.isArray()) ar.fail(key, "an array", v);
    const QJsonArray arr = v.toArray();
    for (qsizetype i = 0; i < arr.size(); ++i) {
        const std::string at = ar.at(key) + "[" + std::to_string(i) + "]";
        if (!arr[i].isObject()) throw LoadError{at, "expected an object"};
        ObjectReader er(arr[i].toObject(), at, ar.warnings());
        one(er);
        er.warnUnknown();
    }
}

} // namespace

void setScenarioBaseDir(const QString& dir) {
    tBaseDir = dir;
}

Distribution readDistribution(ObjectReader& parent, const char* key, Distribution def) {
    const QJsonValue v = parent.raw(key);
    if (v.isUndefined()) return def;
    Distribution d;
    if (v.isDouble()) { // a bare number is a constant
        const double ms = v.toDouble();
        if (!std::isfinite(ms) || ms < 0 || ms > kMaxMs) parent.fail(key, "a number of ms >= 0", v);
        d.kind = Distribution::Kind::Constant;
        d.mean_ms = ms;
        return d;
    }
    if (!v.isObject()) parent.fail(key, "an object like {\"dist\": \"exp\", \"mean\": 5}", v);
    std::vector<std::string> sink;
    ObjectReader r(v.toObject(), parent.at(key), sink);
    using K = Distribution::Kind;
    d.kind = *enumFromName<K>(r.choice("dist", enumName(K::Exponential), enumNames<K>()));
    if (d.kind == K::Exponential) {
        d.mean_ms = r.offOr("mean", 5.0, kMinMs, kMaxMs, true);
    } else if (d.kind == K::Constant) {
        d.mean_ms = r.number(r.has("value") ? "value" : "mean", 5.0, 0.0, kMaxMs, true);
    } else {
        d.median_ms = r.number("median", 5.0, kMinMs, kMaxMs, true);
        d.p99_ms = r.offOr("p99", d.median_ms, kMinMs, kMaxMs);
        if (d.p99_ms < d.median_ms)
            throw LoadError{r.at("p99"),
                            "must be at least the median (" + ObjectReader::fmt(d.median_ms) + ")"};
        d.mean_ms = d.mean();
    }
    r.warnUnknown();
    for (auto& w : sink) parent.fail(key, "no unknown fields (" + w + ")", v);
    return d;
}

std::string distributionJson(const Distribution& d) {
    Ordered o;
    switch (d.kind) {
    case Distribution::Kind::Exponential:
        o.add("dist", enumName(d.kind)).add("mean", d.mean_ms);
        break;
    case Distribution::Kind::Constant:
        o.add("dist", enumName(d.kind)).add("value", d.mean_ms);
        break;
    case Distribution::Kind::Lognormal:
        o.add("dist", enumName(d.kind)).add("median", d.median_ms).add("p99", d.p99_ms);
        break;
    }
    return o.str();
}

namespace fields {

void readKeys(ObjectReader& r, NodeSpec& n) {
    const QJsonObject keys = r.object("keys");
    if (keys.isEmpty()) return;
    ObjectReader kr(keys, r.at("keys"), r.warnings());
    n.key_count = static_cast<std::uint64_t>(kr.integer("count", 1000, 1, 10'000'000));
    n.zipf_s = kr.number("zipf_s", 0.0, 0.0, 10.0);
    kr.warnUnknown();
}
void writeKeys(Ordered& o, const NodeSpec& n) {
    o.addRaw(
        "keys",
        Ordered().add("count", static_cast<double>(n.key_count)).add("zipf_s", n.zipf_s).str());
}

void readBackoff(ObjectReader& r, NodeSpec& n) {
    const QJsonObject b = r.object("retry_backoff_ms");
    if (b.isEmpty()) return;
    ObjectReader br(b, r.at("retry_backoff_ms"), r.warnings());
    n.backoff.base_ms = br.offOr("base", n.backoff.base_ms, kMinMs, kMaxMs);
    n.backoff.max_ms =
        br.offOr("max", std::max(n.backoff.max_ms, n.backoff.base_ms), kMinMs, kMaxMs);
    if (n.backoff.max_ms < n.backoff.base_ms)
        throw LoadError{br.at("max"),
                        "must be at least base (" + ObjectReader::fmt(n.backoff.base_ms) + ")"};
    n.backoff.jitter = br.boolean("jitter", true);
    br.warnUnknown();
}
void writeBackoff(Ordered& o, const NodeSpec& n) {
    o.addRaw("retry_backoff_ms", Ordered()
                                     .add("base", n.backoff.base_ms)
                                     .add("max", n.backoff.max_ms)
                                     .add("jitter", n.backoff.jitter)
                                     .str());
}

void readWorkload(ObjectReader& r, NodeSpec& n) {
    const QJsonObject wl = r.object("workload");
    if (wl.isEmpty()) return;
    ObjectReader wr(wl, r.at("workload"), r.warnings());
    using S = Workload::Shape;
    Workload& w = n.workload;
    w.shape = *enumFromName<S>(wr.choice("shape", enumName(S::Constant), enumNames<S>()));
    switch (w.shape) {
    case S::Constant:
        break;
    case S::Step:
        w.at_s = wr.number("at_s", 0, 0, 1e9, true);
        w.to_rps = wr.offOr("to_rps", 0, kMinRate, 1e7, true);
        break;
    case S::Spike:
        w.start_s = wr.number("start_s", 0, 0, 1e9, true);
        w.ramp_s = wr.offOr("ramp_s", 0, kMinPerS, 1e9);
        w.hold_s = wr.number("hold_s", 0, 0, 1e9, true);
        w.peak_rps = wr.offOr("peak_rps", 0, kMinRate, 1e7, true);
        break;
    case S::Diurnal:
        w.period_s = wr.number("period_s", 60, 0.001, 1e9, true);
        w.amplitude = wr.number("amplitude", 0.5, 0, 1);
        break;
    case S::Bursts:
        w.on_s = wr.number("on_s", 1, 0.001, 1e9, true);
        w.off_s = wr.number("off_s", 1, 0.001, 1e9, true);
        w.burst_rps = wr.offOr("burst_rps", 0, kMinRate, 1e7, true);
        break;
    case S::Series:
        w.file = wr.string("file", "");
        w.points = w.file.empty() ? readInlinePoints(wr) : readRateSeries(w.file, wr.at("file"));
        break;
    }
    wr.warnUnknown();
}
void writeWorkload(Ordered& o, const NodeSpec& n) {
    const Workload& w = n.workload;
    Ordered j;
    j.add("shape", enumName(w.shape));
    switch (w.shape) {
    case Workload::Shape::Constant:
        return; // the default: no key
    case Workload::Shape::Step:
        j.add("at_s", w.at_s).add("to_rps", w.to_rps);
        break;
    case Workload::Shape::Spike:
        j.add("start_s", w.start_s)
            .add("ramp_s", w.ramp_s)
            .add("hold_s", w.hold_s)
            .add("peak_rps", w.peak_rps);
        break;
    case Workload::Shape::Diurnal:
        j.add("period_s", w.period_s).add("amplitude", w.amplitude);
        break;
    case Workload::Shape::Bursts:
        j.add("on_s", w.on_s).add("off_s", w.off_s).add("burst_rps", w.burst_rps);
        break;
    case Workload::Shape::Series:
        if (!w.file.empty()) {
            j.add("file", str(w.file));
        } else {
            QJsonArray pts;
            for (const auto& [t, r] : w.points) pts.append(QJsonArray{t, r});
            j.add("points", pts);
        }
        break;
    }
    o.addRaw("workload", j.str());
}

void readService(ObjectReader& r, NodeSpec& n) {
    // A group's instance defaults to one core and 5 ms; a datastore to a small database server
    // (1 ms per operation); the small in-memory stores to sub-millisecond constant lookups.
    Distribution def;
    if (n.kind == NodeKind::Datastore) def.mean_ms = 1.0;
    if (n.kind == NodeKind::Cache || n.kind == NodeKind::SessionStore) {
        def.kind = Distribution::Kind::Constant;
        def.mean_ms = n.kind == NodeKind::Cache ? 0.2 : 0.5;
    }
    n.service = readDistribution(r, "service_ms", def);
}
void writeService(Ordered& o, const NodeSpec& n) {
    o.addRaw("service_ms", distributionJson(n.service));
}

void readParallelFraction(ObjectReader& r, NodeSpec& n) {
    if (r.has("parallel_fraction"))
        n.parallel_fraction = r.number("parallel_fraction", 1.0, 0.0, 1.0);
}
void writeParallelFraction(Ordered& o, const NodeSpec& n) {
    if (n.parallel_fraction) o.add("parallel_fraction", *n.parallel_fraction);
}

void readBatching(ObjectReader& r, NodeSpec& n) {
    const QJsonObject bo = r.object("batching");
    if (bo.isEmpty()) return;
    ObjectReader br(bo, r.at("batching"), r.warnings());
    NodeSpec::Batching b;
    b.size = static_cast<int>(br.integer("size", 10, 1, 100000));
    b.max_wait_ms = br.offOr("max_wait_ms", 10, kMinMs, kMaxMs);
    b.overhead_ms = br.offOr("overhead_ms", 5, kMinMs, kMaxMs);
    b.per_item_ms = br.offOr("per_item_ms", 0.5, kMinMs, kMaxMs);
    br.warnUnknown();
    n.batching = b;
}
void writeBatching(Ordered& o, const NodeSpec& n) {
    if (!n.batching) return;
    o.addRaw("batching", Ordered()
                             .add("size", n.batching->size)
                             .add("max_wait_ms", n.batching->max_wait_ms)
                             .add("overhead_ms", n.batching->overhead_ms)
                             .add("per_item_ms", n.batching->per_item_ms)
                             .str());
}

void readAutoscaling(ObjectReader& r, NodeSpec& n) {
    const QJsonObject as = r.object("autoscaling");
    if (as.isEmpty()) return;
    ObjectReader ar(as, r.at("autoscaling"), r.warnings());
    Autoscaling a;
    using P = Autoscaling::Policy;
    a.policy = enumFromName<P>(ar.choice("policy", enumName(P::Manual), enumNames<P>()))
                   .value_or(P::Manual);
    a.min = static_cast<int>(ar.integer("min", 1, 0, 1000));
    a.max = static_cast<int>(ar.integer("max", std::max(a.min, 10), 0, 1000));
    if (a.max < a.min) throw LoadError{ar.at("max"), "must be at least min"};
    a.cooldown_s = ar.number("cooldown_s", 30, 0, 1e6);
    a.warmup_s = ar.number("warmup_s", 10, 0, 1e6);
    a.evaluation_s = ar.number("evaluation_s", 5, 0.01, 1e6);
    a.target_utilization = ar.number("target_utilization", 0.6, 0.01, 1);
    a.target_queue_depth = ar.number("target_queue_depth", 0, 0, 1e7);
    readObjectList(ar, "steps", [&](ObjectReader& er) {
        Autoscaling::StepRule s;
        s.above = er.number("above", 2, 0, 2);
        s.below = er.number("below", -1, -1, 1);
        if (s.above > 1 && s.below < 0) throw LoadError{er.at("above"), "or below is required"};
        s.add = static_cast<int>(er.integer("add", 0, -1000, 1000));
        a.steps.push_back(s);
    });
    readObjectList(ar, "schedule", [&](ObjectReader& er) {
        Autoscaling::Scheduled s;
        s.at_s = er.number("at_s", 0, 0, 1e9, true);
        s.desired = static_cast<int>(er.integer("desired", 1, 0, 1000));
        a.schedule.push_back(s);
    });
    ar.warnUnknown();
    n.autoscaling = a;
}
void writeAutoscaling(Ordered& o, const NodeSpec& n) {
    if (!n.autoscaling) return;
    const Autoscaling& a = *n.autoscaling;
    Ordered as;
    as.add("policy", enumName(a.policy))
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

void readGc(ObjectReader& r, NodeSpec& n) {
    const QJsonObject gc = r.object("gc");
    if (gc.isEmpty()) return;
    ObjectReader gr(gc, r.at("gc"), r.warnings());
    NodeSpec::Gc g;
    g.interval_ms = gr.number("interval_ms", 1000, 1, 1e9, true);
    g.pause_ms = gr.offOr("pause_ms", 50, kMinMs, 1e9, true);
    if (g.pause_ms >= g.interval_ms)
        throw LoadError{gr.at("pause_ms"), "must be shorter than interval_ms"};
    gr.warnUnknown();
    n.gc = g;
}
void writeGc(Ordered& o, const NodeSpec& n) {
    if (n.gc)
        o.addRaw(
            "gc",
            Ordered().add("interval_ms", n.gc->interval_ms).add("pause_ms", n.gc->pause_ms).str());
}

void readReplicas(ObjectReader& r, NodeSpec& n) {
    const QJsonValue reps = r.raw("replicas");
    if (reps.isUndefined()) return;
    if (!reps.isArray()) r.fail("replicas", "an array of replica ids", reps);
    const QJsonArray a = reps.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a[i].isString())
            throw LoadError{r.at("replicas") + "[" + std::to_string(i) + "]",
                            "expected a replica id, got " + describe(a[i])};
        n.replicas.push_back(a[i].toString().toStdString());
    }
}
void writeReplicas(Ordered& o, const NodeSpec& n) {
    QJsonArray reps;
    for (const auto& id : n.replicas) reps.append(str(id));
    o.add("replicas", reps);
}

// `n` repeats the number of replicas: a check, not a value of its own.
void readReplicaCount(ObjectReader& r, NodeSpec& n) {
    const auto replicas = static_cast<std::int64_t>(n.replicas.size());
    const auto count = r.integer("n", replicas, 0, 64);
    if (!n.replicas.empty() && count != replicas)
        throw LoadError{r.at("n"), "is " + std::to_string(count) + " but there are " +
                                       std::to_string(replicas) +
                                       " replicas (n is the number of replicas)"};
}
void writeReplicaCount(Ordered& o, const NodeSpec& n) {
    o.add("n", static_cast<int>(n.replicas.size()));
}

void readElectionTimeout(ObjectReader& r, NodeSpec& n) {
    const QJsonObject et = r.object("election_timeout_ms");
    if (et.isEmpty()) return;
    ObjectReader er(et, r.at("election_timeout_ms"), r.warnings());
    n.election_timeout_min_ms = er.number("min", 150, 1, kMaxMs);
    n.election_timeout_max_ms =
        er.number("max", std::max(300.0, n.election_timeout_min_ms), 1, kMaxMs);
    if (n.election_timeout_max_ms < n.election_timeout_min_ms)
        throw LoadError{er.at("max"), "must be at least min"};
    er.warnUnknown();
}
void writeElectionTimeout(Ordered& o, const NodeSpec& n) {
    o.addRaw("election_timeout_ms", Ordered()
                                        .add("min", n.election_timeout_min_ms)
                                        .add("max", n.election_timeout_max_ms)
                                        .str());
}

void readShards(ObjectReader& r, NodeSpec& n) {
    const QJsonObject sh = r.object("shards");
    if (sh.isEmpty()) return;
    if (!n.replicas.empty())
        throw LoadError{r.at("shards"), "a store is either sharded or replicated here, not both"};
    ObjectReader sr(sh, r.at("shards"), r.warnings());
    using S = NodeSpec::Shards::Strategy;
    NodeSpec::Shards s;
    s.count = static_cast<int>(sr.integer("count", 2, 1, 256));
    s.strategy = *enumFromName<S>(sr.choice("strategy", enumName(S::HashMod), enumNames<S>()));
    s.vnodes = static_cast<int>(sr.integer("vnodes", 64, 1, 4096));
    s.migration_keys_per_s = sr.number("migration_keys_per_s", 2000, 1, 1e9);
    sr.warnUnknown();
    n.shards = s;
}
void writeShards(Ordered& o, const NodeSpec& n) {
    if (!n.shards) return;
    o.addRaw("shards", Ordered()
                           .add("count", n.shards->count)
                           .add("strategy", enumName(n.shards->strategy))
                           .add("vnodes", n.shards->vnodes)
                           .add("migration_keys_per_s", n.shards->migration_keys_per_s)
                           .str());
}

} // namespace fields
} // namespace cs::core
