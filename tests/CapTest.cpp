// Replica sets against the definitions of DESIGN.md section 4: quorums, staleness, CP and AP
// under a partition, LWW lost updates, version vectors, convergence after the heal.
#include "Engine.h"
#include "History.h"
#include "TestUtil.h"

#include <map>
#include <sstream>

#include <QTemporaryDir>

using namespace cs::core;

namespace {

// West: users_w -> api_w -> db1.  East: users_e -> api_e -> db3.  Replicas db1, db2, db3 in a
// triangle. Cutting db1-db3 and db2-db3 leaves db3 (and the east side) in a minority.
std::string twoSides(const std::string& mode, int r, int w, const std::string& conflicts,
                     double replicaLinkMs, double readFraction = 0.5, int keys = 20) {
    const std::string client = R"(, "read_fraction": )" + std::to_string(readFraction) +
                               R"(, "keys": {"count": )" + std::to_string(keys) +
                               R"(}, "timeout_ms": 1000, "write_kind": "set"})";
    const std::string lat = std::to_string(replicaLinkMs);
    return R"({"format": "clustersim-scenario", "version": 1, "seed": 11, "duration_s": 30,
      "metrics_interval_ms": 250, "nodes": [
        {"id": "users_w", "kind": "client", "target": "api_w", "rate_rps": 200)" +
           client + R"(,
        {"id": "users_e", "kind": "client", "target": "api_e", "rate_rps": 200)" +
           client + R"(,
        {"id": "api_w", "kind": "service_group", "instances": 1, "cores": 16, "service_ms": {"dist": "const", "value": 0.5}, "datastore": "db"},
        {"id": "api_e", "kind": "service_group", "instances": 1, "cores": 16, "service_ms": {"dist": "const", "value": 0.5}, "datastore": "db"},
        {"id": "db", "kind": "datastore", "replicas": ["db1", "db2", "db3"], "mode": ")" +
           mode + R"(", "r": )" + std::to_string(r) + R"(, "w": )" + std::to_string(w) +
           R"(, "conflicts": ")" + conflicts +
           R"(", "cores": 16, "service_ms": {"dist": "const", "value": 0.2}, "anti_entropy_interval_ms": 500},
        {"id": "db1", "kind": "replica"}, {"id": "db2", "kind": "replica"}, {"id": "db3", "kind": "replica"}],
      "links": [
        {"a": "users_w", "b": "api_w", "latency_ms": {"median": 1, "p99": 2}},
        {"a": "users_e", "b": "api_e", "latency_ms": {"median": 1, "p99": 2}},
        {"a": "api_w", "b": "db1", "latency_ms": {"median": 0.5, "p99": 1}},
        {"a": "api_e", "b": "db3", "latency_ms": {"median": 0.5, "p99": 1}},
        {"a": "db1", "b": "db2", "latency_ms": {"median": )" +
           lat + R"(, "p99": )" + lat + R"(}},
        {"a": "db2", "b": "db3", "latency_ms": {"median": )" +
           lat + R"(, "p99": )" + lat + R"(}},
        {"a": "db1", "b": "db3", "latency_ms": {"median": )" +
           lat + R"(, "p99": )" + lat + R"(}}]})";
}

Action linkAction(ActionKind k, SimTime at, const std::string& a, const std::string& b) {
    Action x;
    x.kind = k;
    x.at_us = at;
    x.a = a;
    x.b = b;
    return x;
}

void partitionDb3(Scenario& s, SimTime from, SimTime to) {
    for (const char* other : {"db1", "db2"}) {
        s.timeline.push_back(linkAction(ActionKind::CutLink, from, other, "db3"));
        s.timeline.push_back(linkAction(ActionKind::HealLink, to, other, "db3"));
    }
}

} // namespace

TEST(Cap, StrictQuorumsGiveNoStaleReads) {
    // R + W > N: every read quorum meets every write quorum.
    const auto r = cs::test::run(cs::test::parse(twoSides("AP", 2, 2, "lww", 5)));
    EXPECT_GT(r.summary.reads, 5000u);
    EXPECT_EQ(r.summary.stale_reads, 0u);
    EXPECT_EQ(r.summary.stale_fraction, 0.0);
    EXPECT_EQ(r.summary.failed[static_cast<int>(ErrorReason::Unavailable)], 0u);
}

TEST(Cap, OneReplicaReadsAndWritesWithLagAreStale) {
    // R = W = 1 and 20 ms replication lag: a read may land on a replica the last write has not
    // reached.
    const auto r = cs::test::run(cs::test::parse(twoSides("AP", 1, 1, "lww", 20)));
    EXPECT_GT(r.summary.stale_reads, 50u);
    EXPECT_GT(r.summary.stale_fraction, 0.005);
    EXPECT_GT(r.summary.staleness_p50, 0.0);
    EXPECT_LT(r.summary.staleness_p99, 50.0) << "staleness is bounded by the replication lag";
}

TEST(Cap, CpMinorityRefusesMajorityElectsAndNothingIsStale) {
    Scenario s = cs::test::parse(twoSides("CP", 0, 0, "lww", 1));
    Engine e(s);
    std::vector<LogEntry> log;
    e.setLogSink([&](const LogEntry& l) { log.push_back(l); });
    e.runUntil(5'000'000);
    // Make sure the partition costs the leader its majority: cut the leader off, whoever it is.
    std::string leader;
    for (const auto& n : e.nodes())
        if (n.leader) leader = n.name;
    ASSERT_FALSE(leader.empty()) << "a leader is elected at start";
    // The refusals before the first leader are explained where they happen (a class saw errors
    // before any fault and asked why); a later election does not repeat it.
    const auto first = std::find_if(log.begin(), log.end(), [](const LogEntry& l) {
        return l.text.find("elected leader") != std::string::npos;
    });
    ASSERT_NE(first, log.end());
    EXPECT_NE(first->text.find("refused as unavailable"), std::string::npos) << first->text;
    for (const char* other : {"db1", "db2", "db3"})
        if (leader != other) {
            e.post(linkAction(ActionKind::CutLink, 5'000'000, leader, other));
            e.post(linkAction(ActionKind::HealLink, 15'000'000, leader, other));
        }
    e.runUntil(5'000'000 + 600'000); // election timeout is 150-300 ms, plus the lease
    int leaders = 0;
    std::string newLeader;
    for (const auto& n : e.nodes())
        if (n.leader) {
            ++leaders;
            newLeader = n.name;
        }
    EXPECT_EQ(leaders, 1) << "exactly one leader serves";
    EXPECT_NE(newLeader, leader) << "the majority side elected a new leader";
    bool steppedDown = false;
    for (const auto& l : log)
        steppedDown |= l.subject == leader && l.text.find("steps down") != std::string::npos;
    EXPECT_TRUE(steppedDown) << "the cut-off leader stepped down when its lease ran out";
    int explained = 0;
    for (const auto& l : log) explained += l.text.find("Until then") != std::string::npos;
    EXPECT_EQ(explained, 1) << "only the run's first election explains the start";
    e.runUntil(30'000'000);
    const Summary sum = e.summary();
    EXPECT_GT(sum.failed[static_cast<int>(ErrorReason::Unavailable)], 100u)
        << "the minority side refuses";
    EXPECT_EQ(sum.stale_reads, 0u) << "CP never serves a stale read";
    e.finishChecks();
    const Summary checked = e.summary();
    EXPECT_GT(checked.lin_checked, 100u);
    EXPECT_EQ(checked.lin_violations, 0u) << "every history window is linearizable";
    EXPECT_GT(sum.election_ms, 0.0);
    EXPECT_LT(sum.election_ms, 1000.0);
    EXPECT_GT(sum.completed, sum.issued / 2) << "the majority side keeps working";
}

TEST(Cap, ApAnswersEverywhereServesStaleReadsLosesUpdatesAndConverges) {
    Scenario s = cs::test::parse(twoSides("AP", 1, 1, "lww", 1));
    partitionDb3(s, 5'000'000, 15'000'000);
    Engine e(s);
    std::vector<LogEntry> log;
    e.setLogSink([&](const LogEntry& l) { log.push_back(l); });
    e.runUntil(14'900'000);
    std::uint64_t lagDuring = 0;
    for (const auto& n : e.nodes()) lagDuring += n.lagKeys;
    EXPECT_GT(lagDuring, 0u) << "the two sides diverged";
    e.runUntil(30'000'000);
    const Summary sum = e.summary();
    EXPECT_EQ(sum.failed[static_cast<int>(ErrorReason::Unavailable)], 0u)
        << "AP answers on both sides";
    EXPECT_GT(sum.stale_reads, 100u);
    EXPECT_GT(sum.lost_updates, 10u) << "LWW drops one side's concurrent writes";
    EXPECT_GT(sum.lin_violations, 10u) << "the checker sees the partition's stale and lost values";
    EXPECT_GT(sum.convergence_ms, 0.0);
    for (const auto& n : e.nodes())
        if (n.owner == "db") {
            EXPECT_EQ(n.lagKeys, 0u) << n.name << " converged after the heal";
        }
    bool converged = false;
    for (const auto& l : log) converged |= l.text.find("converged") != std::string::npos;
    EXPECT_TRUE(converged);
}

TEST(Cap, VersionVectorsKeepSiblingsInsteadOfLosingUpdates) {
    Scenario s = cs::test::parse(twoSides("AP", 1, 1, "version_vectors", 1));
    partitionDb3(s, 5'000'000, 15'000'000);
    const auto r = cs::test::run(s);
    EXPECT_EQ(r.summary.lost_updates, 0u);
    EXPECT_GT(r.summary.conflicts, 10u)
        << "concurrent writes became siblings, merged by later writes";
}

TEST(Cap, PerClientLevelsOverrideTheStore) {
    // The store says R = W = 1; a client asking for quorum reads and writes is never stale.
    std::string json = twoSides("AP", 1, 1, "lww", 20); // stale without the override: see above
    const std::string marker = R"("id": "users_w", "kind": "client")";
    json.insert(json.find(marker) + marker.size(),
                R"(, "read_level": "quorum", "write_level": "quorum")");
    const std::string marker2 = R"("id": "users_e", "kind": "client")";
    json.insert(json.find(marker2) + marker2.size(),
                R"(, "read_level": "quorum", "write_level": "quorum")");
    const auto r = cs::test::run(cs::test::parse(json));
    EXPECT_EQ(r.summary.stale_reads, 0u);
}

TEST(Cap, ReadYourWritesHoldsForTheClientThatWrote) {
    // One client, R = W = 1, 50 ms replication. When its nearest replica dies, its reads move to
    // another replica that may not have its latest writes yet: stale, unless the client asks for
    // read-your-writes, which makes the coordinator wait for a replica that has them.
    auto staleWith = [](bool session) {
        std::string json = twoSides("AP", 1, 1, "lww", 50, 0.5, 5);
        if (session) {
            const std::string m = R"("id": "users_w", "kind": "client")";
            json.insert(json.find(m) + m.size(), R"(, "read_your_writes": true)");
        }
        Scenario s = cs::test::parse(json);
        s.nodes[1].rate_rps = 0;                              // only the west client
        s.links.push_back(LinkSpec{"api_w", "db2", 5, 5, 0}); // its second-nearest replica
        for (int k = 0; k < 10; ++k) {
            Action kill;
            kill.kind = ActionKind::KillNode;
            kill.node = "db1";
            kill.at_us = 2'000'000 + k * 2'000'000;
            Action back = kill;
            back.kind = ActionKind::RestartNode;
            back.at_us = kill.at_us + 1'000'000;
            s.timeline.push_back(kill);
            s.timeline.push_back(back);
        }
        return cs::test::run(s).summary.stale_reads;
    };
    EXPECT_GT(staleWith(false), 0u) << "the scenario does exercise the guarantee";
    EXPECT_EQ(staleWith(true), 0u);
}

TEST(ReadReplicas, FollowerReadsSpreadTheLoadAndShowReplicaLagAsStaleness) {
    // Read-heavy, replicas 20 ms apart; db3's links lose 30% of messages, so db3 lags: a majority
    // commits writes it has not seen. Leader reads cross to the leader; follower reads are
    // answered by the nearest replica.
    auto run = [](bool followers) {
        std::string json = twoSides("CP", 0, 0, "lww", 20, 0.95, 50);
        if (followers) {
            const std::string at = R"("conflicts": "lww")";
            json.replace(json.find(at), at.size(), at + R"(, "read_from": "replicas")");
        }
        Scenario s = cs::test::parse(json);
        for (auto& l : s.links) // db3, on the far side, is the replica that lags
            if (l.b == "db3" && l.a != "api_e") l.loss = 0.3;
        return cs::test::run(s).summary;
    };
    const auto leader = run(false), replicas = run(true);
    EXPECT_EQ(leader.stale_fraction, 0.0);
    EXPECT_GT(replicas.stale_fraction, 0.0) << "a follower answers before it has the newest write";
    EXPECT_LT(replicas.latency_p50, leader.latency_p50 - 10)
        << "the far side reads locally instead of crossing to the leader";
}

// A CP store loses no acknowledged increment, with no fault, under a partition, and when its
// leader is killed and restarted: no lost update, no violation under the counter model, and every
// key ends at its acknowledged increments plus some of the timed-out ones (which may or may not
// have taken effect). The clients turn to reads alone for the last 5 s to see the final values.
class CpIncrements : public ::testing::TestWithParam<const char*> {};

TEST_P(CpIncrements, NoAcknowledgedIncrementIsLost) {
    const std::string fault = GetParam();
    std::string json = twoSides("CP", 0, 0, "lww", 1, 0.5, 5);
    json.replace(json.find("\"set\""), 5, "\"increment\"");
    json.replace(json.find("\"set\""), 5, "\"increment\"");
    Scenario s = cs::test::parse(json);
    if (fault == "partition") partitionDb3(s, 5'000'000, 15'000'000);
    Engine e(s);
    std::string lines;
    e.setHistorySink([&](const std::string& l) { lines += l + "\n"; });
    e.runUntil(5'000'000);
    if (fault == "leader") {
        std::string leader;
        for (const auto& n : e.nodes())
            if (n.leader) leader = n.name;
        ASSERT_FALSE(leader.empty());
        Action kill;
        kill.kind = ActionKind::KillNode;
        kill.at_us = 5'000'000;
        kill.node = leader;
        e.post(kill);
        Action restart = kill;
        restart.kind = ActionKind::RestartNode;
        restart.at_us = 10'000'000;
        e.post(restart);
    }
    for (const char* client : {"users_w", "users_e"}) {
        Action reads;
        reads.kind = ActionKind::SetField;
        reads.at_us = 25'000'000;
        reads.node = client;
        reads.field = "read_fraction";
        reads.value = 1.0;
        e.post(reads);
    }
    e.runUntil(30'000'000);
    e.finishChecks();
    const Summary sum = e.summary();
    EXPECT_EQ(sum.lost_updates, 0u);
    EXPECT_GT(sum.lin_checked, 100u) << "increments are checked";
    EXPECT_EQ(sum.lin_violations, 0u);
    EXPECT_EQ(sum.lin_unknown, 0u);

    History h;
    std::string error;
    ASSERT_TRUE(parseHistory(lines, "cp.edn", h, error)) << error;
    EXPECT_EQ(defaultModel(h), HistoryModel::Counter);
    EXPECT_EQ(checkHistory(h, HistoryModel::Counter).verdict, CheckResult::Verdict::Linearizable);
    struct Key {
        std::int64_t acked = 0, timedOut = 0, final = -1, finalAt = 0;
    };
    std::map<std::string, Key> keys;
    int indeterminate = 0;
    for (const HistoryOp& op : h.ops) {
        Key& k = keys[op.key];
        if (op.f == HistoryOp::F::Add) {
            (op.complete == RegisterOp::kNever ? k.timedOut : k.acked) += 1;
        } else if (op.f == HistoryOp::F::Get && op.complete > k.finalAt) {
            k.finalAt = op.complete;
            k.final = op.text.empty() ? 0 : std::stoll(op.text);
        }
    }
    ASSERT_EQ(keys.size(), 5u);
    for (const auto& [key, k] : keys) {
        EXPECT_GT(k.finalAt, 27'000'000) << key << ": read after the last write settled";
        EXPECT_GE(k.final, k.acked) << key << ": an acknowledged increment is missing";
        EXPECT_LE(k.final, k.acked + k.timedOut) << key << ": more increments than were made";
        EXPECT_GT(k.acked, 100) << key;
        indeterminate += static_cast<int>(k.timedOut);
    }
    if (fault == "leader") {
        EXPECT_GT(indeterminate, 0) << "the kill left some outcomes unknown";
    }
}

INSTANTIATE_TEST_SUITE_P(Faults, CpIncrements, ::testing::Values("none", "partition", "leader"));

// PreVote and CheckQuorum (on by default, as etcd): a follower cut off from the others for 10 s
// asks for pre-votes and never raises its term, so when it heals the leader stays leader (read
// from `is_leader` in the nodes CSV). Without PreVote it raises its term over and over and deposes
// the healthy leader when it rejoins: the disruption a lesson can show.
class PreVote : public ::testing::TestWithParam<bool> {};

TEST_P(PreVote, AHealedFollowerDeposesTheLeaderOnlyWithoutIt) {
    const bool preVote = GetParam();
    std::string json = twoSides("CP", 0, 0, "lww", 1);
    if (!preVote)
        json.replace(json.find("\"mode\": \"CP\""), 12, "\"mode\": \"CP\", \"pre_vote\": false");
    Scenario s = cs::test::parse(json);
    std::string leader;
    {
        Engine e(s);
        e.runUntil(5'000'000);
        for (const auto& n : e.nodes())
            if (n.leader) leader = n.name;
    }
    ASSERT_FALSE(leader.empty());
    const std::string follower = leader == "db2" ? "db3" : "db2";
    for (const char* other : {"db1", "db2", "db3"})
        if (follower != other) {
            s.timeline.push_back(linkAction(ActionKind::CutLink, 5'000'000, follower, other));
            s.timeline.push_back(linkAction(ActionKind::HealLink, 15'000'000, follower, other));
        }
    QTemporaryDir dir;
    RunOptions o;
    o.nodesCsv = dir.filePath(QStringLiteral("nodes.csv")).toStdString();
    const auto run = cs::test::run(s);
    const auto withCsv = runScenario(s, o);
    ASSERT_TRUE(withCsv.ok) << withCsv.error;
    int samples = 0, led = 0, afterHeal = 0;
    std::istringstream csv(cs::test::readFile(o.nodesCsv));
    for (std::string line; std::getline(csv, line);) {
        if (line.find("," + leader + ",is_leader,") == std::string::npos) continue;
        const double t = std::stod(line.substr(0, line.find(',')));
        const bool isLeader = line.back() == '1';
        if (t < 5.5) continue;
        ++samples;
        led += isLeader;
        afterHeal += t > 16;
    }
    ASSERT_GT(samples, 50);
    if (preVote) {
        EXPECT_EQ(led, samples) << leader << " leads throughout, across the heal";
        EXPECT_EQ(withCsv.summary.elections, 1u) << "only the first election";
    } else {
        // The leader steps down at the heal; a new election follows (whoever wins it).
        EXPECT_GT(withCsv.summary.elections, 1u)
            << "the rejoining follower's term deposed " << leader;
        EXPECT_GT(afterHeal, 0);
    }
    EXPECT_EQ(run.summary.lin_violations, 0u);
}

INSTANTIATE_TEST_SUITE_P(Cap, PreVote, ::testing::Bool());

// Increments are counter operations, measured and checked as `set` writes are: under a partition
// an AP store serves reads that miss acknowledged increments (stale), and the checker sees it.
TEST(Cap, ApIncrementsUnderAPartitionAreStaleAndNotLinearizable) {
    std::string json = twoSides("AP", 1, 1, "lww", 1);
    json.replace(json.find("\"set\""), 5, "\"increment\"");
    json.replace(json.find("\"set\""), 5, "\"increment\"");
    Scenario s = cs::test::parse(json);
    partitionDb3(s, 5'000'000, 15'000'000);
    const auto r = cs::test::run(s);
    EXPECT_GT(r.summary.stale_reads, 100u) << "a read that misses an acknowledged increment";
    EXPECT_GT(r.summary.staleness_p50, 0.0);
    EXPECT_GT(r.summary.lin_checked, 100u) << "increments are checked";
    EXPECT_GT(r.summary.lin_violations, 10u);
}

// A client behind a rate limiter is still followed to its replicated store: its operations are
// checked (an AP store under a partition, so the checker has something to find).
TEST(Cap, AClientBehindARateLimiterIsChecked) {
    std::string json = twoSides("AP", 1, 1, "lww", 1);
    const std::string from = R"("id": "users_w", "kind": "client", "target": "api_w")";
    ASSERT_NE(json.find(from), std::string::npos);
    json.replace(json.find(from), from.size(),
                 R"("id": "users_w", "kind": "client", "target": "gate")");
    const std::string node =
        R"({"id": "gate", "kind": "rate_limiter", "target": "api_w", "limit_rps": 10000},)";
    json.insert(json.find(R"({"id": "api_w")"), node);
    const std::string link = R"({"a": "users_w", "b": "api_w")";
    ASSERT_NE(json.find(link), std::string::npos);
    json.replace(json.find(link), link.size(), R"({"a": "users_w", "b": "gate")");
    json.insert(json.find(R"({"a": "users_e")"),
                R"({"a": "gate", "b": "api_w", "latency_ms": {"median": 0.5, "p99": 1}},)");
    Scenario s = cs::test::parse(json);
    ASSERT_NE(s.find("gate"), nullptr);
    partitionDb3(s, 5'000'000, 15'000'000);
    const auto r = cs::test::run(s);
    EXPECT_GT(r.summary.lin_checked, 100u);
    EXPECT_EQ(r.summary.lin_unchecked_ops, 0u) << "no operation of the limited client is missed";
    EXPECT_GT(r.summary.lin_violations, 0u);
}

// CP and AP flip live, in the middle of a partition, as a `set mode` action (the toolbar's Store
// switch, a lesson step): the run goes on, and from the flip the store behaves as the new mode.
TEST(Cap, FlippingCpToApAndBackMidPartitionTakesEffectLive) {
    // r = w = 1: ignored by CP (always majorities), used once the store is AP.
    Scenario s = cs::test::parse(twoSides("CP", 1, 1, "lww", 1));
    partitionDb3(s, 5'000'000, 30'000'000);
    auto flip = [](SimTime at, const char* mode) {
        return cs::test::setAction(at, "db", "mode", mode);
    };
    s.timeline.push_back(flip(12'000'000, "AP"));
    s.timeline.push_back(flip(22'000'000, "CP"));
    ASSERT_EQ(validateScenario(s), "") << "`set mode` on a replicated store is a valid action";
    Engine e(s);
    std::vector<MetricsRow> rows;
    e.setMetricsSink([&](const MetricsRow& r) { rows.push_back(r); });
    std::vector<LogEntry> log;
    e.setLogSink([&](const LogEntry& l) { log.push_back(l); });
    e.runUntil(30'000'000);
    auto over = [&](double from, double to, auto get) {
        double sum = 0;
        for (const auto& r : rows)
            if (r.t_s > from && r.t_s <= to) sum += get(r);
        return sum;
    };
    const auto unavailable = [](const MetricsRow& r) {
        return r.err_rps[static_cast<std::size_t>(ErrorReason::Unavailable)];
    };
    const auto stale = [](const MetricsRow& r) { return r.stale_read_fraction; };
    EXPECT_GT(over(6, 12, unavailable), 0.0) << "CP: the minority side is refused";
    EXPECT_EQ(over(6, 12, stale), 0.0) << "CP: no stale read";
    EXPECT_EQ(over(13, 22, unavailable), 0.0) << "AP: every side answers";
    EXPECT_GT(over(13, 22, stale), 0.0) << "AP under the partition: stale reads";
    EXPECT_GT(over(24, 30, unavailable), 0.0) << "CP again: the minority is refused again";
    int leaders = 0;
    for (const auto& n : e.nodes()) leaders += n.leader;
    EXPECT_EQ(leaders, 1) << "back in CP, the majority elected a leader";
    bool said = false;
    for (const auto& l : log) said |= l.text.find("switched to AP") != std::string::npos;
    EXPECT_TRUE(said) << "the event log says what happened";
    EXPECT_EQ(rows.back().t_s, 30.0) << "the run went on: no restart";
}

// The toolbar's AP switch on a CP store that waits for majorities (r = w = 0) also sets r = w = 1,
// as the AP example store has: three `set` actions at the same moment. After them, the store
// answers on both sides of a partition and the cut-off side reads stale values, as a store loaded
// as AP with R = W = 1 does. Flipping the mode alone keeps majorities: strict quorums, no stale
// read, and the minority side is refused for want of a quorum.
TEST(Cap, AnApFlipWithOneReplicaQuorumsServesStaleReadsUnderAPartition) {
    auto staleAfterFlip = [](bool oneReplicaQuorums) {
        Scenario s = cs::test::parse(twoSides("CP", 0, 0, "lww", 1));
        partitionDb3(s, 15'000'000, 30'000'000);
        s.timeline.push_back(cs::test::setAction(10'000'000, "db", "mode", "AP"));
        if (oneReplicaQuorums)
            for (const char* f : {"r", "w"})
                s.timeline.push_back(cs::test::setAction(10'000'000, "db", f, 1.0));
        EXPECT_EQ(validateScenario(s), "") << "r and w are live fields";
        Engine e(s);
        double unavailable = 0; // during the partition
        e.setMetricsSink([&](const MetricsRow& r) {
            if (r.t_s > 15)
                unavailable += r.err_rps[static_cast<std::size_t>(ErrorReason::Unavailable)];
        });
        e.runUntil(30'000'000);
        return std::pair(e.summary(), unavailable);
    };
    const auto [flipped, flippedUnavailable] = staleAfterFlip(true);
    EXPECT_GT(flipped.stale_reads, 100u) << "AP with R = W = 1 under a partition";
    EXPECT_EQ(flippedUnavailable, 0.0) << "both sides answer";
    const auto [majority, majorityUnavailable] = staleAfterFlip(false);
    EXPECT_EQ(majority.stale_reads, 0u) << "R + W > N: every read meets the last write";
    EXPECT_GT(majorityUnavailable, 0.0) << "the cut-off replica alone is no majority";
}
