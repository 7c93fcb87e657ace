// Batching on service groups and write queues with at-least-once delivery (DESIGN.md section 6
// rows 1 and 6).
#include "EngineImpl.h"

#include <algorithm>
#include <cmath>

namespace cs::core {

// --- batching: collect, close at `size` or `max_wait_ms`, serve a batch on one core

void Engine::Impl::addToBatch(NodeId node, const Job& job) {
    PNode& p = pnodes[node];
    Station& st = stations[p.model];
    const auto& b = *specs[p.spec].batching;
    if (static_cast<int>(st.batchedWaiting) >= st.capacity + b.size) {
        Job refused = job;
        refused.definite = true; // the waiting room is full: it never ran
        respond(refused, node, ErrorReason::Dropped);
        return;
    }
    st.forming.push_back(job);
    ++st.batchedWaiting;
    retain(job.request);
    if (static_cast<int>(st.forming.size()) >= b.size)
        closeBatch(node);
    else if (st.forming.size() == 1)
        events.push(now + std::llround(b.max_wait_ms * 1000.0), EventType::BatchTimer, node,
                    st.formGen);
}

void Engine::Impl::onBatchTimer(NodeId node, std::uint32_t gen) {
    const Station& st = stations[pnodes[node].model];
    if (gen == st.formGen && !st.forming.empty() && pnodes[node].alive) closeBatch(node);
}

void Engine::Impl::closeBatch(NodeId node) {
    Station& st = stations[pnodes[node].model];
    ++st.formGen;
    std::vector<Job> batch;
    batch.swap(st.forming);
    if (st.busy < st.cores && !st.freeSlots.empty())
        startBatch(node, std::move(batch));
    else
        st.readyBatches.push(std::move(batch));
}

void Engine::Impl::startBatch(NodeId node, std::vector<Job> batch) {
    PNode& p = pnodes[node];
    Station& st = stations[p.model];
    const auto& b = *specs[p.spec].batching;
    st.batchedWaiting -= batch.size();
    const std::uint32_t slot = st.freeSlots.back();
    st.freeSlots.pop_back();
    Slot& s = st.slots[slot];
    s.busy = true;
    s.serving = true;
    s.job = batch.front(); // its reference moves to the slot
    s.batch.assign(batch.begin() + 1, batch.end());
    setBusy(st, +1);
    const double costMs = b.overhead_ms + static_cast<double>(batch.size()) * b.per_item_ms;
    scheduleCompletion(
        node, slot, std::max(now, p.pausedUntil) + std::llround(costMs * 1000.0 * st.serviceScale));
}

// Every request of the batch goes on: to the datastore (without holding the core) or back up.
void Engine::Impl::finishBatch(NodeId node, std::uint32_t slot) {
    PNode& p = pnodes[node];
    Station& st = stations[p.model];
    const GroupState& g = groups[groupOfSpec[p.spec]];
    std::vector<Job> batch;
    batch.swap(st.slots[slot].batch);
    batch.insert(batch.begin(), st.slots[slot].job);
    retain(batch.front().request); // freeSlot drops the slot's reference to it
    freeSlot(node, slot);
    for (const Job& j : batch) {
        if (g.store == kNone)
            respond(j, node, ErrorReason::Ok);
        else
            callDatastore(node, j, kNone);
        release(j.request);
    }
}

// --- write queues: at-least-once delivery to a consumer group

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

} // namespace cs::core
