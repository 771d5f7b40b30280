#pragma once
// Seeded random affine jitter of a batch of images (small rotation, scale and shift), done on the
// tensors with affine_grid / grid_sample so a batch costs about as much as one forward pass of a
// small conv layer. Used to make learned features invariant to small deformations.
// (A torch-facing header: ui views must not include it.)

#include <ATen/core/Generator.h>
#include <torch/types.h>

#include <string>
#include <vector>

namespace dcs::data {

struct AffineJitter {
    double maxRotationDegrees = 10.0;
    double maxScaleChange = 0.1;    // scale drawn from [1 - this, 1 + this]
    double maxShiftFraction = 0.1;  // shift drawn from +-this of the image size, per axis
};

// N x C x H x W -> the same shape; every image gets its own draw from the generator (CPU).
torch::Tensor randomAffine(const torch::Tensor& images, at::Generator& generator, const AffineJitter& jitter = {});

// The transforms of the invariance study (M2): rot90, rot180, rot270 (counter-clockwise), flip
// (left-right) and flip+rot90. Rotations by 90 and 270 degrees need square images.
const std::vector<std::string>& orientationNames();
// N x C x H x W -> the transformed images; throws ConfigError for an unknown name or a non-square
// image under a quarter turn.
torch::Tensor orientImages(const torch::Tensor& images, const std::string& transform);

}  // namespace dcs::data
