// Space is the window's Play/Pause wherever the focus is: a list (the palette, the event log) would
// otherwise take it to select its current row, and a teacher's Space after a click there did
// nothing. Installed as an event filter on such widgets.
#pragma once

#include <QEvent>
#include <QKeyEvent>
#include <QObject>

namespace cs::ui {

class SpacePlays : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* e) override {
        if (e->type() == QEvent::ShortcutOverride) {
            const auto* key = static_cast<QKeyEvent*>(e);
            if (key->key() == Qt::Key_Space && key->modifiers() == Qt::NoModifier) {
                e->ignore();
                return true; // not overridden: the window's shortcut has it
            }
        }
        return QObject::eventFilter(watched, e);
    }
};

} // namespace cs::ui
