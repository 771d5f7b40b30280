#pragma once
// The bridge from Dataset to LibTorch: the trainers' view of the images and labels.
// (A torch-facing header: ui views must not include it, only the run bridge.)

#include <torch/types.h>

#include "dcs/data/dataset.h"

namespace dcs::data {

// Images [first, first + count) as an owning float32 tensor of shape count x C x H x W
// (count < 0: to the end). Throws ConfigError for a range outside the data set.
torch::Tensor imagesTensor(const Dataset& dataset, int64_t first = 0, int64_t count = -1);

// All labels as an int64 tensor of length N; throws ConfigError when the data set has none.
torch::Tensor labelsTensor(const Dataset& dataset);

}  // namespace dcs::data
