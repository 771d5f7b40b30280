#pragma once
// Whether two classifiers scored on the same test images differ by more than chance.

#include <cstdint>
#include <vector>

namespace dcs::metrics {

// McNemar's exact test. Of the test images exactly one of the two classifiers gets right,
// `onlyFirst` went to the first and `onlySecond` to the second; if both were equally accurate, each
// such image would be a fair coin toss. Returns the two-sided p-value, min(1, 2 P(X <= min)) with X
// binomial(onlyFirst + onlySecond, 1/2): near 1 when the split is even, small when one classifier
// wins most of the images they disagree on. Negative counts are a ConfigError.
double mcnemarExactP(int64_t onlyFirst, int64_t onlySecond);

// Two classifiers on the same test images, given per image whether each got it right (0 or 1, one
// entry per image, in the same order): how many only the first / only the second got right, and
// the p-value. Lists of different lengths are a ConfigError.
struct PairedOutcome {
    int64_t onlyFirstRight = 0, onlySecondRight = 0;
    double p = 1.0;
};
PairedOutcome pairOnSameImages(const std::vector<uint8_t>& firstCorrect, const std::vector<uint8_t>& secondCorrect);

}  // namespace dcs::metrics
