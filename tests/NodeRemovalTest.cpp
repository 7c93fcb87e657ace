// Deleting nodes leaves a scenario that saves and opens again, and undoing it restores every byte.
#include "NodeRemoval.h"
#include "ScenarioIO.h"
#include "TestUtil.h"

#include <QDir>
#include <QTemporaryDir>

#include <algorithm>
#include <iostream>

using namespace cs::core;

namespace {

Scenario loadBuiltin(const std::string& rel) {
    const LoadResult r = loadScenarioFile(std::string(CLUSTERSIM_SOURCE_DIR) + "/resources/" + rel);
    EXPECT_TRUE(r.ok) << r.error;
    return r.scenario;
}

bool hasNode(const Scenario& s, const std::string& id) {
    return s.find(id) != nullptr;
}

} // namespace

// Every built-in scenario, lesson and preset, every node deleted in turn: the rest is written to
// a file that opens again, and reverting gives back the very same file.
TEST(NodeRemoval, EveryBuiltinNodeDeletedLeavesAFileThatOpens) {
    QTemporaryDir tmp;
    ASSERT_TRUE(tmp.isValid());
    const std::string out = tmp.filePath(QStringLiteral("after.clustersim.json")).toStdString();
    int files = 0, deletions = 0, tookMore = 0, tookNodes = 0, bypassed = 0;
    for (const char* folder : {"/resources/scenarios", "/resources/presets"}) {
        const QDir dir(QString::fromStdString(std::string(CLUSTERSIM_SOURCE_DIR) + folder));
        for (const QString& name : dir.entryList({QStringLiteral("*.clustersim.json")})) {
            const std::string path = dir.filePath(name).toStdString();
            const LoadResult loaded = loadScenarioFile(path);
            ASSERT_TRUE(loaded.ok) << loaded.error;
            const std::string original = scenarioToJson(loaded.scenario);
            ++files;
            for (const NodeSpec& n : loaded.scenario.nodes) {
                SCOPED_TRACE(name.toStdString() + ": deleting " + n.id);
                const NodeRemoval plan = planNodeRemoval(loaded.scenario, {n.id}, path);
                ASSERT_EQ(plan.error, "");
                Scenario s = loaded.scenario;
                applyNodeRemoval(s, plan);
                EXPECT_FALSE(hasNode(s, n.id));
                tookMore += plan.takesMore() ? 1 : 0;
                tookNodes += plan.nodes.size() > plan.asked.size() ? 1 : 0;
                bypassed += plan.addedLinks.empty() ? 0 : 1;
                ASSERT_EQ(saveScenarioFile(s, out), "");
                const LoadResult back = loadScenarioFile(out);
                ASSERT_TRUE(back.ok) << back.error;
                EXPECT_EQ(back.scenario, s); // what was saved is what opens
                revertNodeRemoval(s, plan);
                EXPECT_EQ(scenarioToJson(s), original);
                ++deletions;
            }
        }
    }
    EXPECT_GE(files, 30);
    EXPECT_GE(deletions, 200);
    // Many deletions need more than dropping links and clearing references (what deleting did
    // before, and what left files that did not open): the check above covers them.
    EXPECT_GE(tookMore, 50);
    std::cout << files << " files, " << deletions << " deletions, " << tookMore
              << " of them taking more than links and references (" << tookNodes << " other nodes, "
              << bypassed << " linking around)\n";
}

// A replica cut off by itself: its links, the timeline's cuts and heals of its links, and the
// expectation about it go; the group whose only path to the store ran through it no longer uses
// the store; the rest, the lesson's flip to AP included, stays.
TEST(NodeRemoval, AReplicaTakesWhatNamesItAndNothingElse) {
    const Scenario s = loadBuiltin("scenarios/cap-cp-partition.clustersim.json");
    const NodeRemoval plan = planNodeRemoval(s, {"db3"});
    ASSERT_EQ(plan.error, "");
    Scenario after = s;
    applyNodeRemoval(after, plan);
    EXPECT_EQ(after.nodes.size(), s.nodes.size() - 1);
    EXPECT_EQ(after.find("db")->replicas, (std::vector<std::string>{"db1", "db2"}));
    EXPECT_EQ(after.find("api_east")->datastore, "");   // its only link to the store was to db3
    EXPECT_EQ(after.find("api_west")->datastore, "db"); // still linked to db1
    EXPECT_TRUE(after.timeline.empty());                // all four cut or heal a link of db3
    EXPECT_EQ(plan.timeline.size(), 4u);
    ASSERT_EQ(plan.expect.size(), 1u);
    EXPECT_EQ(plan.expect[0].second.metric, "node:db3:is_leader");
    EXPECT_EQ(after.expect.size(), s.expect.size() - 1);
    EXPECT_TRUE(plan.lessonActions.empty()); // "set db mode AP" still holds
    EXPECT_TRUE(plan.takesMore());
    EXPECT_EQ(reloadError(after, "x.clustersim.json"), "");
}

// A datastore's replicas are its parts; the lesson's action on the store goes with it.
TEST(NodeRemoval, ADatastoreTakesItsReplicasAndTheLessonActionOnIt) {
    const Scenario s = loadBuiltin("scenarios/cap-cp-partition.clustersim.json");
    const NodeRemoval plan = planNodeRemoval(s, {"db"});
    ASSERT_EQ(plan.error, "");
    Scenario after = s;
    applyNodeRemoval(after, plan);
    for (const char* id : {"db", "db1", "db2", "db3"}) EXPECT_FALSE(hasNode(after, id)) << id;
    EXPECT_TRUE(hasNode(after, "west"));
    EXPECT_EQ(after.find("api_west")->datastore, "");
    ASSERT_EQ(plan.lessonActions.size(), 1u);
    EXPECT_EQ(plan.lessonActions[0].step, 4u);
    EXPECT_EQ(plan.lessonActions[0].action.node, "db");
    EXPECT_TRUE(after.lesson.steps[4].actions.empty());
    EXPECT_EQ(after.lesson.steps.size(), s.lesson.steps.size()); // the steps' texts stay
    revertNodeRemoval(after, plan);
    EXPECT_EQ(after, s);
}

// A client cannot be without a target: deleting the only group it sends to takes the client too
// (the app asks first), rather than leaving a file that no longer opens.
TEST(NodeRemoval, ANodeThatCannotBeWithoutTheDeletedOneGoesToo) {
    const Scenario s = loadBuiltin("scenarios/cap-cp-partition.clustersim.json");
    const NodeRemoval plan = planNodeRemoval(s, {"api_west"});
    ASSERT_EQ(plan.error, "");
    Scenario after = s;
    applyNodeRemoval(after, plan);
    EXPECT_FALSE(hasNode(after, "west"));
    EXPECT_TRUE(hasNode(after, "east"));
    EXPECT_EQ(plan.asked, (std::vector<std::string>{"api_west"}));
    EXPECT_TRUE(plan.takesMore());
    EXPECT_EQ(reloadError(after, "x.clustersim.json"), "");
}

// Deleting the load balancer in front of a group: the client sends to the group itself, over a
// new link with the latency it had to the balancer, rather than going too.
TEST(NodeRemoval, AClientBehindADeletedBalancerTargetsItsGroup) {
    const LoadResult loaded =
        loadScenarioFile(std::string(CLUSTERSIM_TEST_DATA) + "/base.clustersim.json");
    ASSERT_TRUE(loaded.ok) << loaded.error;
    const Scenario& s = loaded.scenario;
    ASSERT_EQ(s.find("users")->target, "lb");
    ASSERT_EQ(s.find("lb")->group, "api");
    const NodeRemoval plan = planNodeRemoval(s, {"lb"});
    ASSERT_EQ(plan.error, "");
    Scenario after = s;
    applyNodeRemoval(after, plan);
    EXPECT_EQ(after.find("users")->target, "api");
    ASSERT_EQ(plan.addedLinks.size(), 1u);
    const LinkSpec& around = plan.addedLinks[0];
    EXPECT_EQ(around.a, "users");
    EXPECT_EQ(around.b, "api");
    EXPECT_EQ(around.median_ms, 10); // as users-lb was
    EXPECT_EQ(around.p99_ms, 30);
    EXPECT_TRUE(plan.takesMore()); // the app says so before it happens
    EXPECT_EQ(reloadError(after, "x.clustersim.json"), "");
    revertNodeRemoval(after, plan);
    EXPECT_EQ(after, s);
}

// Deleting a link takes the timeline's and the lessons' cuts, heals and changes of it (nothing
// else can edit them), and only those; over every built-in link, what is left either opens or
// fails only on a node's reference, which the user mends by linking again or in the inspector.
TEST(NodeRemoval, ALinkTakesTheActionsOnItAndOnlyThose) {
    const Scenario s = loadBuiltin("scenarios/cap-cp-partition.clustersim.json");
    std::size_t index = s.links.size();
    for (std::size_t i = 0; i < s.links.size(); ++i)
        if (s.links[i].a == "db1" && s.links[i].b == "db3") index = i;
    ASSERT_LT(index, s.links.size());
    const NodeRemoval plan = planLinkRemoval(s, index);
    ASSERT_EQ(plan.timeline.size(), 2u); // the cut at 20 s and the heal at 40 s
    for (const auto& [i, a] : plan.timeline) EXPECT_EQ(a.b, "db3");
    EXPECT_TRUE(plan.takesMore());
    Scenario after = s;
    applyNodeRemoval(after, plan);
    EXPECT_EQ(after.links.size(), s.links.size() - 1);
    EXPECT_EQ(after.timeline.size(), 2u); // db2-db3's cut and heal stay
    EXPECT_EQ(reloadError(after, "x.clustersim.json"), "");
    revertNodeRemoval(after, plan);
    EXPECT_EQ(after, s);

    int links = 0;
    for (const char* folder : {"/resources/scenarios", "/resources/presets"}) {
        const QDir dir(QString::fromStdString(std::string(CLUSTERSIM_SOURCE_DIR) + folder));
        for (const QString& name : dir.entryList({QStringLiteral("*.clustersim.json")})) {
            const LoadResult loaded = loadScenarioFile(dir.filePath(name).toStdString());
            ASSERT_TRUE(loaded.ok) << loaded.error;
            for (std::size_t i = 0; i < loaded.scenario.links.size(); ++i, ++links) {
                const NodeRemoval p = planLinkRemoval(loaded.scenario, i);
                Scenario t = loaded.scenario;
                applyNodeRemoval(t, p);
                const std::string e = reloadError(t, "x.clustersim.json");
                EXPECT_TRUE(e.empty() || e.rfind("x.clustersim.json: nodes[", 0) == 0)
                    << name.toStdString() << " link " << i << ": " << e;
                revertNodeRemoval(t, p);
                EXPECT_EQ(t, loaded.scenario);
            }
        }
    }
    EXPECT_GE(links, 150);
}

// A store that waits for all three replicas waits for the two that are left.
TEST(NodeRemoval, AQuorumLargerThanTheReplicasLeftShrinks) {
    Scenario s = cs::test::parse(R"({"format": "clustersim-scenario", "version": 1,
      "nodes": [
        {"id": "c", "kind": "client", "target": "g"},
        {"id": "g", "kind": "service_group", "datastore": "db"},
        {"id": "db", "kind": "datastore", "replicas": ["r1", "r2", "r3"], "mode": "AP", "r": 3, "w": 3},
        {"id": "r1", "kind": "replica"}, {"id": "r2", "kind": "replica"}, {"id": "r3", "kind": "replica"}],
      "links": [{"a": "c", "b": "g"}, {"a": "g", "b": "r1"}, {"a": "r1", "b": "r2"}, {"a": "r2", "b": "r3"}]})");
    const NodeRemoval plan = planNodeRemoval(s, {"r3"});
    ASSERT_EQ(plan.error, "");
    Scenario after = s;
    applyNodeRemoval(after, plan);
    EXPECT_EQ(after.find("db")->r, 2);
    EXPECT_EQ(after.find("db")->w, 2);
    EXPECT_EQ(reloadError(after, "x.clustersim.json"), "");
    revertNodeRemoval(after, plan);
    EXPECT_EQ(after, s);
}

// The save guard's check: the loader's own message, naming the file and the field.
TEST(NodeRemoval, ReloadErrorNamesTheFileAndTheField) {
    Scenario s = cs::test::parse(cs::test::mmcScenario(10, 1, 5, 10, 10));
    EXPECT_EQ(reloadError(s, "a.clustersim.json"), "");
    s.nodes[0].target = "gone";
    const std::string e = reloadError(s, "a.clustersim.json");
    EXPECT_EQ(e.rfind("a.clustersim.json: nodes[0].target:", 0), 0u) << e;
}
