#include "OutputFile.h"

#include "SaveFile.h"

#include <QFile>

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
        m_direct = std::make_unique<QFile>();
        if (m_direct->open(stdout, QIODevice::WriteOnly)) return true;
        m_error = m_path + ": cannot write (" + m_direct->errorString().toStdString() + ")";
        return false;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(fs::u8path(m_path), ec);
    const bool special = !ec && fs::exists(st) && !fs::is_regular_file(st) && !fs::is_directory(st);
    if (!special) { // SaveFile refuses a directory itself, naming it
        m_atomic = std::make_unique<SaveFile>(m_path);
        m_error = m_atomic->open();
        return m_error.empty();
    }
    m_direct = std::make_unique<QFile>(QString::fromStdString(m_path));
    if (m_direct->open(QIODevice::WriteOnly)) return true;
    m_error = m_path + ": cannot write (" + m_direct->errorString().toStdString() + ")";
    return false;
}

void OutputFile::write(const std::string& text) {
    m_buffer += text;
    if (m_buffer.size() > (1 << 16)) flush();
}

void OutputFile::flush() {
    if (m_atomic)
        m_atomic->write(m_buffer);
    else if (m_direct)
        m_direct->write(m_buffer.data(), static_cast<qint64>(m_buffer.size()));
    m_buffer.clear();
}

std::string OutputFile::commit() {
    flush();
    if (m_atomic) return m_atomic->commit();
    if (m_direct && m_direct->flush()) return {};
    return m_path + ": could not write (" +
           (m_direct ? m_direct->errorString().toStdString() : std::string("not opened")) + ")";
}

std::string OutputFile::error() const {
    return m_error.empty() ? m_path + ": cannot write (not opened)" : m_error;
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
