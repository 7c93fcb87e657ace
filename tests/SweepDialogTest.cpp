// Simulation > Sweep, driven with real key and mouse events: the plot holds one point per value
// with the same numbers `clustersim-cli sweep` computes; for one M/M/c group the knee and Erlang
// C's dashed curve, else a note saying why not; the scale up vs scale out preset; export as PNG,
// SVG and CSV.
#include "SweepDialog.h"
#include "Run.h"
#include "ScenarioIO.h"
#include "Sweep.h"
#include "SweepPlot.h"
#include "UiWait.h"

#include <QChart>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QPushButton>
#include <QScatterSeries>
#include <QSpinBox>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <gtest/gtest.h>

using namespace cs;

namespace {

void typeInto(QAbstractSpinBox* box, const QString& text) {
    box->setFocus();
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Enter);
}

TEST(SweepDialog, PlotsTheChosenKeyAtEveryValueAsTheCliComputesIt) {
    const auto loaded = core::loadScenarioFile(CLUSTERSIM_TEST_DATA "/base.clustersim.json");
    ASSERT_TRUE(loaded.ok) << loaded.error;
    ui::SweepDialog d(loaded.scenario,
                      QStringLiteral(CLUSTERSIM_TEST_DATA "/base.clustersim.json"));
    d.show();
    auto* node = d.findChild<QComboBox*>(QStringLiteral("sweepNode"));
    auto* field = d.findChild<QComboBox*>(QStringLiteral("sweepField"));
    auto* metric = d.findChild<QComboBox*>(QStringLiteral("sweepMetric"));
    ASSERT_TRUE(node && field && metric);
    EXPECT_EQ(node->currentText(), QStringLiteral("users"));
    EXPECT_EQ(field->currentData().toString(), QStringLiteral("rate_rps"));
    EXPECT_EQ(metric->currentData().toString(), QStringLiteral("latency_ms.p99"));
    EXPECT_EQ(metric->currentText(), QStringLiteral("Latency p99 (ms)"));
    typeInto(d.findChild<QDoubleSpinBox*>(QStringLiteral("sweepFrom")), QStringLiteral("50"));
    typeInto(d.findChild<QDoubleSpinBox*>(QStringLiteral("sweepTo")), QStringLiteral("150"));
    typeInto(d.findChild<QSpinBox*>(QStringLiteral("sweepPoints")), QStringLiteral("3"));
    typeInto(d.findChild<QDoubleSpinBox*>(QStringLiteral("sweepDuration")), QStringLiteral("1"));
    QTest::mouseClick(d.findChild<QPushButton*>(QStringLiteral("sweepRun")), Qt::LeftButton);
    ASSERT_TRUE(cs::test::waitFor([&] { return !d.csv().empty(); }))
        << d.findChild<QLabel*>(QStringLiteral("sweepStatus"))->text().toStdString();
    // The form keeps what was typed for the next run.
    EXPECT_EQ(d.findChild<QDoubleSpinBox*>(QStringLiteral("sweepFrom"))->value(), 50);
    EXPECT_EQ(d.findChild<QDoubleSpinBox*>(QStringLiteral("sweepTo"))->value(), 150);
    // Against the varied value (the default is throughput).
    auto* against = d.findChild<QComboBox*>(QStringLiteral("sweepAgainst"));
    ASSERT_TRUE(against);
    EXPECT_EQ(against->currentData().toString(), QStringLiteral("throughput_rps"));
    against->setFocus();
    QTest::keyClick(against, Qt::Key_Home);
    ASSERT_EQ(against->currentIndex(), 0);
    // A client, a load balancer, a group and a datastore: no theory, and the dialog says why.
    EXPECT_TRUE(
        d.findChild<QLabel*>(QStringLiteral("sweepTheoryNote"))
            ->text()
            .startsWith(QStringLiteral("No Erlang C overlay: theory needs one M/M/c group")))
        << d.findChild<QLabel*>(QStringLiteral("sweepTheoryNote"))->text().toStdString();
    EXPECT_EQ(d.theory(), nullptr);

    std::vector<core::SweepAxis> axes(1);
    std::string error;
    ASSERT_TRUE(
        core::parseSweepAxis(loaded.scenario, "nodes[users].rate_rps=50:150:3", axes[0], error));
    core::SweepOptions opt;
    opt.duration_s = 1;
    EXPECT_EQ(d.csv(), core::runSweep(loaded.scenario, axes, opt));
    ASSERT_NE(d.series(), nullptr);
    ASSERT_EQ(d.series()->count(), 3);
    EXPECT_EQ(d.series()->at(0).x(), 50);
    EXPECT_EQ(d.series()->at(2).x(), 150);
    EXPECT_GT(d.series()->at(0).y(), 0);
    // Said in words on the plot, and so on an exported picture.
    EXPECT_EQ(d.series()->chart()->title(),
              QStringLiteral("Latency p99 (ms) vs users.rate_rps from 50 to 150"));

    // Another key re-plots the same runs.
    metric->setCurrentIndex(metric->findText(QStringLiteral("Requests issued")));
    ASSERT_EQ(metric->currentData().toString(), QStringLiteral("requests.issued"));
    ASSERT_EQ(d.series()->count(), 3);
    EXPECT_NEAR(d.series()->at(2).y() / d.series()->at(0).y(), 3.0, 0.6);
}

// Client -> random load balancer -> `instances` x 1 core, exponential 10 ms, constant links.
core::Scenario mmScenario(double rate, int instances = 1) {
    const std::string text = R"({"format": "clustersim-scenario", "version": 1, "seed": 5,
      "duration_s": 600, "nodes": [
      {"id": "users", "kind": "client", "target": "lb", "timeout_ms": 100000, "rate_rps": )" +
                             std::to_string(rate) + R"(},
      {"id": "lb", "kind": "load_balancer", "group": "api", "algorithm": "random"},
      {"id": "api", "kind": "service_group", "instances": )" +
                             std::to_string(instances) +
                             R"(, "cores": 1, "service_ms": {"dist": "exp", "mean": 10},
       "queue_capacity": 100000}],
      "links": [{"a": "users", "b": "lb", "latency_ms": {"median": 1, "p99": 1}},
                {"a": "lb", "b": "api", "latency_ms": {"median": 1, "p99": 1}}]})";
    const auto r = core::loadScenarioText(text, "mm1.clustersim.json");
    EXPECT_TRUE(r.ok) << r.error;
    return r.scenario;
}

void runFromRateSweep(ui::SweepDialog& d, const QString& from, const QString& to) {
    typeInto(d.findChild<QDoubleSpinBox*>(QStringLiteral("sweepFrom")), from);
    typeInto(d.findChild<QDoubleSpinBox*>(QStringLiteral("sweepTo")), to);
    QTest::mouseClick(d.findChild<QPushButton*>(QStringLiteral("sweepRun")), Qt::LeftButton);
    ASSERT_TRUE(cs::test::waitFor([&] { return !d.csv().empty(); }));
}

// M/M/1 at utilisation 0.1 to 0.9: the knee at 0.5 and Erlang C dashed, within 5% of the runs
// up to 0.7; the legend stays below the plot at the screen sizes of a classroom.
// A sweep started by mistake (too many points, too long) is stopped from the dialog, which then
// runs again: nothing of the stopped sweep is kept or offered for export.
TEST(SweepDialog, StopEndsARunningSweepAndKeepsNothing) {
    const auto loaded = core::loadScenarioFile(CLUSTERSIM_TEST_DATA "/base.clustersim.json");
    ASSERT_TRUE(loaded.ok) << loaded.error;
    ui::SweepDialog d(loaded.scenario,
                      QStringLiteral(CLUSTERSIM_TEST_DATA "/base.clustersim.json"));
    d.show();
    auto* run = d.findChild<QPushButton*>(QStringLiteral("sweepRun"));
    auto* stop = d.findChild<QPushButton*>(QStringLiteral("sweepStop"));
    auto* status = d.findChild<QLabel*>(QStringLiteral("sweepStatus"));
    ASSERT_TRUE(run && stop && status);
    EXPECT_FALSE(stop->isEnabled()) << "nothing to stop yet";
    typeInto(d.findChild<QSpinBox*>(QStringLiteral("sweepPoints")), QStringLiteral("200"));
    typeInto(d.findChild<QDoubleSpinBox*>(QStringLiteral("sweepDuration")), QStringLiteral("600"));
    QTest::mouseClick(run, Qt::LeftButton);
    ASSERT_TRUE(stop->isEnabled());
    EXPECT_FALSE(run->isEnabled());
    QTest::mouseClick(stop, Qt::LeftButton);
    ASSERT_TRUE(cs::test::waitFor([&] { return run->isEnabled(); }))
        << status->text().toStdString();
    EXPECT_TRUE(status->text().startsWith(QStringLiteral("Stopped")))
        << status->text().toStdString();
    EXPECT_TRUE(d.csv().empty());
    EXPECT_FALSE(d.findChild<QPushButton*>(QStringLiteral("sweepExport"))->isEnabled());
    EXPECT_FALSE(stop->isEnabled());

    // A finished sweep, then a stopped one: the finished one stays, plotted and exportable.
    typeInto(d.findChild<QSpinBox*>(QStringLiteral("sweepPoints")), QStringLiteral("2"));
    typeInto(d.findChild<QDoubleSpinBox*>(QStringLiteral("sweepDuration")), QStringLiteral("1"));
    QTest::mouseClick(run, Qt::LeftButton);
    ASSERT_TRUE(cs::test::waitFor([&] { return !d.csv().empty(); }));
    const std::string finished = d.csv();
    typeInto(d.findChild<QSpinBox*>(QStringLiteral("sweepPoints")), QStringLiteral("200"));
    typeInto(d.findChild<QDoubleSpinBox*>(QStringLiteral("sweepDuration")), QStringLiteral("600"));
    QTest::mouseClick(run, Qt::LeftButton);
    QTest::mouseClick(stop, Qt::LeftButton);
    ASSERT_TRUE(cs::test::waitFor([&] { return run->isEnabled(); }));
    EXPECT_EQ(d.csv(), finished);
    EXPECT_TRUE(d.findChild<QPushButton*>(QStringLiteral("sweepExport"))->isEnabled());
}

TEST(SweepDialog, MarksTheKneeAndOverlaysErlangCForOneMmcGroup) {
    ui::SweepDialog d(mmScenario(50), QStringLiteral("mm1.clustersim.json"));
    d.resize(1000, 700);
    d.show();
    typeInto(d.findChild<QDoubleSpinBox*>(QStringLiteral("sweepDuration")), QStringLiteral("4000"));
    runFromRateSweep(d, QStringLiteral("10"), QStringLiteral("90"));
    ASSERT_NE(d.series(), nullptr);
    ASSERT_EQ(d.series()->count(), 5);
    ASSERT_NE(d.theory(), nullptr);
    EXPECT_EQ(d.theory()->name(), QStringLiteral("Erlang C (theory)"));
    EXPECT_EQ(d.theory()->pen().style(), Qt::DashLine);
    ASSERT_EQ(d.theory()->count(), 5);
    for (int k = 0; k < 4; ++k) { // utilisation 0.1 .. 0.7
        const double rho = (10 + 20 * k) / 100.0;
        const double theory = std::log(100.0) * 10 / (1 - rho) + 4; // + 4 ms of links
        EXPECT_NEAR(d.theory()->at(k).y(), theory, 1e-6 * theory);
        EXPECT_NEAR(d.theory()->at(k).x(), 10 + 20 * k, 1e-9);
        EXPECT_NEAR(d.series()->at(k).y(), theory, 0.05 * theory) << "utilisation " << rho;
        EXPECT_NEAR(d.series()->at(k).x(), 10 + 20 * k, 0.05 * (10 + 20 * k));
    }
    ASSERT_NE(d.knee(), nullptr);
    EXPECT_EQ(d.knee()->at(0), d.series()->at(2)) << "the knee of M/M/1 is at utilisation 0.5";
    EXPECT_TRUE(d.findChild<QLabel*>(QStringLiteral("sweepTheoryNote"))
                    ->text()
                    .startsWith(QStringLiteral("Dashed: Erlang C (theory)")));

    auto* plot = d.findChild<ui::SweepPlot*>(QStringLiteral("sweepPlot"));
    ASSERT_TRUE(plot);
    for (const QSize size : {QSize(1280, 720), QSize(1024, 768)}) {
        d.resize(size);
        QApplication::processEvents();
        const QRectF area = plot->chart()->plotArea();
        const QRectF legend = plot->chart()->legend()->geometry();
        EXPECT_FALSE(area.intersects(legend)) << size.width() << "x" << size.height();
        EXPECT_GT(area.height(), 150);
        EXPECT_TRUE(plot->chart()->legend()->isVisible());
    }
}

// The preset runs the group at 1..N instances and 1..N cores: cost rises, p99 falls.
TEST(SweepDialog, ScaleUpVsScaleOutPresetPlotsP99AgainstCost) {
    ui::SweepDialog d(mmScenario(80), QStringLiteral("mm1.clustersim.json"));
    d.show();
    auto* node = d.findChild<QComboBox*>(QStringLiteral("sweepNode"));
    auto* preset = d.findChild<QPushButton*>(QStringLiteral("sweepPreset"));
    ASSERT_TRUE(node && preset);
    EXPECT_FALSE(preset->isEnabled()) << "the preset needs a service group";
    node->setFocus();
    QTest::keyClick(node, Qt::Key_End);
    ASSERT_EQ(node->currentText(), QStringLiteral("api"));
    EXPECT_TRUE(preset->isEnabled());
    typeInto(d.findChild<QSpinBox*>(QStringLiteral("sweepPoints")), QStringLiteral("4"));
    typeInto(d.findChild<QDoubleSpinBox*>(QStringLiteral("sweepDuration")), QStringLiteral("1000"));
    QTest::mouseClick(preset, Qt::LeftButton);
    ASSERT_TRUE(cs::test::waitFor([&] { return d.scaleOut() != nullptr; }));
    ASSERT_NE(d.scaleUp(), nullptr);
    EXPECT_EQ(d.scaleOut()->name(), QStringLiteral("scale out: 1 to 4 instances"));
    EXPECT_EQ(d.scaleUp()->name(), QStringLiteral("scale up: 1 to 4 cores"));
    for (QLineSeries* s : {d.scaleOut(), d.scaleUp()}) {
        ASSERT_EQ(s->count(), 4);
        for (int k = 1; k < 4; ++k) {
            EXPECT_GT(s->at(k).x(), s->at(k - 1).x()) << s->name().toStdString();
            EXPECT_LE(s->at(k).y(), s->at(k - 1).y() * 1.01) << s->name().toStdString();
        }
        EXPECT_NEAR(s->at(0).x(), 0.05, 1e-9); // one 1-core instance
        EXPECT_LT(s->at(1).y(), 0.5 * s->at(0).y());
    }
    EXPECT_NEAR(d.scaleOut()->at(3).x(), 0.20, 1e-9);
    EXPECT_NEAR(d.scaleUp()->at(3).x(), 0.24, 1e-9);

    // Hovering a point says which size it is.
    auto* plot = d.findChild<ui::SweepPlot*>(QStringLiteral("sweepPlot"));
    const QPoint at =
        plot->mapFromScene(plot->chart()->mapToPosition(d.scaleOut()->at(1), d.scaleOut()));
    // Through the window, as the platform delivers it (the widget overload only moves the cursor).
    QTest::mouseMove(d.windowHandle(), plot->viewport()->mapTo(&d, at + QPoint(3, -2)));
    ASSERT_TRUE(cs::test::waitFor([] { return QToolTip::isVisible(); }));
    EXPECT_TRUE(QToolTip::text().startsWith(QStringLiteral("2 instances\n")))
        << QToolTip::text().toStdString();
}

// PNG at the plot's size, SVG, and the CSV `clustersim-cli sweep` writes; a bad path names the
// file and leaves nothing behind.
TEST(SweepDialog, ExportsThePlotAsPngAndSvgAndTheRunsAsCsv) {
    ui::SweepDialog d(mmScenario(50), QStringLiteral("mm1.clustersim.json"));
    d.show();
    typeInto(d.findChild<QDoubleSpinBox*>(QStringLiteral("sweepDuration")), QStringLiteral("20"));
    runFromRateSweep(d, QStringLiteral("10"), QStringLiteral("50"));
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    EXPECT_EQ(d.exportTo(dir.filePath(QStringLiteral("plot.png"))), QString());
    const QImage png(dir.filePath(QStringLiteral("plot.png")));
    ASSERT_FALSE(png.isNull());
    EXPECT_EQ(png.size(), d.findChild<ui::SweepPlot*>(QStringLiteral("sweepPlot"))->size());
    EXPECT_EQ(d.exportTo(dir.filePath(QStringLiteral("plot.svg"))), QString());
    QFile svg(dir.filePath(QStringLiteral("plot.svg")));
    ASSERT_TRUE(svg.open(QIODevice::ReadOnly));
    const QByteArray svgText = svg.readAll();
    EXPECT_TRUE(svgText.startsWith("<?xml")) << svgText.left(40).toStdString();
    EXPECT_TRUE(svgText.contains("<svg"));
    EXPECT_TRUE(svgText.contains("Erlang C (theory)"));
    QSvgRenderer renderer(svgText); // and Qt reads it back as a picture of the plot's size
    ASSERT_TRUE(renderer.isValid());
    EXPECT_EQ(renderer.viewBox().size(), png.size());
    EXPECT_EQ(d.exportTo(dir.filePath(QStringLiteral("sweep.csv"))), QString());
    QFile csv(dir.filePath(QStringLiteral("sweep.csv")));
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    EXPECT_EQ(csv.readAll().toStdString(), d.csv());

    const QString bad = dir.filePath(QStringLiteral("missing/plot.png"));
    const QString error = d.exportTo(bad);
    EXPECT_TRUE(error.contains(bad)) << error.toStdString();
    EXPECT_FALSE(QFile::exists(bad));
}

} // namespace
