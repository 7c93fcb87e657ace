// Engine set-up, the event loop and the public interface.
#include "EngineImpl.h"

#include <algorithm>
#include <cmath>

namespace cs::core {

Engine::Impl::Impl(const Scenario& s) : specs(s.nodes), seed(s.seed) {
    metricsInterval = std::max<SimTime>(1, std::llround(s.metrics_interval_ms * 1000.0));
    groupOfSpec.assign(specs.size(), kNone);
    storeOfSpec.assign(specs.size(), kNone);
    cacheOfSpec.assign(specs.size(), kNone);
    specNodes.resize(specs.size());
    for (std::uint32_t i = 0; i < specs.size(); ++i) specIndex[specs[i].id] = i;

    std::uint64_t maxKeys = 1;
    for (const auto& n : specs)
        if (n.kind == NodeKind::Client) maxKeys = std::max(maxKeys, n.key_count);

    auto addPNode = [&](const std::string& name, PKind kind, std::uint32_t spec,
                        std::uint32_t owner) {
        const NodeId id = topo.addNode();
        PNode p;
        p.name = name;
        p.kind = kind;
        p.spec = spec;
        p.rng = Rng::stream(seed, name, 1);
        pnodes.push_back(std::move(p));
        nodeByName[name] = id;
        specNodes[owner].push_back(id);
        return id;
    };
    auto addStation = [&](NodeId id, const NodeSpec& params) {
        Station st;
        configureStation(st, params);
        pnodes[id].model = static_cast<std::uint32_t>(stations.size());
        stations.push_back(std::move(st));
    };

    // Datastores first, so replicas can find their owner.
    for (std::uint32_t i = 0; i < specs.size(); ++i) {
        if (specs[i].kind != NodeKind::Datastore) continue;
        storeOfSpec[i] = static_cast<std::uint32_t>(stores.size());
        StoreState st;
        st.spec = i;
        st.versions.assign(maxKeys, 0);
        stores.push_back(std::move(st));
    }
    for (std::uint32_t i = 0; i < specs.size(); ++i) {
        const NodeSpec& n = specs[i];
        switch (n.kind) {
        case NodeKind::Client: {
            const NodeId id = addPNode(n.id, PKind::Client, i, i);
            pnodes[id].model = static_cast<std::uint32_t>(clients.size());
            ClientState c;
            c.spec = i;
            c.node = id;
            c.target = specIndex.at(n.target);
            c.zipf = ZipfSampler(n.key_count, n.zipf_s);
            c.arrivals = Rng::stream(seed, n.id, 10);
            c.ops = Rng::stream(seed, n.id, 11);
            c.backoff = Rng::stream(seed, n.id, 12);
            c.sessions = Rng::stream(seed, n.id, 13);
            clients.push_back(std::move(c));
            break;
        }
        case NodeKind::LoadBalancer: {
            const NodeId id = addPNode(n.id, PKind::LoadBalancer, i, i);
            pnodes[id].model = static_cast<std::uint32_t>(lbs.size());
            LbState lb;
            lb.spec = i;
            lb.node = id;
            lbs.push_back(std::move(lb));
            break;
        }
        case NodeKind::ServiceGroup: {
            groupOfSpec[i] = static_cast<std::uint32_t>(groups.size());
            GroupState g;
            g.spec = i;
            if (!n.datastore.empty()) g.store = storeOfSpec[specIndex.at(n.datastore)];
            groups.push_back(std::move(g));
            break;
        }
        case NodeKind::Datastore:
            if (n.shards) { // shard nodes <id>-s<k>
                StoreState& st = stores[storeOfSpec[i]];
                st.sharded = true;
                for (int k = 1; k <= n.shards->count; ++k) {
                    const NodeId id = addPNode(n.id + "-s" + std::to_string(k), PKind::Store, i, i);
                    addStation(id, n);
                    st.nodes.push_back(id);
                }
                if (n.shards->strategy == NodeSpec::Shards::Strategy::ConsistentHash) buildRing(st);
                st.keyShard.resize(st.versions.size());
                for (std::uint32_t k = 0; k < st.keyShard.size(); ++k)
                    st.keyShard[k] = shardOf(st, k);
            } else if (n.replicas.empty()) {
                const NodeId id = addPNode(n.id, PKind::Store, i, i);
                addStation(id, n);
                stores[storeOfSpec[i]].nodes.push_back(id);
            }
            break;
        case NodeKind::SessionStore:
        case NodeKind::Cache: {
            const bool cache = n.kind == NodeKind::Cache;
            const NodeId id = addPNode(n.id, cache ? PKind::Cache : PKind::SessionStore, i, i);
            addStation(id, n);
            if (cache) {
                cacheOfSpec[i] = static_cast<std::uint32_t>(caches.size());
                pnodes[id].aux = cacheOfSpec[i];
                CacheState c;
                c.spec = i;
                c.node = id;
                caches.push_back(std::move(c));
            }
            break;
        }
        case NodeKind::Queue: {
            const NodeId id = addPNode(n.id, PKind::Queue, i, i);
            pnodes[id].aux = static_cast<std::uint32_t>(queues.size());
            QueueState q;
            q.spec = i;
            q.node = id;
            queues.push_back(std::move(q));
            break;
        }
        case NodeKind::RateLimiter: {
            const NodeId id = addPNode(n.id, PKind::Limiter, i, i);
            pnodes[id].aux = static_cast<std::uint32_t>(limiters.size());
            LimiterState l;
            l.spec = i;
            l.node = id;
            limiters.push_back(std::move(l));
            break;
        }
        case NodeKind::Replica:
            for (auto& st : stores) {
                const NodeSpec& owner = specs[st.spec];
                if (std::find(owner.replicas.begin(), owner.replicas.end(), n.id) ==
                    owner.replicas.end())
                    continue;
                const NodeId id = addPNode(n.id, PKind::Store, st.spec, i);
                addStation(id, owner);
                st.nodes.push_back(id);
            }
            break;
        }
    }
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
            }
        links.push_back(std::move(l));
    }
    for (auto& q : queues) q.group = groupOfSpec[specIndex.at(specs[q.spec].consumers)];
    for (auto& l : limiters)
        l.keys.resize(specs[l.spec].per_client ? std::max<std::size_t>(1, clients.size()) : 1);
    for (auto& g : groups) {
        const NodeSpec& n = specs[g.spec];
        if (!n.session_store.empty()) g.sessionStore = specNodes[specIndex.at(n.session_store)][0];
        if (!n.cache.empty()) g.cache = cacheOfSpec[specIndex.at(n.cache)];
        if (!n.queue.empty()) g.queue = specNodes[specIndex.at(n.queue)][0];
    }
    for (std::uint32_t g = 0; g < groups.size(); ++g)
        for (int k = 0; k < specs[groups[g].spec].instances; ++k) addMember(g);
    for (auto& lb : lbs) {
        lb.group = groupOfSpec[specIndex.at(specs[lb.spec].group)];
        const std::size_t n = groups[lb.group].members.size();
        lb.healthy.assign(n,
                          true); // known healthy at start; later changes are seen by health checks
        lb.outstanding.assign(n, 0);
    }

    setUpReplicaSets();
    for (std::uint32_t c = 0; c < clients.size(); ++c) clients[c].store = storeOfClient(c);
    for (std::uint32_t c = 0; c < clients.size(); ++c) scheduleArrival(c);
    for (std::uint32_t g = 0; g < groups.size(); ++g)
        if (const auto& a = specs[groups[g].spec].autoscaling;
            a && a->policy != Autoscaling::Policy::Manual) {
            events.push(std::llround(a->evaluation_s * 1e6), EventType::Autoscale, g);
            groups[g].autoscaleTicking = true;
        }
    for (std::uint32_t l = 0; l < lbs.size(); ++l)
        events.push(std::llround(specs[lbs[l].spec].health_check_interval_ms * 1000.0),
                    EventType::HealthCheck, l);
    events.push(metricsInterval, EventType::MetricsTick);
    pending = s.timeline;
    std::stable_sort(pending.begin(), pending.end(),
                     [](const Action& x, const Action& y) { return x.at_us < y.at_us; });
}

void Engine::Impl::runUntil(SimTime t) {
    for (;;) {
        const SimTime nextEvent = events.empty() ? INT64_MAX : events.top().time;
        const SimTime nextAction =
            pendingHead < pending.size() ? pending[pendingHead].at_us : INT64_MAX;
        // An action stamped T runs after every event at time <= T.
        if (nextAction < nextEvent && nextAction <= t) {
            now = std::max(now, nextAction);
            const Action a = pending[pendingHead++];
            applyAction(a);
            continue;
        }
        if (nextEvent > t) break;
        const Event e = events.pop();
        now = e.time;
        ++eventsProcessed;
        process(e);
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
        queues[e.a].pollArmed = false;
        dispatchQueue(e.a);
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
        const NodeRole role = p.replica != kNone                     ? NodeRole::Replica
                              : owner.kind == NodeKind::ServiceGroup ? NodeRole::Instance
                              : owner.kind == NodeKind::Datastore && owner.shards ? NodeRole::Shard
                                                                                  : NodeRole::Whole;
        const int member = role == NodeRole::Whole ? 0 : ++membersSoFar[p.spec];
        if (!p.exists) continue;
        NodeView v{p.name, owner.id, role, member, owner.kind, p.alive, 0, 0, 0, id, groups[id]};
        v.warming = impl_->now < p.warmUntil;
        v.draining = p.draining;
        if (p.replica != kNone) {
            const ReplicaState& rs = impl_->replicaStates[p.replica];
            v.leader = rs.role == ReplicaState::Role::Leader && impl_->leaseValid(rs);
            v.lagKeys = rs.lagKeys;
            v.term = rs.term;
        }
        if (p.aux != kNone && p.kind == PKind::Cache) {
            v.hitRatio = impl_->caches[p.aux].recentHitRatio;
        }
        if (p.kind == PKind::Queue) v.queued = static_cast<int>(impl_->queues[p.aux].buffer.size());
        if (isStation(p.kind)) {
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
    for (const auto& st : m.stores) // a leaderless window still open at the end counts too
        if (st.replicated && st.set.leaderlessSince >= 0)
            s.unavailable_ms += static_cast<double>(m.now - st.set.leaderlessSince) / 1000.0;
    // The bill is integrated at each metrics row; add the part since the last one.
    s.cost += m.costPerHour() *
              static_cast<double>(m.now - static_cast<SimTime>(m.ticks) * m.metricsInterval) /
              3.6e9;
    {
        std::uint64_t hits = 0, lookups = 0;
        for (const auto& c : m.caches) {
            hits += c.hits;
            lookups += c.hits + c.misses;
        }
        s.cache_hit_ratio = lookups ? static_cast<double>(hits) / static_cast<double>(lookups) : 0;
        const double secs = static_cast<double>(m.now) / 1e6;
        for (const auto& st : m.stores) {
            if (!st.sharded) continue;
            std::uint64_t total = 0, busiest = 0;
            for (NodeId n : st.nodes) {
                const auto ops = m.stations[m.pnodes[n].model].opsTotal;
                total += ops;
                busiest = std::max(busiest, ops);
            }
            if (total)
                s.max_shard_share = std::max(s.max_shard_share, static_cast<double>(busiest) /
                                                                    static_cast<double>(total));
        }
        s.keys_moved_fraction = m.keysMovedFraction;
        for (const auto& q : m.queues)
            s.queue_max_depth = std::max(s.queue_max_depth, static_cast<double>(q.maxDepth));
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
