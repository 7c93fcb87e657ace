#include "SweepPlot.h"

#include "SaveFile.h"

#include <QBuffer>
#include <QChart>
#include <QImage>
#include <QLegend>
#include <QLineSeries>
#include <QMouseEvent>
#include <QPainter>
#include <QScatterSeries>
#include <QSvgGenerator>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <limits>

namespace cs::ui {

SweepPlot::SweepPlot(QWidget* parent) : QChartView(new QChart, parent) {
    setObjectName(QStringLiteral("sweepPlot"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(260);
    // Okabe-Ito: told apart by readers with colour-blindness too.
    m_palette = {QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00), QColor(0x00, 0x9E, 0x73),
                 QColor(0xCC, 0x79, 0xA7)};
    chart()->legend()->setAlignment(Qt::AlignBottom); // below the axes, never over the data
    chart()->setMargins(QMargins(4, 4, 4, 4));
    viewport()->setMouseTracking(true);
}

void SweepPlot::clear() {
    chart()->removeAllSeries();
    for (QAbstractAxis* a : chart()->axes()) { // removeAxis hands the axis back to us
        chart()->removeAxis(a);
        delete a;
    }
    chart()->setTitle({});
    m_next = 0;
    m_texts.clear();
}

void SweepPlot::setPointTexts(QXYSeries* series, const QStringList& texts) {
    m_texts[series] = texts;
}

// The nearest point within reach tells what it is; QXYSeries::hovered would need the pointer
// exactly on the line.
void SweepPlot::mouseMoveEvent(QMouseEvent* event) {
    QChartView::mouseMoveEvent(event);
    const QPointF pointer = event->position();
    QString text;
    double best = 12 * 12;
    for (auto it = m_texts.cbegin(); it != m_texts.cend(); ++it)
        for (qsizetype i = 0; i < it.key()->count() && i < it.value().size(); ++i) {
            const QPointF at = mapFromScene(
                chart()->mapToScene(chart()->mapToPosition(it.key()->at(i), it.key())));
            const QPointF d = at - pointer;
            if (const double d2 = d.x() * d.x() + d.y() * d.y(); d2 <= best) {
                best = d2;
                text = it.value()[i];
            }
        }
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

QLineSeries* SweepPlot::addMeasured(const QString& name, const QList<QPointF>& points) {
    auto* s = new QLineSeries;
    s->setName(name);
    s->append(points);
    s->setPointsVisible(true);
    QPen pen(m_palette[m_next++ % m_palette.size()]);
    pen.setWidthF(2);
    s->setPen(pen);
    chart()->addSeries(s);
    return s;
}

QLineSeries* SweepPlot::addTheory(const QString& name, const QList<QPointF>& points) {
    auto* s = new QLineSeries;
    s->setObjectName(QStringLiteral("sweepTheory"));
    s->setName(name);
    s->append(points);
    QPen pen(Qt::black);
    pen.setWidthF(1.5);
    pen.setStyle(Qt::DashLine);
    s->setPen(pen);
    chart()->addSeries(s);
    return s;
}

QScatterSeries* SweepPlot::addMarker(const QString& name, QPointF at) {
    auto* s = new QScatterSeries;
    s->setObjectName(QStringLiteral("sweepKnee"));
    s->setName(name);
    s->append(at);
    s->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    s->setMarkerSize(14);
    s->setColor(QColor(0xE6, 0x9F, 0x00));
    s->setBorderColor(Qt::black);
    chart()->addSeries(s);
    return s;
}

void SweepPlot::finish(const QString& xTitle, const QString& yTitle) {
    double x0 = std::numeric_limits<double>::max(), x1 = -x0, y1 = 0;
    for (QAbstractSeries* a : chart()->series())
        for (const QPointF& p : static_cast<QXYSeries*>(a)->points()) {
            x0 = std::min(x0, p.x());
            x1 = std::max(x1, p.x());
            y1 = std::max(y1, p.y());
        }
    if (x0 > x1) return; // nothing to show
    auto* x = new QValueAxis;
    auto* y = new QValueAxis;
    x->setTitleText(xTitle);
    y->setTitleText(yTitle);
    const double pad = x1 > x0 ? (x1 - x0) * 0.03 : std::max(1.0, std::abs(x0) * 0.1);
    x->setRange(x0 - pad, x1 + pad);
    x->applyNiceNumbers(); // ticks at round numbers, not at 7.4, 30.0, 52.6
    // From zero: a y-axis fitted to 100.9-102.9 makes noise look like a trend.
    y->setRange(0, y1 > 0 ? y1 * 1.05 : 1);
    y->applyNiceNumbers();
    chart()->addAxis(x, Qt::AlignBottom);
    chart()->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : chart()->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    chart()->legend()->setVisible(chart()->series().size() > 1);
}

QString SweepPlot::savePng(const QString& path) {
    QImage image(size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        render(&painter);
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG")) return tr("Could not encode %1 as PNG").arg(path);
    return QString::fromStdString(
        core::saveFileAtomically(path.toStdString(), std::string_view(bytes.data(), bytes.size())));
}

QString SweepPlot::saveSvg(const QString& path) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(size());
    svg.setViewBox(QRect(QPoint(0, 0), size()));
    svg.setTitle(chart()->title().isEmpty() ? tr("Sweep") : chart()->title());
    {
        QPainter painter(&svg);
        render(&painter);
    }
    return QString::fromStdString(
        core::saveFileAtomically(path.toStdString(), std::string_view(bytes.data(), bytes.size())));
}

} // namespace cs::ui
