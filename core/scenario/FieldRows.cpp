// The field table's rows, in the order a node's keys are saved. A row per (JSON key, node kinds):
// the same key on other kinds may be another member (`timeout_ms` is a client's own timeout, but
// the downstream call's timeout of a load balancer, service group, cache or rate limiter) with
// another default.
#include "FieldTable.h"

#include "FieldObjects.h"
#include "JsonFields.h"
#include "Pricing.h"

#include <algorithm>
#include <limits>
#include <type_traits>

namespace cs::core {
namespace {

using K = NodeKind;
constexpr double kUnbounded = std::numeric_limits<double>::infinity();

template <class T> FieldValue toField(const T& v) {
    if constexpr (std::is_same_v<T, std::string>)
        return v;
    else if constexpr (std::is_enum_v<T>)
        return std::string(enumName(v));
    else
        return static_cast<double>(v);
}
template <class T> void fromField(const FieldValue& f, T& out) {
    if constexpr (std::is_same_v<T, std::string>) {
        if (const auto* s = std::get_if<std::string>(&f)) out = *s;
    } else if constexpr (std::is_enum_v<T>) {
        if (const auto* s = std::get_if<std::string>(&f))
            if (const auto e = enumFromName<T>(*s)) out = *e;
    } else if constexpr (std::is_same_v<T, bool>) {
        if (const auto* d = std::get_if<double>(&f)) out = *d != 0;
    } else {
        if (const auto* d = std::get_if<double>(&f)) out = static_cast<T>(*d);
    }
}

template <auto M> struct Member {
    static FieldValue get(const NodeSpec& n) { return toField(n.*M); }
    static void set(NodeSpec& n, const FieldValue& v) { fromField(v, n.*M); }
    static void copy(NodeSpec& to, const NodeSpec& from) { to.*M = from.*M; }
};
template <auto M> FieldAccess member() {
    return {&Member<M>::get, &Member<M>::set, &Member<M>::copy};
}

// Builds a row: the type's constructor, then what differs from the defaults.
struct Row {
    FieldRow r;
    Row(const char* name, KindSet kinds, FieldType type, FieldAccess access = {}) {
        r.name = name;
        r.kinds = kinds;
        r.type = type;
        r.access = access;
    }
    Row& range(double def, double lo, double hi) {
        r.def = def;
        r.lo = lo;
        r.hi = hi;
        return *this;
    }
    Row& offBelow(double min) { return r.offBelow = min, *this; }
    Row& byDefault(double def) { return r.def = def, *this; }
    Row& byDefault(const char* def) { return r.defText = def, *this; }
    Row& choices(std::span<const char* const> names) { return r.choices = names, *this; }
    Row& refs(KindSet kinds) { return r.refKinds = kinds, *this; }
    Row& required() { return r.required = true, *this; }
    Row& omitDefault() { return r.omitDefault = true, *this; }
    Row& notInFile() { return r.inFile = false, *this; }
    Row& live() { return r.live = true, *this; }
    Row& liveRange(double lo, double hi) {
        r.liveLo = lo;
        r.liveHi = hi;
        return *this;
    }
    Row& when(bool (*f)(const NodeSpec&), const char* missing) {
        r.when = f;
        r.whenMissing = missing;
        return *this;
    }
    Row& hiFor(double (*f)(const NodeSpec&)) { return r.hiFor = f, *this; }
    Row& check(std::string (*f)(const NodeSpec&)) { return r.check = f, *this; }
    Row& checkLive(std::string (*f)(const NodeSpec&, const FieldValue&)) {
        return r.checkLive = f, *this;
    }
    Row& json(void (*read)(ObjectReader&, NodeSpec&), void (*write)(Ordered&, const NodeSpec&)) {
        r.read = read;
        r.write = write;
        return *this;
    }
    Row& ui(const char* label, const char* unit, int decimals, const char* tip) {
        r.label = label;
        r.unit = unit;
        r.decimals = decimals;
        r.tip = tip;
        return *this;
    }
    Row& scale(double s) { return r.scale = s, *this; }
    Row& offText(const char* t) { return r.offText = t, *this; }
};

Row number(const char* name, KindSet kinds, FieldAccess a, double def, double lo, double hi) {
    return std::move(Row(name, kinds, FieldType::Number, a).range(def, lo, hi));
}
Row integer(const char* name, KindSet kinds, FieldAccess a, double def, double lo, double hi) {
    return std::move(Row(name, kinds, FieldType::Integer, a).range(def, lo, hi));
}
Row flag(const char* name, KindSet kinds, FieldAccess a, bool def) {
    return std::move(Row(name, kinds, FieldType::Bool, a).byDefault(def ? 1.0 : 0.0));
}
template <class E> Row choice(const char* name, KindSet kinds, FieldAccess a, E def) {
    return std::move(
        Row(name, kinds, FieldType::Enum, a).choices(enumNames<E>()).byDefault(enumName(def)));
}
Row reference(const char* name, KindSet kinds, FieldAccess a, KindSet targets) {
    return std::move(Row(name, kinds, FieldType::Reference, a).refs(targets));
}
Row custom(const char* name, KindSet kinds, void (*read)(ObjectReader&, NodeSpec&),
           void (*write)(Ordered&, const NodeSpec&)) {
    return std::move(Row(name, kinds, FieldType::Custom).json(read, write));
}
Row preserved(const char* name, KindSet kinds) {
    return Row(name, kinds, FieldType::Preserved);
}

bool hasReplicas(const NodeSpec& n) {
    return !n.replicas.empty();
}
double replicaBound(const NodeSpec& n) {
    return static_cast<double>(std::max<std::size_t>(n.replicas.size(), 1));
}

// The service time as one number: its mean; setting it scales the whole distribution.
FieldAccess serviceMean() {
    return {[](const NodeSpec& n) -> FieldValue { return n.service.mean(); },
            [](NodeSpec& n, const FieldValue& v) {
                if (const auto* d = std::get_if<double>(&v)) {
                    const double scale = n.service.mean() > 0 ? *d / n.service.mean() : 1.0;
                    n.service.mean_ms = *d;
                    n.service.median_ms *= scale;
                    n.service.p99_ms *= scale;
                }
            },
            [](NodeSpec& to, const NodeSpec& from) {
                // Only the mean is live: another kind of distribution is not the same field.
                if (to.service.kind == from.service.kind) to.service = from.service;
            }};
}

// The scaling policy, also of a group without autoscaling (it reads as manual): choosing another
// gives it an autoscaler (chooseScalingPolicy). `copy` undoes exactly that, for LiveSync's "rest".
FieldAccess scalingPolicy() {
    using P = Autoscaling::Policy;
    return {[](const NodeSpec& n) -> FieldValue {
                return std::string(enumName(n.autoscaling ? n.autoscaling->policy : P::Manual));
            },
            [](NodeSpec& n, const FieldValue& v) {
                if (const auto* s = std::get_if<std::string>(&v))
                    if (const auto p = enumFromName<P>(*s)) chooseScalingPolicy(n, *p);
            },
            [](NodeSpec& to, const NodeSpec& from) {
                if (to.autoscaling && from.autoscaling) {
                    NodeSpec chosen = from; // the rules choosing `step` added go back with it
                    chooseScalingPolicy(chosen, to.autoscaling->policy);
                    if (*chosen.autoscaling == *to.autoscaling)
                        to.autoscaling = from.autoscaling;
                    else
                        to.autoscaling->policy = from.autoscaling->policy;
                } else if (from.autoscaling && !to.autoscaling) {
                    if (*from.autoscaling == firstAutoscaling(to, from.autoscaling->policy))
                        to.autoscaling = from.autoscaling;
                } else if (to.autoscaling && !from.autoscaling) {
                    if (*to.autoscaling == firstAutoscaling(from, to.autoscaling->policy))
                        to.autoscaling.reset();
                }
            }};
}

// The rate limiter's `key`: one limit per client, or one for all.
constexpr const char* kLimiterKeys[] = {"global", "client"};
FieldAccess limiterKey() {
    return {[](const NodeSpec& n) -> FieldValue {
                return std::string(n.per_client ? "client" : "global");
            },
            [](NodeSpec& n, const FieldValue& v) {
                if (const auto* s = std::get_if<std::string>(&v)) n.per_client = *s == "client";
            },
            [](NodeSpec& to, const NodeSpec& from) { to.per_client = from.per_client; }};
}

std::string heartbeatCheck(const NodeSpec& n) {
    if (n.heartbeat_ms * 2 <= n.election_timeout_min_ms) return {};
    return "must be at most half of election_timeout_ms.min (" +
           ObjectReader::fmt(n.election_timeout_min_ms) + ")";
}

constexpr KindSet kStations = {K::ServiceGroup, K::Datastore};
constexpr KindSet kSmallStores = {K::SessionStore, K::Cache};
constexpr KindSet kDownstream = {K::LoadBalancer, K::ServiceGroup, K::Datastore};
using NS = NodeSpec;
using namespace fields;

void addClientRows(std::vector<FieldRow>& t) {
    const KindSet c = {K::Client};
    t.push_back(reference("target", c, member<&NS::target>(),
                          {K::LoadBalancer, K::ServiceGroup, K::Datastore, K::RateLimiter})
                    .required()
                    .ui("Target", "", 0, "Where this client sends its requests")
                    .r);
    t.push_back(number("rate_rps", c, member<&NS::rate_rps>(), 100, 0, 1e7)
                    .offBelow(kMinRate)
                    .live()
                    .ui("Rate", "req/s", 1, "Poisson arrival rate")
                    .r);
    t.push_back(number("read_fraction", c, member<&NS::read_fraction>(), 0.9, 0, 1)
                    .live()
                    .liveRange(0, 1)
                    .ui("Reads", "%", 0, "Share of requests that are reads")
                    .scale(100)
                    .r);
    t.push_back(choice("write_kind", c, member<&NS::write_kind>(), WriteKind::Increment).r);
    t.push_back(custom("keys", c, readKeys, writeKeys).r);
    t.push_back(integer("sessions", c, member<&NS::sessions>(), 100, 1, 1e7).r);
    t.push_back(
        number("timeout_ms", c, member<&NS::timeout_ms>(), 1000, kMinMs, kMaxMs)
            .live()
            .ui("Timeout", "ms", 1, "How long the client waits before giving up on an attempt")
            .r);
    t.push_back(integer("retries", c, member<&NS::retries>(), 0, 0, 100)
                    .live()
                    .ui("Retries", "", 0, "Attempts after the first, with exponential backoff")
                    .r);
    t.push_back(custom("retry_backoff_ms", c, readBackoff, writeBackoff).r);
    t.push_back(flag("idempotency_keys", c, member<&NS::idempotency_keys>(), false)
                    .ui("Idempotency keys", "", 0,
                        "The datastore remembers each write's key and answers a retry with the "
                        "first result instead of applying it again")
                    .r);
    t.push_back(flag("honor_retry_after", c, member<&NS::honor_retry_after>(), false)
                    .omitDefault()
                    .ui("Retry-After", "", 0, "Wait as long as a 429's Retry-After says")
                    .r);
    t.push_back(choice("read_level", c, member<&NS::read_level>(), Level::Default)
                    .omitDefault()
                    .ui("Read level", "", 0,
                        "Replicas a read waits for (AP stores); default: the store's r")
                    .r);
    t.push_back(choice("write_level", c, member<&NS::write_level>(), Level::Default)
                    .omitDefault()
                    .ui("Write level", "", 0,
                        "Replicas a write waits for (AP stores); default: the store's w")
                    .r);
    t.push_back(
        flag("read_your_writes", c, member<&NS::read_your_writes>(), false)
            .omitDefault()
            .ui("Read your writes", "", 0, "Never read a value older than one this client wrote")
            .r);
    t.push_back(custom("workload", c, readWorkload, writeWorkload).r);
    t.push_back(
        flag("monotonic_reads", c, member<&NS::monotonic_reads>(), false)
            .omitDefault()
            .ui("Monotonic reads", "", 0, "Never read a value older than one this client read")
            .r);
    t.push_back(reference("cdn", c, member<&NS::cdn>(), {K::Cdn})
                    .omitDefault()
                    .ui("CDN", "", 0, "The edge that serves this client's static content")
                    .r);
    t.push_back(
        number("static_fraction", c, member<&NS::static_fraction>(), 0, 0, 1)
            .omitDefault()
            .live()
            .liveRange(0, 1)
            .ui("Static reads", "%", 0, "Share of reads for static content, sent to the CDN")
            .scale(100)
            .r);
    t.push_back(preserved("idempotency_ttl_s", c).r);
}

void addBalancerAndQueueRows(std::vector<FieldRow>& t) {
    const KindSet lb = {K::LoadBalancer}, q = {K::Queue};
    t.push_back(choice("algorithm", lb, member<&NS::algorithm>(), LbAlgorithm::RoundRobin)
                    .live()
                    .ui("Algorithm", "", 0, "How it picks an instance")
                    .r);
    t.push_back(reference("group", lb, member<&NS::group>(), {K::ServiceGroup})
                    .required()
                    .ui("Group", "", 0, "The service group it balances")
                    .r);
    t.push_back(
        number("health_check_interval_ms", lb, member<&NS::health_check_interval_ms>(), 1000, 1,
               3.6e6)
            .live()
            .ui("Health check every", "ms", 0, "A dead instance is noticed only at the next check")
            .r);
    t.push_back(number("timeout_ms", lb, member<&NS::downstream_timeout_ms>(), 5000, kMinMs, kMaxMs)
                    .live()
                    .ui("Timeout", "ms", 1, "How long it waits for an instance's answer")
                    .r);
    t.push_back(reference("consumers", q, member<&NS::consumers>(), {K::ServiceGroup})
                    .required()
                    .ui("Consumers", "", 0, "The service group that applies the queued writes")
                    .r);
    t.push_back(integer("capacity", q, member<&NS::capacity>(), 10000, 1, 1e8)
                    .ui("Capacity", "messages", 0, "A full queue refuses writes (dropped)")
                    .r);
    t.push_back(number("ack_timeout_ms", q, member<&NS::ack_timeout_ms>(), 2000, 1, kMaxMs)
                    .ui("Ack timeout", "ms", 0,
                        "A message not acknowledged by then is delivered again (at-least-once)")
                    .r);
    t.push_back(integer("prefetch", q, member<&NS::prefetch>(), 0, 0, 100000).r);
}

// What service groups, datastores and the small stores share: size, service time, queue.
void addStationRows(std::vector<FieldRow>& t) {
    const KindSet sg = {K::ServiceGroup}, ds = {K::Datastore};
    const char* sizeTip = "The instance size. Changing it while running is a vertical resize: "
                          "each instance restarts and is down for its resize_downtime_s (30 s "
                          "unless the file says otherwise).";
    t.push_back(integer("instances", sg, member<&NS::instances>(), 1, 0, 1000)
                    .live()
                    .ui("Instances", "", 0, "How many instances run (manual scaling)")
                    .r);
    t.push_back(integer("cores", sg, member<&NS::cores>(), 1, 1, kMaxCores)
                    .live()
                    .liveRange(1, kUnbounded)
                    .ui("Cores (size)", "per instance", 0, sizeTip)
                    .r);
    t.push_back(integer("cores", ds, member<&NS::cores>(), 4, 1, kMaxCores)
                    .live()
                    .liveRange(1, kUnbounded)
                    .ui("Cores (size)", "per instance", 0, sizeTip)
                    .r);
    t.push_back(integer("cores", kSmallStores, member<&NS::cores>(), 4, 1, kMaxCores)
                    .live()
                    .liveRange(1, kUnbounded)
                    .ui("Cores", "", 0, "Lookups served at once")
                    .r);
    t.push_back(number("service_ms", kStations, serviceMean(), 5, kMinMs, 1e6)
                    .json(readService, writeService)
                    .live()
                    .ui("Mean service time", "ms", 3, "Time one request takes on one core")
                    .r);
    t.push_back(number("service_ms", kSmallStores, serviceMean(), 0.2, kMinMs, 1e6)
                    .json(readService, writeService)
                    .live()
                    .ui("Lookup time", "ms", 3, "Time one lookup takes on one core")
                    .r);
    t.push_back(integer("queue_capacity", kStations, member<&NS::queue_capacity>(), 100, 0, 1e7)
                    .live()
                    .ui("Waiting room", "requests", 0,
                        "Queue length per instance; a full queue drops at once")
                    .r);
    t.push_back(integer("queue_capacity", kSmallStores, member<&NS::queue_capacity>(), 1000, 0, 1e7)
                    .live()
                    .ui("Waiting room", "requests", 0, "Lookups that may wait; beyond, dropped")
                    .r);
    t.push_back(custom("parallel_fraction", kStations, readParallelFraction, writeParallelFraction)
                    .ui("Parallel work", "", 0, "")
                    .r);
    t.push_back(number("price_per_hour", kStations, member<&NS::price_per_hour>(), 0, 0, 1e6)
                    .omitDefault()
                    .ui("Price", "", 0, "")
                    .r);
    t.push_back(number("price_per_hour", {K::SessionStore, K::Cache, K::Queue},
                       member<&NS::price_per_hour>(), 0, 0, 1e6)
                    .omitDefault()
                    .r);
    t.push_back(number("resize_downtime_s", kStations, member<&NS::resize_downtime_s>(), 30, 0, 1e6)
                    .omitDefault()
                    .r);
}

void addGroupRows(std::vector<FieldRow>& t) {
    const KindSet sg = {K::ServiceGroup};
    t.push_back(choice("state", sg, member<&NS::state>(), ServiceState::Stateless).r);
    t.push_back(reference("datastore", sg, member<&NS::datastore>(), {K::Datastore})
                    .omitDefault()
                    .ui("Datastore", "", 0, "The datastore each request reads or writes")
                    .r);
    t.push_back(reference("session_store", sg, member<&NS::session_store>(), {K::SessionStore})
                    .omitDefault()
                    .ui("Session store", "", 0,
                        "Stateless instances fetch the session here: one more hop, and no "
                        "session is lost with an instance")
                    .r);
    t.push_back(reference("cache", sg, member<&NS::cache>(), {K::Cache})
                    .omitDefault()
                    .ui("Cache", "", 0, "Reads look here first; a miss goes on to the datastore")
                    .r);
    t.push_back(reference("queue", sg, member<&NS::queue>(), {K::Queue})
                    .omitDefault()
                    .ui("Write queue", "", 0,
                        "Writes are acknowledged once queued; consumers apply them to the "
                        "datastore later (write-behind)")
                    .r);
    t.push_back(integer("db_pool", sg, member<&NS::db_pool>(), 0, 0, 1e6)
                    .omitDefault()
                    .ui("Connection pool", "connections", 0,
                        "Datastore connections per instance (0: unlimited); when all are busy "
                        "requests wait")
                    .offText("unlimited")
                    .r);
    t.push_back(custom("batching", sg, readBatching, writeBatching).ui("Batching", "", 0, "").r);
    t.push_back(flag("async_io", sg, member<&NS::async_io>(), false)
                    .ui("Async I/O", "", 0,
                        "Release the core while waiting for the datastore. Off: "
                        "thread-per-request workers; a slow datastore backs the service up")
                    .r);
    t.push_back(number("timeout_ms", sg, member<&NS::downstream_timeout_ms>(), 1000, kMinMs, kMaxMs)
                    .live()
                    .ui("Datastore timeout", "ms", 1,
                        "How long an instance waits for the datastore's answer")
                    .r);
    t.push_back(
        custom("autoscaling", sg, readAutoscaling, writeAutoscaling).ui("Scaling", "", 0, "").r);
    t.push_back(choice("autoscaling.policy", sg, scalingPolicy(), Autoscaling::Policy::Manual)
                    .notInFile()
                    .live()
                    .r);
    t.push_back(custom("gc", sg, readGc, writeGc).r);
    t.push_back(preserved("size", sg).r);
    t.push_back(preserved("connection_pool", sg).r);
}

// A datastore's replica set (its rows mean something only with replicas) and sharding.
void addStoreRows(std::vector<FieldRow>& t) {
    const KindSet ds = {K::Datastore};
    const char* replicated = "has no replicas: mode is for replica sets";
    t.push_back(custom("replicas", ds, readReplicas, writeReplicas).when(hasReplicas, "").r);
    t.push_back(choice("mode", ds, member<&NS::mode>(), StoreMode::CP)
                    .live()
                    .when(hasReplicas, replicated)
                    .ui("Mode", "", 0,
                        "CP: a leader and majorities; refuses when cut off. AP: answers "
                        "anywhere, may be stale, converges later")
                    .r);
    t.push_back(
        custom("n", ds, readReplicaCount, writeReplicaCount).when(hasReplicas, replicated).r);
    t.push_back(integer("r", ds, member<&NS::r>(), 0, 0, 1)
                    .hiFor(replicaBound)
                    .live()
                    .when(hasReplicas, replicated)
                    .ui("R (reads)", "", 0, "Replicas a read waits for in AP mode; 0 = a majority")
                    .offText("majority")
                    .r);
    t.push_back(integer("w", ds, member<&NS::w>(), 0, 0, 1)
                    .hiFor(replicaBound)
                    .live()
                    .when(hasReplicas, replicated)
                    .ui("W (writes)", "", 0,
                        "Replicas a write waits for in AP mode; 0 = a majority. R + W > N: no "
                        "stale reads without faults")
                    .offText("majority")
                    .r);
    t.push_back(choice("conflicts", ds, member<&NS::conflicts>(), ConflictPolicy::Lww)
                    .when(hasReplicas, replicated)
                    .ui("Conflicts", "", 0,
                        "Last writer wins (loses concurrent updates) or version vectors (keeps "
                        "siblings)")
                    .r);
    t.push_back(choice("read_from", ds, member<&NS::read_from>(), ReadFrom::Leader)
                    .when(hasReplicas, replicated)
                    .ui("Reads from", "", 0,
                        "CP: followers may answer reads themselves (allowed to be stale)")
                    .r);
    t.push_back(number("quorum_timeout_ms", ds, member<&NS::quorum_timeout_ms>(), 500, 1, kMaxMs)
                    .when(hasReplicas, replicated)
                    .ui("Quorum timeout", "ms", 0,
                        "A coordinator that cannot reach enough replicas by then answers "
                        "'unavailable'")
                    .r);
    t.push_back(custom("election_timeout_ms", ds, readElectionTimeout, writeElectionTimeout)
                    .when(hasReplicas, replicated)
                    .r);
    t.push_back(number("heartbeat_ms", ds, member<&NS::heartbeat_ms>(), 50, 1, kMaxMs)
                    .check(heartbeatCheck)
                    .when(hasReplicas, replicated)
                    .r);
    t.push_back(number("anti_entropy_interval_ms", ds, member<&NS::anti_entropy_interval_ms>(),
                       1000, 1, kMaxMs)
                    .when(hasReplicas, replicated)
                    .r);
    t.push_back(
        number("anti_entropy_keys_per_s", ds, member<&NS::anti_entropy_keys_per_s>(), 2000, 0, 1e9)
            .offBelow(kMinPerS)
            .when(hasReplicas, replicated)
            .r);
    t.push_back(flag("pre_vote", ds, member<&NS::pre_vote>(), true)
                    .omitDefault()
                    .when(hasReplicas, replicated)
                    .ui("Elections", "", 0,
                        "PreVote and CheckQuorum. CP: a replica asks whether it could win before "
                        "it raises its term, so one that rejoins after a partition does not "
                        "depose a healthy leader")
                    .r);
    t.push_back(number("idempotency_ttl_s", ds, member<&NS::idempotency_ttl_s>(), 60, 0, 1e9)
                    .omitDefault()
                    .r);
    t.push_back(custom("shards", ds, readShards, writeShards).ui("Sharding", "", 0, "").r);
    t.push_back(preserved("sharding", ds).r);
}

void addCacheAndLimiterRows(std::vector<FieldRow>& t) {
    const KindSet cache = {K::Cache}, rl = {K::RateLimiter}, lru = {K::Cache, K::Cdn};
    t.push_back(integer("capacity_keys", lru, member<&NS::capacity_keys>(), 1000, 1, 1e7)
                    .ui("Capacity", "keys", 0, "Least recently used keys are evicted beyond this")
                    .r);
    t.push_back(number("ttl_s", lru, member<&NS::ttl_s>(), 0, 0, 1e9)
                    .offBelow(kMinPerS)
                    .ui("TTL", "s", 1, "0: entries never expire")
                    .offText("never")
                    .r);
    t.push_back(choice("on_write", cache, member<&NS::on_write>(), NodeSpec::OnWrite::Invalidate)
                    .ui("On write", "", 0,
                        "What a completed write does to its key here; none: entries stay stale "
                        "until their TTL")
                    .r);
    t.push_back(flag("coalescing", cache, member<&NS::coalescing>(), false)
                    .ui("Coalescing", "", 0,
                        "One miss per key goes to the datastore. Off: after a restart every "
                        "concurrent miss goes to the datastore (a thundering herd)")
                    .r);
    t.push_back(
        number("timeout_ms", lru, member<&NS::downstream_timeout_ms>(), 1000, kMinMs, kMaxMs).r);
    t.push_back(reference("target", rl, member<&NS::target>(), kDownstream)
                    .required()
                    .ui("Target", "", 0, "Where admitted requests go")
                    .r);
    t.push_back(choice("algorithm", rl, member<&NS::limiter>(), LimiterAlgorithm::TokenBucket)
                    .ui("Algorithm", "", 0,
                        "token_bucket allows bursts; leaky_bucket delays then drops; fixed_window "
                        "lets up to twice the limit through across a boundary; the sliding ones "
                        "do not")
                    .r);
    t.push_back(number("limit_rps", rl, member<&NS::limit_rps>(), 100, 0.001, 1e7)
                    .live()
                    .ui("Limit", "req/s", 1, "")
                    .r);
    t.push_back(number("burst", rl, member<&NS::burst>(), 0, 0, 1e7)
                    .live()
                    .ui("Burst", "requests", 0,
                        "Token bucket: bucket size. Leaky bucket: how many may wait. 0: a tenth "
                        "of the limit")
                    .offText("limit / 10")
                    .r);
    t.push_back(number("window_ms", rl, member<&NS::window_ms>(), 1000, 1, kMaxMs)
                    .live()
                    .ui("Window", "ms", 0, "Window algorithms: the span the limit covers")
                    .r);
    t.push_back(Row("key", rl, FieldType::Enum, limiterKey())
                    .choices(kLimiterKeys)
                    .byDefault("global")
                    .ui("Key", "", 0, "One limit for everyone, or one per client")
                    .r);
    t.push_back(
        number("timeout_ms", rl, member<&NS::downstream_timeout_ms>(), 5000, kMinMs, kMaxMs).r);
}

} // namespace

void addNestedRows(std::vector<FieldRow>& t); // FieldNestedRows.cpp

std::vector<FieldRow> buildFieldTable() {
    std::vector<FieldRow> t;
    addClientRows(t);
    addBalancerAndQueueRows(t);
    addStationRows(t);
    addGroupRows(t);
    addStoreRows(t);
    addCacheAndLimiterRows(t);
    addNestedRows(t);
    return t;
}

} // namespace cs::core
