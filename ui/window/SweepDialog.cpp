#include "SweepDialog.h"

#include "FieldTable.h"
#include "Run.h"
#include "SaveFile.h"
#include "Sweep.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent/QtConcurrentRun>

#include <sstream>

namespace cs::ui {
namespace {

std::vector<std::string> split(const std::string& line) {
    std::vector<std::string> out;
    std::istringstream in(line);
    for (std::string cell; std::getline(in, cell, ',');) out.push_back(cell);
    return out;
}

} // namespace

SweepDialog::SweepDialog(const core::Scenario& scenario, const QString& fileName, QWidget* parent)
    : QDialog(parent), m_scenario(scenario), m_fileName(fileName),
      m_cancel(std::make_shared<std::atomic<bool>>(false)),
      m_done(std::make_shared<std::atomic<std::size_t>>(0)) {
    setObjectName(QStringLiteral("sweepDialog"));
    setWindowTitle(tr("Sweep"));
    buildForm();
    connect(&m_watcher, &QFutureWatcher<std::string>::finished, this, &SweepDialog::finished);
    m_poll = new QTimer(this);
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this,
            [this] { m_progress->setValue(static_cast<int>(m_done->load())); });
    resize(760, 620);
}

SweepDialog::~SweepDialog() {
    m_cancel->store(true);
    m_watcher.waitForFinished();
}

void SweepDialog::buildForm() {
    auto* form = new QFormLayout;
    m_node = new QComboBox;
    m_node->setObjectName(QStringLiteral("sweepNode"));
    for (const auto& n : m_scenario.nodes) m_node->addItem(QString::fromStdString(n.id));
    m_field = new QComboBox;
    m_field->setObjectName(QStringLiteral("sweepField"));
    m_from = new QDoubleSpinBox;
    m_from->setObjectName(QStringLiteral("sweepFrom"));
    m_to = new QDoubleSpinBox;
    m_to->setObjectName(QStringLiteral("sweepTo"));
    m_points = new QSpinBox;
    m_points->setObjectName(QStringLiteral("sweepPoints"));
    m_points->setRange(2, 200);
    m_points->setValue(5);
    m_duration = new QDoubleSpinBox;
    m_duration->setObjectName(QStringLiteral("sweepDuration"));
    m_duration->setRange(0.1, 1e6);
    m_duration->setDecimals(1);
    m_duration->setSuffix(tr(" s"));
    m_duration->setValue(m_scenario.duration_s);
    m_metric = new QComboBox;
    m_metric->setObjectName(QStringLiteral("sweepMetric"));
    for (const auto& [key, value] : core::flattenSummary(core::Summary{}))
        m_metric->addItem(QString::fromStdString(key));
    m_metric->setCurrentText(QStringLiteral("latency_ms.p99"));
    form->addRow(tr("Node"), m_node);
    form->addRow(tr("Field"), m_field);
    form->addRow(tr("From"), m_from);
    form->addRow(tr("To"), m_to);
    form->addRow(tr("Points"), m_points);
    form->addRow(tr("Simulated time per run"), m_duration);
    form->addRow(tr("Plot"), m_metric);

    m_progress = new QProgressBar;
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("sweepStatus"));
    m_status->setWordWrap(true);
    m_chart = new QChart;
    m_chart->legend()->hide();
    auto* view = new QChartView(m_chart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(260);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_run = buttons->addButton(tr("Run"), QDialogButtonBox::ActionRole);
    m_run->setObjectName(QStringLiteral("sweepRun"));
    m_save = buttons->addButton(tr("Save CSV..."), QDialogButtonBox::ActionRole);
    m_save->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_run, &QPushButton::clicked, this, &SweepDialog::run);
    connect(m_save, &QPushButton::clicked, this, &SweepDialog::save);
    connect(m_node, &QComboBox::currentIndexChanged, this, &SweepDialog::fillFields);
    connect(m_field, &QComboBox::currentIndexChanged, this, &SweepDialog::fieldChanged);
    connect(m_metric, &QComboBox::currentIndexChanged, this, &SweepDialog::plot);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(view, 1);
    layout->addWidget(buttons);
    fillFields();
}

// The numeric fields of the chosen node's kind that apply to it, as the field table has them.
void SweepDialog::fillFields() {
    m_field->clear();
    const int i = m_node->currentIndex();
    if (i < 0) return;
    const core::NodeSpec& n = m_scenario.nodes[static_cast<std::size_t>(i)];
    for (const core::FieldRow& row : core::fieldTable()) {
        if ((row.type != core::FieldType::Number && row.type != core::FieldType::Integer) ||
            !row.access.set || !row.appliesTo(n))
            continue;
        const QString name = QString::fromLatin1(row.name);
        m_field->addItem(row.label ? QStringLiteral("%1 (%2)").arg(tr(row.label), name) : name,
                         name);
    }
    fieldChanged();
}

void SweepDialog::fieldChanged() {
    const int i = m_node->currentIndex();
    if (i < 0 || m_field->currentIndex() < 0) return;
    const core::NodeSpec& n = m_scenario.nodes[static_cast<std::size_t>(i)];
    const core::FieldRow* row =
        core::findField(n.kind, m_field->currentData().toString().toStdString());
    if (!row) return;
    const double lo = row->offBelow > 0 ? 0 : row->lo, hi = row->maxFor(n);
    const double now = std::get<double>(row->access.get(n));
    const int decimals = row->type == core::FieldType::Integer ? 0 : 3;
    for (QDoubleSpinBox* box : {m_from, m_to}) {
        box->setDecimals(decimals);
        box->setRange(lo, hi);
        box->setSuffix(row->unit && *row->unit ? QStringLiteral(" ") + row->unit : QString());
    }
    m_from->setValue(now / 2 >= lo ? now / 2 : lo);
    m_to->setValue(std::min(hi, now > 0 ? now * 2 : 1.0));
}

void SweepDialog::run() {
    if (m_watcher.isRunning() || m_field->currentIndex() < 0) return;
    const std::string arg =
        "nodes[" + m_node->currentText().toStdString() + "]." +
        m_field->currentData().toString().toStdString() + "=" + core::exactNumber(m_from->value()) +
        ":" + core::exactNumber(m_to->value()) + ":" + std::to_string(m_points->value());
    std::vector<core::SweepAxis> axes(1);
    std::string error;
    if (!core::parseSweepAxis(m_scenario, arg, axes[0], error))
        return m_status->setText(QString::fromStdString(error));
    if (const std::string bad = core::checkSweepGrid(m_scenario, axes, m_fileName.toStdString());
        !bad.empty())
        return m_status->setText(QString::fromStdString(bad));
    m_path = axes[0].path;
    m_total = axes[0].values.size();
    m_done->store(0);
    m_progress->setRange(0, static_cast<int>(m_total));
    m_progress->setValue(0);
    m_status->setText(tr("Running %1 points on every core...").arg(m_total));
    m_run->setEnabled(false);
    core::SweepOptions opt;
    opt.duration_s = m_duration->value();
    opt.cancel = m_cancel.get();
    opt.progress = [done = m_done](std::size_t n, std::size_t) { done->store(n); };
    // The worker holds its own copies and the shared counters: nothing of the dialog.
    m_watcher.setFuture(QtConcurrent::run([scenario = m_scenario, axes, opt, cancel = m_cancel] {
        return core::runSweep(scenario, axes, opt);
    }));
    m_poll->start();
}

void SweepDialog::finished() {
    m_poll->stop();
    m_run->setEnabled(true);
    m_csv = m_watcher.result();
    m_progress->setValue(static_cast<int>(m_total));
    m_save->setEnabled(!m_csv.empty());
    m_status->setText(tr("%1: %2 runs of %3 s each.")
                          .arg(QString::fromStdString(m_path))
                          .arg(m_total)
                          .arg(m_duration->value()));
    plot();
}

void SweepDialog::plot() {
    m_chart->removeAllSeries();
    for (QAbstractAxis* a : m_chart->axes()) { // removeAxis hands the axis back to us
        m_chart->removeAxis(a);
        delete a;
    }
    m_series = nullptr;
    std::istringstream in(m_csv);
    std::string line;
    if (!std::getline(in, line)) return;
    const auto header = split(line);
    const auto col = std::find(header.begin(), header.end(), m_metric->currentText().toStdString());
    if (col == header.end()) return;
    const auto index = static_cast<std::size_t>(col - header.begin());
    m_series = new QLineSeries;
    m_series->setPointsVisible(true);
    while (std::getline(in, line)) {
        const auto cells = split(line);
        if (cells.size() > index) m_series->append(std::stod(cells[1]), std::stod(cells[index]));
    }
    m_chart->addSeries(m_series);
    m_chart->createDefaultAxes();
    const auto h = m_chart->axes(Qt::Horizontal), v = m_chart->axes(Qt::Vertical);
    if (!h.isEmpty()) h.front()->setTitleText(QString::fromStdString(m_path));
    if (!v.isEmpty()) v.front()->setTitleText(m_metric->currentText());
    // From zero: a y-axis fitted to 100.9-102.9 makes noise look like a trend.
    if (auto* y = v.isEmpty() ? nullptr : qobject_cast<QValueAxis*>(v.front())) {
        y->setMin(std::min(0.0, y->min()));
        y->applyNiceNumbers();
    }
}

void SweepDialog::save() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save Sweep"), QStringLiteral("sweep.csv"), tr("CSV (*.csv)"));
    if (path.isEmpty()) return;
    const std::string err = core::saveFileAtomically(path.toStdString(), m_csv);
    m_status->setText(err.empty() ? tr("Saved %1").arg(path) : QString::fromStdString(err));
}

} // namespace cs::ui
