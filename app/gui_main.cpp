// clustersim: the desktop application. Parses arguments and opens the main window.
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

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
                 QStringLiteral("Save a PNG of the window after --run-for seconds and quit."),
                 QStringLiteral("OUT.png")});
    p.addOption({QStringLiteral("run-for"),
                 QStringLiteral("Simulated seconds to run before the screenshot."),
                 QStringLiteral("S"), QStringLiteral("10")});
    p.process(app);

    cs::ui::MainWindow window;
    const QStringList files = p.positionalArguments();
    const bool headless = p.isSet(QStringLiteral("screenshot"));
    QString error;
    if (!window.openScenario(files.isEmpty() ? QStringLiteral(":/scenarios/default.clustersim.json")
                                             : files.front(),
                             headless ? &error : nullptr)) {
        if (headless) std::fprintf(stderr, "%s\n", qPrintable(error));
        return files.isEmpty() ? 1 : 2;
    }
    window.show();
    if (p.isSet(QStringLiteral("screenshot"))) {
        const QString out = p.value(QStringLiteral("screenshot"));
        const double runFor = p.value(QStringLiteral("run-for")).toDouble();
        window.screenshotAfter(runFor, out);
    } else {
        window.play();
    }
    return app.exec();
}
