// A scenario's lesson in the object form of DESIGN.md section 12 (title, concept, goal, steps):
// read here, apart from the rest of the scenario, so lessons can grow without the reader.
#pragma once

#include <QJsonObject>

#include <string>

namespace cs::core {

struct Scenario;

// Fills `s.lessonJson` (the object, compact, written back as it was) and `s.lesson` (the text a
// learner reads: title, goal and the steps' texts). Returns "" or "json.path: what was expected".
std::string readLessonObject(const QJsonObject& lesson, Scenario& s);

} // namespace cs::core
