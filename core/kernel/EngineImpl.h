// Engine internals: the records the simulator keeps and the handlers of every event. Private to
// core.
#pragma once

#include "CacheState.h"
#include "ClientState.h"
#include "Engine.h"
#include "GroupState.h"
#include "Inline.h"
#include "Job.h"
#include "LbState.h"
#include "LimiterState.h"
#include "NodeModel.h"
#include "QueueState.h"
#include "Replication.h"
#include "StoreState.h"

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace cs::core {

// An operation a replica coordinates (or forwards to the leader).
struct ReplOp {
    NodeId coord = kNone;
    std::uint32_t store = 0;
    Job job; // the work it answers
    bool write = false, forwarded = false, cp = false;
    std::uint32_t key = 0;
    int needed = 1, got = 0, answered = 0;
    Cell best;
    std::uint64_t minSeq = 0;
    // A forwarded op answers the replica that forwarded it: (op, gen) there.
    NodeId replyTo = kNone;
    std::uint32_t replyOp = kNone, replyGen = 0;
};

constexpr int kInlineHops = 4; // links crossed per delivery event; longer routes relay

struct Message {
    Job job;
    NodeId from = kNone, to = kNone;
    RouteId route = kNone;
    std::uint16_t hop = 0, hops = 0; // this leg covers route edges [hop, hop + hops)
    std::uint16_t routeLen = 0;      // the route's edges (no look at the route on delivery)
    bool response = false;
    ErrorReason error = ErrorReason::Ok;
    std::uint32_t repl = kNone;      // an internal replica message: index into replMsgs
    SimTime sent = 0;                // first send: faults after it may have caught the message
    SimTime legStart = 0;            // when this leg left its first node (for animation)
    SimTime cross[kInlineHops] = {}; // when each link of this leg is crossed
};

// A call the caller is waiting on; open while live in the pool (closed = released).
struct Call {
    NodeId caller = kNone, callee = kNone;
    Job parent;                    // the upstream work this call serves (load balancer, instance)
    std::uint32_t slot = kNone;    // the caller's core held while waiting (synchronous workers)
    std::uint32_t backend = kNone; // load balancer: member index
    std::uint32_t request = kNone;
    std::uint16_t attempt = 0;
    std::uint32_t histKey = kNone; // client calls: the key history this attempt is recorded in
    std::uint32_t callId = kNone; // the process of its history lines: one per attempt, never reused
    std::uint32_t histIndex = 0, histWindow = 0;
    std::int64_t histValue = 0;              // the value it writes (for its history line)
    bool histWrite = false, histAdd = false; // a `set` write, an increment
    bool session = false; // an instance fetching a session from its session store
    bool pooled = false;  // holds one of its instance's datastore connections
};

struct Request {
    std::uint32_t client = 0;
    SimTime issued = 0;
    std::uint16_t attempts = 0, lostAttempt = 0, applied = 0;
    bool done = false, write = false;
    std::uint32_t key = 0;
    std::uint32_t session = 0; // which of its client's user sessions it belongs to
    std::uint32_t refs = 0;    // messages, jobs and calls that still name it
};

struct Slot {
    std::vector<Job> batch; // the rest of a batch (its first job is `job`)
    bool busy = false;
    bool serving = false;  // in its service time (not waiting on a downstream call)
    std::uint32_t gen = 0; // bumped to cancel its pending completion (death, GC pause)
    SimTime doneAt = 0;
    Job job;
};

struct Station {
    int cores = 1, capacity = 0; // cores = servers (1 when a request spreads over every core)
    int size = 1;                // the instance size in cores (what it costs)
    double serviceScale = 1.0;   // Amdahl: service times divide by the speed-up
    Ring<Job> queue;
    std::vector<Slot> slots;
    std::vector<std::uint32_t> freeSlots;
    int busy = 0;
    double busyIntegral = 0; // core-microseconds since the last metrics tick
    double scaleBusy = 0;    // core-microseconds since the autoscaler last looked
    SimTime lastChange = 0;
    std::uint64_t ops = 0;               // requests it finished since the last metrics tick
    std::uint64_t opsTotal = 0;          // ... since the start
    std::vector<Job> forming;            // batching: the batch being collected
    std::uint32_t formGen = 0;           // bumped when a batch closes (cancels its max-wait timer)
    Ring<std::vector<Job>> readyBatches; // closed batches waiting for a core
    std::size_t batchedWaiting = 0;      // jobs in forming + readyBatches
    // Lognormal service: the sigma of the spec's (median, p99), computed again when they change.
    double sigmaMedian = -1.0, sigmaP99 = -1.0, sigma = 0.0;
};

struct Deadline {
    SimTime at;
    std::uint32_t call, gen;
};

struct PNode {
    std::string name;
    NodeModel* handler = nullptr; // the model of its scenario node's kind (owned by Impl)
    bool station = false;         // it has a queue and cores: stations[model]
    std::uint32_t spec = 0;  // the scenario node that defines its behaviour (group, datastore, ...)
    std::uint32_t model = 0; // index into clients_, lbs_ or stations_
    std::uint32_t replica = kNone; // index into replicaStates for a replica of a replica set
    SimTime warmUntil = 0;         // a new instance takes no traffic before this
    SimTime pausedUntil = 0;       // stop-the-world GC: no service progresses before this
    std::unordered_set<std::uint64_t> sessions; // stateful instances: sessions held in memory
    bool draining = false;                      // being scaled in: no new work; removed once idle
    std::uint32_t aux = kNone;                  // index into caches or limiters
    int poolInUse = 0;                          // datastore connections held (db_pool)
    Ring<std::pair<Job, std::uint32_t>> poolWaiters; // (work, slot) waiting for a connection
    SimTime poolLogged = -1;
    bool alive = true, exists = true;
    std::uint32_t incarnation = 0;
    Ring<Deadline> deadlines; // calls this node waits on, in deadline order
    std::uint32_t timerGen = 0;
    bool timerArmed = false;
    std::vector<SimTime> downTimes; // recent deaths, to decide the fate of messages in flight
    Rng rng;
};

struct LinkState {
    std::uint32_t a = 0, b = 0; // scenario node indices
    double median_us = 0, sigma = 0, loss = 0;
    Rng rng;
    std::vector<EdgeId> edges;
};

struct EdgeState {
    std::uint32_t link = 0;
    std::vector<SimTime> downTimes;
};

struct IntervalCounters {
    std::uint64_t attempts = 0, completed = 0, storeOps = 0;
    std::uint64_t issued = 0, replicatedOps = 0, migratedKeys = 0; // charts only
    std::array<std::uint64_t, kErrorReasons> failed{};
    Histogram latency;
    std::uint64_t reads = 0, staleReads = 0, versionsBehindMax = 0;
    Histogram staleness;
};

struct Engine::Impl {
    explicit Impl(const Scenario& s);

    // --- loop
    void runUntil(SimTime t);
    void process(const Event& e);
    void applyAction(const Action& a);
    void log(const std::string& subject, const std::string& text);

    // --- network (EngineNetwork.cpp)
    void send(NodeId from, NodeId to, const Job& job, bool response, ErrorReason err);
    std::uint32_t newMessage(NodeId from, NodeId to); // kNone: no target or no route
    void respond(const Job& job, NodeId from, ErrorReason err) {
        send(from, job.caller, job, true, err);
    }
    void launchLeg(std::uint32_t msgId, SimTime t0);
    void deliver(std::uint32_t msgId);
    bool caughtByFault(const Message& m) const;
    void receive(const Message& m);
    void markLost(const Job& job);
    double sampleLatencyUs(LinkState& l);
    void addDeadline(NodeId node, std::uint32_t call, double timeoutMs);
    void armTimer(NodeId node);
    void onNodeTimer(NodeId node, std::uint32_t gen);
    void onCallTimeout(std::uint32_t call);
    std::uint32_t openCall(NodeId caller, NodeId callee, std::uint32_t request,
                           std::uint16_t attempt);
    void closeCall(std::uint32_t call);
    // A call from `from` to `to` on behalf of `parent`, with its deadline; then sendCall passes
    // the parent's work on under the call's id (set the call's other fields in between: an
    // immediate refusal can come back inside send).
    std::uint32_t openCallFor(NodeId from, NodeId to, const Job& parent, double timeoutMs);
    void sendCall(std::uint32_t call);
    NodeId addStationNode(const std::string& name, std::uint32_t spec);
    // Set-up (Engine.cpp): a physical node of scenario node `spec`, listed under `owner`.
    NodeId addNode(const std::string& name, std::uint32_t spec, std::uint32_t owner);
    void attachStation(NodeId id, const NodeSpec& params);
    void layLinks(const Scenario& s);
    NodeModel& modelOf(NodeKind kind) const { return *modelOfKind[static_cast<std::size_t>(kind)]; }
    // A request record lives while a message, job or call names it (inline: every leg does both).
    CS_ALWAYS_INLINE void retain(std::uint32_t r) {
        if (r != kNone) ++requests[r].refs;
    }
    CS_ALWAYS_INLINE void release(std::uint32_t r) {
        if (r == kNone) return;
        Request& q = requests[r];
        if (--q.refs == 0 && q.done) requests.release(r);
    }
    NodeId nearestStoreNode(std::uint32_t store, NodeId from);

    // --- clients (ClientModel.cpp), load balancers (LoadBalancerModel.cpp), stations
    // (EngineModels.cpp)
    void onClientArrival(std::uint32_t client, std::uint32_t gen);
    void scheduleArrival(std::uint32_t client);
    void startAttempt(std::uint32_t request);
    void onClientResponse(const Message& m);
    void attemptFailed(std::uint32_t request, ErrorReason why, SimTime retryAfter = 0);
    void finishRequest(std::uint32_t request, ErrorReason why);
    void onRetry(std::uint32_t request, std::uint32_t gen);
    void onLbRequest(LbState& lb, const Job& request);
    void onLbAnswer(std::uint32_t call, ErrorReason err, const Job* answer);
    void onHealthCheck(std::uint32_t lb);
    void onStationArrival(NodeId node, const Job& job);
    void startService(NodeId node, const Job& job);
    void onServiceDone(NodeId node, std::uint32_t slot, std::uint32_t token);
    void onGcPause(NodeId node, std::uint32_t incarnation);
    void scheduleCompletion(NodeId node, std::uint32_t slot, SimTime at);
    void freeSlot(NodeId node, std::uint32_t slot);
    void addToBatch(NodeId node, const Job& job);
    void closeBatch(NodeId node);
    void onBatchTimer(NodeId node, std::uint32_t gen);
    void startBatch(NodeId node, std::vector<Job> batch);
    void finishBatch(NodeId node, std::uint32_t slot);
    void onDownstreamAnswer(std::uint32_t call, ErrorReason err, const Job* answer);
    void applyAtStore(const PNode& node, const Job& job);
    double sampleServiceUs(PNode& node);
    void configureStation(Station& st, const NodeSpec& spec);
    void onResizeStart(NodeId node);
    void onResizeDone(NodeId node, std::uint32_t incarnation);
    double costPerHour() const;
    void setBusy(Station& st, int delta);

    // --- replica sets (EngineReplication.cpp)
    void setUpReplicaSets();
    struct ReplyTo {
        NodeId node;
        std::uint32_t op, gen;
    };
    void coordinate(NodeId node, const Job& job, const ReplyTo* via = nullptr);
    void sendRepl(NodeId from, NodeId to, const ReplMsg& msg);
    void onReplMessage(NodeId to, NodeId from, const ReplMsg& msg);
    void onElectionMessage(NodeId to, NodeId from, const ReplMsg& msg);
    void finishOp(std::uint32_t op, ErrorReason err, const Cell& result);
    void startWrite(std::uint32_t op);
    void replicate(std::uint32_t op);
    void commitWrite(std::uint32_t op);
    void leaveKeyQueue(const ReplOp& op, std::uint32_t id);
    bool writeInProgress(const ReplOp& op, std::uint32_t id) const;
    void onReplTimeout(std::uint32_t op, std::uint32_t gen);
    void onElectionTimer(NodeId node, std::uint32_t gen);
    void setStoreMode(std::uint32_t spec, StoreMode mode);
    void startElection(ReplicaState& rs);
    bool hasLeader(const ReplicaState& rs) const;
    void onHeartbeatTick(NodeId node, std::uint32_t gen);
    void onAntiEntropyTick(std::uint32_t store);
    void armElection(ReplicaState& rs);
    void becomeFollower(ReplicaState& rs, std::uint64_t term, const char* why);
    void becomeLeader(ReplicaState& rs);
    bool leaseValid(const ReplicaState& rs) const;
    bool merge(ReplicaState& rs, std::uint32_t key, const Cell& incoming);
    Cell newCell(ReplicaState& rs, std::uint32_t key, const Job& job);
    int quorum(const StoreState& st, bool write, const Job& job) const;
    void recordCommit(const Job& job);
    void recordRead(const Job& job, SimTime invoked);
    void replicaKilled(ReplicaState& rs);
    void replicaRestarted(ReplicaState& rs);
    ReplicaState* leaderOf(const StoreState& st);
    void dropMessage(const Message& m);
    // --- the linearizability checker over clients' histories (EngineHistory.cpp)
    std::uint32_t storeOfClient(std::uint32_t client) const;
    void historyInvoke(std::uint32_t call, const Job& job);
    void historyComplete(const Call& call, bool ok, std::int64_t readValue, bool definite,
                         std::uint32_t replica = kNone);
    void checkWindow(std::uint32_t store, std::uint32_t key, bool forced);
    void finishChecks();

    // --- session stores, idempotency keys, pools (EngineTraffic.cpp); caches (CacheModel.cpp),
    // rate limiters (RateLimiterModel.cpp), batching (EngineBatching.cpp), write queues
    // (QueueModel.cpp)
    NodeId resolveTarget(std::uint32_t spec, NodeId from, Rng& rng, std::uint32_t key = 0);
    // --- sharding (EngineSharding.cpp)
    std::uint32_t shardOf(const StoreState& st, std::uint32_t key) const;
    NodeId storeNodeFor(std::uint32_t store, std::uint32_t key, NodeId from);
    void buildRing(StoreState& st);
    NodeId addShardNode(std::uint32_t store);
    void addShard(std::uint32_t store);
    void onMigrationTick(std::uint32_t store, std::uint32_t gen);
    void onMigrationArrive(std::uint32_t tag, std::uint32_t batch);
    void finishMigration(std::uint32_t store);
    void linkNewNode(NodeId id, std::uint32_t spec);
    bool fetchSession(NodeId node, const Job& job);
    void onSessionAnswer(std::uint32_t call, ErrorReason err);
    bool idempotencyGate(NodeId store, const Job& job);
    void idempotencyDone(NodeId store, const Job& job);
    void forgetRunningKeys(std::uint32_t store, NodeId node);
    void onCacheLookup(NodeId node, const Job& job);
    void onCacheFill(std::uint32_t call, ErrorReason err, const Job* answer);
    void cacheInsert(CacheState& c, std::uint32_t key, std::int64_t value, std::uint64_t version);
    void cacheErase(CacheState& c, std::uint32_t key);
    void cacheWrite(std::uint32_t cache, const Job& written);
    void cacheClear(CacheState& c);
    void onLimiterRequest(NodeId node, const Job& job);
    void onLimiterRelease(std::uint32_t limiter, std::uint32_t key);
    void forwardThrough(NodeId node, std::uint32_t targetSpec, const Job& job, double timeoutMs);
    void relayAnswer(std::uint32_t call, ErrorReason err, const Job* answer);
    void callDatastore(NodeId node, const Job& job, std::uint32_t slot);
    void onQueueArrival(NodeId node, const Job& job);
    void dispatchQueue(std::uint32_t queue);
    void onQueuePoll(std::uint32_t queue);
    void onQueueAnswer(std::uint32_t call, ErrorReason err);
    void poolRelease(NodeId node);

    // --- faults, commands, metrics (EngineActions.cpp)
    std::vector<NodeId> resolveNodes(const std::string& name, bool& isMember);
    void killNode(NodeId n);
    void restartNode(NodeId n);
    void setLinkState(const Action& a, bool up);
    void setField(const Action& a);
    // false: not a station field
    bool setStationField(std::uint32_t spec, std::string_view field, double value);
    void setScalingPolicy(std::uint32_t spec, const std::string& name);
    void resizeStations(std::uint32_t spec, int cores);
    void setInstances(std::uint32_t spec, std::size_t target);
    std::vector<NodeId> stationsOf(std::uint32_t spec) const;
    NodeId addMember(std::uint32_t group);
    void onMetricsTick();
    std::size_t liveInstances() const;
    void onAutoscale(std::uint32_t group);
    bool ready(NodeId member) const;
    void retireIfIdle(NodeId member);

    // --- state
    // Registry order (NodeModelRegistry.cpp). Shared by copies of the engine (checkpoints): a
    // model holds no state of its own, so the copy's PNode::handler pointers stay right.
    std::vector<std::shared_ptr<NodeModel>> kindModels;
    std::vector<NodeModel*> modelOfKind; // indexed by NodeKind
    std::vector<NodeSpec> specs;
    std::unordered_map<std::string, std::uint32_t> specIndex;
    std::vector<std::vector<NodeId>> specNodes; // physical nodes of each scenario node
    std::unordered_map<std::string, NodeId> nodeByName;
    std::vector<PNode> pnodes;
    std::vector<ClientState> clients;
    std::vector<LbState> lbs;
    std::vector<GroupState> groups;
    std::vector<StoreState> stores;
    std::vector<CacheState> caches;
    std::vector<LimiterState> limiters;
    std::vector<QueueState> queues;
    std::vector<std::uint32_t> cacheOfSpec; // scenario node -> caches index
    std::vector<Station> stations;
    std::vector<LinkState> links;
    std::vector<EdgeState> edges;
    std::vector<std::uint32_t> edgeLink; // edges[e].link, packed: read on every message
    std::vector<std::uint32_t> groupOfSpec, storeOfSpec;

    Topology topo;
    EventQueue events;
    Pool<Message> messages;
    Pool<Call> calls;
    Pool<Request> requests;
    std::vector<ReplicaState> replicaStates;
    Pool<ReplOp> replOps;
    Pool<ReplMsg> replMsgs;
    std::uint64_t globalSeq = 0;
    SimTime now = 0;
    SimTime lastFault = -1;
    SimTime metricsInterval = 250'000;
    std::uint64_t seed = 1;
    std::uint64_t eventsProcessed = 0;
    std::int64_t writeSerial = 0;    // unique values for `set` writes, so histories can be checked
    std::uint32_t historySerial = 0; // process ids of history lines (one per attempt)

    std::vector<Action> pending; // sorted by stamp, ties in posting order
    std::size_t pendingHead = 0;
    std::vector<Action> applied;

    // measurements
    Summary totals;
    Histogram latencyAll;
    Histogram stalenessAll;
    IntervalCounters interval;
    std::uint64_t intervalLate = 0, intervalLost = 0;
    std::uint64_t ticks = 0;
    double instancesSum = 0;
    double keysMovedFraction = 0;
    std::uint64_t storeOpsTotal = 0;

    std::function<void(const MetricsRow&)> metricsSink;
    std::function<void(const NodeSample&)> nodeSink;
    std::function<void(const LogEntry&)> logSink;
    std::function<void(const std::string&)> historySink;
    void emitHistory(const Call& call, const char* type, bool write, bool add, std::uint32_t store,
                     std::uint32_t key, std::int64_t value, bool hasValue,
                     std::uint32_t replica = kNone);
};

// Shared by the replica-set files (EngineReplication, EngineElection).
inline std::string ms(SimTime us) { // milliseconds, for the event log's sentences
    return sentenceNumber(static_cast<double>(us) / 1000.0);
}
inline ReplMsg replMsg(ReplMsg::Kind kind) {
    ReplMsg m{};
    m.kind = kind;
    return m;
}

} // namespace cs::core
