// The future event list: small value-type events ordered by (time, insertion sequence).
#pragma once

#include <cstdint>
#include <vector>

namespace cs::core {

using SimTime = std::int64_t; // microseconds of simulated time

enum class EventType : std::uint8_t {
    ClientArrival, // a: client index, b: arrival generation
    Deliver,       // a: message id
    ServiceDone,   // a: station node, b: slot << 16 | (slot generation & 0xFFFF)
    NodeTimer,     // a: node, b: timer generation
    CallTimeout,   // a: call id, b: call generation (deadlines out of FIFO order)
    Retry,         // a: request id, b: request generation
    MetricsTick,
    HealthCheck,     // a: load balancer index
    ReplTimeout,     // a: replica op, b: op generation
    ElectionTimer,   // a: replica node, b: election generation
    HeartbeatTick,   // a: replica node, b: heartbeat generation
    AntiEntropy,     // a: store index
    Autoscale,       // a: group index
    GcPause,         // a: instance node, b: node incarnation
    ResizeStart,     // a: instance or store node (vertical resize: it goes down now)
    ResizeDone,      // a: node, b: node incarnation (it comes back with its new size)
    LimiterRelease,  // a: limiter index, b: key (leaky bucket: the head of its queue leaves)
    BatchTimer,      // a: instance node, b: its batch generation (max_wait_ms reached)
    QueuePoll,       // a: queue index (no consumer could take a message: look again)
    MigrationTick,   // a: store index, b: migration generation (send the next batch of keys)
    MigrationArrive, // a: store | generation << 16, b: batch (its keys now live on the new shard)
};

struct Event {
    SimTime time;
    std::uint64_t order; // insertion sequence << 8 | type: unique, so ties resolve by sequence
    std::uint32_t a, b;
    EventType type() const { return static_cast<EventType>(order & 0xFF); }
};

// A 4-ary min-heap on a vector: fewer cache misses than a binary heap, no allocation once warm.
class EventQueue {
public:
    void push(SimTime t, EventType type, std::uint32_t a = 0, std::uint32_t b = 0) {
        heap_.push_back(Event{t, (seq_++ << 8) | static_cast<std::uint8_t>(type), a, b});
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
    static bool less(const Event& x, const Event& y) {
        return x.time < y.time || (x.time == y.time && x.order < y.order);
    }
    void siftUp(std::size_t i) {
        Event e = heap_[i];
        while (i > 0) {
            const std::size_t parent = (i - 1) / 4;
            if (!less(e, heap_[parent])) break;
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
                if (less(heap_[c], heap_[best])) best = c;
            if (!less(heap_[best], e)) break;
            heap_[i] = heap_[best];
            i = best;
        }
        heap_[i] = e;
    }
    std::vector<Event> heap_;
    std::uint64_t seq_ = 0;
};

// A pool of records addressed by index, with a generation per slot so stale references are
// detected. Slots are reused; the vector only grows to the peak number alive at once.
template <class T> class Pool {
public:
    std::uint32_t alloc() {
        std::uint32_t i;
        if (!free_.empty()) {
            i = free_.back();
            free_.pop_back();
        } else {
            i = static_cast<std::uint32_t>(items_.size());
            items_.emplace_back();
            gens_.push_back(0);
            live_.push_back(false);
        }
        items_[i] = T{};
        live_[i] = true;
        ++count_;
        return i;
    }
    void release(std::uint32_t i) {
        live_[i] = false;
        ++gens_[i];
        free_.push_back(i);
        --count_;
    }
    T& operator[](std::uint32_t i) { return items_[i]; }
    const T& operator[](std::uint32_t i) const { return items_[i]; }
    std::uint32_t gen(std::uint32_t i) const { return gens_[i]; }
    bool valid(std::uint32_t i, std::uint32_t gen) const {
        return i < items_.size() && live_[i] && gens_[i] == gen;
    }
    bool live(std::uint32_t i) const { return live_[i]; }
    std::size_t capacity() const { return items_.size(); }
    std::size_t count() const { return count_; }

private:
    std::vector<T> items_;
    std::vector<std::uint32_t> gens_;
    std::vector<bool> live_;
    std::vector<std::uint32_t> free_;
    std::size_t count_ = 0;
};

// A FIFO ring buffer that grows by doubling and never shrinks.
template <class T> class Ring {
public:
    bool empty() const { return size_ == 0; }
    std::size_t size() const { return size_; }
    T& front() { return buf_[head_]; }
    T& back() { return buf_[(head_ + size_ - 1) & (buf_.size() - 1)]; }
    void push(const T& v) {
        if (size_ == buf_.size()) grow();
        buf_[(head_ + size_) & (buf_.size() - 1)] = v;
        ++size_;
    }
    void pop() {
        head_ = (head_ + 1) & (buf_.size() - 1);
        --size_;
    }
    void clear() { head_ = size_ = 0; }
    template <class F> void forEach(F&& f) {
        for (std::size_t i = 0; i < size_; ++i) f(buf_[(head_ + i) & (buf_.size() - 1)]);
    }

private:
    void grow() {
        std::vector<T> next(buf_.empty() ? 16 : buf_.size() * 2);
        for (std::size_t i = 0; i < size_; ++i) next[i] = buf_[(head_ + i) & (buf_.size() - 1)];
        buf_.swap(next);
        head_ = 0;
    }
    std::vector<T> buf_;
    std::size_t head_ = 0, size_ = 0;
};

} // namespace cs::core
