// clustersim: the desktop application. Parses arguments and opens the main window.
#include "GifRecorder.h"
#include "MainWindow.h"
#include "Presentation.h"
#include "UiBench.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ClusterSim"));
    QApplication::setOrganizationName(QStringLiteral("ClusterSim"));
    QApplication::setApplicationVersion(QStringLiteral(CLUSTERSIM_VERSION));

    QCommandLineParser p;
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
                     "Window size for --screenshot and --gif, e.g. 1280x720 (default 1600x1000)."),
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
    p.addOption({QStringLiteral("present"),
                 QStringLiteral("With --bench-ui: measure with the presentation look (large fonts, "
                                "high contrast).")});
    p.process(app);

    if (p.isSet(QStringLiteral("bench-ui")))
        return cs::ui::runUiBench(p.value(QStringLiteral("bench-seconds")).toDouble(),
                                  p.isSet(QStringLiteral("present")));

    const bool gif = p.isSet(QStringLiteral("gif"));
    if (gif && !cs::ui::GifEncoder::available()) {
        std::fprintf(stderr, "--gif: GIF export is unavailable: this build has no giflib\n");
        return 2;
    }
    const bool headless = p.isSet(QStringLiteral("screenshot")) || gif;
    const QStringList wh = p.value(QStringLiteral("window-size")).split(QLatin1Char('x'));
    const QSize size = wh.size() == 2 ? QSize(wh[0].toInt(), wh[1].toInt()) : QSize();
    if (size.width() < 320 || size.height() < 240 || size.width() > 8192 || size.height() > 8192) {
        std::fprintf(stderr, "--window-size: expected WxH from 320x240 to 8192x8192, got \"%s\"\n",
                     qPrintable(p.value(QStringLiteral("window-size"))));
        return 1;
    }
    cs::ui::MainWindow window(!headless);
    const QStringList files = p.positionalArguments();
    QString error;
    if (!window.openScenario(files.isEmpty() ? QStringLiteral(":/scenarios/default.clustersim.json")
                                             : files.front(),
                             headless ? &error : nullptr)) {
        if (headless) std::fprintf(stderr, "%s\n", qPrintable(error));
        if (!files.isEmpty() && !headless)
            window.openScenario(QStringLiteral(":/scenarios/default.clustersim.json"));
        else
            return 2;
    }
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
    } else {
        if (p.isSet(QStringLiteral("present"))) window.presentation()->enter();
        window.offerRecovery();
    }
    return app.exec();
}
