// The one interface between the kernel and a node kind's behaviour: the kernel calls these hooks
// and never switches on the kind (STYLE.md practice 12). One object per scenario node kind.
#pragma once

#include "Engine.h"
#include "FieldTable.h"

#include <memory>
#include <vector>

namespace cs::core {

struct Job;
struct Message;
struct PNode;
struct Station;

// When in the metrics tick a model samples: the phases keep the order of the node samples that
// files and charts have always had.
enum class MetricsPhase : std::uint8_t {
    BeforeRow, // before the row goes out: may add to it (caches' hit ratio)
    AfterRow,  // after the row and the stations' samples
    AfterReset // after the interval counters are cleared
};

class NodeModel {
public:
    NodeModel() = default;
    NodeModel(const NodeModel&) = delete;
    NodeModel& operator=(const NodeModel&) = delete;
    virtual ~NodeModel() = default;

    // Set-up runs in four passes so references resolve whatever the order of the scenario's nodes:
    // declare and build go over the scenario nodes of this kind in file order; then the links are
    // laid; then wire and start go over the kinds in registry order (NodeModelRegistry.cpp).
    virtual void declare(Engine::Impl&, std::uint32_t /*spec*/) {}
    virtual void build(Engine::Impl& e, std::uint32_t spec) = 0;
    virtual void wire(Engine::Impl&) {}
    virtual void start(Engine::Impl&) {}

    // A request arrives at one of its physical nodes.
    virtual void onRequest(Engine::Impl&, NodeId /*node*/, const Job& /*job*/) {}
    // A response arrives; the default passes the answer of a call still open to onAnswer.
    virtual void onResponse(Engine::Impl& e, const Message& m);
    // One of its station nodes finished the service time of `job` in `slot`; the default answers
    // it and frees the slot (a plain server, such as a session store).
    virtual void onServed(Engine::Impl& e, NodeId node, std::uint32_t slot, const Job& job);
    // The answer to a call one of its nodes made; `answer` is null when the call timed out.
    virtual void onAnswer(Engine::Impl&, std::uint32_t /*call*/, ErrorReason /*err*/,
                          const Job* /*answer*/) {}

    // Faults: what dies with one of its nodes (after the kernel closed the node's deadlines, and
    // before the kernel drops the node's station work and open calls), and what comes back.
    virtual void onKill(Engine::Impl&, NodeId) {}
    virtual void onRestart(Engine::Impl&, NodeId) {}

    // A service group (index `group`) gained an instance: kinds that spread over a group's
    // instances (load balancers) learn of it here.
    virtual void onMemberAdded(Engine::Impl&, std::uint32_t /*group*/, NodeId /*member*/) {}

    // What one of its physical nodes is to its scenario node (members are numbered by the kernel).
    virtual NodeRole roleOf(const Engine::Impl&, NodeId) const { return NodeRole::Whole; }
    // A live `set` of a field of scenario node `spec` (the table's row, live for this kind; the
    // value within the row's live range). The default writes it into the node's spec, which the
    // model reads where it uses it; a kind whose running state follows the field does more.
    virtual void setField(Engine::Impl& e, std::uint32_t spec, const FieldRow& row,
                          const FieldValue& value);
    // For station kinds: size, waiting room and service time change the running instances; other
    // fields as the default.
    void setStationOrOtherField(Engine::Impl& e, std::uint32_t spec, const FieldRow& row,
                                const FieldValue& value);

    // What the UI sees of one of its nodes beyond the common fields.
    virtual void fillView(const Engine::Impl&, NodeId, NodeView&) const {}
    // The metrics tick: per-kind samples and contributions to the row.
    virtual void sampleMetrics(Engine::Impl&, MetricsPhase, MetricsRow&) {}
    // Per station node of this kind, in node order, before its utilization sample.
    virtual void sampleStation(Engine::Impl&, const PNode&, const Station&, double /*tS*/) {}
    virtual void addToSummary(const Engine::Impl&, Summary&) const {}

    // Where a reference to scenario node `spec` of this kind leads from `from` (kNone: nowhere).
    virtual NodeId resolveTarget(Engine::Impl&, std::uint32_t /*spec*/, NodeId /*from*/, Rng&,
                                 std::uint32_t /*key*/) {
        return kNone;
    }
    // The datastore (index) that requests sent to scenario node `spec` end at, or kNone; `depth`
    // bounds a chain of forwarding nodes.
    virtual std::uint32_t storeBehind(const Engine::Impl&, std::uint32_t /*spec*/,
                                      int /*depth*/) const {
        return kNone;
    }
};

// The registry: one model object per node kind, in the order set-up and metrics visit them.
std::vector<std::unique_ptr<NodeModel>> makeNodeModels(std::vector<NodeModel*>& byKind);

} // namespace cs::core
