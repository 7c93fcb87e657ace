// The autoscaler: target tracking follows a spike within warm-up plus a window and comes back
// after the cooldown; manual holds; no cooldown thrashes; bounds hold.
#include "Engine.h"
#include "ScenarioIO.h"
#include "TestUtil.h"

#include <algorithm>
#include <regex>

using namespace cs::core;

namespace {

Scenario spiky(const std::string& autoscaling, const std::string& workload) {
    return cs::test::parse(
        R"({"format": "clustersim-scenario", "version": 1, "seed": 4, "duration_s": 240,
      "metrics_interval_ms": 1000, "nodes": [
        {"id": "c", "kind": "client", "target": "lb", "rate_rps": 100, "timeout_ms": 2000, "workload": )" +
        workload + R"(},
        {"id": "lb", "kind": "load_balancer", "group": "api", "health_check_interval_ms": 500},
        {"id": "api", "kind": "service_group", "instances": 2, "cores": 2, "service_ms": {"dist": "exp", "mean": 10},
         "queue_capacity": 500, "autoscaling": )" +
        autoscaling + R"(}],
      "links": [{"a": "c", "b": "lb", "latency_ms": 1}, {"a": "lb", "b": "api", "latency_ms": 0.5}]})");
}

const char* kSpike =
    R"({"shape": "spike", "start_s": 30, "ramp_s": 1, "hold_s": 60, "peak_rps": 1000})";

// The first time t at which the group has at least `n` instances (-1 if never).
double firstAtLeast(const cs::test::Table& t, double n) {
    for (std::size_t i = 0; i < t.rows; ++i)
        if (t["instances"][i] >= n) return t["t_s"][i];
    return -1;
}

} // namespace

TEST(Autoscaling, TargetTrackingFollowsASpikeAndComesBack) {
    const auto r =
        cs::test::run(spiky(R"({"policy": "target_tracking", "target_utilization": 0.6, "min": 2,
        "max": 10, "cooldown_s": 20, "warmup_s": 5, "evaluation_s": 5})",
                            kSpike));
    const auto t = cs::test::parseCsv(r.metricsCsvText);
    // 1000 requests/s x 10 ms on 2-core instances at 60%: about 9 instances.
    const double scaledAt = firstAtLeast(t, 4);
    EXPECT_GT(scaledAt, 30);
    EXPECT_LE(scaledAt, 30 + 5 + 2 * 5 + 1) << "within warm-up plus a sampling window or two";
    EXPECT_GE(r.summary.instances_max, 8);
    EXPECT_LE(r.summary.instances_max, 10) << "never above max";
    EXPECT_EQ(t["instances"][t.rows - 1], 2) << "back to min after the spike and the cooldown";
    EXPECT_GE(r.summary.instances_min, 2) << "never below min";
    EXPECT_GE(r.summary.scaling_actions, 2u);
}

TEST(Autoscaling, ManualKeepsTheCount) {
    const auto r = cs::test::run(spiky(R"({"policy": "manual", "min": 1, "max": 10})", kSpike));
    EXPECT_EQ(r.summary.instances_min, 2);
    EXPECT_EQ(r.summary.instances_max, 2);
    EXPECT_EQ(r.summary.scaling_actions, 0u);
    EXPECT_GT(r.summary.failedTotal(), 1000u) << "two instances cannot carry the spike";
}

TEST(Autoscaling, NoCooldownThrashes) {
    // A noisy load around the threshold: bursts every few seconds.
    const char* noisy = R"({"shape": "bursts", "on_s": 4, "off_s": 6, "burst_rps": 700})";
    auto actions = [&](double cooldown) {
        return cs::test::
            run(spiky(
                    R"({"policy": "target_tracking", "target_utilization": 0.6, "min": 2, "max": 10,
            "cooldown_s": )" +
                        std::to_string(cooldown) + R"(, "warmup_s": 1, "evaluation_s": 2})",
                    noisy))
                .summary.scaling_actions;
    };
    const auto thrash = actions(0), calm = actions(60);
    EXPECT_GT(thrash, 3 * calm) << "thrashing: " << thrash << " actions against " << calm;
}

TEST(Autoscaling, ScheduledAndStepPolicies) {
    const auto scheduled =
        cs::test::run(spiky(R"({"policy": "scheduled", "min": 1, "max": 10, "cooldown_s": 0,
        "schedule": [{"at_s": 20, "desired": 6}, {"at_s": 120, "desired": 3}]})",
                            R"({"shape": "constant"})"));
    const auto ts = cs::test::parseCsv(scheduled.metricsCsvText);
    EXPECT_EQ(ts["instances"][50], 6);
    EXPECT_EQ(ts["instances"][200], 3);
    const auto step = cs::test::run(
        spiky(R"({"policy": "step", "min": 2, "max": 6, "cooldown_s": 10, "warmup_s": 2,
        "steps": [{"above": 0.7, "add": 2}, {"below": 0.2, "add": -1}]})",
              kSpike));
    EXPECT_EQ(step.summary.instances_max, 6) << "steps up to max under the spike";
    const auto st = cs::test::parseCsv(step.metricsCsvText);
    EXPECT_EQ(st["instances"][st.rows - 1], 2) << "and steps back down to min";
}

TEST(Autoscaling, TargetTrackingOnQueueDepth) {
    const auto r = cs::test::run(
        spiky(R"({"policy": "target_tracking", "target_queue_depth": 2, "min": 2, "max": 10,
        "cooldown_s": 20, "warmup_s": 5, "evaluation_s": 5})",
              kSpike));
    const auto t = cs::test::parseCsv(r.metricsCsvText);
    const double scaledAt = firstAtLeast(t, 4);
    EXPECT_GT(scaledAt, 30);
    EXPECT_LE(scaledAt, 30 + 5 + 2 * 5 + 1) << "queues build at once under the spike";
    EXPECT_GE(r.summary.instances_max, 6);
    EXPECT_EQ(t["instances"][t.rows - 1], 2) << "queues empty after the spike: back to min";
}

TEST(GcPauses, MoveP99MuchMoreThanP50) {
    auto latencies = [](const std::string& gc) {
        const auto s = cs::test::parse(
            R"({"format": "clustersim-scenario", "version": 1, "seed": 8, "duration_s": 120,
          "nodes": [{"id": "c", "kind": "client", "target": "api", "rate_rps": 400, "timeout_ms": 5000},
            {"id": "api", "kind": "service_group", "instances": 4, "cores": 2, "service_ms": {"dist": "exp", "mean": 5},
             "queue_capacity": 1000)" +
            gc + R"(}],
          "links": [{"a": "c", "b": "api", "latency_ms": 1}]})");
        return cs::test::run(s).summary;
    };
    const auto calm = latencies("");
    const auto paused = latencies(R"(, "gc": {"interval_ms": 1000, "pause_ms": 60})");
    const double dp50 = paused.latency_p50 - calm.latency_p50,
                 dp99 = paused.latency_p99 - calm.latency_p99;
    EXPECT_GT(dp99, 20.0) << "a 60 ms pause every second reaches the tail";
    EXPECT_GT(dp99, 5 * std::max(dp50, 0.5))
        << "p50 moves " << dp50 << " ms, p99 " << dp99 << " ms";
}

TEST(State, KillingAStatefulInstanceLosesItsSessionsAStatelessOneDoesNot) {
    auto failures = [](const char* state) {
        Scenario s = cs::test::parse(
            std::string(
                R"({"format": "clustersim-scenario", "version": 1, "seed": 2, "duration_s": 40,
          "nodes": [{"id": "c", "kind": "client", "target": "lb", "rate_rps": 300, "sessions": 300, "timeout_ms": 1000},
            {"id": "lb", "kind": "load_balancer", "group": "api", "health_check_interval_ms": 500},
            {"id": "api", "kind": "service_group", "instances": 3, "cores": 2, "state": ")") +
            state +
            R"(", "service_ms": {"dist": "exp", "mean": 2}}],
          "links": [{"a": "c", "b": "lb", "latency_ms": 1}, {"a": "lb", "b": "api", "latency_ms": 0.5}],
          "timeline": [{"at_s": 10, "action": "kill_node", "node": "api-2"},
                       {"at_s": 20, "action": "restart_node", "node": "api-2"}]})");
        return cs::test::run(s).summary;
    };
    const auto stateful = failures("stateful"), stateless = failures("stateless");
    const auto lost = [](const Summary& s) {
        return s.failed[static_cast<int>(ErrorReason::SessionLost)];
    };
    EXPECT_GT(lost(stateful), 50u) << "about a third of the sessions lived on api-2";
    EXPECT_LT(lost(stateful), 300u) << "each lost session fails once, then starts over";
    EXPECT_EQ(lost(stateless), 0u);
    EXPECT_LT(stateless.failedTotal(), stateful.failedTotal())
        << "stateless loses only work in flight";
}

// The policy switches live (the toolbar's Scaling switch, a timeline or lesson step): manual
// during the spike's first seconds, target tracking from 40 s, and back to manual at 120 s.
TEST(Autoscaling, ThePolicySwitchesLiveMidSpike) {
    Scenario s = spiky(R"({"policy": "manual", "target_utilization": 0.6, "min": 2, "max": 10,
        "cooldown_s": 20, "warmup_s": 5, "evaluation_s": 5})",
                       kSpike);
    auto policy = [](SimTime at, const char* p) {
        return cs::test::setAction(at, "api", "autoscaling.policy", p);
    };
    s.timeline = {policy(40'000'000, "target_tracking"), policy(120'000'000, "manual")};
    ASSERT_EQ(validateScenario(s), "");
    const auto r = cs::test::run(s);
    const auto t = cs::test::parseCsv(r.metricsCsvText);
    const double scaledAt = firstAtLeast(t, 4);
    EXPECT_GT(scaledAt, 40) << "manual until the switch, although the spike began at 30 s";
    EXPECT_LE(scaledAt, 40 + 5 + 2 * 5 + 1) << "target tracking acts within its windows";
    EXPECT_GE(r.summary.instances_max, 8);
    // Back to manual at 120 s: the count the spike left stays (no scale-in after it).
    const double at120 = t["instances"][119], last = t["instances"][t.rows - 1];
    EXPECT_EQ(last, at120) << "manual holds whatever count it was switched at";
    Scenario bad = s;
    bad.timeline = {policy(40'000'000, "fastest")};
    EXPECT_NE(validateScenario(bad).find("timeline[0].value"), std::string::npos)
        << validateScenario(bad);
}

// A group with no autoscaling at all switched to target tracking mid-spike (the toolbar or the
// inspector during a run): the engine gives it an autoscaler around its size (2 to 8 instances)
// at that moment, so the count holds at 2 through the spike's first 20 s and grows after.
TEST(Autoscaling, AGroupWithoutAutoscalingSwitchedLiveGrowsAfterTheSwitch) {
    Scenario s = spiky(R"({"policy": "manual"})", kSpike);
    for (auto& n : s.nodes) n.autoscaling.reset();
    s.timeline = {cs::test::setAction(50'000'000, "api", "autoscaling.policy", "target_tracking")};
    ASSERT_EQ(validateScenario(s), "") << "a live set may give a group its first autoscaler";
    const auto r = cs::test::run(s);
    const auto t = cs::test::parseCsv(r.metricsCsvText);
    for (std::size_t i = 0; i < t.rows && t["t_s"][i] <= 50; ++i)
        EXPECT_EQ(t["instances"][i], 2) << "at " << t["t_s"][i] << " s, before the switch";
    const double grewAt = firstAtLeast(t, 3);
    EXPECT_GT(grewAt, 50) << "not before the switch, although the spike began at 30 s";
    EXPECT_LE(grewAt, 50 + 5 + 1) << "its first look, one evaluation window after the switch";
    EXPECT_GE(r.summary.instances_max, 5) << "the spike needs about 9";
    EXPECT_LE(r.summary.instances_max, 8) << "max = 4 x the 2 instances it had";
    EXPECT_EQ(t["instances"][t.rows - 1], 2) << "back to min = 2 after the spike";
    // Without the switch the same run never grows.
    Scenario stays = s;
    stays.timeline.clear();
    EXPECT_EQ(cs::test::run(stays).summary.instances_max, 2);
}

// The event log is read by a class: its numbers are rounded as a person writes them ("utilisation
// 0.853 ... against a target of 0.6"), never a double's 7 digits ("0.8532857", "0.600").
TEST(Autoscaling, TheLogSaysWhyInNumbersAPersonReads) {
    Engine e(spiky(R"({"policy": "target_tracking", "target_utilization": 0.6, "min": 2,
        "max": 10, "cooldown_s": 20, "warmup_s": 5, "evaluation_s": 5})",
                   kSpike));
    std::vector<std::string> scaled;
    e.setLogSink([&](const LogEntry& l) {
        if (l.text.find("scales out") != std::string::npos) scaled.push_back(l.text);
    });
    e.runUntil(60'000'000);
    ASSERT_FALSE(scaled.empty());
    const std::regex number(R"(\d+\.\d+)");
    for (const std::string& text : scaled) {
        EXPECT_NE(text.find("against a target of 0.6;"), std::string::npos) << text;
        for (auto it = std::sregex_iterator(text.begin(), text.end(), number);
             it != std::sregex_iterator(); ++it) {
            std::string digits = it->str();
            digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
            digits.erase(0, digits.find_first_not_of('0')); // leading zeros are not significant
            EXPECT_LE(digits.size(), 3u) << it->str() << " in: " << text;
            EXPECT_NE(it->str().back(), '0') << "no trailing zero: " << text;
        }
    }
}

// Sentence numbers: three significant digits, trailing zeros dropped, whole numbers whole.
TEST(Autoscaling, SentenceNumbersAreRoundedLikeAPersonWritesThem) {
    EXPECT_EQ(sentenceNumber(0.6012857), "0.601");
    EXPECT_EQ(sentenceNumber(0.6), "0.6");
    EXPECT_EQ(sentenceNumber(12.5), "12.5");
    EXPECT_EQ(sentenceNumber(12.5038), "12.5");
    EXPECT_EQ(sentenceNumber(20000), "20000");
    EXPECT_EQ(sentenceNumber(1234.56), "1235");
    EXPECT_EQ(sentenceNumber(0.9999), "1");
    EXPECT_EQ(sentenceNumber(10), "10");
}
