// Jepsen and EDN-like histories: parsers never crash on damaged input, and the simulator's own
// exported histories check out through the independent key-value model.
#include "History.h"
#include "Random.h"
#include "TestUtil.h"

#include <QTemporaryDir>

#include <fstream>
#include <sstream>

using namespace cs::core;

TEST(History, ParsersSurviveThousandsOfMutations) {
    const std::vector<std::string> sources = {
        cs::test::readFile(std::string(CLUSTERSIM_TEST_DATA) + "/jepsen/etcd/etcd_007.log"),
        cs::test::readFile(std::string(CLUSTERSIM_TEST_DATA) + "/jepsen/kv/c10-ok.txt")};
    Rng rng(77);
    int parsed = 0, refused = 0;
    for (int i = 0; i < 3000; ++i) {
        std::string text = sources[rng.below(2)];
        switch (rng.below(6)) {
        case 0:
            text.resize(rng.below(text.size()));
            break; // truncated anywhere
        case 1:
            for (int k = 0; k < 5; ++k)
                text[rng.below(text.size())] = static_cast<char>(rng.below(256)); // bytes flipped
            break;
        case 2:
            text.erase(rng.below(text.size()), 1 + rng.below(40));
            break;
        case 3:
            text.insert(rng.below(text.size()), std::string(1 + rng.below(100), '['));
            break;
        case 4:
            text.insert(rng.below(text.size()), "99999999999999999999999999999");
            break; // huge values
        default:
            text += text.substr(0, rng.below(text.size()));
            break; // repeated lines
        }
        History h;
        std::string error;
        if (parseHistory(text, "fuzz.log", h, error)) {
            // Whatever parsed must also be checkable without crashing (a few, with a short budget).
            if (++parsed % 20 == 0) (void)checkHistory(h, defaultModel(h), CheckBudget{20'000, 0});
        } else {
            ++refused;
            ASSERT_EQ(error.rfind("fuzz.log:", 0), 0u) << error;
            ASSERT_NE(error.find(": expected"), std::string::npos) << error;
        }
    }
    EXPECT_GT(refused, 500);
    EXPECT_GT(parsed, 50);
}

TEST(History, ExportedSimulatorHistoriesCheckOut) {
    QTemporaryDir dir;
    for (const char* mode : {"cp", "ap"}) {
        const auto loaded =
            loadScenarioFile(std::string(CLUSTERSIM_SOURCE_DIR) + "/resources/scenarios/cap-" +
                             mode + "-partition.clustersim.json");
        ASSERT_TRUE(loaded.ok) << loaded.error;
        RunOptions o;
        o.duration_s = 30;
        o.historyOut = dir.filePath(QStringLiteral("h.edn")).toStdString();
        const auto run = runScenario(loaded.scenario, o);
        ASSERT_TRUE(run.ok) << run.error;
        History h;
        std::string error;
        ASSERT_TRUE(parseHistory(cs::test::readFile(o.historyOut), "h.edn", h, error)) << error;
        EXPECT_GT(h.ops.size(), 5000u);
        const auto v = checkHistory(h, HistoryModel::Kv);
        if (std::string(mode) == "cp") {
            EXPECT_EQ(v.verdict, CheckResult::Verdict::Linearizable) << "line " << v.firstBadLine;
            EXPECT_EQ(run.summary.lin_violations, 0u);
        } else {
            EXPECT_EQ(v.verdict, CheckResult::Verdict::NotLinearizable);
            EXPECT_GT(run.summary.lin_violations, 0u) << "the live checker agrees";
        }
    }
}
