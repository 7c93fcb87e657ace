// A map from 64-bit keys (pairs of 32-bit ids) to small values, for lookups on every message.
#pragma once

#include <cstdint>
#include <vector>

namespace cs::core {

// Open addressing with linear probing over a power-of-two table, at most half full; no erase, only
// clear. One probe usually lands on the key, with no division and no node to chase, unlike
// std::unordered_map.
template <class V> class PairMap {
public:
    const V* find(std::uint64_t key) const {
        if (count_ == 0) return nullptr;
        for (std::size_t s = home(key);; s = (s + 1) & mask_) {
            const Slot& slot = slots_[s];
            if (!slot.used) return nullptr;
            if (slot.key == key) return &slot.value;
        }
    }
    // Sets the value of `key`, adding it if it is absent.
    void set(std::uint64_t key, const V& value) {
        if (2 * (count_ + 1) > slots_.size()) grow();
        std::size_t s = home(key);
        for (; slots_[s].used; s = (s + 1) & mask_)
            if (slots_[s].key == key) {
                slots_[s].value = value;
                return;
            }
        slots_[s] = Slot{key, value, true};
        ++count_;
    }
    void clear() {
        if (count_ == 0) return;
        for (Slot& s : slots_) s.used = false;
        count_ = 0;
    }
    std::size_t size() const { return count_; }

private:
    struct Slot {
        std::uint64_t key = 0;
        V value{};
        bool used = false;
    };
    // Fibonacci hashing of both halves: the top bits of the product.
    std::size_t home(std::uint64_t key) const {
        return static_cast<std::size_t>(((key ^ (key >> 29)) * 0x9E3779B97F4A7C15ull) >> shift_);
    }
    void grow() {
        const std::size_t n = slots_.empty() ? 64 : slots_.size() * 2;
        std::vector<Slot> old(n);
        old.swap(slots_);
        mask_ = n - 1;
        shift_ = 64;
        for (std::size_t m = n; m > 1; m >>= 1) --shift_;
        for (const Slot& o : old) {
            if (!o.used) continue;
            std::size_t s = home(o.key);
            while (slots_[s].used) s = (s + 1) & mask_;
            slots_[s] = o;
        }
    }
    std::vector<Slot> slots_;
    std::size_t count_ = 0;
    std::size_t mask_ = 0;
    int shift_ = 64;
};

} // namespace cs::core
