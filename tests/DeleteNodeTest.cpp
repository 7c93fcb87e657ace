// Deleting a node in the app: one undo step that takes everything naming the node with it, so the
// document saves and opens again, and undo gives back the very same file.
#include "DocumentCommands.h"
#include "MainWindow.h"
#include "RemovalPrompt.h"
#include "ScenarioIO.h"
#include "TopologyScene.h"
#include "TopologyView.h"
#include "UiWait.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <gtest/gtest.h>

using namespace cs;

namespace {

QByteArray bytesOf(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

// Every built-in scenario, lesson and preset, each node deleted in turn through the undo stack
// (the command the Delete key pushes): Save writes a file that opens again as the document is,
// and undo restores a document that saves byte for byte as before.
TEST(DeleteNode, EveryBuiltinNodeDeletedSavesOpensAndUndoes) {
    QTemporaryDir tmp;
    ASSERT_TRUE(tmp.isValid());
    const QString original = tmp.filePath(QStringLiteral("original.clustersim.json"));
    const QString after = tmp.filePath(QStringLiteral("after.clustersim.json"));
    const QString undone = tmp.filePath(QStringLiteral("undone.clustersim.json"));
    int deletions = 0;
    for (const char* folder : {":/scenarios", ":/presets"}) {
        const QDir dir(QString::fromLatin1(folder));
        for (const QString& name : dir.entryList({QStringLiteral("*.clustersim.json")})) {
            const QString path = dir.filePath(name); // compiled in: read as the app reads it
            const core::LoadResult loaded =
                core::loadScenarioText(bytesOf(path).toStdString(), path.toStdString());
            ASSERT_TRUE(loaded.ok) << loaded.error;
            ui::Document doc;
            doc.reset(loaded.scenario, {});
            ASSERT_EQ(doc.saveTo(original), QString());
            const QByteArray before = bytesOf(original);
            for (const core::NodeSpec& n : loaded.scenario.nodes) {
                SCOPED_TRACE(name.toStdString() + ": deleting " + n.id);
                QUndoStack* stack = doc.undoStack();
                const int steps = stack->index();
                stack->push(new ui::RemoveNodesCommand(&doc, {n.id}));
                ASSERT_EQ(stack->index(), steps + 1) << "one undo step, not refused";
                EXPECT_EQ(doc.nodeIndex(n.id), -1);
                ASSERT_EQ(doc.saveTo(after), QString());
                const core::LoadResult back = core::loadScenarioFile(after.toStdString());
                ASSERT_TRUE(back.ok) << back.error;
                EXPECT_EQ(back.scenario, doc.scenario());
                stack->undo();
                ASSERT_EQ(doc.saveTo(undone), QString());
                EXPECT_EQ(bytesOf(undone), before);
                EXPECT_EQ(doc.scenario(), loaded.scenario);
                ++deletions;
            }
        }
    }
    EXPECT_GE(deletions, 200);
}

// Save refuses a document that would not open again, says which file and field, and writes
// nothing: an existing file keeps its contents, and no new file appears.
TEST(DeleteNode, SaveRefusesADocumentThatWouldNotOpenAndWritesNothing) {
    const core::LoadResult loaded =
        core::loadScenarioFile(std::string(CLUSTERSIM_TEST_DATA) + "/base.clustersim.json");
    ASSERT_TRUE(loaded.ok) << loaded.error;
    ui::Document doc;
    doc.reset(loaded.scenario, {});
    QTemporaryDir tmp;
    const QString kept = tmp.filePath(QStringLiteral("kept.clustersim.json"));
    ASSERT_EQ(doc.saveTo(kept), QString());
    const QByteArray good = bytesOf(kept);
    core::NodeSpec users = *doc.scenario().find("users");
    users.target = "nowhere"; // as a hand-made or future edit could leave it
    doc.undoStack()->push(new ui::SetNodeCommand(&doc, users, QStringLiteral("target")));
    const QString error = doc.saveTo(kept);
    EXPECT_TRUE(error.contains(kept)) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("nodes[0].target"))) << error.toStdString();
    EXPECT_EQ(bytesOf(kept), good) << "the old file is intact";
    EXPECT_TRUE(doc.isModified()) << "nothing was saved";
    const QString fresh = tmp.filePath(QStringLiteral("fresh.clustersim.json"));
    EXPECT_FALSE(doc.saveTo(fresh).isEmpty());
    EXPECT_FALSE(QFile::exists(fresh));
}

// The way a teacher does it: click the replica db3 in the view, press Delete; the app lists what
// also goes (the timeline's cuts and heals of its links, the expectation about it) and deletes
// it all on "Delete all of it". The saved file opens as the document was, and one undo brings
// everything back.
TEST(DeleteNode, ClickAndDeleteKeyThenSaveAndOpen) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/cap-cp-partition.clustersim.json")));
    w.show();
    w.activateWindow();
    ASSERT_TRUE(
        cs::test::waitFor([&] { return w.lastSnapshot() && !w.lastSnapshot()->nodes.empty(); }));
    const core::Scenario before = w.document()->scenario();
    QGraphicsItem* db3 = w.scene()->topItem(QStringLiteral("db3"));
    ASSERT_NE(db3, nullptr);
    QWidget* vp = w.view()->viewport();
    QTest::mouseClick(vp, Qt::LeftButton, {},
                      w.view()->mapFromScene(db3->sceneBoundingRect().center()));
    ASSERT_TRUE(db3->isSelected());
    // The interactive app asks first (MainWindow installs this); a test window does not ask.
    w.scene()->setRemovalConfirm(
        [&](const core::NodeRemoval& plan) { return ui::confirmRemoval(&w, plan); });

    QString listed;
    QMessageBox::ButtonRole answerWith = QMessageBox::RejectRole;
    QTimer answer; // the confirmation is modal: answer it as the user would, when it shows
    answer.setInterval(10);
    QObject::connect(&answer, &QTimer::timeout, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box || box->objectName() != QStringLiteral("removalPrompt")) return;
        listed = box->informativeText();
        for (QAbstractButton* b : box->buttons())
            if (box->buttonRole(b) == answerWith) QTest::mouseClick(b, Qt::LeftButton);
    });
    answer.start();
    QTest::keyClick(vp, Qt::Key_Delete); // Cancel: nothing changes
    EXPECT_FALSE(listed.isEmpty()) << "asked first";
    EXPECT_EQ(w.document()->scenario(), before);
    EXPECT_EQ(w.document()->undoStack()->count(), 0);
    listed.clear();
    answerWith = QMessageBox::DestructiveRole; // "Delete all of it"
    w.activateWindow(); // offscreen, no window manager gives the focus back after the dialog
    ASSERT_TRUE(cs::test::waitFor([&] { return QApplication::activeWindow() == &w; }));
    QTest::keyClick(vp, Qt::Key_Delete);
    answer.stop();
    EXPECT_TRUE(listed.contains(QStringLiteral("cut_link db1-db3"))) << listed.toStdString();
    EXPECT_TRUE(listed.contains(QStringLiteral("db3 does not lead again"))) << listed.toStdString();
    const core::Scenario& now = w.document()->scenario();
    EXPECT_EQ(now.find("db3"), nullptr);
    EXPECT_TRUE(now.timeline.empty());
    EXPECT_EQ(now.expect.size(), before.expect.size() - 1);
    EXPECT_EQ(w.document()->undoStack()->count(), 1) << "one undo step";

    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("no-db3.clustersim.json"));
    QString error;
    ASSERT_TRUE(w.saveTo(path, &error)) << error.toStdString();
    ui::MainWindow other(false);
    ASSERT_TRUE(other.openScenario(path, &error)) << error.toStdString();
    EXPECT_EQ(other.document()->scenario(), now);

    w.document()->undoStack()->undo();
    EXPECT_EQ(w.document()->scenario(), before);
    ASSERT_NE(w.scene()->topItem(QStringLiteral("db3")), nullptr) << "drawn again";
}

// The prompt names a client pointed past a deleted balancer and the link it gets; a deletion that
// would leave a file that does not open is refused with the loader's reason, and changes nothing.
TEST(DeleteNode, ThePromptListsTheBypassAndARefusalSaysWhy) {
    const core::LoadResult loaded =
        core::loadScenarioFile(std::string(CLUSTERSIM_TEST_DATA) + "/base.clustersim.json");
    ASSERT_TRUE(loaded.ok) << loaded.error;
    const core::NodeRemoval plan = core::planNodeRemoval(loaded.scenario, {"lb"});
    const QStringList lines = ui::describeRemoval(plan);
    EXPECT_TRUE(lines.contains(QStringLiteral("users: target lb becomes api")))
        << lines.join('|').toStdString();
    EXPECT_TRUE(lines.contains(QStringLiteral("a new link users-api (around what goes)")))
        << lines.join('|').toStdString();

    core::NodeRemoval refused = plan;
    refused.error = "nodes[0].target: no path of links from \"users\" to \"api\"";
    QString told;
    QTimer answer;
    answer.setInterval(10);
    QObject::connect(&answer, &QTimer::timeout, [&] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box || box->objectName() != QStringLiteral("removalRefused")) return;
        told = box->text();
        QTest::mouseClick(box->button(QMessageBox::Ok), Qt::LeftButton);
    });
    answer.start();
    EXPECT_FALSE(ui::confirmRemoval(nullptr, refused));
    answer.stop();
    EXPECT_TRUE(told.contains(QStringLiteral("nodes[0].target: no path of links")))
        << told.toStdString();
}

// Deleting a link the timeline cuts and heals takes those actions with it in one undo step (the
// timeline has no editor: left behind, they would keep the file from saving).
TEST(DeleteNode, DeletingALinkTakesTheTimelinesCutsOfIt) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/cap-cp-partition.clustersim.json")));
    const core::Scenario before = w.document()->scenario();
    w.scene()->selectSubject(QStringLiteral("db1--db3"));
    w.scene()->deleteSelection();
    const core::Scenario& now = w.document()->scenario();
    EXPECT_EQ(now.links.size(), before.links.size() - 1);
    EXPECT_EQ(now.timeline.size(), before.timeline.size() - 2);
    for (const core::Action& a : now.timeline) EXPECT_NE(a.a, "db1") << "db1-db3's cut and heal";
    QTemporaryDir tmp;
    QString error;
    EXPECT_TRUE(w.saveTo(tmp.filePath(QStringLiteral("x.clustersim.json")), &error))
        << error.toStdString();
    EXPECT_EQ(w.document()->undoStack()->count(), 1);
    w.document()->undoStack()->undo();
    EXPECT_EQ(w.document()->scenario(), before);
}

// The view caches its background, where plain links are drawn: after File > New (or a deletion)
// no line of the old topology may stay on screen. A teacher saw the old links on the empty canvas,
// under the new nodes, which then looked connected.
TEST(DeleteNode, NewLeavesNoLinkOfTheOldTopologyOnScreen) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/cap-cp-partition.clustersim.json")));
    w.resize(1280, 720);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    QWidget* viewport = w.view()->viewport();
    // Non-background pixels of the canvas (its most common colour is the background).
    auto inked = [&] {
        const QImage img = viewport->grab().toImage().convertToFormat(QImage::Format_RGB32);
        QHash<QRgb, int> counts;
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x) ++counts[img.pixel(x, y)];
        int most = 0;
        for (int c : counts) most = std::max(most, c);
        return img.width() * img.height() - most;
    };
    ASSERT_GT(inked(), 2000) << "the CAP example's nodes and links are drawn";
    QTest::keyClick(&w, Qt::Key_N, Qt::ControlModifier); // File > New (nothing to save)
    ASSERT_TRUE(cs::test::waitFor([&] { return w.document()->scenario().nodes.empty(); }));
    QApplication::processEvents();
    EXPECT_LT(inked(), 200) << "an empty scenario's canvas is empty";
}
