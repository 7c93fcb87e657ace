// Traffic patterns (DESIGN.md section 6 rows 4, 6 and 8): routing to a target, session stores,
// idempotency keys at the store, and the instance's way to its datastore (cache, queue, pool).
// Caches, rate limiters, batching and write queues have files of their own.
#include "EngineImpl.h"

#include <algorithm>
#include <cmath>

namespace cs::core {

// Where a reference to scenario node `spec` leads from `from`: its kind's model decides.
NodeId Engine::Impl::resolveTarget(std::uint32_t spec, NodeId from, Rng& rng, std::uint32_t key) {
    return modelOf(specs[spec].kind).resolveTarget(*this, spec, from, rng, key);
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
    if (fresh) { // registered as running here; it goes on to be served
        it->second.node = node;
        return false;
    }
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
void Engine::Impl::forgetRunningKeys(std::uint32_t store, NodeId node) {
    StoreState& st = stores[store];
    for (auto it = st.idem.begin(); it != st.idem.end();) {
        if (it->second.done || it->second.node != node) {
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
