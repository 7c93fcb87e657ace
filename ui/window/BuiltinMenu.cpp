#include "BuiltinMenu.h"

#include "ScenarioIO.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QRegularExpression>

#include <algorithm>

namespace cs::ui {

void addBuiltinScenarios(QMenu* menu, const QString& dir,
                         const std::function<void(const QString&)>& open,
                         const std::function<bool(const core::Scenario&)>& include) {
    QMenu* lessons = nullptr;
    QMenu* questions = nullptr;
    QList<QPair<QString, QString>> plain; // title, path
    for (const QString& name : QDir(dir).entryList({QStringLiteral("*.clustersim.json")})) {
        const QString path = dir + name;
        core::LoadResult loaded;
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            loaded = core::loadScenarioText(f.readAll().toStdString(), name.toStdString());
        if (include && (!loaded.ok || !include(loaded.scenario))) continue;
        QString title = loaded.ok ? QString::fromStdString(loaded.scenario.name) : name;
        title.remove(QRegularExpression(QStringLiteral("^Preset: ")));
        QMenu* into = nullptr;
        if (name.startsWith(QLatin1String("lesson-"))) {
            if (!lessons)
                lessons =
                    menu->addMenu(QCoreApplication::translate("MainWindow", "Concept &Lessons"));
            into = lessons;
        } else if (QRegularExpression(QStringLiteral("^q[1-8]-")).match(name).hasMatch()) {
            if (!questions)
                questions = menu->addMenu(
                    QCoreApplication::translate("MainWindow", "&Interview Questions"));
            into = questions;
        }
        if (!into) {
            plain.append({title, path});
            continue;
        }
        QObject::connect(into->addAction(title), &QAction::triggered, menu,
                         [open, path] { open(path); });
    }
    std::sort(plain.begin(), plain.end(), [](const auto& a, const auto& b) {
        return QString::localeAwareCompare(a.first, b.first) < 0;
    });
    if (!plain.isEmpty() && (lessons || questions)) menu->addSeparator();
    for (const auto& [title, path] : plain)
        QObject::connect(menu->addAction(title), &QAction::triggered, menu,
                         [open, path = path] { open(path); });
}

} // namespace cs::ui
