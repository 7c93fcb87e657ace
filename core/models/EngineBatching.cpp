// Batching on service groups (DESIGN.md section 6 row 1): collect, close at `size` or
// `max_wait_ms`, serve a batch on one core.
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

} // namespace cs::core
