// Traffic patterns (DESIGN.md section 6 rows 4, 6, 8 and Q8): session stores, caches with
// coalescing, rate limiters, idempotency keys at the store, and datastore connection pools.
#include "EngineImpl.h"

#include <algorithm>
#include <cmath>

namespace cs::core {

// Where a reference to scenario node `spec` leads from `from`: a load balancer or rate limiter
// itself, a ready instance of a group (picked at random), or the nearest replica of a store.
NodeId Engine::Impl::resolveTarget(std::uint32_t spec, NodeId from, Rng& rng, std::uint32_t key) {
    switch (specs[spec].kind) {
    case NodeKind::LoadBalancer:
    case NodeKind::RateLimiter:
        return specNodes[spec].front();
    case NodeKind::ServiceGroup: {
        const auto& members = groups[groupOfSpec[spec]].members;
        std::vector<NodeId>::size_type n = 0;
        for (NodeId m : members) n += ready(m) ? 1 : 0;
        if (n == 0) return kNone;
        auto pick = rng.below(n);
        for (NodeId m : members)
            if (ready(m) && pick-- == 0) return m;
        return kNone;
    }
    case NodeKind::Datastore:
        return storeNodeFor(storeOfSpec[spec], key, from);
    default:
        return kNone;
    }
}

// A call from `node` that passes `job` on to `targetSpec` and relays the answer back.
void Engine::Impl::forwardThrough(NodeId node, std::uint32_t targetSpec, const Job& job,
                                  double timeoutMs) {
    const NodeId dst = resolveTarget(targetSpec, node, pnodes[node].rng, job.key);
    if (dst == kNone) {
        Job refused = job;
        refused.definite = true;
        respond(refused, node, ErrorReason::Unavailable);
        return;
    }
    sendCall(openCallFor(node, dst, job, timeoutMs));
}

void Engine::Impl::relayAnswer(std::uint32_t call, ErrorReason err, const Job* answer) {
    Call c = calls[call];
    if (answer) c.parent.takeAnswer(*answer);
    retain(c.parent.request);
    closeCall(call);
    respond(c.parent, c.caller, err);
    release(c.parent.request);
}

// --- session stores: a stateless instance fetches the session before it does the work

bool Engine::Impl::fetchSession(NodeId node, const Job& job) {
    const GroupState& g = groups[groupOfSpec[pnodes[node].spec]];
    if (g.sessionStore == kNone || job.sessionLoaded) return false;
    const NodeSpec& spec = specs[g.spec];
    const std::uint32_t call = openCall(node, g.sessionStore, job.request, job.attempt);
    calls[call].parent = job;
    calls[call].session = true;
    addDeadline(node, call, spec.downstream_timeout_ms);
    Job q = job;
    q.caller = node;
    q.call = call;
    q.callGen = calls.gen(call);
    q.write = false; // reading a session is not the request's write
    send(node, g.sessionStore, q, false, ErrorReason::Ok);
    return true;
}

void Engine::Impl::onSessionAnswer(std::uint32_t call, ErrorReason err) {
    const Call c = calls[call];
    retain(c.parent.request);
    closeCall(call);
    if (err == ErrorReason::Ok) {
        Job j = c.parent;
        j.sessionLoaded = true;
        onStationArrival(c.caller, j);
    } else {
        respond(c.parent, c.caller, err);
    }
    release(c.parent.request);
}

// --- idempotency keys at a (non-replicated) datastore

namespace {
bool keyedWrite(const Job& job, const std::vector<ClientState>& clients,
                const std::vector<NodeSpec>& specs, const Pool<Request>& requests) {
    return job.write && specs[clients[requests[job.request].client].spec].idempotency_keys;
}
} // namespace

// True when the store answers or parks the attempt itself: its key is done (the first result is
// returned, nothing is applied again) or still running (the retry waits for the first attempt).
bool Engine::Impl::idempotencyGate(NodeId node, const Job& job) {
    const PNode& p = pnodes[node];
    if (p.replica != kNone || !keyedWrite(job, clients, specs, requests)) return false;
    StoreState& st = stores[storeOfSpec[p.spec]];
    while (!st.idemExpiry.empty() && st.idemExpiry.front().first <= now) {
        const auto it = st.idem.find(st.idemExpiry.front().second);
        if (it != st.idem.end() && it->second.done && it->second.expires <= now) st.idem.erase(it);
        st.idemExpiry.pop();
    }
    const std::uint64_t key =
        (static_cast<std::uint64_t>(job.request) << 32) | requests.gen(job.request);
    auto [it, fresh] = st.idem.try_emplace(key);
    if (fresh) return false; // registered as running; it goes on to be served
    if (it->second.done) {
        respond(job, node, ErrorReason::Ok);
    } else {
        it->second.waiters.push_back(job);
        retain(job.request);
    }
    return true;
}

void Engine::Impl::idempotencyDone(NodeId node, const Job& job) {
    const PNode& p = pnodes[node];
    if (p.replica != kNone || !keyedWrite(job, clients, specs, requests)) return;
    StoreState& st = stores[storeOfSpec[p.spec]];
    const std::uint64_t key =
        (static_cast<std::uint64_t>(job.request) << 32) | requests.gen(job.request);
    const auto it = st.idem.find(key);
    if (it == st.idem.end()) return;
    std::vector<Job> waiters = std::move(it->second.waiters);
    const double ttl = specs[st.spec].idempotency_ttl_s;
    if (ttl <= 0) {
        st.idem.erase(it);
    } else {
        it->second.done = true;
        it->second.waiters.clear();
        it->second.expires = now + std::llround(ttl * 1e6);
        st.idemExpiry.push({it->second.expires, key});
    }
    for (const Job& w : waiters) {
        respond(w, node, ErrorReason::Ok);
        release(w.request);
    }
}

// A store that dies forgets the attempts it was running (their keys were never completed);
// completed keys are durable and survive.
void Engine::Impl::forgetRunningKeys(std::uint32_t store) {
    StoreState& st = stores[store];
    for (auto it = st.idem.begin(); it != st.idem.end();) {
        if (it->second.done) {
            ++it;
            continue;
        }
        for (const Job& w : it->second.waiters) {
            markLost(w);
            release(w.request);
        }
        it = st.idem.erase(it);
    }
}

// --- caches

void Engine::Impl::cacheErase(CacheState& c, std::uint32_t key) {
    const auto it = c.index.find(key);
    if (it == c.index.end()) return;
    const std::uint32_t e = it->second;
    auto& en = c.entries[e];
    if (en.prev != kNone) c.entries[en.prev].next = en.next;
    if (en.next != kNone) c.entries[en.next].prev = en.prev;
    if (c.head == e) c.head = en.next;
    if (c.tail == e) c.tail = en.prev;
    c.index.erase(it);
    c.freeEntries.push_back(e);
}

void Engine::Impl::cacheInsert(CacheState& c, std::uint32_t key, std::int64_t value,
                               std::uint64_t version) {
    const NodeSpec& spec = specs[c.spec];
    cacheErase(c, key);
    if (c.index.size() >= spec.capacity_keys && c.tail != kNone)
        cacheErase(c, c.entries[c.tail].key); // evict the least recently used
    std::uint32_t e;
    if (!c.freeEntries.empty()) {
        e = c.freeEntries.back();
        c.freeEntries.pop_back();
    } else {
        e = static_cast<std::uint32_t>(c.entries.size());
        c.entries.emplace_back();
    }
    auto& en = c.entries[e];
    en.key = key;
    en.value = value;
    en.version = version;
    en.expires = spec.ttl_s > 0 ? now + std::llround(spec.ttl_s * 1e6) : INT64_MAX;
    en.prev = kNone;
    en.next = c.head;
    if (c.head != kNone) c.entries[c.head].prev = e;
    c.head = e;
    if (c.tail == kNone) c.tail = e;
    c.index[key] = e;
}

void Engine::Impl::cacheClear(CacheState& c) {
    c.recentHitRatio = 0;
    c.entries.clear();
    c.freeEntries.clear();
    c.index.clear();
    c.head = c.tail = kNone;
    for (auto& [key, waiters] : c.waiting)
        for (const Job& w : waiters) {
            markLost(w);
            release(w.request);
        }
    c.waiting.clear();
}

// A write the service completed: its cache drops the key, takes the new value, or (none) is not
// told, so an entry stays stale until its TTL ends it.
void Engine::Impl::cacheWrite(std::uint32_t cache, const Job& written) {
    CacheState& c = caches[cache];
    if (!pnodes[c.node].alive) return;
    switch (specs[c.spec].on_write) {
    case NodeSpec::OnWrite::Update:
        if (c.index.count(written.key)) cacheInsert(c, written.key, written.value, written.version);
        break;
    case NodeSpec::OnWrite::Invalidate:
        cacheErase(c, written.key);
        break;
    case NodeSpec::OnWrite::None:
        break;
    }
}

void Engine::Impl::onCacheLookup(NodeId node, const Job& job) {
    CacheState& c = caches[pnodes[node].aux];
    const NodeSpec& spec = specs[c.spec];
    if (const auto it = c.index.find(job.key); it != c.index.end()) {
        const std::uint32_t e = it->second;
        if (c.entries[e].expires > now) {
            ++c.hits;
            ++c.intervalHits;
            const auto en = c.entries[e];
            cacheInsert(c, job.key, en.value, en.version); // most recently used now
            c.entries[c.index[job.key]].expires = en.expires;
            Job a = job;
            a.value = en.value;
            a.version = en.version; // possibly older than the store's: a stale read
            a.store = groups[groupOfSpec[pnodes[job.caller].spec]].store;
            respond(a, node, ErrorReason::Ok);
            return;
        }
        cacheErase(c, job.key); // expired
    }
    ++c.misses;
    ++c.intervalMisses;
    if (spec.coalescing) {
        auto [w, fresh] = c.waiting.try_emplace(job.key);
        if (!fresh) { // a miss for this key is on its way to the datastore: wait for it
            w->second.push_back(job);
            retain(job.request);
            return;
        }
    }
    const std::uint32_t store = groups[groupOfSpec[pnodes[job.caller].spec]].store;
    sendCall(
        openCallFor(node, storeNodeFor(store, job.key, node), job, spec.downstream_timeout_ms));
}

void Engine::Impl::onCacheFill(std::uint32_t call, ErrorReason err, const Job* answer) {
    const Call cc = calls[call];
    CacheState& c = caches[pnodes[cc.caller].aux];
    retain(cc.parent.request);
    closeCall(call);
    const std::uint32_t key = cc.parent.key;
    if (err == ErrorReason::Ok && answer) cacheInsert(c, key, answer->value, answer->version);
    std::vector<Job> waiters;
    if (const auto it = c.waiting.find(key); it != c.waiting.end()) {
        waiters = std::move(it->second);
        c.waiting.erase(it);
    }
    Job a = cc.parent;
    if (answer) a.takeAnswer(*answer);
    respond(a, cc.caller, err);
    release(cc.parent.request);
    for (Job w : waiters) {
        if (answer) w.takeAnswer(*answer);
        respond(w, cc.caller, err);
        release(w.request);
    }
}

// --- rate limiters

void Engine::Impl::onLimiterRequest(NodeId node, const Job& job) {
    LimiterState& L = limiters[pnodes[node].aux];
    const NodeSpec& spec = specs[L.spec];
    const std::uint32_t k = spec.per_client ? requests[job.request].client : 0;
    LimiterState::Key& K = L.keys[k];
    const double rate = spec.limit_rps / 1e6; // per microsecond
    const SimTime window = std::max<SimTime>(1, std::llround(spec.window_ms * 1000.0));
    const double allowed = std::max(1.0, std::floor(spec.limit_rps * spec.window_ms / 1000.0));
    SimTime retryAfter = -1; // < 0: let through
    switch (spec.limiter) {
    case LimiterAlgorithm::TokenBucket: {
        const double cap = spec.effectiveBurst();
        if (K.tokens < 0) K.tokens = cap;
        K.tokens = std::min(cap, K.tokens + static_cast<double>(now - K.last) * rate);
        K.last = now;
        if (K.tokens >= 1.0)
            K.tokens -= 1.0;
        else
            retryAfter = std::llround((1.0 - K.tokens) / rate);
        break;
    }
    case LimiterAlgorithm::LeakyBucket: {
        // A queue drained at the limit: a request leaves one interval after the previous one;
        // if more than `burst` are already waiting, it is refused.
        const SimTime gap = std::max<SimTime>(1, std::llround(1.0 / rate));
        const SimTime depart = std::max(now, K.nextDeparture);
        const SimTime room = std::llround(spec.effectiveBurst()) * gap;
        if (depart - now > room) {
            retryAfter = depart - now - room;
            break;
        }
        K.nextDeparture = depart + gap;
        if (depart > now) {
            K.queue.push({depart, job});
            retain(job.request);
            events.push(depart, EventType::LimiterRelease, pnodes[node].aux, k);
            ++L.passed;
            return;
        }
        break;
    }
    case LimiterAlgorithm::FixedWindow: {
        const std::int64_t w = now / window;
        if (w != K.window) {
            K.window = w;
            K.count = 0;
        }
        if (K.count < allowed)
            ++K.count;
        else
            retryAfter = (w + 1) * window - now;
        break;
    }
    case LimiterAlgorithm::SlidingLog: {
        while (!K.log.empty() && K.log.front() <= now - window) K.log.pop();
        if (static_cast<double>(K.log.size()) < allowed)
            K.log.push(now);
        else
            retryAfter = K.log.front() + window - now;
        break;
    }
    case LimiterAlgorithm::SlidingCounter: {
        // The previous window's count, weighted by how much of it the sliding window still
        // covers, plus this window's.
        const std::int64_t w = now / window;
        if (w != K.window) {
            K.prevCount = w == K.window + 1 ? K.count : 0;
            K.count = 0;
            K.window = w;
        }
        const double into = static_cast<double>(now - w * window) / static_cast<double>(window);
        if (K.prevCount * (1.0 - into) + K.count < allowed)
            ++K.count;
        else
            retryAfter = (w + 1) * window - now;
        break;
    }
    }
    if (retryAfter >= 0) { // HTTP 429 with Retry-After
        ++L.limited;
        if (L.lastLogged < 0 || now - L.lastLogged >= 5'000'000) {
            L.lastLogged = now;
            log(spec.id, spec.id + " refuses requests over " + formatNumber(spec.limit_rps) +
                             "/s (" + toString(spec.limiter) + "): 429, retry after " +
                             formatNumber(static_cast<double>(retryAfter) / 1000.0) + " ms");
        }
        Job refused = job;
        refused.definite = true;
        refused.retryAfterUs = static_cast<std::uint32_t>(std::min<SimTime>(retryAfter, 4e9));
        respond(refused, node, ErrorReason::RateLimited);
        return;
    }
    ++L.passed;
    forwardThrough(node, specIndex.at(spec.target), job, spec.downstream_timeout_ms);
}

void Engine::Impl::onLimiterRelease(std::uint32_t li, std::uint32_t k) {
    LimiterState& L = limiters[li];
    auto& q = L.keys[k].queue;
    if (q.empty() || q.front().first > now) return; // emptied by a crash
    const Job job = q.front().second;
    q.pop();
    if (pnodes[L.node].alive)
        forwardThrough(L.node, specIndex.at(specs[L.spec].target), job,
                       specs[L.spec].downstream_timeout_ms);
    release(job.request);
}

// --- the instance's way to its datastore: cache first for reads, then a pooled connection

void Engine::Impl::callDatastore(NodeId node, const Job& job, std::uint32_t slot) {
    PNode& p = pnodes[node];
    const NodeSpec& spec = specs[p.spec];
    const GroupState& g = groups[groupOfSpec[p.spec]];
    // A dead or unreachable cache is skipped (the client library gets "connection refused").
    NodeId dst = kNone;
    if (job.write && g.queue != kNone) dst = g.queue; // write-behind: the queue acknowledges
    if (!job.write && g.cache != kNone) {
        const NodeId cn = caches[g.cache].node;
        if (pnodes[cn].alive && topo.route(node, cn) != kNone) dst = cn;
    }
    const bool pooled = dst == kNone && spec.db_pool > 0;
    if (dst == kNone) dst = storeNodeFor(g.store, job.key, node);
    if (spec.async_io && slot != kNone) {
        retain(job.request);
        freeSlot(node, slot);
        slot = kNone;
        release(job.request);
    }
    if (pooled && p.poolInUse >= spec.db_pool) { // every connection is busy: wait for one
        p.poolWaiters.push({job, slot});
        retain(job.request);
        if (p.poolLogged < 0 || now - p.poolLogged >= 5'000'000) {
            p.poolLogged = now;
            log(p.name, p.name + ": all " + std::to_string(spec.db_pool) +
                            " datastore connections are busy; requests wait for one");
        }
        return;
    }
    if (pooled) ++p.poolInUse;
    const std::uint32_t call = openCallFor(node, dst, job, spec.downstream_timeout_ms);
    calls[call].slot = slot;
    calls[call].pooled = pooled;
    sendCall(call);
}

void Engine::Impl::poolRelease(NodeId node) {
    PNode& p = pnodes[node];
    if (p.poolInUse > 0) --p.poolInUse;
    if (p.poolWaiters.empty() || !p.alive) return;
    const auto [job, slot] = p.poolWaiters.front();
    p.poolWaiters.pop();
    callDatastore(node, job, slot);
    release(job.request);
}

} // namespace cs::core

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

namespace cs::core {

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
