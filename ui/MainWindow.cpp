#include "MainWindow.h"

#include "ScenarioIO.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QMessageBox>
#include <QSplitter>
#include <QTableWidget>
#include <QToolBar>
#include <QValueAxis>

#include <algorithm>

namespace cs::ui {
namespace {
constexpr double kWindowS = 60.0; // rolling chart window
// Okabe-Ito colours: distinguishable with colour-blindness and on a projector.
const QColor kBlue(0, 114, 178), kOrange(230, 159, 0), kGreen(0, 158, 115), kVermillion(213, 94, 0),
    kSky(86, 180, 233);

QLineSeries* addSeries(QChart* chart, const QString& name, const QColor& colour, QValueAxis* x,
                       QValueAxis* y) {
    auto* s = new QLineSeries;
    s->setName(name);
    QPen pen(colour);
    pen.setWidthF(3.0);
    s->setPen(pen);
    chart->addSeries(s);
    s->attachAxis(x);
    s->attachAxis(y);
    return s;
}
} // namespace

MainWindow::MainWindow() : controller_(thread_.controller()) {
    setWindowTitle(tr("ClusterSim"));
    resize(1400, 900);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    setFont(big);

    auto* tools = addToolBar(tr("Run"));
    tools->setObjectName(QStringLiteral("runToolbar"));
    tools->addAction(tr("▶ Play"), this, &MainWindow::play);
    tools->addAction(tr("⏸ Pause"), controller_,
                     [this] { QMetaObject::invokeMethod(controller_, &SimController::pause); });
    auto* speed = new QComboBox;
    speed->setObjectName(QStringLiteral("speed"));
    for (double s : {0.1, 0.5, 1.0, 2.0, 5.0, 10.0, 100.0}) speed->addItem(tr("%1×").arg(s), s);
    speed->addItem(tr("max"), 0.0);
    speed->setCurrentIndex(2);
    connect(speed, &QComboBox::currentIndexChanged, this, [this, speed](int i) {
        const double v = speed->itemData(i).toDouble();
        QMetaObject::invokeMethod(controller_, [c = controller_, v] { c->setSpeed(v); });
    });
    tools->addWidget(speed);
    timeLabel_ = new QLabel;
    timeLabel_->setObjectName(QStringLiteral("simTime"));
    timeLabel_->setMinimumWidth(220);
    tools->addSeparator();
    tools->addWidget(timeLabel_);

    auto* charts = new QSplitter(Qt::Vertical);
    QChart* lat = makeChart(tr("Latency (successful requests)"), tr("ms"), latX_, latY_);
    p50_ = addSeries(lat, tr("p50"), kBlue, latX_, latY_);
    p99_ = addSeries(lat, tr("p99"), kVermillion, latX_, latY_);
    QChart* thr = makeChart(tr("Throughput and errors"), tr("requests/s"), thrX_, thrY_);
    offered_ = addSeries(thr, tr("offered"), kSky, thrX_, thrY_);
    throughput_ = addSeries(thr, tr("throughput"), kGreen, thrX_, thrY_);
    errors_ = addSeries(thr, tr("errors"), kOrange, thrX_, thrY_);
    for (QChart* c : {lat, thr}) {
        auto* view = new QChartView(c);
        view->setRenderHint(QPainter::Antialiasing);
        charts->addWidget(view);
    }
    setCentralWidget(charts);

    nodeTable_ = new QTableWidget(0, 4);
    nodeTable_->setObjectName(QStringLiteral("nodes"));
    nodeTable_->setHorizontalHeaderLabels(
        {tr("Node"), tr("State"), tr("Busy cores"), tr("Queued")});
    nodeTable_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    nodeTable_->verticalHeader()->hide();
    nodeTable_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* nodesDock = new QDockWidget(tr("Nodes"));
    nodesDock->setObjectName(QStringLiteral("nodesDock"));
    nodesDock->setWidget(nodeTable_);
    addDockWidget(Qt::RightDockWidgetArea, nodesDock);

    log_ = new QListWidget;
    log_->setObjectName(QStringLiteral("eventLog"));
    auto* logDock = new QDockWidget(tr("Event log"));
    logDock->setObjectName(QStringLiteral("logDock"));
    logDock->setWidget(log_);
    addDockWidget(Qt::RightDockWidgetArea, logDock);

    connect(controller_, &SimController::snapshotReady, this, &MainWindow::onSnapshot);
}

MainWindow::~MainWindow() = default;

QChart* MainWindow::makeChart(const QString& title, const QString& yTitle, QValueAxis*& x,
                              QValueAxis*& y) {
    auto* chart = new QChart;
    chart->setTitle(title);
    QFont tf = font();
    tf.setPointSizeF(tf.pointSizeF() * 1.2);
    tf.setBold(true);
    chart->setTitleFont(tf);
    chart->legend()->setFont(font());
    chart->legend()->setAlignment(Qt::AlignRight);
    x = new QValueAxis;
    x->setTitleText(tr("simulated time (s)"));
    y = new QValueAxis;
    y->setTitleText(yTitle);
    for (QValueAxis* a : {x, y}) {
        a->setLabelsFont(font());
        a->setTitleFont(font());
    }
    y->setLabelFormat(QStringLiteral("%.0f"));
    x->setLabelFormat(QStringLiteral("%.0f"));
    x->setRange(0, kWindowS);
    y->setRange(0, 1);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    return chart;
}

bool MainWindow::openScenario(const QString& path, QString* error) {
    QFile f(path);
    core::LoadResult loaded;
    if (!f.open(QIODevice::ReadOnly)) {
        loaded.error = path.toStdString() + ": cannot open (" + f.errorString().toStdString() + ")";
    } else {
        loaded = core::loadScenarioText(f.readAll().toStdString(), path.toStdString());
    }
    if (!loaded.ok) {
        if (error)
            *error = QString::fromStdString(loaded.error);
        else
            QMessageBox::critical(this, tr("Cannot open scenario"),
                                  QString::fromStdString(loaded.error));
        return false;
    }
    setWindowTitle(tr("%1 — ClusterSim").arg(QString::fromStdString(loaded.scenario.name)));
    for (auto* v : {&p50Pts_, &p99Pts_, &thrPts_, &offPts_, &errPts_}) v->clear();
    log_->clear();
    QMetaObject::invokeMethod(controller_, [c = controller_, s = loaded.scenario] { c->load(s); });
    return true;
}

void MainWindow::play() {
    QMetaObject::invokeMethod(controller_, &SimController::play);
}

void MainWindow::screenshotAfter(double simS, const QString& png) {
    screenshotAt_ = simS;
    screenshotPath_ = png;
    QMetaObject::invokeMethod(controller_, [c = controller_, simS] { c->runUntilSeconds(simS); });
}

void MainWindow::onSnapshot(const SnapshotPtr& snap) {
    for (const auto& r : snap->newRows) {
        p50Pts_.append({r.t_s, r.latency_ms_p50});
        p99Pts_.append({r.t_s, r.latency_ms_p99});
        thrPts_.append({r.t_s, r.throughput_rps});
        offPts_.append({r.t_s, r.offered_rps});
        errPts_.append({r.t_s, r.error_rps});
        latest_ = r.t_s;
    }
    for (const auto& e : snap->newLog)
        log_->addItem(QStringLiteral("%1 s  %2")
                          .arg(static_cast<double>(e.time) / 1e6, 0, 'f', 2)
                          .arg(QString::fromStdString(e.text)));
    if (!snap->newLog.empty()) log_->scrollToBottom();

    nodeTable_->setRowCount(static_cast<int>(snap->nodes.size()));
    for (int i = 0; i < static_cast<int>(snap->nodes.size()); ++i) {
        const auto& n = snap->nodes[static_cast<std::size_t>(i)];
        const QStringList cells = {QString::fromStdString(n.name), n.alive ? tr("up") : tr("DOWN"),
                                   n.cores ? QStringLiteral("%1 / %2").arg(n.busy).arg(n.cores)
                                           : QString(),
                                   n.cores ? QString::number(n.queued) : QString()};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = nodeTable_->item(i, c);
            if (!item) nodeTable_->setItem(i, c, item = new QTableWidgetItem);
            item->setText(cells[c]);
            item->setForeground(n.alive ? palette().text() : QBrush(kVermillion));
        }
    }
    timeLabel_->setText(tr("t = %1 s / %2 s")
                            .arg(static_cast<double>(snap->simTime) / 1e6, 0, 'f', 1)
                            .arg(snap->duration_s, 0, 'f', 0));
    refreshCharts();

    if (screenshotAt_ >= 0 && static_cast<double>(snap->simTime) / 1e6 >= screenshotAt_ - 1e-9) {
        screenshotAt_ = -1;
        QApplication::processEvents();
        const bool ok = grab().save(screenshotPath_);
        QApplication::exit(ok ? 0 : 1);
    }
}

void MainWindow::refreshCharts() {
    const double from = std::max(0.0, latest_ - kWindowS);
    auto window = [from](const QVector<QPointF>& pts) {
        auto it = std::lower_bound(pts.begin(), pts.end(), from,
                                   [](const QPointF& p, double t) { return p.x() < t; });
        return QList<QPointF>(it, pts.end());
    };
    auto maxY = [](const QList<QPointF>& pts) {
        double m = 0;
        for (const auto& p : pts) m = std::max(m, p.y());
        return m;
    };
    const auto a = window(p50Pts_), b = window(p99Pts_), c = window(thrPts_), d = window(offPts_),
               e = window(errPts_);
    p50_->replace(a);
    p99_->replace(b);
    throughput_->replace(c);
    offered_->replace(d);
    errors_->replace(e);
    for (QValueAxis* x : {latX_, thrX_}) x->setRange(from, std::max(from + kWindowS, latest_));
    const double latMax = std::max(1.0, maxY(b) * 1.15);
    const double thrMax = std::max({1.0, maxY(c), maxY(d), maxY(e)}) * 1.15;
    latY_->setRange(0, latMax);
    thrY_->setRange(0, thrMax);
}

} // namespace cs::ui
