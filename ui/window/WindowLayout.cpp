#include "WindowLayout.h"

#include "ChartPlot.h"
#include "ChartsPanel.h"
#include "NodeItem.h"
#include "TopologyScene.h"

#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QDockWidget>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QLegend>
#include <QMainWindow>
#include <QScreen>
#include <QSettings>
#include <QToolBar>

#include <algorithm>

namespace cs::ui {

namespace {
const QString kStateKey = QStringLiteral("layout/state");
const QString kGeometryKey = QStringLiteral("layout/geometry");
const QString kVersionKey = QStringLiteral("layout/version");
const QString kScaleKey = QStringLiteral("view/textScale");

QDockWidget* dockNamed(QMainWindow* w, const char* name) {
    return w->findChild<QDockWidget*>(QLatin1String(name));
}
} // namespace

WindowLayout::WindowLayout(QMainWindow* window, ChartsPanel* charts, TopologyScene* scene)
    : QObject(window), m_window(window), m_charts(charts), m_scene(scene),
      m_baseFont(window->font()) {}

void WindowLayout::captureDefault() {
    m_default = m_window->saveState(kVersion);
}

// The default layout: palette and lesson left, inspector and log right, charts below taking half
// the height (they scroll when that leaves less than a readable plot each).
void WindowLayout::applyDefault() {
    if (!m_default.isEmpty()) m_window->restoreState(m_default, kVersion);
    if (QDockWidget* d = dockNamed(m_window, "inspectorDock"))
        m_window->resizeDocks({d}, {std::min(380, m_window->width() * 30 / 100)}, Qt::Horizontal);
    if (QDockWidget* d = dockNamed(m_window, "paletteDock"))
        m_window->resizeDocks({d}, {std::min(200, m_window->width() * 17 / 100)}, Qt::Horizontal);
    if (QDockWidget* d = dockNamed(m_window, "chartsDock"))
        m_window->resizeDocks({d}, {m_window->height() / 2}, Qt::Vertical);
    // The inspector over the event log gets most of the column: its fields are edited, the log's
    // last lines are read (at 1280x720 an even split showed two and a half fields).
    QDockWidget* inspector = dockNamed(m_window, "inspectorDock");
    QDockWidget* log = dockNamed(m_window, "logDock");
    if (inspector && log && m_window->dockWidgetArea(inspector) == m_window->dockWidgetArea(log))
        m_window->resizeDocks({inspector, log}, {65, 35}, Qt::Vertical);
}

void WindowLayout::setTextScale(double scale) {
    m_scale = std::clamp(scale, kMinScale, kMaxScale);
    applyFonts();
}

void WindowLayout::setExtraScale(double extra) {
    m_extra = std::clamp(extra, 0.5, 4.0);
    applyFonts();
}

void WindowLayout::applyFonts() {
    const double s = effectiveScale();
    QFont f = m_baseFont;
    f.setPointSizeF(m_baseFont.pointSizeF() * s);
    m_window->setFont(f);
    QFont title = f;
    title.setPointSizeF(f.pointSizeF() * 1.15);
    title.setBold(true);
    for (QChartView* view : m_charts->views()) {
        QChart* c = view->chart();
        c->setTitleFont(title);
        c->legend()->setFont(f);
        for (QAbstractAxis* axis : c->axes()) {
            axis->setLabelsFont(f);
            axis->setTitleFont(f);
        }
        // The markers' labels (drawn at 0.8 of the view's font): as large as the rest when
        // presenting.
        QFont markers = f;
        if (m_extra > 1.0) markers.setPointSizeF(f.pointSizeF() / 0.8);
        view->setFont(markers);
    }
    NodeItem::setLabelScale(s);
    m_scene->refreshLabels();
    keepChartsReadable();
}

// A chart's height beyond its plot: title, legend, tick labels and margins, from the fonts it draws
// with. Each chart asks for that plus kMinPlotHeight; the charts dock scrolls when they do not fit.
void WindowLayout::keepChartsReadable() {
    for (MarkedChartView* view : m_charts->views()) {
        QChart* c = view->chart();
        const QFontMetricsF title(c->titleFont()), text(c->legend()->font());
        const double overhead = title.height() + 2 * text.height() + 3 * text.lineSpacing() / 2 +
                                c->margins().top() + c->margins().bottom() + 24 +
                                view->laneHeight(); // the markers' lane above the plot
        view->setMinimumHeight(kMinPlotHeight + static_cast<int>(overhead));
    }
    m_charts->fitRows();
}

void WindowLayout::save(QSettings& settings) const {
    settings.setValue(kVersionKey, kVersion);
    settings.setValue(kStateKey, m_window->saveState(kVersion));
    settings.setValue(kGeometryKey, m_window->saveGeometry());
    settings.setValue(kScaleKey, m_scale);
}

QString WindowLayout::restore(QSettings& settings) {
    if (settings.contains(kScaleKey)) {
        bool ok = false;
        const double scale = settings.value(kScaleKey).toDouble(&ok);
        if (ok && scale >= kMinScale && scale <= kMaxScale) setTextScale(scale);
    }
    if (!settings.contains(kStateKey)) return {};
    if (settings.value(kVersionKey).toInt() != kVersion) {
        applyDefault();
        return tr("The window layout saved by an older version of ClusterSim was not restored; "
                  "this is the default layout.");
    }
    const QByteArray geometry = settings.value(kGeometryKey).toByteArray();
    const QRect before = m_window->geometry();
    if (!geometry.isEmpty() && !m_window->restoreGeometry(geometry)) m_window->setGeometry(before);
    if (!m_window->restoreState(settings.value(kStateKey).toByteArray(), kVersion)) {
        applyDefault();
        return tr("The saved window layout could not be read; this is the default layout.");
    }
    // Saved on a larger screen: as large as this one allows.
    if (const QScreen* screen = m_window->screen()) {
        const QRect avail = screen->availableGeometry();
        if (m_window->width() > avail.width() || m_window->height() > avail.height())
            m_window->resize(std::min(m_window->width(), avail.width()),
                             std::min(m_window->height(), avail.height()));
    }
    return {};
}

QStringList WindowLayout::problems(const QMainWindow* window) {
    QStringList out;
    const QRect inside = window->rect();
    QList<std::pair<QString, QRect>> docked;
    for (const QDockWidget* d : window->findChildren<QDockWidget*>()) {
        // Hidden, or a tab behind another dock: nothing of it shows.
        if (!d->isVisible() || d->visibleRegion().isEmpty()) continue;
        if (d->isFloating()) {
            bool onScreen = false;
            for (const QScreen* s : QGuiApplication::screens())
                onScreen |= s->availableGeometry().intersects(d->frameGeometry());
            if (!onScreen) out << tr("%1 floats off every screen").arg(d->windowTitle());
            continue;
        }
        if (!inside.contains(d->geometry()))
            out << tr("%1 is outside the window").arg(d->windowTitle());
        docked.append({d->windowTitle(), d->geometry()});
    }
    if (const QWidget* c = window->centralWidget()) {
        if (!c->isVisible() || c->width() < 200 || c->height() < 120)
            out << tr("no room for the topology");
        docked.append({tr("the topology"), c->geometry()});
    }
    for (qsizetype i = 0; i < docked.size(); ++i)
        for (qsizetype j = i + 1; j < docked.size(); ++j)
            if (docked[i].second.intersects(docked[j].second))
                out << tr("%1 overlaps %2").arg(docked[i].first, docked[j].first);
    const auto* run = window->findChild<QToolBar*>(QStringLiteral("runToolbar"));
    if (run && !run->isVisible() && !window->isFullScreen()) out << tr("the run toolbar is hidden");
    return out;
}

} // namespace cs::ui
