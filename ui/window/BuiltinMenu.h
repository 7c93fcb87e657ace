// The menus of built-in scenarios (File > Open Example, File > New from Preset, Help > Lessons):
// one grouping for all of them.
#pragma once

#include "Scenario.h"

#include <QString>

#include <functional>

class QMenu;

namespace cs::ui {

// One action per built-in scenario in the resource folder `dir` (":/scenarios/"), titled by the
// scenario's name without a "Preset: " prefix. The examples folder holds three kinds of file, by
// name: concept lessons (lesson-*), interview questions (q1-* ... q8-*) and examples (the rest);
// the first two go to submenus, in file name order (Q1 to Q8), the examples sorted by title.
// `include`, when given, keeps only the scenarios it accepts (Help > Lessons: those with a lesson).
void addBuiltinScenarios(QMenu* menu, const QString& dir,
                         const std::function<void(const QString&)>& open,
                         const std::function<bool(const core::Scenario&)>& include = {});

} // namespace cs::ui
