// Reading a user's input file (a scenario, a history, a rate series) safely: only regular files
// (a device would never end, a FIFO without a writer would block forever), read in chunks up to a
// cap whatever size the file reports.
#pragma once

#include <cstdint>
#include <string>

namespace cs::core {

// On success fills `out` and returns true; otherwise `error` is "PATH: what is wrong".
bool readInputFile(const std::string& path, std::uint64_t maxBytes, std::string& out,
                   std::string& error);

} // namespace cs::core
