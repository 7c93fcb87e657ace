// A map from 32-bit keys to records, for per-key state read on every request.
#pragma once

#include <cstdint>
#include <vector>

namespace cs::core {

// Open addressing with linear probing over a power-of-two table of (key, index) pairs; records
// live densely in insertion order and are never erased. One probe usually lands on the key, with
// no division and no node to chase, unlike std::unordered_map.
template <class T> class KeyMap {
public:
    T* find(std::uint32_t key) {
        if (records_.empty()) return nullptr;
        for (std::size_t s = home(key);; s = (s + 1) & mask_) {
            if (slots_[s].index == kEmpty) return nullptr;
            if (slots_[s].key == key) return &records_[slots_[s].index];
        }
    }
    // The record of `key`, made (value-initialised) if it has none.
    T& operator[](std::uint32_t key) {
        if (2 * (records_.size() + 1) > slots_.size()) grow();
        std::size_t s = home(key);
        for (; slots_[s].index != kEmpty; s = (s + 1) & mask_)
            if (slots_[s].key == key) return records_[slots_[s].index];
        slots_[s] = Slot{key, static_cast<std::uint32_t>(records_.size())};
        return records_.emplace_back();
    }
    std::size_t size() const { return records_.size(); }

private:
    static constexpr std::uint32_t kEmpty = 0xFFFFFFFF;
    struct Slot {
        std::uint32_t key = 0, index = kEmpty;
    };
    // Fibonacci hashing: the top bits of the product spread consecutive keys.
    std::size_t home(std::uint32_t key) const {
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
    }
    void grow() {
        const std::size_t n = slots_.empty() ? 16 : slots_.size() * 2;
        std::vector<Slot> old(n);
        old.swap(slots_);
        mask_ = n - 1;
        shift_ = 64;
        for (std::size_t m = n; m > 1; m >>= 1) --shift_;
        for (const Slot& o : old) {
            if (o.index == kEmpty) continue;
            std::size_t s = home(o.key);
            while (slots_[s].index != kEmpty) s = (s + 1) & mask_;
            slots_[s] = o;
        }
    }
    std::vector<Slot> slots_;
    std::vector<T> records_;
    std::size_t mask_ = 0;
    int shift_ = 64;
};

} // namespace cs::core
