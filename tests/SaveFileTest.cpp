// The one atomic save path: a save that fails, wherever it fails, leaves the old file as it was,
// leaves no temporary file behind and says which file it could not write.
#include "SaveFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <string>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/resource.h>
#endif

using cs::core::SaveFile;
using cs::core::saveFileAtomically;

namespace {

QByteArray contents(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

struct SaveFileTest : ::testing::Test {
    QTemporaryDir dir;
    QString target;
    void SetUp() override {
        ASSERT_TRUE(dir.isValid());
        target = dir.filePath(QStringLiteral("scenario.json"));
        ASSERT_EQ(saveFileAtomically(target.toStdString(), "old contents\n"), "");
    }
    // Only the target: no temporary file left behind by a failed or abandoned save.
    QStringList files() const { return QDir(dir.path()).entryList(QDir::Files | QDir::Hidden); }
};

} // namespace

TEST_F(SaveFileTest, ReplacesTheFileInOneStep) {
    SaveFile f(target.toStdString());
    ASSERT_EQ(f.open(), "");
    f.write("new ");
    EXPECT_EQ(contents(target), "old contents\n") << "nothing changes before commit";
    f.write("contents\n");
    ASSERT_EQ(f.commit(), "");
    EXPECT_EQ(contents(target), "new contents\n");
    EXPECT_EQ(files(), QStringList{QStringLiteral("scenario.json")});
}

TEST_F(SaveFileTest, AnAbandonedSaveLeavesTheOldFile) {
    {
        SaveFile f(target.toStdString());
        ASSERT_EQ(f.open(), "");
        f.write("half a file");
    } // never committed: a crash of the writer, an exception, an early return
    EXPECT_EQ(contents(target), "old contents\n");
    EXPECT_EQ(files(), QStringList{QStringLiteral("scenario.json")});
}

TEST_F(SaveFileTest, APathWhoseParentIsAFileFailsNamingIt) {
    const std::string path = target.toStdString() + "/inside.json";
    const std::string err = saveFileAtomically(path, "x");
    EXPECT_NE(err.find(path), std::string::npos) << err;
    EXPECT_EQ(contents(target), "old contents\n");
    EXPECT_EQ(files(), QStringList{QStringLiteral("scenario.json")});
}

TEST_F(SaveFileTest, ADirectoryIsNotReplaced) {
    ASSERT_TRUE(QDir(dir.path()).mkdir(QStringLiteral("sub")));
    const std::string path = dir.filePath(QStringLiteral("sub")).toStdString();
    const std::string err = saveFileAtomically(path, "x");
    EXPECT_EQ(err, path + ": cannot write (a directory)");
    EXPECT_TRUE(QFileInfo(QString::fromStdString(path)).isDir());
}

#ifdef Q_OS_UNIX
// The disk fills up halfway through the save (a file size limit stands in for a full disk, and
// binds root too): the old file is still there, whole.
TEST_F(SaveFileTest, ADiskThatFillsUpMidwayLeavesTheOldFileWhole) {
    const std::string big(1 << 20, 'x');
    rlimit before{};
    ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &before), 0);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN); // a failed write, not a dead process
    rlimit small = before;
    small.rlim_cur = 64 * 1024;
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
    const std::string err = saveFileAtomically(target.toStdString(), big);
    setrlimit(RLIMIT_FSIZE, &before);
    std::signal(SIGXFSZ, oldHandler);
    EXPECT_NE(err.find(target.toStdString()), std::string::npos) << err;
    EXPECT_EQ(contents(target), "old contents\n");
    EXPECT_EQ(files(), QStringList{QStringLiteral("scenario.json")});
}

// A device (or FIFO) is never replaced by a regular file, even where the folder lets one create
// files (root in /dev): the save is refused naming it and the device stays a device.
TEST_F(SaveFileTest, ADeviceIsNotReplaced) {
    const std::string device = "/dev/full";
    if (!QFileInfo::exists(QString::fromStdString(device))) GTEST_SKIP() << "no /dev/full";
    ASSERT_FALSE(QFileInfo(QString::fromStdString(device)).isFile());
    const std::string err = saveFileAtomically(device, "contents\n");
    EXPECT_NE(err.find(device + ": cannot write (not a regular file"), std::string::npos) << err;
    EXPECT_FALSE(QFileInfo(QString::fromStdString(device)).isFile());
}

// The same with a small file that QFile buffers whole: the failure shows only when the buffer is
// flushed, and QSaveFile::commit() alone would publish the truncated file.
TEST_F(SaveFileTest, ADiskThatFillsUpWhileASmallSaveIsFlushedLeavesTheOldFileWhole) {
    rlimit before{};
    ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &before), 0);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = before;
    small.rlim_cur = 256;
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
    const std::string err = saveFileAtomically(target.toStdString(), std::string(1400, 'y'));
    setrlimit(RLIMIT_FSIZE, &before);
    std::signal(SIGXFSZ, oldHandler);
    EXPECT_NE(err.find(target.toStdString() + ": write failed"), std::string::npos) << err;
    EXPECT_EQ(contents(target), "old contents\n");
    EXPECT_EQ(files(), QStringList{QStringLiteral("scenario.json")});
}

// Where permissions bind (not for root), a read-only folder refuses the save the same way.
TEST_F(SaveFileTest, AReadOnlyFolderLeavesTheOldFile) {
    QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner);
    const bool bound = !QFile(dir.filePath(QStringLiteral("probe"))).open(QIODevice::WriteOnly);
    QFile::remove(dir.filePath(QStringLiteral("probe")));
    if (bound) {
        const std::string err = saveFileAtomically(target.toStdString(), "new contents\n");
        EXPECT_NE(err.find(target.toStdString()), std::string::npos) << err;
        EXPECT_EQ(contents(target), "old contents\n");
    }
    QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (!bound) GTEST_SKIP() << "permissions do not bind this user (root)";
}
#endif
