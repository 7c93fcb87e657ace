#include "MainWindow.h"
#include "DockScroll.h"
#include "PredictionCover.h"
#include "SpacePlays.h"

#include "ChartsPanel.h"
#include "DocumentCommands.h"
#include "ElidingStatusBar.h"
#include "ExportFile.h"
#include "Inspector.h"
#include "LessonPanel.h"
#include "LiveSync.h"
#include "NodeItem.h"
#include "Palette.h"
#include "Presentation.h"
#include "RemovalPrompt.h"
#include "TimelineBar.h"
#include "TopologyScene.h"
#include "TopologyView.h"
#include "WindowLayout.h"

#include "Autosave.h"
#include "HistoryPanel.h"
#include "HistoryView.h"
#include "InputFile.h"
#include "ScenarioIO.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QStyleOptionGraphicsItem>
#include <QTimer>
#include <QVBoxLayout>

namespace cs::ui {
using core::NodeKind;

MainWindow::MainWindow(bool interactive)
    : m_interactive(interactive), m_controller(m_thread.controller()), m_doc(new Document(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    // First, before anything reads a setting: Qt reports a parse error only to the first reader.
    const QString settingsProblem = setSettingsAsideIfUnreadable();
    // As large as a classroom screen allows, never larger than the screen it opens on.
    const QRect avail = QGuiApplication::primaryScreen()
                            ? QGuiApplication::primaryScreen()->availableGeometry()
                            : QRect(0, 0, 1600, 1000);
    resize(std::min(1600, avail.width() * 95 / 100), std::min(1000, avail.height() * 95 / 100));
    QFont f = font();
    f.setPointSizeF(std::max(11.0, f.pointSizeF() * 1.15)); // readable from the back of a classroom
    setFont(f);

    m_scene = new TopologyScene(m_doc, this);
    m_view = new TopologyView(m_scene);
    setCentralWidget(m_view);
    m_scene->setActionSink([this](const core::Action& a) { post(a); });
    if (m_interactive) // what a deletion takes beyond the selection is listed and asked first
        m_scene->setRemovalConfirm(
            [this](const core::NodeRemoval& plan) { return confirmRemoval(this, plan); });
    connect(m_scene, &TopologyScene::statusMessage, this,
            [this](const QString& s) { statusBar()->showMessage(s, 6000); });
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &MainWindow::onSelectionChanged);

    m_charts = new ChartsPanel;
    m_inspector = new Inspector(m_doc);
    buildDocks();
    m_layout = new WindowLayout(this, m_charts, m_scene);
    m_present = new Presentation(this, m_layout, m_charts, m_scene, m_view);
    connect(m_present, &Presentation::nextStep, this, [this] { lessonStep(+1); });
    connect(m_present, &Presentation::previousStep, this, [this] { lessonStep(-1); });
    buildActions();
    buildHelpMenu();
    m_layout->captureDefault();
    m_layout->applyFonts(); // labels too: their scale is shared by every window
    QTimer::singleShot(0, this, [this] {
        if (!m_layoutRestored && !m_present->isOn()) m_layout->applyDefault();
    });

    m_sync = new LiveSync(
        m_doc, [this](const core::Action& a) { post(a); },
        [this](const QString& why) { restartForEdit(why); }, this);
    connect(m_doc->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &Document::reloaded, this, &MainWindow::updateTitle);
    connect(m_doc, &Document::metaChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &Document::nodeChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &Document::structureChanged, this, &MainWindow::updateTitle);
    connect(m_controller, &SimController::snapshotReady, this, &MainWindow::onSnapshot);
    auto* timeline = new TimelineBar(m_controller);
    setStatusBar(new ElidingStatusBar);        // a long hint never runs into the timeline
    statusBar()->addPermanentWidget(timeline); // rewind and branch
    connect(timeline, &TimelineBar::rewinding, this, &MainWindow::rememberOldFuture);

    m_chartTimer = new QTimer(this);
    // Each chart refreshes 4 times a second, one chart per timer tick.
    m_chartTimer->setInterval(250 / m_charts->chartCount());
    connect(m_chartTimer, &QTimer::timeout, m_charts, &ChartsPanel::refreshNext);
    m_chartTimer->start();
    m_autosave = std::make_unique<Autosave>(
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    m_autosaveTimer = new QTimer(this);
    m_autosaveTimer->setInterval(60'000);
    connect(m_autosaveTimer, &QTimer::timeout, this, &MainWindow::autosave);
    if (m_interactive) m_autosaveTimer->start();
    m_hint = tr("Press Play (Space) to start; right-click nodes and links to break things.");
    statusBar()->showMessage(settingsProblem.isEmpty() ? m_hint : settingsProblem);
    if (m_interactive) { // the layout the user left (after the message: it may replace it)
        QSettings settings;
        restoreLayout(settings);
    }
}

MainWindow::~MainWindow() {
    // The scene clears its selection while it dies, and a modified document's undo stack says
    // "clean" as it is cleared (after this destructor, with the other children): nothing may
    // reach this half-destroyed window any more.
    disconnect(m_scene, nullptr, this, nullptr);
    m_doc->undoStack()->disconnect(this);
    m_doc->disconnect(this);
    delete m_scene;
}

void MainWindow::buildDocks() {
    auto dock = [this](const QString& title, const QString& name, QWidget* w,
                       Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(w);
        addDockWidget(area, d);
        return d;
    };
    auto* palette = new QListWidget;
    auto* spacePlays = new SpacePlays(this);
    palette->installEventFilter(spacePlays);
    palette->setObjectName(QStringLiteral("palette"));
    palette->setIconSize(QSize(20, 20));
    palette->setToolTip(tr("Double-click a kind to add a node of it to the topology"));
    // Asks for every kind without scrolling, yet may shrink and scroll on a short screen.
    palette->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    for (const palette::KindLook& look : palette::kKindLooks) {
        const NodeKind k = look.kind;
        auto* item = new QListWidgetItem(palette::kindLabel(k), palette);
        item->setIcon(kindIcon(k));
        item->setData(Qt::UserRole, static_cast<int>(k));
        // The icon carries the kind's colour; the name stays black: pale role colours (the cache's
        // yellow, the balancer's pink) washed out as text on a projector.
    }
    connect(palette, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        addNodeOfKind(static_cast<NodeKind>(item->data(Qt::UserRole).toInt()),
                      m_view->mapToScene(m_view->viewport()->rect().center()));
    });
    dock(tr("Add"), QStringLiteral("paletteDock"), palette, Qt::LeftDockWidgetArea);
    // The lesson shares the left side with the palette, in front of it: a lesson needs the height.
    m_lessonPanel = new LessonPanel;
    QDockWidget* lessonDock =
        dock(tr("Lesson"), QStringLiteral("lessonDock"), m_lessonPanel, Qt::LeftDockWidgetArea);
    tabifyDockWidget(findChild<QDockWidget*>(QStringLiteral("paletteDock")), lessonDock);
    lessonDock->raise();
    connect(m_lessonPanel, &LessonPanel::actionRequested, this, &MainWindow::post);
    connect(m_lessonPanel, &LessonPanel::startedOver, this, &MainWindow::reloadEngine);
    connect(m_controller, &SimController::snapshotReady, m_lessonPanel, &LessonPanel::onSnapshot);
    // A question pausing the run comes after the snapshot: the hint says why once it is asked.
    connect(m_lessonPanel, &LessonPanel::chartsHiddenChanged, this, &MainWindow::showRunHint);
    // Scrolled, so that a node with many fields never makes the window taller than the screen.
    auto* inspectorScroll = new DockScroll(QSize(380, 300));
    inspectorScroll->setWidget(m_inspector);
    inspectorScroll->setWidgetResizable(true);
    inspectorScroll->setFrameShape(QFrame::NoFrame);
    dock(tr("Inspector"), QStringLiteral("inspectorDock"), inspectorScroll,
         Qt::RightDockWidgetArea);
    m_log = new QListWidget;
    m_log->installEventFilter(spacePlays);
    // While a prediction waits for a guess, a cover over the charts (and the log, which would tell)
    // keeps the answer hidden and asks the question where the whole room can see it.
    m_predictionCover = new PredictionCover(m_lessonPanel, m_charts, m_log);
    m_log->setObjectName(QStringLiteral("eventLog"));
    m_log->setWordWrap(true);
    m_log->setToolTip(tr("Faults and reactions; click one to select what it is about"));
    connect(m_log, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        m_scene->selectSubject(item->data(Qt::UserRole).toString());
    });
    dock(tr("Event log"), QStringLiteral("logDock"), m_log, Qt::RightDockWidgetArea);
    // Scrolled: each chart keeps a readable plot (WindowLayout::kMinPlotHeight) on a short screen.
    auto* chartsScroll = new DockScroll(QSize(800, 400));
    chartsScroll->setObjectName(QStringLiteral("chartsScroll"));
    chartsScroll->setWidget(m_charts);
    chartsScroll->setWidgetResizable(true);
    chartsScroll->setFrameShape(QFrame::NoFrame);
    chartsScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    chartsScroll->onResized = [this](int height) { m_charts->setVisibleHeight(height); };
    QDockWidget* chartsDock =
        dock(tr("Charts"), QStringLiteral("chartsDock"), chartsScroll, Qt::BottomDockWidgetArea);
    m_historyPanel = new HistoryPanel;
    m_history = m_historyPanel->view();
    QDockWidget* historyDock = dock(tr("History"), QStringLiteral("historyDock"), m_historyPanel,
                                    Qt::BottomDockWidgetArea);
    tabifyDockWidget(chartsDock, historyDock);
    chartsDock->raise();
    connect(m_historyPanel, &HistoryPanel::openFileRequested, this, &MainWindow::openHistoryFile);
    connect(m_historyPanel, &HistoryPanel::liveRequested, this, [this, historyDock] {
        historyDock->raise();
        QMetaObject::invokeMethod(m_controller, &SimController::requestHistory);
    });
    connect(m_controller, &SimController::historyReady, this,
            [this](const std::shared_ptr<const std::vector<std::string>>& lines) {
                QString text;
                for (const auto& l : *lines) text += QString::fromStdString(l) + QLatin1Char('\n');
                showHistory(text, tr("live run"), true);
            });
    connect(m_history, &HistoryView::operationClicked, this,
            [this](const QString& client, const QString& key, const QString& replica) {
                // One item, so the inspector shows it: the client that made the operation, else
                // the replica that answered it, else its store.
                const QString store = key.section(QLatin1Char('/'), 0, 0);
                m_scene->selectSubject(!client.isEmpty()    ? client
                                       : !replica.isEmpty() ? replica
                                                            : store);
                statusBar()->showMessage(
                    tr("%1 made this operation on %2%3")
                        .arg(client.isEmpty() ? tr("A client") : client, key,
                             replica.isEmpty() ? QString() : tr("; %1 answered it").arg(replica)),
                    8000);
            });
}

QString MainWindow::restoreLayout(QSettings& settings) {
    QString message = m_layout->restore(settings);
    m_layoutRestored = message.isEmpty() && settings.contains(QStringLiteral("layout/state"));
    if (!message.isEmpty()) statusBar()->showMessage(message);
    // Only a laid-out window shows whether the restored layout is usable on this screen.
    QTimer::singleShot(0, this, [this] {
        const QStringList problems = WindowLayout::problems(this);
        if (problems.isEmpty() || !isVisible()) return;
        m_layout->applyDefault();
        for (QDockWidget* d : findChildren<QDockWidget*>()) d->show();
        statusBar()->showMessage(
            tr("The saved window layout did not fit this screen (%1); this is the default layout.")
                .arg(problems.join(QStringLiteral("; "))));
    });
    return message;
}

void MainWindow::post(const core::Action& a) {
    QMetaObject::invokeMethod(m_controller, [c = m_controller, a] { c->post(a); });
}

void MainWindow::openHistoryFile() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open a history"), QString(), tr("Histories (*.log *.txt *.edn);;All files (*)"));
    if (path.isEmpty()) return;
    std::string text, error;
    if (!core::readInputFile(path.toStdString(), std::uint64_t{1} << 30, text, error)) {
        QMessageBox::critical(this, tr("Cannot open history"), QString::fromStdString(error));
        return;
    }
    showHistory(QString::fromStdString(text), QFileInfo(path).fileName(), false);
}

void MainWindow::showHistory(const QString& text, const QString& title, bool window) {
    QString error;
    if (!m_historyPanel->showHistory(text, title, window, error)) {
        if (m_interactive)
            QMessageBox::critical(this, tr("Cannot read history"), error);
        else
            statusBar()->showMessage(error);
        return;
    }
    if (auto* d = findChild<QDockWidget*>(QStringLiteral("historyDock"))) d->raise();
}

void MainWindow::reloadEngine() {
    m_restartPending = false;
    const core::Scenario s = m_doc->scenario();
    m_runStart = s;
    m_oldFuture.reset(); // a new run: no branch yet
    if (m_compareBranch) m_compareBranch->setEnabled(false);
    QMetaObject::invokeMethod(m_controller, [c = m_controller, s] { c->load(s); });
    m_sync->resync();
}

// An edit the engine cannot take live. Before a run has started it simply rebuilds the run; mid-run
// the window says so before it does: a question (interactive; "Later" keeps the run going and Reset
// applies the edits), or a status message (tests, screenshots).
void MainWindow::restartForEdit(const QString& why) {
    const bool midRun = m_last && m_last->simTime > 0 && m_last->state != RunState::Error;
    if (why.isEmpty() || !midRun) return reloadEngine();
    const QString keep = tr("Reset (Ctrl+R) starts a new run with your edits.");
    if (m_interactive) {
        if (m_restartPending) {
            statusBar()->showMessage(tr("%1 waits for a new run. %2").arg(why, keep));
            return;
        }
        QMessageBox box(QMessageBox::Question, tr("Restart the run?"),
                        tr("%1 needs a new run: the simulation starts again from t = 0, and the "
                           "charts and the event log start afresh.")
                            .arg(why),
                        QMessageBox::NoButton, this);
        QPushButton* now = box.addButton(tr("Restart Now"), QMessageBox::AcceptRole);
        box.addButton(tr("Later"), QMessageBox::RejectRole);
        box.setInformativeText(tr("Later: the run goes on without the edit. %1").arg(keep));
        box.setDefaultButton(now);
        box.exec();
        if (box.clickedButton() != now) {
            m_restartPending = true;
            statusBar()->showMessage(tr("%1 waits for a new run. %2").arg(why, keep));
            return;
        }
    }
    reloadEngine();
    statusBar()->showMessage(tr("%1 needed a new run: restarted from t = 0.").arg(why), 10000);
}

void MainWindow::play() {
    QMetaObject::invokeMethod(m_controller, &SimController::play);
}
void MainWindow::pause() {
    QMetaObject::invokeMethod(m_controller, &SimController::pause);
}

void MainWindow::screenshotAfter(double simS, const QString& png, QSize size, bool present) {
    m_screenshotAt = simS;
    m_screenshotPath = png;
    m_predictionCover->setSuppressed(true); // the picture shows the run's charts
    resize(size);
    m_layout->applyDefault();
    if (present) m_present->enter(false);
    QMetaObject::invokeMethod(m_controller, [c = m_controller, simS] { c->runUntilSeconds(simS); });
}

void MainWindow::whenShown(double simS, std::function<void()> then) {
    m_shownAt = simS;
    m_whenShown = std::move(then);
    m_predictionCover->setSuppressed(true); // a GIF's frames show the run's charts
    QMetaObject::invokeMethod(m_controller, [c = m_controller, simS] { c->runUntilSeconds(simS); });
}

void MainWindow::onSnapshot(const SnapshotPtr& snap) {
    if (snap->generation != m_generation) { // a new run: start the charts and log afresh
        m_generation = snap->generation;
        m_charts->clear();
        m_charts->fitWindowToRun(snap->duration_s);
        m_log->clear();
        m_servedNow = 0;
    }
    if (!snap->newRows.empty()) m_servedNow = snap->newRows.back().throughput_rps;
    m_last = snap;
    m_scene->applySnapshot(*snap);
    if (std::exchange(m_fitOnSnapshot, false)) QTimer::singleShot(0, m_view, &TopologyView::fitAll);
    QHash<QString, int> instances;    // each group's live instances, for the inspector
    for (const auto& n : snap->nodes) // every group the run has, at 0 when all are down
        if (n.role == core::NodeRole::Instance)
            instances[QString::fromStdString(n.owner)] += n.alive && !n.draining;
    m_inspector->setRunning(instances);
    showLiveStoreMode(*snap);
    m_charts->addSnapshot(*snap);
    for (const auto& e : snap->newLog) {
        auto* item = new QListWidgetItem(QStringLiteral("%L1 s — %2")
                                             .arg(static_cast<double>(e.time) / 1e6, 0, 'f', 2)
                                             .arg(QString::fromStdString(e.text)));
        item->setData(Qt::UserRole, QString::fromStdString(e.subject));
        m_log->addItem(item);
    }
    if (!snap->newLog.empty()) m_log->scrollToBottom();
    const auto& s = snap->summary;
    const QString clock = tr("t = %L1 / %L2 s")
                              .arg(static_cast<double>(snap->simTime) / 1e6, 0, 'f', 1)
                              .arg(snap->duration_s, 0, 'f', 0);
    // Served now (the last metrics interval), so a spike or an outage shows at once; the run's
    // average, which moves slowly, is in the tooltip.
    m_time->setText(tr("<b>%1 · %L2 req/s served</b>").arg(clock).arg(m_servedNow, 0, 'f', 0));
    // Only ever wider: the switches after it stay put while the digits change.
    m_time->setMinimumWidth(std::max(m_time->minimumWidth(), m_time->sizeHint().width()));
    m_time->setToolTip(tr("Simulated time; %1. Requests served per second in the last metrics "
                          "interval (the run's average so far: %L2)")
                           .arg(QString::fromLatin1(toString(snap->state)))
                           .arg(s.sim_seconds > 0 ? s.throughput_rps : 0.0, 0, 'f', 0));
    m_present->setClock(snap->state == RunState::Running ? clock : clock + tr("  (paused)"));
    const bool running = snap->state == RunState::Running;
    showRunHint();
    m_playPause->setText(running ? tr("Pause") : tr("Play"));
    m_playPause->setIcon(
        style()->standardIcon(running ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    if (snap->state == RunState::Error && !snap->newLog.empty()) {
        m_runError = runErrorText(snap->newLog.back().text);
        statusBar()->showMessage(m_runError);
    }

    if (m_shownAt >= 0 && static_cast<double>(snap->simTime) / 1e6 >= m_shownAt - 1e-9) {
        m_shownAt = -1;
        m_charts->refresh();
        m_view->fitAll();
        QApplication::processEvents();
        std::exchange(m_whenShown, nullptr)(); // may ask for the next time at once
    }
    if (m_screenshotAt >= 0 && static_cast<double>(snap->simTime) / 1e6 >= m_screenshotAt - 1e-9) {
        m_screenshotAt = -1;
        m_charts->refresh();
        if (!m_present->isOn()) m_view->fitAll();
        QApplication::processEvents();
        const QString err = saveImage(m_screenshotPath, grab().toImage());
        if (!err.isEmpty()) qWarning("%s", qPrintable(err));
        QApplication::exit(err.isEmpty() ? 0 : 1);
    }
}

void MainWindow::onSelectionChanged() {
    const auto items = m_scene->selectedItems();
    if (items.size() == 1) {
        if (auto* l = dynamic_cast<LinkItem*>(items.front()))
            return m_inspector->showLink(l->specA(), l->specB());
    }
    const auto ids = m_scene->selectedSpecIds();
    if (ids.size() == 1) return m_inspector->showNode(QString::fromStdString(ids.front()));
    m_inspector->showScenario();
}

// The palette's icon of a node kind: the shape the topology draws, without its label.
QIcon MainWindow::kindIcon(NodeKind kind) {
    NodeItem item(QString(), QString(), kind);
    item.setState(true, 0, 1, 0);
    QPixmap pm(64, 64);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.translate(32, 32);
    p.scale(0.95, 0.95);
    QStyleOptionGraphicsItem opt;
    item.paint(&p, &opt, nullptr);
    return QIcon(pm);
}

void MainWindow::addNodeOfKind(NodeKind kind, QPointF at) {
    core::NodeSpec n;
    n.kind = kind;
    const QString base = palette::kindKey(kind).replace(' ', '_');
    for (int k = 1;; ++k) {
        n.id = QStringLiteral("%1%2").arg(base).arg(k).toStdString();
        if (m_doc->nodeIndex(n.id) < 0 && !core::isPossibleMember(m_doc->scenario(), n.id)) break;
    }
    if (kind == NodeKind::Client) { // a sensible first target
        for (const auto& o : m_doc->scenario().nodes)
            if (o.kind == NodeKind::LoadBalancer || o.kind == NodeKind::ServiceGroup) {
                n.target = o.id;
                break;
            }
    }
    if (kind == NodeKind::LoadBalancer)
        for (const auto& o : m_doc->scenario().nodes)
            if (o.kind == NodeKind::ServiceGroup) {
                n.group = o.id;
                break;
            }
    if (kind == NodeKind::RateLimiter)
        for (const auto& o : m_doc->scenario().nodes)
            if (o.kind == NodeKind::LoadBalancer || o.kind == NodeKind::ServiceGroup) {
                n.target = o.id;
                break;
            }
    if (kind == NodeKind::Queue)
        for (const auto& o : m_doc->scenario().nodes)
            if (o.kind == NodeKind::ServiceGroup && !o.datastore.empty()) {
                n.consumers = o.id;
                break;
            }
    if (kind == NodeKind::Cache || kind == NodeKind::SessionStore) { // in-memory: small, fast
        n.cores = 4;
        n.queue_capacity = 1000;
        n.service.kind = core::Distribution::Kind::Constant;
        n.service.mean_ms = kind == NodeKind::Cache ? 0.2 : 0.5;
    }
    const QPointF spot = m_scene->freeSpotFor(n, at); // not on top of a node already there
    n.x = spot.x();
    n.y = spot.y();
    m_doc->undoStack()->push(new AddNodeCommand(m_doc, n));
    m_scene->selectSubject(QString::fromStdString(n.id));
    // A free spot may be off the visible part: bring it in, once its frame has its members.
    QTimer::singleShot(0, m_view, [this, id = QString::fromStdString(n.id)] {
        if (QGraphicsItem* item = m_scene->topItem(id))
            m_view->ensureVisible(item->sceneBoundingRect() |
                                      item->mapRectToScene(item->childrenBoundingRect()),
                                  40, 40);
    });
}

void MainWindow::setAllStoreModes(const QString& mode) {
    const auto want = mode == QLatin1String("AP") ? core::StoreMode::AP : core::StoreMode::CP;
    m_doc->undoStack()->beginMacro(tr("Make the stores %1").arg(mode));
    for (const auto& n : m_doc->scenario().nodes)
        if (n.kind == NodeKind::Datastore && !n.replicas.empty() && n.mode != want) {
            core::NodeSpec next = n;
            next.mode = want;
            // An AP store as the class knows it (the AP example): each request answered by the
            // nearest replica. With majorities (0) R + W > N and no read is ever stale.
            if (want == core::StoreMode::AP && n.r == 0 && n.w == 0) next.r = next.w = 1;
            m_doc->undoStack()->push(
                new SetNodeCommand(m_doc, next, tr("%1: mode").arg(QString::fromStdString(n.id))));
        }
    m_doc->undoStack()->endMacro();
}

void MainWindow::setAllScalingPolicies(const QString& policy) {
    using P = core::Autoscaling::Policy;
    const P want = policy == QLatin1String("step")              ? P::Step
                   : policy == QLatin1String("target_tracking") ? P::TargetTracking
                   : policy == QLatin1String("scheduled")       ? P::Scheduled
                                                                : P::Manual;
    m_doc->undoStack()->beginMacro(tr("Scaling policy: %1").arg(policy));
    for (const auto& n : m_doc->scenario().nodes) {
        if (n.kind != NodeKind::ServiceGroup) continue;
        core::NodeSpec next = n; // a first policy gets an autoscaler around the current size
        core::chooseScalingPolicy(next, want);
        if (!(next == n))
            m_doc->undoStack()->push(new SetNodeCommand(
                m_doc, next, tr("%1: scaling policy").arg(QString::fromStdString(n.id))));
    }
    m_doc->undoStack()->endMacro();
}

void MainWindow::updateTitle() {
    const QString name = QString::fromStdString(m_doc->scenario().name);
    const QString file = m_doc->filePath().isEmpty() || m_doc->filePath().startsWith(':')
                             ? tr("untitled")
                             : QFileInfo(m_doc->filePath()).fileName();
    setWindowTitle(QStringLiteral("%1 (%2)[*] — ClusterSim").arg(name, file));
    setWindowModified(m_doc->isModified());
    if (m_lessonPanel)
        m_lessonPanel->setLesson(m_doc->scenario().lesson,
                                 m_doc->filePath().isEmpty()
                                     ? QString::fromStdString(m_doc->scenario().name)
                                     : m_doc->filePath());
    if (m_seed) {
        const QSignalBlocker block(m_seed);
        m_seed->setValue(static_cast<int>(m_doc->scenario().seed));
    }
    if (m_storeMode) { // shows the mode of the replicated stores; disabled when there are none
        bool any = false, ap = false;
        for (const auto& n : m_doc->scenario().nodes)
            if (n.kind == NodeKind::Datastore && !n.replicas.empty()) {
                any = true;
                ap = n.mode == core::StoreMode::AP;
            }
        m_storeMode->setEnabled(any);
        m_present->setReplicated(any); // presents the errors and staleness charts
        m_storeMode->setCurrentIndex(ap ? 1 : 0);
    }
    bool autoscaled = false;
    for (const auto& n : m_doc->scenario().nodes)
        autoscaled |= n.kind == NodeKind::ServiceGroup && n.autoscaling &&
                      n.autoscaling->policy != core::Autoscaling::Policy::Manual;
    m_present->setAutoscaled(autoscaled); // presents latency and instances
    m_present->setKeepLesson(!m_doc->scenario().lesson.steps.empty());
    m_present->setConcept(m_doc->scenario().lesson.concept_name);
    if (m_scaling) { // the first group's policy; disabled without groups
        const QSignalBlocker block(m_scaling);
        int index = -1;
        for (const auto& n : m_doc->scenario().nodes)
            if (n.kind == NodeKind::ServiceGroup && index < 0)
                index = n.autoscaling ? static_cast<int>(n.autoscaling->policy) : 0;
        m_scaling->setEnabled(index >= 0);
        m_scaling->setCurrentIndex(std::max(index, 0));
    }
}

} // namespace cs::ui
