#include "dcs/data/augmentation.h"

#include <torch/torch.h>

#include <cmath>

#include "dcs/error.h"

namespace dcs::data {

torch::Tensor randomAffine(const torch::Tensor& images, at::Generator& generator, const AffineJitter& jitter) {
    const int64_t n = images.size(0);
    const auto uniform = [&](double limit) { return (torch::rand({n}, generator) * 2.0 - 1.0) * limit; };
    const auto angle = uniform(jitter.maxRotationDegrees * M_PI / 180.0);
    const auto scale = 1.0 + uniform(jitter.maxScaleChange);
    // affine_grid works in [-1, 1] coordinates: the image spans 2 units, so a shift of f of the
    // image is 2f.
    const auto shiftX = uniform(2.0 * jitter.maxShiftFraction);
    const auto shiftY = uniform(2.0 * jitter.maxShiftFraction);
    const auto cosine = torch::cos(angle) / scale, sine = torch::sin(angle) / scale;
    const auto theta = torch::stack({torch::stack({cosine, -sine, shiftX}, 1), torch::stack({sine, cosine, shiftY}, 1)}, 1)
                           .to(images.options());
    const auto grid = torch::nn::functional::affine_grid(theta, images.sizes(), /*align_corners=*/false);
    return torch::nn::functional::grid_sample(
        images, grid,
        torch::nn::functional::GridSampleFuncOptions().mode(torch::kBilinear).padding_mode(torch::kZeros).align_corners(false));
}

const std::vector<std::string>& orientationNames() {
    static const std::vector<std::string> names{"rot90", "rot180", "rot270", "flip", "flip+rot90"};
    return names;
}

torch::Tensor orientImages(const torch::Tensor& images, const std::string& transform) {
    const auto quarterTurns = [&](int64_t k) {
        if (k % 2 == 1 && images.size(2) != images.size(3))
            throw ConfigError("transform: " + transform + " needs square images; found " + std::to_string(images.size(2)) +
                              " x " + std::to_string(images.size(3)));
        return k;
    };
    if (transform == "rot90") return torch::rot90(images, quarterTurns(1), {2, 3});
    if (transform == "rot180") return torch::rot90(images, quarterTurns(2), {2, 3});
    if (transform == "rot270") return torch::rot90(images, quarterTurns(3), {2, 3});
    if (transform == "flip") return torch::flip(images, {3});
    if (transform == "flip+rot90") return torch::rot90(torch::flip(images, {3}), quarterTurns(1), {2, 3});
    throw ConfigError("transform: '" + transform + "'; expected rot90, rot180, rot270, flip or flip+rot90");
}

}  // namespace dcs::data
