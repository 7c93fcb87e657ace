// Asking before a deletion takes more than the selected nodes (a lesson's actions, expectations,
// nodes that cannot be without them), and saying why when one is refused.
#pragma once

#include "NodeRemoval.h"

#include <QStringList>

class QWidget;

namespace cs::ui {

// What goes beyond the selected nodes and their links, one line each, in the user's language.
QStringList describeRemoval(const core::NodeRemoval& r);

// Whether to go ahead: true at once when the deletion takes nothing more; otherwise asks, listing
// what goes (Delete or Cancel). A refused plan (an error) is explained and answers false.
bool confirmRemoval(QWidget* parent, const core::NodeRemoval& r);

} // namespace cs::ui
