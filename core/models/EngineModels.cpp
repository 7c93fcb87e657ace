// M/M/c/K stations (service instances, datastores, session stores, caches) with synchronous or
// asynchronous downstream calls: the service that the station kinds' models share.
#include "EngineImpl.h"
#include "Rounding.h"

#include <algorithm>
#include <cmath>

namespace cs::core {

// --- stations: M/M/c/K with `cores` servers and a waiting room of `queue_capacity`

double Engine::Impl::sampleServiceUs(PNode& node) {
    const Distribution& d = specs[node.spec].service;
    Station& st = stations[node.model];
    const double scale = st.serviceScale;
    switch (d.kind) {
    case Distribution::Kind::Exponential:
        return node.rng.exponential(d.mean_ms * 1000.0) * scale;
    case Distribution::Kind::Constant:
        return d.mean_ms * 1000.0 * scale;
    case Distribution::Kind::Lognormal: {
        if (d.median_ms != st.sigmaMedian || d.p99_ms != st.sigmaP99) { // a logarithm saved
            st.sigmaMedian = d.median_ms;
            st.sigmaP99 = d.p99_ms;
            st.sigma = d.p99_ms > d.median_ms ? std::log(d.p99_ms / d.median_ms) / 2.326 : 0.0;
        }
        return node.rng.lognormal(d.median_ms * 1000.0, st.sigma) * scale;
    }
    }
    return 0.0;
}

// The station's part of an arrival, once its kind's model admitted the job: a free core, the
// waiting room, or a refusal.
void Engine::Impl::onStationArrival(NodeId node, const Job& job) {
    Station& st = stations[pnodes[node].model];
    if (st.busy < st.cores && !st.freeSlots.empty()) {
        startService(node, job);
    } else if (static_cast<int>(st.queue.size()) < st.capacity) {
        st.queue.push(job);
        retain(job.request);
    } else {
        Job refused = job;
        refused.definite = true; // the waiting room is full: it never ran
        respond(refused, node, ErrorReason::Dropped);
    }
}

void Engine::Impl::startService(NodeId node, const Job& job) {
    PNode& p = pnodes[node];
    Station& st = stations[p.model];
    const std::uint32_t slot = st.freeSlots.back();
    st.freeSlots.pop_back();
    st.slots[slot].busy = true;
    st.slots[slot].job = job;
    retain(job.request);
    setBusy(st, +1);
    // A request that starts during a GC pause starts when the pause ends.
    const SimTime start = std::max(now, p.pausedUntil);
    st.slots[slot].serving = true;
    scheduleCompletion(node, slot, start + roundDelay(sampleServiceUs(p)));
}

void Engine::Impl::scheduleCompletion(NodeId node, std::uint32_t slot, SimTime at) {
    Slot& s = stations[pnodes[node].model].slots[slot];
    ++s.gen;
    s.doneAt = at;
    events.push(at, EventType::ServiceDone, node, (slot << 16) | (s.gen & 0xFFFF));
}

// Stop-the-world: every request in its service time is held up for the pause.
void Engine::Impl::onGcPause(NodeId node, std::uint32_t incarnation) {
    PNode& p = pnodes[node];
    if (!p.exists || incarnation != p.incarnation) return; // died or removed: its timer stops
    const auto& gc = *specs[p.spec].gc;
    const SimTime pause = std::llround(gc.pause_ms * 1000.0);
    if (p.alive) {
        p.pausedUntil = now + pause;
        Station& st = stations[p.model];
        for (std::uint32_t s = 0; s < st.slots.size(); ++s)
            if (st.slots[s].busy && st.slots[s].serving)
                scheduleCompletion(node, s, st.slots[s].doneAt + pause);
    }
    events.push(now + std::llround(gc.interval_ms * 1000.0), EventType::GcPause, node,
                p.incarnation);
}

void Engine::Impl::onServiceDone(NodeId node, std::uint32_t slot, std::uint32_t token) {
    PNode& p = pnodes[node];
    Station& st = stations[p.model];
    Slot& s = st.slots[slot];
    if (!s.busy || !s.serving || token != (s.gen & 0xFFFF)) return; // cancelled: death or GC pause
    s.serving = false;
    const Job job = s.job; // a copy: freeing the slot may start the next job in it
    p.handler->onServed(*this, node, slot, job);
}

void Engine::Impl::freeSlot(NodeId node, std::uint32_t slot) {
    Station& st = stations[pnodes[node].model];
    const std::uint32_t r = st.slots[slot].job.request;
    st.slots[slot].busy = false;
    st.freeSlots.push_back(slot);
    setBusy(st, -1);
    release(r);
    if (!st.queue.empty() && st.busy < st.cores) {
        const Job next = st.queue.front();
        st.queue.pop();
        startService(node, next);
        release(next.request);
    } else if (!st.readyBatches.empty() && st.busy < st.cores) {
        std::vector<Job> next = std::move(st.readyBatches.front());
        st.readyBatches.pop();
        startBatch(node, std::move(next));
    }
    retireIfIdle(node);
}

void Engine::Impl::onDownstreamAnswer(std::uint32_t call, ErrorReason err, const Job* answer) {
    if (calls[call].session) return onSessionAnswer(call, err);
    Call c = calls[call];
    if (answer) c.parent.takeAnswer(*answer);
    retain(c.parent.request);
    closeCall(call);
    if (err == ErrorReason::Ok && c.parent.write &&
        pnodes[c.caller].handler == &modelOf(NodeKind::ServiceGroup)) {
        const std::uint32_t cache = groups[groupOfSpec[pnodes[c.caller].spec]].cache;
        if (cache != kNone) cacheWrite(cache, c.parent);
    }
    respond(c.parent, c.caller, err);
    if (c.slot != kNone) freeSlot(c.caller, c.slot);
    if (c.pooled) poolRelease(c.caller);
    release(c.parent.request);
}

void Engine::Impl::applyAtStore(const PNode& node, const Job& job) {
    if (!job.write) return;
    Request& q = requests[job.request];
    const NodeSpec& client = specs[clients[q.client].spec];
    StoreState& store = stores[storeOfSpec[node.spec]];
    // Applied once more: a duplicate side effect for an increment (with idempotency keys this
    // happens only after the key expired; the store's gate answers retries before that).
    ++q.applied;
    if (q.applied > 1 && client.write_kind == WriteKind::Increment) ++totals.duplicate_side_effects;
    if (job.key < store.versions.size()) ++store.versions[job.key];
}

} // namespace cs::core
