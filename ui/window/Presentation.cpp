#include "Presentation.h"

#include "ChartsPanel.h"
#include "NodeItem.h"
#include "Palette.h"
#include "TopologyScene.h"
#include "TopologyView.h"
#include "WindowLayout.h"

#include <QAbstractAxis>
#include <QAction>
#include <QChart>
#include <QChartView>
#include <QDockWidget>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLegend>
#include <QMainWindow>
#include <QMenuBar>
#include <QScreen>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QXYSeries>

#include <algorithm>
#include <cmath>

#include <map>

namespace cs::ui {

Presentation::Presentation(QMainWindow* window, WindowLayout* layout, ChartsPanel* charts,
                           TopologyScene* scene, TopologyView* view)
    : QObject(window), m_window(window), m_layout(layout), m_charts(charts), m_scene(scene),
      m_view(view) {
    m_toggle = new QAction(tr("&Presentation"), this);
    m_toggle->setObjectName(QStringLiteral("presentationAction"));
    m_toggle->setShortcut(Qt::Key_F11);
    m_toggle->setCheckable(true);
    m_toggle->setToolTip(tr("Full screen for a projector: large text, topology and two charts, "
                            "high contrast (F11; Esc leaves)"));
    connect(m_toggle, &QAction::triggered, this, [this](bool on) { on ? enter() : leave(); });
    window->addAction(m_toggle);
    auto key = [this](const QString& text, const QKeySequence& seq, auto slot) {
        auto* a = new QAction(text, this);
        a->setShortcut(seq);
        a->setEnabled(false); // only while presenting: elsewhere these keys scroll lists
        connect(a, &QAction::triggered, this, slot);
        m_window->addAction(a);
        m_keys.append(a);
        return a;
    };
    key(tr("Leave presentation"), Qt::Key_Escape, [this] { leave(); });
    key(tr("Next lesson step"), Qt::Key_PageDown, [this] { emit nextStep(); });
    key(tr("Previous lesson step"), Qt::Key_PageUp, [this] { emit previousStep(); });
    key(tr("Blank the screen (again: show it)"), Qt::Key_B, [this] { setBlank(!isBlank()); });

    m_clock = new QLabel(view);
    m_clock->setObjectName(QStringLiteral("presentationClock"));
    m_clock->setStyleSheet(QStringLiteral(
        "QLabel { color: black; background: rgba(255,255,255,230); border: 3px solid black; "
        "border-radius: 8px; padding: 4px 14px; }"));
    m_clock->hide();
    m_blank = new QWidget(window);
    m_blank->setObjectName(QStringLiteral("presentationBlank"));
    m_blank->setStyleSheet(QStringLiteral("background: black;"));
    m_blank->setAttribute(Qt::WA_StyledBackground);
    m_blank->hide();
    window->installEventFilter(this);
    view->installEventFilter(this);
}

QList<int> Presentation::shownCharts() const {
    if (!m_chosen.isEmpty()) return m_chosen;
    // ChartSeries.h's order: latency, throughput, errors, staleness and hits, instances and cost,
    // utilisation. What each concept's lesson asks the room to watch (DESIGN.md section 6).
    static const std::map<std::string, QList<int>> kByConcept = {
        {"latency-throughput", {0, 1}},
        {"cap", {2, 3}},
        {"scalability-elasticity", {0, 4}},
        {"stateful-stateless", {0, 2}},
        {"horizontal-vertical", {0, 4}},
        {"read-write-heavy", {3, 5}},
        {"strong-eventual", {0, 3}},
        {"idempotency", {1, 2}},
        {"sharding", {0, 5}},
        {"rate-limiting", {1, 2}},
    };
    if (const auto it = kByConcept.find(m_concept); it != kByConcept.end()) return it->second;
    return m_replicated ? QList<int>{2, 3} : m_autoscaled ? QList<int>{0, 4} : QList<int>{0, 2};
}

void Presentation::enter(bool fullScreen) {
    if (m_on) return;
    m_on = true;
    m_laidOut = QSize();
    m_fullScreen = fullScreen;
    m_wasFullScreen = m_window->isFullScreen();
    m_wasMaximized = m_window->isMaximized();
    m_state = m_window->saveState(WindowLayout::kVersion);
    m_geometry = m_window->saveGeometry();
    m_normalGeometry = m_window->geometry();
    m_hidden.clear();
    auto hide = [this](QWidget* w) {
        if (!w || !w->isVisibleTo(m_window)) return;
        m_hidden.append(w);
        w->hide();
    };
    for (QDockWidget* d : m_window->findChildren<QDockWidget*>())
        if (d->objectName() != QLatin1String("chartsDock") &&
            !(m_keepLesson && d->objectName() == QLatin1String("lessonDock")))
            hide(d);
    for (QToolBar* t : m_window->findChildren<QToolBar*>()) hide(t);
    hide(m_window->menuBar());
    hide(m_window->statusBar());
    if (auto* charts = m_window->findChild<QDockWidget*>(QStringLiteral("chartsDock"))) {
        charts->show();
        charts->raise();
        m_dockTitle = new QWidget; // no title bar: every pixel is chart
        charts->setTitleBarWidget(m_dockTitle);
    }
    arrangeCharts(true);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // nothing but the topology
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    applyTheme(true);
    for (QAction* a : m_keys) a->setEnabled(true);
    m_toggle->setChecked(true);
    if (fullScreen) {
        m_window->showFullScreen();
        // Without a window manager (a kiosk, a bare X server) full screen does not resize.
        if (const QScreen* screen = m_window->screen()) m_window->setGeometry(screen->geometry());
    }
    m_clock->show();
    relayout();
    emit toggled(true);
}

void Presentation::leave() {
    if (!m_on) return;
    m_on = false;
    setBlank(false);
    m_clock->hide();
    for (QAction* a : m_keys) a->setEnabled(false);
    m_toggle->setChecked(false);
    applyTheme(false);
    arrangeCharts(false);
    m_view->setTopMargin(0);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    if (auto* charts = m_window->findChild<QDockWidget*>(QStringLiteral("chartsDock"))) {
        charts->setTitleBarWidget(nullptr);
        delete m_dockTitle;
        m_dockTitle = nullptr;
    }
    for (const QPointer<QWidget>& w : m_hidden)
        if (w) w->show();
    m_hidden.clear();
    m_layout->setExtraScale(1.0);
    if (m_fullScreen && !m_wasFullScreen)
        m_wasMaximized ? m_window->showMaximized() : m_window->showNormal();
    m_window->restoreGeometry(m_geometry);
    // restoreGeometry places the window by its frame, which it guesses without a window manager
    // (a bare X server moved it 20 px): the client area goes back exactly where it was.
    if (!m_wasFullScreen && !m_wasMaximized) m_window->setGeometry(m_normalGeometry);
    m_window->restoreState(m_state, WindowLayout::kVersion);
    QTimer::singleShot(0, m_view, &TopologyView::fitAll);
    emit toggled(false);
}

// Sizes everything for the window's height: text, the charts' share, the topology's zoom, the
// node labels and the clock.
void Presentation::relayout() {
    m_relayoutQueued = false;
    if (!m_on) return;
    const int h = m_window->height();
    const double targetPx = targetPixels(h);
    // The view's own resizes (the docks settling) only fit the topology again.
    if (m_window->size() == m_laidOut) {
        fitLabels(targetPx);
        placeClock();
        return;
    }
    m_laidOut = m_window->size();
    // The user's text size, in pixels; a little more than the target so rounding never falls short.
    const double userPx =
        m_layout->basePointSize() * m_window->logicalDpiY() / 72.0 * m_layout->textScale();
    m_layout->setExtraScale(std::max(1.0, targetPx * 1.03 / std::max(1.0, userPx)));
    if (auto* charts = m_window->findChild<QDockWidget*>(QStringLiteral("chartsDock")))
        m_window->resizeDocks({charts}, {h * 46 / 100}, Qt::Vertical);
    if (auto* lesson = m_window->findChild<QDockWidget*>(QStringLiteral("lessonDock"));
        lesson && lesson->isVisible()) // wide enough for its text at this size
        m_window->resizeDocks({lesson}, {m_window->width() * 30 / 100}, Qt::Horizontal);
    QFont cf = m_window->font();
    cf.setPixelSize(static_cast<int>(std::lround(targetPx * 2.2)));
    cf.setBold(true);
    m_clock->setFont(cf);
    fitLabels(targetPx);
    placeClock();
    m_blank->setGeometry(m_window->rect());
}

// The topology fills its space; then node labels grow until they are targetPx tall on screen.
void Presentation::fitLabels(double targetPx) {
    for (int round = 0; round < 4; ++round) {
        m_view->fitAll();
        const double zoom = m_view->transform().m11();
        const double px = NodeItem::labelPointSize() * m_view->logicalDpiY() / 72.0 * zoom;
        if (px >= targetPx) return;
        NodeItem::setLabelScale(NodeItem::labelScale() * targetPx / px * 1.04);
        m_scene->refreshLabels();
    }
    m_view->fitAll();
}

void Presentation::placeClock() {
    m_clock->adjustSize();
    m_view->setTopMargin(m_clock->height() + 8);
    m_clock->move(m_view->width() - m_clock->width() - 16, 4);
    m_clock->raise();
}

// The chosen charts side by side in the first row of the charts' grid, the others hidden; back to
// their places on leaving.
// Presenting: only the chosen charts, side by side in one row (the charts panel keeps them so
// while the run goes on); leaving: every chart again, in its own place.
void Presentation::arrangeCharts(bool present) {
    m_charts->showOnly(present ? shownCharts() : QList<int>{});
}

void Presentation::setClock(const QString& text) {
    if (m_clock->text() == text) return;
    m_clock->setText(text);
    if (m_on) placeClock();
}

bool Presentation::isBlank() const {
    return m_blank->isVisible();
}

void Presentation::setBlank(bool on) {
    m_blank->setGeometry(m_window->rect());
    m_blank->setVisible(on && m_on);
    if (on) m_blank->raise();
}

// Black on white; lines at least 4 px in Okabe-Ito colours; a light colour (yellow, sky blue)
// that washes out on a projector is drawn black instead.
void Presentation::applyTheme(bool on) {
    // The charts' own high-contrast look (their lines are drawn by the panel, not by series);
    // their fonts follow the window's, which WindowLayout scales.
    m_charts->setPresentation(1.0, on);
    if (!on) {
        for (auto& [series, pen] : m_pens)
            if (series) series->setPen(pen);
        m_pens.clear();
        return;
    }
    for (QChartView* view : m_charts->views()) {
        for (QAbstractSeries* s : view->chart()->series()) {
            auto* xy = qobject_cast<QXYSeries*>(s);
            if (!xy) continue;
            m_pens.emplace_back(xy, xy->pen());
            QPen pen = xy->pen();
            if (pen.color().lightness() > 150) pen.setColor(palette::kBlack);
            pen.setWidthF(std::max(4.0, pen.widthF() * 1.8));
            xy->setPen(pen);
        }
        view->chart()->legend()->setLabelColor(Qt::black);
        for (QAbstractAxis* axis : view->chart()->axes()) axis->setLabelsColor(Qt::black);
    }
}

bool Presentation::eventFilter(QObject* watched, QEvent* event) {
    if (m_on && event->type() == QEvent::Resize && !m_relayoutQueued) {
        m_relayoutQueued = true; // once per burst of resizes, after they settle
        QTimer::singleShot(0, this, &Presentation::relayout);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace cs::ui
