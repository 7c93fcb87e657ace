// MainWindow: menus and toolbars. File and Edit menus, the run toolbar (play, step, reset and the
// switches a class flips: speed, seed, store mode, scaling policy) and the topology tools.
#include "AboutDialog.h"
#include "AutoLayout.h"
#include "BuiltinMenu.h"
#include "CompareView.h"
#include "DocumentCommands.h"
#include "MainWindow.h"
#include "NodeItem.h"
#include "PreferencesDialog.h"
#include "Presentation.h"
#include "ScenarioIO.h"
#include "SweepDialog.h"
#include "TopologyScene.h"
#include "TopologyView.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStyle>
#include <QTimer>
#include <QToolBar>

#include <algorithm>
#include <functional>

namespace cs::ui {
void MainWindow::buildActions() {
    buildFileMenu();
    buildEditMenu();
    QMenu* sim = menuBar()->addMenu(tr("&Simulation"));
    auto* run = addToolBar(tr("Run"));
    run->setObjectName(QStringLiteral("runToolbar"));
    run->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_runBar = run;
    buildRunActions(run, sim);
    buildRunSwitches(run);
    buildTopologyTools(sim);
    sim->addSeparator();
    sim->addAction(tr("S&weep..."), this, [this] {
        auto* d = new SweepDialog(m_doc->scenario(), m_doc->filePath(), this);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->show();
    });
    QAction* compare = sim->addAction(tr("&Compare with a Change…"), this, [this] {
        pause();
        CompareView::start(this, m_doc->scenario(), m_present->isOn());
    });
    compare->setObjectName(QStringLiteral("compareAction"));
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    addAction(compare); // its key works while presenting, with the menu bar hidden
    compare->setToolTip(tr("Run the scenario beside a copy with one or more changes, in "
                           "lock-step, and compare (Ctrl+Shift+C)"));
    m_compareBranch = sim->addAction(tr("Compare the &Branch with the Old Future"), this,
                                     &MainWindow::compareBranch);
    m_compareBranch->setObjectName(QStringLiteral("compareBranchAction"));
    m_compareBranch->setEnabled(false);
    m_compareBranch->setToolTip(tr("After dragging the timeline back: the run as it was (A) "
                                   "beside the branch you made from there (B)"));
}

void MainWindow::buildFileMenu() {
    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New"), QKeySequence::New, this, &MainWindow::newScenario);
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openDialog)
        ->setObjectName(QStringLiteral("openAction"));
    auto* presets = file->addMenu(tr("New from &Preset"));
    presets->setObjectName(QStringLiteral("presetsMenu"));
    addBuiltinScenarios(presets, QStringLiteral(":/presets/"), [this](const QString& path) {
        if (maybeSave()) newFromPreset(path);
    });
    auto* examples = file->addMenu(tr("Open &Example"));
    examples->setObjectName(QStringLiteral("examplesMenu"));
    addBuiltinScenarios(examples, QStringLiteral(":/scenarios/"), [this](const QString& path) {
        if (maybeSave()) openScenario(path);
    });
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::save);
    file->addAction(tr("Save &As…"), QKeySequence::SaveAs, this, &MainWindow::saveAs);
    file->addAction(tr("Save Session as Scenario…"), this, &MainWindow::saveSessionAs)
        ->setToolTip(tr(
            "Save with everything you did during the run as its timeline, to replay it exactly"));
    file->addSeparator();
    file->addAction(tr("Export Metrics as CSV…"), this, &MainWindow::exportMetrics);
    file->addAction(tr("Export Charts as PNG…"), this, &MainWindow::exportCharts)
        ->setObjectName(QStringLiteral("exportChartsAction"));
    file->addAction(tr("Export Topology as PNG or SVG…"), this, &MainWindow::exportTopology);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
}

void MainWindow::buildEditMenu() {
    auto* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_doc->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_doc->undoStack()->createRedoAction(this, tr("&Redo"));
    // Ctrl+Shift+Z and Ctrl+Y both redo, whatever the platform's own key is.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence& k :
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)})
        if (!redoKeys.contains(k)) redoKeys.append(k);
    redo->setShortcuts(redoKeys);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("&Delete"), QKeySequence::Delete, m_scene, &TopologyScene::deleteSelection);
    edit->addAction(tr("Auto-&arrange"), QKeySequence(Qt::CTRL | Qt::Key_L), this, [this] {
        m_doc->undoStack()->push(new MoveNodesCommand(m_doc, autoLayout(m_doc->scenario())));
        m_view->fitAll();
    });
    edit->addSeparator();
    addPreferencesAction(edit, this); // the language
}

// Play/Pause, Step and Reset: on the run toolbar and in the Simulation menu.
void MainWindow::buildRunActions(QToolBar* run, QMenu* sim) {
    m_playPause = new QAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("Play"), this);
    m_playPause->setShortcut(Qt::Key_Space);
    m_playPause->setToolTip(tr("Play or pause the simulation (Space)"));
    connect(m_playPause, &QAction::triggered, this, [this] {
        if (m_last && m_last->state == RunState::Running)
            pause();
        else
            play();
    });
    QAction* step =
        new QAction(style()->standardIcon(QStyle::SP_MediaSkipForward), tr("Step"), this);
    step->setShortcut(Qt::Key_Period);
    step->setToolTip(tr("Run one metrics interval, then pause (.)"));
    connect(step, &QAction::triggered, this,
            [this] { QMetaObject::invokeMethod(m_controller, &SimController::step); });
    QAction* reset =
        new QAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("Reset"), this);
    reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    reset->setToolTip(tr("Start the run again from t = 0 (Ctrl+R)"));
    connect(reset, &QAction::triggered, this, &MainWindow::reloadEngine);
    for (QAction* a : {m_playPause, step, reset}) {
        run->addAction(a);
        sim->addAction(a);
        addAction(a); // their keys work with the toolbar and menus hidden (presentation mode)
    }
    // The clock next to the run's controls, so that a narrow window hides switches, not the time.
    m_time = new QLabel;
    m_time->setObjectName(QStringLiteral("simTime"));
    m_time->setTextFormat(Qt::RichText); // bold in the window's text size, whatever it is
    m_time->setContentsMargins(8, 0, 8, 0);
    run->addWidget(m_time);
}

// The switches a class flips while it watches: speed, store mode, scaling policy, and last (the
// first to go into the toolbar's overflow on a narrow screen) the seed.
void MainWindow::buildRunSwitches(QToolBar* run) {
    run->addSeparator();
    run->addWidget(new QLabel(tr(" Speed ")));
    m_speed = new QComboBox;
    m_speed->setObjectName(QStringLiteral("speed"));
    m_speed->setToolTip(tr("Simulated seconds per wall-clock second"));
    for (double s : {0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 25.0, 100.0})
        m_speed->addItem(tr("%1×").arg(s), s);
    m_speed->addItem(tr("max"), 0.0);
    m_speed->setCurrentIndex(3);
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this](int i) {
        const double v = m_speed->itemData(i).toDouble();
        QMetaObject::invokeMethod(m_controller, [c = m_controller, v] { c->setSpeed(v); });
    });
    run->addWidget(m_speed);
    m_switchBar = addToolBar(tr("Switches"));
    m_switchBar->setObjectName(QStringLiteral("switchesToolbar"));
    run = m_switchBar;
    run->addWidget(new QLabel(tr("  Store ")));
    m_storeMode = new QComboBox;
    m_storeMode->setObjectName(QStringLiteral("storeMode"));
    m_storeMode->addItems({QStringLiteral("CP"), QStringLiteral("AP")});
    m_storeMode->setToolTip(
        tr("CP or AP for every replicated datastore: flip it and cut a link to compare"));
    connect(m_storeMode, &QComboBox::textActivated, this, &MainWindow::setAllStoreModes);
    run->addWidget(m_storeMode);
    run->addWidget(new QLabel(tr("  Scaling ")));
    m_scaling = new QComboBox;
    m_scaling->setObjectName(QStringLiteral("scalingPolicy"));
    // In words; the data is the file's name of the policy.
    m_scaling->addItem(tr("manual"), QStringLiteral("manual"));
    m_scaling->addItem(tr("step"), QStringLiteral("step"));
    m_scaling->addItem(tr("target tracking"), QStringLiteral("target_tracking"));
    m_scaling->addItem(tr("scheduled"), QStringLiteral("scheduled"));
    m_scaling->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_scaling->setToolTip(tr("The autoscaling policy of every service group (min, max, target "
                             "and cooldown are in the inspector)"));
    connect(m_scaling, &QComboBox::activated, this,
            [this](int i) { setAllScalingPolicies(m_scaling->itemData(i).toString()); });
    run->addWidget(m_scaling);
    run->addWidget(new QLabel(tr("  Seed ")));
    m_seed = new QSpinBox;
    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setRange(0, 2'000'000'000);
    m_seed->setToolTip(tr("Random seed: the same seed gives the same run"));
    m_seed->setKeyboardTracking(false);
    m_seed->setMaximumWidth(m_seed->fontMetrics().horizontalAdvance(QStringLiteral("0000000000")) +
                            40);
    connect(m_seed, &QSpinBox::valueChanged, this, [this](int v) {
        if (static_cast<std::uint64_t>(v) == m_doc->scenario().seed) return;
        core::Scenario meta = m_doc->scenario();
        meta.seed = static_cast<std::uint64_t>(v);
        m_doc->undoStack()->push(new SetMetaCommand(m_doc, meta)); // LiveSync reloads the run
    });
    run->addWidget(m_seed);
}

// Connect and Fit on their own toolbar; the faults (kill, cut, partition) in the Simulation menu
// with one-key shortcuts; zoom and the docks in the View menu.
void MainWindow::buildTopologyTools(QMenu* sim) {
    auto* tools = addToolBar(tr("Topology"));
    tools->setObjectName(QStringLiteral("topologyToolbar"));
    m_topologyBar = tools;
    m_connect = tools->addAction(tr("Connect"));
    m_connect->setCheckable(true);
    m_connect->setToolTip(tr("Drag from one node to another to link them (or hold Shift)"));
    connect(m_connect, &QAction::toggled, m_scene, &TopologyScene::setConnectMode);
    QAction* fit = tools->addAction(tr("Fit"), m_view, &TopologyView::fitAll);
    fit->setShortcut(Qt::Key_F);
    fit->setToolTip(tr("Fit the topology to the window (F)"));
    QAction* kill = new QAction(tr("Kill / Restart Selected"), this);
    kill->setShortcut(Qt::Key_K);
    connect(kill, &QAction::triggered, this, [this] {
        for (QGraphicsItem* item : m_scene->selectedItems())
            if (auto* n = dynamic_cast<NodeItem*>(item))
                m_scene->killOrRestart(n->name(), n->alive());
    });
    QAction* cut = new QAction(tr("Cut / Heal Selected Link"), this);
    cut->setShortcut(Qt::Key_C);
    connect(cut, &QAction::triggered, this, [this] {
        for (QGraphicsItem* item : m_scene->selectedItems())
            if (auto* l = dynamic_cast<LinkItem*>(item)) m_scene->cutOrHeal(l, l->isUp());
    });
    QAction* partition = new QAction(tr("Partition Selection from the Rest"), this);
    partition->setShortcut(Qt::Key_P);
    connect(partition, &QAction::triggered, m_scene, &TopologyScene::partitionSelection);
    sim->addSeparator();
    for (QAction* a : {kill, cut, partition}) {
        sim->addAction(a);
        addAction(a);
    }
    buildViewMenu(fit); // MainWindowView.cpp
}

void MainWindow::resizeEvent(QResizeEvent* e) {
    QMainWindow::resizeEvent(e);
    fitToolbars();
}

void MainWindow::showEvent(QShowEvent* e) {
    QMainWindow::showEvent(e);
    QTimer::singleShot(0, this, &MainWindow::fitToolbars); // a window shown at its final size
}

void MainWindow::changeEvent(QEvent* e) {
    QMainWindow::changeEvent(e);
    if (e->type() == QEvent::FontChange) // after the toolbars' widgets took the new size
        QTimer::singleShot(0, this, &MainWindow::fitToolbars);
}

// Connect and Fit (also Shift-drag, F and the View menu) are the first to go into an overflow;
// the run's buttons and switches never do.
void MainWindow::fitToolbars() {
    if (!m_runBar || !m_switchBar || !m_topologyBar || !m_runBar->isVisible()) return;
    const int room = width() - 16; // the toolbar handles and margins
    // What the buttons' text takes, to know when it fits again.
    const QFontMetrics fm(m_runBar->font());
    int text = 0;
    for (QAction* a : m_runBar->actions())
        if (!a->icon().isNull()) text += fm.horizontalAdvance(a->text()) + fm.height() / 2;
    const bool iconOnly = m_runBar->toolButtonStyle() == Qt::ToolButtonIconOnly;
    const int run = m_runBar->sizeHint().width() - (iconOnly ? 0 : text); // without the text
    // The topology toolbar keeps its handle, first button and overflow arrow on the row.
    const int switches = m_switchBar->sizeHint().width() + m_topologyBar->minimumSizeHint().width();
    // One row with the buttons' text, else one row without it, else the switches on a second.
    const bool oneRow = run + switches <= room;
    const bool withText = oneRow ? run + text + switches <= room : run + text <= room;
    m_runBar->setToolButtonStyle(withText ? Qt::ToolButtonTextBesideIcon : Qt::ToolButtonIconOnly);
    if (oneRow && toolBarBreak(m_switchBar)) removeToolBarBreak(m_switchBar);
    if (!oneRow && !toolBarBreak(m_switchBar)) insertToolBarBreak(m_switchBar);
}

// Dragging the timeline back drops what the run did after that moment: kept here, so that the
// branch the user then makes can be run beside it (A: the old future, B: the branch).
void MainWindow::rememberOldFuture(double simS) {
    if (!m_last) return;
    m_oldFuture = sessionScenario();
    m_rewoundAt = simS;
    if (m_compareBranch) m_compareBranch->setEnabled(true);
}

void MainWindow::compareBranch() {
    if (!m_oldFuture) return;
    pause();
    CompareView::open(this, *m_oldFuture, sessionScenario(),
                      tr("the branch from %L1 s").arg(m_rewoundAt, 0, 'f', 1), m_present->isOn());
}

} // namespace cs::ui
