// Write queues (write-behind, DESIGN.md section 6 row 6): hold writes and deliver each to a
// consumer instance, at least once, until it is acknowledged.
#include "EngineImpl.h"

#include <algorithm>
#include <cmath>

namespace cs::core {

void Engine::Impl::onQueueArrival(NodeId node, const Job& job) {
    QueueState& q = queues[pnodes[node].aux];
    const NodeSpec& spec = specs[q.spec];
    if (static_cast<int>(q.buffer.size()) >= spec.capacity) {
        Job refused = job;
        refused.definite = true;
        respond(refused, node, ErrorReason::Dropped);
        if (q.lastLogged < 0 || now - q.lastLogged >= 5'000'000) {
            q.lastLogged = now;
            log(spec.id, spec.id + " is full (" + std::to_string(spec.capacity) +
                             " messages): writes are refused until consumers catch up");
        }
        return;
    }
    q.buffer.push({now, job});
    retain(job.request); // the message keeps its request until a consumer has applied it
    q.maxDepth = std::max<std::uint64_t>(q.maxDepth, q.buffer.size());
    respond(job, node, ErrorReason::Ok); // stored: the producer's write is done
    dispatchQueue(pnodes[node].aux);
}

void Engine::Impl::dispatchQueue(std::uint32_t qi) {
    QueueState& q = queues[qi];
    if (!pnodes[q.node].alive) return;
    const NodeSpec& spec = specs[q.spec];
    const auto& members = groups[q.group].members;
    if (q.inflight.size() < members.size()) q.inflight.resize(members.size(), 0);
    const auto n = static_cast<std::uint32_t>(members.size());
    while (!q.buffer.empty()) {
        std::uint32_t pick = kNone;
        for (std::uint32_t i = 0; i < n && pick == kNone; ++i) {
            const std::uint32_t b = (q.cursor + i) % n;
            const NodeId m = members[b];
            const int prefetch = spec.prefetch > 0
                                     ? spec.prefetch
                                     : 8 * std::max(1, stations[pnodes[m].model].cores);
            if (ready(m) && pnodes[m].alive && q.inflight[b] < prefetch &&
                topo.route(q.node, m) != kNone)
                pick = b;
        }
        if (pick == kNone) { // every consumer is busy, gone or unreachable: look again soon
            if (!q.pollArmed) {
                q.pollArmed = true;
                events.push(now + 50'000, EventType::QueuePoll, qi);
            }
            return;
        }
        q.cursor = (pick + 1) % n;
        const Job msg = q.buffer.front().second;
        q.buffer.pop();
        const std::uint32_t call = openCallFor(q.node, members[pick], msg, spec.ack_timeout_ms);
        calls[call].backend = pick;
        ++q.inflight[pick];
        sendCall(call);
        release(msg.request); // the call holds it now
    }
}

void Engine::Impl::onQueuePoll(std::uint32_t qi) {
    queues[qi].pollArmed = false;
    dispatchQueue(qi);
}

// Acknowledged: forgotten. Anything else (a timeout, an error): delivered again later, so a write
// whose acknowledgement was lost is applied twice unless the store deduplicates it.
void Engine::Impl::onQueueAnswer(std::uint32_t call, ErrorReason err) {
    const Call c = calls[call];
    QueueState& q = queues[pnodes[c.caller].aux];
    if (c.backend < q.inflight.size() && q.inflight[c.backend] > 0) --q.inflight[c.backend];
    if (err != ErrorReason::Ok) {
        q.buffer.push({now, c.parent});
        retain(c.parent.request);
        ++q.redeliveries;
        if (q.lastLogged < 0 || now - q.lastLogged >= 5'000'000) {
            q.lastLogged = now;
            log(specs[q.spec].id, specs[q.spec].id + ": a message was not acknowledged (" +
                                      toString(err) + "); it will be delivered again");
        }
    }
    closeCall(call);
    dispatchQueue(pnodes[c.caller].aux);
}

namespace {

class QueueModel final : public NodeModel {
public:
    void build(Engine::Impl& e, std::uint32_t i) override {
        const NodeId id = e.addNode(e.specs[i].id, i, i);
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
        if (phase != MetricsPhase::BeforeRow) return;
        for (auto& q : e.queues) {
            const double lag =
                q.buffer.empty() ? 0.0 : static_cast<double>(e.now - q.buffer.front().first) / 1e6;
            row.queue_depth += static_cast<double>(q.buffer.size());
            row.consumer_lag_s = std::max(row.consumer_lag_s, lag);
            if (!e.nodeSink) continue;
            const std::string& id = e.specs[q.spec].id;
            e.nodeSink(
                NodeSample{row.t_s, id, "queue_depth", static_cast<double>(q.buffer.size())});
            e.nodeSink(NodeSample{row.t_s, id, "consumer_lag_s", lag});
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
