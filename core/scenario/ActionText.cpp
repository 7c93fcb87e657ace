#include "ActionText.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>

namespace cs::core {
namespace {

std::string number(double v, int decimals) {
    std::ostringstream out;
    out.precision(decimals);
    out << std::fixed << v;
    std::string s = out.str();
    if (s.find('.') != std::string::npos) { // 2.50 -> 2.5, 3.0 -> 3
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    return s;
}

std::string text(const FieldValue& v) {
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    return number(std::get<double>(v), 3);
}

// What each scaling policy does, as the inspector's tooltip says it.
std::string policyWords(const std::string& p) {
    if (p == "manual") return "manual: the instance count stays where it is";
    if (p == "target_tracking")
        return "target tracking: it adds or removes instances to keep them near their target "
               "utilisation";
    if (p == "step") return "step: it adds or removes instances when utilisation crosses a line";
    if (p == "scheduled") return "scheduled: it follows its schedule";
    return p;
}

} // namespace

ActionText describeSet(NodeKind kind, const std::string& id, const std::string& field,
                       const FieldValue& value) {
    const std::string v = text(value);
    if (field == "mode") {
        const bool ap = v == "AP";
        return {id + " → " + v,
                "Store " + id + " switched to " + v +
                    (ap ? " (availability first: every replica answers, even one cut off, and "
                          "may answer with stale data)"
                        : " (consistency first: without a majority it refuses rather than "
                          "answer with stale data)")};
    }
    if (field == "autoscaling.policy") {
        std::string name = v;
        for (char& c : name)
            if (c == '_') c = ' ';
        return {id + " scaling: " + name, id + "'s scaling policy is now " + policyWords(v)};
    }
    if (field == "instances")
        return {id + " → " + v + " instances", id + " set to " + v + " instances"};
    const FieldRow* row = findField(kind, field);
    std::string what = row && row->label ? row->label : field;
    std::string shown = v;
    if (row && !row->isText()) {
        const double x = std::get<double>(value);
        if (row->type == FieldType::Bool)
            shown = x != 0 ? "on" : "off";
        else if (x == 0 && row->offText[0])
            shown = row->offText;
        else
            shown = number(x * row->scale, std::max(row->decimals, 0) + 1) +
                    (row->unit[0] ? std::string(" ") + row->unit : std::string());
    }
    for (char& c : what) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return {id + ": " + what + " " + shown, id + ": " + what + " set to " + shown};
}

ActionText describeSetLink(const Action& a) {
    const std::string link = a.a + "–" + a.b;
    std::string what;
    if (a.median_ms) {
        what = "messages take " + number(*a.median_ms, 2) + " ms one way";
        if (a.p99_ms && *a.p99_ms != *a.median_ms)
            what += " (1 in 100 over " + number(*a.p99_ms, 2) + " ms)";
    }
    if (a.loss) {
        if (!what.empty()) what += "; ";
        what += *a.loss > 0 ? number(*a.loss * 100, 2) + " % of messages are lost"
                            : std::string("no message is lost");
    }
    std::string label = "link " + link;
    if (a.median_ms) label += ": " + number(*a.median_ms, 2) + " ms";
    if (a.loss && *a.loss > 0) label += ", " + number(*a.loss * 100, 2) + " % lost";
    return {label, "link " + link + " changed: " + (what.empty() ? "as before" : what)};
}

} // namespace cs::core
