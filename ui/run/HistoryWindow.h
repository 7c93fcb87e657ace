// The live run's most recent history lines, kept in chunks that rewind checkpoints share.
#pragma once

#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace cs::ui {

// The last `capacity` lines, oldest first. Full chunks are never changed again, so a copy (a
// checkpoint's) costs a few pointers and the open chunk, not the lines: seal() before copying.
class HistoryWindow {
public:
    explicit HistoryWindow(std::size_t capacity) : capacity_(capacity) {}
    void push(std::string line);
    void clear();
    // Closes the open chunk, so that a copy made now shares every line.
    void seal();
    std::size_t size() const { return size_; }
    // The lines from the first invocation on (a window must not open with completions of
    // operations it does not show).
    std::vector<std::string> fromFirstInvoke() const;

private:
    static constexpr std::size_t kChunkLines = 4096;
    std::deque<std::shared_ptr<const std::vector<std::string>>> sealed_;
    std::vector<std::string> open_;
    std::size_t skip_ = 0; // lines at the front of sealed_.front() that left the window
    std::size_t size_ = 0;
    std::size_t capacity_;
};

} // namespace cs::ui
