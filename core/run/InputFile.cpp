#include "InputFile.h"

#include <filesystem>
#include <fstream>
#include <system_error>

namespace cs::core {

bool readInputFile(const std::string& path, std::uint64_t maxBytes, std::string& out,
                   std::string& error) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status st = fs::status(fs::u8path(path), ec); // follows symbolic links
    if (ec || !fs::exists(st)) {
        error = path + ": cannot open (no such file)";
        return false;
    }
    if (!fs::is_regular_file(st)) {
        error = path + ": not a regular file (" +
                (fs::is_directory(st) ? std::string("a directory")
                                      : std::string("a device, pipe or socket")) +
                "); expected a file";
        return false;
    }
    std::ifstream in(fs::u8path(path), std::ios::binary);
    if (!in) {
        error = path + ": cannot open (permission denied?)";
        return false;
    }
    out.clear();
    constexpr std::size_t kChunk = std::size_t{1} << 20;
    while (in) {
        const std::size_t at = out.size();
        out.resize(at + kChunk);
        in.read(out.data() + at, static_cast<std::streamsize>(kChunk));
        out.resize(at + static_cast<std::size_t>(in.gcount()));
        if (out.size() > maxBytes) {
            error = path + ": larger than " + std::to_string(maxBytes >> 20) + " MiB";
            out.clear();
            return false;
        }
    }
    if (in.bad()) {
        error = path + ": read error";
        return false;
    }
    return true;
}

} // namespace cs::core
