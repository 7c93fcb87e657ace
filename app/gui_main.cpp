// clustersim: the desktop application. Parses arguments and opens the main window.
#include "GifRecorder.h"
#include "Language.h"
#include "MainWindow.h"
#include "Presentation.h"
#include "RewindBench.h"
#include "StartupBench.h"
#include "UiBench.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileOpenEvent>
#include <QIcon>

#include <algorithm>
#include <cstdio>
#include <string_view>

namespace {
// macOS hands a double-clicked scenario to the running app as a QFileOpenEvent, not argv.
class FileOpenHandler : public QObject {
public:
    explicit FileOpenHandler(cs::ui::MainWindow* w) : QObject(w), m_window(w) {}
    bool eventFilter(QObject* watched, QEvent* e) override {
        if (e->type() == QEvent::FileOpen) {
            m_window->openFromCommandLine(static_cast<QFileOpenEvent*>(e)->file());
            return true;
        }
        return QObject::eventFilter(watched, e);
    }

private:
    cs::ui::MainWindow* m_window;
};

// --version and --help print text, and --bench-startup only launches children: no display.
bool needsNoDisplay(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--") break;
        if (a == "--version" || a == "-v" || a == "--help" || a == "-h" || a == "-?" ||
            a == "--help-all" || a == "--bench-startup" || a == "--bench-rewind")
            return true;
    }
    return false;
}

// The options of DESIGN.md section 9 and the benchmarks'.
void addOptions(QCommandLineParser& p) {
    p.setApplicationDescription(QStringLiteral("Watch a simulated cluster live."));
    p.addHelpOption();
    p.addVersionOption();
    p.addPositionalArgument(QStringLiteral("file"),
                            QStringLiteral("Scenario to open (default: the built-in one)."),
                            QStringLiteral("[file]"));
    p.addOption({QStringLiteral("screenshot"),
                 QStringLiteral("Run --run-for simulated seconds as fast as possible, save a PNG "
                                "of the window and quit."),
                 QStringLiteral("OUT.png")});
    p.addOption({QStringLiteral("run-for"),
                 QStringLiteral("Simulated seconds to run before the screenshot."),
                 QStringLiteral("S"), QStringLiteral("10")});
    p.addOption({QStringLiteral("window-size"),
                 QStringLiteral(
                     "Window size for --screenshot, --gif and --bench-ui, e.g. 1280x720 (default "
                     "1600x1000)."),
                 QStringLiteral("WxH"), QStringLiteral("1600x1000")});
    p.addOption({QStringLiteral("present"),
                 QStringLiteral("Open in presentation mode (full screen, large text; with "
                                "--screenshot: at --window-size).")});
    p.addOption({QStringLiteral("gif"),
                 QStringLiteral("Run --run-for simulated seconds, record --gif-seconds more as an "
                                "animated GIF of the window and quit."),
                 QStringLiteral("OUT.gif")});
    p.addOption({QStringLiteral("gif-seconds"), QStringLiteral("Simulated seconds the GIF covers."),
                 QStringLiteral("T"), QStringLiteral("5")});
    p.addOption({QStringLiteral("fps"), QStringLiteral("GIF frames per simulated second."),
                 QStringLiteral("F"), QStringLiteral("10")});
    p.addOption(
        {QStringLiteral("bench-ui"), QStringLiteral("Measure frame and chart cost with 200 nodes "
                                                    "and 2,000 messages, print one line, quit.")});
    p.addOption({QStringLiteral("bench-seconds"),
                 QStringLiteral("Wall seconds the UI benchmark measures."), QStringLiteral("S"),
                 QStringLiteral("10")});
    p.addOption({QStringLiteral("bench-startup"),
                 QStringLiteral("Launch the app --bench-runs times (offscreen unless "
                                "QT_QPA_PLATFORM is set), print the median time to the first "
                                "painted window, quit.")});
    p.addOption({QStringLiteral("bench-rewind"),
                 QStringLiteral("Run [file] (default: the built-in one) for --bench-duration "
                                "simulated seconds, then time rewinds to its middle and to just "
                                "before several checkpoints against a straight re-run to the "
                                "middle; print one line, quit.")});
    p.addOption({QStringLiteral("bench-duration"),
                 QStringLiteral("Simulated seconds the rewind benchmark runs."),
                 QStringLiteral("S"), QStringLiteral("600")});
    p.addOption({QStringLiteral("bench-runs"), QStringLiteral("Launches --bench-startup times."),
                 QStringLiteral("N"), QStringLiteral("15")});
    QCommandLineOption probeOption(QStringLiteral("startup-probe")); // the benchmark's child
    probeOption.setFlags(QCommandLineOption::HiddenFromHelp);
    p.addOption(probeOption);
}

} // namespace

int main(int argc, char** argv) {
    if (needsNoDisplay(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ClusterSim"));
    QApplication::setOrganizationName(QStringLiteral("ClusterSim"));
    QApplication::setApplicationVersion(QStringLiteral(CLUSTERSIM_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral(CLUSTERSIM_APP_ID));
    // The window's language and number format: Preferences' choice, else the system's.
    // (Command-line help and messages on stderr stay English, like clustersim-cli's.)
    cs::ui::installTranslations(&app, cs::ui::uiLocale());
    QIcon icon;
    for (int px : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/clustersim-%1.png").arg(px), QSize(px, px));
    QApplication::setWindowIcon(icon);

    QCommandLineParser p;
    addOptions(p);
    p.process(app);

    const QStringList wh = p.value(QStringLiteral("window-size")).split(QLatin1Char('x'));
    const QSize size = wh.size() == 2 ? QSize(wh[0].toInt(), wh[1].toInt()) : QSize();
    if (size.width() < 320 || size.height() < 240 || size.width() > 8192 || size.height() > 8192) {
        std::fprintf(stderr, "--window-size: expected WxH from 320x240 to 8192x8192, got \"%s\"\n",
                     qPrintable(p.value(QStringLiteral("window-size"))));
        return 1;
    }
    if (p.isSet(QStringLiteral("bench-ui"))) // full screen or 1600x1000 unless a size is given
        return cs::ui::runUiBench(p.value(QStringLiteral("bench-seconds")).toDouble(),
                                  p.isSet(QStringLiteral("present")),
                                  p.isSet(QStringLiteral("window-size")) ? size : QSize());
    if (p.isSet(QStringLiteral("bench-rewind")))
        return cs::ui::runRewindBench(p.positionalArguments().value(0),
                                      p.value(QStringLiteral("bench-duration")).toDouble());
    if (p.isSet(QStringLiteral("bench-startup")))
        return cs::ui::runStartupBench(QCoreApplication::applicationFilePath(),
                                       std::max(1, p.value(QStringLiteral("bench-runs")).toInt()));

    const bool gif = p.isSet(QStringLiteral("gif"));
    if (gif && !cs::ui::GifEncoder::available()) {
        std::fprintf(stderr, "--gif: GIF export is unavailable: this build has no giflib\n");
        return 2;
    }
    const bool headless = p.isSet(QStringLiteral("screenshot")) || gif;
    const bool probe = p.isSet(QStringLiteral("startup-probe"));
    cs::ui::MainWindow window(!headless && !probe);
    const QStringList files = p.positionalArguments();
    if (headless) { // a file that cannot be opened: its message and exit 2
        QString error;
        if (!window.openScenario(files.isEmpty()
                                     ? QStringLiteral(":/scenarios/default.clustersim.json")
                                     : files.front(),
                                 &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 2;
        }
    } else if (files.isEmpty()) {
        window.openScenario(QStringLiteral(":/scenarios/default.clustersim.json"));
    } else {
        // A file named on the command line (or opened from the file manager) that cannot be
        // opened: the window opens on an empty scenario and says why.
        window.openFromCommandLine(files.front());
    }
    if (probe) cs::ui::armStartupProbe(&window);
    if (!headless) app.installEventFilter(new FileOpenHandler(&window));
    window.show();
    if (gif) {
        cs::ui::GifRequest r;
        r.startS = p.value(QStringLiteral("run-for")).toDouble();
        r.seconds = p.value(QStringLiteral("gif-seconds")).toDouble();
        r.fps = p.value(QStringLiteral("fps")).toDouble();
        r.size = size;
        r.path = p.value(QStringLiteral("gif"));
        if (const QString bad = r.check(); !bad.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(bad));
            return 1;
        }
        window.resize(size);
        if (p.isSet(QStringLiteral("present"))) window.presentation()->enter(false); // at that size
        auto* recorder = new cs::ui::GifRecorder(&window, r, &window);
        QObject::connect(
            recorder, &cs::ui::GifRecorder::finished, &app,
            [](const QString& err) {
                if (!err.isEmpty()) std::fprintf(stderr, "%s\n", qPrintable(err));
                QApplication::exit(err.isEmpty() ? 0 : 1);
            },
            Qt::QueuedConnection); // an early error arrives once app.exec() runs
        recorder->start();
    } else if (headless) {
        window.screenshotAfter(p.value(QStringLiteral("run-for")).toDouble(),
                               p.value(QStringLiteral("screenshot")), size,
                               p.isSet(QStringLiteral("present")));
    } else if (!probe) {
        if (p.isSet(QStringLiteral("present"))) window.presentation()->enter();
        window.offerRecovery();
    }
    return app.exec();
}
