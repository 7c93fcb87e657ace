// Messages over links (latency, loss, faults in flight), caller-side timeouts and call records.
#include "EngineImpl.h"
#include "Rounding.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace cs::core {
double Engine::Impl::sampleLatencyUs(LinkState& l) {
    if (l.sigma == 0.0) return l.median_us;
    return l.rng.lognormal(l.median_us, l.sigma);
}

void Engine::Impl::markLost(const Job& job) {
    ++totals.messages_lost;
    ++intervalLost;
    if (job.request == kNone) return;
    Request& q = requests[job.request];
    if (q.attempts == job.attempt) q.lostAttempt = job.attempt;
}

// The one way onto the wire: a missing target or route is noticed only at the caller's timeout.
// The message is written once, in its pool slot, and handled there to the end (the slot's old
// contents are overwritten field by field: send and sendRepl set the payload).
CS_ALWAYS_INLINE std::uint32_t Engine::Impl::newMessage(NodeId from, NodeId to) {
    if (to == kNone) return kNone;
    const RouteId r = topo.route(from, to);
    if (r == kNone) return kNone;
    const std::uint32_t id = messages.allocSlot();
    Message& m = messages[id];
    m.from = from;
    m.to = to;
    m.route = r;
    m.hop = 0;
    m.sent = now;
    m.repl = kNone;
    return id;
}

void Engine::Impl::send(NodeId from, NodeId to, const Job& job, bool response, ErrorReason err) {
    const std::uint32_t id = newMessage(from, to);
    if (id == kNone) return;
    Message& m = messages[id];
    m.job = job;
    m.response = response;
    m.error = err;
    launchLeg(id, now);
}

void Engine::Impl::sendRepl(NodeId from, NodeId to, const ReplMsg& msg) {
    const std::uint32_t id = newMessage(from, to);
    if (id == kNone) return;
    Message& m = messages[id];
    m.job = Job{};
    m.response = false;
    m.error = ErrorReason::Ok;
    m.repl = replMsgs.alloc(msg);
    launchLeg(id, now);
}

// Samples the next (up to kInlineHops) links of message `id`'s route and schedules one delivery
// event for them; a leg of zero latency is delivered at once without an event. The slot is freed
// here unless a delivery event holds it.
void Engine::Impl::launchLeg(std::uint32_t id, SimTime t0) {
    Message& m = messages[id];
    const Topology::RouteHead& head = topo.routeHead(m.route);
    if (head.length == 1) { // one link, the usual case: no loop over hops
        m.routeLen = 1;
        LinkState& l = links[edgeLink[head.first]];
        if (l.loss > 0.0 && l.rng.bernoulli(l.loss)) {
            markLost(m.job);
            dropMessage(m);
            messages.release(id);
            return;
        }
        const SimTime arrival = roundToInt64(static_cast<double>(t0) + sampleLatencyUs(l));
        m.cross[0] = arrival;
        m.hops = 1;
        m.legStart = t0;
        if (arrival == t0) {
            receive(m);
            messages.release(id);
            return;
        }
        retain(m.job.request);
        events.push(arrival, EventType::Deliver, id);
        return;
    }
    for (;;) {
        const std::size_t total = head.length;
        m.routeLen = static_cast<std::uint16_t>(total);
        const auto hops =
            static_cast<std::uint16_t>(std::min<std::size_t>(kInlineHops, total - m.hop));
        double t = static_cast<double>(t0);
        for (std::uint16_t i = 0; i < hops; ++i) {
            const std::size_t k = m.hop + i;
            LinkState& l = links[edgeLink[k == 0 ? head.first : topo.routeAt(m.route).edges[k]]];
            if (l.loss > 0.0 && l.rng.bernoulli(l.loss)) {
                markLost(m.job);
                dropMessage(m);
                messages.release(id);
                return;
            }
            t += sampleLatencyUs(l);
            m.cross[i] = roundToInt64(t);
        }
        m.hops = hops;
        m.legStart = t0;
        const SimTime arrival = m.cross[hops - 1];
        if (arrival == t0) { // nothing can happen on the way: hand it over now
            if (static_cast<std::size_t>(m.hop + hops) == total) {
                receive(m);
                messages.release(id);
                return;
            }
            m.hop = static_cast<std::uint16_t>(m.hop + hops);
            continue;
        }
        retain(m.job.request);
        events.push(arrival, EventType::Deliver, id);
        return;
    }
}

bool Engine::Impl::caughtByFault(const Message& m) const {
    const Route& route = topo.routeAt(m.route);
    auto diedIn = [](const std::vector<SimTime>& downs, SimTime from, SimTime to) {
        for (SimTime d : downs)
            if (d >= from && d < to) return true;
        return false;
    };
    for (std::uint16_t i = 0; i < m.hops; ++i) {
        const EdgeId e = route.edges[m.hop + i];
        const NodeId n = route.nodes[m.hop + i];
        if (!topo.edgeUp(e) || diedIn(edges[e].downTimes, m.sent, m.cross[i])) return true;
        if (!pnodes[n].alive || diedIn(pnodes[n].downTimes, m.sent, m.cross[i] + 1)) return true;
    }
    return false;
}

// In place: the record stays in its slot (and valid) while its handler sends more messages.
void Engine::Impl::deliver(std::uint32_t id) {
    Message& m = messages[id];
    const std::uint32_t request = m.job.request;
    // Fast path: no node or link has failed since the message left.
    if (lastFault >= m.sent && caughtByFault(m)) {
        markLost(m.job);
        dropMessage(m);
        messages.release(id);
    } else if (m.hop + m.hops < m.routeLen) {
        m.hop = static_cast<std::uint16_t>(m.hop + m.hops);
        launchLeg(id, now);
    } else {
        receive(m);
        messages.release(id);
    }
    release(request);
}

void Engine::Impl::receive(const Message& m) {
    PNode& node = pnodes[m.to];
    if (!node.alive) {
        markLost(m.job);
        dropMessage(m);
        return;
    }
    if (m.repl != kNone) { // between replicas of a set
        const ReplMsg msg = replMsgs[m.repl];
        replMsgs.release(m.repl);
        onReplMessage(m.to, m.from, msg);
        return;
    }
    if (m.response)
        node.handler->onResponse(*this, m);
    else
        node.handler->onRequest(*this, m.to, m.job);
}

std::uint32_t Engine::Impl::openCall(NodeId caller, NodeId callee, std::uint32_t request,
                                     std::uint16_t attempt) {
    const std::uint32_t id = calls.alloc();
    Call& c = calls[id];
    c.caller = caller;
    c.callee = callee;
    c.request = request;
    c.attempt = attempt;
    retain(request);
    return id;
}

std::uint32_t Engine::Impl::openCallFor(NodeId from, NodeId to, const Job& parent,
                                        double timeoutMs) {
    const std::uint32_t call = openCall(from, to, parent.request, parent.attempt);
    calls[call].parent = parent;
    addDeadline(from, call, timeoutMs);
    return call;
}

void Engine::Impl::sendCall(std::uint32_t call) {
    const Call& c = calls[call];
    Job fwd = c.parent;
    fwd.caller = c.caller;
    fwd.call = call;
    fwd.callGen = calls.gen(call);
    send(c.caller, c.callee, fwd, false, ErrorReason::Ok);
}

void Engine::Impl::closeCall(std::uint32_t id) {
    const std::uint32_t r = calls[id].request; // the parent job names the same request
    calls.release(id);
    release(r);
}

// Deadlines of one node usually arrive in order (one timeout per node), so a FIFO with one armed
// timer event per node replaces a heap event per call; an out-of-order deadline (the timeout was
// lowered mid-run) gets its own event.
void Engine::Impl::addDeadline(NodeId node, std::uint32_t call, double timeoutMs) {
    PNode& p = pnodes[node];
    const SimTime at = now + std::max<SimTime>(1, roundDelay(timeoutMs * 1000.0));
    while (!p.deadlines.empty() && !calls.valid(p.deadlines.front().call, p.deadlines.front().gen))
        p.deadlines.pop();
    if (!p.deadlines.empty() && at < p.deadlines.back().at) {
        events.push(at, EventType::CallTimeout, call, calls.gen(call));
        return;
    }
    p.deadlines.push(Deadline{at, call, calls.gen(call)});
    if (!p.timerArmed) armTimer(node);
}

void Engine::Impl::armTimer(NodeId node) {
    PNode& p = pnodes[node];
    if (p.deadlines.empty()) return;
    p.timerArmed = true;
    events.push(p.deadlines.front().at, EventType::NodeTimer, node, p.timerGen);
}

void Engine::Impl::onNodeTimer(NodeId node, std::uint32_t gen) {
    PNode& p = pnodes[node];
    if (gen != p.timerGen) return;
    p.timerArmed = false;
    while (!p.deadlines.empty()) {
        const Deadline d = p.deadlines.front();
        if (!calls.valid(d.call, d.gen)) {
            p.deadlines.pop();
            continue;
        }
        if (d.at > now) break;
        p.deadlines.pop();
        onCallTimeout(d.call);
    }
    if (!p.timerArmed) armTimer(node);
}

void Engine::Impl::onCallTimeout(std::uint32_t call) {
    pnodes[calls[call].caller].handler->onAnswer(*this, call, ErrorReason::Timeout, nullptr);
}

NodeId Engine::Impl::nearestStoreNode(std::uint32_t store, NodeId from) {
    const auto& nodes = stores[store].nodes;
    if (nodes.size() == 1) return nodes.front();
    NodeId best = kNone;
    double bestDist = std::numeric_limits<double>::infinity();
    for (NodeId n : nodes) {
        const double d = topo.distance(from, n);
        if (d < bestDist) {
            bestDist = d;
            best = n;
        }
    }
    return best;
}

void Engine::Impl::setBusy(Station& st, int delta) {
    const double busyTime = static_cast<double>(st.busy) * static_cast<double>(now - st.lastChange);
    st.busyIntegral += busyTime;
    st.scaleBusy += busyTime;
    st.lastChange = now;
    st.busy += delta;
}

} // namespace cs::core
