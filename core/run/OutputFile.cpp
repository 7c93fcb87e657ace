#include "OutputFile.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cstdio>
#include <filesystem>
#include <system_error>
#include <vector>

namespace cs::core {

OutputFile::OutputFile(std::string path) : m_path(std::move(path)) {}

OutputFile::~OutputFile() = default;

bool OutputFile::open() {
    namespace fs = std::filesystem;
    if (m_path == "-") {
        auto out = std::make_unique<QFile>();
        const bool ok = out->open(stdout, QIODevice::WriteOnly);
        m_file = std::move(out);
        return ok;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(fs::u8path(m_path), ec);
    const bool special = !ec && fs::exists(st) && !fs::is_regular_file(st);
    if (special && fs::is_directory(st)) return false; // error() names it
    m_atomic = !special;
    if (m_atomic)
        m_file = std::make_unique<QSaveFile>(QString::fromStdString(m_path));
    else
        m_file = std::make_unique<QFile>(QString::fromStdString(m_path));
    return m_file->open(QIODevice::WriteOnly);
}

void OutputFile::write(const std::string& text) {
    m_buffer += text;
    if (m_buffer.size() > (1 << 16)) flush();
}

void OutputFile::flush() {
    m_file->write(m_buffer.data(), static_cast<qint64>(m_buffer.size()));
    m_buffer.clear();
}

std::string OutputFile::commit() {
    flush();
    const bool ok = m_atomic ? static_cast<QSaveFile*>(m_file.get())->commit() : m_file->flush();
    if (!ok) return m_path + ": could not write (" + m_file->errorString().toStdString() + ")";
    return {};
}

std::string OutputFile::error() const {
    if (QFileInfo(QString::fromStdString(m_path)).isDir())
        return m_path + ": cannot write (a directory)";
    return m_path + ": cannot write (" +
           (m_file ? m_file->errorString().toStdString() : std::string("not opened")) + ")";
}

std::string sameOutputTwice(const std::vector<std::string>& paths) {
    namespace fs = std::filesystem;
    std::vector<std::string> seen;
    for (const std::string& p : paths) {
        if (p.empty()) continue;
        std::error_code ec;
        const std::string key =
            p == "-" ? p : fs::weakly_canonical(fs::absolute(fs::u8path(p), ec), ec).string();
        for (const std::string& s : seen)
            if (s == key) return p;
        seen.push_back(key);
    }
    return {};
}

} // namespace cs::core
