// A hierarchical timing wheel of events: the future event list while it is long.
#pragma once

#include "Event.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <vector>

namespace cs::core {

// Eleven levels of 64 slots over the 64 bits of the time (Varghese & Lauck 1987). An event sits at
// the level of the highest 6-bit digit in which its time differs from `cur_` (the time of the
// earliest event, or less), in the slot of its own digit there, so level 0 holds the events of
// cur_'s block of 64 microseconds, one time per slot. When level 0 runs out, the lowest occupied
// slot moves down a level or more, around its own earliest time; an event moves down at most ten
// times in all, and push and pop cost the same however many events wait.
//
// Ties: every slot's list stays in insertion order. A slot receives events from above once, all
// together and in their order, when cur_ enters its block, and only after that directly from push,
// with later sequence numbers. So the events of one time leave in insertion order, as from a heap.
class TimingWheel {
public:
    void push(const Event& e) {
        const std::uint64_t k = key(e.time);
        if (size_++ == 0) {
            restartAt(k);
        } else if (k < cur_) {
            pushEarlier(e);
            return;
        }
        place(e, k);
    }
    bool empty() const { return size_ == 0; }
    std::size_t size() const { return size_; }
    const Event& top() {
        settle();
        return slot(0, cur_ & kMask)[head_];
    }
    Event pop() {
        settle();
        --size_;
        return slot(0, cur_ & kMask)[head_++];
    }

    bool popUntil(SimTime limit, Event& e) {
        if (size_ == 0) return false;
        settle();
        const Event& first = slot(0, cur_ & kMask)[head_];
        if (first.time > limit) return false;
        e = first;
        ++head_;
        --size_;
        return true;
    }

private:
    static constexpr int kBits = 6, kSlots = 64, kLevels = 11;
    static constexpr std::uint64_t kMask = kSlots - 1;
    static constexpr std::uint64_t bit(int i) { return std::uint64_t{1} << i; }
    // The level of a time whose highest differing bit from cur_ is bit w - 1 (w = 0: no bit).
    static constexpr std::array<std::uint8_t, 65> kLevelOfWidth = [] {
        std::array<std::uint8_t, 65> t{};
        for (int w = 1; w <= 64; ++w)
            t[static_cast<std::size_t>(w)] = static_cast<std::uint8_t>((w - 1) / kBits);
        return t;
    }();
    // Offset binary: the unsigned order of the keys is the signed order of the times.
    static std::uint64_t key(SimTime t) { return static_cast<std::uint64_t>(t) ^ bit(63); }
    std::vector<Event>& slot(int level, std::uint64_t i) {
        return slots_[static_cast<std::size_t>(level) * kSlots + i];
    }
    void place(const Event& e, std::uint64_t k) {
        const int level = kLevelOfWidth[static_cast<std::size_t>(std::bit_width(k ^ cur_))];
        const std::uint64_t i = (k >> (level * kBits)) & kMask;
        slot(level, i).push_back(e);
        used_[static_cast<std::size_t>(level)] |= bit(static_cast<int>(i));
        levels_ |= 1u << level;
    }
    // Popped events may still lie in cur_'s slot: forget them.
    void restartAt(std::uint64_t k) {
        slot(0, cur_ & kMask).clear();
        head_ = 0;
        used_[0] = 0;
        levels_ = 0;
        cur_ = k;
    }
    // Makes the head of cur_'s slot the earliest event (the list is not empty).
    void settle() {
        std::vector<Event>& now = slot(0, cur_ & kMask);
        if (head_ < now.size()) return;
        now.clear();
        head_ = 0;
        used_[0] &= ~bit(static_cast<int>(cur_ & kMask));
        if (used_[0] == 0) levels_ &= ~1u;
        while ((levels_ & 1u) == 0 && levels_ != 0) moveDown();
        cur_ = (cur_ & ~kMask) | static_cast<std::uint64_t>(std::countr_zero(used_[0]));
    }
    // Empties the lowest occupied slot into the levels below, around its earliest time: every
    // other event differs from that time in the same digit as before, or a higher one.
    void moveDown() {
        const int level = std::countr_zero(levels_);
        std::uint64_t& used = used_[static_cast<std::size_t>(level)];
        const int i = std::countr_zero(used);
        used &= ~bit(i);
        if (used == 0) levels_ &= ~(1u << level);
        std::vector<Event>& from = slot(level, static_cast<std::uint64_t>(i));
        std::uint64_t least = key(from.front().time);
        for (const Event& e : from) least = std::min(least, key(e.time));
        cur_ = least;
        for (const Event& e : from) place(e, key(e.time));
        from.clear();
    }
    // An event before cur_ (the engine never schedules one; the queue stays exact if it does):
    // every event is placed again, in order, around the new earliest time.
    void pushEarlier(const Event& e) {
        std::vector<Event> all{e};
        for (std::size_t s = 0; s < slots_.size(); ++s) {
            const std::size_t from = s == (cur_ & kMask) ? head_ : 0;
            all.insert(all.end(), slots_[s].begin() + static_cast<std::ptrdiff_t>(from),
                       slots_[s].end());
            slots_[s].clear();
        }
        std::sort(all.begin(), all.end(), eventBefore);
        used_.fill(0);
        levels_ = 0;
        head_ = 0;
        cur_ = key(e.time);
        for (const Event& x : all) place(x, key(x.time));
    }
    std::array<std::vector<Event>, kLevels * kSlots> slots_; // keep their capacity once warm
    std::array<std::uint64_t, kLevels> used_{}; // bit i: the level's slot i is occupied
    std::uint32_t levels_ = 0;                  // bit l: level l has an event
    std::uint64_t cur_ = 0;
    std::size_t head_ = 0; // events of cur_'s slot already popped
    std::size_t size_ = 0;
};

} // namespace cs::core
