// What deleting nodes takes with it, so that the scenario left behind still saves and loads.
#pragma once

#include "Scenario.h"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace cs::core {

// Everything one deletion removes or changes. Indices are those of the scenario the plan was made
// from, ascending; applying removes them, reverting puts each back where it was, so that undo
// restores the scenario exactly.
struct NodeRemoval {
    std::vector<std::string> asked;                      // the nodes the user deleted
    std::vector<std::pair<std::size_t, NodeSpec>> nodes; // asked ones, and those that cannot stay
    std::vector<std::pair<std::size_t, LinkSpec>> links;
    std::vector<LinkSpec> addedLinks; // around a deleted node in the path (appended)
    std::vector<std::pair<NodeSpec, NodeSpec>> edited; // nodes that stay: before, after
    std::vector<std::pair<std::size_t, Action>> timeline;
    struct StepAction {
        std::size_t step = 0, index = 0;
        Action action;
    };
    std::vector<StepAction> lessonActions;
    std::vector<std::pair<std::size_t, Expectation>> expect;
    // Not empty when the scenario left behind would still not load: the deletion is refused.
    std::string error;

    // Whether it goes beyond the asked nodes, their links and cleared references (what a
    // teacher is asked to confirm first).
    bool takesMore() const {
        return nodes.size() > asked.size() || !addedLinks.empty() || !timeline.empty() ||
               !lessonActions.empty() || !expect.empty();
    }
};

// Plans deleting `ids` from `s`: their links go; other nodes' references to them are cleared;
// a reference a node cannot be without (a client's target, a load balancer's group) is pointed
// past the deleted node to where it sent requests (a client behind a deleted load balancer then
// targets its group, linked as it was to the balancer), or, when nothing fits, that node goes
// too, as a datastore's replicas go with it; references left without a path of links are
// cleared; timeline actions, lesson step actions and expectations that name what went are
// removed. When `s` itself does not load (`path`: its file, for relative workload files), only
// the nodes, their links and direct references are handled.
NodeRemoval planNodeRemoval(const Scenario& s, const std::vector<std::string>& ids,
                            const std::string& path = {});
// Plans deleting the link at `index`: the timeline and lesson step actions that cut, heal or set
// it go with it (nothing else can edit them). References that lose their path are left for the
// user to link again (Save says which).
NodeRemoval planLinkRemoval(const Scenario& s, std::size_t index);
void applyNodeRemoval(Scenario& s, const NodeRemoval& r);
void revertNodeRemoval(Scenario& s, const NodeRemoval& r);

} // namespace cs::core
