// Simulation > Sweep: the open scenario run at evenly spaced values of one node field (the core's
// sweep, on every core, off the UI thread), one summary key plotted against throughput or the
// value, with the knee marked and, for one M/M/c group, Erlang C's curve beside the runs. The
// "Scale up vs scale out" preset sweeps a group's instances and its cores and plots p99 against
// the cost per hour. The plot exports as PNG or SVG, the runs as the CSV `clustersim-cli sweep`
// writes.
#pragma once

#include "Scenario.h"
#include "Sweep.h"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <memory>
#include <string>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineSeries;
class QProgressBar;
class QPushButton;
class QScatterSeries;
class QSpinBox;
class QTimer;

namespace cs::ui {

class SweepPlot;

class SweepDialog : public QDialog {
    Q_OBJECT
public:
    // `fileName` resolves the scenario's relative files (a rate series) and names it in messages.
    SweepDialog(const core::Scenario& scenario, const QString& fileName, QWidget* parent = nullptr);
    ~SweepDialog() override; // stops a running sweep and waits for its points in progress

    // The last sweep's CSV; after the preset, the scale-out sweep's (scaleUpCsv() the other).
    const std::string& csv() const { return m_result.csv; }
    const std::string& scaleUpCsv() const { return m_result.scaleUp; }
    QLineSeries* series() const { return m_series; }         // the measured key
    QLineSeries* theory() const { return m_theory; }         // Erlang C, or null
    QScatterSeries* knee() const { return m_knee; }          // the knee, or null
    QLineSeries* scaleOut() const { return m_scaleOutLine; } // the preset's two curves
    QLineSeries* scaleUp() const { return m_scaleUpLine; }
    // Writes the plot (.png, .svg) or the runs (.csv; after the preset, NAME-scale-out.csv and
    // NAME-scale-up.csv) atomically: "" on success, else a message naming the file.
    QString exportTo(const QString& path);

private:
    struct Result {
        std::string csv, scaleUp; // scaleUp: the preset's second sweep
    };
    enum class Mode { Sweep, Sizing };

    void buildForm();
    void fillFields();
    void fieldChanged();
    void run();
    void runSizing();
    void start(Mode mode, std::vector<core::SweepAxis> axes, std::vector<core::SweepAxis> second);
    void finished();
    void stop(); // the points in progress finish; nothing of the sweep is kept
    void plot();
    void plotSweep();
    void plotTheory(const std::string& xKey, const std::string& yKey);
    void plotSizing();
    void exportClicked();

    core::Scenario m_scenario;
    QString m_fileName;
    QComboBox *m_node = nullptr, *m_field = nullptr, *m_metric = nullptr, *m_against = nullptr;
    QDoubleSpinBox *m_from = nullptr, *m_to = nullptr, *m_duration = nullptr;
    QSpinBox* m_points = nullptr;
    QPushButton *m_run = nullptr, *m_preset = nullptr, *m_stop = nullptr, *m_export = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel *m_status = nullptr, *m_note = nullptr;
    SweepPlot* m_plot = nullptr;
    QLineSeries *m_series = nullptr, *m_theory = nullptr;
    QLineSeries *m_scaleOutLine = nullptr, *m_scaleUpLine = nullptr;
    QScatterSeries* m_knee = nullptr;
    QTimer* m_poll = nullptr;
    QFutureWatcher<Result> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<std::atomic<std::size_t>> m_done;
    std::size_t m_total = 0;
    Mode m_mode = Mode::Sweep;
    std::vector<core::SweepAxis> m_axes, m_second; // the runs' axes (m_second: the preset's)
    Result m_result;
    Mode m_resultMode = Mode::Sweep; // what m_result was run as (a Stop keeps it)
    std::vector<core::SweepAxis> m_resultAxes, m_resultSecond; // and its axes
};

// A varied field, "nodes[api].instances", as a person reads it: "api.instances".
QString sweepFieldText(const std::string& path);

} // namespace cs::ui
