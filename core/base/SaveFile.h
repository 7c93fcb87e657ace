// The one way the program writes a file: atomically (QSaveFile), so that a save that fails, at any
// point, leaves the old file as it was and never a half-written one (STYLE practice 7).
#pragma once

#include <memory>
#include <string>
#include <string_view>

class QSaveFile;

namespace cs::core {

// A file written in pieces and put in place in one step by commit(). Until then the old file, if
// any, is untouched; a SaveFile destroyed without a successful commit() discards what it wrote.
// Every message names the file.
class SaveFile {
public:
    explicit SaveFile(std::string path);
    ~SaveFile();
    SaveFile(const SaveFile&) = delete;
    SaveFile& operator=(const SaveFile&) = delete;

    std::string open(); // empty, or why the file cannot be written
    // Buffered by the OS; a failure is remembered and reported by commit(), so a writer need not
    // check every piece.
    void write(std::string_view bytes);
    std::string commit(); // empty on success; otherwise the old file is intact
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
    std::unique_ptr<QSaveFile> m_file;
    std::string m_writeError;
};

// Writes `bytes` to `path` in one step: empty on success, else a message naming the file.
std::string saveFileAtomically(const std::string& path, std::string_view bytes);

} // namespace cs::core
