// Finding widgets as a user finds them, shared by the UI tests.
#pragma once

#include "MainWindow.h"

#include <QFormLayout>
#include <QLabel>

namespace cs::test {

// The field the inspector shows next to `label` (a QFormLayout row).
inline QWidget* inspectorField(ui::MainWindow& w, const QString& label) {
    auto* inspector = w.findChild<QWidget*>(QStringLiteral("inspector"));
    auto* form = inspector ? inspector->findChild<QFormLayout*>() : nullptr;
    if (!form) return nullptr;
    for (int row = 0; row < form->rowCount(); ++row) {
        auto* l = form->itemAt(row, QFormLayout::LabelRole);
        auto* f = form->itemAt(row, QFormLayout::FieldRole);
        if (l && f && qobject_cast<QLabel*>(l->widget()) &&
            qobject_cast<QLabel*>(l->widget())->text() == label)
            return f->widget();
    }
    return nullptr;
}

} // namespace cs::test
