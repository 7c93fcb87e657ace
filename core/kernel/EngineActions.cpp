// Faults and commands (timeline and live), and the periodic metrics row.
#include "ActionText.h"
#include "EngineImpl.h"
#include "FieldTable.h"
#include "Pricing.h"

#include <algorithm>
#include <cmath>

namespace cs::core {
namespace {
constexpr std::size_t kDownHistory = 16;
void remember(std::vector<SimTime>& downs, SimTime t) {
    if (downs.size() == kDownHistory) downs.erase(downs.begin());
    downs.push_back(t);
}
std::string linkName(const std::string& a, const std::string& b) {
    return a + "--" + b;
}
} // namespace

// A name is a physical node, or a scenario node standing for all of its physical nodes.
std::vector<NodeId> Engine::Impl::resolveNodes(const std::string& name, bool& isMember) {
    isMember = false;
    if (auto it = specIndex.find(name); it != specIndex.end()) {
        std::vector<NodeId> out;
        for (NodeId n : specNodes[it->second])
            if (pnodes[n].exists) out.push_back(n);
        return out;
    }
    isMember = true;
    if (auto it = nodeByName.find(name); it != nodeByName.end() && pnodes[it->second].exists)
        return {it->second};
    return {};
}

// A physical node with a queue and cores, added while the engine runs (an instance or a shard).
NodeId Engine::Impl::addStationNode(const std::string& name, std::uint32_t spec) {
    const NodeId id = addNode(name, spec, spec);
    attachStation(id, specs[spec]);
    return id;
}

void Engine::Impl::killNode(NodeId n) {
    PNode& p = pnodes[n];
    if (!p.alive) return;
    p.alive = false;
    ++p.incarnation;
    ++p.timerGen;
    p.timerArmed = false;
    p.deadlines.clear();
    remember(p.downTimes, now);
    lastFault = now;
    topo.setNodeUp(n, false);
    p.sessions.clear();          // sessions in its memory die with it
    p.handler->onKill(*this, n); // what its kind holds in memory is lost with it

    p.poolWaiters.forEach([&](const std::pair<Job, std::uint32_t>& w) {
        markLost(w.first);
        release(w.first.request);
    });
    p.poolWaiters.clear();
    p.poolInUse = 0;
    if (p.station) {
        Station& st = stations[p.model];
        st.queue.forEach([&](const Job& j) {
            markLost(j);
            release(j.request);
        });
        st.queue.clear();
        auto lose = [&](const Job& j) {
            markLost(j);
            release(j.request);
        };
        for (const Job& j : st.forming) lose(j);
        st.forming.clear();
        ++st.formGen;
        st.readyBatches.forEach([&](std::vector<Job>& b) {
            for (const Job& j : b) lose(j);
        });
        st.readyBatches.clear();
        st.batchedWaiting = 0;
        for (std::uint32_t s = 0; s < st.slots.size(); ++s) {
            if (!st.slots[s].busy) continue;
            for (const Job& j : st.slots[s].batch) lose(j);
            st.slots[s].batch.clear();
            markLost(st.slots[s].job);
            release(st.slots[s].job.request);
            st.slots[s].busy = false;
            st.slots[s].serving = false;
            ++st.slots[s].gen;
        }
        setBusy(st, -st.busy);
        st.freeSlots.clear();
        for (std::uint32_t s = static_cast<std::uint32_t>(st.slots.size()); s-- > 0;)
            st.freeSlots.push_back(s);
    }
    // Calls it was waiting on are forgotten; the work they served upstream is lost.
    for (std::uint32_t c = 0; c < calls.capacity(); ++c) {
        if (!calls.live(c) || calls[c].caller != n) continue;
        markLost(calls[c].parent);
        closeCall(c);
    }
}

void Engine::Impl::restartNode(NodeId n) {
    PNode& p = pnodes[n];
    if (p.alive || !p.exists) return;
    p.alive = true;
    topo.setNodeUp(n, true);
    if (p.station) stations[p.model].lastChange = now;
    p.handler->onRestart(*this, n);
}

void Engine::Impl::setLinkState(const Action& a, bool up) {
    bool memberA = false, memberB = false;
    const auto endsA = resolveNodes(a.a, memberA);
    const auto endsB = resolveNodes(a.b, memberB);
    bool any = false;
    for (EdgeId e = 0; e < edges.size(); ++e) {
        const auto [x, y] = topo.endpoints(e);
        const bool matches = (std::count(endsA.begin(), endsA.end(), x) &&
                              std::count(endsB.begin(), endsB.end(), y)) ||
                             (std::count(endsA.begin(), endsA.end(), y) &&
                              std::count(endsB.begin(), endsB.end(), x));
        if (!matches) continue;
        any = true;
        if (topo.edgeUp(e) == up) continue;
        if (!up) {
            remember(edges[e].downTimes, now);
            lastFault = now;
        }
        topo.setEdgeUp(e, up);
    }
    if (!any) log(linkName(a.a, a.b), "skipped: no such link at this moment");
}

// The physical nodes with a queue and cores that a scenario node stands for: a group's
// instances, a datastore's replicas or shards, or itself.
std::vector<NodeId> Engine::Impl::stationsOf(std::uint32_t spec) const {
    std::vector<NodeId> out;
    const auto& all =
        storeOfSpec[spec] != kNone ? stores[storeOfSpec[spec]].nodes : specNodes[spec];
    for (NodeId n : all)
        if (pnodes[n].exists && pnodes[n].station) out.push_back(n);
    return out;
}

void Engine::Impl::setField(const Action& a) {
    const std::uint32_t i = specIndex.at(a.node);
    // Which fields a running node takes is the field table's (the validator refuses the rest);
    // what taking one means is its kind's.
    const FieldRow* row = findField(specs[i].kind, a.field);
    if (!row || !row->live) return;
    modelOf(specs[i].kind).setField(*this, i, *row, a.value);
}

// A station field set live (service groups, datastores, caches, session stores): the service time
// is read at each service, the waiting room and the size change the running instances.
bool Engine::Impl::setStationField(std::uint32_t i, std::string_view field, double v) {
    NodeSpec& n = specs[i];
    if (field == "service_ms") {
        const double scale = n.service.mean() > 0 ? v / n.service.mean() : 1.0;
        n.service.mean_ms = v;
        n.service.median_ms *= scale;
        n.service.p99_ms *= scale;
    } else if (field == "cores") {
        resizeStations(i, static_cast<int>(v));
    } else if (field == "queue_capacity") {
        n.queue_capacity = static_cast<int>(v);
        for (NodeId m : stationsOf(i)) {
            Station& st = stations[pnodes[m].model];
            st.capacity = n.queue_capacity;
            while (!st.queue.empty() && st.busy < st.cores && !st.freeSlots.empty()) {
                const Job next = st.queue.front();
                st.queue.pop();
                startService(m, next);
                release(next.request);
            }
        }
    } else {
        return false;
    }
    return true;
}

// The scaling policy set live: one other than manual starts the autoscaler looking from now; a
// group that had no autoscaler gets one around its current size (chooseScalingPolicy).
void Engine::Impl::setScalingPolicy(std::uint32_t i, const std::string& name) {
    NodeSpec& n = specs[i];
    const auto policy = scalingPolicyFromString(name);
    if (!policy) return;
    const bool first = !n.autoscaling;
    chooseScalingPolicy(n, *policy);
    GroupState& group = groups[groupOfSpec[i]];
    if (n.autoscaling->policy != Autoscaling::Policy::Manual && !group.autoscaleTicking) {
        group.autoscaleTicking = true;
        group.lastLook = now;
        for (NodeId m : group.members) // its first window starts now, not when the run began
            if (pnodes[m].exists && pnodes[m].station) {
                Station& st = stations[pnodes[m].model];
                setBusy(st, 0);
                st.scaleBusy = 0;
            }
        events.push(now + std::llround(n.autoscaling->evaluation_s * 1e6), EventType::Autoscale,
                    groupOfSpec[i]);
    }
    if (first)
        log(n.id, n.id + " had no autoscaler: it gets one that keeps between " +
                      std::to_string(n.autoscaling->min) + " and " +
                      std::to_string(n.autoscaling->max) + " instances");
}

// A vertical resize: each instance restarts with the new size, one after another (the next goes
// down when the previous is back), so a group of several keeps serving.
void Engine::Impl::resizeStations(std::uint32_t i, int cores) {
    NodeSpec& n = specs[i];
    if (cores > kMaxCores || cores < 1) {
        log(n.id, "no instance size has " + std::to_string(cores) + " cores (1 to " +
                      std::to_string(kMaxCores) + "): resize skipped");
        return;
    }
    if (cores == n.cores) return;
    n.cores = cores;
    SimTime at = now;
    for (NodeId m : stationsOf(i)) {
        if (!pnodes[m].exists) continue;
        if (at == now)
            onResizeStart(m);
        else
            events.push(at, EventType::ResizeStart, m);
        at += std::llround(n.resize_downtime_s * 1e6) + 1;
    }
}

// A group's instance count set live: new members join, the last ones leave (their work is lost).
void Engine::Impl::setInstances(std::uint32_t i, std::size_t target) {
    NodeSpec& n = specs[i];
    GroupState& g = groups[groupOfSpec[i]];
    n.instances = static_cast<int>(target);
    std::size_t existing = 0;
    for (NodeId m : g.members) existing += pnodes[m].exists ? 1 : 0;
    while (existing < target) {
        const NodeId m = addMember(groupOfSpec[i]);
        log(pnodes[m].name, pnodes[m].name + " added to " + n.id);
        ++existing;
    }
    for (std::size_t k = g.members.size(); k-- > 0 && existing > target;) {
        PNode& m = pnodes[g.members[k]];
        if (!m.exists) continue;
        killNode(g.members[k]);
        m.exists = false;
        --existing;
        log(m.name, m.name + " removed from " + n.id + "; work it held is lost");
    }
}

void Engine::Impl::applyAction(const Action& a) {
    applied.push_back(a);
    applied.back().at_us = now;
    bool member = false;
    switch (a.kind) {
    case ActionKind::KillNode:
    case ActionKind::RestartNode: {
        const auto nodes = resolveNodes(a.node, member);
        if (nodes.empty()) {
            log(a.node, std::string("skipped ") + toString(a.kind) + ": " + a.node +
                            " does not exist at this moment");
            return;
        }
        for (NodeId n : nodes) a.kind == ActionKind::KillNode ? killNode(n) : restartNode(n);
        if (a.kind == ActionKind::RestartNode)
            for (auto& st : stores) st.set.lastHeal = now;
        log(a.node, a.kind == ActionKind::KillNode
                        ? a.node + " killed: its queued and running work is lost; callers notice "
                                   "at their timeouts"
                        : a.node + " restarted, empty");
        break;
    }
    case ActionKind::CutLink:
        setLinkState(a, false);
        log(linkName(a.a, a.b),
            "link " + linkName(a.a, a.b) +
                " cut: messages on it are lost; routes go around it if they can");
        break;
    case ActionKind::HealLink:
        setLinkState(a, true);
        for (auto& st : stores) st.set.lastHeal = now;
        log(linkName(a.a, a.b), "link " + linkName(a.a, a.b) + " healed");
        break;
    case ActionKind::SetLink: {
        for (auto& l : links) {
            const bool match = (specs[l.a].id == a.a && specs[l.b].id == a.b) ||
                               (specs[l.a].id == a.b && specs[l.b].id == a.a);
            if (!match) continue;
            if (a.median_ms) {
                l.median_us = *a.median_ms * 1000.0;
                const double p99 = a.p99_ms.value_or(*a.median_ms);
                l.sigma = p99 > *a.median_ms && *a.median_ms > 0
                              ? std::log(p99 / *a.median_ms) / 2.326
                              : 0.0;
                for (EdgeId e : l.edges) topo.setEdgeWeight(e, *a.median_ms);
            }
            if (a.loss) l.loss = *a.loss;
        }
        log(linkName(a.a, a.b), describeSetLink(a).sentence);
        break;
    }
    case ActionKind::SetRate: {
        Action set = a;
        set.field = "rate_rps";
        set.value = a.rate_rps;
        setField(set);
        log(a.node, a.node + " now sends " + sentenceNumber(a.rate_rps) + " requests/s");
        break;
    }
    case ActionKind::SetField:
        setField(a);
        log(a.node,
            describeSet(specs[specIndex.at(a.node)].kind, a.node, a.field, a.value).sentence);
        break;
    case ActionKind::AddShard:
        addShard(storeOfSpec[specIndex.at(a.node)]);
        break;
    }
}

std::size_t Engine::Impl::liveInstances() const {
    std::size_t n = 0;
    for (const auto& g : groups)
        for (NodeId m : g.members) n += pnodes[m].exists && pnodes[m].alive ? 1 : 0;
    return n;
}

void Engine::Impl::onMetricsTick() {
    const double secs = static_cast<double>(metricsInterval) / 1e6;
    MetricsRow row;
    row.t_s = static_cast<double>(now) / 1e6;
    row.offered_rps = static_cast<double>(interval.issued) / secs; // the workload, no retries
    row.attempts_rps = static_cast<double>(interval.attempts) / secs;
    row.throughput_rps = static_cast<double>(interval.completed) / secs;
    std::uint64_t errors = 0;
    for (std::size_t k = 1; k < kErrorReasons; ++k) {
        row.err_rps[k] = static_cast<double>(interval.failed[k]) / secs;
        errors += interval.failed[k];
    }
    row.error_rps = static_cast<double>(errors) / secs;
    row.latency_ms_p50 = interval.latency.percentile(0.50) / 1000.0;
    row.latency_ms_p95 = interval.latency.percentile(0.95) / 1000.0;
    row.latency_ms_p99 = interval.latency.percentile(0.99) / 1000.0;
    row.latency_ms_p999 = interval.latency.percentile(0.999) / 1000.0;
    row.latency_ms_mean = interval.latency.mean() / 1000.0;
    row.duplicate_side_effects = static_cast<double>(totals.duplicate_side_effects);
    row.stale_read_fraction = interval.reads ? static_cast<double>(interval.staleReads) /
                                                   static_cast<double>(interval.reads)
                                             : 0.0;
    row.staleness_ms_p50 = interval.staleness.percentile(0.50) / 1000.0;
    row.staleness_ms_p99 = interval.staleness.percentile(0.99) / 1000.0;
    row.versions_behind_max = static_cast<double>(interval.versionsBehindMax);
    row.conflicts = static_cast<double>(totals.conflicts);
    row.lost_updates = static_cast<double>(totals.lost_updates);
    const auto instances = static_cast<double>(liveInstances());
    row.instances = instances;
    row.cost_per_hour = costPerHour();
    totals.cost += row.cost_per_hour * secs / 3600.0;
    std::uint64_t inFlight = 0; // counted from the request table, as the summary does
    for (std::uint32_t r = 0; r < requests.capacity(); ++r)
        inFlight += requests.live(r) && !requests[r].done;
    row.in_flight = static_cast<double>(inFlight);
    row.late_responses = static_cast<double>(intervalLate);
    row.messages_lost = static_cast<double>(intervalLost);
    row.datastore_ops_per_s = static_cast<double>(interval.storeOps) / secs;
    totals.store_ops_max = std::max(totals.store_ops_max, row.datastore_ops_per_s);
    storeOpsTotal += interval.storeOps;
    interval.storeOps = 0;
    row.replicated_ops_per_s = static_cast<double>(interval.replicatedOps) / secs;
    row.migration_keys_per_s = static_cast<double>(interval.migratedKeys) / secs;
    interval.issued = interval.replicatedOps = interval.migratedKeys = 0;
    for (const auto& p : pnodes)
        if (p.exists && p.alive && p.station && specs[p.spec].parallel_fraction)
            row.cores_speedup = std::max(row.cores_speedup, 1.0 / stations[p.model].serviceScale);
    for (auto& m : kindModels) m->sampleMetrics(*this, MetricsPhase::BeforeRow, row);
    if (ticks == 0) totals.instances_min = totals.instances_max = instances;
    totals.instances_min = std::min(totals.instances_min, instances);
    totals.instances_max = std::max(totals.instances_max, instances);
    instancesSum += instances;
    ++ticks;
    if (metricsSink) metricsSink(row);

    for (const auto& p : pnodes) {
        if (!p.exists || !p.station) continue;
        Station& st = stations[p.model];
        st.busyIntegral += static_cast<double>(st.busy) * static_cast<double>(now - st.lastChange);
        st.lastChange = now;
        p.handler->sampleStation(*this, p, st, row.t_s);
        st.ops = 0;
        if (nodeSink) {
            nodeSink(NodeSample{row.t_s, p.name, "utilization",
                                st.busyIntegral / (static_cast<double>(st.cores) *
                                                   static_cast<double>(metricsInterval))});
            nodeSink(NodeSample{row.t_s, p.name, "queue_depth",
                                static_cast<double>(st.queue.size() + st.batchedWaiting)});
        }
        st.busyIntegral = 0;
    }
    for (auto& m : kindModels) m->sampleMetrics(*this, MetricsPhase::AfterRow, row);
    interval.attempts = interval.completed = 0;
    interval.failed.fill(0);
    interval.latency.clear();
    interval.reads = interval.staleReads = interval.versionsBehindMax = 0;
    interval.staleness.clear();
    for (auto& m : kindModels) m->sampleMetrics(*this, MetricsPhase::AfterReset, row);
    intervalLate = intervalLost = 0;
    events.push(now + metricsInterval, EventType::MetricsTick);
}

} // namespace cs::core
