// A scenario's lesson (DESIGN.md section 12): read from the old string form or the object form,
// validated against the scenario, and written back in the object form.
#pragma once

#include "JsonFields.h"
#include "Scenario.h"

#include <functional>
#include <span>
#include <string>
#include <vector>

namespace cs::core {

// The concepts a lesson may teach (DESIGN.md section 12), in the guide's order.
std::span<const char* const> lessonConcepts();

// Reads `lesson` (a string: one step of text; an object: title, concept, question, goal, steps).
// Throws LoadError with the JSON path (`lesson.steps[1].predict.answer`).
Lesson readLesson(const QJsonValue& lesson, std::vector<std::string>& warnings);

// The lesson's JSON text in the object form, a step per line (indented for the scenario file's
// top level); "" for an empty lesson.
std::string lessonToJson(const Lesson& lesson);

// Cross-reference checks a file can only fail together with the rest of the scenario: step
// actions naming nodes and links that exist, reveals quoting summary keys. Returns "" or
// "lesson.steps[2].actions[0].node: ...". `validateAction` is the timeline's own check.
std::string validateLesson(
    const Scenario& s,
    const std::function<std::string(const Action&, const std::string& path)>& validateAction);

// Shared with the timeline (ScenarioReader.cpp, ScenarioWriter.cpp): one action object. `timed`
// false reads and writes it without "at_s" (a lesson step's action).
Action readAction(const QJsonObject& o, const std::string& path, std::vector<std::string>& warnings,
                  bool timed = true);
std::string actionToJson(const Action& a, bool timed = true);

// The timeline that replays a run: the actions it applied (`applied`, with the sim time of each)
// less those a timed lesson step applied, which the scenario's lesson applies again on its own.
// Save Session and rewind use it so that a lesson's actions do not run twice.
std::vector<Action> sessionTimeline(const Scenario& s, const std::vector<Action>& applied);

} // namespace cs::core
