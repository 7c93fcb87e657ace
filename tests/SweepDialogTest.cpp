// Simulation > Sweep, driven with real key and mouse events: the plot holds one point per value
// with the same numbers `clustersim-cli sweep` computes.
#include "SweepDialog.h"
#include "Run.h"
#include "ScenarioIO.h"
#include "Sweep.h"
#include "UiWait.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
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
    EXPECT_EQ(metric->currentText(), QStringLiteral("latency_ms.p99"));
    typeInto(d.findChild<QDoubleSpinBox*>(QStringLiteral("sweepFrom")), QStringLiteral("50"));
    typeInto(d.findChild<QDoubleSpinBox*>(QStringLiteral("sweepTo")), QStringLiteral("150"));
    typeInto(d.findChild<QSpinBox*>(QStringLiteral("sweepPoints")), QStringLiteral("3"));
    typeInto(d.findChild<QDoubleSpinBox*>(QStringLiteral("sweepDuration")), QStringLiteral("1"));
    QTest::mouseClick(d.findChild<QPushButton*>(QStringLiteral("sweepRun")), Qt::LeftButton);
    ASSERT_TRUE(cs::test::waitFor([&] { return !d.csv().empty(); }))
        << d.findChild<QLabel*>(QStringLiteral("sweepStatus"))->text().toStdString();

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

    // Another key re-plots the same runs.
    metric->setFocus();
    QTest::keyClicks(metric, QStringLiteral("requests.issued"));
    ASSERT_EQ(metric->currentText(), QStringLiteral("requests.issued"));
    ASSERT_EQ(d.series()->count(), 3);
    EXPECT_NEAR(d.series()->at(2).y() / d.series()->at(0).y(), 3.0, 0.6);
}

} // namespace
