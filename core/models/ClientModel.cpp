// Clients (DESIGN.md section 4): open-loop Poisson arrivals (thinned for workload shapes),
// attempts, retries with backoff, and the measurement of each logical request.
#include "EngineImpl.h"

#include <algorithm>
#include <cmath>

namespace cs::core {

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
    ++interval.issued;
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
    // the nearest replica; or, for a read of static content, the client's CDN edge.
    const bool viaCdn = !q.write && spec.static_fraction > 0 && !spec.cdn.empty() &&
                        c.ops.bernoulli(spec.static_fraction);
    const NodeId dst = viaCdn ? resolveTarget(specIndex.at(spec.cdn), c.node, c.ops, q.key)
                              : resolveTarget(c.target, c.node, c.ops, q.key);
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
    if (!viaCdn) historyInvoke(call, job); // static content is not in the checked data
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

namespace {

class ClientModel final : public NodeModel {
public:
    // Live: a new rate redraws the next arrival from now (Poisson arrivals are memoryless).
    void setField(Engine::Impl& e, std::uint32_t spec, const FieldRow& row,
                  const FieldValue& value) override {
        NodeModel::setField(e, spec, row, value);
        if (std::string_view(row.name) != "rate_rps") return;
        const std::uint32_t c = e.pnodes[e.specNodes[spec].front()].model;
        ++e.clients[c].arrivalGen;
        if (e.pnodes[e.clients[c].node].alive) e.scheduleArrival(c);
    }

    void build(Engine::Impl& e, std::uint32_t i) override {
        const NodeSpec& n = e.specs[i];
        const NodeId id = e.addNode(n.id, i, i);
        e.pnodes[id].model = static_cast<std::uint32_t>(e.clients.size());
        ClientState c;
        c.spec = i;
        c.node = id;
        c.target = e.specIndex.at(n.target);
        c.zipf = ZipfSampler(n.key_count, n.zipf_s);
        // Stream indices 10-13 are the client's own: changing them changes every fingerprint.
        c.arrivals = Rng::stream(e.seed, n.id, 10);
        c.ops = Rng::stream(e.seed, n.id, 11);
        c.backoff = Rng::stream(e.seed, n.id, 12);
        c.sessions = Rng::stream(e.seed, n.id, 13);
        e.clients.push_back(std::move(c));
    }

    void start(Engine::Impl& e) override {
        for (std::uint32_t c = 0; c < e.clients.size(); ++c)
            e.clients[c].store = e.storeOfClient(c);
        for (std::uint32_t c = 0; c < e.clients.size(); ++c) e.scheduleArrival(c);
    }

    // Every response counts: a late one (its attempt timed out) is measured as late.
    void onResponse(Engine::Impl& e, const Message& m) override { e.onClientResponse(m); }

    // Only timeouts come here (responses go to onResponse).
    void onAnswer(Engine::Impl& e, std::uint32_t call, ErrorReason, const Job*) override {
        const std::uint32_t r = e.calls[call].request;
        const bool lost = e.requests[r].lostAttempt == e.calls[call].attempt;
        e.historyComplete(e.calls[call], false, 0, false);
        e.closeCall(call);
        e.attemptFailed(r, lost ? ErrorReason::LostInFlight : ErrorReason::Timeout);
    }

    // Its open attempts end indeterminate in the histories, and its requests fail.
    void onKill(Engine::Impl& e, NodeId n) override {
        for (std::uint32_t c = 0; c < e.calls.capacity(); ++c) {
            if (!e.calls.live(c) || e.calls[c].caller != n) continue;
            e.historyComplete(e.calls[c], false, 0, false);
            e.closeCall(c);
        }
        const std::uint32_t self = e.pnodes[n].model;
        ++e.clients[self].arrivalGen;
        for (std::uint32_t r = 0; r < e.requests.capacity(); ++r)
            if (e.requests.live(r) && !e.requests[r].done && e.requests[r].client == self)
                e.finishRequest(r, ErrorReason::LostInFlight);
    }

    void onRestart(Engine::Impl& e, NodeId n) override { e.scheduleArrival(e.pnodes[n].model); }
};

} // namespace

std::unique_ptr<NodeModel> makeClientModel() {
    return std::make_unique<ClientModel>();
}

} // namespace cs::core
