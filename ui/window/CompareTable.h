// The compare view's table: every summary key (in the summary JSON's order, as `clustersim-cli
// compare --out` lists them) with a readable name, A's value, B's, and B - A; the rows that differ
// are highlighted (wall_seconds never counts, as in the CLI). "Only differences" hides the rest.
#pragma once

#include "Metrics.h"

#include <QWidget>

#include <string>

class QCheckBox;
class QLabel;
class QTableWidget;

namespace cs::ui {

// A summary key as a class reads it: "latency_ms.p99" -> "Latency p99 (ms)"; an unknown key as is.
QString summaryKeyName(const std::string& key);

class CompareTable : public QWidget {
    Q_OBJECT
public:
    explicit CompareTable(QWidget* parent = nullptr);
    // Both runs' summaries at the same simulated time.
    void setSummaries(const core::Summary& a, const core::Summary& b, double simS);
    void clear();
    int differingRows() const { return m_differing; }
    QTableWidget* table() const { return m_table; }
    int rowOf(const QString& key) const; // -1 when absent
    bool differs(const QString& key) const;

private:
    void applyFilter();

    QTableWidget* m_table = nullptr;
    QCheckBox* m_onlyDiffering = nullptr;
    QLabel* m_status = nullptr;
    int m_differing = 0;
};

} // namespace cs::ui
