#include "SweepAnalysis.h"

#include <QByteArray>

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace cs::core {

std::vector<double> SweepTable::column(const std::string& name) const {
    const auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) return {};
    const auto i = static_cast<std::size_t>(it - header.begin());
    std::vector<double> out;
    out.reserve(rows.size());
    for (const auto& r : rows)
        out.push_back(i < r.size() ? r[i] : std::numeric_limits<double>::quiet_NaN());
    return out;
}

bool SweepTable::has(const std::string& name) const {
    return std::find(header.begin(), header.end(), name) != header.end();
}

SweepTable parseSweepCsv(const std::string& csv) {
    SweepTable t;
    std::istringstream in(csv);
    std::string line;
    if (!std::getline(in, line)) return t;
    std::istringstream head(line);
    for (std::string cell; std::getline(head, cell, ',');) t.header.push_back(cell);
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        std::vector<double> row;
        std::istringstream cells(line);
        for (std::string cell; std::getline(cells, cell, ',');) {
            bool ok = false;
            const double v = QByteArray::fromStdString(cell).toDouble(&ok);
            row.push_back(ok ? v : std::numeric_limits<double>::quiet_NaN());
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

std::optional<std::size_t> kneeIndex(const std::vector<double>& x, const std::vector<double>& y,
                                     double elasticity) {
    std::vector<std::size_t> usable;
    for (std::size_t i = 0; i < std::min(x.size(), y.size()); ++i)
        if (x[i] > 0 && y[i] > 0 && std::isfinite(x[i]) && std::isfinite(y[i])) usable.push_back(i);
    for (std::size_t k = 0; k + 1 < usable.size(); ++k) {
        const std::size_t i = usable[k], j = usable[k + 1];
        const double dy = std::log(y[j] / y[i]), dx = std::log(x[j] / x[i]);
        if (dy <= 0) continue;
        if (dx <= 0 || dy / dx > elasticity) return i;
    }
    return std::nullopt;
}

std::vector<double> costPerHour(const SweepTable& table) {
    const auto cost = table.column("cost"), secs = table.column("sim_seconds");
    std::vector<double> out;
    for (std::size_t i = 0; i < cost.size() && i < secs.size(); ++i)
        out.push_back(secs[i] > 0 ? cost[i] / secs[i] * 3600 : 0);
    return out;
}

} // namespace cs::core
