// Write queues (DESIGN.md section 6 row 10): hold writes and deliver each to a consumer instance
// until it is acknowledged. Delivery is in EngineQueue.cpp.
#include "EngineImpl.h"

#include <algorithm>

namespace cs::core {
namespace {

class QueueModel final : public NodeModel {
public:
    void build(Engine::Impl& e, std::uint32_t i) override {
        const NodeId id = e.addNode(e.specs[i].id, PKind::Queue, i, i);
        e.pnodes[id].aux = static_cast<std::uint32_t>(e.queues.size());
        QueueState q;
        q.spec = i;
        q.node = id;
        e.queues.push_back(std::move(q));
    }
    void wire(Engine::Impl& e) override {
        for (auto& q : e.queues) q.group = e.groupOfSpec[e.specIndex.at(e.specs[q.spec].consumers)];
    }

    void onRequest(Engine::Impl& e, NodeId node, const Job& job) override {
        e.onQueueArrival(node, job);
    }
    void onAnswer(Engine::Impl& e, std::uint32_t call, ErrorReason err, const Job*) override {
        e.onQueueAnswer(call, err);
    }

    // A durable queue: messages out for delivery go back in, to be delivered again.
    void onKill(Engine::Impl& e, NodeId n) override {
        QueueState& q = e.queues[e.pnodes[n].aux];
        for (std::uint32_t c = 0; c < e.calls.capacity(); ++c) {
            if (!e.calls.live(c) || e.calls[c].caller != n) continue;
            q.buffer.push({e.now, e.calls[c].parent});
            e.retain(e.calls[c].parent.request);
            e.closeCall(c);
        }
        std::fill(q.inflight.begin(), q.inflight.end(), 0);
    }
    void onRestart(Engine::Impl& e, NodeId n) override { e.dispatchQueue(e.pnodes[n].aux); }

    void fillView(const Engine::Impl& e, NodeId id, NodeView& v) const override {
        v.queued = static_cast<int>(e.queues[e.pnodes[id].aux].buffer.size());
    }

    void sampleMetrics(Engine::Impl& e, MetricsPhase phase, MetricsRow& row) override {
        if (phase != MetricsPhase::BeforeRow || !e.nodeSink) return;
        for (auto& q : e.queues) {
            const std::string& id = e.specs[q.spec].id;
            e.nodeSink(
                NodeSample{row.t_s, id, "queue_depth", static_cast<double>(q.buffer.size())});
            e.nodeSink(NodeSample{row.t_s, id, "consumer_lag_s",
                                  q.buffer.empty()
                                      ? 0.0
                                      : static_cast<double>(e.now - q.buffer.front().first) / 1e6});
            e.nodeSink(
                NodeSample{row.t_s, id, "redeliveries_total", static_cast<double>(q.redeliveries)});
        }
    }
    void addToSummary(const Engine::Impl& e, Summary& s) const override {
        for (const auto& q : e.queues)
            s.queue_max_depth = std::max(s.queue_max_depth, static_cast<double>(q.maxDepth));
    }
};

} // namespace

std::unique_ptr<NodeModel> makeQueueModel() {
    return std::make_unique<QueueModel>();
}

} // namespace cs::core
