#include "ScenarioLesson.h"

#include "SummaryKeys.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace cs::core {
namespace {

constexpr const char* kConcepts[] = {"latency-throughput",
                                     "cap",
                                     "scalability-elasticity",
                                     "stateful-stateless",
                                     "horizontal-vertical",
                                     "read-write-heavy",
                                     "strong-eventual",
                                     "idempotency",
                                     "sharding",
                                     "rate-limiting"};
constexpr const char* kQuestions[] = {"Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8"};

QJsonArray arrayAt(ObjectReader& r, const char* key) {
    const QJsonValue v = r.raw(key);
    if (v.isUndefined()) return {};
    if (!v.isArray()) r.fail(key, "an array", v);
    return v.toArray();
}

Prediction readPrediction(const QJsonObject& o, const std::string& path,
                          std::vector<std::string>& warnings) {
    ObjectReader r(o, path, warnings);
    Prediction p;
    p.question = r.string("question", "", true);
    const QJsonArray choices = arrayAt(r, "choices");
    for (qsizetype i = 0; i < choices.size(); ++i) {
        if (!choices[i].isString())
            throw LoadError{r.at("choices") + "[" + std::to_string(i) + "]",
                            "expected a string, got " + describe(choices[i])};
        p.choices.push_back(choices[i].toString().toStdString());
    }
    if (p.choices.size() < 2)
        throw LoadError{r.at("choices"), "expected at least two choices (strings)"};
    if (!r.has("answer")) throw LoadError{r.at("answer"), "is required (an index into choices)"};
    const QJsonValue answer = o.value(QLatin1String("answer"));
    const double a = answer.toDouble(-1);
    if (!answer.isDouble() || a != std::floor(a) || a < 0 ||
        a >= static_cast<double>(p.choices.size()))
        throw LoadError{r.at("answer"), "expected an index into choices (0 to " +
                                            std::to_string(p.choices.size() - 1) + "), got " +
                                            describe(answer)};
    r.raw("answer");
    p.answer = static_cast<int>(a);
    p.reveal = r.string("reveal", "");
    r.warnUnknown();
    return p;
}

LessonStep readStep(const QJsonObject& o, const std::string& path,
                    std::vector<std::string>& warnings) {
    ObjectReader r(o, path, warnings);
    LessonStep step;
    step.text = r.string("text", "", true);
    if (r.has("at_s")) step.at_s = r.number("at_s", 0.0, 0.0, 1e9);
    step.pause = r.boolean("pause", false);
    if (step.pause && !step.at_s)
        throw LoadError{r.at("pause"), "needs the step's \"at_s\" (the time to pause at)"};
    const QJsonArray actions = arrayAt(r, "actions");
    for (qsizetype i = 0; i < actions.size(); ++i) {
        const std::string p = r.at("actions") + "[" + std::to_string(i) + "]";
        if (!actions[i].isObject())
            throw LoadError{p, "expected an action object, got " + describe(actions[i])};
        step.actions.push_back(readAction(actions[i].toObject(), p, warnings, false));
    }
    const QJsonValue predict = r.raw("predict");
    if (!predict.isUndefined()) {
        if (!predict.isObject())
            r.fail("predict", "an object {question, choices, answer, reveal}", predict);
        step.predict = readPrediction(predict.toObject(), r.at("predict"), warnings);
    }
    r.warnUnknown();
    return step;
}

std::string str(const std::string& s) {
    return Ordered::json(QString::fromStdString(s));
}

std::string stepToJson(const LessonStep& step) {
    Ordered o;
    o.addRaw("text", str(step.text));
    if (step.at_s) o.add("at_s", *step.at_s);
    if (step.pause) o.add("pause", true);
    if (!step.actions.empty()) {
        std::string list;
        for (const Action& a : step.actions)
            list += (list.empty() ? "" : ", ") + actionToJson(a, false);
        o.addRaw("actions", "[" + list + "]");
    }
    if (step.predict) {
        const Prediction& p = *step.predict;
        QJsonArray choices;
        for (const auto& c : p.choices) choices.append(QString::fromStdString(c));
        Ordered po;
        po.addRaw("question", str(p.question)).add("choices", choices).add("answer", p.answer);
        if (!p.reveal.empty()) po.addRaw("reveal", str(p.reveal));
        o.addRaw("predict", po.str());
    }
    return o.str();
}

} // namespace

std::span<const char* const> lessonConcepts() {
    return kConcepts;
}

std::string Lesson::text() const {
    std::string out;
    auto add = [&](const std::string& part) {
        if (part.empty()) return;
        out += (out.empty() ? "" : "\n\n") + part;
    };
    add(title);
    add(goal);
    for (const auto& step : steps) add(step.text);
    return out;
}

Lesson readLesson(const QJsonValue& value, std::vector<std::string>& warnings) {
    Lesson lesson;
    if (value.isUndefined()) return lesson;
    if (value.isString()) { // the old form: one step of text
        if (!value.toString().isEmpty())
            lesson.steps.push_back({value.toString().toStdString(), {}, false, {}, {}});
        return lesson;
    }
    if (!value.isObject())
        throw LoadError{"lesson", "expected a string or an object {title, concept, goal, steps}, "
                                  "got " +
                                      describe(value)};
    ObjectReader r(value.toObject(), "lesson", warnings);
    lesson.title = r.string("title", "");
    lesson.concept_name = r.choice("concept", "", kConcepts);
    lesson.question = r.choice("question", "", kQuestions);
    lesson.goal = r.string("goal", "");
    const QJsonArray steps = arrayAt(r, "steps");
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const std::string p = "lesson.steps[" + std::to_string(i) + "]";
        if (!steps[i].isObject())
            throw LoadError{p, "expected a step object with a \"text\" string, got " +
                                   describe(steps[i])};
        lesson.steps.push_back(readStep(steps[i].toObject(), p, warnings));
    }
    r.warnUnknown();
    return lesson;
}

std::string lessonToJson(const Lesson& lesson) {
    if (lesson.empty()) return {};
    Ordered head;
    if (!lesson.title.empty()) head.addRaw("title", str(lesson.title));
    if (!lesson.concept_name.empty()) head.addRaw("concept", str(lesson.concept_name));
    if (!lesson.question.empty()) head.addRaw("question", str(lesson.question));
    if (!lesson.goal.empty()) head.addRaw("goal", str(lesson.goal));
    std::string out = head.str();
    out.pop_back(); // the closing brace: the steps follow
    if (lesson.steps.empty()) return out + "}";
    out += std::string(out.size() > 1 ? ", " : "") + "\"steps\": [\n";
    for (std::size_t i = 0; i < lesson.steps.size(); ++i)
        out += "    " + stepToJson(lesson.steps[i]) + (i + 1 < lesson.steps.size() ? ",\n" : "\n");
    return out + "  ]}";
}

std::string validateLesson(
    const Scenario& s,
    const std::function<std::string(const Action&, const std::string& path)>& validateAction) {
    for (std::size_t i = 0; i < s.lesson.steps.size(); ++i) {
        const LessonStep& step = s.lesson.steps[i];
        const std::string p = "lesson.steps[" + std::to_string(i) + "]";
        if (step.at_s && *step.at_s > s.duration_s)
            return p + ".at_s: " + ObjectReader::fmt(*step.at_s) + " s is after the run's end (" +
                   ObjectReader::fmt(s.duration_s) + " s)";
        for (std::size_t k = 0; k < step.actions.size(); ++k)
            if (std::string e =
                    validateAction(step.actions[k], p + ".actions[" + std::to_string(k) + "]");
                !e.empty())
                return e;
        if (step.predict)
            for (const std::string& key : summaryPlaceholders(step.predict->reveal))
                if (!isSummaryKey(key))
                    return p + ".predict.reveal: unknown summary key \"" + key + "\" in {" + key +
                           "} (expected a key such as requests.failed.total)";
    }
    return {};
}

std::vector<Action> sessionTimeline(const Scenario& s, const std::vector<Action>& applied) {
    std::vector<Action> fromLesson; // what the engine adds from the lesson (Engine::Impl::Impl)
    for (const LessonStep& step : s.lesson.steps)
        if (step.at_s)
            for (Action a : step.actions) {
                a.at_us = std::llround(*step.at_s * 1e6);
                fromLesson.push_back(std::move(a));
            }
    std::vector<Action> out;
    out.reserve(applied.size());
    for (const Action& a : applied) {
        const auto same = std::find(fromLesson.begin(), fromLesson.end(), a);
        if (same != fromLesson.end())
            fromLesson.erase(same); // one lesson action accounts for one applied copy
        else
            out.push_back(a);
    }
    return out;
}

} // namespace cs::core
