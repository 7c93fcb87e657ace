// Simulation > Sweep: the open scenario run at evenly spaced values of one node field (the core's
// sweep, on every core, off the UI thread), one summary key plotted against the value, and the
// whole table saved as the CSV `clustersim-cli sweep` writes.
#pragma once

#include "Scenario.h"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <memory>
#include <string>

class QChart;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineSeries;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;

namespace cs::ui {

class SweepDialog : public QDialog {
    Q_OBJECT
public:
    // `fileName` resolves the scenario's relative files (a rate series) and names it in messages.
    SweepDialog(const core::Scenario& scenario, const QString& fileName, QWidget* parent = nullptr);
    ~SweepDialog() override; // stops a running sweep and waits for its points in progress

    const std::string& csv() const { return m_csv; }
    QLineSeries* series() const { return m_series; }

private:
    void buildForm();
    void fillFields();
    void fieldChanged();
    void run();
    void finished();
    void plot();
    void save();

    core::Scenario m_scenario;
    QString m_fileName;
    QComboBox *m_node = nullptr, *m_field = nullptr, *m_metric = nullptr;
    QDoubleSpinBox *m_from = nullptr, *m_to = nullptr, *m_duration = nullptr;
    QSpinBox* m_points = nullptr;
    QPushButton *m_run = nullptr, *m_save = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QChart* m_chart = nullptr;
    QLineSeries* m_series = nullptr;
    QTimer* m_poll = nullptr;
    QFutureWatcher<std::string> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<std::atomic<std::size_t>> m_done;
    std::size_t m_total = 0;
    std::string m_csv, m_path; // the last result and its varied path
};

} // namespace cs::ui
