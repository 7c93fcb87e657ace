// The charts as data: one row per chart, and in it one row per line drawn (name, colour key, axis
// and the value it takes from a metrics row). ChartsPanel builds its charts and refreshes them from
// this one table, so a new line is a row here, never a position to keep in step elsewhere.
#pragma once

#include "Metrics.h"

#include <QColor>
#include <QString>

#include <map>
#include <vector>

namespace cs::ui {

struct SeriesSpec {
    QString name; // in the legend and the hover tooltip
    // Its colour and dash, by name (seriesColour): the same line keeps its colour in every chart,
    // on every refresh, whatever else is shown.
    QString key;
    double (*value)(const core::MetricsRow& row);
    bool rightAxis = false;
    // A row where the value means nothing (no request finished: no latency) is a gap in the line,
    // never a drop to zero.
    bool (*gap)(const core::MetricsRow& row) = nullptr;
    // A count (instances, duplicates): its axis ticks on whole numbers when every line shown on
    // that axis is one.
    bool whole = false;
    // Hidden, legend entry and all, until it has been non-zero in the run: a line the scenario
    // cannot produce (datastore operations without a datastore) is not a flat line at zero.
    bool onlyWhenUsed = false;
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
    // Shown only once one of its lines has been non-zero in the run (queues, limiters, shards).
    bool onlyWhenUsed = false;
    // The legend lists the lines from the one drawn last (on top, the one that matters) down, so
    // that a legend cut short at 720p still names it.
    bool legendTopFirst = false;
};

// A value axis from 0: ticks every `step`, a 1, 2 or 5 times a power of ten (at least 1 for a
// count), at most `intervals` of them up to `top`, which is a whole number of steps above
// `maxValue` with some headroom (an empty chart: 0 to 1). Labels with `decimals` decimals.
struct NiceScale {
    double top = 1, step = 0.2;
    int decimals = 1;
};
NiceScale niceScale(double maxValue, int intervals, bool whole);

// In the order the charts are laid out.
const std::vector<ChartSpec>& chartSpecs();

// How a line is drawn: colour from the Okabe-Ito set (colour-blind safe; its yellow is left out,
// it vanishes on a projector), and a dash where two lines of a chart could be confused.
struct LineLook {
    QColor colour;
    Qt::PenStyle dash = Qt::SolidLine;
    double width = 2.5;
};
// Fixed looks for the named lines; any other key (a service group, a datastore) gets a colour
// from the same set, chosen from its name and never from its position.
LineLook seriesLook(const QString& key);

// Colours of run-time lines (one per group), stable for a run: each key keeps the colour its name
// picks unless a key seen earlier already has it, then the next free one.
class OwnerColours {
public:
    QColor colourOf(const QString& key);
    void clear() { m_assigned.clear(); }

private:
    std::map<QString, QColor> m_assigned;
};

} // namespace cs::ui
