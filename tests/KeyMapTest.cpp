// KeyMap finds what was put in it, and nothing else, as a std::unordered_map would.
#include "KeyMap.h"
#include "Random.h"

#include <gtest/gtest.h>

#include <unordered_map>

using namespace cs::core;

TEST(KeyMap, BehavesLikeUnorderedMap) {
    KeyMap<std::uint64_t> map;
    std::unordered_map<std::uint32_t, std::uint64_t> ref;
    Rng rng(3);
    EXPECT_EQ(map.find(7), nullptr);
    for (int i = 0; i < 300'000; ++i) {
        // Small keys, huge keys and the all-ones key alike.
        const auto key = static_cast<std::uint32_t>(
            rng.bernoulli(0.01) ? 0xFFFFFFFFu - rng.below(3)
                                : rng.below(i % 3 == 0 ? 50'000 : 1u << 31));
        if (rng.bernoulli(0.5)) {
            map[key] += static_cast<std::uint64_t>(i);
            ref[key] += static_cast<std::uint64_t>(i);
        } else {
            const auto it = ref.find(key);
            const std::uint64_t* got = map.find(key);
            ASSERT_EQ(got != nullptr, it != ref.end()) << key;
            if (got) {
                ASSERT_EQ(*got, it->second);
            }
        }
    }
    EXPECT_EQ(map.size(), ref.size());
}
