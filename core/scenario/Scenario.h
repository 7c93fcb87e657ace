// The scenario document as plain C++ values: what a *.clustersim.json file holds (DESIGN.md section
// 8).
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace cs::core {

enum class NodeKind {
    Client,
    LoadBalancer,
    ServiceGroup,
    Datastore,
    Replica,
    SessionStore,
    Cache,
    RateLimiter,
    Queue,
    Cdn
};
enum class LimiterAlgorithm { TokenBucket, LeakyBucket, FixedWindow, SlidingLog, SlidingCounter };
enum class WriteKind { Increment, Set };
enum class LbAlgorithm { RoundRobin, LeastOutstanding, Random };
enum class ServiceState { Stateless, Stateful };
enum class StoreMode { CP, AP };
enum class ConflictPolicy { Lww, VersionVectors };
enum class ReadFrom { Leader, Replicas };
enum class Level { Default, One, Quorum, All }; // per-client override of a store's r or w

const char* toString(NodeKind k);
const char* toString(WriteKind k);
const char* toString(LbAlgorithm a);
const char* toString(ServiceState s);
const char* toString(Level l);
const char* toString(LimiterAlgorithm a);
std::optional<NodeKind> nodeKindFromString(const std::string& s);
std::optional<LbAlgorithm> lbAlgorithmFromString(const std::string& s);
inline constexpr LimiterAlgorithm kLimiterAlgorithms[] = {
    LimiterAlgorithm::TokenBucket, LimiterAlgorithm::LeakyBucket, LimiterAlgorithm::FixedWindow,
    LimiterAlgorithm::SlidingLog, LimiterAlgorithm::SlidingCounter};
std::optional<LimiterAlgorithm> limiterAlgorithmFromString(const std::string& s);

// A service-time distribution in milliseconds.
struct Distribution {
    enum class Kind { Exponential, Constant, Lognormal };
    Kind kind = Kind::Exponential;
    double mean_ms = 5.0;   // exp: mean; const: the value
    double median_ms = 5.0; // lognormal
    double p99_ms = 5.0;    // lognormal
    double mean() const;    // expected value in ms, whatever the kind
    bool operator==(const Distribution&) const = default;
};

// How a client's rate changes over time (DESIGN.md section 6 row 3). `rate_rps` is the base rate.
struct Workload {
    enum class Shape { Constant, Step, Spike, Diurnal, Bursts, Series } shape = Shape::Constant;
    // series: requests/s at times (s), linear in between, held after the last point; read from
    // `file` (CSV "t_s,rps", relative to the scenario file) or given inline as `points`.
    std::vector<std::pair<double, double>> points;
    std::string file;
    double at_s = 0, to_rps = 0;                              // step: from at_s on, to_rps
    double start_s = 0, ramp_s = 0, hold_s = 0, peak_rps = 0; // spike: ramp up, hold, ramp down
    double period_s = 60, amplitude = 0.5;        // diurnal: base x (1 + a sin(2 pi t / period))
    double on_s = 1, off_s = 1, burst_rps = 0;    // bursts: burst_rps while on, base while off
    double rateAt(double base, double t_s) const; // requests/s at simulated time t
    double maxRate(double base) const;            // an upper bound, for thinning
    bool operator==(const Workload&) const = default;
};

// A service group's autoscaler (DESIGN.md section 6 row 3).
struct Autoscaling {
    enum class Policy { Manual, Step, TargetTracking, Scheduled } policy = Policy::Manual;
    int min = 1, max = 10;
    double cooldown_s = 30, warmup_s = 10;
    double evaluation_s = 5;         // how often it looks, and the window it averages over
    double target_utilization = 0.6; // target tracking
    double target_queue_depth = 0;   // > 0: track requests waiting per instance instead
    struct StepRule {
        double above = 2, below = -1; // utilisation thresholds (one of them set)
        int add = 0;                  // instances to add (negative: remove)
        bool operator==(const StepRule&) const = default;
    };
    std::vector<StepRule> steps;
    struct Scheduled {
        double at_s = 0;
        int desired = 1;
        bool operator==(const Scheduled&) const = default;
    };
    std::vector<Scheduled> schedule;
    bool operator==(const Autoscaling&) const = default;
};
const char* toString(Autoscaling::Policy p);
std::optional<Autoscaling::Policy> scalingPolicyFromString(const std::string& s);
struct NodeSpec;
// The one way a group's scaling policy is chosen (inspector, toolbar, a live `set`, the engine):
// a group without autoscaling gets an autoscaler around its current size (min = its instances,
// max = 4 x them), and `step` without rules gets two (add 2 above 70 % busy, remove 1 below 20 %).
void chooseScalingPolicy(NodeSpec& n, Autoscaling::Policy p);
// What chooseScalingPolicy gives a group that had no autoscaling.
Autoscaling firstAutoscaling(const NodeSpec& n, Autoscaling::Policy p);

struct Backoff {
    double base_ms = 10.0;
    double max_ms = 200.0;
    bool jitter = true;
    bool operator==(const Backoff&) const = default;
};

// One node as the file describes it. Fields that do not belong to a node's kind keep their
// defaults and are neither used nor saved. Fields of models that are not built yet are kept
// verbatim in `preserved` (compact JSON text) and written back on save.
struct NodeSpec {
    std::string id;
    NodeKind kind = NodeKind::Client;
    double x = 0.0, y = 0.0;

    // client
    std::string target;
    double rate_rps = 100.0;
    double read_fraction = 0.9;
    WriteKind write_kind = WriteKind::Increment;
    std::uint64_t key_count = 1000;
    double zipf_s = 0.0;
    std::uint32_t sessions = 100;
    double timeout_ms = 1000.0;
    int retries = 0;
    Backoff backoff;
    bool idempotency_keys = false;
    bool honor_retry_after = false; // a 429's Retry-After sets the next retry's delay
    Level read_level = Level::Default, write_level = Level::Default;
    bool read_your_writes = false, monotonic_reads = false;
    std::string cdn;            // static content: this share of reads goes to that CDN edge
    double static_fraction = 0; // ... which answers hits itself and fetches misses from `target`
    Workload workload;

    // load balancer
    LbAlgorithm algorithm = LbAlgorithm::RoundRobin;
    std::string group;
    double health_check_interval_ms = 1000.0;

    // service group (instances) and datastore (the store itself)
    int instances = 1;
    int cores = 1;
    Distribution service;
    int queue_capacity = 100;
    ServiceState state = ServiceState::Stateless;
    std::string datastore;
    std::string session_store; // stateless group: sessions kept there (one more hop per request)
    std::string cache;         // reads go through this cache
    std::string queue;         // writes go through this queue (write-behind)
    int db_pool = 0;           // datastore connections per instance (0: unlimited)
    // Batching (seed section 1): requests wait until `size` are collected or `max_wait_ms` has
    // passed since the first; a batch of k takes overhead_ms + k x per_item_ms on one core (instead
    // of service_ms per request); the datastore calls that follow do not hold the core.
    struct Batching {
        int size = 10;
        double max_wait_ms = 10, overhead_ms = 5, per_item_ms = 0.5;
        bool operator==(const Batching&) const = default;
    };
    std::optional<Batching> batching;
    bool async_io = false;
    double downstream_timeout_ms = 1000.0; // service -> datastore, load balancer -> instance
    std::optional<Autoscaling> autoscaling;
    struct Gc { // stop-the-world pauses of each instance, at a random phase per instance
        double interval_ms = 1000, pause_ms = 50;
        bool operator==(const Gc&) const = default;
    };
    std::optional<Gc> gc;
    // Vertical scaling (DESIGN.md section 6 row 5): `cores` is the instance size. With
    // `parallel_fraction` p set, each request is spread over all cores and runs
    // 1 / ((1 - p) + p / cores) times faster (Amdahl), one at a time; without it, requests are
    // independent and each core serves one (M/M/c).
    std::optional<double> parallel_fraction;
    double price_per_hour = 0;     // per instance; 0: from the price list (core/Pricing.h)
    double resize_downtime_s = 30; // changing `cores` at run time restarts the instance

    // datastore; with replicas, a replica set (DESIGN.md section 6 rows 2 and 7)
    std::vector<std::string> replicas;
    StoreMode mode = StoreMode::CP;
    int r = 0, w = 0; // 0: a majority of the replicas
    ConflictPolicy conflicts = ConflictPolicy::Lww;
    ReadFrom read_from = ReadFrom::Leader;
    double quorum_timeout_ms = 500;
    double election_timeout_min_ms = 150, election_timeout_max_ms = 300;
    double heartbeat_ms = 50;
    // PreVote and CheckQuorum (as etcd): a replica asks whether it could win before it raises its
    // term, and replicas that hear from a leader refuse to elect another, so a replica that
    // rejoins after a partition does not depose a leader that holds a majority.
    bool pre_vote = true;
    double anti_entropy_interval_ms = 1000;
    double anti_entropy_keys_per_s = 2000;
    double idempotency_ttl_s = 60; // how long the store remembers an idempotency key
    // Sharding (Q6): the store is `count` shard nodes named <id>-s<k>; keys map by the strategy.
    struct Shards {
        enum class Strategy { HashMod, Range, ConsistentHash } strategy = Strategy::HashMod;
        int count = 2;
        int vnodes = 64;                    // consistent_hash: points per shard on the ring
        double migration_keys_per_s = 2000; // add_shard: how fast keys move to the new shard
        bool operator==(const Shards&) const = default;
    };
    std::optional<Shards> shards;

    // cache (DESIGN.md section 6 row 6): LRU over keys, optional TTL, what a write does
    std::uint64_t capacity_keys = 1000;
    double ttl_s = 0; // 0: entries never expire
    enum class OnWrite { Invalidate, Update, None };
    OnWrite on_write = OnWrite::Invalidate; // none: only the TTL ends a stale entry
    bool coalescing = false; // one miss per key goes to the datastore; the others wait

    // queue (DESIGN.md section 6 row 6): holds writes until a consumer instance has applied them
    std::string consumers;        // the service group that drains it
    int capacity = 10000;         // messages it holds; beyond, producers get `dropped`
    double ack_timeout_ms = 2000; // a message not acknowledged by then is delivered again
    int prefetch = 0;             // messages in flight per consumer (0: 8 per core)

    // rate limiter (Q8): in the path to `target`
    LimiterAlgorithm limiter = LimiterAlgorithm::TokenBucket;
    double limit_rps = 100;
    double burst = 0;        // token bucket: bucket size; leaky bucket: queue size (0: limit/10)
    double window_ms = 1000; // window algorithms
    bool per_client = false; // key: "client" (one limit per client) or "global"
    double effectiveBurst() const { return burst > 0 ? burst : std::max(1.0, limit_rps / 10); }

    std::map<std::string, std::string> preserved;
    bool operator==(const NodeSpec&) const = default;
};

struct LinkSpec {
    std::string a, b;
    double median_ms = 1.0;
    double p99_ms = 1.0;
    double loss = 0.0;
    bool operator==(const LinkSpec&) const = default;
};

enum class ActionKind {
    KillNode,
    RestartNode,
    CutLink,
    HealLink,
    SetLink,
    SetRate,
    SetField,
    AddShard
};
const char* toString(ActionKind k);

// A timeline entry or a live command. `at_us` is simulated time.
struct Action {
    std::int64_t at_us = 0;
    ActionKind kind = ActionKind::KillNode;
    std::string node;                              // kill/restart/set_rate/set
    std::string a, b;                              // link actions
    std::optional<double> median_ms, p99_ms, loss; // set_link
    double rate_rps = 0.0;                         // set_rate
    std::string field;                             // set
    std::variant<double, std::string> value;       // set
    bool operator==(const Action&) const = default;
};

// A multiple-choice question a lesson step asks before the learner sees the answer (DESIGN.md
// section 12). `reveal` may quote measured summary keys as {requests.failed.unavailable}.
struct Prediction {
    std::string question;
    std::vector<std::string> choices;
    int answer = 0; // index into choices
    std::string reveal;
    bool operator==(const Prediction&) const = default;
};

// One step of a lesson: text, optionally a time (the run pauses there when `pause`), actions
// (timeline actions without a time of their own: applied at `at_s`, or by the learner) and a
// prediction.
struct LessonStep {
    std::string text;
    std::optional<double> at_s;
    bool pause = false;
    std::vector<Action> actions; // at_us unused (0): the step's time or the learner's click
    std::optional<Prediction> predict;
    bool operator==(const LessonStep&) const = default;
};

// A scenario's lesson (DESIGN.md section 12). The old plain-string form loads as one step.
struct Lesson {
    std::string title;
    std::string concept_name; // the file's "concept" (a C++ keyword)
    std::string question;     // "Q1".."Q8" for interview lessons
    std::string goal;
    std::vector<LessonStep> steps;
    bool empty() const {
        return title.empty() && concept_name.empty() && question.empty() && goal.empty() &&
               steps.empty();
    }
    // What a learner reads, as one text: title, goal and the steps' texts, blank-line separated.
    std::string text() const;
    bool operator==(const Lesson&) const = default;
};

// One assertion `clustersim-cli check` evaluates after a run (DESIGN.md section 12).
struct Expectation {
    enum class Op { Less, LessEq, Greater, GreaterEq, Equal, NotEqual, Between, Approx };
    enum class Agg { Mean, Max, Min, Last, Sum };
    std::string name;   // "" : shown as the metric
    std::string metric; // summary key; with `over`: metrics column or node:ID:METRIC
    std::optional<std::pair<double, double>> over; // seconds, inclusive
    std::optional<Agg> agg;                        // absent: mean (kept absent when saved)
    Op op = Op::Equal;
    double value = 0, high = 0;      // between: [value, high]
    std::optional<double> tolerance; // approx: relative, default 0.05
    std::string label() const { return name.empty() ? metric : name; }
    bool operator==(const Expectation&) const = default;
};
const char* toString(Expectation::Op op);
const char* toString(Expectation::Agg agg);

struct Scenario {
    static constexpr int kCurrentVersion = 1;
    std::string name = "Untitled";
    Lesson lesson;
    std::uint64_t seed = 1;
    double duration_s = 60.0;
    double metrics_interval_ms = 250.0;
    std::vector<NodeSpec> nodes;
    std::vector<LinkSpec> links;
    std::vector<Action> timeline;
    std::vector<Expectation> expect;
    std::map<std::string, std::string> preserved;
    bool operator==(const Scenario&) const = default;

    const NodeSpec* find(const std::string& id) const;
};

} // namespace cs::core
