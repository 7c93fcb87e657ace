// Where a run writes its outputs (metrics CSV, nodes CSV, history, summary JSON). A regular file,
// or one that does not exist yet, is replaced atomically when the run ends (QSaveFile): a failed
// run never leaves a half-written file. "-" is standard output; a device or a FIFO is written
// directly (renaming over it would replace /dev/null with a regular file).
#pragma once

#include <QFileDevice>

#include <memory>
#include <string>

namespace cs::core {

class OutputFile {
public:
    explicit OutputFile(std::string path);
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    bool open(); // false: error() says why
    void write(const std::string& text);
    std::string commit(); // empty on success
    std::string error() const;
    const std::string& path() const { return m_path; }

private:
    void flush();
    std::string m_path;
    std::unique_ptr<QFileDevice> m_file; // QSaveFile, or QFile for "-" and special files
    bool m_atomic = false;
    std::string m_buffer;
};

// Two outputs on one path (or both on "-") would overwrite each other: the path named twice, or
// empty if none is.
std::string sameOutputTwice(const std::vector<std::string>& paths);

} // namespace cs::core
