#include "CompareView.h"

#include "ChartsPanel.h"
#include "CompareDialog.h"
#include "CompareTable.h"
#include "Document.h"
#include "LockStep.h"
#include "NodeItem.h"
#include "Presentation.h"
#include "TopologyScene.h"
#include "TopologyView.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace cs::ui {
namespace {
constexpr int kChartsHeight = 2 * 190 + 30;
constexpr double kMaxLabelScale = 2.0;

bool replicated(const core::Scenario& s) {
    return std::any_of(s.nodes.begin(), s.nodes.end(), [](const core::NodeSpec& n) {
        return n.kind == core::NodeKind::Datastore && !n.replicas.empty();
    });
}

bool autoscaled(const core::Scenario& s) {
    return std::any_of(s.nodes.begin(), s.nodes.end(), [](const core::NodeSpec& n) {
        return n.kind == core::NodeKind::ServiceGroup && n.autoscaling &&
               n.autoscaling->policy != core::Autoscaling::Policy::Manual;
    });
}

QToolButton* button(const QString& text, const QString& name, const QString& tip) {
    auto* b = new QToolButton;
    b->setText(text);
    b->setObjectName(name);
    b->setToolTip(tip);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return b;
}

} // namespace

CompareView::CompareView(const core::Scenario& a, const core::Scenario& b,
                         const QString& description, QWidget* parent)
    : QWidget(parent, Qt::Window) {
    setObjectName(QStringLiteral("compareView"));
    setWindowTitle(tr("Compare — %1").arg(description));
    m_normalFont = font();
    m_replicated = replicated(a) || replicated(b);
    m_autoscaled = autoscaled(a) || autoscaled(b);
    for (int run = 0; run < 2; ++run) {
        m_docs[run] = std::make_unique<Document>();
        m_docs[run]->reset(run == 0 ? a : b, QString());
    }
    m_runs = new LockStep(this);
    connect(m_runs, &LockStep::snapshot, this, &CompareView::onSnapshot);
    connect(m_runs, &LockStep::synced, this, &CompareView::onSynced);
    connect(m_runs, &LockStep::stateChanged, this, &CompareView::updateControls);

    m_charts = new ChartsPanel;
    m_charts->setCompare(true, tr("A: as is"), tr("B: changed"));
    auto* chartsScroll = new QScrollArea;
    chartsScroll->setWidgetResizable(true);
    chartsScroll->setFrameShape(QFrame::NoFrame);
    chartsScroll->setWidget(m_charts);
    m_charts->setMinimumHeight(kChartsHeight); // two rows of readable charts; the area scrolls
    m_charts->setWindowSeconds(0);             // the whole run: both from t = 0
    for (auto* chart : m_charts->views()) chart->setMinimumWidth(200); // three beside the table
    m_table = new CompareTable;
    m_table->setMinimumWidth(300);
    // Left: the topologies over the charts; right: the table, the window's full height.
    m_split = new QSplitter(Qt::Vertical);
    m_split->setObjectName(QStringLiteral("compareSplit"));
    m_split->addWidget(buildTopologies(description));
    m_split->addWidget(chartsScroll);
    m_split->setStretchFactor(0, 4);
    m_split->setStretchFactor(1, 5);
    m_bottom = new QSplitter(Qt::Horizontal);
    m_bottom->addWidget(m_split);
    m_bottom->addWidget(m_table);
    m_bottom->setStretchFactor(0, 2);
    m_bottom->setStretchFactor(1, 1);
    m_controls = buildControls();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_controls);
    layout->addWidget(m_bottom, 1);

    m_chartTimer = new QTimer(this);
    m_chartTimer->setInterval(250 / m_charts->chartCount()); // each chart 4 times a second
    connect(m_chartTimer, &QTimer::timeout, m_charts, &ChartsPanel::refreshNext);
    m_chartTimer->start();
    m_runs->load(a, b);
    updateControls();
}

void CompareView::start(QWidget* parent, const core::Scenario& a, bool present) {
    auto* dialog = new CompareDialog(a, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QDialog::accepted, parent, [parent, dialog, a, present] {
        open(parent, a, dialog->scenarioB(), dialog->description(), present);
    });
    dialog->open();
}

CompareView* CompareView::open(QWidget* parent, const core::Scenario& a, const core::Scenario& b,
                               const QString& description, bool present) {
    auto* view = new CompareView(a, b, description, parent);
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->setWindowModality(Qt::WindowModal); // the document waits until the view closes
    view->resize(parent->size());
    view->move(parent->pos());
    view->show();
    if (present) view->setPresenting(true);
    return view;
}

CompareView::~CompareView() {
    if (m_presenting) NodeItem::setLabelScale(m_labelScale); // the main window's labels
    delete m_runs;                                           // both engine threads stop first
    for (int run = 0; run < 2; ++run) { // the scenes before the documents they show
        delete m_views[run];
        delete m_scenes[run];
    }
}

QWidget* CompareView::buildControls() {
    auto* bar = new QWidget;
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_play =
        button(tr("Play"), QStringLiteral("comparePlay"), tr("Play or pause both runs (Space)"));
    m_step = button(tr("Step"), QStringLiteral("compareStep"),
                    tr("Both runs one metrics interval on (.)"));
    m_step->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    m_reset = button(tr("Reset"), QStringLiteral("compareReset"),
                     tr("Both runs from the start (Ctrl+R)"));
    m_reset->setIcon(style()->standardIcon(QStyle::SP_MediaSkipBackward));
    m_speed = new QComboBox;
    m_speed->setObjectName(QStringLiteral("compareSpeed"));
    m_speed->setToolTip(tr("Simulated seconds per wall-clock second"));
    for (double s : {0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 25.0, 100.0})
        m_speed->addItem(tr("%1×").arg(s), s);
    m_speed->addItem(tr("max"), 0.0);
    m_speed->setCurrentIndex(3);
    m_present = button(tr("Present"), QStringLiteral("comparePresent"),
                       tr("Full screen for a projector: both topologies and two charts (F11)"));
    auto* back = button(tr("Back to Editing"), QStringLiteral("compareClose"),
                        tr("Close the comparison; the scenario is as you left it"));
    connect(m_play, &QToolButton::clicked, this,
            [this] { m_runs->playing() ? m_runs->pause() : m_runs->play(); });
    connect(m_step, &QToolButton::clicked, m_runs, &LockStep::step);
    connect(m_reset, &QToolButton::clicked, m_runs, &LockStep::reset);
    connect(m_speed, &QComboBox::currentIndexChanged, this,
            [this](int i) { m_runs->setSpeed(m_speed->itemData(i).toDouble()); });
    connect(m_present, &QToolButton::clicked, this, [this] { setPresenting(!m_presenting); });
    connect(back, &QToolButton::clicked, this, &QWidget::close);
    for (QWidget* w : {static_cast<QWidget*>(m_play), static_cast<QWidget*>(m_step),
                       static_cast<QWidget*>(m_reset)})
        row->addWidget(w);
    row->addWidget(new QLabel(tr("  Speed ")));
    row->addWidget(m_speed);
    row->addStretch();
    row->addWidget(m_present);
    row->addWidget(back);
    // Keys while the window has focus (they are also the presenter's).
    auto key = [this](const QKeySequence& seq, auto slot) {
        auto* a = new QAction(this);
        a->setShortcut(seq);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
    };
    key(Qt::Key_Space, [this] { m_play->click(); });
    key(Qt::Key_Period, [this] { m_runs->step(); });
    key(QKeySequence(Qt::CTRL | Qt::Key_R), [this] { m_runs->reset(); });
    key(Qt::Key_F11, [this] { setPresenting(!m_presenting); });
    return bar;
}

QWidget* CompareView::buildTopologies(const QString& description) {
    auto* box = new QWidget;
    auto* grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(2);
    m_clock = new QLabel;
    m_clock->setObjectName(QStringLiteral("compareClock"));
    for (int run = 0; run < 2; ++run) {
        m_scenes[run] = new TopologyScene(m_docs[run].get(), this);
        m_views[run] = new TopologyView(m_scenes[run]);
        m_views[run]->setObjectName(run == 0 ? QStringLiteral("compareViewA")
                                             : QStringLiteral("compareViewB"));
        m_views[run]->setInteractive(false); // read-only: the runs are not edited here
        m_views[run]->setDragMode(QGraphicsView::ScrollHandDrag);
        m_views[run]->setToolTip(tr("Wheel to zoom, drag to pan"));
        m_views[run]->setFrameShape(QFrame::Box);
        m_views[run]->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // fitted; drag pans
        m_views[run]->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        m_views[run]->installEventFilter(this); // fitted again whenever its size changes
        m_titles[run] = new QLabel(run == 0 ? tr("A: as is") : description);
        m_titles[run]->setObjectName(run == 0 ? QStringLiteral("compareTitleA")
                                              : QStringLiteral("compareTitleB"));
        m_titles[run]->setWordWrap(true);
        QFont f = m_titles[run]->font();
        f.setBold(true);
        f.setPointSizeF(f.pointSizeF() * 1.2);
        m_titles[run]->setFont(f);
        m_clock->setFont(f);
        m_titleFont = f;
        auto* head = new QHBoxLayout;
        head->addWidget(m_titles[run], 1);
        if (run == 1) head->addWidget(m_clock);
        grid->addLayout(head, 0, run);
        grid->addWidget(m_views[run], 1, run);
    }
    grid->setRowStretch(1, 1);
    return box;
}

QString CompareView::titleOf(int run) const {
    return m_titles[run]->text();
}

void CompareView::onSnapshot(int run, const SnapshotPtr& snap) {
    if (snap->generation != m_generation[run]) { // a new run (load or reset): start afresh
        m_generation[run] = snap->generation;
        m_charts->clear();
        m_table->clear();
    }
    m_scenes[run]->applySnapshot(*snap);
    m_charts->addSnapshot(*snap, run);
    if (snap->state == RunState::Error && !snap->newLog.empty())
        m_titles[run]->setText((run == 0 ? tr("A cannot run: %1") : tr("B cannot run: %1"))
                                   .arg(QString::fromStdString(snap->newLog.back().text)));
}

// Both runs stand at the same time: the clock and the table (values of one moment, never of two).
void CompareView::onSynced() {
    const SnapshotPtr a = m_runs->last(0), b = m_runs->last(1);
    if (!a || !b) return;
    const double t = static_cast<double>(a->simTime) / 1e6;
    m_clock->setText(tr("t = %L1 / %L2 s").arg(t, 0, 'f', 1).arg(m_runs->duration(), 0, 'f', 0));
    if (a->simTime == b->simTime) m_table->setSummaries(a->summary, b->summary, t);
    updateControls();
}

void CompareView::updateControls() {
    const bool playing = m_runs->playing();
    m_play->setText(playing ? tr("Pause") : tr("Play"));
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setEnabled(playing || !m_runs->finished());
    m_step->setEnabled(!m_runs->finished());
}

void CompareView::fitViews() {
    for (TopologyView* v : m_views) v->fitAll();
}

void CompareView::showEvent(QShowEvent* e) {
    QWidget::showEvent(e);
    QTimer::singleShot(0, this, &CompareView::fitViews);
}

void CompareView::resizeEvent(QResizeEvent* e) {
    QWidget::resizeEvent(e);
    if (m_presenting) QTimer::singleShot(0, this, &CompareView::applyPresentationSizes);
    QTimer::singleShot(0, this, &CompareView::fitViews);
}

bool CompareView::eventFilter(QObject* watched, QEvent* e) {
    if (e->type() == QEvent::Resize)
        if (auto* v = qobject_cast<TopologyView*>(watched))
            QTimer::singleShot(0, v, &TopologyView::fitAll);
    return QWidget::eventFilter(watched, e);
}

void CompareView::keyPressEvent(QKeyEvent* e) {
    if (e->key() == Qt::Key_Escape) {
        m_presenting ? setPresenting(false) : static_cast<void>(close());
        return;
    }
    QWidget::keyPressEvent(e);
}

// As the main window's presentation picks them: errors and staleness with replicated stores,
// latency and instances with autoscaling, latency and errors otherwise.
QList<int> CompareView::presentedCharts() const {
    return m_replicated ? QList<int>{2, 3} : m_autoscaled ? QList<int>{0, 4} : QList<int>{0, 2};
}

void CompareView::setPresenting(bool on, bool fullScreen) {
    if (on == m_presenting) return;
    m_presenting = on;
    if (on) {
        m_geometry = saveGeometry();
        m_splitState = m_split->saveState();
        m_tableSplitState = m_bottom->saveState();
        m_wasFullScreen = isFullScreen();
        m_labelScale = NodeItem::labelScale();
        m_controls->hide();
        m_table->hide();
        m_charts->showOnly(presentedCharts());
        m_charts->setMinimumHeight(0);
        m_charts->setPresentation(1.0, true);
        if (fullScreen) showFullScreen();
        applyPresentationSizes();
        return;
    }
    NodeItem::setLabelScale(m_labelScale);
    for (TopologyScene* s : m_scenes) s->refreshLabels();
    setFont(m_normalFont);
    m_charts->setFont(m_normalFont);
    for (QLabel* l : {m_titles[0], m_titles[1], m_clock}) l->setFont(m_titleFont);
    m_charts->setPresentation(1.0, false);
    m_charts->showOnly({});
    m_charts->setMinimumHeight(kChartsHeight);
    m_controls->show();
    m_table->show();
    if (!m_wasFullScreen && isFullScreen()) showNormal();
    restoreGeometry(m_geometry);
    m_split->restoreState(m_splitState);
    m_bottom->restoreState(m_tableSplitState);
    QTimer::singleShot(0, this, &CompareView::fitViews);
}

// Text at Presentation::targetPixels for the window's height (18 px at 720 lines), the charts in
// the lower 46 %, and node labels grown until they are that tall on screen in both topologies.
void CompareView::applyPresentationSizes() {
    if (!m_presenting) return;
    const double targetPx = Presentation::targetPixels(height());
    QFont big = m_normalFont; // in points: the charts scale their fonts' point sizes
    big.setPointSizeF(targetPx * 1.03 * 72.0 / std::max(1, logicalDpiY()));
    setFont(big);
    m_charts->setFont(big);
    QFont title = big;
    title.setBold(true);
    title.setPointSizeF(big.pointSizeF() * 1.25);
    for (QLabel* l : {m_titles[0], m_titles[1], m_clock}) l->setFont(title);
    m_split->setSizes({height() * 56 / 100, height() * 44 / 100});
    m_charts->setPresentation(1.0, true);
    layout()->activate(); // the views take their sizes now: labels are fitted to them
    for (int round = 0; round < 4; ++round) {
        fitViews();
        double px = 1e9;
        for (TopologyView* v : m_views)
            px = std::min(px, NodeItem::labelPointSize() * v->logicalDpiY() / 72.0 *
                                  v->transform().m11());
        // Half a screen each: labels grown past this would cover each other and the frames.
        const double most = std::max(m_labelScale, kMaxLabelScale);
        if (px >= targetPx || NodeItem::labelScale() >= most) break;
        NodeItem::setLabelScale(std::min(most, NodeItem::labelScale() * targetPx / px * 1.04));
        for (TopologyScene* s : m_scenes) s->refreshLabels();
    }
    fitViews();
}

} // namespace cs::ui
