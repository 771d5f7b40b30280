#include "dcs/cluster/pca.h"

#include <torch/torch.h>

#include "dcs/error.h"

namespace dcs::cluster {

Pca Pca::fit(const torch::Tensor& points, int64_t dims) {
    if (!points.defined() || points.dim() != 2 || points.size(0) < 2)
        throw ConfigError("pca: expected an N x d tensor with N >= 2");
    if (dims < 1 || dims > points.size(1))
        throw ConfigError("pca: expected 1.." + std::to_string(points.size(1)) + " dimensions, found " +
                          std::to_string(dims));
    torch::NoGradGuard noGrad;
    Pca pca;
    const auto data = points.to(torch::kFloat64);
    pca.mean = data.mean(0);
    const auto centred = data - pca.mean;
    // The d x d covariance is small (784 x 784 for MNIST) however many points there are.
    const auto covariance = centred.t().mm(centred) / static_cast<double>(points.size(0) - 1);
    const auto [values, vectors] = torch::linalg_eigh(covariance, "L");  // ascending eigenvalues
    pca.explainedVariance = values.flip(0).slice(0, 0, dims).to(torch::kFloat32);
    pca.components = vectors.flip(1).slice(1, 0, dims).t().contiguous().to(torch::kFloat32);
    pca.mean = pca.mean.to(torch::kFloat32);
    return pca;
}

torch::Tensor Pca::project(const torch::Tensor& points) const {
    torch::NoGradGuard noGrad;
    return (points - mean).mm(components.t());
}

}  // namespace dcs::cluster
