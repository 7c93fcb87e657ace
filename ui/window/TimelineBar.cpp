#include "TimelineBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>

#include <cmath>

namespace cs::ui {

// The slider counts tenths of a simulated second: fine enough to land on a metrics row.
constexpr double kPerSecond = 10;

TimelineBar::TimelineBar(SimController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_slider(new QSlider(Qt::Horizontal)),
      m_label(new QLabel) {
    setObjectName(QStringLiteral("timelineBar"));
    m_slider->setObjectName(QStringLiteral("timelineSlider"));
    m_slider->setMinimumWidth(220);
    m_slider->setSingleStep(1);
    m_slider->setPageStep(static_cast<int>(kPerSecond)); // PageUp/PageDown: one second
    m_slider->setToolTip(tr("Simulated time. Drag back to rewind: the run replays to there with "
                            "your actions and pauses; what you do next is a new branch. Drag "
                            "forward to run on."));
    m_label->setMinimumWidth(m_label->fontMetrics().horizontalAdvance(QStringLiteral("0000.0 s")));
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("Timeline")));
    row->addWidget(m_slider);
    row->addWidget(m_label);
    connect(controller, &SimController::snapshotReady, this, &TimelineBar::onSnapshot);
    // A drag seeks once, on release; a key or a click on the groove seeks at once.
    connect(m_slider, &QSlider::sliderReleased, this, [this] { seek(m_slider->value()); });
    connect(m_slider, &QSlider::valueChanged, this, [this](int v) {
        showTime(v);
        if (!m_slider->isSliderDown()) seek(v);
    });
}

void TimelineBar::onSnapshot(const SnapshotPtr& snap) {
    if (m_slider->isSliderDown()) return; // the user's hand wins
    const QSignalBlocker block(m_slider); // following the run is not a seek
    m_slider->setMaximum(static_cast<int>(std::lround(snap->duration_s * kPerSecond)));
    const int now =
        static_cast<int>(std::lround(static_cast<double>(snap->simTime) / 1e6 * kPerSecond));
    m_slider->setValue(now);
    m_now = now;
    showTime(now);
}

void TimelineBar::seek(int tenths) {
    const double s = tenths / kPerSecond;
    if (tenths < m_now) emit rewinding(s);
    QMetaObject::invokeMethod(m_controller, [c = m_controller, s] { c->seek(s); });
}

void TimelineBar::showTime(int tenths) {
    m_label->setText(tr("%L1 s").arg(tenths / kPerSecond, 0, 'f', 1));
}

} // namespace cs::ui
