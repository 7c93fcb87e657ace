// Edit > Preferences: the user interface language (the system's, English or a translation).
#pragma once

class QMenu;
class QWidget;

namespace cs::ui {

// Shows the dialog; a changed language is saved and applies at the next start (the dialog says
// so). Returns whether the language changed.
bool showPreferencesDialog(QWidget* parent);
// Adds "Preferences…" (the platform's preferences role) to `menu`.
void addPreferencesAction(QMenu* menu, QWidget* parent);

} // namespace cs::ui
