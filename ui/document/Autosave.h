// Autosave files, one per running instance, each held by a lock file (QLockFile): an instance
// never offers or removes another live instance's autosave, and the files of instances that died
// (their lock is free or stale) are the ones offered for recovery.
#pragma once

#include "Scenario.h"

#include <QLockFile>
#include <QString>
#include <QStringList>

#include <memory>

namespace cs::ui {

class Autosave {
public:
    explicit Autosave(const QString& dir); // usually QStandardPaths::AppDataLocation
    ~Autosave();
    QString path() const { return m_path; }
    bool save(const core::Scenario& s); // atomic (SaveFile); false if it could not be written
    void discard();                     // the work is saved, or the app closes cleanly

    // Autosaves left by instances that are gone, newest first (the file name of older versions,
    // `autosave.clustersim.json`, included).
    QStringList orphans() const;
    // An orphan that cannot be read is renamed aside (kept, never deleted); returns the new name.
    static QString setAside(const QString& file);

private:
    QString m_dir, m_path;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace cs::ui
