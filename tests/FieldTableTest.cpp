// The field table: every row reads back what was written, live rows are accepted on their kinds
// and refused elsewhere, enum names round-trip, and the file's keys are the table's.
#include "TestUtil.h"

#include "ActionText.h"
#include "EnumNames.h"
#include "FieldTable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <set>

namespace {

using namespace cs::core;

// Every kind, every reference: a replicated and a sharded store, a cache, a queue, a session
// store, a limiter in front of a balancer.
const char* kAllKinds = R"({"format": "clustersim-scenario", "version": 1, "nodes": [
  {"id": "c", "kind": "client", "target": "rl"},
  {"id": "rl", "kind": "rate_limiter", "target": "lb"},
  {"id": "lb", "kind": "load_balancer", "group": "api"},
  {"id": "api", "kind": "service_group", "datastore": "db", "cache": "ca", "queue": "q",
   "session_store": "ss", "autoscaling": {"policy": "target_tracking",
   "steps": [{"above": 0.8, "add": 1}]}},
  {"id": "work", "kind": "service_group", "datastore": "db2"},
  {"id": "work2", "kind": "service_group", "datastore": "db2"},
  {"id": "db", "kind": "datastore", "replicas": ["r1", "r2", "r3"]},
  {"id": "r1", "kind": "replica"}, {"id": "r2", "kind": "replica"}, {"id": "r3", "kind": "replica"},
  {"id": "db2", "kind": "datastore", "shards": {"count": 2}},
  {"id": "ca", "kind": "cache"}, {"id": "ss", "kind": "session_store"},
  {"id": "q", "kind": "queue", "consumers": "work"}, {"id": "edge", "kind": "cdn"}],
  "links": [{"a": "c", "b": "rl"}, {"a": "rl", "b": "lb"}, {"a": "lb", "b": "api"},
            {"a": "api", "b": "r1"}, {"a": "r1", "b": "r2"}, {"a": "r2", "b": "r3"},
            {"a": "api", "b": "ca"}, {"a": "api", "b": "ss"}, {"a": "api", "b": "q"},
            {"a": "q", "b": "work"}, {"a": "work", "b": "db2"}, {"a": "api", "b": "db2"},
            {"a": "q", "b": "work2"}, {"a": "work2", "b": "db2"}, {"a": "c", "b": "edge"},
            {"a": "edge", "b": "rl"}]})";

Scenario allKinds() {
    const auto r = loadScenarioText(kAllKinds, "all.clustersim.json");
    EXPECT_TRUE(r.ok) << r.error;
    EXPECT_TRUE(r.warnings.empty()) << (r.warnings.empty() ? "" : r.warnings.front());
    return r.scenario;
}

// Values other than the row's default that its range allows.
std::vector<FieldValue> otherValues(const FieldRow& row, const NodeSpec& n, const Scenario& s) {
    std::vector<FieldValue> out;
    switch (row.type) {
    case FieldType::Number: {
        const double v = row.def != 0 ? row.def * 1.5 : std::max({row.lo, row.offBelow, 0.0}) * 2;
        out.push_back(std::min(v > 0 ? v : 1.0, row.maxFor(n)));
        out.push_back(row.def != 0 ? row.def / 2 : 0.5);
        break;
    }
    case FieldType::Integer:
        out.push_back(row.def + 1 <= row.maxFor(n) ? row.def + 1 : row.def - 1);
        break;
    case FieldType::Bool:
        out.push_back(row.def != 0 ? 0.0 : 1.0);
        break;
    case FieldType::Enum:
        for (const char* c : row.choices)
            if (std::string(c) != row.defText) out.push_back(std::string(c));
        break;
    case FieldType::Reference:
        for (const auto& other : s.nodes)
            if (row.refKinds.has(other.kind) && row.access.get(n) != FieldValue(other.id))
                out.push_back(other.id);
        break;
    default:
        break;
    }
    return out;
}

TEST(FieldTable, EveryRowWrittenWithAnotherValueReadsBackEqual) {
    const Scenario base = allKinds();
    for (const FieldRow& row : fieldTable()) {
        if (!row.inFile || !row.access.get) continue; // objects: their own tests
        int roundTrips = 0;
        for (std::size_t i = 0; i < base.nodes.size(); ++i) {
            if (!row.appliesTo(base.nodes[i])) continue;
            for (const FieldValue& v : otherValues(row, base.nodes[i], base)) {
                Scenario s = base;
                row.access.set(s.nodes[i], v);
                ASSERT_EQ(row.access.get(s.nodes[i]), v) << row.name << ": set, then get";
                const std::string text = scenarioToJson(s);
                const auto back = loadScenarioText(text, "back.clustersim.json");
                if (!back.ok) continue; // another rule of the file (a stateful group's sessions)
                EXPECT_EQ(row.access.get(back.scenario.nodes[i]), v) << row.name;
                // What the file holds, not the struct: an exponential's unused median is not saved.
                EXPECT_EQ(scenarioToJson(back.scenario), text) << row.name;
                ++roundTrips;
            }
        }
        EXPECT_GT(roundTrips, 0) << row.name << " never round-tripped with another value";
    }
}

TEST(FieldTable, EveryKeyTheWriterSavesIsARowOfThatKind) {
    const Scenario s = allKinds();
    const QJsonObject root =
        QJsonDocument::fromJson(QByteArray::fromStdString(scenarioToJson(s))).object();
    std::set<std::string> saved;
    for (const QJsonValue& v : root.value(QStringLiteral("nodes")).toArray()) {
        const QJsonObject o = v.toObject();
        const auto kind =
            *enumFromName<NodeKind>(o.value(QStringLiteral("kind")).toString().toStdString());
        for (auto it = o.begin(); it != o.end(); ++it) {
            const std::string key = it.key().toStdString();
            if (key == "id" || key == "kind" || key == "pos") continue;
            EXPECT_NE(findField(kind, key), nullptr) << key << " on a " << enumName(kind);
            saved.insert(key);
        }
    }
    // The references the issue found missing from one of the three old lists.
    for (const char* ref : {"session_store", "cache", "queue", "consumers", "datastore"})
        EXPECT_TRUE(saved.count(ref)) << ref;
}

TEST(FieldTable, LiveRowsAreAcceptedOnTheirKindsAndRefusedOnOthers) {
    const Scenario base = allKinds();
    std::set<std::string> liveNames;
    for (const FieldRow& row : fieldTable())
        if (row.live) liveNames.insert(row.name);
    EXPECT_EQ(liveNames, (std::set<std::string>{
                             "rate_rps", "read_fraction", "timeout_ms", "retries", "algorithm",
                             "health_check_interval_ms", "instances", "cores", "service_ms",
                             "queue_capacity", "autoscaling.policy", "mode", "r", "w", "limit_rps",
                             "burst", "window_ms", "static_fraction"}));
    for (const std::string& name : liveNames)
        for (const NodeSpec& n : base.nodes) {
            const FieldRow* row = findField(n.kind, name);
            Scenario s = base;
            Action a;
            a.kind = ActionKind::SetField;
            a.node = n.id;
            a.field = name;
            a.value = row ? row->access.get(n) : FieldValue(1.0);
            s.timeline = {a};
            const std::string error = validateScenario(s);
            const std::string refused =
                "timeline[0].field: \"" + name + "\" cannot be set on a " + enumName(n.kind);
            const std::string notNow =
                row ? "timeline[0].field: \"" + n.id + "\" " + row->whenMissing : "";
            EXPECT_EQ(error, !row || !row->live  ? refused
                             : row->appliesTo(n) ? ""
                                                 : notNow)
                << name << " on " << n.id;
        }
}

TEST(FieldTable, LiveValuesOutsideTheRowsRangeOrChoicesAreRefused) {
    const Scenario base = allKinds();
    auto check = [&](const std::string& node, const std::string& field, FieldValue v) {
        Scenario s = base;
        Action a;
        a.kind = ActionKind::SetField;
        a.node = node;
        a.field = field;
        a.value = std::move(v);
        s.timeline = {a};
        return validateScenario(s);
    };
    EXPECT_EQ(check("c", "read_fraction", 1.5),
              "timeline[0].value: out of range for read_fraction");
    EXPECT_EQ(check("api", "cores", 0.0), "timeline[0].value: out of range for cores");
    EXPECT_EQ(check("c", "rate_rps", std::string("x")),
              "timeline[0].value: expected a number for rate_rps");
    EXPECT_EQ(check("lb", "algorithm", 1.0),
              "timeline[0].value: expected \"round_robin\", \"least_outstanding\" or \"random\"");
    EXPECT_EQ(check("db", "mode", std::string("BA")),
              "timeline[0].value: expected \"CP\" or \"AP\"");
    EXPECT_EQ(check("db2", "mode", std::string("AP")),
              "timeline[0].field: \"db2\" has no replicas: mode is for replica sets");
    EXPECT_EQ(check("work", "autoscaling.policy", std::string("step")), "")
        << "a group without autoscaling gets one, with step rules";
    EXPECT_EQ(check("api", "autoscaling.policy", std::string("scheduled")), "");
    EXPECT_EQ(check("c", "rate_rps", 0.0), "") << "0 stops a client";
    EXPECT_EQ(check("api", "cores", 128.0), "") << "past the largest size: skipped at run time";
}

// The JSON key timeout_ms is the client's own timeout but the downstream call's timeout of the
// others: a live set writes only the member of the node's kind.
TEST(FieldTable, TimeoutMsWritesOnlyTheMemberOfTheNodesKind) {
    NodeSpec lb;
    lb.kind = NodeKind::LoadBalancer;
    const NodeSpec before = lb;
    findField(NodeKind::LoadBalancer, "timeout_ms")->access.set(lb, 42.0);
    EXPECT_EQ(lb.downstream_timeout_ms, 42);
    EXPECT_EQ(lb.timeout_ms, before.timeout_ms);
    NodeSpec client;
    findField(NodeKind::Client, "timeout_ms")->access.set(client, 42.0);
    EXPECT_EQ(client.timeout_ms, 42);
    EXPECT_EQ(client.downstream_timeout_ms, before.downstream_timeout_ms);
    for (NodeKind k : {NodeKind::ServiceGroup, NodeKind::Cache, NodeKind::RateLimiter}) {
        NodeSpec n;
        n.kind = k;
        findField(k, "timeout_ms")->access.set(n, 42.0);
        EXPECT_EQ(n.downstream_timeout_ms, 42) << enumName(k);
        EXPECT_EQ(n.timeout_ms, before.timeout_ms) << enumName(k);
    }
    EXPECT_EQ(findField(NodeKind::Replica, "timeout_ms"), nullptr);
}

template <class E> void expectNamesRoundTrip() {
    std::set<std::string> seen;
    for (const auto& [value, name] : EnumNames<E>::items) {
        EXPECT_EQ(enumFromName<E>(name), value) << name;
        EXPECT_STREQ(enumName(value), name);
        EXPECT_TRUE(seen.insert(name).second) << name << " twice";
    }
    EXPECT_EQ(enumNames<E>().size(), seen.size());
    EXPECT_FALSE(enumFromName<E>("no such name"));
}

TEST(FieldTable, EnumNamesRoundTrip) {
    expectNamesRoundTrip<NodeKind>();
    expectNamesRoundTrip<LimiterAlgorithm>();
    expectNamesRoundTrip<WriteKind>();
    expectNamesRoundTrip<LbAlgorithm>();
    expectNamesRoundTrip<ServiceState>();
    expectNamesRoundTrip<StoreMode>();
    expectNamesRoundTrip<ConflictPolicy>();
    expectNamesRoundTrip<ReadFrom>();
    expectNamesRoundTrip<Level>();
    expectNamesRoundTrip<Autoscaling::Policy>();
    expectNamesRoundTrip<NodeSpec::OnWrite>();
    expectNamesRoundTrip<NodeSpec::Shards::Strategy>();
    expectNamesRoundTrip<Workload::Shape>();
    expectNamesRoundTrip<Distribution::Kind>();
    expectNamesRoundTrip<ActionKind>();
    EXPECT_STREQ(toString(LbAlgorithm::LeastOutstanding), "least_outstanding");
    EXPECT_EQ(scalingPolicyFromString("target_tracking"), Autoscaling::Policy::TargetTracking);
}

TEST(FieldTable, RowsAreWellFormed) {
    std::set<std::pair<std::string, int>> seen;
    for (const FieldRow& row : fieldTable()) {
        EXPECT_FALSE(row.kinds.empty()) << row.name;
        for (NodeKind k : row.kinds.kinds())
            EXPECT_TRUE(seen.insert({row.name, static_cast<int>(k)}).second)
                << row.name << " has two rows for a " << enumName(k);
        if (row.type == FieldType::Enum) {
            EXPECT_FALSE(row.choices.empty()) << row.name;
            EXPECT_NE(std::find_if(row.choices.begin(), row.choices.end(),
                                   [&](const char* c) { return std::string(c) == row.defText; }),
                      row.choices.end())
                << row.name << ": the default is not a choice";
        }
        if (row.type == FieldType::Reference) {
            EXPECT_FALSE(row.refKinds.empty()) << row.name;
        }
        if (row.type == FieldType::Number || row.type == FieldType::Integer) {
            EXPECT_LE(row.lo, row.hi) << row.name;
            EXPECT_TRUE(row.def == 0 || (row.def >= row.lo && row.def <= row.hi)) << row.name;
        }
        if (row.live) {
            EXPECT_TRUE(row.access.get && row.access.set && row.access.copy) << row.name;
        }
    }
}

} // namespace

namespace {

// The rows for numbers inside a node's objects (a sweep's `autoscaling.max`) state the reader's
// range: both ends read back, and a value past either end is not taken.
TEST(FieldTable, NestedRowsStateTheRangeTheReaderEnforces) {
    const Scenario base = allKinds();
    std::vector<const FieldRow*> nested;
    for (const FieldRow& row : fieldTable())
        if (!row.inFile && (row.type == FieldType::Number || row.type == FieldType::Integer))
            nested.push_back(&row);
    ASSERT_GE(nested.size(), 11u);
    auto lowOf = [](const FieldRow* r) { return r->offBelow > 0 ? 0.0 : r->lo; };
    for (const FieldRow* row : nested) {
        int checked = 0;
        for (std::size_t i = 0; i < base.nodes.size(); ++i) {
            if (!row->appliesTo(base.nodes[i])) continue;
            for (const bool high : {false, true}) {
                Scenario s = base; // every nested number at the same end, so min <= max holds
                for (const FieldRow* other : nested)
                    if (other->appliesTo(s.nodes[i]))
                        other->access.set(s.nodes[i], high ? other->hi : lowOf(other));
                const double end = high ? row->hi : lowOf(row);
                const auto back = loadScenarioText(scenarioToJson(s), "n.clustersim.json");
                ASSERT_TRUE(back.ok) << row->name << " = " << end << ": " << back.error;
                EXPECT_EQ(row->access.get(back.scenario.nodes[i]), FieldValue(end)) << row->name;
                const double past = high                ? row->hi * 2
                                    : row->offBelow > 0 ? row->offBelow / 2
                                    : row->lo > 0       ? row->lo / 2
                                                        : -1;
                row->access.set(s.nodes[i], past);
                // Refused naming the field, or (a negative "off" value the writer leaves out) not
                // taken.
                const auto bad = loadScenarioText(scenarioToJson(s), "n.clustersim.json");
                if (bad.ok) {
                    const double got = std::get<double>(row->access.get(bad.scenario.nodes[i]));
                    EXPECT_TRUE(got >= lowOf(row) && got <= row->hi)
                        << row->name << " = " << past << " was taken";
                } else {
                    EXPECT_NE(bad.error.find(row->name), std::string::npos) << bad.error;
                }
                ++checked;
            }
        }
        EXPECT_GT(checked, 0) << row->name << " applies to no node of the test scenario";
    }
}

} // namespace

// What an action did, as the event log and the chart markers say it to a student.
TEST(FieldTable, ActionsAreDescribedInWords) {
    const auto ap = describeSet(NodeKind::Datastore, "db", "mode", std::string("AP"));
    EXPECT_EQ(ap.label, "db → AP");
    EXPECT_EQ(ap.sentence.rfind("Store db switched to AP (availability first", 0), 0u);
    const auto policy = describeSet(NodeKind::ServiceGroup, "api", "autoscaling.policy",
                                    std::string("target_tracking"));
    EXPECT_EQ(policy.label, "api scaling: target tracking");
    const auto timeout = describeSet(NodeKind::Client, "users", "timeout_ms", 500.0);
    EXPECT_EQ(timeout.sentence, "users: timeout set to 500 ms");
    Action link;
    link.kind = ActionKind::SetLink;
    link.a = "api";
    link.b = "db";
    link.median_ms = 4;
    link.p99_ms = 12;
    EXPECT_EQ(describeSetLink(link).sentence,
              "link api–db changed: messages take 4 ms one way (1 in 100 over 12 ms)");
}
