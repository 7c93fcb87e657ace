#include "Autosave.h"

#include "ScenarioIO.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

namespace cs::ui {
namespace {
const QString kPrefix = QStringLiteral("autosave-");
const QString kSuffix = QStringLiteral(".clustersim.json");
QString lockOf(const QString& file) {
    return file + QStringLiteral(".lock");
}
} // namespace

Autosave::Autosave(const QString& dir) : m_dir(dir) {
    m_path =
        QDir(dir).filePath(kPrefix + QUuid::createUuid().toString(QUuid::WithoutBraces) + kSuffix);
    QDir().mkpath(dir);
    m_lock = std::make_unique<QLockFile>(lockOf(m_path));
    m_lock->setStaleLockTime(0); // stale only when its process is gone, never by age
    m_lock->tryLock(0);
}

Autosave::~Autosave() = default;

bool Autosave::save(const core::Scenario& s) {
    QDir().mkpath(m_dir);
    return core::saveScenarioFile(s, m_path.toStdString()).empty();
}

void Autosave::discard() {
    QFile::remove(m_path);
}

QStringList Autosave::orphans() const {
    QDir dir(m_dir);
    QStringList found;
    const QFileInfoList files = dir.entryInfoList(
        {kPrefix + QStringLiteral("*") + kSuffix, QStringLiteral("autosave") + kSuffix},
        QDir::Files, QDir::Time);
    for (const QFileInfo& f : files) {
        const QString file = f.absoluteFilePath();
        if (file == QFileInfo(m_path).absoluteFilePath()) continue;
        QLockFile lock(lockOf(file));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0)) continue; // its instance is running
        lock.unlock();
        found << file;
    }
    return found;
}

QString Autosave::setAside(const QString& file) {
    const QString aside = file + QStringLiteral(".unreadable-") +
                          QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QFile::rename(file, aside);
    return aside;
}

} // namespace cs::ui
