#include "ScenarioLesson.h"

#include "Scenario.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

namespace cs::core {

std::string readLessonObject(const QJsonObject& lesson, Scenario& s) {
    s.lessonJson = QJsonDocument(lesson).toJson(QJsonDocument::Compact).toStdString();
    QStringList parts;
    for (const char* k : {"title", "goal"})
        if (lesson.value(QLatin1String(k)).isString())
            parts << lesson.value(QLatin1String(k)).toString();
    const QJsonValue steps = lesson.value(QLatin1String("steps"));
    if (!steps.isUndefined() && !steps.isArray()) return "lesson.steps: expected an array of steps";
    const QJsonArray list = steps.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonValue text = list.at(i).toObject().value(QLatin1String("text"));
        if (!list.at(i).isObject() || !text.isString())
            return "lesson.steps[" + std::to_string(i) +
                   "].text: expected a step object with a \"text\" string";
        parts << text.toString();
    }
    s.lesson = parts.join(QStringLiteral("\n\n")).toStdString();
    return {};
}

} // namespace cs::core
