// Vertical scaling and cost (DESIGN.md section 6 row 5): instance sizes, Amdahl's law, resizes
// that restart an instance, and the hourly bill.
#include "EngineImpl.h"
#include "Pricing.h"

#include <algorithm>
#include <cmath>

namespace cs::core {

// A station as its spec sizes it. Without `parallel_fraction` each core serves one request
// (M/M/c); with it, one request at a time uses every core and runs faster by Amdahl's speed-up.
void Engine::Impl::configureStation(Station& st, const NodeSpec& spec) {
    st.size = spec.cores;
    st.capacity = spec.queue_capacity;
    const int servers = spec.parallel_fraction ? 1 : spec.cores;
    st.serviceScale =
        spec.parallel_fraction ? 1.0 / amdahlSpeedup(*spec.parallel_fraction, spec.cores) : 1.0;
    while (static_cast<int>(st.slots.size()) < servers) {
        st.freeSlots.insert(st.freeSlots.begin(), static_cast<std::uint32_t>(st.slots.size()));
        st.slots.emplace_back();
    }
    st.cores = servers;
}

// Resizing restarts the instance: it goes down now (its work is lost, as in any restart) and
// comes back after the spec's downtime with its new size.
void Engine::Impl::onResizeStart(NodeId n) {
    PNode& p = pnodes[n];
    if (!p.exists) return;
    const NodeSpec& spec = specs[p.spec];
    const bool wasAlive = p.alive;
    killNode(n);
    Station& st = stations[p.model];
    configureStation(st, spec);
    if (!wasAlive) {
        log(p.name, p.name + " resized to " + std::to_string(spec.cores) +
                        " cores while down; it stays down");
        return;
    }
    log(p.name, p.name + " restarts to resize to " + std::to_string(spec.cores) +
                    " cores: down for " + sentenceNumber(spec.resize_downtime_s) + " s");
    events.push(now + std::llround(spec.resize_downtime_s * 1e6), EventType::ResizeDone, n,
                p.incarnation);
}

void Engine::Impl::onResizeDone(NodeId n, std::uint32_t incarnation) {
    PNode& p = pnodes[n];
    if (!p.exists || p.alive || p.incarnation != incarnation) return; // killed again meanwhile
    restartNode(n);
    log(p.name, p.name + " is back with " + std::to_string(specs[p.spec].cores) + " cores");
}

// Every instance that exists is billed (warming, draining or down), and every datastore node.
double Engine::Impl::costPerHour() const {
    double total = 0;
    for (const PNode& p : pnodes) {
        if (!p.exists || !p.station) continue;
        const NodeSpec& spec = specs[p.spec];
        total += spec.price_per_hour > 0 ? spec.price_per_hour
                                         : listPricePerHour(stations[p.model].size);
    }
    return total;
}

} // namespace cs::core
