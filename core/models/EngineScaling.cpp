// The autoscaler of a service group (DESIGN.md section 6 row 3): manual, step, target tracking
// and scheduled policies with min/max, cooldown and warm-up; scale-in drains before it removes.
#include "EngineImpl.h"

#include <algorithm>
#include <cmath>

namespace cs::core {

// Registered with its load balancers: existing, not draining, and past its warm-up.
bool Engine::Impl::ready(NodeId m) const {
    const PNode& p = pnodes[m];
    return p.exists && !p.draining && now >= p.warmUntil;
}

void Engine::Impl::retireIfIdle(NodeId m) {
    PNode& p = pnodes[m];
    if (!p.draining || !p.exists) return;
    const Station& st = stations[p.model];
    if (st.busy > 0 || !st.queue.empty() || st.batchedWaiting > 0) return;
    killNode(m);
    p.exists = false;
    log(p.name, p.name + " drained and removed: it finished its last request first");
}

void Engine::Impl::onAutoscale(std::uint32_t g) {
    GroupState& group = groups[g];
    const NodeSpec& spec = specs[group.spec];
    const Autoscaling& a = *spec.autoscaling;
    if (a.policy == Autoscaling::Policy::Manual) { // switched to manual live: the looks stop
        group.autoscaleTicking = false;
        return;
    }
    const SimTime window = std::max<SimTime>(1, now - group.lastLook);
    group.lastLook = now;
    // Utilisation of the ready instances over the window; warming ones are left out.
    double busy = 0, capacity = 0, waiting = 0;
    int readyCount = 0, current = 0, warming = 0;
    for (NodeId m : group.members) {
        PNode& p = pnodes[m];
        if (!p.exists || p.draining) continue;
        ++current;
        Station& st = stations[p.model];
        setBusy(st, 0); // bring the integrals up to now
        if (ready(m) && p.alive) {
            ++readyCount;
            busy += st.scaleBusy;
            waiting += static_cast<double>(st.queue.size() + st.batchedWaiting);
            capacity += static_cast<double>(st.cores) * static_cast<double>(window);
        } else if (now < p.warmUntil) {
            ++warming;
        }
        st.scaleBusy = 0;
    }
    const double util = capacity > 0 ? busy / capacity : 0.0;
    int desired = current;
    std::string why;
    switch (a.policy) {
    case Autoscaling::Policy::Manual:
        break;
    case Autoscaling::Policy::TargetTracking:
        if (a.target_queue_depth > 0) { // requests waiting per ready instance, as seen now
            const double depth = readyCount ? waiting / readyCount : 0.0;
            desired = std::max(
                static_cast<int>(std::ceil(readyCount * depth / a.target_queue_depth - 1e-9)) +
                    warming,
                readyCount == 0 ? current : 1);
            why = "queue depth " + sentenceNumber(depth) + " per instance against a target of " +
                  sentenceNumber(a.target_queue_depth);
            break;
        }
        // desired = ceil(ready x utilisation / target); instances already warming count as coming.
        desired = std::max(
            static_cast<int>(std::ceil(readyCount * util / a.target_utilization - 1e-9)) + warming,
            readyCount == 0 ? current : 0);
        why = "utilisation " + sentenceNumber(util) + " over the last " +
              sentenceNumber(static_cast<double>(window) / 1e6) + " s against a target of " +
              sentenceNumber(a.target_utilization);
        break;
    case Autoscaling::Policy::Step:
        for (const auto& rule : a.steps)
            if ((rule.above <= 1 && util > rule.above) || (rule.below >= 0 && util < rule.below)) {
                desired = current + rule.add;
                why = "utilisation " + sentenceNumber(util) +
                      (rule.above <= 1 ? " above " + sentenceNumber(rule.above)
                                       : " below " + sentenceNumber(rule.below));
                break;
            }
        break;
    case Autoscaling::Policy::Scheduled:
        for (const auto& s : a.schedule)
            if (static_cast<double>(now) / 1e6 >= s.at_s) {
                desired = s.desired;
                why = "the schedule asks for " + std::to_string(s.desired) + " from " +
                      sentenceNumber(s.at_s) + " s";
            }
        break;
    }
    desired = std::clamp(desired, a.min, a.max);
    const bool cooling =
        group.lastScaling >= 0 && now - group.lastScaling < std::llround(a.cooldown_s * 1e6);
    if (desired != current && !cooling) {
        group.lastScaling = now;
        ++totals.scaling_actions;
        if (desired > current) {
            for (int k = current; k < desired; ++k) {
                const NodeId m = addMember(g);
                pnodes[m].warmUntil = now + std::llround(a.warmup_s * 1e6);
            }
            log(spec.id, spec.id + " scales out " + std::to_string(current) + " -> " +
                             std::to_string(desired) + ": " + why + "; new instances warm up for " +
                             sentenceNumber(a.warmup_s) + " s before taking traffic");
        } else {
            int remove = current - desired;
            for (std::size_t k = group.members.size(); k-- > 0 && remove > 0;) {
                PNode& p = pnodes[group.members[k]];
                if (!p.exists || p.draining) continue;
                p.draining = true; // deregistered at once: load balancers stop sending it work
                for (auto& lb : lbs)
                    if (lb.group == g && k < lb.healthy.size()) lb.setHealthy(k, false);
                --remove;
                retireIfIdle(group.members[k]);
            }
            log(spec.id, spec.id + " scales in " + std::to_string(current) + " -> " +
                             std::to_string(desired) + ": " + why +
                             "; instances drain their work before they go");
        }
    }
    events.push(now + std::llround(a.evaluation_s * 1e6), EventType::Autoscale, g);
}

} // namespace cs::core
