#include "ChartPlot.h"

#include "ExportFile.h"

#include <QAbstractAxis>
#include <QChart>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QHelpEvent>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QToolTip>

namespace cs::ui {

void PlotItem::setArea(const QRectF& r) {
    if (r == m_area) return;
    prepareGeometryChange();
    m_area = r;
}

void PlotItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
    p->save();
    p->setClipRect(m_area.adjusted(-2, -2, 2, 2));
    // A wide pen goes through Qt's stroker (tens of ms for a few noisy lines); a one-pixel
    // cosmetic pen has a fast path. So a line of width w is drawn w times, one pixel apart.
    static const QPointF offsets[] = {{0, 0}, {0, 1}, {1, 0}, {0, -1}, {-1, 0}, {1, 1}, {-1, -1}};
    for (const Line& l : m_lines) {
        QPen thin = l.pen;
        thin.setWidth(0); // cosmetic, one pixel
        p->setPen(thin);
        const int passes = std::clamp(static_cast<int>(std::lround(l.pen.widthF())), 1, 7);
        for (int k = 0; k < passes; ++k) {
            p->translate(offsets[k]);
            for (const QPolygonF& s : l.segments) p->drawPolyline(s);
            p->translate(-offsets[k]);
        }
    }
    p->restore();
}

MarkedChartView::MarkedChartView(QChart* chart, std::function<std::vector<MarkerGroup>()> groups,
                                 std::function<QString(QPointF)> describe)
    : QChartView(chart), m_groups(std::move(groups)), m_describe(std::move(describe)) {
    // No antialiasing: with thousands of segments it triples the paint cost (notes/ui-budget.md).
    setRenderHint(QPainter::Antialiasing, false);
    setMouseTracking(true);
}

double MarkedChartView::laneHeight() const {
    return QFontMetricsF(legendFont).height() * 1.25;
}

QRectF MarkedChartView::laneRect() const {
    const QRectF plot = chart()->plotArea();
    const QRectF scene(plot.left(), plot.top() - laneHeight(), plot.width(), laneHeight());
    return mapFromScene(scene).boundingRect();
}

void MarkedChartView::drawForeground(QPainter* p, const QRectF& rect) {
    QChartView::drawForeground(p, rect);
    const QRectF plot = chart()->plotArea();
    const QRectF titleRect(0, 0, width(), plot.top() - laneHeight());
    if (rect.intersects(titleRect)) { // the title (QChart's own is transparent: see ChartsPanel)
        p->setFont(chart()->titleFont());
        p->setPen(Qt::black);
        p->drawText(titleRect, Qt::AlignCenter,
                    QFontMetricsF(chart()->titleFont())
                        .elidedText(chart()->title(), Qt::ElideRight, width() - 8));
    }
    const QRectF lane(plot.left(), plot.top() - laneHeight(), plot.width(), laneHeight());
    if (rect.bottom() > plot.bottom()) drawLegend(p);
    if (!rect.intersects(lane.united(plot))) return;
    p->save();
    p->setFont(legendFont);
    const QFontMetricsF fm(legendFont);
    const auto groups = m_groups();
    const double x0 = mapToScene(QPoint(0, 0)).x(); // view x -> scene x
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const MarkerGroup& g = groups[i];
        const double px = g.px + x0;
        QColor faint = g.colour;
        faint.setAlpha(150);
        p->setPen(QPen(faint, 1.5, Qt::DashLine));
        p->drawLine(QPointF(px, plot.top()), QPointF(px, plot.bottom()));
        // A downward triangle in the lane, and the label while it fits before the next marker.
        const double h = lane.height() * 0.55;
        const QPointF tri[] = {
            {px - h / 2, lane.top() + 2}, {px + h / 2, lane.top() + 2}, {px, lane.top() + 2 + h}};
        p->setPen(Qt::NoPen);
        p->setBrush(g.colour);
        p->drawPolygon(tri, 3);
        const double room =
            (i + 1 < groups.size() ? groups[i + 1].px + x0 : plot.right()) - px - h / 2 - 4;
        // The whole label, else its first word ("kill", "cut" +1), else nothing: never "ki…".
        QString text = g.label;
        if (fm.horizontalAdvance(text) > room) {
            text = g.label.section(QLatin1Char(' '), 0, 0);
            if (g.details.size() > 1) text += QStringLiteral(" +%1").arg(g.details.size() - 1);
        }
        if (fm.horizontalAdvance(text) <= room) {
            p->setPen(g.colour.darker(120));
            p->drawText(QRectF(px + h / 2 + 2, lane.top(), room, lane.height()),
                        Qt::AlignLeft | Qt::AlignVCenter, text);
        }
    }
    if (m_dragFrom >= 0 && m_dragTo >= 0) { // the range being dragged
        const double a = std::min(m_dragFrom, m_dragTo) + x0,
                     b = std::max(m_dragFrom, m_dragTo) + x0;
        p->setPen(QPen(QColor(0, 114, 178), 1));
        p->setBrush(QColor(0, 114, 178, 40));
        p->drawRect(QRectF(a, plot.top(), b - a, plot.height()));
    }
    p->restore();
}

namespace {
double entryWidth(const QString& name, const QFontMetricsF& fm) {
    return fm.horizontalAdvance(name) + fm.height() * 1.6 + 8;
}
} // namespace

int MarkedChartView::rowsFor(const std::vector<std::pair<QPen, QString>>& entries, double width,
                             const QFontMetricsF& fm) {
    int rows = 1;
    double x = 4;
    for (const auto& e : entries) {
        const double w = entryWidth(e.second, fm);
        if (x > 4 && x + w > width - 4) {
            ++rows;
            x = 4;
        }
        x += w;
    }
    return rows;
}

void MarkedChartView::drawLegend(QPainter* p) {
    if (!legendEntries) return;
    p->save();
    p->setFont(legendFont);
    const QFontMetricsF fm(legendFont);
    const QRectF plot = chart()->plotArea();
    const QAbstractAxis* axis = chart()->axes(Qt::Horizontal).value(0);
    double x = 4,
           y = plot.bottom() + QFontMetricsF(axis ? axis->labelsFont() : font()).height() * 1.3;
    int row = 1;
    const auto entries = legendEntries();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& [pen, name] = entries[i];
        const double w = entryWidth(name, fm);
        if (x > 4 && x + w > width() - 4) { // wrap, or say how many more there are
            if (row == legendRows) {
                p->setPen(Qt::black);
                p->drawText(QPointF(x, y + fm.ascent()),
                            QStringLiteral("+%1").arg(entries.size() - i));
                break;
            }
            ++row;
            x = 4;
            y += fm.height() * 1.25;
        }
        QPen swatch = pen;
        swatch.setWidthF(std::max(3.0, pen.widthF()));
        p->setPen(swatch);
        const double mid = y + fm.height() / 2;
        p->drawLine(QPointF(x, mid), QPointF(x + fm.height() * 1.2, mid));
        p->setPen(Qt::black);
        p->drawText(QPointF(x + fm.height() * 1.4, y + fm.ascent()), name);
        x += w;
    }
    p->restore();
}

void MarkedChartView::resizeEvent(QResizeEvent* e) {
    QChartView::resizeEvent(e);
    if (onResized) onResized();
}

bool MarkedChartView::viewportEvent(QEvent* e) {
    if (e->type() != QEvent::ToolTip) return QChartView::viewportEvent(e);
    auto* help = static_cast<QHelpEvent*>(e);
    const QPointF pos = help->pos();
    QString text;
    const QRectF lane = laneRect();
    if (pos.y() >= lane.top() - 2 && pos.y() <= lane.bottom() + 2) {
        double best = 12; // pixels
        for (const MarkerGroup& g : m_groups())
            if (std::abs(g.px - pos.x()) < best) {
                best = std::abs(g.px - pos.x());
                text = g.details.join(QLatin1Char('\n'));
            }
    } else if (chart()->plotArea().contains(mapToScene(pos.toPoint()))) {
        text = m_describe(mapToScene(pos.toPoint()));
    }
    if (text.isEmpty())
        text = tr("Drag across a chart to zoom in, double-click to follow the run again; "
                  "right-click to export");
    QToolTip::showText(help->globalPos(), text, this);
    return true;
}

void MarkedChartView::mousePressEvent(QMouseEvent* e) {
    if (e->button() == Qt::LeftButton &&
        chart()->plotArea().contains(mapToScene(e->position().toPoint()))) {
        m_dragFrom = m_dragTo = e->position().x();
        e->accept();
        return;
    }
    QChartView::mousePressEvent(e);
}

void MarkedChartView::mouseMoveEvent(QMouseEvent* e) {
    if (m_dragFrom >= 0) {
        m_dragTo = e->position().x();
        viewport()->update();
    }
    QChartView::mouseMoveEvent(e);
}

void MarkedChartView::mouseReleaseEvent(QMouseEvent* e) {
    if (m_dragFrom >= 0 && e->button() == Qt::LeftButton) {
        const QRectF plot = mapFromScene(chart()->plotArea()).boundingRect();
        const double a = (std::min(m_dragFrom, m_dragTo) - plot.left()) / plot.width();
        const double b = (std::max(m_dragFrom, m_dragTo) - plot.left()) / plot.width();
        const bool wide = std::abs(m_dragTo - m_dragFrom) >= 6; // not a click
        m_dragFrom = m_dragTo = -1;
        viewport()->update();
        if (wide) emit rangeDragged(std::clamp(a, 0.0, 1.0), std::clamp(b, 0.0, 1.0));
        return;
    }
    QChartView::mouseReleaseEvent(e);
}

void MarkedChartView::mouseDoubleClickEvent(QMouseEvent* e) {
    emit followRequested();
    e->accept();
}

void MarkedChartView::contextMenuEvent(QContextMenuEvent* e) {
    QMenu menu;
    const QString title = accessibleName(); // the chart's name, without the units a short one adds
    auto report = [this](const QString& err) {
        if (!err.isEmpty()) QMessageBox::critical(this, tr("Cannot export"), err);
    };
    menu.addAction(tr("Export \"%1\" as PNG…").arg(title), [this, title, report] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export chart"), title + QStringLiteral(".png"), tr("PNG images (*.png)"));
        if (!path.isEmpty()) report(saveImage(path, grab().toImage()));
    });
    menu.addAction(tr("Export \"%1\" as SVG…").arg(title), [this, title, report] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export chart"), title + QStringLiteral(".svg"), tr("SVG images (*.svg)"));
        if (!path.isEmpty())
            report(saveSvg(path, size(), rect(), title, [this](QPainter& p) { render(&p); }));
    });
    menu.addSeparator();
    menu.addAction(tr("Follow the run (reset zoom)"), this, &MarkedChartView::followRequested);
    menu.exec(e->globalPos());
}

} // namespace cs::ui
