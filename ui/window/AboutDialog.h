// Help > About: the version (from the CMake project version), the licence and the credits.
#pragma once

#include <QString>

class QMenu;
class QWidget;

namespace cs::ui {

// The About text as shown (rich text): name, version, licence, credits and third-party notices.
QString aboutText();
// Shows the About dialog, modal to `parent`.
void showAboutDialog(QWidget* parent);
// Adds "About ClusterSim" (and "About Qt") to `help`; one call where the Help menu is built.
void addAboutActions(QMenu* help, QWidget* parent);

} // namespace cs::ui
