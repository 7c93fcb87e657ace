// Service groups (DESIGN.md section 6 rows 1, 3-5): instances named <group>-<k> that serve
// requests on a station each (EngineModels.cpp), scale (EngineScaling.cpp) and reach their
// datastore through a cache, a queue or a connection pool (here).
#include "EngineImpl.h"

#include <cmath>

namespace cs::core {

// A new instance <group>-<k> (k never reused): at set-up, by the autoscaler or a live `instances`.
NodeId Engine::Impl::addMember(std::uint32_t g) {
    GroupState& group = groups[g];
    const NodeSpec& spec = specs[group.spec];
    const NodeId id =
        addStationNode(spec.id + "-" + std::to_string(group.members.size() + 1), group.spec);
    group.members.push_back(id);
    linkNewNode(id, group.spec); // a link drawn to the group applies to each instance
    if (spec.gc)                 // each instance pauses at its own phase
        events.push(now + std::llround(pnodes[id].rng.uniform() * spec.gc->interval_ms * 1000.0),
                    EventType::GcPause, id, pnodes[id].incarnation);
    for (auto& model : kindModels) model->onMemberAdded(*this, g, id);
    return id;
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

namespace {

class ServiceGroupModel final : public NodeModel {
public:
    // Live: the instance count adds or removes members, a scaling policy other than manual starts
    // the autoscaler looking, and size, waiting room and service time change the instances.
    void setField(Engine::Impl& e, std::uint32_t spec, const FieldRow& row,
                  const FieldValue& value) override {
        const std::string_view name = row.name;
        if (const auto* s = std::get_if<std::string>(&value); s && name == "autoscaling.policy") {
            e.setScalingPolicy(spec, *s);
            return;
        }
        if (const auto* v = std::get_if<double>(&value); v && name == "instances")
            e.setInstances(spec, static_cast<std::size_t>(std::max(0.0, *v)));
        else
            setStationOrOtherField(e, spec, row, value);
    }

    // The group itself has no physical node: its instances are added once references resolve.
    void build(Engine::Impl& e, std::uint32_t i) override {
        const NodeSpec& n = e.specs[i];
        e.groupOfSpec[i] = static_cast<std::uint32_t>(e.groups.size());
        GroupState g;
        g.spec = i;
        if (!n.datastore.empty()) g.store = e.storeOfSpec[e.specIndex.at(n.datastore)];
        e.groups.push_back(std::move(g));
    }

    void wire(Engine::Impl& e) override {
        for (auto& g : e.groups) {
            const NodeSpec& n = e.specs[g.spec];
            if (!n.session_store.empty())
                g.sessionStore = e.specNodes[e.specIndex.at(n.session_store)][0];
            if (!n.cache.empty()) g.cache = e.cacheOfSpec[e.specIndex.at(n.cache)];
            if (!n.queue.empty()) g.queue = e.specNodes[e.specIndex.at(n.queue)][0];
        }
        for (std::uint32_t g = 0; g < e.groups.size(); ++g)
            for (int k = 0; k < e.specs[e.groups[g].spec].instances; ++k) e.addMember(g);
    }

    void start(Engine::Impl& e) override {
        for (std::uint32_t g = 0; g < e.groups.size(); ++g)
            if (const auto& a = e.specs[e.groups[g].spec].autoscaling;
                a && a->policy != Autoscaling::Policy::Manual) {
                e.events.push(std::llround(a->evaluation_s * 1e6), EventType::Autoscale, g);
                e.groups[g].autoscaleTicking = true;
            }
    }

    void onRequest(Engine::Impl& e, NodeId node, const Job& job) override {
        PNode& p = e.pnodes[node];
        if (e.fetchSession(node, job)) return;
        if (e.specs[p.spec].state == ServiceState::Stateful && job.caller != kNone &&
            e.pnodes[job.caller].handler == &e.modelOf(NodeKind::LoadBalancer)) {
            // The session lives in this instance's memory: a new one starts here; one it does not
            // hold (it died, restarted, or the session moved) is lost, and the user starts over.
            if (job.newSession) {
                p.sessions.insert(job.session);
            } else if (!p.sessions.count(job.session)) {
                e.lbs[e.pnodes[job.caller].model].sticky.erase(job.session);
                Job refused = job;
                refused.definite = true;
                e.respond(refused, node, ErrorReason::SessionLost);
                return;
            }
        }
        if (e.specs[p.spec].batching) return e.addToBatch(node, job);
        e.onStationArrival(node, job);
    }

    // Its work done, an instance answers, or calls its datastore (synchronous workers hold their
    // core until the datastore answers; async I/O frees it now).
    void onServed(Engine::Impl& e, NodeId node, std::uint32_t slot, const Job& job) override {
        const PNode& p = e.pnodes[node];
        if (e.specs[p.spec].batching) return e.finishBatch(node, slot);
        if (e.groups[e.groupOfSpec[p.spec]].store == kNone) {
            e.respond(job, node, ErrorReason::Ok);
            e.freeSlot(node, slot);
            return;
        }
        e.callDatastore(node, job, slot);
    }
    void onAnswer(Engine::Impl& e, std::uint32_t call, ErrorReason err,
                  const Job* answer) override {
        e.onDownstreamAnswer(call, err, answer);
    }

    NodeRole roleOf(const Engine::Impl&, NodeId) const override { return NodeRole::Instance; }

    void onRestart(Engine::Impl& e, NodeId n) override {
        PNode& p = e.pnodes[n];
        if (const auto& gc = e.specs[p.spec].gc) // the GC rhythm starts again, at a new phase
            e.events.push(e.now + std::llround(p.rng.uniform() * gc->interval_ms * 1000.0),
                          EventType::GcPause, n, p.incarnation);
    }

    void sampleMetrics(Engine::Impl& e, MetricsPhase phase, MetricsRow& row) override {
        if (phase != MetricsPhase::AfterRow || !e.nodeSink) return;
        for (const auto& g : e.groups) {
            double live = 0;
            for (NodeId m : g.members) live += e.pnodes[m].exists && e.pnodes[m].alive ? 1 : 0;
            e.nodeSink(NodeSample{row.t_s, e.specs[g.spec].id, "instances", live});
        }
    }

    // A ready instance picked at random: a reference to a group spreads without a balancer.
    NodeId resolveTarget(Engine::Impl& e, std::uint32_t spec, NodeId, Rng& rng,
                         std::uint32_t) override {
        const auto& members = e.groups[e.groupOfSpec[spec]].members;
        std::vector<NodeId>::size_type n = 0;
        for (NodeId m : members) n += e.ready(m) ? 1 : 0;
        if (n == 0) return kNone;
        auto pick = rng.below(n);
        for (NodeId m : members)
            if (e.ready(m) && pick-- == 0) return m;
        return kNone;
    }
    std::uint32_t storeBehind(const Engine::Impl& e, std::uint32_t spec, int) const override {
        return e.groups[e.groupOfSpec[spec]].store;
    }
};

} // namespace

std::unique_ptr<NodeModel> makeServiceGroupModel() {
    return std::make_unique<ServiceGroupModel>();
}

} // namespace cs::core
