// Replica-set records: stored cells, replica roles (CP), coordinator operations and the internal
// messages replicas exchange. Private to the engine.
#pragma once

#include "EventQueue.h"
#include "KeyMap.h"
#include "Linearizability.h"
#include "Metrics.h"
#include "Scenario.h"
#include "Topology.h"

#include <array>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace cs::core {

constexpr int kMaxReplicas = 16;

// One key's value at one replica. `seq` orders writes globally (assigned by the coordinator);
// `seenSeq` is the version the write was made over, so LWW can tell which overwrites lose data.
struct Cell {
    std::uint64_t seq = 0, seenSeq = 0;
    std::int64_t value = 0;
    SimTime written = 0;                          // when the coordinator made it
    std::array<std::uint32_t, kMaxReplicas> vv{}; // version vector (merged over siblings)
    // When the write behind each vv component was made: a replica whose component is old while
    // another replica holds a newer one has missed updates (its lag), whatever the conflict policy.
    std::array<SimTime, kMaxReplicas> vvTime{};
    std::uint16_t siblings = 1;
};

struct ReplicaState {
    NodeId node = kNone;
    std::uint32_t store = 0;
    int index = 0; // 0..n-1 within its set
    std::unordered_map<std::uint32_t, Cell> data;
    std::uint64_t lastSeq = 0;
    // CP (Raft-like): role, term, vote, the leader it follows.
    enum class Role { Follower, Candidate, Leader } role = Role::Follower;
    std::uint64_t term = 0, votedTerm = 0, syncedTerm = 0;
    // PreVote: the term this replica would campaign for, and the pre-votes it has for it (0: not
    // asking). Its own term stays as it is until a majority says it could win.
    std::uint64_t preVoteTerm = 0;
    int preVotes = 0;
    SimTime leaderContact = -1; // when it last heard from the leader it follows (CheckQuorum)
    NodeId votedFor = kNone, leader = kNone;
    int votes = 0;
    std::uint32_t electionGen = 0, heartbeatGen = 0;
    std::array<SimTime, kMaxReplicas>
        ackedSend{}; // leader: send time of the last heartbeat each peer acked
    SimTime leaderSince = 0;
    std::uint64_t lagKeys = 0; // keys this replica is behind on, at the last anti-entropy round
    // CP leader: the writes of each key in log order, as replication ops (id); the first is being
    // replicated, the others wait for it. One at a time per key, as a Raft log applies them: an
    // increment is computed from the value its predecessor committed, so none is lost.
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> keyWrites;
};

struct ReplMsg {
    enum class Kind : std::uint8_t {
        Replicate,
        ReplicateAck,
        ReadReq,
        ReadResp,
        Repair,
        Forward,
        ForwardResp,
        Vote,
        VoteResp,
        PreVote,
        PreVoteResp,
        Heartbeat,
        HeartbeatAck
    } kind;
    std::uint32_t op = kNone, opGen = 0;
    std::uint64_t term = 0, lastSeq = 0;
    std::uint32_t key = 0;
    Cell cell;
    bool ok = false, write = false;
    std::uint8_t error = 0;
    SimTime sentAt = 0;
    std::uint64_t minSeq = 0;
    std::uint32_t request = kNone, requestGen = 0;
    std::uint16_t attempt = 0;
};

// What the set as a whole tracks: the committed history for staleness, and recovery figures.
struct CommitLog {
    static constexpr int kKeep = 16;
    std::uint64_t maxSeq = 0; // the newest seq ever logged: a read of it or later missed none
    std::array<std::pair<std::uint64_t, SimTime>, kKeep> recent{}; // (seq, commit time), a ring
    int next = 0;
    std::uint64_t count = 0;
};

// One key's operations since the last checked window (DESIGN.md section 4: timed-out operations are
// indeterminate). `initial`: values the register may hold at the window's start (nullopt: any).
struct KeyHistory {
    std::vector<RegisterOp> ops;
    std::vector<bool> skip; // failed reads: they constrain nothing
    int inFlight = 0;
    std::uint32_t window = 0; // bumped when the window is checked
    std::size_t carried = 0;  // indeterminate writes carried over from earlier windows
    std::optional<std::vector<std::int64_t>> initial = std::vector<std::int64_t>{0};
};

struct ReplicaSetState {
    std::vector<std::uint32_t> replicas; // indices into replicaStates
    KeyMap<CommitLog> commits;           // read on every answered request: a flat map
    // Keys below kDenseKeys: the newest seq of each key's commit log (0: none), in a dense array
    // read before the log, so a read that cannot be stale touches 8 bytes, not a log's 280.
    static constexpr std::uint32_t kDenseKeys = 1u << 22;
    std::vector<std::uint64_t> newestSeq;
    std::unordered_set<std::uint64_t> lostCounted; // committed writes already counted as lost
    std::unordered_map<std::uint32_t, KeyHistory> histories;
    SimTime leaderlessSince = 0; // CP: since when no leader serves (-1: one does)
    SimTime lastHeal = -1;       // last heal or restart: convergence is timed from it
    bool diverged = false;
};

} // namespace cs::core
