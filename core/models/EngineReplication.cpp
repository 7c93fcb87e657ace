// Replica sets (DESIGN.md section 6 rows 2 and 7). AP: leaderless, Dynamo-style strict quorums,
// asynchronous replication and anti-entropy. CP: a Raft-like leader elected by votes and kept by
// heartbeats (real messages over the links), majority commit, and a leader lease so a leader cut
// off in a minority steps down and never serves a stale read.
#include "EngineImpl.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace cs::core {
namespace {
using Kind = ReplMsg::Kind;
bool dominates(const Cell& a, const Cell& b) {
    for (int i = 0; i < kMaxReplicas; ++i)
        if (a.vv[static_cast<std::size_t>(i)] < b.vv[static_cast<std::size_t>(i)]) return false;
    return true;
}
} // namespace

void Engine::Impl::setUpReplicaSets() {
    for (std::uint32_t s = 0; s < stores.size(); ++s) {
        StoreState& st = stores[s];
        const NodeSpec& spec = specs[st.spec];
        if (spec.replicas.empty()) continue;
        st.replicated = true;
        for (std::size_t i = 0; i < st.nodes.size() && i < kMaxReplicas; ++i) {
            ReplicaState rs;
            rs.node = st.nodes[i];
            rs.store = s;
            rs.index = static_cast<int>(i);
            pnodes[rs.node].replica = static_cast<std::uint32_t>(replicaStates.size());
            st.set.replicas.push_back(static_cast<std::uint32_t>(replicaStates.size()));
            replicaStates.push_back(std::move(rs));
        }
        st.set.leaderlessSince = spec.mode == StoreMode::CP ? 0 : -1;
        if (spec.mode == StoreMode::CP)
            for (std::uint32_t r : st.set.replicas) armElection(replicaStates[r]);
        events.push(std::llround(spec.anti_entropy_interval_ms * 1000.0), EventType::AntiEntropy,
                    s);
    }
}

int Engine::Impl::quorum(const StoreState& st, bool write, const Job& job) const {
    const NodeSpec& spec = specs[st.spec];
    const int n = static_cast<int>(st.set.replicas.size());
    const int majority = n / 2 + 1;
    if (spec.mode == StoreMode::CP) return majority;
    Level level = Level::Default;
    if (job.request != kNone && requests.live(job.request)) {
        const NodeSpec& client = specs[clients[requests[job.request].client].spec];
        level = write ? client.write_level : client.read_level;
    }
    switch (level) {
    case Level::One:
        return 1;
    case Level::Quorum:
        return majority;
    case Level::All:
        return n;
    case Level::Default:
        break;
    }
    const int configured = write ? spec.w : spec.r;
    return configured > 0 ? std::min(configured, n) : majority;
}

void Engine::Impl::dropMessage(const Message& m) {
    if (m.repl != kNone) replMsgs.release(m.repl);
}

Cell Engine::Impl::newCell(ReplicaState& rs, std::uint32_t key, const Job& job) {
    Cell c;
    const auto it = rs.data.find(key);
    const Cell cur = it == rs.data.end() ? Cell{} : it->second;
    const NodeSpec& store = specs[stores[rs.store].spec];
    if (store.conflicts == ConflictPolicy::VersionVectors && cur.siblings > 1)
        totals.conflicts += cur.siblings - 1u; // this write merges the siblings it found
    c.seq = ++globalSeq;
    c.seenSeq = cur.seq;
    c.written = now;
    bool increment = true;
    if (job.request != kNone && requests.live(job.request))
        increment =
            specs[clients[requests[job.request].client].spec].write_kind == WriteKind::Increment;
    c.value = increment ? cur.value + 1 : job.value;
    c.vv = cur.vv;
    c.vvTime = cur.vvTime;
    ++c.vv[static_cast<std::size_t>(rs.index)];
    c.vvTime[static_cast<std::size_t>(rs.index)] = now;
    return c;
}

// Applies a cell arriving at a replica. LWW keeps the higher sequence and counts the losing
// write as a lost update when it was committed and the winner was not written over it.
bool Engine::Impl::merge(ReplicaState& rs, std::uint32_t key, const Cell& in) {
    rs.lastSeq = std::max(rs.lastSeq, in.seq);
    auto [it, fresh] = rs.data.try_emplace(key, in);
    if (fresh) return true;
    Cell& cur = it->second;
    if (cur.seq == in.seq && cur.siblings == in.siblings) return false;
    StoreState& st = stores[rs.store];
    auto lost = [&](std::uint64_t seq) {
        const CommitLog* log = st.set.commits.find(key);
        if (log == nullptr) return;
        for (const auto& [s, t] : log->recent)
            if (s == seq && st.set.lostCounted.insert(seq).second) {
                ++totals.lost_updates;
                if (st.set.lostCounted.size() > 100'000) st.set.lostCounted.clear();
            }
    };
    if (specs[st.spec].conflicts == ConflictPolicy::Lww) {
        if (in.seq > cur.seq) {
            if (in.seenSeq < cur.seq) lost(cur.seq);
            cur = in;
            return true;
        }
        if (cur.seenSeq < in.seq) lost(in.seq);
        return false;
    }
    if (dominates(in, cur)) {
        cur = in;
        return true;
    }
    if (dominates(cur, in)) return false;
    for (std::size_t i = 0; i < kMaxReplicas; ++i) {
        cur.vv[i] = std::max(cur.vv[i], in.vv[i]);
        cur.vvTime[i] = std::max(cur.vvTime[i], in.vvTime[i]);
    }
    cur.siblings = static_cast<std::uint16_t>(std::min(cur.siblings + in.siblings, 1000));
    cur.seq = std::max(cur.seq, in.seq);
    cur.value = std::max(cur.value, in.value);
    return true;
}

// A replicated store's replica finished serving `job`: coordinate it with the others.
void Engine::Impl::coordinate(NodeId node, const Job& job, const ReplyTo* via) {
    ReplicaState& rs = replicaStates[pnodes[node].replica];
    StoreState& st = stores[rs.store];
    const NodeSpec& spec = specs[st.spec];
    const bool cp = spec.mode == StoreMode::CP;
    auto answer = [&](ErrorReason err, const Cell& result) {
        if (via) { // a forwarded operation: the answer goes back to the replica that forwarded it
            ReplMsg m = replMsg(Kind::ForwardResp);
            m.op = via->op;
            m.opGen = via->gen;
            m.ok = err == ErrorReason::Ok;
            m.error = static_cast<std::uint8_t>(err);
            m.cell = result;
            sendRepl(node, via->node, m);
            return;
        }
        Job out = job;
        out.version = result.seq;
        if (!job.write) out.value = result.value;
        out.store = rs.store;
        out.definite = err != ErrorReason::Ok; // refused here and now: it was never applied
        out.replica = node;
        respond(out, node, err);
    };
    auto localCell = [&] {
        const auto it = rs.data.find(job.key);
        return it == rs.data.end() ? Cell{} : it->second;
    };
    if (cp && !job.write && spec.read_from == ReadFrom::Replicas &&
        rs.role != ReplicaState::Role::Leader && localCell().seq >= job.minVersion) {
        answer(ErrorReason::Ok, localCell()); // a follower read: allowed to be stale
        return;
    }
    const bool serving = !cp || leaseValid(rs);
    if (cp && !serving && (rs.leader == kNone || rs.leader == node)) {
        answer(ErrorReason::Unavailable, Cell{}); // no leader known: refuse at once
        return;
    }
    const std::uint32_t id = replOps.alloc();
    ReplOp& op = replOps[id];
    op.coord = node;
    op.store = rs.store;
    op.job = job;
    op.write = job.write;
    op.key = job.key;
    op.cp = cp;
    op.minSeq = job.minVersion;
    if (via) {
        op.replyTo = via->node;
        op.replyOp = via->op;
        op.replyGen = via->gen;
    }
    retain(job.request);
    events.push(now + std::llround(spec.quorum_timeout_ms * 1000.0), EventType::ReplTimeout, id,
                replOps.gen(id));
    if (cp && !serving) { // a follower: forward to the leader it follows (once: never re-forwarded)
        op.forwarded = true;
        ReplMsg f = replMsg(Kind::Forward);
        f.op = id;
        f.opGen = replOps.gen(id);
        f.write = job.write;
        f.key = job.key;
        f.minSeq = job.minVersion;
        f.cell.value = job.value;
        f.request = job.request;
        f.requestGen = job.request == kNone ? 0 : requests.gen(job.request);
        f.attempt = job.attempt;
        sendRepl(node, rs.leader, f);
        return;
    }
    op.needed = quorum(st, job.write, job);
    op.got = 1; // the coordinator itself
    if (job.write) {
        Request* q =
            job.request != kNone && requests.live(job.request) ? &requests[job.request] : nullptr;
        const bool keyed = q && specs[clients[q->client].spec].idempotency_keys;
        if (q && q->applied > 0 && keyed) { // deduplicated at the store: the first result stands
            finishOp(id, ErrorReason::Ok, localCell());
            return;
        }
        if (cp) { // in log order: it starts once the writes of its key ahead of it are done
            auto& queue = rs.keyWrites[job.key];
            queue.push_back(id);
            if (queue.size() == 1) startWrite(id);
            return;
        }
        op.best = newCell(rs, job.key, job);
        // AP: apply here at once, then replicate to everyone asynchronously
        merge(rs, job.key, op.best);
        if (q && ++q->applied > 1 &&
            specs[clients[q->client].spec].write_kind == WriteKind::Increment)
            ++totals.duplicate_side_effects;
    } else {
        op.best = localCell();
        if (cp) { // the leader with a valid lease has every committed write
            finishOp(id, ErrorReason::Ok, op.best);
            return;
        }
    }
    replicate(id);
}

// A CP leader's write reaches the front of its key's queue: computed from the committed value
// (an increment adds to what the previous write left), then sent to the followers.
void Engine::Impl::startWrite(std::uint32_t id) {
    ReplOp& op = replOps[id];
    ReplicaState& rs = replicaStates[pnodes[op.coord].replica];
    if (!leaseValid(rs)) { // stepped down while it waited: it was never applied
        finishOp(id, ErrorReason::Unavailable, Cell{});
        return;
    }
    op.best = newCell(rs, op.key, op.job);
    replicate(id);
}

// Sends the op's cell to every other replica (writes) or asks them for theirs (reads), unless the
// coordinator alone is a quorum.
void Engine::Impl::replicate(std::uint32_t id) {
    ReplOp& op = replOps[id];
    const std::uint32_t gen = replOps.gen(id);
    const ReplicaState& rs = replicaStates[pnodes[op.coord].replica];
    const Cell cell = op.best;
    const bool write = op.write;
    const bool done = op.got >= op.needed && (write || op.best.seq >= op.minSeq);
    for (std::uint32_t r : stores[op.store].set.replicas) {
        const ReplicaState& peer = replicaStates[r];
        if (peer.node == op.coord) continue;
        ReplMsg m = replMsg(write ? Kind::Replicate : Kind::ReadReq);
        m.op = id;
        m.opGen = gen;
        m.term = rs.term;
        m.key = op.key;
        m.cell = cell;
        if (write || !done) sendRepl(op.coord, peer.node, m);
    }
    if (done) {
        if (op.cp && write) return commitWrite(id);
        finishOp(id, ErrorReason::Ok, cell);
    }
}

// A CP write is on a majority: applied at the leader, answered, and the next write of its key
// starts.
void Engine::Impl::commitWrite(std::uint32_t id) {
    ReplOp& op = replOps[id];
    ReplicaState& rs = replicaStates[pnodes[op.coord].replica];
    merge(rs, op.key, op.best);
    if (op.job.request != kNone && requests.live(op.job.request)) {
        Request& q = requests[op.job.request];
        if (++q.applied > 1 && specs[clients[q.client].spec].write_kind == WriteKind::Increment)
            ++totals.duplicate_side_effects;
    }
    finishOp(id, ErrorReason::Ok, op.best);
}

bool Engine::Impl::writeInProgress(const ReplOp& op, std::uint32_t id) const {
    const auto& writes = replicaStates[pnodes[op.coord].replica].keyWrites;
    const auto it = writes.find(op.key);
    return it != writes.end() && !it->second.empty() && it->second.front() == id;
}

// A CP write at its leader ended (committed, refused or timed out): it leaves its key's queue, and
// if it was the one being replicated, the next one starts.
void Engine::Impl::leaveKeyQueue(const ReplOp& op, std::uint32_t id) {
    if (!op.cp || !op.write || op.forwarded) return;
    ReplicaState& rs = replicaStates[pnodes[op.coord].replica];
    const auto it = rs.keyWrites.find(op.key);
    if (it == rs.keyWrites.end()) return;
    auto& queue = it->second;
    const auto pos = std::find(queue.begin(), queue.end(), id);
    if (pos == queue.end()) return;
    const bool front = pos == queue.begin();
    queue.erase(pos);
    if (queue.empty()) {
        rs.keyWrites.erase(it);
        return;
    }
    if (front) startWrite(queue.front());
}

void Engine::Impl::finishOp(std::uint32_t id, ErrorReason err, const Cell& result) {
    const ReplOp op = replOps[id];
    replOps.release(id);
    leaveKeyQueue(op, id);
    if (op.replyTo != kNone) {
        ReplMsg m = replMsg(Kind::ForwardResp);
        m.op = op.replyOp;
        m.opGen = op.replyGen;
        m.ok = err == ErrorReason::Ok;
        m.error = static_cast<std::uint8_t>(err);
        m.cell = result;
        sendRepl(op.coord, op.replyTo, m);
    } else {
        Job out = op.job;
        out.version = result.seq;
        out.replica = op.coord;
        if (!op.job.write) out.value = result.value;
        out.store = op.store;
        if (pnodes[op.coord].alive) respond(out, op.coord, err);
    }
    release(op.job.request);
}

void Engine::Impl::onReplTimeout(std::uint32_t id, std::uint32_t gen) {
    if (!replOps.valid(id, gen)) return;
    ReplOp& op = replOps[id];
    if (op.cp && op.write && !op.forwarded && writeInProgress(op, id)) {
        // The leader could not reach a majority: the write does not take effect, and the
        // followers that took it are told the value that stands. (A write still waiting behind
        // another of its key was never sent: nothing to undo.)
        ReplicaState& rs = replicaStates[pnodes[op.coord].replica];
        const auto it = rs.data.find(op.key);
        ReplMsg fix = replMsg(Kind::Repair);
        fix.key = op.key;
        fix.ok = true; // authoritative
        fix.cell = it == rs.data.end() ? Cell{} : it->second;
        fix.term = rs.term;
        for (std::uint32_t r : stores[op.store].set.replicas)
            if (replicaStates[r].node != op.coord) sendRepl(op.coord, replicaStates[r].node, fix);
    }
    finishOp(id, ErrorReason::Unavailable, Cell{});
}

void Engine::Impl::onReplMessage(NodeId to, NodeId from, const ReplMsg& msg) {
    if (pnodes[to].replica == kNone || pnodes[from].replica == kNone) return;
    ReplicaState& rs = replicaStates[pnodes[to].replica];
    StoreState& st = stores[rs.store];
    const NodeSpec& spec = specs[st.spec];
    const bool cp = spec.mode == StoreMode::CP;
    auto reply = [&](ReplMsg m) {
        m.term = rs.term;
        sendRepl(to, from, m);
    };
    switch (msg.kind) {
    case Kind::Replicate: {
        ReplMsg ack = replMsg(Kind::ReplicateAck);
        ack.op = msg.op;
        ack.opGen = msg.opGen;
        if (cp) {
            if (msg.term < rs.term) return reply(ack); // a deposed leader: refuse
            if (msg.term > rs.term || rs.role != ReplicaState::Role::Follower)
                becomeFollower(rs, msg.term, "a newer leader exists");
            rs.leader = from;
            rs.leaderContact = now;
            armElection(rs);
        }
        merge(rs, msg.key, msg.cell);
        ack.ok = true;
        return reply(ack);
    }
    case Kind::ReplicateAck:
    case Kind::ReadResp: {
        if (cp && msg.term > rs.term)
            return becomeFollower(rs, msg.term, "a replica reports a newer term");
        if (!replOps.valid(msg.op, msg.opGen) || !msg.ok) return;
        ReplOp& op = replOps[msg.op];
        ++op.got;
        if (msg.kind == Kind::ReadResp && msg.cell.seq > op.best.seq) op.best = msg.cell;
        if (op.got < op.needed || (!op.write && op.best.seq < op.minSeq)) return;
        if (op.cp && op.write) { // committed on a majority: apply at the leader and answer
            if (rs.role != ReplicaState::Role::Leader || msg.term != rs.term) return;
            return commitWrite(msg.op);
        }
        return finishOp(msg.op, ErrorReason::Ok, op.best);
    }
    case Kind::ReadReq: {
        ReplMsg resp = replMsg(Kind::ReadResp);
        resp.op = msg.op;
        resp.opGen = msg.opGen;
        resp.ok = true;
        const auto it = rs.data.find(msg.key);
        if (it != rs.data.end()) resp.cell = it->second;
        return reply(resp);
    }
    case Kind::Repair:
        if (msg.ok) { // a leader's authoritative value (after an aborted write)
            if (msg.term >= rs.term) rs.data[msg.key] = msg.cell;
        } else {
            merge(rs, msg.key, msg.cell);
        }
        return;
    case Kind::Forward: {
        if (!leaseValid(rs)) {
            ReplMsg no = replMsg(Kind::ForwardResp);
            no.op = msg.op;
            no.opGen = msg.opGen;
            no.error = static_cast<std::uint8_t>(ErrorReason::Unavailable);
            return reply(no);
        }
        Job job;
        job.write = msg.write;
        job.key = msg.key;
        job.minVersion = msg.minSeq;
        job.value = msg.cell.value;
        job.attempt = msg.attempt;
        job.request = msg.request != kNone && requests.valid(msg.request, msg.requestGen)
                          ? msg.request
                          : kNone;
        const ReplyTo back{from, msg.op, msg.opGen};
        coordinate(to, job, &back); // as the leader; the answer goes back to the forwarder
        return;
    }
    case Kind::ForwardResp:
        if (replOps.valid(msg.op, msg.opGen))
            finishOp(msg.op, msg.ok ? ErrorReason::Ok : static_cast<ErrorReason>(msg.error),
                     msg.cell);
        return;
    case Kind::PreVote:
    case Kind::PreVoteResp:
    case Kind::Vote:
    case Kind::VoteResp:
    case Kind::Heartbeat:
    case Kind::HeartbeatAck:
        return onElectionMessage(to, from, msg);
    }
}

// Anti-entropy: replicas compare what they hold (a Merkle exchange, abstracted) and the newest
// value of each key that differs travels as a repair message, at most keys_per_s of them, so a
// long divergence takes long to repair. It also measures each replica's lag.
void Engine::Impl::onAntiEntropyTick(std::uint32_t s) {
    StoreState& st = stores[s];
    const NodeSpec& spec = specs[st.spec];
    const SimTime interval = std::llround(spec.anti_entropy_interval_ms * 1000.0);
    const SimTime settled = now - interval; // younger differences may be replication in flight
    struct Newest {
        std::array<std::uint32_t, kMaxReplicas> vv{};
        std::array<SimTime, kMaxReplicas> at{};
        std::uint64_t seq = 0;
        std::uint32_t holder = 0;
    };
    std::unordered_map<std::uint32_t, Newest> newest;
    for (std::uint32_t r : st.set.replicas)
        for (const auto& [key, cell] : replicaStates[r].data) {
            Newest& n = newest[key];
            for (std::size_t j = 0; j < kMaxReplicas; ++j) {
                n.vv[j] = std::max(n.vv[j], cell.vv[j]);
                n.at[j] = std::max(n.at[j], cell.vvTime[j]);
            }
            if (cell.seq > n.seq) {
                n.seq = cell.seq;
                n.holder = r;
            }
        }
    auto budget = static_cast<std::int64_t>(spec.anti_entropy_keys_per_s *
                                            spec.anti_entropy_interval_ms / 1000.0);
    std::uint64_t behind = 0;
    const Cell none{};
    for (std::uint32_t r : st.set.replicas) {
        ReplicaState& rs = replicaStates[r];
        rs.lagKeys = 0;
        for (const auto& [key, n] : newest) {
            const auto it = rs.data.find(key);
            const Cell& mine = it == rs.data.end() ? none : it->second;
            bool missed = false;
            for (std::size_t j = 0; j < kMaxReplicas && !missed; ++j)
                missed = n.vv[j] > mine.vv[j] && (n.at[j] < settled || mine.vvTime[j] < settled);
            if (!missed) continue;
            ++rs.lagKeys;
            const ReplicaState& holder = replicaStates[n.holder];
            if (spec.mode == StoreMode::AP && budget > 0 && n.holder != r &&
                pnodes[holder.node].alive && pnodes[rs.node].alive) {
                ReplMsg fix = replMsg(ReplMsg::Kind::Repair);
                fix.key = key;
                fix.cell = holder.data.at(key);
                sendRepl(holder.node, rs.node, fix);
                --budget;
            }
        }
        behind += rs.lagKeys;
    }
    if (behind == 0 && st.set.diverged && st.set.lastHeal >= 0) {
        const SimTime took = now - st.set.lastHeal;
        totals.convergence_ms = static_cast<double>(took) / 1000.0;
        log(spec.id, "the replicas of " + spec.id + " converged " + ms(took) +
                         " ms after the last heal: every replica holds the same data again");
        st.set.lastHeal =
            -1; // once per heal: later blips are replication in flight, not divergence
    }
    st.set.diverged = behind > 0;
    events.push(now + interval, EventType::AntiEntropy, s);
}

void Engine::Impl::recordCommit(const Job& job) {
    if (job.store == kNone) return;
    ReplicaSetState& set = stores[job.store].set;
    if (job.key < ReplicaSetState::kDenseKeys) {
        if (job.key >= set.newestSeq.size()) set.newestSeq.resize(job.key + std::size_t{1}, 0);
        set.newestSeq[job.key] = std::max(set.newestSeq[job.key], job.version);
    }
    CommitLog& log = set.commits[job.key];
    log.recent[static_cast<std::size_t>(log.next)] = {job.version, now};
    log.maxSeq = std::max(log.maxSeq, job.version);
    log.next = (log.next + 1) % CommitLog::kKeep;
    ++log.count;
}

// A read is stale if a newer version of its key was committed before the read was invoked.
void Engine::Impl::recordRead(const Job& job, SimTime invoked) {
    ++totals.reads;
    ++interval.reads;
    if (job.store == kNone) return;
    ReplicaSetState& set = stores[job.store].set;
    if (job.key < ReplicaSetState::kDenseKeys) { // no newer commit of the key (or none at all)
        const auto& newest = set.newestSeq;
        if (job.version >= (job.key < newest.size() ? newest[job.key] : 0)) return;
    }
    const CommitLog* log = set.commits.find(job.key);
    if (log == nullptr || job.version >= log->maxSeq) return; // no newer commit in the log
    std::uint64_t missed = 0;
    SimTime oldest = INT64_MAX;
    for (const auto& [seq, at] : log->recent)
        if (seq > job.version && at < invoked && at > 0) {
            ++missed;
            oldest = std::min(oldest, at);
        }
    if (missed == 0) return;
    ++totals.stale_reads;
    ++interval.staleReads;
    interval.versionsBehindMax = std::max(interval.versionsBehindMax, missed);
    interval.staleness.record(invoked - oldest);
    stalenessAll.record(invoked - oldest);
}

void Engine::Impl::replicaKilled(ReplicaState& rs) {
    if (rs.role == ReplicaState::Role::Leader) {
        StoreState& st = stores[rs.store];
        if (st.set.leaderlessSince < 0) st.set.leaderlessSince = now;
    }
    rs.role = ReplicaState::Role::Follower;
    rs.leader = kNone;
    rs.keyWrites.clear(); // its ops are dropped below
    ++rs.electionGen;
    ++rs.heartbeatGen;
    for (std::uint32_t i = 0; i < replOps.capacity(); ++i)
        if (replOps.live(i) && replOps[i].coord == rs.node) {
            markLost(replOps[i].job);
            release(replOps[i].job.request);
            replOps.release(i);
        }
}

void Engine::Impl::replicaRestarted(ReplicaState& rs) {
    if (specs[stores[rs.store].spec].mode == StoreMode::CP)
        armElection(rs); // data and term survive
}

} // namespace cs::core
