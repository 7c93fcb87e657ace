// MainWindow: the View menu (topology zoom, text size, presentation mode, the docks), the Help
// menu (every key, and each built-in example's lesson) and the status bar's hint.
#include "AboutDialog.h"
#include "BuiltinMenu.h"
#include "Document.h"
#include "LessonPanel.h"
#include "MainWindow.h"
#include "Presentation.h"
#include "ScenarioIO.h"
#include "TopologyView.h"
#include "WindowLayout.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace cs::ui {

void MainWindow::buildViewMenu(QAction* fit) {
    auto* viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(fit);
    viewMenu->addAction(tr("Zoom Topology &In"), QKeySequence(Qt::Key_Plus), this,
                        [this] { m_view->zoomBy(1.25); });
    viewMenu->addAction(tr("Zoom Topology &Out"), QKeySequence(Qt::Key_Minus), this,
                        [this] { m_view->zoomBy(0.8); });
    viewMenu->addSeparator();
    // Every text at once: the window's, the charts' and the node labels.
    auto* bigger = viewMenu->addAction(
        tr("&Larger Text"), this, [this] { m_layout->setTextScale(m_layout->textScale() * 1.15); });
    bigger->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence(Qt::CTRL | Qt::Key_Plus)});
    auto* smaller = viewMenu->addAction(tr("&Smaller Text"), this, [this] {
        m_layout->setTextScale(m_layout->textScale() / 1.15);
    });
    smaller->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Minus));
    viewMenu->addAction(tr("&Normal Text Size"), QKeySequence(Qt::CTRL | Qt::Key_0), this,
                        [this] { m_layout->setTextScale(1.0); });
    for (QAction* a : {bigger, smaller}) addAction(a);
    viewMenu->addSeparator();
    viewMenu->addAction(m_present->toggleAction());
    viewMenu->addAction(tr("&Reset Layout"), this, [this] {
        m_layout->applyDefault();
        for (QDockWidget* d : findChildren<QDockWidget*>()) d->show();
    });
    viewMenu->addSeparator();
    for (QDockWidget* d : findChildren<QDockWidget*>()) viewMenu->addAction(d->toggleViewAction());
}

void MainWindow::showRunHint() {
    if (!m_last || m_last->state == RunState::Error) return;
    const Snapshot& snap = *m_last;
    const auto& steps = m_doc->scenario().lesson.steps;
    const bool lessonPaused = std::any_of(steps.begin(), steps.end(), [&](const auto& step) {
        return step.pause && step.at_s && std::llround(*step.at_s * 1e6) == snap.simTime;
    });
    const QString hint =
        snap.state == RunState::Running
            ? tr("Running: Space pauses; right-click nodes and links to break things.")
        : snap.simTime == 0
            ? tr("Press Play (Space) to start; right-click nodes and links to break things.")
        : m_lessonPanel && m_lessonPanel->awaitingGuess()
            ? tr("Paused for a question — pick an answer on the charts")
        : lessonPaused ? tr("Paused by the lesson: read its step, then Space plays on.")
                       : tr("Paused: Space plays, . steps; right-click nodes and links to break "
                            "things.");
    const QString shown = statusBar()->currentMessage();
    if (shown.isEmpty() || shown == m_runError || (shown == m_hint && hint != m_hint))
        statusBar()->showMessage(hint); // a run that starts again clears the reason it could not
    m_runError.clear();
    m_hint = hint;
}

// "cannot run: nodes[8].target: no path ..." names the node as the teacher knows it:
// "Cannot run: client1.target: no path ...".
QString MainWindow::runErrorText(const std::string& text) const {
    QString out = QString::fromStdString(text);
    static const QRegularExpression node(QStringLiteral("nodes\\[(\\d+)\\]"));
    const auto& nodes = m_runStart.nodes;
    for (auto it = node.globalMatch(out); it.hasNext();) {
        const auto m = it.next();
        const auto i = m.captured(1).toULongLong();
        if (i < nodes.size())
            out.replace(m.captured(0),
                        QString::fromStdString(nodes[static_cast<std::size_t>(i)].id));
    }
    // An empty reference (a node just added) says what to do, not that "" is no node's id.
    static const QRegularExpression unset(
        QStringLiteral(": no node with id \"\" \\(expected a (.*)\\)"));
    if (const auto m = unset.match(out); m.hasMatch())
        out.replace(m.capturedStart(), m.capturedLength(),
                    tr(" is not set: pick a %1 in the inspector, or draw a link to one")
                        .arg(m.captured(1)));
    if (out.startsWith(QLatin1String("cannot run: "))) out = tr("Cannot run: %1").arg(out.mid(12));
    return out;
}

void MainWindow::buildHelpMenu() {
    auto* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keys"), QKeySequence::HelpContents, this, &MainWindow::showKeys);
    auto* lessons = help->addMenu(tr("&Lessons"));
    lessons->setObjectName(QStringLiteral("lessonsMenu"));
    addBuiltinScenarios(
        lessons, QStringLiteral(":/scenarios/"),
        [this](const QString& path) {
            if (maybeSave() && openScenario(path))
                if (auto* d = findChild<QDockWidget*>(QStringLiteral("lessonDock"))) {
                    d->show();
                    d->raise();
                }
        },
        [](const core::Scenario& s) { return !s.lesson.empty(); });
    help->addSeparator();
    addAboutActions(help, this);
}

// Every shortcut the window has, read from its actions (so the page cannot go stale), and the
// mouse gestures.
QString MainWindow::keysHtml() const {
    QString rows;
    QStringList seen;
    for (const QAction* a : findChildren<QAction*>()) {
        if (a->shortcuts().isEmpty() || a->text().isEmpty()) continue;
        QStringList keys;
        for (const QKeySequence& k : a->shortcuts())
            keys << k.toString(QKeySequence::NativeText).toHtmlEscaped();
        QString what = a->text();
        what.remove(QLatin1Char('&'));
        const QString row = QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                                .arg(keys.join(QStringLiteral(", ")), what.toHtmlEscaped());
        if (seen.contains(row)) continue;
        seen << row;
        rows += row;
    }
    return tr("<h2>Keys</h2><table cellpadding=4>%1</table>"
              "<h3>Mouse</h3><p>Right-click a node or link: kill / restart, cut / heal, partition. "
              "Shift+drag from one node to another: link them. Drag: move. Wheel: zoom the "
              "topology. Double-click a kind under Add: a new node.</p>"
              "<h3>Presentation mode</h3><p>F11 or View &gt; Presentation: full screen, large "
              "text, the topology and two charts. PageDown / PageUp: the lesson's next / previous "
              "step. B: blank the screen. Space: play or pause. .: step. Esc or F11: back.</p>"
              "<h3>Lesson questions</h3><p>While a question covers the charts, A, B, C (or 1, 2, "
              "3) answer it, in any mode.</p>")
        .arg(rows);
}

void MainWindow::showKeys() {
    auto* dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Keys — ClusterSim"));
    dialog->setFont(font());
    auto* text = new QTextBrowser;
    text->setObjectName(QStringLiteral("keysPage"));
    text->setHtml(keysHtml());
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    auto* v = new QVBoxLayout(dialog);
    v->addWidget(text);
    v->addWidget(buttons);
    dialog->resize(std::min(760, width() * 9 / 10), std::min(700, height() * 9 / 10));
    dialog->show();
}

// PageDown / PageUp in presentation mode: the lesson panel's next / previous step (its text is on
// the panel, hidden while presenting; the step's actions and pauses apply as they do there).
void MainWindow::lessonStep(int delta) {
    if (!m_lessonPanel) return;
    delta > 0 ? m_lessonPanel->nextStep() : m_lessonPanel->previousStep();
}

// The Store and Scaling switches show what the run is in now: a lesson step, the file's timeline
// or a live edit may have changed it since the document was loaded, and a rewind to before that
// change takes it back to the document's value.
void MainWindow::showLiveStoreMode(const Snapshot& snap) {
    if (!m_storeMode || !snap.actions) return;
    const core::Scenario& doc = m_runStart; // not the document: a live switch edits that too
    int store = -1, scaling = -1;
    std::string firstGroup;
    for (const auto& n : doc.nodes) {
        if (n.kind == core::NodeKind::Datastore && !n.replicas.empty())
            store = n.mode == core::StoreMode::AP ? 1 : 0;
        if (n.kind == core::NodeKind::ServiceGroup && firstGroup.empty()) {
            firstGroup = n.id;
            scaling = n.autoscaling ? static_cast<int>(n.autoscaling->policy) : 0;
        }
    }
    for (const core::Action& a : *snap.actions) {
        const auto* text = std::get_if<std::string>(&a.value);
        if (a.kind != core::ActionKind::SetField || !text) continue;
        if (a.field == "mode") store = *text == "AP" ? 1 : 0;
        if (a.field == "autoscaling.policy" && a.node == firstGroup)
            scaling = std::max(0, m_scaling->findData(QString::fromStdString(*text)));
    }
    for (auto [box, index] : {std::pair{m_storeMode, store}, std::pair{m_scaling, scaling}})
        if (index >= 0 && box->currentIndex() != index) {
            const QSignalBlocker block(box);
            box->setCurrentIndex(index);
        }
}

} // namespace cs::ui
