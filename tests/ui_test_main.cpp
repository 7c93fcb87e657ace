// UI test entry point: gtest lists tests before any QApplication exists (notes/toolchain.md);
// the tests run offscreen with settings and app data in test locations.
#include <QApplication>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <gtest/gtest.h>

namespace {
struct DeferredDeletes : ::testing::EmptyTestEventListener {
    void OnTestEnd(const ::testing::TestInfo&) override {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
};
} // namespace

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    if (::testing::GTEST_FLAG(list_tests)) return RUN_ALL_TESTS();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    // One organisation per process: ctest runs tests in parallel processes, and a shared settings
    // file (lesson progress, the saved layout) or autosave folder let one test see another's.
    QApplication::setOrganizationName(
        QStringLiteral("ClusterSimTests-%1").arg(QCoreApplication::applicationPid()));
    QApplication::setApplicationName(QStringLiteral("ClusterSimTests"));
    // Windows a test closed (WA_DeleteOnClose) or panels it replaced are deleted with deleteLater,
    // which only an event loop carries out: after each test, and before the application goes,
    // so that one test's leftovers never outlive it and the leak checker sees none.
    ::testing::UnitTest::GetInstance()->listeners().Append(new DeferredDeletes);
    const int failed = RUN_ALL_TESTS();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    const QString settingsFile = QSettings().fileName();
    QFile::remove(settingsFile);
    QDir().rmdir(QFileInfo(settingsFile).absolutePath()); // only when empty
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    return failed;
}
