#include "NodeRemoval.h"

#include "FieldTable.h"
#include "ScenarioIO.h"

#include <algorithm>
#include <charconv>
#include <numeric>
#include <set>

namespace cs::core {
namespace {

// The scenario as it shrinks, with each remaining entry's index in the scenario planned from.
struct Work {
    Scenario s;
    std::vector<std::size_t> nodeAt, linkAt, timelineAt, expectAt;
    std::vector<std::vector<std::size_t>> stepActionAt;
    std::set<std::string> gone;
};

std::vector<std::size_t> indices(std::size_t n) {
    std::vector<std::size_t> v(n);
    std::iota(v.begin(), v.end(), std::size_t{0});
    return v;
}

template <class T>
void take(std::vector<T>& items, std::vector<std::size_t>& at, std::size_t i,
          std::vector<std::pair<std::size_t, T>>& out) {
    out.emplace_back(at[i], items[i]);
    items.erase(items.begin() + static_cast<std::ptrdiff_t>(i));
    at.erase(at.begin() + static_cast<std::ptrdiff_t>(i));
}

// A datastore's replicas are its parts: they go with it.
void addReplicasOfGone(Work& w) {
    for (const NodeSpec& n : w.s.nodes)
        if (w.gone.count(n.id)) w.gone.insert(n.replicas.begin(), n.replicas.end());
}

// Removes the gone nodes still there and their links; clears references to them, and marks gone
// the nodes whose required reference named one. Returns whether it marked any.
bool removeGone(Work& w, NodeRemoval& r) {
    addReplicasOfGone(w);
    auto gone = [&](const std::string& id) { return !id.empty() && w.gone.count(id) > 0; };
    for (std::size_t i = w.s.links.size(); i-- > 0;)
        if (gone(w.s.links[i].a) || gone(w.s.links[i].b)) take(w.s.links, w.linkAt, i, r.links);
    for (std::size_t i = w.s.nodes.size(); i-- > 0;)
        if (gone(w.s.nodes[i].id)) take(w.s.nodes, w.nodeAt, i, r.nodes);
    bool more = false;
    for (NodeSpec& n : w.s.nodes) {
        for (const FieldRow& row : fieldTable()) {
            if (row.type != FieldType::Reference || !row.kinds.has(n.kind)) continue;
            if (!gone(std::get<std::string>(row.access.get(n)))) continue;
            if (row.required)
                more |= w.gone.insert(n.id).second;
            else
                row.access.set(n, std::string());
        }
        std::erase_if(n.replicas, gone);
    }
    return more;
}

// The path where loading the scenario's file would stop ("nodes[3].target: ..."), or "".
std::string loadError(const Scenario& s, const std::string& path) {
    const std::string name = path.empty() ? std::string("scenario") : path;
    const std::string error = reloadError(s, name);
    return error.substr(std::min(error.size(), name.size() + 2));
}

// Reads "<prefix><digits>]" at the start of `text`; the rest follows in `rest`.
bool indexAfter(const std::string& text, const std::string& prefix, std::size_t& index,
                std::string& rest) {
    if (text.rfind(prefix, 0) != 0) return false;
    const char* first = text.data() + prefix.size();
    const char* last = text.data() + text.size();
    auto [p, ec] = std::from_chars(first, last, index);
    if (ec != std::errc() || p == last || *p != ']') return false;
    rest = std::string(p + 1, last);
    return true;
}

// One node field the loader refuses: a reference is cleared (or its node goes, when the reference
// is required), a bound that depends on other fields is met. Returns false when it cannot.
bool mendNodeField(Work& w, std::size_t i, const std::string& rest) {
    if (i >= w.s.nodes.size() || rest.empty() || rest[0] != '.') return false;
    NodeSpec& n = w.s.nodes[i];
    const std::string field = rest.substr(1, rest.find_first_of(".[:", 1) - 1);
    const FieldRow* row = findField(n.kind, field);
    if (!row) return false;
    if (row->type == FieldType::Reference) {
        if (row->required) return w.gone.insert(n.id).second;
        if (std::get<std::string>(row->access.get(n)).empty()) return false;
        row->access.set(n, std::string());
        return true;
    }
    if ((row->type == FieldType::Number || row->type == FieldType::Integer) && row->hiFor) {
        const double v = std::get<double>(row->access.get(n));
        if (v <= row->maxFor(n)) return false;
        row->access.set(n, row->maxFor(n));
        return true;
    }
    return false;
}

// What the loader refuses after the removal: mends it if the removal caused it. Returns false
// when the error is of another kind.
bool mend(Work& w, NodeRemoval& r, const std::string& error) {
    std::size_t i = 0, k = 0;
    std::string rest, tail;
    if (indexAfter(error, "nodes[", i, rest)) return mendNodeField(w, i, rest);
    if (indexAfter(error, "timeline[", i, rest) && i < w.s.timeline.size()) {
        take(w.s.timeline, w.timelineAt, i, r.timeline);
        return true;
    }
    if (indexAfter(error, "expect[", i, rest) && i < w.s.expect.size()) {
        take(w.s.expect, w.expectAt, i, r.expect);
        return true;
    }
    if (indexAfter(error, "lesson.steps[", i, rest) && i < w.s.lesson.steps.size() &&
        indexAfter(rest, ".actions[", k, tail) && k < w.s.lesson.steps[i].actions.size()) {
        auto& actions = w.s.lesson.steps[i].actions;
        r.lessonActions.push_back({i, w.stepActionAt[i][k], actions[k]});
        actions.erase(actions.begin() + static_cast<std::ptrdiff_t>(k));
        w.stepActionAt[i].erase(w.stepActionAt[i].begin() + static_cast<std::ptrdiff_t>(k));
        return true;
    }
    return false;
}

template <class T> void byIndex(std::vector<std::pair<std::size_t, T>>& v) {
    std::sort(v.begin(), v.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
}

} // namespace

NodeRemoval planNodeRemoval(const Scenario& s, const std::vector<std::string>& ids,
                            const std::string& path) {
    NodeRemoval r;
    for (const std::string& id : ids)
        if (s.find(id) && std::find(r.asked.begin(), r.asked.end(), id) == r.asked.end())
            r.asked.push_back(id);
    Work w{s,
           indices(s.nodes.size()),
           indices(s.links.size()),
           indices(s.timeline.size()),
           indices(s.expect.size()),
           {},
           {r.asked.begin(), r.asked.end()}};
    for (const LessonStep& step : s.lesson.steps)
        w.stepActionAt.push_back(indices(step.actions.size()));
    const bool loadedBefore = loadError(s, path).empty();
    while (removeGone(w, r)) {
    }
    // Each pass mends one thing (or marks a node gone); a bound keeps a surprise from looping.
    std::size_t budget = 4 * (s.nodes.size() + s.timeline.size() + s.expect.size() + 8);
    for (const auto& step : s.lesson.steps) budget += step.actions.size();
    while (loadedBefore) {
        const std::string error = loadError(w.s, path);
        if (error.empty()) break;
        if (budget-- == 0 || !mend(w, r, error)) {
            r.error = error;
            break;
        }
        while (removeGone(w, r)) {
        }
    }
    for (std::size_t j = 0; j < w.s.nodes.size(); ++j)
        if (!(w.s.nodes[j] == s.nodes[w.nodeAt[j]]))
            r.edited.emplace_back(s.nodes[w.nodeAt[j]], w.s.nodes[j]);
    byIndex(r.nodes);
    byIndex(r.links);
    byIndex(r.timeline);
    byIndex(r.expect);
    std::sort(r.lessonActions.begin(), r.lessonActions.end(), [](const auto& x, const auto& y) {
        return std::pair(x.step, x.index) < std::pair(y.step, y.index);
    });
    return r;
}

namespace {

template <class T>
void eraseAt(std::vector<T>& items, const std::vector<std::pair<std::size_t, T>>& gone) {
    for (auto it = gone.rbegin(); it != gone.rend(); ++it)
        items.erase(items.begin() + static_cast<std::ptrdiff_t>(it->first));
}

template <class T>
void insertAt(std::vector<T>& items, const std::vector<std::pair<std::size_t, T>>& gone) {
    for (const auto& [i, item] : gone)
        items.insert(items.begin() + static_cast<std::ptrdiff_t>(i), item);
}

void setById(Scenario& s, const NodeSpec& spec) {
    for (NodeSpec& n : s.nodes)
        if (n.id == spec.id) n = spec;
}

} // namespace

void applyNodeRemoval(Scenario& s, const NodeRemoval& r) {
    for (const auto& [before, after] : r.edited) setById(s, after);
    eraseAt(s.nodes, r.nodes);
    eraseAt(s.links, r.links);
    eraseAt(s.timeline, r.timeline);
    eraseAt(s.expect, r.expect);
    for (auto it = r.lessonActions.rbegin(); it != r.lessonActions.rend(); ++it) {
        auto& actions = s.lesson.steps[it->step].actions;
        actions.erase(actions.begin() + static_cast<std::ptrdiff_t>(it->index));
    }
}

void revertNodeRemoval(Scenario& s, const NodeRemoval& r) {
    insertAt(s.nodes, r.nodes);
    for (const auto& [before, after] : r.edited) setById(s, before);
    insertAt(s.links, r.links);
    insertAt(s.timeline, r.timeline);
    insertAt(s.expect, r.expect);
    for (const auto& sa : r.lessonActions) {
        auto& actions = s.lesson.steps[sa.step].actions;
        actions.insert(actions.begin() + static_cast<std::ptrdiff_t>(sa.index), sa.action);
    }
}

} // namespace cs::core
