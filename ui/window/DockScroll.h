// A dock's scrolled content that asks for the same size whatever it shows, so that selecting
// something else (a node with more rows) never resizes the docks; it says when the height it
// shows changes (the charts fit their rows to it).
#pragma once

#include <QScrollArea>

#include <functional>

namespace cs::ui {

class DockScroll : public QScrollArea {
public:
    explicit DockScroll(QSize hint) : m_hint(hint) {}
    QSize sizeHint() const override { return m_hint; }
    std::function<void(int)> onResized; // with the height it shows

protected:
    void resizeEvent(QResizeEvent* e) override {
        QScrollArea::resizeEvent(e);
        if (onResized) onResized(viewport()->height());
    }

private:
    QSize m_hint;
};

} // namespace cs::ui
