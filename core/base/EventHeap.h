// A 4-ary min-heap of events: the future event list while it is short.
#pragma once

#include "Event.h"

#include <vector>

namespace cs::core {

// On a vector: fewer cache misses than a binary heap, no allocation once warm.
class EventHeap {
public:
    void push(const Event& e) {
        heap_.push_back(e);
        siftUp(heap_.size() - 1);
    }
    bool empty() const { return heap_.empty(); }
    std::size_t size() const { return heap_.size(); }
    const Event& top() const { return heap_.front(); }
    Event pop() {
        Event top = heap_.front();
        heap_.front() = heap_.back();
        heap_.pop_back();
        if (!heap_.empty()) siftDown(0);
        return top;
    }

private:
    void siftUp(std::size_t i) {
        Event e = heap_[i];
        while (i > 0) {
            const std::size_t parent = (i - 1) / 4;
            if (!eventBefore(e, heap_[parent])) break;
            heap_[i] = heap_[parent];
            i = parent;
        }
        heap_[i] = e;
    }
    void siftDown(std::size_t i) {
        const std::size_t n = heap_.size();
        Event e = heap_[i];
        for (;;) {
            const std::size_t first = 4 * i + 1;
            if (first >= n) break;
            std::size_t best = first;
            const std::size_t last = first + 4 < n ? first + 4 : n;
            for (std::size_t c = first + 1; c < last; ++c)
                if (eventBefore(heap_[c], heap_[best])) best = c;
            if (!eventBefore(heap_[best], e)) break;
            heap_[i] = heap_[best];
            i = best;
        }
        heap_[i] = e;
    }
    std::vector<Event> heap_;
};

} // namespace cs::core
