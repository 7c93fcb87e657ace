// The node models: clients (open-loop Poisson, retries), load balancers, and M/M/c/K stations
// (service instances and datastores) with synchronous or asynchronous downstream calls.
#include "EngineImpl.h"

#include <algorithm>
#include <cmath>

namespace cs::core {

// --- clients

void Engine::Impl::scheduleArrival(std::uint32_t ci) {
    ClientState& c = clients[ci];
    // A workload shape makes the rate vary: candidates come at its maximum rate and are kept with
    // probability rate(t) / max (thinning: a non-homogeneous Poisson process).
    const double rate = specs[c.spec].workload.maxRate(specs[c.spec].rate_rps);
    if (rate <= 0.0) return;
    const SimTime gap = std::llround(c.arrivals.exponential(1e6 / rate));
    events.push(now + gap, EventType::ClientArrival, ci, c.arrivalGen);
}

void Engine::Impl::onClientArrival(std::uint32_t ci, std::uint32_t gen) {
    ClientState& c = clients[ci];
    if (gen != c.arrivalGen || !pnodes[c.node].alive) return;
    const NodeSpec& spec = specs[c.spec];
    if (spec.workload.shape != Workload::Shape::Constant) {
        const double max = spec.workload.maxRate(spec.rate_rps);
        const double keep =
            spec.workload.rateAt(spec.rate_rps, static_cast<double>(now) / 1e6) / max;
        if (c.arrivals.uniform() >= keep) { // not an arrival at this moment's rate
            scheduleArrival(ci);
            return;
        }
    }
    const std::uint32_t r = requests.alloc();
    Request& q = requests[r];
    q.client = ci;
    q.issued = now;
    q.write = !c.ops.bernoulli(spec.read_fraction);
    q.key = static_cast<std::uint32_t>(c.zipf.sample(c.ops));
    q.session = static_cast<std::uint32_t>(c.sessions.below(spec.sessions));
    ++totals.issued;
    startAttempt(r);
    scheduleArrival(ci);
}

void Engine::Impl::startAttempt(std::uint32_t r) {
    Request& q = requests[r];
    ClientState& c = clients[q.client];
    const NodeSpec& spec = specs[c.spec];
    ++q.attempts;
    ++totals.attempts;
    ++interval.attempts;
    const std::uint32_t call = openCall(c.node, kNone, r, q.attempts);
    addDeadline(c.node, call, spec.timeout_ms);

    // Resolve the target: a load balancer or rate limiter, an instance picked by the client, or
    // the nearest replica.
    const NodeId dst = resolveTarget(c.target, c.node, c.ops, q.key);
    calls[call].callee = dst;
    Job job;
    job.caller = c.node;
    job.call = call;
    job.callGen = calls.gen(call);
    job.request = r;
    job.attempt = q.attempts;
    job.write = q.write;
    job.key = q.key;
    job.session = (static_cast<std::uint64_t>(q.client) << 32) | q.session;
    if (q.write) job.value = ++writeSerial; // unique, so a read tells which write it saw
    if (spec.read_your_writes ||
        spec.monotonic_reads) { // session guarantees: never older than seen
        for (const auto& [k, v] : c.seen)
            if ((k & 0xFFFFFFFFu) == q.key) job.minVersion = std::max(job.minVersion, v);
    }
    historyInvoke(call, job);
    send(c.node, dst, job, false, ErrorReason::Ok);
}

void Engine::Impl::onClientResponse(const Message& m) {
    if (!calls.valid(m.job.call, m.job.callGen)) { // the attempt was given up already
        ++totals.late_responses;
        ++intervalLate;
        return;
    }
    const std::uint32_t r = calls[m.job.call].request;
    if (m.error == ErrorReason::Ok && calls[m.job.call].histKey == kNone && m.job.store != kNone &&
        stores[m.job.store].replicated)
        ++totals.lin_unchecked_ops; // answered by a replicated store, recorded in no history
    historyComplete(calls[m.job.call], m.error == ErrorReason::Ok, m.job.value, m.job.definite,
                    m.job.replica);
    closeCall(m.job.call);
    if (m.error == ErrorReason::Ok) {
        Request& q = requests[r];
        const SimTime latency = now - q.issued;
        if (q.write)
            recordCommit(m.job);
        else
            recordRead(m.job, q.issued);
        ClientState& c = clients[q.client];
        const NodeSpec& cs = specs[c.spec];
        if (m.job.store != kNone && (cs.read_your_writes || cs.monotonic_reads) &&
            c.seen.size() < 1'000'000) {
            auto& v = c.seen[(static_cast<std::uint64_t>(m.job.store) << 32) | m.job.key];
            v = std::max(v, m.job.version);
        }
        latencyAll.record(latency);
        interval.latency.record(latency);
        ++totals.completed;
        ++interval.completed;
        finishRequest(r, ErrorReason::Ok);
    } else {
        attemptFailed(r, m.error, m.error == ErrorReason::RateLimited ? m.job.retryAfterUs : 0);
    }
}

void Engine::Impl::attemptFailed(std::uint32_t r, ErrorReason why, SimTime retryAfter) {
    Request& q = requests[r];
    if (q.done) return;
    ClientState& c = clients[q.client];
    const NodeSpec& spec = specs[c.spec];
    if (q.attempts > spec.retries) {
        finishRequest(r, why);
        return;
    }
    // Exponential backoff, capped; full jitter draws uniformly below the cap.
    double delay = spec.backoff.base_ms * std::ldexp(1.0, std::min(q.attempts - 1, 60));
    delay = std::min(delay, spec.backoff.max_ms);
    if (spec.backoff.jitter) delay *= c.backoff.uniform();
    SimTime at = now + std::llround(delay * 1000.0);
    if (spec.honor_retry_after && retryAfter > 0) at = std::max(at, now + retryAfter);
    if (at == now)
        startAttempt(r);
    else
        events.push(at, EventType::Retry, r, requests.gen(r));
}

void Engine::Impl::onRetry(std::uint32_t r, std::uint32_t gen) {
    if (!requests.valid(r, gen) || requests[r].done) return;
    if (!pnodes[clients[requests[r].client].node].alive) return;
    startAttempt(r);
}

void Engine::Impl::finishRequest(std::uint32_t r, ErrorReason why) {
    Request& q = requests[r];
    q.done = true;
    if (why != ErrorReason::Ok) {
        ++totals.failed[static_cast<int>(why)];
        ++interval.failed[static_cast<int>(why)];
    }
    if (q.refs == 0) requests.release(r);
}

// --- load balancers

void Engine::Impl::onLbRequest(LbState& lb, const Job& request) {
    const NodeSpec& spec = specs[lb.spec];
    const auto& members = groups[lb.group].members;
    const auto n = static_cast<std::uint32_t>(members.size());
    Job job = request;
    std::uint32_t pick = kNone;
    // Stateful groups: a session goes back to the instance that holds it (sticky), if healthy.
    const bool stateful = specs[groups[lb.group].spec].state == ServiceState::Stateful;
    if (stateful) {
        const auto it = lb.sticky.find(job.session);
        if (it != lb.sticky.end() && it->second < n && lb.healthy[it->second]) pick = it->second;
    }
    if (pick == kNone) switch (spec.algorithm) {
        case LbAlgorithm::RoundRobin:
            for (std::uint32_t i = 0; i < n && pick == kNone; ++i) {
                const std::uint32_t b = (lb.cursor + i) % n;
                if (lb.healthy[b]) pick = b;
            }
            if (pick != kNone) lb.cursor = (pick + 1) % n;
            break;
        case LbAlgorithm::LeastOutstanding:
            // From the cursor round to it again; one wrap instead of a division per member.
            for (std::uint32_t i = 0, b = n == 0 ? 0 : lb.cursor % n; i < n;
                 ++i, b = b + 1 == n ? 0 : b + 1) {
                if (lb.healthy[b] && (pick == kNone || lb.outstanding[b] < lb.outstanding[pick]))
                    pick = b;
            }
            if (pick != kNone) lb.cursor = (pick + 1) % n;
            break;
        case LbAlgorithm::Random: {
            std::uint32_t healthy = 0;
            for (std::uint32_t b = 0; b < n; ++b) healthy += lb.healthy[b] ? 1 : 0;
            if (healthy == 0) break;
            auto k = pnodes[lb.node].rng.below(healthy);
            for (std::uint32_t b = 0; b < n; ++b)
                if (lb.healthy[b] && k-- == 0) {
                    pick = b;
                    break;
                }
            break;
        }
        }
    if (pick == kNone) { // nothing it believes healthy: refuse at once (HTTP 503)
        Job refused = job;
        refused.definite = true;
        respond(refused, lb.node, ErrorReason::Unavailable);
        return;
    }
    if (stateful) {
        auto [it, fresh] = lb.sticky.try_emplace(job.session, pick);
        job.newSession = fresh;
        it->second = pick;
    }
    const std::uint32_t call = openCallFor(lb.node, members[pick], job, spec.downstream_timeout_ms);
    calls[call].backend = pick;
    ++lb.outstanding[pick];
    sendCall(call);
}

// `answer` is the callee's reply (null on a timeout).
void Engine::Impl::onLbAnswer(std::uint32_t call, ErrorReason err, const Job* answer) {
    Call c = calls[call];
    if (answer) c.parent.takeAnswer(*answer);
    LbState& lb = lbs[pnodes[c.caller].model];
    if (c.backend < lb.outstanding.size() && lb.outstanding[c.backend] > 0)
        --lb.outstanding[c.backend];
    retain(c.parent.request); // keep the request alive across closeCall
    closeCall(call);
    respond(c.parent, c.caller, err);
    release(c.parent.request);
}

// The load balancer learns about dead or unreachable instances only here, once per interval.
void Engine::Impl::onHealthCheck(std::uint32_t li) {
    LbState& lb = lbs[li];
    const NodeSpec& spec = specs[lb.spec];
    if (pnodes[lb.node].alive) {
        const auto& members = groups[lb.group].members;
        for (std::size_t b = 0; b < members.size(); ++b) {
            const PNode& m = pnodes[members[b]];
            const bool ok =
                ready(members[b]) && m.alive && topo.route(lb.node, members[b]) != kNone;
            if (ok != lb.healthy[b]) {
                lb.healthy[b] = ok;
                if (m.exists)
                    log(m.name, spec.id + (ok ? " sees " + m.name + " healthy and sends it traffic"
                                              : " marks " + m.name +
                                                    " unhealthy and stops sending it traffic"));
            }
        }
    }
    events.push(now + std::llround(spec.health_check_interval_ms * 1000.0), EventType::HealthCheck,
                li);
}

// --- stations: M/M/c/K with `cores` servers and a waiting room of `queue_capacity`

double Engine::Impl::sampleServiceUs(PNode& node) {
    const Distribution& d = specs[node.spec].service;
    const double scale = stations[node.model].serviceScale;
    switch (d.kind) {
    case Distribution::Kind::Exponential:
        return node.rng.exponential(d.mean_ms * 1000.0) * scale;
    case Distribution::Kind::Constant:
        return d.mean_ms * 1000.0 * scale;
    case Distribution::Kind::Lognormal: {
        const double sigma =
            d.p99_ms > d.median_ms ? std::log(d.p99_ms / d.median_ms) / 2.326 : 0.0;
        return node.rng.lognormal(d.median_ms * 1000.0, sigma) * scale;
    }
    }
    return 0.0;
}

void Engine::Impl::onStationArrival(NodeId node, const Job& job) {
    PNode& p = pnodes[node];
    if (p.kind == PKind::Instance && fetchSession(node, job)) return;
    if (p.kind == PKind::Instance && specs[p.spec].state == ServiceState::Stateful &&
        job.caller != kNone && pnodes[job.caller].kind == PKind::LoadBalancer) {
        // The session lives in this instance's memory: a new one starts here; one it does not
        // hold (it died, restarted, or the session moved) is lost, and the user starts over.
        if (job.newSession) {
            p.sessions.insert(job.session);
        } else if (!p.sessions.count(job.session)) {
            lbs[pnodes[job.caller].model].sticky.erase(job.session);
            Job refused = job;
            refused.definite = true;
            respond(refused, node, ErrorReason::SessionLost);
            return;
        }
    }
    if (p.kind == PKind::Instance && specs[p.spec].batching) return addToBatch(node, job);
    Station& st = stations[p.model];
    const bool free = st.busy < st.cores && !st.freeSlots.empty();
    if (p.kind == PKind::Store && (free || static_cast<int>(st.queue.size()) < st.capacity) &&
        idempotencyGate(node, job))
        return; // a retry of a write the store knows by its key
    if (free) {
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
    scheduleCompletion(node, slot, start + std::llround(sampleServiceUs(p)));
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
    const Job job = s.job;
    if (p.kind == PKind::Store && p.replica != kNone) { // a replica set: coordinate with the others
        coordinate(node, job);
        freeSlot(node, slot);
        return;
    }
    if (p.kind == PKind::Store) {
        ++interval.storeOps;
        ++st.ops;
        ++st.opsTotal;
        applyAtStore(p, job);
        // The answer says which version of the key it wrote or read (for staleness).
        Job answer = job;
        answer.store = storeOfSpec[p.spec];
        const auto& versions = stores[answer.store].versions;
        answer.version = job.key < versions.size() ? versions[job.key] : 0;
        respond(answer, node, ErrorReason::Ok);
        idempotencyDone(node, job);
        freeSlot(node, slot);
        return;
    }
    if (p.kind == PKind::SessionStore) {
        respond(job, node, ErrorReason::Ok);
        freeSlot(node, slot);
        return;
    }
    if (p.kind == PKind::Cache) {
        onCacheLookup(node, job);
        freeSlot(node, slot);
        return;
    }
    if (specs[p.spec].batching) return finishBatch(node, slot);
    const GroupState& g = groups[groupOfSpec[p.spec]];
    if (g.store == kNone) {
        respond(job, node, ErrorReason::Ok);
        freeSlot(node, slot);
        return;
    }
    // Synchronous workers hold their core until the datastore answers; async I/O frees it now.
    callDatastore(node, job, slot);
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
    if (err == ErrorReason::Ok && c.parent.write && pnodes[c.caller].kind == PKind::Instance) {
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
