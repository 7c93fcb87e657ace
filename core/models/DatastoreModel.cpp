// Datastores (DESIGN.md section 6 rows 2, 7, 9): a single node, a replica set (EngineReplication,
// EngineElection) or shards <id>-s<k> (EngineSharding); replicas are scenario nodes of their own
// kind that become physical nodes of their datastore. Idempotency keys at a single store are here.
#include "EngineImpl.h"

#include <algorithm>

namespace cs::core {

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

namespace {

class DatastoreModel final : public NodeModel {
public:
    // Live: CP/AP flips the replica set (its leader steps down, or replicas elect one); size,
    // waiting room and service time change the running store.
    void setField(Engine::Impl& e, std::uint32_t spec, const FieldRow& row,
                  const FieldValue& value) override {
        if (const auto* s = std::get_if<std::string>(&value);
            s && std::string_view(row.name) == "mode") {
            e.setStoreMode(spec, *s == "AP" ? StoreMode::AP : StoreMode::CP);
            return;
        }
        setStationOrOtherField(e, spec, row, value);
    }

    // Every store exists before any node is built, so replicas find their owner whatever the
    // order of the scenario's nodes.
    void declare(Engine::Impl& e, std::uint32_t i) override {
        std::uint64_t maxKeys = 1;
        for (const auto& n : e.specs)
            if (n.kind == NodeKind::Client) maxKeys = std::max(maxKeys, n.key_count);
        e.storeOfSpec[i] = static_cast<std::uint32_t>(e.stores.size());
        StoreState st;
        st.spec = i;
        st.versions.assign(maxKeys, 0);
        e.stores.push_back(std::move(st));
    }

    void build(Engine::Impl& e, std::uint32_t i) override {
        const NodeSpec& n = e.specs[i];
        StoreState& st = e.stores[e.storeOfSpec[i]];
        if (n.shards) { // shard nodes <id>-s<k>
            st.sharded = true;
            for (int k = 1; k <= n.shards->count; ++k) {
                const NodeId id = e.addNode(n.id + "-s" + std::to_string(k), i, i);
                e.attachStation(id, n);
                st.nodes.push_back(id);
            }
            if (n.shards->strategy == NodeSpec::Shards::Strategy::ConsistentHash) e.buildRing(st);
            st.keyShard.resize(st.versions.size());
            for (std::uint32_t k = 0; k < st.keyShard.size(); ++k)
                st.keyShard[k] = e.shardOf(st, k);
        } else if (n.replicas.empty()) {
            const NodeId id = e.addNode(n.id, i, i);
            e.attachStation(id, n);
            st.nodes.push_back(id);
        }
    }

    void start(Engine::Impl& e) override { e.setUpReplicaSets(); }

    void onRequest(Engine::Impl& e, NodeId node, const Job& job) override {
        const Station& st = e.stations[e.pnodes[node].model];
        const bool free = st.busy < st.cores && !st.freeSlots.empty();
        if ((free || static_cast<int>(st.queue.size()) < st.capacity) &&
            e.idempotencyGate(node, job))
            return; // a retry of a write the store knows by its key
        e.onStationArrival(node, job);
    }

    void onServed(Engine::Impl& e, NodeId node, std::uint32_t slot, const Job& job) override {
        const PNode& p = e.pnodes[node];
        if (p.replica != kNone) { // a replica set: coordinate with the others
            ++e.interval.replicatedOps;
            e.coordinate(node, job);
            e.freeSlot(node, slot);
            return;
        }
        Station& st = e.stations[p.model];
        ++e.interval.storeOps;
        ++st.ops;
        ++st.opsTotal;
        e.applyAtStore(p, job);
        // The answer says which version of the key it wrote or read (for staleness).
        Job answer = job;
        answer.store = e.storeOfSpec[p.spec];
        const auto& versions = e.stores[answer.store].versions;
        answer.version = job.key < versions.size() ? versions[job.key] : 0;
        e.respond(answer, node, ErrorReason::Ok);
        e.idempotencyDone(node, job);
        e.freeSlot(node, slot);
    }
    void onAnswer(Engine::Impl& e, std::uint32_t call, ErrorReason err,
                  const Job* answer) override {
        e.onDownstreamAnswer(call, err, answer);
    }

    void onKill(Engine::Impl& e, NodeId n) override {
        const PNode& p = e.pnodes[n];
        if (p.replica != kNone)
            e.replicaKilled(e.replicaStates[p.replica]);
        else
            e.forgetRunningKeys(e.storeOfSpec[p.spec], n);
    }
    void onRestart(Engine::Impl& e, NodeId n) override {
        if (e.pnodes[n].replica != kNone) e.replicaRestarted(e.replicaStates[e.pnodes[n].replica]);
    }

    NodeRole roleOf(const Engine::Impl& e, NodeId id) const override {
        const PNode& p = e.pnodes[id];
        if (p.replica != kNone) return NodeRole::Replica;
        return e.specs[p.spec].shards ? NodeRole::Shard : NodeRole::Whole;
    }

    void fillView(const Engine::Impl& e, NodeId id, NodeView& v) const override {
        const PNode& p = e.pnodes[id];
        if (p.replica == kNone) return;
        const ReplicaState& rs = e.replicaStates[p.replica];
        v.leader = rs.role == ReplicaState::Role::Leader && e.leaseValid(rs);
        v.lagKeys = rs.lagKeys;
        v.term = rs.term;
    }

    void sampleStation(Engine::Impl& e, const PNode& p, const Station& st, double tS) override {
        if (e.nodeSink)
            e.nodeSink(NodeSample{tS, p.name, "ops_per_s",
                                  static_cast<double>(st.ops) /
                                      (static_cast<double>(e.metricsInterval) / 1e6)});
    }
    void sampleMetrics(Engine::Impl& e, MetricsPhase phase, MetricsRow& row) override {
        if (phase != MetricsPhase::AfterReset || !e.nodeSink) return;
        for (const auto& rs : e.replicaStates) {
            e.nodeSink(NodeSample{row.t_s, e.pnodes[rs.node].name, "replica_lag_keys",
                                  static_cast<double>(rs.lagKeys)});
            e.nodeSink(
                NodeSample{row.t_s, e.pnodes[rs.node].name, "is_leader",
                           rs.role == ReplicaState::Role::Leader && e.leaseValid(rs) ? 1.0 : 0.0});
        }
    }
    void addToSummary(const Engine::Impl& e, Summary& s) const override {
        for (const auto& st : e.stores) // a leaderless window still open at the end counts too
            if (st.replicated && st.set.leaderlessSince >= 0)
                s.unavailable_ms += static_cast<double>(e.now - st.set.leaderlessSince) / 1000.0;
        for (const auto& st : e.stores) {
            if (!st.sharded) continue;
            std::uint64_t total = 0, busiest = 0;
            for (NodeId n : st.nodes) {
                const auto ops = e.stations[e.pnodes[n].model].opsTotal;
                total += ops;
                busiest = std::max(busiest, ops);
            }
            if (total)
                s.max_shard_share = std::max(s.max_shard_share, static_cast<double>(busiest) /
                                                                    static_cast<double>(total));
        }
    }

    NodeId resolveTarget(Engine::Impl& e, std::uint32_t spec, NodeId from, Rng&,
                         std::uint32_t key) override {
        return e.storeNodeFor(e.storeOfSpec[spec], key, from);
    }
    std::uint32_t storeBehind(const Engine::Impl& e, std::uint32_t spec, int) const override {
        return e.storeOfSpec[spec];
    }
};

// A replica is a physical node of the datastore that lists it; it behaves as that datastore.
class ReplicaModel final : public NodeModel {
public:
    void build(Engine::Impl& e, std::uint32_t i) override {
        const std::string& id = e.specs[i].id;
        for (auto& st : e.stores) {
            const NodeSpec& owner = e.specs[st.spec];
            if (std::find(owner.replicas.begin(), owner.replicas.end(), id) == owner.replicas.end())
                continue;
            const NodeId node = e.addNode(id, st.spec, i);
            e.attachStation(node, owner);
            st.nodes.push_back(node);
        }
    }
};

} // namespace

std::unique_ptr<NodeModel> makeDatastoreModel() {
    return std::make_unique<DatastoreModel>();
}
std::unique_ptr<NodeModel> makeReplicaModel() {
    return std::make_unique<ReplicaModel>();
}

} // namespace cs::core
