// The inspector's bespoke rows: fields a generic row cannot serve (an optional object switched on
// and off, a value shown with what it implies, a price computed from the price list).
#include "Inspector.h"

#include "Pricing.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>

#include <limits>

namespace cs::ui {

bool Inspector::addBespokeRows(const core::FieldRow& row, const core::NodeSpec& n) {
    static const std::pair<const char*, void (Inspector::*)(const core::NodeSpec&)> pages[] = {
        {"parallel_fraction", &Inspector::addParallelRows},
        {"price_per_hour", &Inspector::addPriceRow},
        {"batching", &Inspector::addBatchingRows},
        {"autoscaling", &Inspector::addScalingRows},
        {"shards", &Inspector::addShardRows}};
    for (const auto& [name, add] : pages)
        if (std::string_view(row.name) == name) {
            (this->*add)(n);
            return true;
        }
    return false;
}

// Amdahl: an optional fraction, and the speed-up it gives with this many cores.
void Inspector::addParallelRows(const core::NodeSpec& n) {
    m_form->addRow(
        tr("Parallel work"),
        checkBox(tr("spread each request over all cores (Amdahl)"), n.parallel_fraction.has_value(),
                 tr("On: one request at a time, sped up by 1 / ((1 - p) + p / "
                    "cores). Off: each core serves its own request."),
                 [this](bool on) {
                     editNode(
                         [on](core::NodeSpec& x) {
                             x.parallel_fraction = on ? std::optional<double>(0.9) : std::nullopt;
                         },
                         tr("parallel work"));
                 }));
    if (!n.parallel_fraction) return;
    const double p = *n.parallel_fraction;
    m_form->addRow(
        tr("Parallel fraction"),
        number(
            p, 0, 1, 3, {},
            tr("Speed-up with these cores: %L1x (never more than %L2x)")
                .arg(core::amdahlSpeedup(p, n.cores), 0, 'f', 2)
                .arg(p < 1 ? 1.0 / (1.0 - p) : std::numeric_limits<double>::infinity(), 0, 'f', 1),
            [this](double v) {
                editNode([v](core::NodeSpec& x) { x.parallel_fraction = v; },
                         tr("parallel fraction"));
            }));
}

// What an instance costs: the file's price, or the price list's for its size.
void Inspector::addPriceRow(const core::NodeSpec& n) {
    const double price = n.price_per_hour > 0 ? n.price_per_hour : core::listPricePerHour(n.cores);
    auto* cost = new QLabel(
        tr("$%L1 per instance-hour%2")
            .arg(price, 0, 'f', 3)
            .arg(n.price_per_hour > 0
                     ? tr(" (set in the file)")
                     : tr(" (list price: $%L1 per core)").arg(price / n.cores, 0, 'f', 3)));
    cost->setToolTip(tr("Bigger sizes cost more per core: the price list grows about "
                        "2.2x per doubling of cores"));
    m_form->addRow(tr("Price"), cost);
}

void Inspector::addBatchingRows(const core::NodeSpec& n) {
    m_form->addRow(tr("Batching"),
                   checkBox(tr("collect requests into batches"), n.batching.has_value(),
                            tr("A batch of k costs overhead + k x per item on one core: "
                               "throughput rises, and so does the median latency"),
                            [this](bool on) {
                                editNode(
                                    [on](core::NodeSpec& x) {
                                        x.batching = on ? std::optional(core::NodeSpec::Batching{})
                                                        : std::nullopt;
                                    },
                                    tr("batching"));
                            }));
    if (!n.batching) return;
    const auto b = *n.batching;
    auto batchRow = [&](const QString& label, double value, double hi, int decimals,
                        const QString& unit, auto set) {
        m_form->addRow(label, number(value, 0, hi, decimals, unit, {}, [this, set](double v) {
                           editNode(
                               [v, set](core::NodeSpec& x) {
                                   if (x.batching) set(*x.batching, v);
                               },
                               tr("batching"));
                       }));
    };
    batchRow(
        tr("Batch size"), b.size, 1e5, 0, tr(" requests"),
        [](core::NodeSpec::Batching& x, double v) { x.size = std::max(1, static_cast<int>(v)); });
    batchRow(tr("Max wait"), b.max_wait_ms, 1e6, 1, tr(" ms"),
             [](core::NodeSpec::Batching& x, double v) { x.max_wait_ms = v; });
    batchRow(tr("Per batch"), b.overhead_ms, 1e6, 2, tr(" ms"),
             [](core::NodeSpec::Batching& x, double v) { x.overhead_ms = v; });
    batchRow(tr("Per item"), b.per_item_ms, 1e6, 2, tr(" ms"),
             [](core::NodeSpec::Batching& x, double v) { x.per_item_ms = v; });
}

// The autoscaler: its policy (choosing one switches autoscaling on) and the policy's numbers.
void Inspector::addScalingRows(const core::NodeSpec& n) {
    using Policy = core::Autoscaling::Policy;
    const core::Autoscaling a = n.autoscaling.value_or(core::Autoscaling{});
    QStringList policies;
    for (const char* p : core::enumNames<Policy>()) policies << QString::fromLatin1(p);
    m_form->addRow(tr("Scaling"),
                   choice(
                       policies, QString::fromLatin1(core::enumName(a.policy)),
                       tr("manual: the instance count stays; target tracking follows utilisation"),
                       [this](const QString& t) {
                           editNode(
                               [t](core::NodeSpec& x) {
                                   if (const auto p = core::enumFromName<Policy>(t.toStdString()))
                                       core::chooseScalingPolicy(x, *p);
                               },
                               tr("scaling policy"));
                       },
                       true));
    if (!n.autoscaling || a.policy == Policy::Manual) return;
    auto field = [this](const QString& label, double value, double lo, double hi, int decimals,
                        const QString& unit, const QString& tip,
                        std::function<void(core::Autoscaling&, double)> set) {
        m_form->addRow(label, number(value, lo, hi, decimals, unit, tip, [this, set](double v) {
                           editNode(
                               [set, v](core::NodeSpec& x) {
                                   core::Autoscaling s =
                                       x.autoscaling.value_or(core::Autoscaling{});
                                   set(s, v);
                                   x.autoscaling = s;
                               },
                               tr("scaling"));
                       }));
    };
    field(tr("Target"), a.target_utilization * 100, 1, 100, 0, tr(" % busy"),
          tr("Target tracking keeps utilisation near this"),
          [](core::Autoscaling& s, double v) { s.target_utilization = v / 100; });
    field(tr("Or queue depth"), a.target_queue_depth, 0, 1e6, 1, tr(" per instance"),
          tr("Above 0, target tracking keeps the requests waiting per instance near this instead"),
          [](core::Autoscaling& s, double v) { s.target_queue_depth = v; });
    field(tr("Min"), a.min, 0, 1000, 0, tr(" instances"), tr("Never fewer"),
          [](core::Autoscaling& s, double v) {
              s.min = static_cast<int>(v);
              s.max = std::max(s.max, s.min);
          });
    field(tr("Max"), a.max, 0, 1000, 0, tr(" instances"), tr("Never more"),
          [](core::Autoscaling& s, double v) {
              s.max = static_cast<int>(v);
              s.min = std::min(s.min, s.max);
          });
    field(tr("Cooldown"), a.cooldown_s, 0, 3600, 0, tr(" s"),
          tr("Waits this long after an action: 0 thrashes"),
          [](core::Autoscaling& s, double v) { s.cooldown_s = v; });
    field(tr("Warm-up"), a.warmup_s, 0, 3600, 0, tr(" s"),
          tr("A new instance takes no traffic for this long"),
          [](core::Autoscaling& s, double v) { s.warmup_s = v; });
}

// Sharding: only for a store without replicas (the file allows one or the other).
void Inspector::addShardRows(const core::NodeSpec& n) {
    if (!n.replicas.empty()) return;
    m_form->addRow(tr("Sharding"),
                   checkBox(tr("split the keys over shards"), n.shards.has_value(),
                            tr("Each shard is a node of its own (right-click the frame to add "
                               "one while running)"),
                            [this](bool on) {
                                editNode(
                                    [on](core::NodeSpec& x) {
                                        x.shards = on ? std::optional(core::NodeSpec::Shards{})
                                                      : std::nullopt;
                                    },
                                    tr("sharding"));
                            }));
    if (!n.shards) return;
    m_form->addRow(tr("Shards"), number(n.shards->count, 1, 256, 0, {}, {}, [this](double v) {
                       editNode(
                           [v](core::NodeSpec& x) {
                               if (x.shards) x.shards->count = static_cast<int>(v);
                           },
                           tr("shard count"));
                   }));
    using Strategy = core::NodeSpec::Shards::Strategy;
    QStringList names;
    for (const char* s : core::enumNames<Strategy>()) names << QString::fromLatin1(s);
    m_form->addRow(tr("Strategy"),
                   choice(
                       names, QString::fromLatin1(core::enumName(n.shards->strategy)),
                       tr("hash mod moves most keys when a shard is added; consistent hash "
                          "about 1/(n+1); range keeps neighbours (and hot keys) together"),
                       [this](const QString& t) {
                           editNode(
                               [t](core::NodeSpec& x) {
                                   if (!x.shards) return;
                                   x.shards->strategy =
                                       core::enumFromName<Strategy>(t.toStdString())
                                           .value_or(x.shards->strategy);
                               },
                               tr("shard strategy"));
                       },
                       true));
}

} // namespace cs::ui
