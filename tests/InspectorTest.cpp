// The inspector's generic rows come from the field table: every labelled field of every node of
// every built-in scenario has its editor showing the node's value, and an edit of a live field
// reaches a running engine as a `set` of that field.
#include "Inspector.h"
#include "FieldTable.h"
#include "MainWindow.h"
#include "TopologyScene.h"
#include "UiWait.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QScrollArea>
#include <QScrollBar>
#include <QTest>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

using namespace cs;

namespace {

using cs::test::waitFor;

// Fields the inspector shows on bespoke rows (InspectorPages.cpp), not as one editor.
const std::set<std::string> kBespoke = {"parallel_fraction", "price_per_hour", "batching",
                                        "autoscaling", "shards"};

void expectShows(QWidget* editor, const core::FieldRow& row, const core::NodeSpec& n) {
    const core::FieldValue v = row.access.get(n);
    const std::string what = n.id + "." + row.name;
    if (auto* box = qobject_cast<QDoubleSpinBox*>(editor)) {
        const double shown = std::get<double>(v) * row.scale;
        EXPECT_NEAR(box->value(), shown, std::pow(10.0, -row.decimals) / 2 + 1e-9) << what;
        // Whatever the box allows is valid in the file (no 0 ms timeout from a rounded bound).
        EXPECT_TRUE(box->minimum() >= row.lo * row.scale - 1e-9 ||
                    (box->minimum() == 0 && row.offBelow > 0))
            << what << ": minimum " << box->minimum();
    } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        // The file's name as data; an enum's shown in words ("target tracking").
        EXPECT_EQ(combo->currentData().toString().toStdString(), std::get<std::string>(v)) << what;
        if (row.type == core::FieldType::Enum) {
            EXPECT_FALSE(combo->currentText().contains(u'_')) << what << " in words, not a name";
        }
    } else if (auto* check = qobject_cast<QCheckBox*>(editor)) {
        EXPECT_EQ(check->isChecked(), std::get<double>(v) != 0) << what;
    } else {
        ADD_FAILURE() << what << ": no editor of a known type";
    }
}

TEST(UiInspector, EveryLabelledFieldOfEveryBuiltInNodeHasItsEditor) {
    const QStringList files =
        QDir(QStringLiteral(":/scenarios")).entryList({QStringLiteral("*.clustersim.json")});
    ASSERT_GE(files.size(), 9);
    std::set<std::string> seen;
    for (const QString& f : files) {
        ui::MainWindow w(false);
        ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/") + f));
        auto* inspector = w.findChild<ui::Inspector*>();
        ASSERT_NE(inspector, nullptr);
        for (const core::NodeSpec& n : w.document()->scenario().nodes) {
            inspector->showNode(QString::fromStdString(n.id));
            for (const core::FieldRow& row : core::fieldTable()) {
                if (!row.label || !row.appliesTo(n) || kBespoke.count(row.name)) continue;
                auto* editor = inspector->findChild<QWidget*>(QString::fromLatin1(row.name));
                ASSERT_NE(editor, nullptr) << f.toStdString() << ": " << n.id << "." << row.name;
                expectShows(editor, row, n);
                seen.insert(row.name);
            }
        }
    }
    EXPECT_GE(seen.size(), 40u) << "the built-in examples show most fields";
}

// A load balancer's timeout was valid live but never sent (issue 12): the table makes it live.
TEST(UiInspector, ABalancersTimeoutIsSetLiveWithoutARestart) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(
        QString::fromStdString(std::string(CLUSTERSIM_TEST_DATA) + "/base.clustersim.json")));
    w.show();
    QMetaObject::invokeMethod(w.controller(), [c = w.controller()] { c->runUntilSeconds(1); });
    ASSERT_TRUE(waitFor([&] {
        const auto s = w.lastSnapshot();
        return s && s->simTime >= 1'000'000 && s->state != ui::RunState::Running;
    }));
    const auto generation = w.lastSnapshot()->generation;
    w.scene()->selectSubject(QStringLiteral("lb"));
    QApplication::processEvents();
    auto* timeout =
        w.findChild<ui::Inspector*>()->findChild<QDoubleSpinBox*>(QStringLiteral("timeout_ms"));
    ASSERT_NE(timeout, nullptr);
    const core::NodeSpec before = *w.document()->scenario().find("lb");
    timeout->setValue(1234);
    const core::NodeSpec& after = *w.document()->scenario().find("lb");
    EXPECT_EQ(after.downstream_timeout_ms, 1234);
    EXPECT_EQ(after.timeout_ms, before.timeout_ms) << "only the balancer's own member";
    ASSERT_TRUE(waitFor([&] {
        const auto& a = w.lastSnapshot()->actions;
        return a && !a->empty() && a->back().field == "timeout_ms" && a->back().node == "lb";
    })) << "a live set action, not a restart";
    EXPECT_EQ(w.lastSnapshot()->generation, generation);
    w.document()->undoStack()->undo();
    EXPECT_EQ(w.document()->scenario().find("lb")->downstream_timeout_ms,
              before.downstream_timeout_ms);
}

} // namespace

namespace {
// A teacher types a value into a number box and presses Space to play: the value is committed and
// the run starts (the box took the space as text and showed nothing; then it played the old value).
TEST(UiInspector, SpaceInANumberBoxPlaysAndKeepsTheValue) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/default.clustersim.json")));
    w.resize(1280, 720);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    QApplication::setActiveWindow(&w);
    auto* inspector = w.findChild<ui::Inspector*>();
    ASSERT_NE(inspector, nullptr);
    inspector->showNode(QStringLiteral("api"));
    QDoubleSpinBox* box = nullptr; // the first field's number box
    for (auto* b : inspector->findChildren<QDoubleSpinBox*>())
        for (const core::FieldRow& r : core::fieldTable())
            if (!box && b->objectName() == QString::fromLatin1(r.name)) box = b;
    ASSERT_NE(box, nullptr);
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));
    box->setFocus();
    ASSERT_TRUE(waitFor([&] { return box->hasFocus() && w.lastSnapshot(); }));
    const QString name = box->objectName();
    box->selectAll();
    const double typed = box->value() + (box->value() + 1 <= box->maximum() ? 1 : -1);
    QTest::keyClicks(box, QString::number(typed, 'f', box->decimals()));
    QTest::keyClick(box, Qt::Key_Space);
    EXPECT_TRUE(waitFor([&] { return w.lastSnapshot()->state == ui::RunState::Running; }))
        << "Space plays while a number box has the focus";
    w.pause();
    auto* now = inspector->findChild<QDoubleSpinBox*>(name);
    ASSERT_NE(now, nullptr);
    EXPECT_DOUBLE_EQ(now->value(), typed) << "the number typed is the one the run plays";
    const core::FieldRow* row = nullptr;
    for (const core::FieldRow& r : core::fieldTable())
        if (QString::fromLatin1(r.name) == name) row = &r;
    ASSERT_NE(row, nullptr);
    EXPECT_NEAR(std::get<double>(row->access.get(*w.document()->scenario().find("api"))) *
                    row->scale,
                typed, 1e-9)
        << "committed to the scenario, not only shown";
}
} // namespace

namespace {
// An edit at the bottom of a long form keeps the form where it was and the field in focus: the
// rebuilt form threw the teacher back to the top after every Enter.
TEST(UiInspector, AnEditKeepsTheScrollPositionAndTheFocus) {
    ui::MainWindow w(false);
    ASSERT_TRUE(w.openScenario(QStringLiteral(":/scenarios/elasticity-spike.clustersim.json")));
    w.resize(1024, 768);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    QApplication::setActiveWindow(&w);
    auto* inspector = w.findChild<ui::Inspector*>();
    ASSERT_NE(inspector, nullptr);
    const auto& nodes = w.document()->scenario().nodes;
    const auto store = std::find_if(nodes.begin(), nodes.end(), [](const core::NodeSpec& n) {
        return n.kind == core::NodeKind::ServiceGroup && n.autoscaling;
    });
    ASSERT_NE(store, nodes.end());
    inspector->showNode(QString::fromStdString(store->id));
    QApplication::processEvents();
    auto* scroll = qobject_cast<QScrollArea*>(inspector->parentWidget()->parentWidget());
    ASSERT_NE(scroll, nullptr);
    QScrollBar* bar = scroll->verticalScrollBar();
    ASSERT_TRUE(waitFor([&] { return bar->maximum() > 0; }))
        << "the form is longer than the dock at 1024x768";
    QDoubleSpinBox* last = nullptr;
    for (auto* box : inspector->findChildren<QDoubleSpinBox*>())
        if (box->isVisibleTo(inspector) && box->isEnabled() && !box->objectName().isEmpty() &&
            (!last || box->mapTo(inspector, QPoint()).y() > last->mapTo(inspector, QPoint()).y()))
            last = box;
    ASSERT_NE(last, nullptr);
    scroll->ensureWidgetVisible(last);
    QApplication::processEvents();
    const int scrolled = bar->value();
    ASSERT_GT(scrolled, 0);
    const QString name = last->objectName();
    QTest::mouseClick(last, Qt::LeftButton, {}, QPoint(8, last->height() / 2));
    last->setFocus();
    last->selectAll();
    const double next = last->value() + (last->value() + 1 <= last->maximum() ? 1 : -1);
    QTest::keyClicks(last, QString::number(next, 'f', last->decimals()));
    QTest::keyClick(last, Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] {
        auto* now = inspector->findChild<QDoubleSpinBox*>(name);
        return now && now != last && std::abs(now->value() - next) < 1e-9;
    })) << "the edit went into the scenario and the form was rebuilt";
    ASSERT_TRUE(waitFor([&] { return bar->value() == scrolled; })) << bar->value();
    QWidget* focus = QApplication::focusWidget();
    ASSERT_NE(focus, nullptr);
    if (focus->objectName() != name) focus = focus->parentWidget();
    EXPECT_EQ(focus ? focus->objectName() : QString(), name);
}
} // namespace
