#include "LiveSync.h"

namespace cs::ui {

LiveSync::LiveSync(Document* doc, std::function<void(const core::Action&)> post,
                   std::function<void()> reload, QObject* parent)
    : QObject(parent), m_doc(doc), m_post(std::move(post)), m_reload(std::move(reload)) {
    connect(doc, &Document::nodeChanged, this, &LiveSync::nodeChanged);
    connect(doc, &Document::linkChanged, this, &LiveSync::linkChanged);
    connect(doc, &Document::structureChanged, this, [this] { m_reload(); });
    connect(doc, &Document::reloaded, this, [this] { m_reload(); });
    connect(doc, &Document::metaChanged, this, [this] {
        const auto& s = m_doc->scenario();
        if (s.duration_s != m_known.duration_s ||
            s.metrics_interval_ms != m_known.metrics_interval_ms || s.seed != m_known.seed)
            m_reload(); // a different run (undo and redo of these included)
    });
    resync();
}

void LiveSync::nodeChanged(const QString& id) {
    const core::NodeSpec* now = m_doc->scenario().find(id.toStdString());
    core::NodeSpec* known = const_cast<core::NodeSpec*>(m_known.find(id.toStdString()));
    if (!now || !known) return m_reload();
    const core::NodeSpec previous = *known;
    *known = *now;
    const core::NodeSpec* was = &previous;
    core::NodeSpec rest = *now; // what is left after the live fields and the position
    std::vector<core::Action> actions;
    auto live = [&](const char* field, double before, double after, auto reset) {
        if (before == after) return;
        core::Action a;
        a.kind = core::ActionKind::SetField;
        a.node = now->id;
        a.field = field;
        a.value = after;
        actions.push_back(a);
        reset(rest);
    };
    live("rate_rps", was->rate_rps, now->rate_rps,
         [&](core::NodeSpec& r) { r.rate_rps = was->rate_rps; });
    live("read_fraction", was->read_fraction, now->read_fraction,
         [&](core::NodeSpec& r) { r.read_fraction = was->read_fraction; });
    live("timeout_ms", was->timeout_ms, now->timeout_ms,
         [&](core::NodeSpec& r) { r.timeout_ms = was->timeout_ms; });
    live("retries", was->retries, now->retries,
         [&](core::NodeSpec& r) { r.retries = was->retries; });
    live("instances", was->instances, now->instances,
         [&](core::NodeSpec& r) { r.instances = was->instances; });
    live("limit_rps", was->limit_rps, now->limit_rps,
         [&](core::NodeSpec& r) { r.limit_rps = was->limit_rps; });
    live("burst", was->burst, now->burst, [&](core::NodeSpec& r) { r.burst = was->burst; });
    live("window_ms", was->window_ms, now->window_ms,
         [&](core::NodeSpec& r) { r.window_ms = was->window_ms; });
    live("cores", was->cores, now->cores, [&](core::NodeSpec& r) { r.cores = was->cores; });
    live("queue_capacity", was->queue_capacity, now->queue_capacity,
         [&](core::NodeSpec& r) { r.queue_capacity = was->queue_capacity; });
    live("health_check_interval_ms", was->health_check_interval_ms, now->health_check_interval_ms,
         [&](core::NodeSpec& r) { r.health_check_interval_ms = was->health_check_interval_ms; });
    if (!(was->service == now->service) && was->service.kind == now->service.kind) {
        live("service_ms", was->service.mean(), now->service.mean(),
             [&](core::NodeSpec& r) { r.service = was->service; });
    }
    if (was->mode != now->mode && !now->replicas.empty()) { // CP/AP flips live, mid-partition
        core::Action a;
        a.kind = core::ActionKind::SetField;
        a.node = now->id;
        a.field = "mode";
        a.value = std::string(now->mode == core::StoreMode::AP ? "AP" : "CP");
        actions.push_back(a);
        rest.mode = was->mode;
    }
    if (was->autoscaling && now->autoscaling &&
        was->autoscaling->policy != now->autoscaling->policy) {
        core::Autoscaling same = *now->autoscaling;
        same.policy = was->autoscaling->policy;
        if (same == *was->autoscaling) { // only the policy: switched live (a spike mid-run)
            core::Action a;
            a.kind = core::ActionKind::SetField;
            a.node = now->id;
            a.field = "autoscaling.policy";
            a.value = std::string(core::toString(now->autoscaling->policy));
            actions.push_back(a);
            rest.autoscaling = was->autoscaling;
        }
    }
    if (was->algorithm != now->algorithm) {
        core::Action a;
        a.kind = core::ActionKind::SetField;
        a.node = now->id;
        a.field = "algorithm";
        a.value = std::string(core::toString(now->algorithm));
        actions.push_back(a);
        rest.algorithm = was->algorithm;
    }
    rest.x = was->x;
    rest.y = was->y;
    if (!(rest == *was)) return m_reload(); // something the engine cannot change live
    for (const auto& a : actions) m_post(a);
}

void LiveSync::linkChanged(int index) {
    const auto& now = m_doc->scenario().links[static_cast<std::size_t>(index)];
    if (static_cast<std::size_t>(index) >= m_known.links.size()) return m_reload();
    m_known.links[static_cast<std::size_t>(index)] = now;
    core::Action a;
    a.kind = core::ActionKind::SetLink;
    a.a = now.a;
    a.b = now.b;
    a.median_ms = now.median_ms;
    a.p99_ms = now.p99_ms;
    a.loss = now.loss;
    m_post(a);
}

} // namespace cs::ui
