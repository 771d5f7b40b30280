#pragma once
// Smaller views of a data set: the first N images, a class-balanced sample, a train/validation split.
// Every random choice is seeded so the same call gives the same images.

#include <cstdint>

#include "dcs/data/dataset.h"

namespace dcs::data {

// The first n images (all of them when n >= size). Throws ConfigError for n < 1.
Dataset firstN(const Dataset& dataset, int64_t n);

// n images drawn so each class keeps its share of the data set (largest-remainder rounding),
// kept in their original order. Unlabelled data sets get a plain seeded sample.
Dataset stratifiedSubset(const Dataset& dataset, int64_t n, uint64_t seed);

struct Split {
    Dataset train;
    Dataset validation;
};

// Splits off validationFraction (in (0,1)) of the images, stratified by class when labelled.
Split trainValidationSplit(const Dataset& dataset, double validationFraction, uint64_t seed);

// The images of first followed by those of second; both must have the same image shape and
// either both or neither have labels. The longer list of class names is kept. Pass first as a
// temporary (std::move) to reuse its buffer, and its spare capacity if a loader reserved some.
Dataset concatenate(Dataset first, const Dataset& second);

}  // namespace dcs::data
