// clustersim-cli: validate and run scenario files headless (DESIGN.md section 9).
#include "Check.h"
#include "History.h"
#include "InputFile.h"
#include "InstrumentCommands.h"
#include "Run.h"
#include "ScenarioIO.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

#include <chrono>
#include <cstdio>
#include <iostream>

namespace {

enum Exit { kOk = 0, kFailure = 1, kInvalid = 2, kChecksFailed = 5 };

int validate(const std::string& path) {
    const auto loaded = cs::core::loadScenarioFile(path);
    for (const auto& w : loaded.warnings) std::cerr << "warning: " << w << "\n";
    if (!loaded.ok) {
        std::cerr << loaded.error << "\n";
        return kInvalid;
    }
    std::cout << path << ": ok (" << loaded.scenario.nodes.size() << " nodes, "
              << loaded.scenario.links.size() << " links, " << loaded.scenario.timeline.size()
              << " timeline actions)\n";
    return kOk;
}

// --duration and --seed, shared by run and check. Prints the problem and returns false.
bool readRunOptions(const QCommandLineParser& p, cs::core::RunOptions& opt) {
    if (p.isSet("duration")) {
        bool ok = false;
        const double d = p.value("duration").toDouble(&ok);
        if (!ok || !(d > 0) || d > 1e8) {
            std::cerr << "--duration: expected a number of seconds > 0, got \""
                      << p.value("duration").toStdString() << "\"\n";
            return false;
        }
        opt.duration_s = d;
    }
    if (p.isSet("seed")) {
        bool ok = false;
        const qulonglong s = p.value("seed").toULongLong(&ok);
        if (!ok) {
            std::cerr << "--seed: expected a non-negative integer, got \""
                      << p.value("seed").toStdString() << "\"\n";
            return false;
        }
        opt.seed = s;
    }
    return true;
}

int run(const std::string& path, const QCommandLineParser& p) {
    const auto loaded = cs::core::loadScenarioFile(path);
    for (const auto& w : loaded.warnings) std::cerr << "warning: " << w << "\n";
    if (!loaded.ok) {
        std::cerr << loaded.error << "\n";
        return kInvalid;
    }
    cs::core::RunOptions opt;
    if (!readRunOptions(p, opt)) return kFailure;
    opt.metricsCsv = p.value("metrics-csv").toStdString();
    opt.nodesCsv = p.value("nodes-csv").toStdString();
    opt.summaryJson = p.value("summary-json").toStdString();
    opt.historyOut = p.value("history-out").toStdString();
    // One progress line on stderr, updated in place, once the run has taken a second.
    const auto start = std::chrono::steady_clock::now();
    bool shown = false;
    double lastShown = 0;
    opt.progress = [&](double simS, double totalS) {
        const double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (wall < 1.0 || (wall - lastShown < 0.2 && simS < totalS))
            return; // at most 5 updates a second
        shown = true;
        lastShown = wall;
        std::fprintf(stderr, "\r%s: %.1f / %.1f s simulated (%3.0f%%), %.1f s elapsed",
                     path.c_str(), simS, totalS, 100.0 * simS / totalS, wall);
        std::fflush(stderr);
    };
    const auto result = cs::core::runScenario(loaded.scenario, opt);
    if (shown) std::fprintf(stderr, "\n");
    if (!result.ok) {
        std::cerr << result.error << "\n";
        return kFailure;
    }
    const auto& s = result.summary;
    // An output on standard output ("-") keeps it to itself: the one-line summary goes to stderr.
    const bool stdoutTaken = opt.metricsCsv == "-" || opt.nodesCsv == "-" ||
                             opt.summaryJson == "-" || opt.historyOut == "-";
    (stdoutTaken ? std::cerr : std::cout)
        << "issued " << s.issued << ", completed " << s.completed << ", failed " << s.failedTotal()
        << ", in flight " << s.in_flight << "; p50 " << s.latency_p50 << " ms, p99 "
        << s.latency_p99 << " ms; " << s.events_processed << " events in " << s.wall_seconds
        << " s\n";
    return kOk;
}

// check FILE [--expect OTHER] [--seed N] [--duration S]: exit 0 all pass, 5 any fails, 2 invalid.
int check(const std::string& path, const QCommandLineParser& p) {
    const auto loaded = cs::core::loadScenarioFile(path);
    for (const auto& w : loaded.warnings) std::cerr << "warning: " << w << "\n";
    if (!loaded.ok) {
        std::cerr << loaded.error << "\n";
        return kInvalid;
    }
    cs::core::RunOptions opt;
    if (!readRunOptions(p, opt)) return kFailure;
    std::vector<cs::core::Expectation> expect = loaded.scenario.expect;
    std::string source = path;
    if (p.isSet("expect")) {
        source = p.value("expect").toStdString();
        std::string error;
        if (!cs::core::loadExpectations(source, loaded.scenario, expect, error)) {
            std::cerr << error << "\n";
            return kInvalid;
        }
    }
    const auto report = cs::core::checkScenario(loaded.scenario, expect, source, opt);
    using Status = cs::core::CheckReport::Status;
    if (report.status == Status::Invalid || report.status == Status::RunFailed) {
        std::cerr << report.error << "\n";
        return report.status == Status::Invalid ? kInvalid : kFailure;
    }
    for (const auto& line : report.lines) std::cout << line << "\n";
    return report.status == Status::Passed ? kOk : kChecksFailed;
}

// check-history FILE [--model register|cas-register|kv|counter] [--budget-s S] [--max-steps N]
// Exit 0 linearizable, 3 not, 4 unknown, 2 malformed file, 1 other failures.
int checkHistoryCommand(const std::string& path, const QCommandLineParser& p) {
    std::string text, readError;
    if (!cs::core::readInputFile(path, std::uint64_t{1} << 30, text, readError)) {
        std::cerr << readError << "\n";
        return kInvalid;
    }
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3); // a UTF-8 byte order mark
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        std::cerr << path << ":1: expected at least one operation, got an empty file\n";
        return kInvalid;
    }
    cs::core::History h;
    std::string error;
    if (!cs::core::parseHistory(text, path, h, error)) {
        std::cerr << error << "\n";
        return kInvalid;
    }
    std::string().swap(text); // parsed: the text is no longer needed
    cs::core::HistoryModel model = cs::core::defaultModel(h);
    if (p.isSet("model")) {
        const QString m = p.value("model");
        if (m == QLatin1String("register"))
            model = cs::core::HistoryModel::Register;
        else if (m == QLatin1String("cas-register"))
            model = cs::core::HistoryModel::CasRegister;
        else if (m == QLatin1String("kv"))
            model = cs::core::HistoryModel::Kv;
        else if (m == QLatin1String("counter"))
            model = cs::core::HistoryModel::Counter;
        else {
            std::cerr << "--model: expected register, cas-register, kv or counter, got \""
                      << m.toStdString() << "\"\n";
            return kFailure;
        }
    }
    cs::core::CheckBudget budget;
    if (p.isSet("budget-s")) {
        bool ok = false;
        budget.seconds = p.value("budget-s").toDouble(&ok);
        if (!ok || !(budget.seconds > 0)) {
            std::cerr << "--budget-s: expected a number of seconds > 0\n";
            return kFailure;
        }
    }
    if (p.isSet("max-steps")) {
        bool ok = false;
        budget.steps = p.value("max-steps").toULongLong(&ok);
        if (!ok || budget.steps == 0) {
            std::cerr << "--max-steps: expected a whole number of search steps > 0\n";
            return kFailure;
        }
    }
    const auto start = std::chrono::steady_clock::now();
    const auto v = cs::core::checkHistory(h, model, budget);
    if (!v.error.empty()) {
        std::cerr << path << ":" << v.error << "\n";
        return kInvalid;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const char* verdict = v.verdict == cs::core::CheckResult::Verdict::Linearizable ? "true"
                          : v.verdict == cs::core::CheckResult::Verdict::NotLinearizable
                              ? "false"
                              : "unknown";
    if (v.firstBadLine > 0)
        std::cout << path << ":" << v.firstBadLine
                  << ": the operation invoked here cannot be placed in any order\n";
    std::cout << "linearizable=" << verdict << " operations=" << v.operations
              << " seconds=" << seconds << "\n";
    if (v.verdict == cs::core::CheckResult::Verdict::Unknown)
        std::cerr << "undecided after " << v.steps << " search steps (--max-steps raises it)\n";
    return v.verdict == cs::core::CheckResult::Verdict::Linearizable      ? kOk
           : v.verdict == cs::core::CheckResult::Verdict::NotLinearizable ? 3
                                                                          : 4;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("clustersim-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CLUSTERSIM_VERSION));
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Headless ClusterSim.\n  validate FILE   check a scenario (exit 0 ok, 2 invalid)\n"
        "  run FILE        simulate it (exit 0 done, 2 invalid file, 1 other failure)\n"
        "  check FILE      run it and evaluate its expectations (exit 0 all pass, 5 any fails, "
        "2 invalid)\n"
        "  compare A B     run both with one seed; the summary keys that differ\n"
        "  sweep FILE      run a grid of field values (--vary) into one CSV"));
    p.addHelpOption();
    p.addVersionOption();
    p.addPositionalArgument(QStringLiteral("command"), QStringLiteral("validate or run"));
    p.addPositionalArgument(QStringLiteral("file"), QStringLiteral("a *.clustersim.json scenario"));
    p.addOption({QStringLiteral("duration"),
                 QStringLiteral("Simulated seconds (overrides the file)."), QStringLiteral("S")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (overrides the file)."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("metrics-csv"), QStringLiteral("Write the metrics rows here."),
                 QStringLiteral("OUT.csv")});
    p.addOption({QStringLiteral("nodes-csv"), QStringLiteral("Write per-node series here."),
                 QStringLiteral("OUT.csv")});
    p.addOption(
        {QStringLiteral("history-out"),
         QStringLiteral(
             "Write clients' operations on replicated stores here (EDN-like, for check-history)."),
         QStringLiteral("OUT.edn")});
    p.addOption({QStringLiteral("model"),
                 QStringLiteral("check-history: register, cas-register, kv or counter."),
                 QStringLiteral("MODEL")});
    p.addOption({QStringLiteral("budget-s"),
                 QStringLiteral("check-history: wall seconds of search before 'unknown' (none)."),
                 QStringLiteral("S")});
    p.addOption({QStringLiteral("max-steps"),
                 QStringLiteral("check-history: search steps before 'unknown' (200000000); "
                                "the same verdict on every machine."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("expect"),
                 QStringLiteral("check: evaluate this file's expectations instead (a scenario, or "
                                "{\"expect\": [...]})."),
                 QStringLiteral("OTHER.json")});
    p.addOption({QStringLiteral("summary-json"), QStringLiteral("Write the run summary here."),
                 QStringLiteral("OUT.json")});
    p.addOption({QStringLiteral("out"),
                 QStringLiteral("compare: every key as key,A,B. sweep: one row per point."),
                 QStringLiteral("OUT.csv")});
    p.addOption({QStringLiteral("vary"),
                 QStringLiteral("sweep: nodes[ID].FIELD=FROM:TO:POINTS (repeat for a grid)."),
                 QStringLiteral("PATH=FROM:TO:POINTS")});
    p.addOption({QStringLiteral("jobs"), QStringLiteral("sweep: parallel runs (every core)."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("shard"),
                 QStringLiteral("sweep: run only the points whose index mod N is I-1."),
                 QStringLiteral("I/N")});
    if (!p.parse(app.arguments())) {
        std::cerr << p.errorText().toStdString() << "\n";
        return kFailure;
    }
    if (p.isSet(QStringLiteral("help"))) p.showHelp(kOk);
    if (p.isSet(QStringLiteral("version"))) p.showVersion();
    const QStringList args = p.positionalArguments();
    const QStringList commands = {QStringLiteral("validate"), QStringLiteral("run"),
                                  QStringLiteral("check-history"), QStringLiteral("check"),
                                  QStringLiteral("sweep")};
    if (args.size() == 3 && args[0] == QLatin1String("compare"))
        return cs::core::compareCommand(args[1].toStdString(), args[2].toStdString(), p);
    if (args.size() != 2 || !commands.contains(args[0])) {
        std::cerr << "usage: clustersim-cli validate FILE | run FILE [--duration S] [--seed N] "
                     "[--metrics-csv OUT.csv] [--nodes-csv OUT.csv] [--summary-json OUT.json] "
                     "[--history-out OUT.edn] | "
                     "check-history FILE [--model register|cas-register|kv|counter] [--budget-s S] "
                     "[--max-steps N] | check FILE [--expect OTHER.json] [--seed N] "
                     "[--duration S] | compare A B [--seed N] [--duration S] [--out diff.csv] | "
                     "sweep FILE --vary PATH=FROM:TO:POINTS [--vary ...] --out OUT.csv [--jobs N] "
                     "[--shard I/N] [--seed N] [--duration S]\n";
        return kFailure;
    }
    const std::string file = args[1].toStdString();
    if (args[0] == QLatin1String("check-history")) return checkHistoryCommand(file, p);
    if (args[0] == QLatin1String("check")) return check(file, p);
    if (args[0] == QLatin1String("sweep")) return cs::core::sweepCommand(file, p);
    return args[0] == QLatin1String("validate") ? validate(file) : run(file, p);
}
