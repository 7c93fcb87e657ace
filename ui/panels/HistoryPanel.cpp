#include "HistoryPanel.h"

#include "HistoryView.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace cs::ui {

HistoryPanel::HistoryPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    auto* openFile = new QPushButton(tr("Open a history file…"));
    openFile->setToolTip(tr("A Jepsen etcd log or an EDN key-value history: check it and show it"));
    auto* live = new QPushButton(tr("Check the live run's recent history"));
    live->setObjectName(QStringLiteral("liveHistory"));
    live->setToolTip(
        tr("The last operations clients made on replicated stores, checked for linearizability"));
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("historyProgress"));
    m_progress->setRange(0, 0); // busy: a search has no known length
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    m_stop = new QPushButton(tr("Stop"));
    m_stop->setObjectName(QStringLiteral("historyStop"));
    m_stop->setToolTip(tr("Stop checking: the history stays shown, marked as not checked"));
    m_stop->hide();
    m_status = new QLabel;
    bar->addWidget(openFile);
    bar->addWidget(live);
    bar->addWidget(m_progress);
    bar->addWidget(m_stop);
    bar->addWidget(m_status);
    bar->addStretch();
    layout->addLayout(bar);
    m_view = new HistoryView;
    m_scroll = new QScrollArea;
    m_scroll->setWidget(m_view);
    m_scroll->setWidgetResizable(true);
    layout->addWidget(m_scroll, 1);
    connect(openFile, &QPushButton::clicked, this, &HistoryPanel::openFileRequested);
    connect(live, &QPushButton::clicked, this, &HistoryPanel::liveRequested);
    connect(m_stop, &QPushButton::clicked, this, &HistoryPanel::stop);
    connect(&m_watcher, &QFutureWatcher<core::HistoryVerdict>::finished, this,
            &HistoryPanel::onCheckFinished);
}

HistoryPanel::~HistoryPanel() {
    stop();
    m_watcher.waitForFinished(); // the worker reads the flag it owns a share of; this is tidy
}

bool HistoryPanel::checking() const {
    return m_watcher.isRunning();
}

void HistoryPanel::stop() {
    if (m_cancel) m_cancel->store(true);
}

void HistoryPanel::clear() {
    stop();
    m_watcher.waitForFinished();
    m_view->clear();
    m_status->clear();
    m_progress->hide();
    m_stop->hide();
    m_expecting = false;
}

bool HistoryPanel::showHistory(const QString& text, const QString& title, bool window,
                               QString& error) {
    core::History h;
    std::string err;
    const bool ok = window
                        ? core::parseHistoryWindow(text.toStdString(), title.toStdString(), h, err)
                        : core::parseHistory(text.toStdString(), title.toStdString(), h, err);
    if (!ok) {
        error = QString::fromStdString(err);
        return false;
    }
    stop(); // a check still running is for the history being replaced
    m_watcher.waitForFinished();
    m_view->setHistory(h, title);
    m_scroll->verticalScrollBar()->setValue(0); // the header, with what is being checked
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_status->setText(tr("checking %L1 operations…").arg(h.ops.size()));
    m_progress->show();
    m_stop->show();
    m_expecting = true;
    m_watcher.setFuture(QtConcurrent::run([h = std::move(h), cancel = m_cancel] {
        core::CheckBudget budget;
        budget.cancel = cancel.get();
        return core::checkHistory(h, core::defaultModel(h), budget);
    }));
    return true;
}

void HistoryPanel::onCheckFinished() {
    if (!m_expecting) return; // the history it was for is gone
    m_expecting = false;
    const bool stopped = m_cancel && m_cancel->load();
    const core::HistoryVerdict v = m_watcher.result();
    m_progress->hide();
    m_stop->hide();
    m_status->setText(stopped ? tr("stopped") : QString());
    m_view->setVerdict(v, stopped);
    // Show the operation that fits no order (its lane may be far down), else the header.
    const QRectF bad = m_view->badBar();
    if (bad.isEmpty())
        m_scroll->verticalScrollBar()->setValue(0);
    else
        m_scroll->ensureVisible(static_cast<int>(bad.center().x()),
                                static_cast<int>(bad.center().y()), 50, 120);
    emit checked();
}

} // namespace cs::ui
