// The future event list, and the pools and rings the engine keeps its records in.
#pragma once

#include "Event.h"
#include "EventHeap.h"
#include "Inline.h"
#include "TimingWheel.h"

#include <cstdint>
#include <vector>

namespace cs::core {

// The future event list. Small lists (a handful of servers) are fastest in a 4-ary heap, large
// ones (thousands of messages in flight) in a timing wheel, whose push and pop do not depend on
// the list's length; both leave events in exactly (time, insertion sequence) order, so the queue
// moves its events from one to the other as the list grows and shrinks, with a gap between the
// two sizes so that it does not switch back and forth.
class EventQueue {
public:
    // Never into the past, never past the clock's end: an event earlier than the last one taken
    // is taken at that time instead (the clock never runs backwards), and one past kEndOfTime
    // (an overflowed delay) is refused; both are counted, and neither happens in a valid run.
    static constexpr SimTime kEndOfTime = SimTime{1} << 62;
    void push(SimTime t, EventType type, std::uint32_t a = 0, std::uint32_t b = 0) {
        if (t < floor_) [[unlikely]] {
            t = floor_;
            ++intoPast_;
        } else if (t > kEndOfTime) [[unlikely]] {
            ++pastEnd_;
            return;
        }
        const Event e{t, (seq_++ << 8) | static_cast<std::uint8_t>(type), a, b};
        if (onWheel_) {
            wheel_.push(e);
        } else {
            heap_.push(e);
            if (heap_.size() > kToWheel) toWheel();
        }
    }
    bool empty() const { return size() == 0; }
    std::size_t size() const { return onWheel_ ? wheel_.size() : heap_.size(); }
    const Event& top() { return onWheel_ ? wheel_.top() : heap_.top(); }
    Event pop() {
        const Event e = onWheel_ ? wheel_.pop() : heap_.pop();
        floor_ = e.time;
        if (onWheel_ && wheel_.size() < kToHeap) toHeap();
        return e;
    }
    // Takes the earliest event into `e` if it is at `limit` or before (one look at the list).
    bool popUntil(SimTime limit, Event& e) {
        if (onWheel_) {
            if (!wheel_.popUntil(limit, e)) return false;
            if (wheel_.size() < kToHeap) toHeap();
        } else {
            if (heap_.empty() || heap_.top().time > limit) return false;
            e = heap_.pop();
        }
        floor_ = e.time;
        return true;
    }
    std::uint64_t refusedIntoPast() const { return intoPast_; }
    std::uint64_t refusedPastEnd() const { return pastEnd_; }

private:
    static constexpr std::size_t kToWheel = 64, kToHeap = 16;
    void toWheel() {
        while (!heap_.empty()) wheel_.push(heap_.pop());
        onWheel_ = true;
    }
    void toHeap() {
        while (!wheel_.empty()) heap_.push(wheel_.pop());
        onWheel_ = false;
    }
    EventHeap heap_;
    TimingWheel wheel_;
    bool onWheel_ = false;
    std::uint64_t seq_ = 0;
    SimTime floor_ = INT64_MIN; // the time of the last event taken
    std::uint64_t intoPast_ = 0, pastEnd_ = 0;
};

// A pool of records addressed by index, with a generation per slot so stale references are
// detected: odd while the slot is live, bumped at each allocation and release (one array, read with
// the record on every message and call). Slots are reused; the pool only grows to the peak number
// alive at once. Records live in chunks of fixed size that never move, so a reference to one stays
// valid while others are allocated (a message is handled in place while its handler sends more). A
// copy of the pool is a copy of its records (indices, not addresses, link them).
template <class T> class Pool {
public:
    std::uint32_t alloc() { return alloc(T{}); }
    // Stores `value` in a free slot: one write of the record, not a reset and then a copy.
    std::uint32_t alloc(const T& value) {
        const std::uint32_t i = allocSlot();
        (*this)[i] = value;
        return i;
    }
    // A free slot whose record still holds what its last user left: the caller sets every field.
    std::uint32_t allocSlot() {
        if (count_ == gens_.size()) [[unlikely]]
            grow();
        const std::uint32_t i = free_[gens_.size() - 1 - count_];
        ++gens_[i];
        ++count_;
        return i;
    }
    // The free slots are a stack in free_[0, capacity - count): a release is one store, with no
    // check for room (free_ is as long as gens_).
    void release(std::uint32_t i) {
        ++gens_[i];
        --count_;
        free_[gens_.size() - 1 - count_] = i;
    }
    T& operator[](std::uint32_t i) { return chunks_[i >> kChunkBits][i & (kChunk - 1)]; }
    const T& operator[](std::uint32_t i) const {
        return chunks_[i >> kChunkBits][i & (kChunk - 1)];
    }
    std::uint32_t gen(std::uint32_t i) const { return gens_[i]; }
    bool valid(std::uint32_t i, std::uint32_t gen) const {
        return i < gens_.size() && gens_[i] == gen && (gen & 1) != 0;
    }
    bool live(std::uint32_t i) const { return (gens_[i] & 1) != 0; }
    std::size_t capacity() const { return gens_.size(); }
    std::size_t count() const { return count_; }

private:
    static constexpr std::uint32_t kChunkBits = 8, kChunk = 1u << kChunkBits;
    // One more slot, free (called when none is).
    CS_NOINLINE void grow() {
        const auto i = static_cast<std::uint32_t>(gens_.size());
        if ((i & (kChunk - 1)) == 0) chunks_.emplace_back(kChunk);
        gens_.push_back(0);
        free_.push_back(0); // free_ stays as long as gens_; the stack (empty before) is free_[0]
        free_[0] = i;
    }
    std::vector<std::vector<T>> chunks_; // each of kChunk records, never resized
    std::vector<std::uint32_t> gens_;
    std::vector<std::uint32_t> free_; // as long as gens_; the first capacity - count_ are free
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
