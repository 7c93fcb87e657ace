#include "ChartSeries.h"

#include "Palette.h"

#include <QCoreApplication>

namespace cs::ui {
namespace {
using core::MetricsRow;
using namespace palette;

QString tr(const char* text) {
    return QCoreApplication::translate("cs::ui::ChartsPanel", text);
}

double errors(const MetricsRow& r, core::ErrorReason why) {
    return r.err_rps[static_cast<std::size_t>(why)];
}

std::vector<ChartSpec> build() {
    return {
        {tr("Latency"),
         tr("ms"),
         {},
         {{tr("p50"), kBlue, [](const MetricsRow& r) { return r.latency_ms_p50; }},
          {tr("p95"), kOrange, [](const MetricsRow& r) { return r.latency_ms_p95; }},
          {tr("p99"), kVermillion, [](const MetricsRow& r) { return r.latency_ms_p99; }}}},
        {tr("Throughput"),
         tr("requests/s"),
         {},
         {{tr("offered"), kSky, [](const MetricsRow& r) { return r.offered_rps; }},
          {tr("throughput"), kGreen, [](const MetricsRow& r) { return r.throughput_rps; }},
          {tr("datastore ops"), kOrange,
           [](const MetricsRow& r) { return r.datastore_ops_per_s; }}}},
        {tr("Errors by reason"),
         tr("requests/s"),
         tr("duplicates"),
         {{tr("timeout"), kVermillion,
           [](const MetricsRow& r) { return errors(r, core::ErrorReason::Timeout); }},
          {tr("unavail."), kOrange,
           [](const MetricsRow& r) { return errors(r, core::ErrorReason::Unavailable); }},
          {tr("429"), kPurple,
           [](const MetricsRow& r) { return errors(r, core::ErrorReason::RateLimited); }},
          {tr("dropped"), kBlue,
           [](const MetricsRow& r) { return errors(r, core::ErrorReason::Dropped); }},
          {tr("session"), kYellow,
           [](const MetricsRow& r) { return errors(r, core::ErrorReason::SessionLost); }},
          {tr("lost"), kBlack,
           [](const MetricsRow& r) { return errors(r, core::ErrorReason::LostInFlight); }},
          {tr("dupes"), kGrey, [](const MetricsRow& r) { return r.duplicate_side_effects; }, true}},
         false,
         true},
        // Caching's trade in one chart: the hit ratio next to the staleness it can cost.
        {tr("Staleness and hits"),
         tr("ms"),
         tr("%"),
         {{tr("staleness p50"), kSky, [](const MetricsRow& r) { return r.staleness_ms_p50; }},
          {tr("staleness p99"), kBlue, [](const MetricsRow& r) { return r.staleness_ms_p99; }},
          {tr("stale reads"), kVermillion,
           [](const MetricsRow& r) { return 100.0 * r.stale_read_fraction; }, true},
          {tr("cache hits"), kGreen, [](const MetricsRow& r) { return 100.0 * r.cache_hit_ratio; },
           true}}},
        {tr("Instances and cost"),
         tr("instances"),
         tr("$/hour"),
         {{tr("instances"), kGreen, [](const MetricsRow& r) { return r.instances; }},
          {tr("cost"), kOrange, [](const MetricsRow& r) { return r.cost_per_hour; }, true}}},
        {tr("Utilisation"), tr("%"), {}, {}, true},
    };
}
} // namespace

const std::vector<ChartSpec>& chartSpecs() {
    static const std::vector<ChartSpec> specs = build(); // after the translators are installed
    return specs;
}

} // namespace cs::ui
