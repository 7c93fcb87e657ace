// Crash safety (issue 13 item 4): a process killed (SIGKILL on Unix, TerminateProcess on
// Windows) at any moment while saving leaves on disk either the old file or the new one, whole.
#include "ScenarioIO.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <random>

TEST(CrashSafety, AKillDuringSavesLeavesTheOldOrTheNewFile) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("s.clustersim.json"));
    std::mt19937 rng(13); // the moments vary, the verdict must not: any moment is a fair test
    int sawA = 0, sawB = 0;
    for (int round = 0; round < 40; ++round) {
        QProcess child;
        child.start(QStringLiteral(CLUSTERSIM_SAVE_LOOP), {path});
        ASSERT_TRUE(child.waitForStarted(60'000));
        ASSERT_TRUE(child.waitForReadyRead(60'000)) << "the first save never finished";
        QThread::msleep(std::uniform_int_distribution<int>(0, 30)(rng));
        child.kill();
        ASSERT_TRUE(child.waitForFinished(60'000));
        const auto r = cs::core::loadScenarioFile(path.toStdString());
        ASSERT_TRUE(r.ok) << "round " << round << ": " << r.error;
        ASSERT_TRUE(r.scenario.name == "A" || r.scenario.name == "B") << r.scenario.name;
        ASSERT_EQ(r.scenario.nodes.size(), 400u);
        (r.scenario.name == "A" ? sawA : sawB)++;
        // Leftover temporary files of a killed save are not the document; they may stay.
        EXPECT_TRUE(QDir(dir.path()).exists(QStringLiteral("s.clustersim.json")));
    }
    EXPECT_EQ(sawA + sawB, 40);
}
