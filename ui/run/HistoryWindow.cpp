#include "HistoryWindow.h"

namespace cs::ui {

void HistoryWindow::push(std::string line) {
    open_.push_back(std::move(line));
    ++size_;
    if (open_.size() >= kChunkLines) seal();
    while (size_ > capacity_) {
        if (sealed_.empty()) seal();
        ++skip_;
        --size_;
        if (skip_ == sealed_.front()->size()) {
            sealed_.pop_front();
            skip_ = 0;
        }
    }
}

void HistoryWindow::clear() {
    sealed_.clear();
    open_.clear();
    skip_ = size_ = 0;
}

void HistoryWindow::seal() {
    if (open_.empty()) return;
    sealed_.push_back(std::make_shared<const std::vector<std::string>>(std::move(open_)));
    open_.clear();
}

std::vector<std::string> HistoryWindow::fromFirstInvoke() const {
    std::vector<std::string> out;
    out.reserve(size_);
    bool started = false;
    auto add = [&](const std::string& line) {
        if (!started) started = line.find(":type :invoke") != std::string::npos;
        if (started) out.push_back(line);
    };
    for (std::size_t c = 0; c < sealed_.size(); ++c)
        for (std::size_t i = c == 0 ? skip_ : 0; i < sealed_[c]->size(); ++i) add((*sealed_[c])[i]);
    for (const std::string& line : open_) add(line);
    return out;
}

} // namespace cs::ui
