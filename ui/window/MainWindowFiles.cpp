// MainWindow: files. New, Open, Save, Save As, recent files, session export, autosave and recovery.
#include "AutoLayout.h"
#include "Autosave.h"
#include "ChartsPanel.h"
#include "ExportFile.h"
#include "MainWindow.h"
#include "Presentation.h"
#include "WindowLayout.h"

#include "HistoryPanel.h"
#include "ScenarioIO.h"
#include "ScenarioLesson.h"
#include "TopologyScene.h"
#include "TopologyView.h"

#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>

#include <algorithm>

namespace cs::ui {
namespace {
// A function, not a static: the translation is installed after static initialisation.
QString scenarioFilter() {
    return QObject::tr(
        "ClusterSim scenarios (*.clustersim.json);;JSON files (*.json);;All files (*)");
}
} // namespace

bool MainWindow::openScenario(const QString& path, QString* error) {
    core::LoadResult loaded;
    if (path.startsWith(QLatin1Char(':'))) { // a built-in example, in the Qt resources
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            loaded.error =
                path.toStdString() + ": cannot open (" + f.errorString().toStdString() + ")";
        else
            loaded = core::loadScenarioText(f.readAll().toStdString(), path.toStdString());
    } else { // a user's file: only a regular file, read with a size cap
        loaded = core::loadScenarioFile(path.toStdString());
    }
    if (!loaded.ok) { // the open document stays as it was
        if (error)
            *error = QString::fromStdString(loaded.error);
        else if (m_interactive)
            QMessageBox::critical(this, tr("Cannot open scenario"),
                                  QString::fromStdString(loaded.error));
        return false;
    }
    for (const auto& w : loaded.warnings) statusBar()->showMessage(QString::fromStdString(w), 8000);
    openScenarioValue(loaded.scenario, path);
    if (!path.startsWith(':')) addRecent(path);
    return true;
}

bool MainWindow::openFromCommandLine(const QString& path) {
    QString error;
    if (openScenario(path, &error)) return true;
    core::Scenario empty;
    empty.name = tr("Untitled").toStdString();
    openScenarioValue(empty, {});
    statusBar()->showMessage(error);
    if (m_interactive)
        QTimer::singleShot(0, this, [this, error] {
            QMessageBox::critical(this, tr("Cannot open scenario"), error);
        });
    return false;
}

void MainWindow::openScenarioValue(const core::Scenario& input, const QString& path) {
    if (m_historyPanel) m_historyPanel->clear(); // another scenario's history would mislead
    core::Scenario s = input;
    // A file written by hand or by a script often has no positions: arrange it instead of
    // stacking every node at the origin.
    const bool unplaced = s.nodes.size() > 1 &&
                          std::all_of(s.nodes.begin(), s.nodes.end(),
                                      [](const core::NodeSpec& n) { return n.x == 0 && n.y == 0; });
    if (unplaced)
        for (const auto& [id, pos] : autoLayout(s))
            for (auto& n : s.nodes)
                if (n.id == id) {
                    n.x = pos.x();
                    n.y = pos.y();
                }
    m_doc->reset(s, path); // LiveSync reloads the engine
    updateTitle();
    QTimer::singleShot(0, m_view, &TopologyView::fitAll);
    m_fitOnSnapshot = true; // again once the engine has named the groups' members (larger frames)
}

bool MainWindow::saveTo(const QString& path, QString* error) {
    const QString err = m_doc->saveTo(path);
    if (!err.isEmpty()) {
        if (error)
            *error = err;
        else if (m_interactive)
            QMessageBox::critical(this, tr("Cannot save"), err);
        return false;
    }
    addRecent(path);
    updateTitle();
    m_autosave->discard(); // saved: nothing left to recover
    statusBar()->showMessage(tr("Saved %1").arg(path), 4000);
    return true;
}

bool MainWindow::save() {
    if (m_doc->filePath().isEmpty() || m_doc->filePath().startsWith(':')) return saveAs();
    return saveTo(m_doc->filePath());
}

bool MainWindow::saveAs() {
    QString path =
        QFileDialog::getSaveFileName(this, tr("Save scenario"), QString(), scenarioFilter());
    if (path.isEmpty()) return false;
    if (!path.endsWith(QLatin1String(".json"))) path += QStringLiteral(".clustersim.json");
    return saveTo(path);
}

core::Scenario MainWindow::sessionScenario() const {
    // The document already holds the live edits (a flip to AP at 35 s): starting from it would
    // replay the whole run with them.
    core::Scenario s = m_runStart;
    if (m_last && m_last->actions) {
        s.timeline = core::sessionTimeline(s, *m_last->actions); // the lesson adds its own
        for (const core::Action& a : m_runStart.timeline)        // the file's actions still to come
            if (a.at_us > m_last->simTime) s.timeline.push_back(a);
    }
    for (auto& n : s.nodes)
        if (const core::NodeSpec* now = m_doc->scenario().find(n.id)) {
            n.x = now->x;
            n.y = now->y;
        }
    return s;
}

void MainWindow::saveSessionAs() {
    QString path = QFileDialog::getSaveFileName(this, tr("Save session as scenario"), QString(),
                                                scenarioFilter());
    if (path.isEmpty()) return;
    const core::Scenario session = sessionScenario();
    std::string err = core::reloadError(session, path.toStdString()); // what would not open again
    if (err.empty()) err = core::saveScenarioFile(session, path.toStdString());
    if (!err.empty())
        QMessageBox::critical(this, tr("Cannot save"), QString::fromStdString(err));
    else
        statusBar()->showMessage(tr("Session saved: opening it replays this run exactly"), 6000);
}

bool MainWindow::maybeSave() {
    if (!m_doc->isModified() || !m_interactive) return true;
    std::unique_ptr<QMessageBox> box(unsavedChangesBox(this));
    const auto answer = static_cast<QMessageBox::StandardButton>(box->exec());
    if (answer == QMessageBox::Save) return save();
    return answer == QMessageBox::Discard;
}

// Enter saves (the default button); the focus is on Cancel, so a Space meant for the simulation
// (play/pause) cancels instead of saving silently. Cancel and Discard are not "auto default": a
// focused one would otherwise take Enter too.
QMessageBox* MainWindow::unsavedChangesBox(QWidget* parent) {
    auto* box =
        new QMessageBox(QMessageBox::Warning, tr("Unsaved changes"),
                        tr("The scenario has changes that are not saved. Save them?"),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, parent);
    box->setDefaultButton(QMessageBox::Save);
    for (auto which : {QMessageBox::Discard, QMessageBox::Cancel})
        qobject_cast<QPushButton*>(box->button(which))->setAutoDefault(false);
    box->setEscapeButton(QMessageBox::Cancel);
    box->button(QMessageBox::Cancel)->setFocus();
    return box;
}

void MainWindow::newScenario() {
    if (!maybeSave()) return;
    core::Scenario s;
    s.name = tr("Untitled").toStdString();
    openScenarioValue(s, {});
}

bool MainWindow::newFromPreset(const QString& resourcePath, QString* error) {
    QFile f(resourcePath);
    core::LoadResult loaded;
    if (!f.open(QIODevice::ReadOnly))
        loaded.error =
            resourcePath.toStdString() + ": cannot open (" + f.errorString().toStdString() + ")";
    else
        loaded = core::loadScenarioText(f.readAll().toStdString(), resourcePath.toStdString());
    if (!loaded.ok) {
        if (error)
            *error = QString::fromStdString(loaded.error);
        else if (m_interactive)
            QMessageBox::critical(this, tr("Cannot open preset"),
                                  QString::fromStdString(loaded.error));
        return false;
    }
    openScenarioValue(loaded.scenario, {}); // no path: untitled, Save asks where
    return true;
}

void MainWindow::openDialog() {
    if (!maybeSave()) return;
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open scenario"), QString(), scenarioFilter());
    if (!path.isEmpty()) openScenario(path);
}

void MainWindow::closeEvent(QCloseEvent* e) {
    if (!maybeSave()) {
        e->ignore();
        return;
    }
    m_autosave->discard(); // a clean exit leaves nothing to recover
    if (m_interactive) {   // the layout as the user left it (not presentation mode's)
        m_present->leave();
        QSettings settings;
        m_layout->save(settings);
    }
    e->accept();
}

void MainWindow::exportMetrics() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export metrics"), QStringLiteral("metrics.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty()) return;
    const QString err = saveBytes(path, m_charts->metricsCsv().toUtf8());
    if (!err.isEmpty()) QMessageBox::critical(this, tr("Cannot export"), err);
}

// The charts as the class sees them, for a slide: one PNG of every chart shown.
void MainWindow::exportCharts() {
    m_charts->refresh(); // the latest rows, not those of the last timer tick
    const QImage image = m_charts->chartsImage();
    if (image.isNull()) {
        QMessageBox::information(this, tr("Export charts"),
                                 tr("No chart is shown: open them with View > Charts first."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export charts"), QStringLiteral("charts.png"), tr("PNG images (*.png)"));
    if (path.isEmpty()) return;
    const QString err = saveImage(path, image);
    if (!err.isEmpty()) QMessageBox::critical(this, tr("Cannot export"), err);
}

void MainWindow::exportTopology() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export topology"), QStringLiteral("topology.png"),
                                     tr("PNG images (*.png);;SVG images (*.svg)"));
    if (path.isEmpty()) return;
    // The diagram with a margin, not the scene: that has the message layer's wide margin in it.
    const QRectF r = m_scene->diagramRect().adjusted(-20, -20, 20, 20);
    QString err;
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        err = saveSvg(path, r.size().toSize(), QRectF(QPointF(0, 0), r.size()),
                      QString::fromStdString(m_doc->scenario().name), [&](QPainter& p) {
                          m_scene->render(&p, QRectF(QPointF(0, 0), r.size()), r);
                      });
    } else {
        QImage img((r.size() * 2).toSize(), QImage::Format_ARGB32);
        img.fill(Qt::white);
        QPainter p(&img);
        p.setRenderHint(QPainter::Antialiasing);
        m_scene->render(&p, QRectF(QPointF(0, 0), r.size() * 2), r);
        p.end();
        err = saveImage(path, img);
    }
    if (!err.isEmpty()) QMessageBox::critical(this, tr("Cannot export"), err);
}

void MainWindow::autosave() {
    if (!m_doc->isModified()) return;
    m_autosave->save(m_doc->scenario()); // atomic; failure is harmless (the next one retries)
}

void MainWindow::offerRecovery() {
    if (!m_interactive) return;
    // Only the autosaves of instances that died: a running instance holds its file's lock.
    const QStringList orphans = m_autosave->orphans();
    if (orphans.isEmpty()) return;
    const QString newest = orphans.front();
    const auto answer =
        QMessageBox::question(this, tr("Recover unsaved work?"),
                              tr("ClusterSim did not close cleanly last time. Open the scenario "
                                 "it saved automatically?"));
    if (answer == QMessageBox::Yes) {
        QString error;
        if (!openScenario(newest, &error)) { // unreadable: kept aside, never deleted
            const QString aside = Autosave::setAside(newest);
            QMessageBox::warning(this, tr("Cannot recover"),
                                 tr("%1\n\nThe file was kept as %2.").arg(error, aside));
            return;
        }
        m_doc->reset(m_doc->scenario(), {}); // recovered work has no file yet
        m_doc->undoStack()->resetClean();    // ...and is unsaved: modified, asked about on close
        updateTitle();
        // Protected at once by this instance's own autosave, not only after the next timer tick.
        if (!m_autosave->save(m_doc->scenario())) return; // keep the orphan if that failed
    }
    for (const QString& f : orphans) QFile::remove(f);
}

void MainWindow::addRecent(const QString& path) {
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > 10) recent.removeLast();
    settings.setValue(QStringLiteral("recentFiles"), recent);
    rebuildRecentMenu();
}

// A settings file Qt cannot parse is kept aside, never deleted, and the defaults are used: the
// window opens as on a first start, and says why.
QString MainWindow::setSettingsAsideIfUnreadable() {
    QString file;
    {
        QSettings settings;
        if (settings.status() != QSettings::FormatError) return {};
        file = settings.fileName();
    } // closed before it is moved
    const QString aside = Autosave::setAside(file);
    return tr("The settings file %1 could not be read; it was kept as %2 and defaults are used.")
        .arg(QDir::toNativeSeparators(file), QDir::toNativeSeparators(aside));
}

void MainWindow::rebuildRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString& path : recent)
        m_recentMenu
            ->addAction(QFileInfo(path).fileName(), this,
                        [this, path] {
                            if (maybeSave()) openScenario(path);
                        })
            ->setToolTip(path);
    m_recentMenu->setEnabled(!recent.isEmpty());
}

} // namespace cs::ui
