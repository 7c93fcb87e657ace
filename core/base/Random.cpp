#include "Random.h"

#include <algorithm>

namespace cs::core {
namespace {
// log1p(x)/x and expm1(x)/x, continuous at 0.
double log1pOverX(double x) {
    return std::abs(x) > 1e-8 ? std::log1p(x) / x : 1.0 - x / 2.0;
}
double expm1OverX(double x) {
    return std::abs(x) > 1e-8 ? std::expm1(x) / x : 1.0 + x / 2.0;
}
} // namespace

ZipfSampler::ZipfSampler(std::uint64_t n, double s) : n_(std::max<std::uint64_t>(n, 1)), s_(s) {
    hIntegralX1_ = hIntegral(1.5) - 1.0;
    hIntegralN_ = hIntegral(static_cast<double>(n_) + 0.5);
    threshold_ = 2.0 - hIntegralInverse(hIntegral(2.5) - h(2.0));
}

// Integral of x^-s: (x^(1-s) - 1) / (1 - s), or log(x) when s == 1.
double ZipfSampler::hIntegral(double x) const {
    const double logX = std::log(x);
    return expm1OverX((1.0 - s_) * logX) * logX;
}

double ZipfSampler::hIntegralInverse(double x) const {
    double t = x * (1.0 - s_);
    if (t < -1.0) t = -1.0; // guards rounding at the lower edge
    return std::exp(log1pOverX(t) * x);
}

std::uint64_t ZipfSampler::sample(Rng& rng) const {
    if (s_ == 0.0 || n_ == 1) return rng.below(n_);
    for (;;) {
        const double u = hIntegralN_ + rng.uniform() * (hIntegralX1_ - hIntegralN_);
        const double x = hIntegralInverse(u);
        double k = std::floor(x + 0.5);
        if (k < 1.0) k = 1.0;
        if (k > static_cast<double>(n_)) k = static_cast<double>(n_);
        if (k - x <= threshold_ || u >= hIntegral(k + 0.5) - h(k))
            return static_cast<std::uint64_t>(k) - 1;
    }
}

} // namespace cs::core
