#include "ChartSeries.h"

#include "Palette.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace cs::ui {
namespace {
using core::MetricsRow;
using namespace palette;

// lupdate files these free-function tr() calls under the namespace's context, "cs::ui".
QString tr(const char* text) {
    return QCoreApplication::translate("cs::ui", text);
}

double errors(const MetricsRow& r, core::ErrorReason why) {
    return r.err_rps[static_cast<std::size_t>(why)];
}

bool nothingFinished(const MetricsRow& r) {
    return r.throughput_rps <= 0;
}

// Key, value: the same key is the same look in every chart (ChartSeries.h).
std::vector<ChartSpec> build() {
    return {
        {tr("Latency"),
         tr("ms"),
         {},
         {{tr("p50"), "p50", [](const MetricsRow& r) { return r.latency_ms_p50; }, false,
           nothingFinished},
          {tr("p95"), "p95", [](const MetricsRow& r) { return r.latency_ms_p95; }, false,
           nothingFinished},
          {tr("p99"), "p99", [](const MetricsRow& r) { return r.latency_ms_p99; }, false,
           nothingFinished},
          // What queueing theory predicts (M/M/c: W = 1/(mu - lambda) for one server), dashed.
          {tr("mean"), "mean", [](const MetricsRow& r) { return r.latency_ms_mean; }, false,
           nothingFinished}}},
        // Drawn in this order: the datastore's line first, so the throughput line is on top.
        {tr("Throughput"),
         tr("requests/s"),
         {},
         {{tr("datastore ops"), "datastore",
           [](const MetricsRow& r) { return r.datastore_ops_per_s + r.replicated_ops_per_s; },
           false, nullptr, false, true},
          {tr("attempts"), "attempts", [](const MetricsRow& r) { return r.attempts_rps; }},
          {tr("offered"), "offered", [](const MetricsRow& r) { return r.offered_rps; }},
          {tr("throughput"), "throughput", [](const MetricsRow& r) { return r.throughput_rps; }}},
         false,
         false,
         false,
         true},
        {tr("Errors by reason"),
         tr("requests/s"),
         tr("count (total)"),
         {{tr("timeout"), "timeout",
           [](const MetricsRow& r) { return errors(r, core::ErrorReason::Timeout); }},
          {tr("unavailable"), "unavailable",
           [](const MetricsRow& r) { return errors(r, core::ErrorReason::Unavailable); }},
          {tr("429"), "429",
           [](const MetricsRow& r) { return errors(r, core::ErrorReason::RateLimited); }},
          {tr("dropped"), "dropped",
           [](const MetricsRow& r) { return errors(r, core::ErrorReason::Dropped); }},
          {tr("session lost"), "session",
           [](const MetricsRow& r) { return errors(r, core::ErrorReason::SessionLost); }},
          {tr("lost in flight"), "lost",
           [](const MetricsRow& r) { return errors(r, core::ErrorReason::LostInFlight); }},
          {tr("duplicates"), "dupes", [](const MetricsRow& r) { return r.duplicate_side_effects; },
           true, nullptr, true},
          {tr("lost updates"), "lost updates", [](const MetricsRow& r) { return r.lost_updates; },
           true, nullptr, true},
          {tr("conflicts"), "conflicts", [](const MetricsRow& r) { return r.conflicts; }, true,
           nullptr, true}},
         false,
         true},
        // Caching's trade in one chart: the hit ratio next to the staleness it can cost.
        {tr("Staleness and hits"),
         tr("ms"),
         tr("%"),
         {{tr("stale p50"), "staleness p50",
           [](const MetricsRow& r) { return r.staleness_ms_p50; }},
          {tr("stale p99"), "staleness p99",
           [](const MetricsRow& r) { return r.staleness_ms_p99; }},
          {tr("stale reads"), "stale reads",
           [](const MetricsRow& r) { return 100.0 * r.stale_read_fraction; }, true},
          {tr("cache hits"), "cache hits",
           [](const MetricsRow& r) { return 100.0 * r.cache_hit_ratio; }, true}}},
        {tr("Instances and cost"),
         tr("instances, ×"),
         tr("$/hour"),
         {{tr("instances"), "instances", [](const MetricsRow& r) { return r.instances; }, false,
           nullptr, true},
          {tr("speed-up from cores"), "speedup",
           [](const MetricsRow& r) { return r.cores_speedup; }},
          {tr("cost"), "cost", [](const MetricsRow& r) { return r.cost_per_hour; }, true}},
         false,
         true},
        {tr("Utilisation"), tr("%"), {}, {}, true},
        {tr("Queues, limits, shards"),
         tr("per s, messages"),
         tr("s"),
         {{tr("passed (limiter)"), "passed",
           [](const MetricsRow& r) { return r.limiter_passed_rps; }},
          {tr("limited (limiter)"), "429",
           [](const MetricsRow& r) { return r.limiter_limited_rps; }},
          {tr("queue depth"), "queue depth", [](const MetricsRow& r) { return r.queue_depth; }},
          {tr("keys migrating/s"), "migration",
           [](const MetricsRow& r) { return r.migration_keys_per_s; }},
          {tr("consumer lag"), "consumer lag", [](const MetricsRow& r) { return r.consumer_lag_s; },
           true}},
         false,
         true,
         true},
    };
}

// FNV-1a over the name's UTF-16: the same number for a name in every run and on every platform
// (qHash may be seeded per process).
std::size_t stableHash(const QString& s) {
    std::uint32_t h = 2166136261u;
    for (const QChar ch : s) {
        h ^= ch.unicode();
        h *= 16777619u;
    }
    return h;
}

// Okabe-Ito without yellow, for lines on white.
const QColor kLineColours[] = {kBlue, kVermillion, kGreen, kPurple, kOrange, kSky, kBlack};
} // namespace

const std::vector<ChartSpec>& chartSpecs() {
    static const std::vector<ChartSpec> specs = build(); // after the translators are installed
    return specs;
}

NiceScale niceScale(double maxValue, int intervals, bool whole) {
    intervals = std::max(1, intervals);
    // Some headroom over the top value; an empty chart shows 0..1, not 0..1e-9.
    const double target = std::max(1.0, (std::isfinite(maxValue) ? maxValue : 0.0) * 1.15);
    NiceScale out;
    for (double mag = std::pow(10.0, std::floor(std::log10(target / intervals)));; mag *= 10) {
        for (double m : {1.0, 2.0, 5.0}) {
            const double step = whole ? std::max(1.0, m * mag) : m * mag;
            const double steps = std::ceil(target / step - 1e-9);
            if (steps > intervals) continue;
            out.step = step;
            out.top = steps * step;
            out.decimals = std::max(0, static_cast<int>(std::ceil(-std::log10(step) - 1e-9)));
            return out;
        }
    }
}

LineLook seriesLook(const QString& key) {
    static const std::map<QString, LineLook> fixed = {
        {"p50", {kGreen}},
        {"p95", {kBlue}},
        {"p99", {kVermillion}},
        {"mean", {kBlack, Qt::DashLine}},
        {"datastore", {kOrange, Qt::SolidLine, 5.5}}, // wide: a halo under throughput
        {"attempts", {kPurple, Qt::DashLine}},
        {"offered", {kBlack, Qt::DashLine}},
        {"throughput", {kGreen, Qt::SolidLine, 3.0}},
        {"timeout", {kVermillion}},
        {"unavailable", {kBlue}},
        {"429", {kPurple}},
        {"dropped", {kBlack}},
        {"session", {kSky}},
        {"lost", {kGrey}},
        {"dupes", {kOrange, Qt::DashLine}},
        {"lost updates", {kVermillion, Qt::DashLine}},
        {"conflicts", {kBlack, Qt::DotLine}},
        {"staleness p50", {kSky}},
        {"staleness p99", {kBlue}},
        {"stale reads", {kVermillion, Qt::DashLine}},
        {"cache hits", {kGreen, Qt::DashLine}},
        {"instances", {kGreen}},
        {"speedup", {kPurple}},
        {"cost", {kOrange, Qt::DashLine}},
        {"passed", {kGreen}},
        {"queue depth", {kBlue}},
        {"migration", {kOrange}},
        {"consumer lag", {kVermillion, Qt::DashLine}},
    };
    if (const auto it = fixed.find(key); it != fixed.end()) return it->second;
    return {kLineColours[stableHash(key) % std::size(kLineColours)]};
}

QColor OwnerColours::colourOf(const QString& key) {
    if (const auto it = m_assigned.find(key); it != m_assigned.end()) return it->second;
    const std::size_t n = std::size(kLineColours);
    const std::size_t first = stableHash(key) % n;
    QColor pick = kLineColours[first];
    for (std::size_t i = 0; i < n; ++i) { // the first colour no earlier key has
        const QColor c = kLineColours[(first + i) % n];
        if (std::none_of(m_assigned.begin(), m_assigned.end(),
                         [&](const auto& kv) { return kv.second == c; })) {
            pick = c;
            break;
        }
    }
    m_assigned.emplace(key, pick);
    return pick;
}

} // namespace cs::ui
