// The main window (placeholder until the app issue): run controls, live charts, nodes and event
// log.
#pragma once

#include "SimController.h"

#include <QMainWindow>
#include <QPointF>
#include <QVector>

class QChart;
class QLabel;
class QLineSeries;
class QListWidget;
class QTableWidget;
class QValueAxis;

namespace cs::ui {

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow();
    ~MainWindow() override;
    // Loads a scenario file (or a ":/" resource). On error the open document is untouched and the
    // loader's message goes to *error, or, when error is null, to a dialog.
    bool openScenario(const QString& path, QString* error = nullptr);
    void play();
    // Runs to `simS` as fast as possible, saves a PNG of the window and quits the application.
    void screenshotAfter(double simS, const QString& png);

private:
    void onSnapshot(const SnapshotPtr& snap);
    void refreshCharts();
    QChart* makeChart(const QString& title, const QString& yTitle, QValueAxis*& x, QValueAxis*& y);

    ControllerThread thread_;
    SimController* controller_;
    QLabel* timeLabel_ = nullptr;
    QTableWidget* nodeTable_ = nullptr;
    QListWidget* log_ = nullptr;
    QLineSeries *p50_ = nullptr, *p99_ = nullptr, *throughput_ = nullptr, *offered_ = nullptr,
                *errors_ = nullptr;
    QValueAxis *latX_ = nullptr, *latY_ = nullptr, *thrX_ = nullptr, *thrY_ = nullptr;
    QVector<QPointF> p50Pts_, p99Pts_, thrPts_, offPts_, errPts_;
    double latest_ = 0;
    double screenshotAt_ = -1;
    QString screenshotPath_;
};

} // namespace cs::ui
