#include "SaveFile.h"

#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstring>

namespace cs::core {

SaveFile::SaveFile(std::string path) : m_path(std::move(path)) {}

SaveFile::~SaveFile() = default; // QSaveFile's destructor drops an uncommitted temporary file

std::string SaveFile::open() {
    // QSaveFile's own message for a directory is the temporary file's, which would puzzle a user.
    const QFileInfo info(QString::fromStdString(m_path));
    if (info.isDir()) return m_path + ": cannot write (a directory)";
    // Replacing a device, FIFO or socket by a regular file (QSaveFile's rename, where the folder
    // lets one create files, as /dev does for root) would break the system: refuse it.
    if (info.exists() && !info.isFile())
        return m_path + ": cannot write (not a regular file: a device, FIFO or socket)";
    m_file = std::make_unique<QSaveFile>(QString::fromStdString(m_path));
    if (!m_file->open(QIODevice::WriteOnly)) {
        const std::string why = m_file->errorString().toStdString();
        m_file.reset();
        return m_path + ": cannot write (" + why + ")";
    }
    return {};
}

void SaveFile::write(std::string_view bytes) {
    if (!m_file || !m_writeError.empty() || bytes.empty()) return;
    const auto size = static_cast<qint64>(bytes.size());
    if (m_file->write(bytes.data(), size) != size)
        m_writeError = m_path + ": write failed (" + m_file->errorString().toStdString() + ")";
}

std::string SaveFile::commit() {
    if (!m_file) return m_path + ": cannot write (not opened)";
    if (!m_writeError.empty()) {
        m_file->cancelWriting(); // the old file stays; the temporary one goes
        m_file.reset();
        return m_writeError;
    }
    // QFile buffers small writes; a flush that fails part-way (a full disk) is not reported by
    // QSaveFile::commit() in Qt 6.4, which would then publish a truncated file. Flush first.
    if (!m_file->flush()) {
        const int err = errno;
        m_file->cancelWriting();
        m_file.reset();
        return m_path + ": write failed (" + std::strerror(err) + ")";
    }
    const bool ok = m_file->commit();
    const std::string why = m_file->errorString().toStdString();
    m_file.reset();
    return ok ? std::string() : m_path + ": could not replace the file (" + why + ")";
}

std::string saveFileAtomically(const std::string& path, std::string_view bytes) {
    SaveFile file(path);
    if (std::string err = file.open(); !err.empty()) return err;
    file.write(bytes);
    return file.commit();
}

} // namespace cs::core
