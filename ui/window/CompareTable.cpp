#include "CompareTable.h"

#include "Run.h"
#include "SummaryKeys.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <map>

namespace cs::ui {

QString summaryKeyName(const std::string& key) {
    static const std::map<std::string, const char*> names = {
        {"availability", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Availability")},
        {"cache.hit_ratio", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Cache hit ratio")},
        {"conflicts", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Conflicts")},
        {"cost", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Cost ($)")},
        {"datastore.ops_per_s.max",
         QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Datastore ops/s, max")},
        {"datastore.ops_per_s.mean",
         QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Datastore ops/s, mean")},
        {"duplicate_side_effects",
         QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Duplicate side effects")},
        {"events_processed", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Events processed")},
        {"instances.max", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Instances, max")},
        {"instances.mean", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Instances, mean")},
        {"instances.min", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Instances, min")},
        {"late_responses", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Late responses")},
        {"latency_ms.mean", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Latency mean (ms)")},
        {"latency_ms.p50", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Latency p50 (ms)")},
        {"latency_ms.p95", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Latency p95 (ms)")},
        {"latency_ms.p99", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Latency p99 (ms)")},
        {"latency_ms.p999", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Latency p99.9 (ms)")},
        {"linearizability.checked",
         QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Linearizable: checked")},
        {"linearizability.unchecked_ops",
         QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Linearizable: unchecked ops")},
        {"linearizability.unknown",
         QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Linearizable: unknown")},
        {"linearizability.violations",
         QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Linearizable: violations")},
        {"lost_updates", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Lost updates")},
        {"messages_lost", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Messages lost")},
        {"queue.max_depth", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Queue depth, max")},
        {"reads.stale_fraction",
         QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Stale reads (fraction)")},
        {"recovery.convergence_ms",
         QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Convergence after heal (ms)")},
        {"recovery.election_ms", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Election time (ms)")},
        {"recovery.elections", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Elections")},
        {"recovery.unavailable_ms",
         QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Unavailable time (ms)")},
        {"requests.attempts", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Attempts (with retries)")},
        {"requests.completed", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Requests completed")},
        {"requests.failed.dropped", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Failed: dropped")},
        {"requests.failed.lost_in_flight",
         QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Failed: lost in flight")},
        {"requests.failed.rate_limited",
         QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Failed: rate limited (429)")},
        {"requests.failed.session_lost",
         QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Failed: session lost")},
        {"requests.failed.timeout", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Failed: timeout")},
        {"requests.failed.total", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Failed: total")},
        {"requests.failed.unavailable",
         QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Failed: unavailable")},
        {"requests.in_flight", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Requests in flight")},
        {"requests.issued", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Requests issued")},
        {"responded", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Responded (any answer)")},
        {"scaling.actions", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Scaling actions")},
        {"sharding.keys_moved_fraction",
         QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Keys moved (fraction)")},
        {"sharding.max_shard_share",
         QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Hottest shard's share")},
        {"sim_seconds", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Simulated seconds")},
        {"staleness_ms.p50", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Staleness p50 (ms)")},
        {"staleness_ms.p99", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Staleness p99 (ms)")},
        {"throughput_rps", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Throughput (req/s)")},
        {"wall_seconds", QT_TRANSLATE_NOOP("cs::ui::CompareTable", "Wall-clock seconds")},
    };
    const auto it = names.find(key);
    return it == names.end() ? QString::fromStdString(key) : CompareTable::tr(it->second);
}

CompareTable::CompareTable(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("compareTable"));
    m_table = new QTableWidget(0, 4);
    m_table->setObjectName(QStringLiteral("compareSummaryTable"));
    m_table->setHorizontalHeaderLabels({tr("Summary"), tr("A"), tr("B"), tr("B − A")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 4; ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    const auto keys = core::flattenSummary(core::Summary{});
    m_table->setRowCount(static_cast<int>(keys.size()));
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const auto& key = keys[static_cast<std::size_t>(r)].first;
        auto* name = new QTableWidgetItem(summaryKeyName(key));
        name->setData(Qt::UserRole, QString::fromStdString(key));
        name->setToolTip(
            QStringLiteral("%1 (%2)").arg(summaryKeyName(key), QString::fromStdString(key)));
        m_table->setItem(r, 0, name);
        for (int c = 1; c < 4; ++c) {
            auto* cell = new QTableWidgetItem;
            cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(r, c, cell);
        }
    }
    m_onlyDiffering = new QCheckBox(tr("Only differences"));
    m_onlyDiffering->setObjectName(QStringLiteral("compareOnlyDiffering"));
    connect(m_onlyDiffering, &QCheckBox::toggled, this, &CompareTable::applyFilter);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("compareTableStatus"));
    m_status->setWordWrap(true);
    auto* top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_onlyDiffering);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    clear();
}

void CompareTable::clear() {
    for (int r = 0; r < m_table->rowCount(); ++r)
        for (int c = 1; c < 4; ++c) {
            m_table->item(r, c)->setText(QString());
            m_table->item(r, c)->setBackground(QBrush());
        }
    m_differing = 0;
    m_status->setText(tr("No run yet"));
    applyFilter();
}

int CompareTable::rowOf(const QString& key) const {
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (m_table->item(r, 0)->data(Qt::UserRole).toString() == key) return r;
    return -1;
}

bool CompareTable::differs(const QString& key) const {
    const int r = rowOf(key);
    return r >= 0 && m_table->item(r, 0)->data(Qt::UserRole + 1).toBool();
}

// Values as the CLI compares them (exactNumber): a row differs when the texts differ, so two
// values that look the same never count, and none that differ is missed.
void CompareTable::setSummaries(const core::Summary& a, const core::Summary& b, double simS) {
    const auto fa = core::flattenSummary(a), fb = core::flattenSummary(b);
    m_differing = 0;
    const QBrush highlight(QColor(255, 222, 160));
    QFont bold = m_table->font();
    bold.setBold(true);
    for (int r = 0; r < m_table->rowCount() && r < static_cast<int>(fa.size()); ++r) {
        const auto& [key, va] = fa[static_cast<std::size_t>(r)];
        const double vb = fb[static_cast<std::size_t>(r)].second;
        const bool differs =
            key != "wall_seconds" && core::exactNumber(va) != core::exactNumber(vb);
        m_differing += differs ? 1 : 0;
        m_table->item(r, 1)->setText(QString::fromStdString(core::readableNumber(va)));
        m_table->item(r, 2)->setText(QString::fromStdString(core::readableNumber(vb)));
        const double d = vb - va;
        m_table->item(r, 3)->setText(!differs
                                         ? QString()
                                         : (d > 0 ? QStringLiteral("+") : QString()) +
                                               QString::fromStdString(core::readableNumber(d)));
        m_table->item(r, 0)->setData(Qt::UserRole + 1, differs);
        for (int c = 0; c < 4; ++c) {
            m_table->item(r, c)->setBackground(differs ? highlight : QBrush());
            m_table->item(r, c)->setFont(differs ? bold : m_table->font());
        }
    }
    m_status->setText(tr("At %L1 s: %2 differ").arg(simS, 0, 'f', 1).arg(m_differing));
    applyFilter();
}

void CompareTable::applyFilter() {
    const bool only = m_onlyDiffering->isChecked();
    for (int r = 0; r < m_table->rowCount(); ++r)
        m_table->setRowHidden(r, only && !m_table->item(r, 0)->data(Qt::UserRole + 1).toBool());
}

} // namespace cs::ui
