// CP replica sets' elections (DESIGN.md section 6 row 2), Raft-like: randomised election timers,
// PreVote and CheckQuorum (as etcd), votes and heartbeats sent as messages over the links, and a
// leader lease from the heartbeats a majority acknowledged, so a leader cut off in a minority steps
// down before another can be elected.
#include "EngineImpl.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace cs::core {
namespace {
using Kind = ReplMsg::Kind;
} // namespace

void Engine::Impl::armElection(ReplicaState& rs) {
    const NodeSpec& spec = specs[stores[rs.store].spec];
    ++rs.electionGen;
    const double span = spec.election_timeout_max_ms - spec.election_timeout_min_ms;
    const double t = spec.election_timeout_min_ms + span * pnodes[rs.node].rng.uniform();
    events.push(now + std::llround(t * 1000.0), EventType::ElectionTimer, rs.node, rs.electionGen);
}

ReplicaState* Engine::Impl::leaderOf(const StoreState& st) {
    for (std::uint32_t r : st.set.replicas)
        if (replicaStates[r].role == ReplicaState::Role::Leader &&
            pnodes[replicaStates[r].node].alive)
            return &replicaStates[r];
    return nullptr;
}

bool Engine::Impl::leaseValid(const ReplicaState& rs) const {
    if (rs.role != ReplicaState::Role::Leader) return false;
    const StoreState& st = stores[rs.store];
    const NodeSpec& spec = specs[st.spec];
    // Followers that acked a heartbeat sent at t will not start an election before t + min
    // election timeout; a margin keeps the lease inside that.
    const SimTime lease = std::llround(spec.election_timeout_min_ms * 1000.0 * 0.9);
    int fresh = 0;
    for (std::uint32_t r : st.set.replicas) {
        const ReplicaState& peer = replicaStates[r];
        if (peer.node == rs.node ||
            rs.ackedSend[static_cast<std::size_t>(peer.index)] >= now - lease)
            ++fresh;
    }
    return fresh > static_cast<int>(st.set.replicas.size()) / 2;
}

void Engine::Impl::becomeFollower(ReplicaState& rs, std::uint64_t term, const char* why) {
    StoreState& st = stores[rs.store];
    if (rs.role == ReplicaState::Role::Leader) {
        if (st.set.leaderlessSince < 0) st.set.leaderlessSince = now;
        if (why)
            log(pnodes[rs.node].name,
                pnodes[rs.node].name + " steps down as leader of " + specs[st.spec].id + ": " +
                    why + "; writes and reads there stop until a leader is elected");
    }
    rs.role = ReplicaState::Role::Follower;
    rs.term = std::max(rs.term, term);
    rs.leader = kNone;
    ++rs.heartbeatGen;
    armElection(rs);
}

void Engine::Impl::becomeLeader(ReplicaState& rs) {
    StoreState& st = stores[rs.store];
    // One vote per voter per term: never two leaders in one term (checked; asserts stay on).
    for (std::uint32_t r : st.set.replicas)
        assert(replicaStates[r].node == rs.node ||
               replicaStates[r].role != ReplicaState::Role::Leader ||
               replicaStates[r].term != rs.term);
    rs.role = ReplicaState::Role::Leader;
    rs.leader = rs.node;
    rs.leaderSince = now;
    rs.syncedTerm = rs.term;
    ++totals.elections;
    std::string how = "", after = "";
    if (st.set.leaderlessSince >= 0) {
        const SimTime took = now - st.set.leaderlessSince;
        totals.election_ms = static_cast<double>(took) / 1000.0;
        totals.unavailable_ms += static_cast<double>(took) / 1000.0;
        how = " after " + ms(took) + " ms without one";
        // Leaderless since the run began: the errors at its very start are this, not a fault.
        if (st.set.leaderlessSince == 0)
            after = ". Until then requests to it were refused as unavailable: a CP store answers "
                    "only through a leader";
        st.set.leaderlessSince = -1;
    }
    log(pnodes[rs.node].name, pnodes[rs.node].name + " elected leader of " + specs[st.spec].id +
                                  " (term " + std::to_string(rs.term) + ")" + how +
                                  ": it won a majority of votes" + after);
    ++rs.heartbeatGen;
    events.push(now, EventType::HeartbeatTick, rs.node, rs.heartbeatGen);
}

void Engine::Impl::onElectionTimer(NodeId node, std::uint32_t gen) {
    ReplicaState& rs = replicaStates[pnodes[node].replica];
    if (gen != rs.electionGen || !pnodes[node].alive || rs.role == ReplicaState::Role::Leader)
        return;
    StoreState& st = stores[rs.store];
    if (specs[st.spec].mode != StoreMode::CP) return; // flipped to AP: leaderless, no elections
    if (specs[st.spec].pre_vote && st.set.replicas.size() > 1) {
        // PreVote: ask first whether a majority would vote for it in the next term; only then
        // raise the term. Cut off in a minority, it asks forever and its term stays put.
        rs.preVoteTerm = rs.term + 1;
        rs.preVotes = 1;
        armElection(rs);
        ReplMsg ask = replMsg(Kind::PreVote);
        ask.term = rs.preVoteTerm;
        ask.lastSeq = rs.lastSeq;
        for (std::uint32_t r : st.set.replicas)
            if (replicaStates[r].node != node) sendRepl(node, replicaStates[r].node, ask);
        return;
    }
    startElection(rs);
}

// A live flip between CP and AP (a `set mode` action: the toolbar's Store switch, a lesson step).
// To AP: the leader steps down and the replicas answer leaderless quorums from now on. To CP: every
// replica arms its election timer, as at the start; until a leader is elected, operations are
// refused as `unavailable`.
void Engine::Impl::setStoreMode(std::uint32_t spec, StoreMode mode) {
    NodeSpec& n = specs[spec];
    if (n.mode == mode) return;
    n.mode = mode;
    const std::uint32_t s = storeOfSpec[spec];
    if (s == kNone || !stores[s].replicated) return;
    StoreState& st = stores[s];
    for (std::uint32_t r : st.set.replicas) {
        ReplicaState& rs = replicaStates[r];
        if (mode == StoreMode::AP) {
            if (rs.role == ReplicaState::Role::Leader) becomeFollower(rs, rs.term, nullptr);
            rs.role = ReplicaState::Role::Follower;
            rs.leader = kNone;
            ++rs.electionGen; // no election timer runs in AP
        } else if (pnodes[rs.node].alive) {
            armElection(rs);
        }
    }
    st.set.leaderlessSince = mode == StoreMode::CP ? now : -1;
    log(n.id, n.id + " switched to " + (mode == StoreMode::CP ? "CP" : "AP") + " at " +
                  sentenceNumber(static_cast<double>(now) / 1e6) +
                  (mode == StoreMode::CP
                       ? " s: its replicas elect a leader, and minorities will refuse"
                       : " s: no leader; every replica answers, and partitions will show stale "
                         "reads"));
}

// CheckQuorum's other half: a replica that heard from a live leader within the minimum election
// timeout (or leads with a valid lease) does not help elect another.
bool Engine::Impl::hasLeader(const ReplicaState& rs) const {
    if (rs.role == ReplicaState::Role::Leader) return leaseValid(rs);
    const NodeSpec& spec = specs[stores[rs.store].spec];
    return rs.leader != kNone && rs.leaderContact >= 0 &&
           now - rs.leaderContact < std::llround(spec.election_timeout_min_ms * 1000.0);
}

void Engine::Impl::startElection(ReplicaState& rs) {
    const NodeId node = rs.node;
    StoreState& st = stores[rs.store];
    rs.preVoteTerm = 0;
    rs.preVotes = 0;
    ++rs.term;
    rs.role = ReplicaState::Role::Candidate;
    rs.votedFor = node;
    rs.votedTerm = rs.term;
    rs.votes = 1;
    rs.leader = kNone;
    rs.ackedSend.fill(-1);
    armElection(rs); // a split vote times out and tries again with a new random timeout
    if (st.set.replicas.size() == 1) return becomeLeader(rs);
    ReplMsg vote = replMsg(Kind::Vote);
    vote.term = rs.term;
    vote.lastSeq = rs.lastSeq;
    vote.sentAt = now;
    for (std::uint32_t r : st.set.replicas)
        if (replicaStates[r].node != node) sendRepl(node, replicaStates[r].node, vote);
}

void Engine::Impl::onHeartbeatTick(NodeId node, std::uint32_t gen) {
    ReplicaState& rs = replicaStates[pnodes[node].replica];
    if (gen != rs.heartbeatGen || !pnodes[node].alive || rs.role != ReplicaState::Role::Leader)
        return;
    const StoreState& st = stores[rs.store];
    const NodeSpec& spec = specs[st.spec];
    const SimTime lease = std::llround(spec.election_timeout_min_ms * 1000.0 * 0.9);
    if (!leaseValid(rs) && now - rs.leaderSince >= lease)
        return becomeFollower(rs, rs.term, "its lease ran out: it cannot reach a majority");
    ReplMsg hb = replMsg(Kind::Heartbeat);
    hb.term = rs.term;
    hb.sentAt = now;
    for (std::uint32_t r : st.set.replicas)
        if (replicaStates[r].node != node) sendRepl(node, replicaStates[r].node, hb);
    events.push(now + std::llround(spec.heartbeat_ms * 1000.0), EventType::HeartbeatTick, node,
                rs.heartbeatGen);
}

// Election and heartbeat messages between the replicas of a CP set.
void Engine::Impl::onElectionMessage(NodeId to, NodeId from, const ReplMsg& msg) {
    ReplicaState& rs = replicaStates[pnodes[to].replica];
    StoreState& st = stores[rs.store];
    const NodeSpec& spec = specs[st.spec];
    const int n = static_cast<int>(st.set.replicas.size());
    const int peerIndex = replicaStates[pnodes[from].replica].index;
    auto reply = [&](ReplMsg m) {
        m.term = rs.term;
        sendRepl(to, from, m);
    };
    switch (msg.kind) {
    case Kind::PreVote: { // would I vote for it? Nothing of mine changes.
        ReplMsg resp = replMsg(Kind::PreVoteResp);
        resp.ok = msg.term > rs.term && msg.lastSeq >= rs.lastSeq && !hasLeader(rs);
        resp.sentAt = static_cast<SimTime>(msg.term); // the term asked about, echoed
        sendRepl(to, from, resp);
        return;
    }
    case Kind::PreVoteResp:
        if (!msg.ok || rs.preVoteTerm == 0 || static_cast<SimTime>(rs.preVoteTerm) != msg.sentAt ||
            rs.role == ReplicaState::Role::Leader)
            return;
        if (++rs.preVotes > n / 2) startElection(rs);
        return;
    case Kind::Vote: {
        // With CheckQuorum, a replica that hears from its leader ignores a candidate: a rejoining
        // replica with a higher term cannot depose a leader that holds a majority.
        if (spec.pre_vote && msg.term > rs.term && hasLeader(rs)) return;
        if (msg.term > rs.term) becomeFollower(rs, msg.term, "a candidate has a newer term");
        const bool grant = msg.term == rs.term &&
                           (rs.votedTerm != rs.term || rs.votedFor == from) &&
                           msg.lastSeq >= rs.lastSeq;
        if (grant) {
            rs.votedFor = from;
            rs.votedTerm = rs.term;
            armElection(rs);
        }
        ReplMsg resp = replMsg(Kind::VoteResp);
        resp.ok = grant;
        resp.sentAt = msg.sentAt;
        return reply(resp);
    }
    case Kind::VoteResp:
        if (msg.term > rs.term) return becomeFollower(rs, msg.term, "a voter has a newer term");
        if (rs.role != ReplicaState::Role::Candidate || msg.term != rs.term || !msg.ok) return;
        // A vote also holds off the voter's own elections: it counts toward the lease.
        rs.ackedSend[static_cast<std::size_t>(peerIndex)] = msg.sentAt;
        // Every committed write is on a majority and the voters are a majority: taking the newest
        // value of each key from them gives the new leader every committed write (our replicas
        // keep values, not Raft's prefix-complete logs, so "most up-to-date" alone would not).
        for (const auto& [key, cell] : replicaStates[pnodes[from].replica].data) {
            auto [it, fresh] = rs.data.try_emplace(key, cell);
            if (!fresh && cell.seq > it->second.seq) it->second = cell;
            rs.lastSeq = std::max(rs.lastSeq, cell.seq);
        }
        if (++rs.votes > n / 2) becomeLeader(rs);
        return;
    case Kind::Heartbeat: {
        ReplMsg ack = replMsg(Kind::HeartbeatAck);
        ack.sentAt = msg.sentAt;
        if (msg.term < rs.term) return reply(ack);
        if (msg.term > rs.term || rs.role != ReplicaState::Role::Follower)
            becomeFollower(rs, msg.term, "a newer leader exists");
        rs.leader = from;
        rs.leaderContact = now;
        armElection(rs);
        if (rs.syncedTerm < msg.term) { // first contact with this leader: take its state
            const ReplicaState& leader = replicaStates[pnodes[from].replica];
            rs.data = leader.data;
            rs.lastSeq = leader.lastSeq;
            rs.syncedTerm = msg.term;
        }
        ack.ok = true;
        return reply(ack);
    }
    case Kind::HeartbeatAck:
        if (msg.term > rs.term)
            return becomeFollower(rs, msg.term, "a replica reports a newer term");
        if (msg.ok && rs.role == ReplicaState::Role::Leader)
            rs.ackedSend[static_cast<std::size_t>(peerIndex)] =
                std::max(rs.ackedSend[static_cast<std::size_t>(peerIndex)], msg.sentAt);
        return;
    default:
        return;
    }
}

} // namespace cs::core
