// Log-bucketed histogram of non-negative integers (microseconds): percentiles within 1% without
// sorting.
#pragma once

#include <cstdint>
#include <vector>

namespace cs::core {

// Values below 128 have a bucket each; above, every power of two is cut into 64 equal
// sub-buckets, so a bucket is at most 1/64 of its lower bound wide and the midpoint we report
// is within 1/128 (< 0.8%) of any value in it. Recording is a few bit operations.
class Histogram {
public:
    static constexpr int kSubBits = 6;
    static constexpr int kSub = 1 << kSubBits;

    Histogram();
    void record(std::int64_t value);
    void merge(const Histogram& other);
    void clear();

    std::uint64_t count() const { return count_; }
    double mean() const { return count_ ? sum_ / static_cast<double>(count_) : 0.0; }
    std::int64_t min() const { return count_ ? min_ : 0; }
    std::int64_t max() const { return count_ ? max_ : 0; }
    // q in [0, 1]; 0 when empty. Nearest-rank definition: the value at rank ceil(q * count).
    double percentile(double q) const;

    static std::size_t bucketOf(std::uint64_t v);
    static std::uint64_t bucketLow(std::size_t b);
    static std::uint64_t bucketHigh(std::size_t b); // exclusive

private:
    std::vector<std::uint64_t> buckets_;
    std::uint64_t count_ = 0;
    double sum_ = 0.0;
    std::int64_t min_ = 0;
    std::int64_t max_ = 0;
    std::size_t lowest_ = SIZE_MAX; // first and last non-empty bucket, to keep clear() cheap
    std::size_t highest_ = 0;
};

} // namespace cs::core
