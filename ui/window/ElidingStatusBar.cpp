#include "ElidingStatusBar.h"

#include <QPainter>
#include <QSizeGrip>
#include <QStyleOption>

#include <algorithm>

namespace cs::ui {

ElidingStatusBar::ElidingStatusBar(QWidget* parent) : QStatusBar(parent) {
    // The whole message, whatever is cut from it at this width.
    connect(this, &QStatusBar::messageChanged, this, &QWidget::setToolTip);
}

QRect ElidingStatusBar::messageArea() const {
    int right = width() - 12;
    // The main window adds permanent widgets only (the timeline): the message ends before them.
    for (const QWidget* w : findChildren<QWidget*>(Qt::FindDirectChildrenOnly))
        if (w->isVisible() && !qobject_cast<const QSizeGrip*>(w)) right = std::min(right, w->x());
    const int left = 6;
    return QRect(left, 0, std::max(0, right - 8 - left), height());
}

QString ElidingStatusBar::shownMessage() const {
    return fontMetrics().elidedText(currentMessage(), Qt::ElideRight, messageArea().width());
}

// QStatusBar's own painting, with the message elided.
void ElidingStatusBar::paintEvent(QPaintEvent*) {
    QPainter p(this);
    QStyleOption opt;
    opt.initFrom(this);
    style()->drawPrimitive(QStyle::PE_PanelStatusBar, &opt, &p, this);
    for (const QWidget* w : findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
        if (!w->isVisible() || qobject_cast<const QSizeGrip*>(w)) continue;
        opt.rect = w->geometry().adjusted(-1, -1, 1, 1);
        style()->drawPrimitive(QStyle::PE_FrameStatusBarItem, &opt, &p, w);
    }
    if (currentMessage().isEmpty()) return;
    p.setPen(palette().windowText().color());
    p.drawText(messageArea(), Qt::AlignLeading | Qt::AlignVCenter | Qt::TextSingleLine,
               shownMessage());
}

} // namespace cs::ui
