#include "dcs/metrics/paired_test.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "dcs/error.h"

namespace dcs::metrics {

double mcnemarExactP(int64_t onlyFirst, int64_t onlySecond) {
    if (onlyFirst < 0 || onlySecond < 0)
        throw ConfigError("McNemar test: counts " + std::to_string(onlyFirst) + " and " + std::to_string(onlySecond) +
                          "; expected numbers of images, 0 or more");
    const int64_t n = onlyFirst + onlySecond;
    const int64_t fewer = std::min(onlyFirst, onlySecond);
    // Sum the binomial tail in log space: C(n, i) / 2^n underflows doubles for n above about 1,000.
    const double logHalfToN = static_cast<double>(n) * std::log(0.5);
    double tail = 0.0;
    for (int64_t i = 0; i <= fewer; ++i) {
        const double logChoose = std::lgamma(static_cast<double>(n + 1)) - std::lgamma(static_cast<double>(i + 1)) -
                                 std::lgamma(static_cast<double>(n - i + 1));
        tail += std::exp(logChoose + logHalfToN);
    }
    return std::min(1.0, 2.0 * tail);
}

PairedOutcome pairOnSameImages(const std::vector<uint8_t>& firstCorrect, const std::vector<uint8_t>& secondCorrect) {
    if (firstCorrect.size() != secondCorrect.size())
        throw ConfigError("paired test: " + std::to_string(firstCorrect.size()) + " and " +
                          std::to_string(secondCorrect.size()) +
                          " test images; expected both classifiers scored on the same images");
    PairedOutcome paired;
    for (size_t i = 0; i < firstCorrect.size(); ++i) {
        paired.onlyFirstRight += firstCorrect[i] && !secondCorrect[i];
        paired.onlySecondRight += secondCorrect[i] && !firstCorrect[i];
    }
    paired.p = mcnemarExactP(paired.onlyFirstRight, paired.onlySecondRight);
    return paired;
}

}  // namespace dcs::metrics
