// The charts as data: one row per chart, and in it one row per line drawn (name, colour, axis and
// the value it takes from a metrics row). ChartsPanel builds its charts and refreshes them from
// this one table, so a new line is a row here, never a position to keep in step elsewhere.
#pragma once

#include "Metrics.h"

#include <QColor>
#include <QString>

#include <vector>

namespace cs::ui {

struct SeriesSpec {
    QString name; // in the legend and the hover tooltip
    QColor colour;
    double (*value)(const core::MetricsRow& row);
    bool rightAxis = false;
};

struct ChartSpec {
    QString title;
    QString leftAxis, rightAxis; // the axes' units; no right axis when empty
    std::vector<SeriesSpec> series;
    // Lines made at run time instead, one per service group or datastore (the busiest few).
    bool utilisationByOwner = false;
    // Lines that stay at zero over the window are hidden, legend entry and all: the legend then
    // names only what is happening, and stays readable in a narrow chart.
    bool onlyActiveLines = false;
};

// In the order the charts are laid out: three to a row.
const std::vector<ChartSpec>& chartSpecs();

} // namespace cs::ui
