// Engine set-up, the event loop and the public interface.
#include "EngineImpl.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace cs::core {

Engine::Impl::Impl(const Scenario& s) : specs(s.nodes), seed(s.seed) {
    metricsInterval = std::max<SimTime>(1, std::llround(s.metrics_interval_ms * 1000.0));
    for (auto& model : makeNodeModels(modelOfKind)) kindModels.push_back(std::move(model));
    groupOfSpec.assign(specs.size(), kNone);
    storeOfSpec.assign(specs.size(), kNone);
    cacheOfSpec.assign(specs.size(), kNone);
    specNodes.resize(specs.size());
    for (std::uint32_t i = 0; i < specs.size(); ++i) specIndex[specs[i].id] = i;

    for (const NodeSpec& n : specs) // a kind left out of the registry fails here, not later
        if (const auto k = static_cast<std::size_t>(n.kind);
            k >= modelOfKind.size() || !modelOfKind[k])
            throw std::logic_error("no model registered for the node kind of " + n.id);
    // Physical node ids follow the scenario's order, so every kind builds in one pass over it.
    for (std::uint32_t i = 0; i < specs.size(); ++i) modelOf(specs[i].kind).declare(*this, i);
    for (std::uint32_t i = 0; i < specs.size(); ++i) modelOf(specs[i].kind).build(*this, i);
    layLinks(s);
    for (auto& m : kindModels) m->wire(*this);
    for (auto& m : kindModels) m->start(*this);
    events.push(metricsInterval, EventType::MetricsTick);
    pending = s.timeline;
    // A lesson step's actions with a time run then, as the timeline's do (after them at the same
    // time: the sort below is stable), in the CLI as in the window.
    for (const LessonStep& step : s.lesson.steps)
        if (step.at_s)
            for (Action a : step.actions) {
                a.at_us = std::llround(*step.at_s * 1e6);
                pending.push_back(a);
            }
    std::stable_sort(pending.begin(), pending.end(),
                     [](const Action& x, const Action& y) { return x.at_us < y.at_us; });
}

NodeId Engine::Impl::addNode(const std::string& name, std::uint32_t spec, std::uint32_t owner) {
    const NodeId id = topo.addNode();
    PNode p;
    p.name = name;
    p.handler = &modelOf(specs[spec].kind);
    p.spec = spec;
    p.rng = Rng::stream(seed, name, 1);
    pnodes.push_back(std::move(p));
    nodeByName[name] = id;
    specNodes[owner].push_back(id);
    return id;
}

void Engine::Impl::attachStation(NodeId id, const NodeSpec& params) {
    Station st;
    configureStation(st, params);
    st.lastChange = now;
    pnodes[id].station = true;
    pnodes[id].model = static_cast<std::uint32_t>(stations.size());
    stations.push_back(std::move(st));
}

void Engine::Impl::layLinks(const Scenario& s) {
    for (const auto& ls : s.links) {
        LinkState l;
        l.a = specIndex.at(ls.a);
        l.b = specIndex.at(ls.b);
        l.median_us = ls.median_ms * 1000.0;
        l.sigma = ls.p99_ms > ls.median_ms && ls.median_ms > 0
                      ? std::log(ls.p99_ms / ls.median_ms) / 2.326
                      : 0.0;
        l.loss = ls.loss;
        l.rng = Rng::stream(seed, ls.a + "--" + ls.b, 2);
        const auto linkId = static_cast<std::uint32_t>(links.size());
        for (NodeId pa : specNodes[l.a])
            for (NodeId pb : specNodes[l.b]) {
                l.edges.push_back(topo.addEdge(pa, pb, ls.median_ms));
                edges.push_back(EdgeState{linkId, {}});
                edgeLink.push_back(linkId);
            }
        links.push_back(std::move(l));
    }
}

void Engine::Impl::runUntil(SimTime t) {
    for (;;) {
        const std::size_t queued = pending.size();
        const SimTime nextAction = pendingHead < queued ? pending[pendingHead].at_us : INT64_MAX;
        // An action stamped T runs after every event at time <= T. (One posted meanwhile, by a
        // sink, is looked at before the next event.)
        Event e;
        while (pending.size() == queued && events.popUntil(std::min(t, nextAction), e)) {
            now = e.time;
            ++eventsProcessed;
            process(e);
        }
        if (pending.size() != queued) continue;
        if (nextAction > t) break;
        now = std::max(now, nextAction);
        const Action a = pending[pendingHead++];
        applyAction(a);
    }
    if (pendingHead > 1024 && pendingHead * 2 > pending.size()) {
        pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(pendingHead));
        pendingHead = 0;
    }
    now = std::max(now, t);
}

void Engine::Impl::process(const Event& e) {
    switch (e.type()) {
    case EventType::ClientArrival:
        onClientArrival(e.a, e.b);
        break;
    case EventType::Deliver:
        deliver(e.a);
        break;
    case EventType::ServiceDone:
        onServiceDone(e.a, e.b >> 16, e.b & 0xFFFF);
        break;
    case EventType::NodeTimer:
        onNodeTimer(e.a, e.b);
        break;
    case EventType::CallTimeout:
        if (calls.valid(e.a, e.b)) onCallTimeout(e.a);
        break;
    case EventType::Retry:
        onRetry(e.a, e.b);
        break;
    case EventType::MetricsTick:
        onMetricsTick();
        break;
    case EventType::HealthCheck:
        onHealthCheck(e.a);
        break;
    case EventType::ReplTimeout:
        onReplTimeout(e.a, e.b);
        break;
    case EventType::ElectionTimer:
        onElectionTimer(e.a, e.b);
        break;
    case EventType::HeartbeatTick:
        onHeartbeatTick(e.a, e.b);
        break;
    case EventType::AntiEntropy:
        onAntiEntropyTick(e.a);
        break;
    case EventType::Autoscale:
        onAutoscale(e.a);
        break;
    case EventType::GcPause:
        onGcPause(e.a, e.b);
        break;
    case EventType::ResizeStart:
        onResizeStart(e.a);
        break;
    case EventType::ResizeDone:
        onResizeDone(e.a, e.b);
        break;
    case EventType::LimiterRelease:
        onLimiterRelease(e.a, e.b);
        break;
    case EventType::BatchTimer:
        onBatchTimer(e.a, e.b);
        break;
    case EventType::MigrationTick:
        onMigrationTick(e.a, e.b);
        break;
    case EventType::MigrationArrive:
        onMigrationArrive(e.a, e.b);
        break;
    case EventType::QueuePoll:
        onQueuePoll(e.a);
        break;
    }
}

void Engine::Impl::log(const std::string& subject, const std::string& text) {
    if (logSink) logSink(LogEntry{now, subject, text});
}

// --- public interface

Engine::Engine(const Scenario& scenario) : impl_(std::make_unique<Impl>(scenario)) {}
Engine::~Engine() = default;
void Engine::runUntil(SimTime t) {
    impl_->runUntil(t);
}
SimTime Engine::now() const {
    return impl_->now;
}
std::uint64_t Engine::eventsProcessed() const {
    return impl_->eventsProcessed;
}
const std::vector<Action>& Engine::appliedActions() const {
    return impl_->applied;
}
void Engine::setMetricsSink(std::function<void(const MetricsRow&)> s) {
    impl_->metricsSink = std::move(s);
}
void Engine::setNodeSink(std::function<void(const NodeSample&)> s) {
    impl_->nodeSink = std::move(s);
}
void Engine::setHistorySink(std::function<void(const std::string&)> s) {
    impl_->historySink = std::move(s);
}
void Engine::setLogSink(std::function<void(const LogEntry&)> s) {
    impl_->logSink = std::move(s);
}
void Engine::finishChecks() {
    impl_->finishChecks();
}
std::vector<int> Engine::partitionGroups() const {
    return impl_->topo.components();
}

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

// Every record is a value (indices, not pointers, link them; the models are shared and hold no
// state), so the member-wise copy is the whole state; the sinks belong to the original's owner.
std::unique_ptr<Engine> Engine::clone() const {
    auto copy = std::make_unique<Impl>(*impl_);
    copy->metricsSink = nullptr;
    copy->nodeSink = nullptr;
    copy->logSink = nullptr;
    copy->historySink = nullptr;
    return std::unique_ptr<Engine>(new Engine(std::move(copy)));
}

std::vector<Action> Engine::pendingActions() const {
    const auto& p = impl_->pending;
    return {p.begin() + static_cast<std::ptrdiff_t>(impl_->pendingHead), p.end()};
}

void Engine::setPendingActions(const std::vector<Action>& actions) {
    impl_->pending.clear();
    impl_->pendingHead = 0;
    for (const Action& a : actions) post(a);
}

void Engine::post(const Action& action) {
    Action a = action;
    a.at_us = std::max(a.at_us, impl_->now);
    auto& p = impl_->pending;
    auto pos =
        std::upper_bound(p.begin() + static_cast<std::ptrdiff_t>(impl_->pendingHead), p.end(), a,
                         [](const Action& x, const Action& y) { return x.at_us < y.at_us; });
    p.insert(pos, a);
}

std::uint64_t Engine::inFlightRequests() const {
    std::uint64_t n = 0;
    const auto& r = impl_->requests;
    for (std::uint32_t i = 0; i < r.capacity(); ++i)
        if (r.live(i) && !r[i].done) ++n;
    return n;
}

std::vector<NodeView> Engine::nodes() const {
    std::vector<NodeView> out;
    const std::vector<int> groups = impl_->topo.components();
    std::vector<int> membersSoFar(impl_->specs.size(), 0); // members are created in id order
    for (std::uint32_t id = 0; id < impl_->pnodes.size(); ++id) {
        const PNode& p = impl_->pnodes[id];
        const NodeSpec& owner = impl_->specs[p.spec];
        const NodeRole role = p.handler->roleOf(*impl_, id);
        const int member = role == NodeRole::Whole ? 0 : ++membersSoFar[p.spec];
        if (!p.exists) continue;
        NodeView v{p.name, owner.id, role, member, owner.kind, p.alive, 0, 0, 0, id, groups[id]};
        v.warming = impl_->now < p.warmUntil;
        v.draining = p.draining;
        p.handler->fillView(*impl_, id, v);
        if (p.station) {
            const Station& st = impl_->stations[p.model];
            v.busy = st.busy;
            v.cores = st.cores;
            v.queued = static_cast<int>(st.queue.size() + st.batchedWaiting);
        }
        out.push_back(std::move(v));
    }
    return out;
}

std::vector<LinkView> Engine::links() const {
    std::vector<LinkView> out;
    const Impl& m = *impl_;
    for (EdgeId e = 0; e < m.edges.size(); ++e) {
        const auto [a, b] = m.topo.endpoints(e);
        if (!m.pnodes[a].exists || !m.pnodes[b].exists) continue;
        const LinkState& l = m.links[m.edges[e].link];
        out.push_back(LinkView{a, b, m.specs[l.a].id, m.specs[l.b].id, m.topo.edgeUp(e)});
    }
    return out;
}

std::vector<MessageView> Engine::messages(std::size_t max) const {
    std::vector<MessageView> out;
    const Impl& m = *impl_;
    for (std::uint32_t i = 0; i < m.messages.capacity() && out.size() < max; ++i) {
        if (!m.messages.live(i)) continue;
        const Message& msg = m.messages[i];
        const Route& route = m.topo.routeAt(msg.route);
        MessageView v;
        v.response = msg.response;
        v.path[0] = msg.hop == 0 ? msg.from : route.nodes[msg.hop - 1];
        v.times[0] = msg.legStart;
        v.points = 1;
        for (std::uint16_t h = 0; h < msg.hops && v.points < MessageView::kMaxPoints; ++h) {
            v.path[v.points] = route.nodes[msg.hop + h];
            v.times[v.points] = msg.cross[h];
            ++v.points;
        }
        out.push_back(v);
    }
    return out;
}

Summary Engine::summary() const {
    const Impl& m = *impl_;
    Summary s = m.totals;
    s.in_flight = inFlightRequests();
    s.latency_p50 = m.latencyAll.percentile(0.50) / 1000.0;
    s.latency_p95 = m.latencyAll.percentile(0.95) / 1000.0;
    s.latency_p99 = m.latencyAll.percentile(0.99) / 1000.0;
    s.latency_p999 = m.latencyAll.percentile(0.999) / 1000.0;
    s.latency_mean = m.latencyAll.mean() / 1000.0;
    s.sim_seconds = static_cast<double>(m.now) / 1e6;
    s.throughput_rps = s.sim_seconds > 0 ? static_cast<double>(s.completed) / s.sim_seconds : 0.0;
    s.availability =
        s.issued ? static_cast<double>(s.completed) / static_cast<double>(s.issued) : 0.0;
    // An explicit refusal is an answer; a timeout or a lost message is not.
    const std::uint64_t refused = s.failed[static_cast<int>(ErrorReason::Unavailable)] +
                                  s.failed[static_cast<int>(ErrorReason::RateLimited)] +
                                  s.failed[static_cast<int>(ErrorReason::Dropped)] +
                                  s.failed[static_cast<int>(ErrorReason::SessionLost)];
    s.responded =
        s.issued ? static_cast<double>(s.completed + refused) / static_cast<double>(s.issued) : 0.0;
    s.events_processed = m.eventsProcessed;
    s.stale_fraction =
        s.reads ? static_cast<double>(s.stale_reads) / static_cast<double>(s.reads) : 0.0;
    s.staleness_p50 = m.stalenessAll.percentile(0.50) / 1000.0;
    s.staleness_p99 = m.stalenessAll.percentile(0.99) / 1000.0;
    // The bill is integrated at each metrics row; add the part since the last one.
    s.cost += m.costPerHour() *
              static_cast<double>(m.now - static_cast<SimTime>(m.ticks) * m.metricsInterval) /
              3.6e9;
    for (const auto& model : m.kindModels) model->addToSummary(m, s);
    {
        const double secs = static_cast<double>(m.now) / 1e6;
        s.keys_moved_fraction = m.keysMovedFraction;
        s.store_ops_mean =
            secs > 0 ? static_cast<double>(m.storeOpsTotal + m.interval.storeOps) / secs : 0;
    }
    if (m.ticks > 0)
        s.instances_mean = m.instancesSum / static_cast<double>(m.ticks);
    else
        s.instances_min = s.instances_max = s.instances_mean =
            static_cast<double>(m.liveInstances());
    return s;
}

} // namespace cs::core
