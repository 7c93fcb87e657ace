#include "Sweep.h"

#include "JsonFields.h"
#include "Run.h"
#include "ScenarioIO.h"

#include <QByteArray>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <string_view>
#include <thread>

namespace cs::core {
namespace {

constexpr std::size_t kMaxPoints = 1'000'000;

bool toNumber(const std::string& text, double& out) {
    bool ok = false;
    out = QByteArray::fromStdString(text).toDouble(&ok);
    return ok && std::isfinite(out);
}

std::string rangeText(const FieldRow& row, const NodeSpec& n) {
    const std::string hi = ObjectReader::fmt(row.maxFor(n));
    std::string text = row.offBelow > 0 ? "0 or [" : "[";
    text += ObjectReader::fmt(row.offBelow > 0 ? row.offBelow : row.lo);
    return text + ", " + hi + "]";
}

// FROM:TO:POINTS into evenly spaced values, both ends included.
bool parseRange(const std::string& text, bool integer, std::vector<double>& values,
                std::string& why) {
    const std::size_t c1 = text.find(':'),
                      c2 = c1 == std::string::npos ? c1 : text.find(':', c1 + 1);
    if (c2 == std::string::npos || text.find(':', c2 + 1) != std::string::npos) {
        why = "expected FROM:TO:POINTS after '=', got \"" + text + "\"";
        return false;
    }
    double from = 0, to = 0;
    bool okPoints = false;
    const long long points = QByteArray::fromStdString(text.substr(c2 + 1)).toLongLong(&okPoints);
    if (!toNumber(text.substr(0, c1), from) || !toNumber(text.substr(c1 + 1, c2 - c1 - 1), to) ||
        !okPoints || points < 1 || points > static_cast<long long>(kMaxPoints)) {
        why = "expected FROM:TO:POINTS (two numbers and a whole number of points in [1, " +
              std::to_string(kMaxPoints) + "]), got \"" + text + "\"";
        return false;
    }
    if (points == 1 && from != to) {
        why = "one point needs FROM equal to TO, got \"" + text + "\"";
        return false;
    }
    values.clear();
    for (long long i = 0; i < points; ++i) {
        double v =
            i + 1 == points ? to : from + (to - from) * static_cast<double>(i) / (points - 1);
        if (integer) v = std::round(v);
        values.push_back(v);
    }
    return true;
}

} // namespace

bool parseSweepAxis(const Scenario& s, const std::string& argument, SweepAxis& out,
                    std::string& error) {
    auto fail = [&](const std::string& why) {
        error = "--vary " + argument + ": " + why;
        return false;
    };
    const std::size_t eq = argument.find('=');
    if (eq == std::string::npos) return fail("expected nodes[ID].FIELD=FROM:TO:POINTS");
    out = SweepAxis{};
    out.argument = argument;
    out.path = argument.substr(0, eq);
    const std::size_t close = out.path.find("].");
    if (out.path.rfind("nodes[", 0) != 0 || close == std::string::npos ||
        close + 2 >= out.path.size())
        return fail("expected a path nodes[ID].FIELD before '=', got \"" + out.path + "\"");
    const std::string id = out.path.substr(6, close - 6), field = out.path.substr(close + 2);
    const auto node =
        std::find_if(s.nodes.begin(), s.nodes.end(), [&](const NodeSpec& n) { return n.id == id; });
    if (node == s.nodes.end()) return fail("no node with id \"" + id + "\"");
    out.node = static_cast<std::size_t>(node - s.nodes.begin());
    out.row = findField(node->kind, field);
    if (!out.row)
        return fail("a " + std::string(enumName(node->kind)) + " has no field \"" + field + "\"");
    if ((out.row->type != FieldType::Number && out.row->type != FieldType::Integer) ||
        !out.row->access.set)
        return fail("\"" + field + "\" is not a number (a sweep varies numeric fields)");
    if (out.row->when && !out.row->when(*node))
        return fail("\"" + id + "\" " + out.row->whenMissing);
    std::string why;
    if (!parseRange(argument.substr(eq + 1), out.row->type == FieldType::Integer, out.values, why))
        return fail(why);
    std::vector<double> ends = {out.values.front(), out.values.back()}; // named first
    ends.insert(ends.end(), out.values.begin(), out.values.end());
    for (double v : ends) {
        const bool off = out.row->offBelow > 0 && v == 0;
        const bool below = out.row->offBelow > 0 ? v < out.row->offBelow : v < out.row->lo;
        if (!off && (below || v > out.row->maxFor(*node)))
            return fail(ObjectReader::fmt(v) + " is outside the range of " + field + " on a " +
                        enumName(node->kind) + ", " + rangeText(*out.row, *node));
    }
    return true;
}

bool parseShard(const std::string& argument, int& index, int& count, std::string& error) {
    const std::size_t slash = argument.find('/');
    bool okI = false, okN = false;
    if (slash != std::string::npos) {
        index = QByteArray::fromStdString(argument.substr(0, slash)).toInt(&okI);
        count = QByteArray::fromStdString(argument.substr(slash + 1)).toInt(&okN);
    }
    if (!okI || !okN || count < 1 || index < 1 || index > count) {
        error = "--shard " + argument + ": expected I/N with 1 <= I <= N";
        return false;
    }
    return true;
}

std::size_t sweepPointCount(const std::vector<SweepAxis>& axes) {
    std::size_t n = 1;
    for (const SweepAxis& a : axes) n = std::min(n * a.values.size(), kMaxPoints + 1);
    return n;
}

namespace {
// A timeline (or timed lesson) action that would change the varied field during the run.
bool changesAxis(const Scenario& s, const SweepAxis& a, const Action& act) {
    if (act.node != s.nodes[a.node].id) return false;
    if (act.kind == ActionKind::SetRate) return std::string_view(a.row->name) == "rate_rps";
    return act.kind == ActionKind::SetField && act.field == a.row->name;
}

std::size_t dropChangesOfAxes(Scenario& s, const std::vector<SweepAxis>& axes) {
    const auto changes = [&](const Action& act) {
        return std::any_of(axes.begin(), axes.end(),
                           [&](const SweepAxis& a) { return changesAxis(s, a, act); });
    };
    std::size_t dropped = std::erase_if(s.timeline, changes);
    for (LessonStep& step : s.lesson.steps)
        if (step.at_s) dropped += std::erase_if(step.actions, changes);
    return dropped;
}
} // namespace

std::size_t sweepDroppedActions(const Scenario& base, const std::vector<SweepAxis>& axes) {
    Scenario s = base;
    return dropChangesOfAxes(s, axes);
}

Scenario sweepPoint(const Scenario& base, const std::vector<SweepAxis>& axes, std::size_t k) {
    Scenario s = base;
    dropChangesOfAxes(s, axes);                   // the point's value holds for the whole run
    for (std::size_t i = axes.size(); i-- > 0;) { // the last axis varies fastest
        const SweepAxis& a = axes[i];
        a.row->access.set(s.nodes[a.node], a.values[k % a.values.size()]);
        k /= a.values.size();
    }
    return s;
}

std::string checkSweepGrid(const Scenario& base, const std::vector<SweepAxis>& axes,
                           const std::string& fileName) {
    const std::size_t points = sweepPointCount(axes);
    if (points > kMaxPoints)
        return "--vary: the grid has more than " + std::to_string(kMaxPoints) + " points";
    for (std::size_t k = 0; k < points; ++k) {
        const Scenario s = sweepPoint(base, axes, k);
        // Read back from its text: every rule of the file (autoscaling.max >= min, ...).
        const LoadResult back = loadScenarioText(scenarioToJson(s), fileName);
        if (back.ok) continue;
        std::string values;
        for (const SweepAxis& a : axes)
            values += " " + a.path + "=" +
                      exactNumber(std::get<double>(a.row->access.get(s.nodes[a.node])));
        return "--vary: point " + std::to_string(k) + " (" + values.substr(1) +
               ") is not a valid scenario: " + back.error;
    }
    return {};
}

std::string runSweep(const Scenario& base, const std::vector<SweepAxis>& axes,
                     const SweepOptions& options) {
    const std::size_t points = sweepPointCount(axes);
    std::vector<std::size_t> mine; // this shard's points, in index order
    for (std::size_t k = static_cast<std::size_t>(options.shardIndex - 1); k < points;
         k += static_cast<std::size_t>(options.shardCount))
        mine.push_back(k);
    std::vector<std::string> rows(mine.size());
    std::vector<std::string> keys;
    std::atomic<std::size_t> next{0};
    std::size_t done = 0;
    std::mutex mutex; // guards done, keys, firstError and the progress callback
    std::string firstError;
    auto work = [&] {
        for (std::size_t i = next++; i < mine.size(); i = next++) {
            if (options.cancel && options.cancel->load()) return;
            try {
                const Scenario s = sweepPoint(base, axes, mine[i]);
                RunOptions opt;
                opt.duration_s = options.duration_s;
                opt.seed = options.seed;
                opt.keepMetricsText = false;
                Summary summary = runScenario(s, opt).summary;
                summary.wall_seconds = 0;
                const auto flat = flattenSummary(summary);
                std::string row = std::to_string(mine[i]);
                for (const SweepAxis& a : axes)
                    (row += ',') +=
                        exactNumber(std::get<double>(a.row->access.get(s.nodes[a.node])));
                for (const auto& kv : flat) (row += ',') += exactNumber(kv.second);
                rows[i] = row + '\n';
                std::lock_guard lock(mutex);
                if (keys.empty())
                    for (const auto& kv : flat) keys.push_back(kv.first);
                if (options.progress) options.progress(++done, mine.size());
            } catch (const std::exception& e) {
                std::lock_guard lock(mutex);
                if (firstError.empty()) firstError = e.what();
            }
        }
    };
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t jobs = std::min<std::size_t>(
        options.jobs > 0 ? static_cast<std::size_t>(options.jobs) : cores, mine.size());
    std::vector<std::thread> threads;
    for (std::size_t j = 1; j < jobs; ++j) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
    if (!firstError.empty()) throw std::runtime_error(firstError);
    if (options.cancel && options.cancel->load()) return {};

    if (keys.empty()) // a shard with no points still writes the header
        for (const auto& kv : flattenSummary(Summary{})) keys.push_back(kv.first);
    std::string csv = "point";
    for (const SweepAxis& a : axes) (csv += ',') += a.path;
    for (const std::string& k : keys) (csv += ',') += k;
    csv += "\n";
    for (const std::string& r : rows) csv += r;
    return csv;
}

} // namespace cs::core
