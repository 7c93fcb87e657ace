#include "SweepDialog.h"

#include "CompareTable.h"
#include "FieldTable.h"
#include "QueueTheory.h"
#include "Run.h"
#include "SaveFile.h"
#include "SweepPlot.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace cs::ui {

SweepDialog::SweepDialog(const core::Scenario& scenario, const QString& fileName, QWidget* parent)
    : QDialog(parent), m_scenario(scenario), m_fileName(fileName),
      m_cancel(std::make_shared<std::atomic<bool>>(false)),
      m_done(std::make_shared<std::atomic<std::size_t>>(0)) {
    setObjectName(QStringLiteral("sweepDialog"));
    setWindowTitle(tr("Sweep"));
    buildForm();
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, &SweepDialog::finished);
    m_poll = new QTimer(this);
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this,
            [this] { m_progress->setValue(static_cast<int>(m_done->load())); });
    resize(760, 680);
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
    m_against = new QComboBox;
    m_against->setObjectName(QStringLiteral("sweepAgainst"));
    m_against->addItem(tr("the varied field"), QString());
    for (const auto& [key, value] : core::flattenSummary(core::Summary{})) {
        const QString text = summaryKeyName(key), data = QString::fromStdString(key);
        m_metric->addItem(text, data);
        m_against->addItem(text, data);
        // The key as the file and the CLI name it, for whoever knows it by that name.
        m_metric->setItemData(m_metric->count() - 1, data, Qt::ToolTipRole);
        m_against->setItemData(m_against->count() - 1, data, Qt::ToolTipRole);
    }
    m_metric->setCurrentIndex(m_metric->findData(QStringLiteral("latency_ms.p99")));
    m_against->setCurrentIndex(m_against->findData(QStringLiteral("throughput_rps")));
    form->addRow(tr("Node"), m_node);
    form->addRow(tr("Field"), m_field);
    form->addRow(tr("From"), m_from);
    form->addRow(tr("To"), m_to);
    form->addRow(tr("Points"), m_points);
    form->addRow(tr("Simulated time per run"), m_duration);
    form->addRow(tr("Plot"), m_metric);
    form->addRow(tr("Against"), m_against);

    m_progress = new QProgressBar;
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("sweepStatus"));
    m_status->setWordWrap(true);
    m_note = new QLabel;
    m_note->setObjectName(QStringLiteral("sweepTheoryNote"));
    m_note->setWordWrap(true);
    m_plot = new SweepPlot;
    m_plot->setToolTip(
        tr("Knee: the last point before latency grows faster than throughput (from there a 1% "
           "rise in throughput costs more than 1% in latency).\nErlang C (theory): the M/M/c "
           "response time, P(wait > t) = C(c, a) exp(-(c mu - lambda) t), plus the links."));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_run = buttons->addButton(tr("Run"), QDialogButtonBox::ActionRole);
    m_run->setObjectName(QStringLiteral("sweepRun"));
    m_preset = buttons->addButton(tr("Scale up vs scale out"), QDialogButtonBox::ActionRole);
    m_preset->setObjectName(QStringLiteral("sweepPreset"));
    m_preset->setToolTip(tr("Runs the chosen service group at 1 to N instances (scale out) and at "
                            "1 to N cores (scale up), N = Points, and plots the key against the "
                            "cost per hour"));
    m_stop = buttons->addButton(tr("Stop"), QDialogButtonBox::ActionRole);
    m_stop->setObjectName(QStringLiteral("sweepStop"));
    m_stop->setEnabled(false);
    m_export = buttons->addButton(tr("Export..."), QDialogButtonBox::ActionRole);
    m_export->setObjectName(QStringLiteral("sweepExport"));
    m_export->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_run, &QPushButton::clicked, this, &SweepDialog::run);
    connect(m_preset, &QPushButton::clicked, this, &SweepDialog::runSizing);
    connect(m_stop, &QPushButton::clicked, this, &SweepDialog::stop);
    connect(m_export, &QPushButton::clicked, this, &SweepDialog::exportClicked);
    connect(m_node, &QComboBox::currentIndexChanged, this, &SweepDialog::fillFields);
    connect(m_field, &QComboBox::currentIndexChanged, this, &SweepDialog::fieldChanged);
    connect(m_metric, &QComboBox::currentIndexChanged, this, &SweepDialog::plot);
    connect(m_against, &QComboBox::currentIndexChanged, this, &SweepDialog::plot);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_note);
    layout->addWidget(m_plot, 1);
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
    m_preset->setEnabled(n.kind == core::NodeKind::ServiceGroup);
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
    start(Mode::Sweep, std::move(axes), {});
}

// The preset: the group's instances 1..N, then its cores 1..N, everything else as it is.
void SweepDialog::runSizing() {
    if (m_watcher.isRunning()) return;
    const std::string id = m_node->currentText().toStdString();
    const std::string n = std::to_string(m_points->value());
    const std::string range = "=1:" + n + ":" + n;
    std::vector<core::SweepAxis> out(1), up(1);
    std::string error;
    if (!core::parseSweepAxis(m_scenario, "nodes[" + id + "].instances" + range, out[0], error) ||
        !core::parseSweepAxis(m_scenario, "nodes[" + id + "].cores" + range, up[0], error))
        return m_status->setText(QString::fromStdString(error));
    for (const auto* axes : {&out, &up})
        if (const std::string bad =
                core::checkSweepGrid(m_scenario, *axes, m_fileName.toStdString());
            !bad.empty())
            return m_status->setText(QString::fromStdString(bad));
    start(Mode::Sizing, std::move(out), std::move(up));
}

void SweepDialog::start(Mode mode, std::vector<core::SweepAxis> axes,
                        std::vector<core::SweepAxis> second) {
    m_mode = mode;
    m_axes = std::move(axes);
    m_second = std::move(second);
    const std::size_t first = core::sweepPointCount(m_axes);
    m_total = first + (m_second.empty() ? 0 : core::sweepPointCount(m_second));
    m_done->store(0);
    m_progress->setRange(0, static_cast<int>(m_total));
    m_progress->setValue(0);
    QString running = tr("Running %1 points on every core...").arg(m_total);
    if (const std::size_t dropped = core::sweepDroppedActions(m_scenario, m_axes))
        running += QLatin1Char(' ') +
                   tr("The timeline's %n change(s) of the varied field are left out: each point "
                      "keeps its value for the whole run.",
                      nullptr, static_cast<int>(dropped));
    m_status->setText(running);
    m_run->setEnabled(false);
    m_preset->setEnabled(false);
    m_cancel->store(false);
    m_stop->setEnabled(true);
    core::SweepOptions opt;
    opt.duration_s = m_duration->value();
    opt.cancel = m_cancel.get();
    // The worker holds its own copies and the shared counters: nothing of the dialog.
    m_watcher.setFuture(QtConcurrent::run([scenario = m_scenario, axes = m_axes, second = m_second,
                                           opt, first, done = m_done, cancel = m_cancel]() mutable {
        Result r;
        opt.progress = [done](std::size_t n, std::size_t) { done->store(n); };
        r.csv = core::runSweep(scenario, axes, opt);
        if (second.empty() || r.csv.empty()) return r;
        opt.progress = [done, first](std::size_t n, std::size_t) { done->store(first + n); };
        r.scaleUp = core::runSweep(scenario, second, opt);
        if (r.scaleUp.empty()) r.csv.clear(); // cancelled: both or nothing
        return r;
    }));
    m_poll->start();
}

void SweepDialog::stop() {
    if (!m_watcher.isRunning()) return;
    m_cancel->store(true);
    m_stop->setEnabled(false);
    m_status->setText(tr("Stopping: the points in progress finish first..."));
}

void SweepDialog::finished() {
    m_poll->stop();
    m_run->setEnabled(true);
    m_stop->setEnabled(false);
    const int node = m_node->currentIndex();
    m_preset->setEnabled(node >= 0 && m_scenario.nodes[static_cast<std::size_t>(node)].kind ==
                                          core::NodeKind::ServiceGroup);
    m_against->setEnabled(m_mode == Mode::Sweep); // the preset plots against cost
    Result result = m_watcher.result();
    if (result.csv.empty()) { // stopped: the last finished sweep stays, plotted and exportable
        m_progress->setValue(0);
        m_mode = m_resultMode;
        m_axes = m_resultAxes;
        m_second = m_resultSecond;
        m_status->setText(m_result.csv.empty()
                              ? tr("Stopped. No points were kept: run again to start over.")
                              : tr("Stopped. The plot is still the last finished sweep."));
        return;
    }
    m_result = std::move(result);
    m_resultMode = m_mode;
    m_resultAxes = m_axes;
    m_resultSecond = m_second;
    m_progress->setValue(static_cast<int>(m_total));
    m_export->setEnabled(!m_result.csv.empty());
    const QString what =
        m_mode == Mode::Sizing
            ? tr("Scale up vs scale out of %1")
                  .arg(
                      sweepFieldText(m_axes.front().path.substr(0, m_axes.front().path.rfind('.'))))
            : sweepFieldText(m_axes.front().path);
    m_status->setText(
        tr("%1: %2 runs of %3 s each.").arg(what).arg(m_total).arg(m_duration->value()));
    plot();
}

QString SweepDialog::exportTo(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png")) return m_plot->savePng(path);
    if (suffix == QLatin1String("svg")) return m_plot->saveSvg(path);
    if (m_mode == Mode::Sweep)
        return QString::fromStdString(core::saveFileAtomically(path.toStdString(), m_result.csv));
    const QFileInfo info(path);
    const QString stem = info.dir().filePath(info.completeBaseName());
    for (const auto& [name, text] : {std::pair{QStringLiteral("-scale-out.csv"), &m_result.csv},
                                     std::pair{QStringLiteral("-scale-up.csv"), &m_result.scaleUp}})
        if (const std::string err = core::saveFileAtomically((stem + name).toStdString(), *text);
            !err.empty())
            return QString::fromStdString(err);
    return {};
}

void SweepDialog::exportClicked() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Sweep"), QStringLiteral("sweep.png"),
        tr("PNG image (*.png);;SVG image (*.svg);;CSV, as clustersim-cli sweep writes (*.csv)"));
    if (path.isEmpty()) return;
    const QString err = exportTo(path);
    m_status->setText(err.isEmpty() ? tr("Saved %1").arg(path) : err);
}

} // namespace cs::ui
