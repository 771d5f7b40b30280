#pragma once
// Principal component analysis of an N x d tensor: used to reduce raw pixels before clustering
// and to draw latent codes in 2-D.

#include <torch/types.h>

#include <cstdint>

namespace dcs::cluster {

struct Pca {
    torch::Tensor mean;        // d
    torch::Tensor components;  // dims x d, rows ordered by explained variance, largest first
    torch::Tensor explainedVariance;  // dims

    // Fits the top `dims` components; throws ConfigError unless 1 <= dims <= d.
    static Pca fit(const torch::Tensor& points, int64_t dims);
    // N x dims coordinates of the points in the components' basis.
    torch::Tensor project(const torch::Tensor& points) const;
};

}  // namespace dcs::cluster
