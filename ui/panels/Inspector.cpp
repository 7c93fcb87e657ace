#include "Inspector.h"

#include "DocumentCommands.h"
#include "Palette.h"
#include "Pricing.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace cs::ui {
using core::NodeKind;

Inspector::Inspector(Document* doc, QWidget* parent) : QWidget(parent), m_doc(doc) {
    setObjectName(QStringLiteral("inspector"));
    auto* v = new QVBoxLayout(this);
    m_title = new QLabel;
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.2);
    m_title->setFont(f);
    v->addWidget(m_title);
    m_form = new QFormLayout;
    v->addLayout(m_form);
    v->addStretch();
    connect(doc, &Document::reloaded, this, &Inspector::showScenario);
    connect(doc, &Document::structureChanged, this, &Inspector::refresh);
    connect(doc, &Document::nodeChanged, this, [this](const QString& id) {
        if (m_shown == Shown::Node && id == m_a) refresh();
    });
    connect(doc, &Document::linkChanged, this, [this] {
        if (m_shown == Shown::Link) refresh();
    });
    connect(doc, &Document::metaChanged, this, [this] {
        if (m_shown == Shown::Scenario) refresh();
    });
    showScenario();
}

void Inspector::clearForm() {
    while (m_form->rowCount() > 0) m_form->removeRow(0);
}

void Inspector::refresh() {
    switch (m_shown) {
    case Shown::Scenario:
        showScenario();
        break;
    case Shown::Node:
        showNode(m_a);
        break;
    case Shown::Link:
        showLink(m_a, m_b);
        break;
    }
}

QWidget* Inspector::number(double value, double lo, double hi, int decimals, const QString& suffix,
                           const QString& tip, std::function<void(double)> commit) {
    auto* box = new QDoubleSpinBox;
    box->setRange(lo, hi);
    box->setDecimals(decimals);
    box->setValue(value);
    box->setSuffix(suffix);
    box->setToolTip(tip);
    box->setKeyboardTracking(false); // commit on Enter or focus out, not on every keystroke
    connect(box, &QDoubleSpinBox::valueChanged, this, [commit](double v) { commit(v); });
    return box;
}

QWidget* Inspector::choice(const QStringList& items, const QString& current, const QString& tip,
                           std::function<void(const QString&)> commit) {
    auto* box = new QComboBox;
    box->addItems(items);
    box->setCurrentText(current);
    box->setToolTip(tip);
    connect(box, &QComboBox::currentTextChanged, this, [commit](const QString& s) { commit(s); });
    return box;
}

void Inspector::editNode(const std::function<void(core::NodeSpec&)>& change, const QString& what) {
    const int i = m_doc->nodeIndex(m_a.toStdString());
    if (i < 0) return;
    core::NodeSpec n = m_doc->scenario().nodes[static_cast<std::size_t>(i)];
    const core::NodeSpec before = n;
    change(n);
    if (n == before) return;
    m_doc->undoStack()->push(new SetNodeCommand(m_doc, n, tr("%1: %2").arg(m_a, what)));
}

void Inspector::showScenario() {
    m_shown = Shown::Scenario;
    clearForm();
    const core::Scenario& s = m_doc->scenario();
    m_title->setText(tr("Scenario"));
    auto meta = [this](const std::function<void(core::Scenario&)>& f) {
        core::Scenario m = m_doc->scenario();
        f(m);
        m_doc->undoStack()->push(new SetMetaCommand(m_doc, m));
    };
    auto* name = new QLineEdit(QString::fromStdString(s.name));
    name->setToolTip(tr("The scenario's title, shown in the window title"));
    connect(name, &QLineEdit::editingFinished, this, [name, meta] {
        meta([&](core::Scenario& m) { m.name = name->text().toStdString(); });
    });
    m_form->addRow(tr("Name"), name);
    m_form->addRow(tr("Duration"), number(s.duration_s, 0.1, 1e6, 1, tr(" s"),
                                          tr("Simulated seconds a run lasts"), [meta](double v) {
                                              meta([v](core::Scenario& m) { m.duration_s = v; });
                                          }));
    m_form->addRow(
        tr("Metrics every"),
        number(s.metrics_interval_ms, 10, 60000, 0, tr(" ms"), tr("One chart point per interval"),
               [meta](double v) { meta([v](core::Scenario& m) { m.metrics_interval_ms = v; }); }));
    auto* lesson = new QPlainTextEdit(QString::fromStdString(s.lesson));
    lesson->setReadOnly(true);
    lesson->setToolTip(tr("What this scenario teaches"));
    m_form->addRow(tr("Lesson"), lesson);
}

void Inspector::showLink(const QString& a, const QString& b) {
    m_shown = Shown::Link;
    m_a = a;
    m_b = b;
    clearForm();
    const int i = m_doc->linkIndex(a.toStdString(), b.toStdString());
    if (i < 0) return showScenario();
    const core::LinkSpec l = m_doc->scenario().links[static_cast<std::size_t>(i)];
    m_title->setText(tr("Link %1 – %2").arg(a, b));
    auto edit = [this, i](const std::function<void(core::LinkSpec&)>& f) {
        core::LinkSpec next = m_doc->scenario().links[static_cast<std::size_t>(i)];
        f(next);
        if (next.p99_ms < next.median_ms) next.p99_ms = next.median_ms;
        m_doc->undoStack()->push(new SetLinkCommand(m_doc, i, next));
    };
    m_form->addRow(tr("Median latency"),
                   number(l.median_ms, 0, 1e5, 2, tr(" ms"), tr("One-way latency, median"),
                          [edit](double v) { edit([v](core::LinkSpec& x) { x.median_ms = v; }); }));
    m_form->addRow(tr("p99 latency"),
                   number(l.p99_ms, 0, 1e5, 2, tr(" ms"),
                          tr("One-way latency, 99th percentile (>= median)"),
                          [edit](double v) { edit([v](core::LinkSpec& x) { x.p99_ms = v; }); }));
    m_form->addRow(tr("Loss"),
                   number(l.loss * 100, 0, 100, 2, tr(" %"),
                          tr("Chance that a message crossing this link is lost"), [edit](double v) {
                              edit([v](core::LinkSpec& x) { x.loss = v / 100; });
                          }));
}

namespace {
const QStringList kLevels = {QStringLiteral("default"), QStringLiteral("one"),
                             QStringLiteral("quorum"), QStringLiteral("all")};
core::Level levelFrom(const QString& s) {
    return s == QLatin1String("one")      ? core::Level::One
           : s == QLatin1String("quorum") ? core::Level::Quorum
           : s == QLatin1String("all")    ? core::Level::All
                                          : core::Level::Default;
}
} // namespace

// Per-client consistency (Cassandra-style levels) and session guarantees.
void Inspector::addConsistencyRows(const core::NodeSpec& n) {
    m_form->addRow(tr("Read level"),
                   choice(kLevels, QString::fromLatin1(core::toString(n.read_level)),
                          tr("Replicas a read waits for (AP stores); default: the store's r"),
                          [this](const QString& t) {
                              editNode([t](core::NodeSpec& x) { x.read_level = levelFrom(t); },
                                       tr("read level"));
                          }));
    m_form->addRow(tr("Write level"),
                   choice(kLevels, QString::fromLatin1(core::toString(n.write_level)),
                          tr("Replicas a write waits for (AP stores); default: the store's w"),
                          [this](const QString& t) {
                              editNode([t](core::NodeSpec& x) { x.write_level = levelFrom(t); },
                                       tr("write level"));
                          }));
    auto flag = [this](const QString& label, bool on, const QString& tip,
                       bool core::NodeSpec::*field) {
        auto* box = new QCheckBox(label);
        box->setChecked(on);
        box->setToolTip(tip);
        connect(box, &QCheckBox::toggled, this, [this, field, label](bool v) {
            editNode([field, v](core::NodeSpec& x) { x.*field = v; }, label);
        });
        m_form->addRow(QString(), box);
    };
    flag(tr("read your writes"), n.read_your_writes,
         tr("Never read a value older than one this client wrote"),
         &core::NodeSpec::read_your_writes);
    flag(tr("monotonic reads"), n.monotonic_reads,
         tr("Never read a value older than one this client read"),
         &core::NodeSpec::monotonic_reads);
}

// The autoscaler of a service group: policy and its numbers.
void Inspector::addScalingRows(const core::NodeSpec& n) {
    const core::Autoscaling a = n.autoscaling.value_or(core::Autoscaling{});
    const QStringList policies = {QStringLiteral("manual"), QStringLiteral("step"),
                                  QStringLiteral("target_tracking"), QStringLiteral("scheduled")};
    m_form->addRow(
        tr("Scaling"),
        choice(policies, policies[static_cast<int>(a.policy)],
               tr("manual: the instance count stays; target tracking follows utilisation"),
               [this](const QString& t) {
                   editNode(
                       [t](core::NodeSpec& x) {
                           core::Autoscaling v = x.autoscaling.value_or(core::Autoscaling{});
                           v.policy = t == QLatin1String("step") ? core::Autoscaling::Policy::Step
                                      : t == QLatin1String("target_tracking")
                                          ? core::Autoscaling::Policy::TargetTracking
                                      : t == QLatin1String("scheduled")
                                          ? core::Autoscaling::Policy::Scheduled
                                          : core::Autoscaling::Policy::Manual;
                           x.autoscaling = v;
                       },
                       tr("scaling policy"));
               }));
    if (!n.autoscaling || a.policy == core::Autoscaling::Policy::Manual) return;
    auto field = [this, a](const QString& label, double value, double lo, double hi, int decimals,
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

// CAP controls of a replica set: CP or AP, quorums, conflict handling, follower reads.
void Inspector::addReplicationRows(const core::NodeSpec& n) {
    const int count = static_cast<int>(n.replicas.size());
    m_form->addRow(
        tr("Mode"),
        choice({QStringLiteral("CP"), QStringLiteral("AP")},
               n.mode == core::StoreMode::AP ? QStringLiteral("AP") : QStringLiteral("CP"),
               tr("CP: a leader and majorities; refuses when cut off. AP: answers "
                  "anywhere, may be stale, converges later"),
               [this](const QString& t) {
                   editNode(
                       [t](core::NodeSpec& x) {
                           x.mode =
                               t == QLatin1String("AP") ? core::StoreMode::AP : core::StoreMode::CP;
                       },
                       tr("mode"));
               }));
    m_form->addRow(
        tr("R (reads)"),
        number(n.r, 0, count, 0, tr(" of %1").arg(count),
               tr("Replicas a read waits for in AP mode; 0 = a majority"), [this](double v) {
                   editNode([v](core::NodeSpec& x) { x.r = static_cast<int>(v); }, tr("R"));
               }));
    m_form->addRow(tr("W (writes)"),
                   number(n.w, 0, count, 0, tr(" of %1").arg(count),
                          tr("Replicas a write waits for in AP mode; 0 = a majority. "
                             "R + W > N: no stale reads without faults"),
                          [this](double v) {
                              editNode([v](core::NodeSpec& x) { x.w = static_cast<int>(v); },
                                       tr("W"));
                          }));
    m_form->addRow(
        tr("Conflicts"),
        choice(
            {QStringLiteral("lww"), QStringLiteral("version_vectors")},
            n.conflicts == core::ConflictPolicy::Lww ? QStringLiteral("lww")
                                                     : QStringLiteral("version_vectors"),
            tr("Last writer wins (loses concurrent updates) or version vectors (keeps siblings)"),
            [this](const QString& t) {
                editNode(
                    [t](core::NodeSpec& x) {
                        x.conflicts = t == QLatin1String("lww")
                                          ? core::ConflictPolicy::Lww
                                          : core::ConflictPolicy::VersionVectors;
                    },
                    tr("conflicts"));
            }));
    m_form->addRow(tr("Reads from"),
                   choice({QStringLiteral("leader"), QStringLiteral("replicas")},
                          n.read_from == core::ReadFrom::Leader ? QStringLiteral("leader")
                                                                : QStringLiteral("replicas"),
                          tr("CP: followers may answer reads themselves (allowed to be stale)"),
                          [this](const QString& t) {
                              editNode(
                                  [t](core::NodeSpec& x) {
                                      x.read_from = t == QLatin1String("leader")
                                                        ? core::ReadFrom::Leader
                                                        : core::ReadFrom::Replicas;
                                  },
                                  tr("reads from"));
                          }));
    m_form->addRow(
        tr("Quorum timeout"),
        number(n.quorum_timeout_ms, 1, 1e6, 0, tr(" ms"),
               tr("A coordinator that cannot reach enough replicas by then answers 'unavailable'"),
               [this](double v) {
                   editNode([v](core::NodeSpec& x) { x.quorum_timeout_ms = v; },
                            tr("quorum timeout"));
               }));
    auto* preVote = new QCheckBox(tr("PreVote and CheckQuorum"));
    preVote->setObjectName(QStringLiteral("preVote"));
    preVote->setChecked(n.pre_vote);
    preVote->setToolTip(tr("CP: a replica asks whether it could win before it raises its term, so "
                           "one that rejoins after a partition does not depose a healthy leader"));
    connect(preVote, &QCheckBox::toggled, this, [this](bool on) {
        editNode([on](core::NodeSpec& x) { x.pre_vote = on; }, tr("PreVote"));
    });
    m_form->addRow(tr("Elections"), preVote);
}

void Inspector::showNode(const QString& id) {
    m_shown = Shown::Node;
    m_a = id;
    clearForm();
    const core::NodeSpec* found = m_doc->scenario().find(id.toStdString());
    if (!found) return showScenario();
    const core::NodeSpec n = *found;
    m_title->setText(tr("%1 · %2").arg(id, palette::kindLabel(n.kind)));
    auto idsOf = [this](std::initializer_list<NodeKind> kinds) {
        QStringList out;
        for (const auto& x : m_doc->scenario().nodes)
            for (auto k : kinds)
                if (x.kind == k) out << QString::fromStdString(x.id);
        return out;
    };
    switch (n.kind) {
    case NodeKind::Client:
        m_form->addRow(tr("Target"),
                       choice(idsOf({NodeKind::RateLimiter, NodeKind::LoadBalancer,
                                     NodeKind::ServiceGroup, NodeKind::Datastore}),
                              QString::fromStdString(n.target),
                              tr("Where this client sends its requests"), [this](const QString& t) {
                                  editNode([t](core::NodeSpec& x) { x.target = t.toStdString(); },
                                           tr("target"));
                              }));
        m_form->addRow(tr("Rate"), number(n.rate_rps, 0, 1e7, 1, tr(" req/s"),
                                          tr("Poisson arrival rate"), [this](double v) {
                                              editNode([v](core::NodeSpec& x) { x.rate_rps = v; },
                                                       tr("rate"));
                                          }));
        m_form->addRow(tr("Reads"),
                       number(n.read_fraction * 100, 0, 100, 0, tr(" %"),
                              tr("Share of requests that are reads"), [this](double v) {
                                  editNode([v](core::NodeSpec& x) { x.read_fraction = v / 100; },
                                           tr("read share"));
                              }));
        m_form->addRow(tr("Timeout"),
                       number(n.timeout_ms, 0.1, 1e7, 0, tr(" ms"),
                              tr("How long the client waits before giving up on an attempt"),
                              [this](double v) {
                                  editNode([v](core::NodeSpec& x) { x.timeout_ms = v; },
                                           tr("timeout"));
                              }));
        m_form->addRow(
            tr("Retries"),
            number(n.retries, 0, 100, 0, {},
                   tr("Attempts after the first, with exponential backoff"), [this](double v) {
                       editNode([v](core::NodeSpec& x) { x.retries = static_cast<int>(v); },
                                tr("retries"));
                   }));
        {
            auto* keys = new QCheckBox(tr("idempotency keys on writes"));
            keys->setChecked(n.idempotency_keys);
            keys->setToolTip(tr("The datastore remembers each write's key and answers a retry with "
                                "the first result instead of applying it again"));
            connect(keys, &QCheckBox::toggled, this, [this](bool on) {
                editNode([on](core::NodeSpec& x) { x.idempotency_keys = on; },
                         tr("idempotency keys"));
            });
            m_form->addRow(tr("Idempotency"), keys);
            auto* polite = new QCheckBox(tr("wait as long as a 429's Retry-After says"));
            polite->setChecked(n.honor_retry_after);
            connect(polite, &QCheckBox::toggled, this, [this](bool on) {
                editNode([on](core::NodeSpec& x) { x.honor_retry_after = on; }, tr("Retry-After"));
            });
            m_form->addRow(tr("Retry-After"), polite);
        }
        addConsistencyRows(n);
        break;
    case NodeKind::LoadBalancer:
        m_form->addRow(tr("Group"),
                       choice(idsOf({NodeKind::ServiceGroup}), QString::fromStdString(n.group),
                              tr("The service group it balances"), [this](const QString& t) {
                                  editNode([t](core::NodeSpec& x) { x.group = t.toStdString(); },
                                           tr("group"));
                              }));
        m_form->addRow(tr("Algorithm"),
                       choice({QStringLiteral("round_robin"), QStringLiteral("least_outstanding"),
                               QStringLiteral("random")},
                              QString::fromLatin1(core::toString(n.algorithm)),
                              tr("How it picks an instance"), [this](const QString& t) {
                                  editNode(
                                      [t](core::NodeSpec& x) {
                                          x.algorithm = core::lbAlgorithmFromString(t.toStdString())
                                                            .value_or(x.algorithm);
                                      },
                                      tr("algorithm"));
                              }));
        m_form->addRow(
            tr("Health check every"),
            number(n.health_check_interval_ms, 1, 3.6e6, 0, tr(" ms"),
                   tr("A dead instance is noticed only at the next check"), [this](double v) {
                       editNode([v](core::NodeSpec& x) { x.health_check_interval_ms = v; },
                                tr("health check"));
                   }));
        break;
    case NodeKind::ServiceGroup:
    case NodeKind::Datastore:
        if (n.kind == NodeKind::ServiceGroup)
            m_form->addRow(
                tr("Instances"),
                number(n.instances, 0, 1000, 0, {}, tr("How many instances run (manual scaling)"),
                       [this](double v) {
                           editNode([v](core::NodeSpec& x) { x.instances = static_cast<int>(v); },
                                    tr("instances"));
                       }));
        m_form->addRow(
            tr("Cores (size)"),
            number(n.cores, 1, core::kMaxCores, 0, tr(" per instance"),
                   tr("The instance size. Changing it while running is a vertical resize: each "
                      "instance restarts and is down for %1 s. Nothing is bigger than %2 cores.")
                       .arg(n.resize_downtime_s)
                       .arg(core::kMaxCores),
                   [this](double v) {
                       editNode([v](core::NodeSpec& x) { x.cores = static_cast<int>(v); },
                                tr("cores"));
                   }));
        {
            const double price =
                n.price_per_hour > 0 ? n.price_per_hour : core::listPricePerHour(n.cores);
            auto* cost = new QLabel(
                tr("$%1 per instance-hour%2")
                    .arg(price, 0, 'f', 3)
                    .arg(n.price_per_hour > 0
                             ? tr(" (set in the file)")
                             : tr(" (list price: $%1 per core)").arg(price / n.cores, 0, 'f', 3)));
            cost->setToolTip(tr("Bigger sizes cost more per core: the price list grows about "
                                "2.2x per doubling of cores"));
            m_form->addRow(tr("Price"), cost);
        }
        {
            auto* amdahl = new QCheckBox(tr("spread each request over all cores (Amdahl)"));
            amdahl->setChecked(n.parallel_fraction.has_value());
            amdahl->setToolTip(tr("On: one request at a time, sped up by 1 / ((1 - p) + p / "
                                  "cores). Off: each core serves its own request."));
            connect(amdahl, &QCheckBox::toggled, this, [this](bool on) {
                editNode(
                    [on](core::NodeSpec& x) {
                        x.parallel_fraction = on ? std::optional<double>(0.9) : std::nullopt;
                    },
                    tr("parallel work"));
            });
            m_form->addRow(tr("Parallel work"), amdahl);
            if (n.parallel_fraction)
                m_form->addRow(
                    tr("Parallel fraction"),
                    number(*n.parallel_fraction, 0, 1, 3, {},
                           tr("Speed-up with these cores: %1x (never more than %2x)")
                               .arg(core::amdahlSpeedup(*n.parallel_fraction, n.cores), 0, 'f', 2)
                               .arg(*n.parallel_fraction < 1
                                        ? 1.0 / (1.0 - *n.parallel_fraction)
                                        : std::numeric_limits<double>::infinity(),
                                    0, 'f', 1),
                           [this](double v) {
                               editNode([v](core::NodeSpec& x) { x.parallel_fraction = v; },
                                        tr("parallel fraction"));
                           }));
        }
        m_form->addRow(tr("Mean service time"),
                       number(n.service.mean(), 0.001, 1e6, 3, tr(" ms"),
                              tr("Time one request takes on one core"), [this](double v) {
                                  editNode(
                                      [v](core::NodeSpec& x) {
                                          const double k =
                                              x.service.mean() > 0 ? v / x.service.mean() : 1;
                                          x.service.mean_ms = v;
                                          x.service.median_ms *= k;
                                          x.service.p99_ms *= k;
                                      },
                                      tr("service time"));
                              }));
        m_form->addRow(
            tr("Waiting room"),
            number(n.queue_capacity, 0, 1e7, 0, tr(" requests"),
                   tr("Queue length per instance; a full queue drops at once"), [this](double v) {
                       editNode([v](core::NodeSpec& x) { x.queue_capacity = static_cast<int>(v); },
                                tr("queue"));
                   }));
        if (n.kind == NodeKind::ServiceGroup) {
            QStringList stores = idsOf({NodeKind::Datastore});
            stores.prepend(QString());
            m_form->addRow(
                tr("Datastore"),
                choice(stores, QString::fromStdString(n.datastore),
                       tr("The datastore each request reads or writes"), [this](const QString& t) {
                           editNode([t](core::NodeSpec& x) { x.datastore = t.toStdString(); },
                                    tr("datastore"));
                       }));
            auto* async = new QCheckBox(tr("release the core while waiting for the datastore"));
            async->setChecked(n.async_io);
            async->setToolTip(
                tr("Off: thread-per-request workers; a slow datastore backs the service up"));
            connect(async, &QCheckBox::toggled, this, [this](bool on) {
                editNode([on](core::NodeSpec& x) { x.async_io = on; }, tr("async I/O"));
            });
            m_form->addRow(tr("Async I/O"), async);
            QStringList caches = idsOf({NodeKind::Cache});
            caches.prepend(QString());
            m_form->addRow(tr("Cache"),
                           choice(caches, QString::fromStdString(n.cache),
                                  tr("Reads look here first; a miss goes on to the datastore"),
                                  [this](const QString& t) {
                                      editNode(
                                          [t](core::NodeSpec& x) { x.cache = t.toStdString(); },
                                          tr("cache"));
                                  }));
            QStringList queues = idsOf({NodeKind::Queue});
            queues.prepend(QString());
            m_form->addRow(tr("Write queue"),
                           choice(queues, QString::fromStdString(n.queue),
                                  tr("Writes are acknowledged once queued; consumers apply them "
                                     "to the datastore later (write-behind)"),
                                  [this](const QString& t) {
                                      editNode(
                                          [t](core::NodeSpec& x) { x.queue = t.toStdString(); },
                                          tr("write queue"));
                                  }));
            QStringList sessionStores = idsOf({NodeKind::SessionStore});
            sessionStores.prepend(QString());
            m_form->addRow(
                tr("Session store"),
                choice(sessionStores, QString::fromStdString(n.session_store),
                       tr("Stateless instances fetch the session here: one more hop, and no "
                          "session is lost with an instance"),
                       [this](const QString& t) {
                           editNode([t](core::NodeSpec& x) { x.session_store = t.toStdString(); },
                                    tr("session store"));
                       }));
            m_form->addRow(
                tr("Connection pool"),
                number(n.db_pool, 0, 1e6, 0, tr(" connections"),
                       tr("Datastore connections per instance (0: unlimited); when all are busy "
                          "requests wait"),
                       [this](double v) {
                           editNode([v](core::NodeSpec& x) { x.db_pool = static_cast<int>(v); },
                                    tr("connection pool"));
                       }));
        }
        if (n.kind == NodeKind::Datastore && !n.replicas.empty()) addReplicationRows(n);
        if (n.kind == NodeKind::ServiceGroup) {
            auto* batch = new QCheckBox(tr("collect requests into batches"));
            batch->setChecked(n.batching.has_value());
            batch->setToolTip(tr("A batch of k costs overhead + k x per item on one core: "
                                 "throughput rises, and so does the median latency"));
            connect(batch, &QCheckBox::toggled, this, [this](bool on) {
                editNode(
                    [on](core::NodeSpec& x) {
                        x.batching = on ? std::optional(core::NodeSpec::Batching{}) : std::nullopt;
                    },
                    tr("batching"));
            });
            m_form->addRow(tr("Batching"), batch);
            if (n.batching) {
                const auto b = *n.batching;
                auto batchRow = [&](const QString& label, double value, double hi, int decimals,
                                    const QString& unit, auto set) {
                    m_form->addRow(label,
                                   number(value, 0, hi, decimals, unit, {}, [this, set](double v) {
                                       editNode(
                                           [v, set](core::NodeSpec& x) {
                                               if (x.batching) set(*x.batching, v);
                                           },
                                           tr("batching"));
                                   }));
                };
                batchRow(tr("Batch size"), b.size, 1e5, 0, tr(" requests"),
                         [](core::NodeSpec::Batching& x, double v) {
                             x.size = std::max(1, static_cast<int>(v));
                         });
                batchRow(tr("Max wait"), b.max_wait_ms, 1e6, 1, tr(" ms"),
                         [](core::NodeSpec::Batching& x, double v) { x.max_wait_ms = v; });
                batchRow(tr("Per batch"), b.overhead_ms, 1e6, 2, tr(" ms"),
                         [](core::NodeSpec::Batching& x, double v) { x.overhead_ms = v; });
                batchRow(tr("Per item"), b.per_item_ms, 1e6, 2, tr(" ms"),
                         [](core::NodeSpec::Batching& x, double v) { x.per_item_ms = v; });
            }
            addScalingRows(n);
        }
        if (n.kind == NodeKind::Datastore && n.replicas.empty()) {
            auto* shard = new QCheckBox(tr("split the keys over shards"));
            shard->setChecked(n.shards.has_value());
            shard->setToolTip(tr("Each shard is a node of its own (right-click the frame to add "
                                 "one while running)"));
            connect(shard, &QCheckBox::toggled, this, [this](bool on) {
                editNode(
                    [on](core::NodeSpec& x) {
                        x.shards = on ? std::optional(core::NodeSpec::Shards{}) : std::nullopt;
                    },
                    tr("sharding"));
            });
            m_form->addRow(tr("Sharding"), shard);
            if (n.shards) {
                m_form->addRow(tr("Shards"),
                               number(n.shards->count, 1, 256, 0, {}, {}, [this](double v) {
                                   editNode(
                                       [v](core::NodeSpec& x) {
                                           if (x.shards) x.shards->count = static_cast<int>(v);
                                       },
                                       tr("shard count"));
                               }));
                using S = core::NodeSpec::Shards::Strategy;
                const QString names[] = {QStringLiteral("hash_mod"), QStringLiteral("range"),
                                         QStringLiteral("consistent_hash")};
                m_form->addRow(
                    tr("Strategy"),
                    choice({names[0], names[1], names[2]},
                           names[static_cast<int>(n.shards->strategy)],
                           tr("hash_mod moves most keys when a shard is added; consistent_hash "
                              "about 1/(n+1); range keeps neighbours (and hot keys) together"),
                           [this](const QString& t) {
                               editNode(
                                   [t](core::NodeSpec& x) {
                                       if (!x.shards) return;
                                       x.shards->strategy = t == QLatin1String("range") ? S::Range
                                                            : t == QLatin1String("consistent_hash")
                                                                ? S::ConsistentHash
                                                                : S::HashMod;
                                   },
                                   tr("shard strategy"));
                           }));
            }
        }
        break;
    case NodeKind::Replica:
        m_form->addRow(new QLabel(tr("A replica of its datastore; links attach here.")));
        break;
    case NodeKind::SessionStore:
    case NodeKind::Cache:
        m_form->addRow(tr("Cores"),
                       number(n.cores, 1, core::kMaxCores, 0, {}, tr("Lookups served at once"),
                              [this](double v) {
                                  editNode(
                                      [v](core::NodeSpec& x) { x.cores = static_cast<int>(v); },
                                      tr("cores"));
                              }));
        m_form->addRow(tr("Lookup time"),
                       number(n.service.mean(), 0.001, 1e6, 3, tr(" ms"), {}, [this](double v) {
                           editNode(
                               [v](core::NodeSpec& x) {
                                   const double k = x.service.mean() > 0 ? v / x.service.mean() : 1;
                                   x.service.mean_ms = v;
                                   x.service.median_ms *= k;
                                   x.service.p99_ms *= k;
                               },
                               tr("lookup time"));
                       }));
        if (n.kind == NodeKind::Cache) {
            m_form->addRow(tr("Capacity"),
                           number(static_cast<double>(n.capacity_keys), 1, 1e7, 0, tr(" keys"),
                                  tr("Least recently used keys are evicted beyond this"),
                                  [this](double v) {
                                      editNode(
                                          [v](core::NodeSpec& x) {
                                              x.capacity_keys = static_cast<std::uint64_t>(v);
                                          },
                                          tr("capacity"));
                                  }));
            m_form->addRow(tr("TTL"), number(n.ttl_s, 0, 1e9, 1, tr(" s"),
                                             tr("0: entries never expire"), [this](double v) {
                                                 editNode([v](core::NodeSpec& x) { x.ttl_s = v; },
                                                          tr("TTL"));
                                             }));
            m_form->addRow(
                tr("On write"),
                choice({QStringLiteral("invalidate"), QStringLiteral("update"),
                        QStringLiteral("none")},
                       n.on_write == core::NodeSpec::OnWrite::Update ? QStringLiteral("update")
                       : n.on_write == core::NodeSpec::OnWrite::None ? QStringLiteral("none")
                                                                     : QStringLiteral("invalidate"),
                       tr("What a completed write does to its key here; none: entries stay "
                          "stale until their TTL"),
                       [this](const QString& t) {
                           editNode(
                               [t](core::NodeSpec& x) {
                                   x.on_write = t == QLatin1String("update")
                                                    ? core::NodeSpec::OnWrite::Update
                                                : t == QLatin1String("none")
                                                    ? core::NodeSpec::OnWrite::None
                                                    : core::NodeSpec::OnWrite::Invalidate;
                               },
                               tr("on write"));
                       }));
            auto* coalesce = new QCheckBox(tr("one miss per key goes to the datastore"));
            coalesce->setChecked(n.coalescing);
            coalesce->setToolTip(tr("Off: after a restart every concurrent miss goes to the "
                                    "datastore (a thundering herd)"));
            connect(coalesce, &QCheckBox::toggled, this, [this](bool on) {
                editNode([on](core::NodeSpec& x) { x.coalescing = on; }, tr("coalescing"));
            });
            m_form->addRow(tr("Coalescing"), coalesce);
        }
        break;
    case NodeKind::Queue:
        m_form->addRow(tr("Consumers"),
                       choice(idsOf({NodeKind::ServiceGroup}), QString::fromStdString(n.consumers),
                              tr("The service group that applies the queued writes"),
                              [this](const QString& t) {
                                  editNode(
                                      [t](core::NodeSpec& x) { x.consumers = t.toStdString(); },
                                      tr("consumers"));
                              }));
        m_form->addRow(tr("Capacity"),
                       number(n.capacity, 1, 1e8, 0, tr(" messages"),
                              tr("A full queue refuses writes (dropped)"), [this](double v) {
                                  editNode(
                                      [v](core::NodeSpec& x) { x.capacity = static_cast<int>(v); },
                                      tr("capacity"));
                              }));
        m_form->addRow(tr("Ack timeout"),
                       number(n.ack_timeout_ms, 1, 1e9, 0, tr(" ms"),
                              tr("A message not acknowledged by then is delivered again "
                                 "(at-least-once)"),
                              [this](double v) {
                                  editNode([v](core::NodeSpec& x) { x.ack_timeout_ms = v; },
                                           tr("ack timeout"));
                              }));
        break;
    case NodeKind::RateLimiter: {
        m_form->addRow(
            tr("Target"),
            choice(idsOf({NodeKind::LoadBalancer, NodeKind::ServiceGroup, NodeKind::Datastore}),
                   QString::fromStdString(n.target), tr("Where admitted requests go"),
                   [this](const QString& t) {
                       editNode([t](core::NodeSpec& x) { x.target = t.toStdString(); },
                                tr("target"));
                   }));
        QStringList algorithms;
        for (auto a : core::kLimiterAlgorithms)
            algorithms << QString::fromLatin1(core::toString(a));
        m_form->addRow(
            tr("Algorithm"),
            choice(algorithms, QString::fromLatin1(core::toString(n.limiter)),
                   tr("token_bucket allows bursts; leaky_bucket delays then drops; fixed_window "
                      "lets up to twice the limit through across a boundary; the sliding ones "
                      "do not"),
                   [this](const QString& t) {
                       editNode(
                           [t](core::NodeSpec& x) {
                               x.limiter = core::limiterAlgorithmFromString(t.toStdString())
                                               .value_or(x.limiter);
                           },
                           tr("algorithm"));
                   }));
        m_form->addRow(tr("Limit"),
                       number(n.limit_rps, 0.001, 1e7, 1, tr(" req/s"), {}, [this](double v) {
                           editNode([v](core::NodeSpec& x) { x.limit_rps = v; }, tr("limit"));
                       }));
        m_form->addRow(tr("Burst"),
                       number(n.effectiveBurst(), 1, 1e7, 0, tr(" requests"),
                              tr("Token bucket: bucket size. Leaky bucket: how many may wait"),
                              [this](double v) {
                                  editNode([v](core::NodeSpec& x) { x.burst = v; }, tr("burst"));
                              }));
        m_form->addRow(tr("Window"),
                       number(n.window_ms, 1, 1e9, 0, tr(" ms"),
                              tr("Window algorithms: the span the limit covers"), [this](double v) {
                                  editNode([v](core::NodeSpec& x) { x.window_ms = v; },
                                           tr("window"));
                              }));
        m_form->addRow(
            tr("Key"),
            choice({QStringLiteral("global"), QStringLiteral("client")},
                   n.per_client ? QStringLiteral("client") : QStringLiteral("global"),
                   tr("One limit for everyone, or one per client"), [this](const QString& t) {
                       editNode(
                           [t](core::NodeSpec& x) { x.per_client = t == QLatin1String("client"); },
                           tr("key"));
                   }));
        break;
    }
    }
}

} // namespace cs::ui
