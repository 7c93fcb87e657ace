// Load balancers (DESIGN.md section 6 rows 3-4): spread a group's requests over its instances
// (round robin, least outstanding, random; sticky sessions for stateful groups) and health-check
// them.
#include "EngineImpl.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace cs::core {
namespace {

// The first healthy member, from the cursor round to it again, with the fewest outstanding calls
// (kNone if none is healthy): the least count is kept by the load balancer (LbState::least), so
// this looks only from the cursor to the first member that has it.
std::uint32_t leastOutstanding(LbState& lb, std::uint32_t n) {
    if (!lb.leastKnown) lb.countLeast();
#ifdef CLUSTERSIM_SLOW_CHECKS
    assert(lb.least == lb.lookForLeast());
#endif
    const std::uint32_t least = lb.least;
    if (least == UINT32_MAX) return kNone;
    const std::uint32_t* out = lb.outstanding.data();
    const std::uint8_t* healthy = lb.healthy.data();
    const std::uint32_t start = lb.cursor % n;
    for (std::uint32_t b = start; b < n; ++b)
        if (out[b] == least && healthy[b]) return b;
    for (std::uint32_t b = 0; b < start; ++b)
        if (out[b] == least && healthy[b]) return b;
    return kNone;
}

} // namespace

void Engine::Impl::onLbRequest(LbState& lb, const Job& request) {
    const NodeSpec& spec = specs[lb.spec];
    const auto& members = groups[lb.group].members;
    const auto n = static_cast<std::uint32_t>(members.size());
    Job job = request;
    std::uint32_t pick = kNone;
    // Stateful groups: a session goes back to the instance that holds it (sticky), if healthy.
    const bool stateful = specs[groups[lb.group].spec].state == ServiceState::Stateful;
    if (stateful) {
        const auto it = lb.sticky.find(job.session);
        if (it != lb.sticky.end() && it->second < n && lb.healthy[it->second]) pick = it->second;
    }
    if (pick == kNone) switch (spec.algorithm) {
        case LbAlgorithm::RoundRobin:
            for (std::uint32_t i = 0; i < n && pick == kNone; ++i) {
                const std::uint32_t b = (lb.cursor + i) % n;
                if (lb.healthy[b]) pick = b;
            }
            if (pick != kNone) lb.cursor = (pick + 1) % n;
            break;
        case LbAlgorithm::LeastOutstanding:
            pick = leastOutstanding(lb, n);
            if (pick != kNone) lb.cursor = (pick + 1) % n;
            break;
        case LbAlgorithm::Random: {
            std::uint32_t healthy = 0;
            for (std::uint32_t b = 0; b < n; ++b) healthy += lb.healthy[b] ? 1 : 0;
            if (healthy == 0) break;
            auto k = pnodes[lb.node].rng.below(healthy);
            for (std::uint32_t b = 0; b < n; ++b)
                if (lb.healthy[b] && k-- == 0) {
                    pick = b;
                    break;
                }
            break;
        }
        }
    if (pick == kNone) { // nothing it believes healthy: refuse at once (HTTP 503)
        Job refused = job;
        refused.definite = true;
        respond(refused, lb.node, ErrorReason::Unavailable);
        return;
    }
    if (stateful) {
        auto [it, fresh] = lb.sticky.try_emplace(job.session, pick);
        job.newSession = fresh;
        it->second = pick;
    }
    const std::uint32_t call = openCallFor(lb.node, members[pick], job, spec.downstream_timeout_ms);
    calls[call].backend = pick;
    lb.callOpened(pick);
    sendCall(call);
}

// `answer` is the callee's reply (null on a timeout).
void Engine::Impl::onLbAnswer(std::uint32_t call, ErrorReason err, const Job* answer) {
    Call c = calls[call];
    if (answer) c.parent.takeAnswer(*answer);
    LbState& lb = lbs[pnodes[c.caller].model];
    if (c.backend < lb.outstanding.size() && lb.outstanding[c.backend] > 0)
        lb.callClosed(c.backend);
    retain(c.parent.request); // keep the request alive across closeCall
    closeCall(call);
    respond(c.parent, c.caller, err);
    release(c.parent.request);
}

// The load balancer learns about dead or unreachable instances only here, once per interval.
void Engine::Impl::onHealthCheck(std::uint32_t li) {
    LbState& lb = lbs[li];
    const NodeSpec& spec = specs[lb.spec];
    if (pnodes[lb.node].alive) {
        const auto& members = groups[lb.group].members;
        for (std::size_t b = 0; b < members.size(); ++b) {
            const PNode& m = pnodes[members[b]];
            const bool ok =
                ready(members[b]) && m.alive && topo.route(lb.node, members[b]) != kNone;
            if (ok != lb.healthy[b]) {
                lb.setHealthy(b, ok);
                if (m.exists)
                    log(m.name, spec.id + (ok ? " sees " + m.name + " healthy and sends it traffic"
                                              : " marks " + m.name +
                                                    " unhealthy and stops sending it traffic"));
            }
        }
    }
    events.push(now + std::llround(spec.health_check_interval_ms * 1000.0), EventType::HealthCheck,
                li);
}

namespace {

class LoadBalancerModel final : public NodeModel {
public:
    void build(Engine::Impl& e, std::uint32_t i) override {
        const NodeId id = e.addNode(e.specs[i].id, i, i);
        e.pnodes[id].model = static_cast<std::uint32_t>(e.lbs.size());
        LbState lb;
        lb.spec = i;
        lb.node = id;
        e.lbs.push_back(std::move(lb));
    }

    // After the groups added their first instances (the registry puts groups first).
    void wire(Engine::Impl& e) override {
        for (auto& lb : e.lbs) {
            lb.group = e.groupOfSpec[e.specIndex.at(e.specs[lb.spec].group)];
            const std::size_t n = e.groups[lb.group].members.size();
            // Known healthy at start; later changes are seen by health checks.
            lb.healthy.assign(n, true);
            lb.outstanding.assign(n, 0);
        }
    }

    void start(Engine::Impl& e) override {
        for (std::uint32_t l = 0; l < e.lbs.size(); ++l)
            e.events.push(std::llround(e.specs[e.lbs[l].spec].health_check_interval_ms * 1000.0),
                          EventType::HealthCheck, l);
    }

    void onRequest(Engine::Impl& e, NodeId node, const Job& job) override {
        e.onLbRequest(e.lbs[e.pnodes[node].model], job);
    }
    void onAnswer(Engine::Impl& e, std::uint32_t call, ErrorReason err,
                  const Job* answer) override {
        e.onLbAnswer(call, err, answer);
    }

    void onMemberAdded(Engine::Impl& e, std::uint32_t group, NodeId) override {
        for (auto& lb : e.lbs)
            if (lb.group == group && lb.healthy.size() < e.groups[group].members.size()) {
                lb.healthy.push_back(false); // until its first health check
                lb.outstanding.push_back(0);
                lb.leastKnown = false;
            }
    }

    void onKill(Engine::Impl& e, NodeId n) override {
        LbState& lb = e.lbs[e.pnodes[n].model];
        std::fill(lb.outstanding.begin(), lb.outstanding.end(), 0);
        lb.leastKnown = false;
    }

    NodeId resolveTarget(Engine::Impl& e, std::uint32_t spec, NodeId, Rng&,
                         std::uint32_t) override {
        return e.specNodes[spec].front();
    }
    std::uint32_t storeBehind(const Engine::Impl& e, std::uint32_t spec, int depth) const override {
        const std::uint32_t group = e.specIndex.at(e.specs[spec].group);
        return e.modelOf(e.specs[group].kind).storeBehind(e, group, depth + 1);
    }
};

} // namespace

std::unique_ptr<NodeModel> makeLoadBalancerModel() {
    return std::make_unique<LoadBalancerModel>();
}

} // namespace cs::core
