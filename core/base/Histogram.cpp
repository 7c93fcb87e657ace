#include "Histogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace cs::core {
namespace {
constexpr std::size_t kBuckets = (64 - Histogram::kSubBits) * Histogram::kSub + 2 * Histogram::kSub;
}

Histogram::Histogram() : buckets_(kBuckets, 0) {}

std::size_t Histogram::bucketOf(std::uint64_t v) {
    if (v < 2 * kSub) return static_cast<std::size_t>(v);
    const int e = 63 - std::countl_zero(v); // e >= kSubBits + 1
    const int shift = e - kSubBits;
    const std::uint64_t sub = (v >> shift) - kSub; // 0..kSub-1
    return static_cast<std::size_t>((shift + 1) * kSub + sub);
}

std::uint64_t Histogram::bucketLow(std::size_t b) {
    if (b < 2 * kSub) return b;
    const std::size_t shift = b / kSub - 1;
    const std::uint64_t sub = b % kSub;
    return (kSub + sub) << shift;
}

std::uint64_t Histogram::bucketHigh(std::size_t b) {
    if (b < 2 * kSub) return b + 1;
    const std::size_t shift = b / kSub - 1;
    return bucketLow(b) + (std::uint64_t{1} << shift);
}

void Histogram::record(std::int64_t value) {
    const std::uint64_t v = value > 0 ? static_cast<std::uint64_t>(value) : 0;
    const std::size_t b = bucketOf(v);
    ++buckets_[b];
    if (count_ == 0) {
        min_ = max_ = static_cast<std::int64_t>(v);
    } else {
        min_ = std::min<std::int64_t>(min_, static_cast<std::int64_t>(v));
        max_ = std::max<std::int64_t>(max_, static_cast<std::int64_t>(v));
    }
    ++count_;
    sum_ += static_cast<double>(v);
    lowest_ = std::min(lowest_, b);
    highest_ = std::max(highest_, b);
}

void Histogram::merge(const Histogram& other) {
    if (other.count_ == 0) return;
    for (std::size_t b = other.lowest_; b <= other.highest_; ++b) buckets_[b] += other.buckets_[b];
    min_ = count_ ? std::min(min_, other.min_) : other.min_;
    max_ = count_ ? std::max(max_, other.max_) : other.max_;
    count_ += other.count_;
    sum_ += other.sum_;
    lowest_ = std::min(lowest_, other.lowest_);
    highest_ = std::max(highest_, other.highest_);
}

void Histogram::clear() {
    if (count_ != 0) std::fill(buckets_.begin() + lowest_, buckets_.begin() + highest_ + 1, 0);
    count_ = 0;
    sum_ = 0.0;
    min_ = max_ = 0;
    lowest_ = SIZE_MAX;
    highest_ = 0;
}

double Histogram::percentile(double q) const {
    if (count_ == 0) return 0.0;
    q = std::clamp(q, 0.0, 1.0);
    const auto rank = std::max<std::uint64_t>(
        1, static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(count_))));
    std::uint64_t seen = 0;
    for (std::size_t b = lowest_; b <= highest_; ++b) {
        seen += buckets_[b];
        if (seen >= rank) {
            if (b < 2 * kSub) return static_cast<double>(b); // exact bucket
            const double mid =
                0.5 * (static_cast<double>(bucketLow(b)) + static_cast<double>(bucketHigh(b) - 1));
            return std::clamp(mid, static_cast<double>(min_), static_cast<double>(max_));
        }
    }
    return static_cast<double>(max_);
}

} // namespace cs::core
