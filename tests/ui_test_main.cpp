// UI test entry point: gtest lists tests before any QApplication exists (notes/toolchain.md);
// the tests run offscreen with settings and app data in test locations.
#include <QApplication>
#include <QStandardPaths>
#include <gtest/gtest.h>

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    if (::testing::GTEST_FLAG(list_tests)) return RUN_ALL_TESTS();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ClusterSimTests"));
    QApplication::setApplicationName(QStringLiteral("ClusterSimTests"));
    return RUN_ALL_TESTS();
}
