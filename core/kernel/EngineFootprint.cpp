// Engine::approxBytes: about how much memory a copy of the run state takes (checkpoints budget
// their memory by it). Counts the records that grow with a run; small fixed parts are left out.
#include "EngineImpl.h"

namespace cs::core {
namespace {

template <class T> std::size_t bytes(const std::vector<T>& v) {
    return v.size() * sizeof(T);
}
template <class M> std::size_t hashBytes(const M& m) { // a node per entry and the bucket array
    return m.size() * (sizeof(typename M::value_type) + 2 * sizeof(void*)) +
           m.bucket_count() * sizeof(void*);
}
template <class T> std::size_t poolBytes(const Pool<T>& p) {
    return p.capacity() * (sizeof(T) + 2 * sizeof(std::uint32_t) + 1);
}
template <class T> std::size_t ringBytes(const Ring<T>& r) {
    return r.size() * sizeof(T);
}

std::size_t jobsBytes(const std::vector<Job>& jobs) {
    return bytes(jobs);
}

std::size_t storeBytes(const StoreState& st) {
    std::size_t n = sizeof(StoreState) + bytes(st.nodes) + bytes(st.versions) + hashBytes(st.idem) +
                    ringBytes(st.idemExpiry) + bytes(st.ring) + bytes(st.keyShard) +
                    bytes(st.migration.moves) + bytes(st.migration.batches);
    for (const auto& [key, entry] : st.idem) n += jobsBytes(entry.waiters);
    const ReplicaSetState& set = st.set;
    n += set.commits.size() * (sizeof(CommitLog) + 16) + bytes(set.newestSeq) +
         hashBytes(set.lostCounted) + hashBytes(set.histories);
    for (const auto& [key, h] : set.histories)
        n += bytes(h.ops) + h.skip.size() / 8 + (h.initial ? bytes(*h.initial) : 0);
    return n;
}

} // namespace

std::size_t Engine::approxBytes() const {
    const Impl& m = *impl_;
    std::size_t n = sizeof(Impl);
    for (const PNode& p : m.pnodes)
        n += sizeof(PNode) + p.name.size() + hashBytes(p.sessions) + ringBytes(p.poolWaiters) +
             ringBytes(p.deadlines) + bytes(p.downTimes);
    for (const ClientState& c : m.clients) n += sizeof(ClientState) + hashBytes(c.seen);
    for (const LbState& l : m.lbs)
        n += sizeof(LbState) + hashBytes(l.sticky) + bytes(l.outstanding) + bytes(l.atCount) +
             l.healthy.size();
    for (const GroupState& g : m.groups) n += sizeof(GroupState) + bytes(g.members);
    for (const StoreState& st : m.stores) n += storeBytes(st);
    for (const CacheState& c : m.caches) {
        n += sizeof(CacheState) + bytes(c.entries) + bytes(c.freeEntries) + hashBytes(c.index) +
             hashBytes(c.waiting);
        for (const auto& [key, jobs] : c.waiting) n += jobsBytes(jobs);
    }
    for (const LimiterState& l : m.limiters) {
        n += sizeof(LimiterState) + bytes(l.keys);
        for (const auto& k : l.keys) n += ringBytes(k.queue) + ringBytes(k.log);
    }
    for (const QueueState& q : m.queues)
        n += sizeof(QueueState) + ringBytes(q.buffer) + bytes(q.inflight);
    for (const Station& st : m.stations) {
        n += sizeof(Station) + ringBytes(st.queue) + bytes(st.slots) + bytes(st.freeSlots) +
             jobsBytes(st.forming) + st.batchedWaiting * sizeof(Job);
        for (const Slot& s : st.slots) n += jobsBytes(s.batch);
    }
    for (const LinkState& l : m.links) n += sizeof(LinkState) + bytes(l.edges);
    for (const EdgeState& e : m.edges) n += sizeof(EdgeState) + bytes(e.downTimes);
    for (const ReplicaState& r : m.replicaStates) {
        n += sizeof(ReplicaState) + hashBytes(r.data) + hashBytes(r.keyWrites);
        for (const auto& [key, writes] : r.keyWrites) n += bytes(writes);
    }
    n += m.events.size() * sizeof(Event) + poolBytes(m.messages) + poolBytes(m.calls) +
         poolBytes(m.requests) + poolBytes(m.replOps) + poolBytes(m.replMsgs);
    // The graph, and the routes made so far (a few edges and nodes each) with their caches.
    n += m.topo.nodeCount() * 64 + m.topo.edgeCount() * 64 + m.topo.routeCount() * 128;
    n += (m.pending.size() + m.applied.size()) * sizeof(Action) + bytes(m.specs);
    return n;
}

} // namespace cs::core
