// Random numbers the simulator can reproduce on every platform: xoshiro256** streams and our own
// samplers.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>

namespace cs::core {

// SplitMix64 (Steele, Lea, Flood 2014): used to seed and to derive stream seeds.
constexpr std::uint64_t splitMix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// FNV-1a over a name, so a stream is tied to the id of its node or link, not to its position:
// adding a node does not change the draws of the others.
constexpr std::uint64_t hashName(std::string_view name) {
    std::uint64_t h = 0xCBF29CE484222325ull;
    for (char c : name) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001B3ull;
    }
    return h;
}

// xoshiro256** 1.0 (Blackman & Vigna 2018).
class Rng {
public:
    Rng() : Rng(0) {}
    explicit Rng(std::uint64_t seed) {
        std::uint64_t sm = seed;
        for (auto& w : s_) w = splitMix64(sm);
    }
    // For tests against the published reference output.
    static Rng fromState(std::uint64_t a, std::uint64_t b, std::uint64_t c, std::uint64_t d) {
        Rng r;
        r.s_[0] = a;
        r.s_[1] = b;
        r.s_[2] = c;
        r.s_[3] = d;
        return r;
    }
    // One independent stream per (scenario seed, entity name, purpose).
    static Rng stream(std::uint64_t seed, std::string_view name, std::uint64_t purpose = 0) {
        std::uint64_t mix = seed ^ (hashName(name) * 0x9E3779B97F4A7C15ull) ^ (purpose << 56);
        return Rng(splitMix64(mix));
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    // Uniform in (0, 1]: safe to take the logarithm of.
    double uniformOpen0() { return static_cast<double>((next() >> 11) + 1) * 0x1.0p-53; }
    // Uniform integer in [0, n) for n < 2^53 (portable: no 128-bit multiply needed).
    std::uint64_t below(std::uint64_t n) {
        const auto k = static_cast<std::uint64_t>(uniform() * static_cast<double>(n));
        return k < n ? k : n - 1;
    }
    bool bernoulli(double p) { return uniform() < p; }
    // Draws are capped at kMaxDraw (in whatever unit the caller uses, ms or us: decades either
    // way), so no draw can overflow the microsecond clock, however wide the distribution.
    static constexpr double kMaxDraw = 1e15;
    double exponential(double mean) { return std::min(kMaxDraw, -mean * std::log(uniformOpen0())); }
    // Standard normal by the Box-Muller transform; each transform yields two values, the second
    // is kept for the next call.
    double normal() {
        if (hasSpare_) {
            hasSpare_ = false;
            return spare_;
        }
        const double u1 = uniformOpen0();
        const double u2 = uniform();
        const double r = std::sqrt(-2.0 * std::log(u1));
        const double theta = 6.283185307179586 * u2;
        spare_ = r * std::sin(theta);
        hasSpare_ = true;
        return r * std::cos(theta);
    }
    double lognormal(double median, double sigma) {
        return std::min(kMaxDraw, median * std::exp(sigma * normal()));
    }

private:
    static constexpr std::uint64_t rotl(std::uint64_t x, int k) {
        return (x << k) | (x >> (64 - k));
    }
    std::uint64_t s_[4];
    double spare_ = 0.0;
    bool hasSpare_ = false;
};

// Zipf over {1..n} with exponent s >= 0 by rejection-inversion (Hoermann & Derflinger 1996):
// O(1) per draw and no table, so a million keys cost nothing.
class ZipfSampler {
public:
    ZipfSampler() = default;
    ZipfSampler(std::uint64_t n, double s);
    // Returns a key in [0, n).
    std::uint64_t sample(Rng& rng) const;
    std::uint64_t n() const { return n_; }
    double s() const { return s_; }

private:
    double h(double x) const { return std::exp(-s_ * std::log(x)); }
    double hIntegral(double x) const;
    double hIntegralInverse(double x) const;
    std::uint64_t n_ = 1;
    double s_ = 0.0;
    double hIntegralX1_ = 0.0;
    double hIntegralN_ = 0.0;
    double threshold_ = 0.0;
};

} // namespace cs::core
