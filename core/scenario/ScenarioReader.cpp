// Parses a scenario document, tracking the JSON path of every value for error messages.
#include "Pricing.h"
#include "ScenarioIO.h"
#include "ScenarioLesson.h"

#include "InputFile.h"
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

struct LoadError {
    std::string path, message;
};

// The folder of the scenario being read: files it names (a workload's rate series) are relative
// to it.
thread_local QString tBaseDir;

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

std::string describe(const QJsonValue& v) {
    switch (v.type()) {
    case QJsonValue::Null:
        return "null";
    case QJsonValue::Bool:
        return v.toBool() ? "true" : "false";
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest).toStdString();
    case QJsonValue::String: {
        auto s = v.toString();
        if (s.size() > 40) s = s.left(40) + QStringLiteral("...");
        return "\"" + s.toStdString() + "\"";
    }
    case QJsonValue::Array:
        return "an array";
    case QJsonValue::Object:
        return "an object";
    case QJsonValue::Undefined:
        return "nothing";
    }
    return "?";
}

// Reads one JSON object's fields; records which keys were consumed so the rest can be warned about.
class ObjectReader {
public:
    ObjectReader(const QJsonObject& o, std::string path, std::vector<std::string>& warnings)
        : o_(o), path_(std::move(path)), warnings_(warnings) {}

    std::string at(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
    bool has(const char* key) const { return o_.contains(QLatin1String(key)); }
    QJsonValue raw(const char* key) {
        used_.insert(key);
        return o_.value(QLatin1String(key));
    }
    [[noreturn]] void fail(const std::string& key, const std::string& expected,
                           const QJsonValue& got) const {
        throw LoadError{at(key), "expected " + expected + ", got " + describe(got)};
    }

    double number(const char* key, double def, double lo, double hi, bool required = false) {
        const QJsonValue v = raw(key);
        if (v.isUndefined()) {
            if (required) throw LoadError{at(key), "is required (a number)"};
            return def;
        }
        const std::string range = "a number in [" + fmt(lo) + ", " + fmt(hi) + "]";
        if (!v.isDouble()) fail(key, range, v);
        const double d = v.toDouble();
        if (!std::isfinite(d) || d < lo || d > hi) fail(key, range, v);
        return d;
    }
    // 0 (off, or instantaneous), or a number in [lo, hi]: a time or rate so small the microsecond
    // clock cannot hold it (a rate of 1e-300 draws gaps past the end of time) is an error.
    double offOr(const char* key, double def, double lo, double hi, bool required = false) {
        const double d = number(key, def, 0.0, hi, required);
        if (d != 0.0 && d < lo)
            throw LoadError{at(key), "expected 0 or a number in [" + fmt(lo) + ", " + fmt(hi) +
                                         "] (the clock counts microseconds), got " + fmt(d)};
        return d;
    }
    std::int64_t integer(const char* key, std::int64_t def, std::int64_t lo, std::int64_t hi) {
        const QJsonValue v = raw(key);
        if (v.isUndefined()) return def;
        const std::string range =
            "an integer in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]";
        if (!v.isDouble()) fail(key, range, v);
        const double d = v.toDouble();
        if (!std::isfinite(d) || d != std::floor(d) || d < static_cast<double>(lo) ||
            d > static_cast<double>(hi))
            fail(key, range, v);
        return static_cast<std::int64_t>(d);
    }
    bool boolean(const char* key, bool def) {
        const QJsonValue v = raw(key);
        if (v.isUndefined()) return def;
        if (!v.isBool()) fail(key, "true or false", v);
        return v.toBool();
    }
    std::string string(const char* key, const std::string& def, bool required = false) {
        const QJsonValue v = raw(key);
        if (v.isUndefined()) {
            if (required) throw LoadError{at(key), "is required (a string)"};
            return def;
        }
        if (!v.isString()) fail(key, "a string", v);
        return v.toString().toStdString();
    }
    std::string choice(const char* key, const std::string& def,
                       std::initializer_list<const char*> allowed) {
        const QJsonValue v = raw(key);
        if (v.isUndefined()) return def;
        std::string list;
        for (const char* a : allowed)
            list += (list.empty() ? "" : ", ") + std::string("\"") + a + "\"";
        if (!v.isString()) fail(key, "one of " + list, v);
        const std::string s = v.toString().toStdString();
        for (const char* a : allowed)
            if (s == a) return s;
        fail(key, "one of " + list, v);
    }
    QJsonObject object(const char* key) {
        const QJsonValue v = raw(key);
        if (v.isUndefined()) return {};
        if (!v.isObject()) fail(key, "an object", v);
        return v.toObject();
    }
    // Keeps fields of models not built yet, verbatim, without a warning.
    void preserve(std::initializer_list<const char*> keys,
                  std::map<std::string, std::string>& out) {
        for (const char* k : keys) {
            if (!has(k)) continue;
            const QJsonValue v = raw(k);
            QJsonArray wrap{v};
            QByteArray text = QJsonDocument(wrap).toJson(QJsonDocument::Compact);
            out[k] = text.mid(1, text.size() - 2).toStdString();
        }
    }
    void warnUnknown() const {
        for (auto it = o_.begin(); it != o_.end(); ++it) {
            const std::string k = it.key().toStdString();
            if (!used_.count(k)) warnings_.push_back(at(k) + ": unknown field, ignored");
        }
    }
    static std::string fmt(double d) { return QByteArray::number(d, 'g', 10).toStdString(); }

private:
    QJsonObject o_;
    std::string path_;
    std::vector<std::string>& warnings_;
    std::set<std::string> used_;
};

constexpr double kHuge = 1e9;
constexpr double kMaxMs = 1e9;
constexpr double kMinMs = 0.001;  // one tick of the microsecond clock
constexpr double kMinRate = 1e-6; // requests per second: one every 11.6 days
constexpr double kMinPerS = 1e-6; // other rates and durations in seconds

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
    const std::string dist = r.choice("dist", "exp", {"exp", "const", "lognormal"});
    if (dist == "exp") {
        d.kind = Distribution::Kind::Exponential;
        d.mean_ms = r.offOr("mean", 5.0, kMinMs, kMaxMs, true);
    } else if (dist == "const") {
        d.kind = Distribution::Kind::Constant;
        d.mean_ms = r.number(r.has("value") ? "value" : "mean", 5.0, 0.0, kMaxMs, true);
    } else {
        d.kind = Distribution::Kind::Lognormal;
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
    const std::string kind =
        r.choice("kind", "",
                 {"client", "load_balancer", "service_group", "datastore", "replica",
                  "session_store", "cache", "rate_limiter", "queue"});
    if (kind.empty()) throw LoadError{r.at("kind"), "is required"};
    n.kind = *nodeKindFromString(kind);
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
    switch (n.kind) {
    case NodeKind::Client: {
        n.target = r.string("target", "", true);
        n.rate_rps = r.offOr("rate_rps", n.rate_rps, kMinRate, 1e7);
        n.read_fraction = r.number("read_fraction", n.read_fraction, 0.0, 1.0);
        n.write_kind = r.choice("write_kind", "increment", {"increment", "set"}) == "set"
                           ? WriteKind::Set
                           : WriteKind::Increment;
        const QJsonObject keys = r.object("keys");
        if (!keys.isEmpty()) {
            ObjectReader kr(keys, r.at("keys"), warnings);
            n.key_count = static_cast<std::uint64_t>(kr.integer("count", 1000, 1, 10'000'000));
            n.zipf_s = kr.number("zipf_s", 0.0, 0.0, 10.0);
            kr.warnUnknown();
        }
        n.sessions = static_cast<std::uint32_t>(r.integer("sessions", n.sessions, 1, 10'000'000));
        n.timeout_ms = r.number("timeout_ms", n.timeout_ms, 0.001, kMaxMs);
        n.retries = static_cast<int>(r.integer("retries", 0, 0, 100));
        const QJsonObject b = r.object("retry_backoff_ms");
        if (!b.isEmpty()) {
            ObjectReader br(b, r.at("retry_backoff_ms"), warnings);
            n.backoff.base_ms = br.offOr("base", n.backoff.base_ms, kMinMs, kMaxMs);
            n.backoff.max_ms =
                br.offOr("max", std::max(n.backoff.max_ms, n.backoff.base_ms), kMinMs, kMaxMs);
            if (n.backoff.max_ms < n.backoff.base_ms)
                throw LoadError{br.at("max"), "must be at least base (" +
                                                  ObjectReader::fmt(n.backoff.base_ms) + ")"};
            n.backoff.jitter = br.boolean("jitter", true);
            br.warnUnknown();
        }
        n.idempotency_keys = r.boolean("idempotency_keys", false);
        auto level = [&](const char* key) {
            const std::string l = r.choice(key, "default", {"default", "one", "quorum", "all"});
            return l == "one"      ? Level::One
                   : l == "quorum" ? Level::Quorum
                   : l == "all"    ? Level::All
                                   : Level::Default;
        };
        n.read_level = level("read_level");
        n.write_level = level("write_level");
        n.read_your_writes = r.boolean("read_your_writes", false);
        n.monotonic_reads = r.boolean("monotonic_reads", false);
        const QJsonObject wl = r.object("workload");
        if (!wl.isEmpty()) {
            ObjectReader wr(wl, r.at("workload"), warnings);
            const std::string shape = wr.choice(
                "shape", "constant", {"constant", "step", "spike", "diurnal", "bursts", "series"});
            Workload& w = n.workload;
            if (shape == "step") {
                w.shape = Workload::Shape::Step;
                w.at_s = wr.number("at_s", 0, 0, 1e9, true);
                w.to_rps = wr.offOr("to_rps", 0, kMinRate, 1e7, true);
            } else if (shape == "spike") {
                w.shape = Workload::Shape::Spike;
                w.start_s = wr.number("start_s", 0, 0, 1e9, true);
                w.ramp_s = wr.offOr("ramp_s", 0, kMinPerS, 1e9);
                w.hold_s = wr.number("hold_s", 0, 0, 1e9, true);
                w.peak_rps = wr.offOr("peak_rps", 0, kMinRate, 1e7, true);
            } else if (shape == "diurnal") {
                w.shape = Workload::Shape::Diurnal;
                w.period_s = wr.number("period_s", 60, 0.001, 1e9, true);
                w.amplitude = wr.number("amplitude", 0.5, 0, 1);
            } else if (shape == "bursts") {
                w.shape = Workload::Shape::Bursts;
                w.on_s = wr.number("on_s", 1, 0.001, 1e9, true);
                w.off_s = wr.number("off_s", 1, 0.001, 1e9, true);
                w.burst_rps = wr.offOr("burst_rps", 0, kMinRate, 1e7, true);
            } else if (shape == "series") {
                w.shape = Workload::Shape::Series;
                w.file = wr.string("file", "");
                if (!w.file.empty()) {
                    w.points = readRateSeries(w.file, wr.at("file"));
                } else {
                    const QJsonValue pts = wr.raw("points");
                    if (!pts.isArray() || pts.toArray().isEmpty())
                        wr.fail("points", "a CSV \"file\" or \"points\": [[t_s, rps], ...]", pts);
                    const QJsonArray a = pts.toArray();
                    for (qsizetype i = 0; i < a.size(); ++i) {
                        const QJsonArray pair = a[i].toArray();
                        const std::string pp = wr.at("points") + "[" + std::to_string(i) + "]";
                        if (!a[i].isArray() || pair.size() != 2 || !pair[0].isDouble() ||
                            !pair[1].isDouble() || pair[0].toDouble() < 0 ||
                            pair[1].toDouble() < 0 || pair[1].toDouble() > 1e7)
                            throw LoadError{pp, "expected [t_s, rps] with t_s >= 0 and rps in "
                                                "[0, 1e7], got " +
                                                    describe(a[i])};
                        if (!w.points.empty() && pair[0].toDouble() <= w.points.back().first)
                            throw LoadError{pp, "times must increase"};
                        w.points.emplace_back(pair[0].toDouble(), pair[1].toDouble());
                    }
                }
            }
            wr.warnUnknown();
        }
        n.honor_retry_after = r.boolean("honor_retry_after", false);
        r.preserve({"idempotency_ttl_s"}, n.preserved);
        break;
    }
    case NodeKind::LoadBalancer:
        n.algorithm = *lbAlgorithmFromString(
            r.choice("algorithm", "round_robin", {"round_robin", "least_outstanding", "random"}));
        n.group = r.string("group", "", true);
        n.health_check_interval_ms = r.number("health_check_interval_ms", 1000.0, 1.0, 3.6e6);
        n.downstream_timeout_ms = r.number("timeout_ms", 5000.0, 0.001, kMaxMs);
        break;
    case NodeKind::ServiceGroup:
    case NodeKind::Datastore: {
        const bool group = n.kind == NodeKind::ServiceGroup;
        if (group) n.instances = static_cast<int>(r.integer("instances", 1, 0, 1000));
        // A datastore defaults to a small database server (4 cores, 1 ms per operation); an
        // instance to one core and 5 ms.
        Distribution defaultService;
        if (!group) defaultService.mean_ms = 1.0;
        n.cores = static_cast<int>(r.integer("cores", group ? 1 : 4, 1, kMaxCores));
        if (const QJsonValue pf = r.raw("parallel_fraction"); !pf.isUndefined())
            n.parallel_fraction = r.number("parallel_fraction", 1.0, 0.0, 1.0);
        n.price_per_hour = r.number("price_per_hour", 0.0, 0.0, 1e6);
        n.resize_downtime_s = r.number("resize_downtime_s", 30.0, 0.0, 1e6);
        n.service = readDistribution(r, "service_ms", defaultService);
        n.queue_capacity = static_cast<int>(r.integer("queue_capacity", 100, 0, 10'000'000));
        if (group) {
            n.state = r.choice("state", "stateless", {"stateless", "stateful"}) == "stateful"
                          ? ServiceState::Stateful
                          : ServiceState::Stateless;
            n.datastore = r.string("datastore", "");
            n.session_store = r.string("session_store", "");
            n.cache = r.string("cache", "");
            n.queue = r.string("queue", "");
            n.db_pool = static_cast<int>(r.integer("db_pool", 0, 0, 1'000'000));
            n.async_io = r.boolean("async_io", false);
            n.downstream_timeout_ms = r.number("timeout_ms", 1000.0, 0.001, kMaxMs);
            const QJsonObject as = r.object("autoscaling");
            if (!as.isEmpty()) {
                ObjectReader ar(as, r.at("autoscaling"), warnings);
                Autoscaling a;
                const std::string policy = ar.choice(
                    "policy", "manual", {"manual", "step", "target_tracking", "scheduled"});
                a.policy = scalingPolicyFromString(policy).value_or(Autoscaling::Policy::Manual);
                a.min = static_cast<int>(ar.integer("min", 1, 0, 1000));
                a.max = static_cast<int>(ar.integer("max", std::max(a.min, 10), 0, 1000));
                if (a.max < a.min) throw LoadError{ar.at("max"), "must be at least min"};
                a.cooldown_s = ar.number("cooldown_s", 30, 0, 1e6);
                a.warmup_s = ar.number("warmup_s", 10, 0, 1e6);
                a.evaluation_s = ar.number("evaluation_s", 5, 0.01, 1e6);
                a.target_utilization = ar.number("target_utilization", 0.6, 0.01, 1);
                a.target_queue_depth = ar.number("target_queue_depth", 0, 0, 1e7);
                auto list = [&](const char* key, auto&& one) {
                    const QJsonValue v = ar.raw(key);
                    if (v.isUndefined()) return;
                    if (!v.isArray()) ar.fail(key, "an array", v);
                    const QJsonArray arr = v.toArray();
                    for (qsizetype i = 0; i < arr.size(); ++i) {
                        if (!arr[i].isObject())
                            throw LoadError{ar.at(key) + "[" + std::to_string(i) + "]",
                                            "expected an object"};
                        ObjectReader er(arr[i].toObject(),
                                        ar.at(key) + "[" + std::to_string(i) + "]", warnings);
                        one(er);
                        er.warnUnknown();
                    }
                };
                list("steps", [&](ObjectReader& er) {
                    Autoscaling::StepRule s;
                    s.above = er.number("above", 2, 0, 2);
                    s.below = er.number("below", -1, -1, 1);
                    if (s.above > 1 && s.below < 0)
                        throw LoadError{er.at("above"), "or below is required"};
                    s.add = static_cast<int>(er.integer("add", 0, -1000, 1000));
                    a.steps.push_back(s);
                });
                list("schedule", [&](ObjectReader& er) {
                    Autoscaling::Scheduled s;
                    s.at_s = er.number("at_s", 0, 0, 1e9, true);
                    s.desired = static_cast<int>(er.integer("desired", 1, 0, 1000));
                    a.schedule.push_back(s);
                });
                ar.warnUnknown();
                n.autoscaling = a;
            }
            const QJsonObject gc = r.object("gc");
            if (!gc.isEmpty()) {
                ObjectReader gr(gc, r.at("gc"), warnings);
                NodeSpec::Gc g;
                g.interval_ms = gr.number("interval_ms", 1000, 1, 1e9, true);
                g.pause_ms = gr.offOr("pause_ms", 50, kMinMs, 1e9, true);
                if (g.pause_ms >= g.interval_ms)
                    throw LoadError{gr.at("pause_ms"), "must be shorter than interval_ms"};
                gr.warnUnknown();
                n.gc = g;
            }
            const QJsonObject bo = r.object("batching");
            if (!bo.isEmpty()) {
                ObjectReader br(bo, r.at("batching"), warnings);
                NodeSpec::Batching b;
                b.size = static_cast<int>(br.integer("size", 10, 1, 100000));
                b.max_wait_ms = br.offOr("max_wait_ms", 10, kMinMs, kMaxMs);
                b.overhead_ms = br.offOr("overhead_ms", 5, kMinMs, kMaxMs);
                b.per_item_ms = br.offOr("per_item_ms", 0.5, kMinMs, kMaxMs);
                br.warnUnknown();
                n.batching = b;
            }
            r.preserve({"size", "connection_pool"}, n.preserved);
        } else {
            const QJsonValue reps = r.raw("replicas");
            if (!reps.isUndefined()) {
                if (!reps.isArray()) r.fail("replicas", "an array of replica ids", reps);
                const QJsonArray a = reps.toArray();
                for (qsizetype i = 0; i < a.size(); ++i) {
                    if (!a[i].isString())
                        throw LoadError{r.at("replicas") + "[" + std::to_string(i) + "]",
                                        "expected a replica id, got " + describe(a[i])};
                    n.replicas.push_back(a[i].toString().toStdString());
                }
            }
            n.mode = r.choice("mode", "CP", {"CP", "AP"}) == "AP" ? StoreMode::AP : StoreMode::CP;
            const auto replicas = static_cast<std::int64_t>(n.replicas.size());
            const auto count = r.integer("n", replicas, 0, 64);
            if (!n.replicas.empty() && count != replicas)
                throw LoadError{r.at("n"), "is " + std::to_string(count) + " but there are " +
                                               std::to_string(replicas) +
                                               " replicas (n is the number of replicas)"};
            n.r = static_cast<int>(r.integer("r", 0, 0, std::max<std::int64_t>(replicas, 1)));
            n.w = static_cast<int>(r.integer("w", 0, 0, std::max<std::int64_t>(replicas, 1)));
            n.conflicts =
                r.choice("conflicts", "lww", {"lww", "version_vectors"}) == "version_vectors"
                    ? ConflictPolicy::VersionVectors
                    : ConflictPolicy::Lww;
            n.read_from = r.choice("read_from", "leader", {"leader", "replicas"}) == "replicas"
                              ? ReadFrom::Replicas
                              : ReadFrom::Leader;
            n.quorum_timeout_ms = r.number("quorum_timeout_ms", 500, 1, kMaxMs);
            const QJsonObject et = r.object("election_timeout_ms");
            if (!et.isEmpty()) {
                ObjectReader er(et, r.at("election_timeout_ms"), warnings);
                n.election_timeout_min_ms = er.number("min", 150, 1, kMaxMs);
                n.election_timeout_max_ms =
                    er.number("max", std::max(300.0, n.election_timeout_min_ms), 1, kMaxMs);
                if (n.election_timeout_max_ms < n.election_timeout_min_ms)
                    throw LoadError{er.at("max"), "must be at least min"};
                er.warnUnknown();
            }
            n.heartbeat_ms = r.number("heartbeat_ms", 50, 1, kMaxMs);
            n.pre_vote = r.boolean("pre_vote", true);
            if (n.heartbeat_ms * 2 > n.election_timeout_min_ms)
                throw LoadError{r.at("heartbeat_ms"),
                                "must be at most half of election_timeout_ms.min (" +
                                    ObjectReader::fmt(n.election_timeout_min_ms) + ")"};
            n.anti_entropy_interval_ms = r.number("anti_entropy_interval_ms", 1000, 1, kMaxMs);
            n.anti_entropy_keys_per_s = r.offOr("anti_entropy_keys_per_s", 2000, kMinPerS, 1e9);
            n.idempotency_ttl_s = r.number("idempotency_ttl_s", 60, 0, 1e9);
            const QJsonObject sh = r.object("shards");
            if (!sh.isEmpty()) {
                if (!n.replicas.empty())
                    throw LoadError{r.at("shards"), "a store is either sharded or replicated here, "
                                                    "not both"};
                ObjectReader sr(sh, r.at("shards"), warnings);
                NodeSpec::Shards s;
                s.count = static_cast<int>(sr.integer("count", 2, 1, 256));
                const std::string strategy =
                    sr.choice("strategy", "hash_mod", {"hash_mod", "range", "consistent_hash"});
                s.strategy = strategy == "range" ? NodeSpec::Shards::Strategy::Range
                             : strategy == "consistent_hash"
                                 ? NodeSpec::Shards::Strategy::ConsistentHash
                                 : NodeSpec::Shards::Strategy::HashMod;
                s.vnodes = static_cast<int>(sr.integer("vnodes", 64, 1, 4096));
                s.migration_keys_per_s = sr.number("migration_keys_per_s", 2000, 1, 1e9);
                sr.warnUnknown();
                n.shards = s;
            }
            r.preserve({"sharding"}, n.preserved);
        }
        break;
    }
    case NodeKind::Replica:
        break;
    case NodeKind::SessionStore:
    case NodeKind::Cache: {
        // Small in-memory stores: many cores, sub-millisecond work.
        Distribution d;
        d.kind = Distribution::Kind::Constant;
        d.mean_ms = n.kind == NodeKind::Cache ? 0.2 : 0.5;
        n.cores = static_cast<int>(r.integer("cores", 4, 1, kMaxCores));
        n.service = readDistribution(r, "service_ms", d);
        n.queue_capacity = static_cast<int>(r.integer("queue_capacity", 1000, 0, 10'000'000));
        n.price_per_hour = r.number("price_per_hour", 0.0, 0.0, 1e6);
        if (n.kind == NodeKind::Cache) {
            n.capacity_keys =
                static_cast<std::uint64_t>(r.integer("capacity_keys", 1000, 1, 10'000'000));
            n.ttl_s = r.offOr("ttl_s", 0, kMinPerS, 1e9);
            const std::string onWrite =
                r.choice("on_write", "invalidate", {"invalidate", "update", "none"});
            n.on_write = onWrite == "update" ? NodeSpec::OnWrite::Update
                         : onWrite == "none" ? NodeSpec::OnWrite::None
                                             : NodeSpec::OnWrite::Invalidate;
            n.coalescing = r.boolean("coalescing", false);
            n.downstream_timeout_ms = r.number("timeout_ms", 1000.0, 0.001, kMaxMs);
        }
        break;
    }
    case NodeKind::Queue:
        n.consumers = r.string("consumers", "", true);
        n.capacity = static_cast<int>(r.integer("capacity", 10000, 1, 100'000'000));
        n.ack_timeout_ms = r.number("ack_timeout_ms", 2000, 1, kMaxMs);
        n.prefetch = static_cast<int>(r.integer("prefetch", 0, 0, 100000));
        n.price_per_hour = r.number("price_per_hour", 0.0, 0.0, 1e6);
        break;
    case NodeKind::RateLimiter: {
        n.target = r.string("target", "", true);
        const std::string alg = r.choice(
            "algorithm", "token_bucket",
            {"token_bucket", "leaky_bucket", "fixed_window", "sliding_log", "sliding_counter"});
        n.limiter = *limiterAlgorithmFromString(alg);
        n.limit_rps = r.number("limit_rps", 100, 0.001, 1e7);
        n.burst = r.number("burst", 0, 0, 1e7);
        n.window_ms = r.number("window_ms", 1000, 1, kMaxMs);
        n.per_client = r.choice("key", "global", {"global", "client"}) == "client";
        n.downstream_timeout_ms = r.number("timeout_ms", 5000.0, 0.001, kMaxMs);
        break;
    }
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

Action readAction(const QJsonObject& o, const std::string& path,
                  std::vector<std::string>& warnings) {
    ObjectReader r(o, path, warnings);
    Action a;
    const double at = r.number("at_s", 0.0, 0.0, 1e9, true);
    a.at_us = std::llround(at * 1e6);
    const std::string kind = r.choice("action", "",
                                      {"kill_node", "restart_node", "cut_link", "heal_link",
                                       "set_link", "set_rate", "set", "add_shard"});
    if (kind.empty()) throw LoadError{r.at("action"), "is required"};
    for (auto k :
         {ActionKind::KillNode, ActionKind::RestartNode, ActionKind::CutLink, ActionKind::HealLink,
          ActionKind::SetLink, ActionKind::SetRate, ActionKind::SetField, ActionKind::AddShard})
        if (kind == toString(k)) a.kind = k;
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
    if (r.raw("lesson").isObject()) { // the object form: see ScenarioLesson.h
        if (const std::string err = readLessonObject(r.raw("lesson").toObject(), s); !err.empty()) {
            const auto colon = err.find(": ");
            throw LoadError{err.substr(0, colon), err.substr(colon + 2)};
        }
    } else {
        s.lesson = r.string("lesson", "");
    }
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
    r.preserve({"lessons", "view", "charts", "expect"}, s.preserved);
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
    tBaseDir = QFileInfo(QString::fromStdString(displayName)).absolutePath();
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
