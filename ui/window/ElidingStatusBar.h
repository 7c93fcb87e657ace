// The main window's status bar: a message too long for the room left of the timeline ends in
// "…" (the whole of it in the tooltip) instead of running into the timeline's label, as it did at
// 1024x768 with larger text.
#pragma once

#include <QStatusBar>

namespace cs::ui {

class ElidingStatusBar : public QStatusBar {
    Q_OBJECT
public:
    explicit ElidingStatusBar(QWidget* parent = nullptr);
    // Where the message is drawn: from the left to the first permanent widget (the timeline).
    QRect messageArea() const;
    // The message as drawn now (elided to messageArea), for tests.
    QString shownMessage() const;

protected:
    void paintEvent(QPaintEvent* e) override;
};

} // namespace cs::ui
