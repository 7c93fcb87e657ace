// The History dock: a history as lanes (HistoryView), checked for linearizability on a worker
// thread with a progress indication and a Stop button, so a long check never freezes the window.
#pragma once

#include "History.h"

#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QScrollArea;

namespace cs::ui {

class HistoryView;

class HistoryPanel : public QWidget {
    Q_OBJECT
public:
    explicit HistoryPanel(QWidget* parent = nullptr);
    ~HistoryPanel() override;
    HistoryView* view() const { return m_view; }
    // Parses `text` (a whole history file, or with `window` a live run's recent lines, cut at a
    // consistent point per key), shows it and starts checking it. False, with `error`, if it
    // cannot be read.
    bool showHistory(const QString& text, const QString& title, bool window, QString& error);
    bool checking() const;
    void stop();  // stops the running check: the view says "not checked"
    void clear(); // stops any check; nothing shown

signals:
    void openFileRequested();
    void liveRequested();
    void checked(); // a verdict (or a stop) reached the view

private:
    void onCheckFinished();

    HistoryView* m_view = nullptr;
    QScrollArea* m_scroll = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_stop = nullptr;
    QLabel* m_status = nullptr;
    QFutureWatcher<core::HistoryVerdict> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_expecting = false; // a check's verdict is awaited for the history shown
};

} // namespace cs::ui
