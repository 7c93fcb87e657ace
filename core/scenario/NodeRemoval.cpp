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

constexpr std::size_t kAdded = static_cast<std::size_t>(-1); // a link the removal adds

// What a node with a required reference to the gone node `x` is pointed at instead: where `x`
// itself sent requests (a load balancer's group, a rate limiter's target), when that is of a kind
// the reference allows; "" when nothing fits.
std::string bypass(const Work& w, const NodeRemoval& r, const NodeSpec& n, const FieldRow& row,
                   const std::string& x) {
    const auto spec = std::find_if(r.nodes.begin(), r.nodes.end(),
                                   [&](const auto& p) { return p.second.id == x; });
    if (spec == r.nodes.end()) return {};
    for (const FieldRow& via : fieldTable()) {
        if (via.type != FieldType::Reference || !via.kinds.has(spec->second.kind)) continue;
        const std::string y = std::get<std::string>(via.access.get(spec->second));
        const NodeSpec* target = w.s.find(y);
        if (!target || y == n.id || w.gone.count(y) || !row.refKinds.has(target->kind)) continue;
        if (target->kind == NodeKind::Datastore && !target->replicas.empty()) continue;
        return y;
    }
    return {};
}

// Links `n` to `y` as it was linked to the gone `x` (the same latency and loss), unless they are
// linked already.
void linkAround(Work& w, const NodeRemoval& r, const std::string& n, const std::string& x,
                const std::string& y) {
    auto joins = [](const LinkSpec& l, const std::string& a, const std::string& b) {
        return (l.a == a && l.b == b) || (l.a == b && l.b == a);
    };
    if (std::any_of(w.s.links.begin(), w.s.links.end(),
                    [&](const LinkSpec& l) { return joins(l, n, y); }))
        return;
    LinkSpec link;
    for (const auto& [index, old] : r.links)
        if (joins(old, n, x)) link = old;
    link.a = n;
    link.b = y;
    w.s.links.push_back(link);
    w.linkAt.push_back(kAdded);
}

// Removes the gone nodes still there and their links. A reference to a gone node is cleared; a
// required one is pointed past it (bypass) or, when nothing fits, its node is marked gone too.
// Returns whether it marked any.
bool removeGone(Work& w, NodeRemoval& r) {
    addReplicasOfGone(w);
    auto gone = [&](const std::string& id) { return !id.empty() && w.gone.count(id) > 0; };
    for (std::size_t i = w.s.links.size(); i-- > 0;) {
        if (!gone(w.s.links[i].a) && !gone(w.s.links[i].b)) continue;
        if (w.linkAt[i] != kAdded) {
            take(w.s.links, w.linkAt, i, r.links);
            continue;
        }
        w.s.links.erase(w.s.links.begin() + static_cast<std::ptrdiff_t>(i));
        w.linkAt.erase(w.linkAt.begin() + static_cast<std::ptrdiff_t>(i));
    }
    for (std::size_t i = w.s.nodes.size(); i-- > 0;)
        if (gone(w.s.nodes[i].id)) take(w.s.nodes, w.nodeAt, i, r.nodes);
    bool more = false;
    for (NodeSpec& n : w.s.nodes) {
        for (const FieldRow& row : fieldTable()) {
            if (row.type != FieldType::Reference || !row.kinds.has(n.kind)) continue;
            const std::string ref = std::get<std::string>(row.access.get(n));
            if (!gone(ref)) continue;
            const std::string past = row.required ? bypass(w, r, n, row, ref) : std::string();
            if (!past.empty()) linkAround(w, r, n.id, ref, past);
            if (row.required && past.empty())
                more |= w.gone.insert(n.id).second;
            else
                row.access.set(n, past);
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
    for (std::size_t j = 0; j < w.s.links.size(); ++j)
        if (w.linkAt[j] == kAdded) r.addedLinks.push_back(w.s.links[j]);
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

NodeRemoval planLinkRemoval(const Scenario& s, std::size_t index) {
    NodeRemoval r;
    if (index >= s.links.size()) return r;
    const LinkSpec& link = s.links[index];
    r.links.emplace_back(index, link);
    // A member (api-2) stands for its group, as the validator reads link actions.
    auto owner = [&](const std::string& id) {
        return s.find(id) ? id : id.substr(0, id.rfind('-'));
    };
    auto onLink = [&](const Action& a) {
        const bool linkAction = a.kind == ActionKind::CutLink || a.kind == ActionKind::HealLink ||
                                a.kind == ActionKind::SetLink;
        return linkAction && std::minmax(owner(a.a), owner(a.b)) == std::minmax(link.a, link.b);
    };
    for (std::size_t i = 0; i < s.timeline.size(); ++i)
        if (onLink(s.timeline[i])) r.timeline.emplace_back(i, s.timeline[i]);
    for (std::size_t i = 0; i < s.lesson.steps.size(); ++i)
        for (std::size_t k = 0; k < s.lesson.steps[i].actions.size(); ++k)
            if (onLink(s.lesson.steps[i].actions[k]))
                r.lessonActions.push_back({i, k, s.lesson.steps[i].actions[k]});
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
    s.links.insert(s.links.end(), r.addedLinks.begin(), r.addedLinks.end());
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
    s.links.resize(s.links.size() - std::min(s.links.size(), r.addedLinks.size()));
    insertAt(s.links, r.links);
    insertAt(s.timeline, r.timeline);
    insertAt(s.expect, r.expect);
    for (const auto& sa : r.lessonActions) {
        auto& actions = s.lesson.steps[sa.step].actions;
        actions.insert(actions.begin() + static_cast<std::ptrdiff_t>(sa.index), sa.action);
    }
}

} // namespace cs::core
