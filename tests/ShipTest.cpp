// What a user of the installed app depends on beyond the editor: a bad file named on the command
// line (or double-clicked) opens an empty scenario with the message; a save to a read-only place
// or a full disk says so and keeps the document modified; Help > About shows the version, the
// licence and the credits; the German translation turns the menus German.
#include "AboutDialog.h"
#include "DocumentCommands.h"
#include "Language.h"
#include "MainWindow.h"
#include "UiWait.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QMenuBar>
#include <QStatusBar>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/resource.h>
#endif

using namespace cs;

namespace {

const QString kData = QStringLiteral(CLUSTERSIM_TEST_DATA);

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

// Marks the window's document modified by one undoable edit (its name).
void editName(ui::MainWindow& w) {
    core::Scenario meta = w.document()->scenario();
    meta.name = "edited";
    w.document()->undoStack()->push(new ui::SetMetaCommand(w.document(), meta));
    ASSERT_TRUE(w.document()->isModified());
}

// A failed save: false, a message naming the file, the document still modified (and the title's
// modified marker on), nothing left at `path`.
void expectRefusedSave(ui::MainWindow& w, const QString& path) {
    QString error;
    EXPECT_FALSE(w.saveTo(path, &error));
    EXPECT_TRUE(error.contains(path)) << error.toStdString();
    EXPECT_TRUE(w.document()->isModified());
    EXPECT_TRUE(w.isWindowModified());
    EXPECT_NE(w.document()->filePath(), path);
}

} // namespace

TEST(UiStartup, AnInvalidFileFromTheCommandLineOpensAnEmptyScenarioWithTheMessage) {
    ui::MainWindow w(false);
    const QString bad = kData + QStringLiteral("/bad/dangling_target.clustersim.json");
    EXPECT_FALSE(w.openFromCommandLine(bad));
    w.show();
    EXPECT_TRUE(w.document()->scenario().nodes.empty());
    EXPECT_TRUE(w.document()->filePath().isEmpty());
    EXPECT_FALSE(w.document()->isModified());
    const QString shown = w.statusBar()->currentMessage();
    EXPECT_TRUE(shown.contains(bad)) << shown.toStdString();
    EXPECT_TRUE(shown.contains(QStringLiteral("nodes[0].target"))) << shown.toStdString();
    // A file that is not there at all is the same: message, empty scenario, no crash.
    const QString missing = kData + QStringLiteral("/no-such-file.clustersim.json");
    EXPECT_FALSE(w.openFromCommandLine(missing));
    EXPECT_TRUE(w.statusBar()->currentMessage().contains(missing));
    EXPECT_TRUE(w.document()->scenario().nodes.empty());
}

TEST(UiStartup, AValidFileFromTheCommandLineOpens) {
    ui::MainWindow w(false);
    const QString good = kData + QStringLiteral("/base.clustersim.json");
    EXPECT_TRUE(w.openFromCommandLine(good));
    EXPECT_FALSE(w.document()->scenario().nodes.empty());
    EXPECT_EQ(w.document()->filePath(), good);
}

// A read-only folder refuses the save. Root ignores permission bits, so there the test saves
// into /proc, which no one can create files in.
TEST(UiSave, AReadOnlyFolderRefusesTheSaveAndTheDocumentStaysModified) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(kData + QStringLiteral("/base.clustersim.json")));
    editName(w);
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner);
    QString folder = dir.path();
    if (QFileInfo(folder).isWritable() ||
        QFile(dir.filePath(QStringLiteral("probe"))).open(QIODevice::WriteOnly)) {
        QFile::remove(dir.filePath(QStringLiteral("probe")));
        if (!QFileInfo(QStringLiteral("/proc/self")).exists())
            GTEST_SKIP() << "permissions do not bind here and there is no /proc";
        folder = QStringLiteral("/proc");
    }
    expectRefusedSave(w, folder + QStringLiteral("/scenario.clustersim.json"));
    QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

// A device is never replaced by a regular file (root may create files in /dev, so QSaveFile's
// rename would succeed there): the save is refused and the device stays. The full-disk case of a
// regular file (QSaveFile's write fails, its temporary file is dropped) takes the same path.
TEST(UiSave, SavingOverADeviceIsRefusedAndLeavesTheDevice) {
    const QString device = QStringLiteral("/dev/full");
    if (!QFileInfo::exists(device)) GTEST_SKIP() << "no /dev/full here";
    ASSERT_FALSE(QFileInfo(device).isFile()) << "/dev/full is not a device on this machine";
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(kData + QStringLiteral("/base.clustersim.json")));
    editName(w);
    expectRefusedSave(w, device);
    EXPECT_FALSE(QFileInfo(device).isFile());
}

#ifdef Q_OS_UNIX
// A disk that fills up during the save (a file size limit stands in for it, and binds root too):
// a message naming the file, the document still modified, the file saved before intact.
TEST(UiSave, AFullDiskRefusesTheSaveAndTheDocumentStaysModified) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(kData + QStringLiteral("/base.clustersim.json")));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.clustersim.json"));
    ASSERT_TRUE(w.saveTo(path));
    const QByteArray before = readAll(path);
    editName(w);
    rlimit old{};
    ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &old), 0);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN); // a failed write, not a dead process
    rlimit tiny = old;
    tiny.rlim_cur = 256;
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &tiny), 0);
    QString error;
    const bool saved = w.saveTo(path, &error);
    setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, oldHandler);
    EXPECT_FALSE(saved);
    EXPECT_TRUE(error.contains(path)) << error.toStdString();
    EXPECT_TRUE(w.document()->isModified());
    EXPECT_TRUE(w.isWindowModified());
    EXPECT_EQ(readAll(path), before);
}
#endif

TEST(UiAbout, TheHelpMenuOffersAboutWithTheVersionLicenceAndCredits) {
    QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
    ui::MainWindow w(false);
    QMenu* help = nullptr;
    for (QAction* a : w.menuBar()->actions())
        if (a->text() == QLatin1String("&Help")) help = a->menu();
    ASSERT_NE(help, nullptr);
    bool about = false;
    for (QAction* a : help->actions()) about = about || a->menuRole() == QAction::AboutRole;
    EXPECT_TRUE(about);
    const QString text = ui::aboutText();
    EXPECT_TRUE(text.contains(QStringLiteral("ClusterSim 9.8.7")));
    EXPECT_TRUE(text.contains(QStringLiteral("GNU General Public License")));
    EXPECT_TRUE(text.contains(QStringLiteral("Porcupine")));
    EXPECT_TRUE(text.contains(QStringLiteral("Anish Athalye")));
    EXPECT_TRUE(text.contains(QStringLiteral("MIT")));
    QCoreApplication::setApplicationVersion(QString());
}

TEST(UiAbout, TheWindowHasTheApplicationIcon) {
    ui::MainWindow w(false);
    // The resources the app sets as its window icon are there at every size it names.
    for (int px : {16, 24, 32, 48, 64, 128, 256})
        EXPECT_TRUE(QFileInfo::exists(QStringLiteral(":/icons/clustersim-%1.png").arg(px))) << px;
}

// The German translation is compiled into the app: loading it turns the menus German, and
// removing it brings English back (the test leaves the application as it found it).
TEST(UiTranslation, LoadingGermanChangesTheMenuTitles) {
    ASSERT_TRUE(ui::availableLanguages().contains(QStringLiteral("de")));
    ASSERT_TRUE(ui::installTranslations(qApp, QLocale(QLocale::German, QLocale::Germany)));
    QStringList titles;
    {
        ui::MainWindow w(false);
        for (QAction* a : w.menuBar()->actions()) titles << a->text();
    }
    ui::removeTranslations(qApp);
    EXPECT_TRUE(titles.contains(QStringLiteral("&Datei"))) << titles.join(' ').toStdString();
    EXPECT_TRUE(titles.contains(QStringLiteral("&Bearbeiten")));
    EXPECT_TRUE(titles.contains(QStringLiteral("&Hilfe")));
    EXPECT_FALSE(titles.contains(QStringLiteral("&File")));
    ui::MainWindow english(false);
    EXPECT_EQ(english.menuBar()->actions().front()->text(), QStringLiteral("&File"));
}

// English needs no translation file: nothing is loaded, and the menus stay English.
TEST(UiTranslation, EnglishLoadsNothing) {
    EXPECT_FALSE(ui::installTranslations(qApp, QLocale(QLocale::English, QLocale::UnitedStates)));
    ui::removeTranslations(qApp);
}
