// Auto-arrange: Fruchterman-Reingold (Boost.Graph) per connected component, components side by
// side.
#pragma once

#include "Scenario.h"

#include <QPointF>

#include <string>
#include <utility>
#include <vector>

namespace cs::ui {

// New positions for every node of the scenario (replicas included), keyed by id.
std::vector<std::pair<std::string, QPointF>> autoLayout(const core::Scenario& s);

} // namespace cs::ui
