#include "InstrumentCommands.h"

#include "Compare.h"
#include "OutputFile.h"
#include "Run.h"
#include "ScenarioIO.h"
#include "Sweep.h"

#include <QCommandLineParser>

#include <chrono>
#include <cstdio>
#include <iostream>

namespace cs::core {
namespace {

enum Exit { kOk = 0, kFailure = 1, kInvalid = 2 };

bool load(const std::string& path, Scenario& out) {
    const auto loaded = loadScenarioFile(path);
    for (const auto& w : loaded.warnings) std::cerr << "warning: " << w << "\n";
    if (!loaded.ok) {
        std::cerr << loaded.error << "\n";
        return false;
    }
    out = loaded.scenario;
    return true;
}

// --duration and --seed, as `run` reads them.
bool durationAndSeed(const QCommandLineParser& p, std::optional<double>& duration,
                     std::optional<std::uint64_t>& seed) {
    if (p.isSet(QStringLiteral("duration"))) {
        bool ok = false;
        const double d = p.value(QStringLiteral("duration")).toDouble(&ok);
        if (!ok || !(d > 0) || d > 1e8) {
            std::cerr << "--duration: expected a number of seconds > 0, got \""
                      << p.value(QStringLiteral("duration")).toStdString() << "\"\n";
            return false;
        }
        duration = d;
    }
    if (p.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        const qulonglong s = p.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok) {
            std::cerr << "--seed: expected a non-negative integer, got \""
                      << p.value(QStringLiteral("seed")).toStdString() << "\"\n";
            return false;
        }
        seed = s;
    }
    return true;
}

// Writes `text` to `path` in one step ("-" is standard output); an error names the file.
bool writeOutput(const std::string& path, const std::string& text) {
    OutputFile out(path);
    std::string err;
    if (out.open()) {
        out.write(text);
        err = out.commit();
    } else {
        err = out.error();
    }
    if (err.empty()) return true;
    std::cerr << err << "\n";
    return false;
}

// Opens the output once, before any run, to find a bad path at once; what it wrote is discarded.
bool outputWritable(const std::string& path) {
    if (path == "-") return true;
    OutputFile probe(path);
    if (probe.open()) return true;
    std::cerr << probe.error() << "\n";
    return false;
}

} // namespace

int compareCommand(const std::string& fileA, const std::string& fileB,
                   const QCommandLineParser& p) {
    Scenario a, b;
    if (!load(fileA, a) || !load(fileB, b)) return kInvalid;
    if (const std::string diff = topologyDifference(a, fileA, b, fileB); !diff.empty()) {
        std::cerr << "compare needs two files of one topology (the same node ids and kinds): "
                  << diff << "\n";
        return kInvalid;
    }
    CompareOptions opt;
    if (!durationAndSeed(p, opt.duration_s, opt.seed)) return kFailure;
    const std::string out = p.value(QStringLiteral("out")).toStdString();
    if (!out.empty() && !outputWritable(out)) return kFailure;
    const CompareResult r = compareScenarios(a, b, opt);
    if (!out.empty() && !writeOutput(out, compareCsv(r))) return kFailure;
    (out == "-" ? std::cerr : std::cout) << compareReport(r);
    return kOk;
}

int sweepCommand(const std::string& file, const QCommandLineParser& p) {
    Scenario base;
    if (!load(file, base)) return kInvalid;
    SweepOptions opt;
    if (!durationAndSeed(p, opt.duration_s, opt.seed)) return kFailure;
    std::vector<SweepAxis> axes;
    std::string error;
    for (const QString& v : p.values(QStringLiteral("vary"))) {
        axes.emplace_back();
        if (!parseSweepAxis(base, v.toStdString(), axes.back(), error)) {
            std::cerr << error << "\n";
            return kInvalid;
        }
    }
    if (axes.empty()) {
        std::cerr << "sweep: expected at least one --vary nodes[ID].FIELD=FROM:TO:POINTS\n";
        return kInvalid;
    }
    if (p.isSet(QStringLiteral("shard")) &&
        !parseShard(p.value(QStringLiteral("shard")).toStdString(), opt.shardIndex, opt.shardCount,
                    error)) {
        std::cerr << error << "\n";
        return kInvalid;
    }
    if (p.isSet(QStringLiteral("jobs"))) {
        bool ok = false;
        opt.jobs = p.value(QStringLiteral("jobs")).toInt(&ok);
        if (!ok || opt.jobs < 1 || opt.jobs > 4096) {
            std::cerr << "--jobs " << p.value(QStringLiteral("jobs")).toStdString()
                      << ": expected a whole number of parallel runs in [1, 4096]\n";
            return kInvalid;
        }
    }
    const std::string out = p.value(QStringLiteral("out")).toStdString();
    if (out.empty()) {
        std::cerr << "sweep: expected --out OUT.csv\n";
        return kInvalid;
    }
    if (const std::string bad = checkSweepGrid(base, axes, file); !bad.empty()) {
        std::cerr << bad << "\n";
        return kInvalid;
    }
    if (!outputWritable(out)) return kFailure;
    if (const std::size_t n = sweepDroppedActions(base, axes))
        std::cerr << "note: " << n
                  << " timeline action(s) changing a varied field are left out: each point "
                     "holds its value for the whole run\n";

    // Progress on stderr, in place, at most five times a second; nothing is written to OUT until
    // every point has run, so an interrupted sweep leaves no partial file.
    const auto start = std::chrono::steady_clock::now();
    double lastShown = -1;
    opt.progress = [&](std::size_t done, std::size_t total) {
        const double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (wall - lastShown < 0.2 && done < total) return;
        lastShown = wall;
        std::fprintf(stderr, "\r%s: %zu / %zu points, %.1f s elapsed", file.c_str(), done, total,
                     wall);
        std::fflush(stderr);
    };
    std::string csv;
    try {
        csv = runSweep(base, axes, opt);
    } catch (const std::exception& e) {
        std::cerr << "\nsweep failed: " << e.what() << "\n";
        return kFailure;
    }
    if (lastShown >= 0) std::fprintf(stderr, "\n");
    return writeOutput(out, csv) ? kOk : kFailure;
}

} // namespace cs::core
