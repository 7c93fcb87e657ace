// Where a run writes its outputs (metrics CSV, nodes CSV, history, summary JSON). A regular file,
// or one that does not exist yet, is replaced atomically when the run ends (SaveFile): a failed
// run never leaves a half-written file. "-" is standard output; a device or a FIFO is written
// directly (renaming over it would replace /dev/null with a regular file).
#pragma once

#include <memory>
#include <string>
#include <vector>

class QFile;

namespace cs::core {

class SaveFile;

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
    std::unique_ptr<SaveFile> m_atomic; // a regular file, or one not there yet
    std::unique_ptr<QFile> m_direct;    // "-" and special files
    std::string m_error;
    std::string m_buffer;
};

// Two outputs on one path (or both on "-") would overwrite each other: the path named twice, or
// empty if none is.
std::string sameOutputTwice(const std::vector<std::string>& paths);

} // namespace cs::core
