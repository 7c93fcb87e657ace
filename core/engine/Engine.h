// The discrete-event simulator: runs a Scenario, applies actions, measures (DESIGN.md sections
// 3-4).
#pragma once

#include "EventQueue.h"
#include "Histogram.h"
#include "Metrics.h"
#include "Random.h"
#include "Scenario.h"
#include "Topology.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace cs::core {

// One line for the event log: a fault, a reaction, or an action that was skipped.
struct LogEntry {
    SimTime time;
    std::string subject; // node or link ("a--b")
    std::string text;
};

// What a physical node is to the scenario node that owns it, so that no reader has to guess it
// from the node's name.
enum class NodeRole : std::uint8_t {
    Whole,    // the scenario node itself: a client, a load balancer, a single datastore, ...
    Instance, // one instance of a service group
    Shard,    // one shard of a sharded datastore
    Replica,  // one replica of a replica set (a scenario node of its own; owner is the store)
};

// What the UI and tests may see of a physical node.
struct NodeView {
    std::string name;
    std::string owner; // the scenario node it belongs to (group or datastore), or itself
    NodeRole role = NodeRole::Whole;
    // Members only: 1 for its owner's first member, k for the k-th the owner has had; a member
    // keeps its number for the whole run (those removed are not renumbered). 0 for a whole node.
    int member = 0;
    NodeKind kind;
    bool alive;
    int busy, cores, queued;
    std::uint32_t id = 0;                   // physical node id: stable for the whole run
    int partition = -1;                     // component of the graph of links up; -1 when dead
    bool leader = false;                    // a replica leading its set with a valid lease (CP)
    bool warming = false, draining = false; // instances being added or removed by the autoscaler
    std::uint64_t lagKeys = 0, term = 0; // replicas: keys behind the newest replica; election term
    double hitRatio = -1; // caches: hits / lookups over the last metrics interval (-1: not one)
    std::uint64_t passed = 0, limited = 0; // rate limiters: requests let through and refused
};

// A physical link: one edge of a scenario link (a link to a group has one per instance).
struct LinkView {
    std::uint32_t a, b;       // physical node ids
    std::string specA, specB; // the scenario link it belongs to
    bool up;
};

// A message on the wire, for animation: it leaves path[0] at times[0] and reaches path[i] at
// times[i].
struct MessageView {
    static constexpr int kMaxPoints = 5;
    std::uint32_t path[kMaxPoints];
    SimTime times[kMaxPoints];
    int points = 0;
    bool response = false;
};

class Engine {
public:
    // The scenario must be valid (validateScenario); the engine copies what it needs.
    explicit Engine(const Scenario& scenario);
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    // Processes every event with time <= t (and actions stamped <= t, after the events at their
    // time), then sets now() to t.
    void runUntil(SimTime t);
    SimTime now() const;
    std::uint64_t eventsProcessed() const;

    // Command API: an action takes effect after every event with time <= its stamp and before any
    // later event. A live command should be stamped now() (earlier stamps are moved to now()); the
    // stamp is what a replay uses.
    void post(const Action& action);
    // Actions applied so far (timeline and live), in the order they took effect.
    const std::vector<Action>& appliedActions() const;

    void setMetricsSink(std::function<void(const MetricsRow&)> sink);
    void setNodeSink(std::function<void(const NodeSample&)> sink);
    void setLogSink(std::function<void(const LogEntry&)> sink);
    // Clients' operations on replicated stores as EDN-like lines (the kv format of
    // `check-history`): one :invoke and one :ok, :fail or :info line per operation.
    void setHistorySink(std::function<void(const std::string& line)> sink);

    Summary summary() const;
    std::vector<NodeView> nodes() const;
    std::vector<LinkView> links() const;
    // Up to `max` messages in flight, oldest slots first (a stable, cheap sample).
    std::vector<MessageView> messages(std::size_t max) const;
    std::vector<int> partitionGroups() const;
    std::uint64_t inFlightRequests() const; // counted from the live request table
    // Checks the histories still open (call once, at the end of a run, before summary()).
    void finishChecks();

    // Checkpoints (rewind): an independent copy of the whole run state at now(), without the
    // sinks. Run on with the same actions, the copy gives exactly what the original gives.
    std::unique_ptr<Engine> clone() const;
    // Actions not applied yet (the timeline's, the lesson's and posted ones), in the order they
    // will take effect.
    std::vector<Action> pendingActions() const;
    // Replaces them: a replay from a checkpoint posts the session's actions again. Stamps before
    // now() are moved to now(); the order given is kept among equal stamps.
    void setPendingActions(const std::vector<Action>& actions);
    // About how many bytes clone() allocates (checkpoints budget their memory by it).
    std::size_t approxBytes() const;

    struct Impl; // EngineImpl.h; private to core

private:
    explicit Engine(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace cs::core
