#include "dcs/cluster/gmm.h"

#include <torch/torch.h>

#include <cmath>

#include "dcs/cluster/kmeans.h"
#include "dcs/error.h"

namespace dcs::cluster {
namespace {
constexpr double kLog2Pi = 1.8378770664093453;
}

Covariance covarianceFromString(const std::string& text) {
    if (text == "diag") return Covariance::Diagonal;
    if (text == "full") return Covariance::Full;
    if (text == "spherical") return Covariance::Spherical;
    if (text == "tied") return Covariance::Tied;
    throw ConfigError("covariance: '" + text + "'; expected diag, spherical, tied or full");
}

std::string toString(Covariance covariance) {
    switch (covariance) {
        case Covariance::Diagonal: return "diag";
        case Covariance::Full: return "full";
        case Covariance::Spherical: return "spherical";
        case Covariance::Tied: return "tied";
    }
    return "diag";
}

torch::Tensor GaussianMixture::constrainVariances(const torch::Tensor& variances, const torch::Tensor& weights,
                                                  Covariance covariance) {
    switch (covariance) {
        case Covariance::Spherical: return variances.mean(1, true).expand_as(variances).contiguous();
        case Covariance::Tied: return (weights.unsqueeze(1) * variances).sum(0, true).expand_as(variances).contiguous();
        default: return variances;
    }
}

torch::Tensor GaussianMixture::mahalanobis(const torch::Tensor& points) const {
    if (covariance != Covariance::Full) {
        const auto diff = points.unsqueeze(1) - means.unsqueeze(0);  // N x K x d
        return (diff.pow(2) / covariances.unsqueeze(0)).sum(2);
    }
    std::vector<torch::Tensor> columns;
    for (int64_t k = 0; k < components(); ++k) {
        const auto lower = torch::linalg_cholesky(covariances[k]);
        const auto diff = (points - means[k]).t();  // d x N
        const auto solved = torch::linalg_solve_triangular(lower, diff, /*upper=*/false, /*left=*/true, /*unitriangular=*/false);
        columns.push_back(solved.pow(2).sum(0));
    }
    return torch::stack(columns, 1);
}

torch::Tensor GaussianMixture::weightedLogDensities(const torch::Tensor& points) const {
    const int64_t d = points.size(1);
    torch::Tensor logDeterminants;
    if (covariance != Covariance::Full) {
        logDeterminants = covariances.log().sum(1);
    } else {
        std::vector<torch::Tensor> values;
        for (int64_t k = 0; k < components(); ++k)
            values.push_back(2.0 * torch::linalg_cholesky(covariances[k]).diagonal().log().sum());
        logDeterminants = torch::stack(values);
    }
    return weights.log().unsqueeze(0) - 0.5 * (static_cast<double>(d) * kLog2Pi + logDeterminants.unsqueeze(0) +
                                               mahalanobis(points));
}

torch::Tensor GaussianMixture::logResponsibilities(const torch::Tensor& points) const {
    const auto logDensities = weightedLogDensities(points);
    return logDensities - logDensities.logsumexp(1, true);
}

torch::Tensor GaussianMixture::meanVariance() const {
    const auto perComponent =
        covariance == Covariance::Full ? covariances.diagonal(0, 1, 2).mean(1) : covariances.mean(1);
    return (weights * perComponent).sum() / weights.sum();
}

double GaussianMixture::meanLogLikelihood(const torch::Tensor& points) const {
    torch::NoGradGuard noGrad;
    return weightedLogDensities(points).logsumexp(1).mean().item<double>();
}

GaussianMixture GaussianMixture::fromResponsibilities(const torch::Tensor& points, const torch::Tensor& responsibilities,
                                                      Covariance covariance, double varianceFloor) {
    torch::NoGradGuard noGrad;
    GaussianMixture mixture;
    mixture.covariance = covariance;
    const auto totals = responsibilities.sum(0) + 1e-10;  // N_k; the epsilon keeps empty components finite
    mixture.weights = totals / totals.sum();
    mixture.means = responsibilities.t().mm(points) / totals.unsqueeze(1);
    if (covariance != Covariance::Full) {
        const auto secondMoments = responsibilities.t().mm(points.pow(2)) / totals.unsqueeze(1);
        mixture.covariances = constrainVariances(secondMoments - mixture.means.pow(2), mixture.weights, covariance)
                                  .clamp_min(varianceFloor);
    } else {
        const int64_t d = points.size(1);
        std::vector<torch::Tensor> matrices;
        for (int64_t k = 0; k < responsibilities.size(1); ++k) {
            const auto diff = points - mixture.means[k];
            auto matrix = (diff * responsibilities.select(1, k).unsqueeze(1)).t().mm(diff) / totals[k];
            matrices.push_back(matrix + varianceFloor * torch::eye(d, points.options()));
        }
        mixture.covariances = torch::stack(matrices);
    }
    return mixture;
}

GmmResult fitGmm(const torch::Tensor& input, const GmmOptions& options) {
    if (!input.defined() || input.dim() != 2 || input.scalar_type() != torch::kFloat32)
        throw ConfigError("points: expected an N x d float32 tensor");
    if (options.components < 1 || options.components > input.size(0))
        throw ConfigError("clusters: expected 1.." + std::to_string(input.size(0)) + " components, found " +
                          std::to_string(options.components));
    if (!(options.varianceFloor > 0)) throw ConfigError("variance floor: expected a positive value");
    if (options.maxIterations < 1) throw ConfigError("iterations: expected at least 1");
    torch::NoGradGuard noGrad;
    // EM runs in double precision: log-likelihood increments near convergence are below float's resolution.
    const auto points = input.to(torch::kFloat64).contiguous();

    KMeansOptions start;
    start.clusters = options.components;
    start.seed = options.seed;
    start.restarts = options.startRestarts;
    start.overclustering = options.startOverclustering;
    start.balance = options.startBalance;
    const auto kmeansResult = kmeans(input.contiguous(), start);
    const auto hard = torch::one_hot(kmeansResult.assignments, options.components).to(torch::kFloat64);

    GmmResult result;
    result.mixture = GaussianMixture::fromResponsibilities(points, hard, options.covariance, options.varianceFloor);
    double previous = -std::numeric_limits<double>::infinity();
    for (int iteration = 0; iteration < options.maxIterations; ++iteration) {
        const auto responsibilities = result.mixture.logResponsibilities(points).exp();
        result.mixture = GaussianMixture::fromResponsibilities(points, responsibilities, options.covariance,
                                                               options.varianceFloor);
        const double current = result.mixture.meanLogLikelihood(points);
        result.logLikelihoods.push_back(current);
        if (current - previous < options.tolerance) break;
        previous = current;
    }
    result.assignments = result.mixture.logResponsibilities(points).argmax(1);
    result.mixture.weights = result.mixture.weights.to(torch::kFloat32);
    result.mixture.means = result.mixture.means.to(torch::kFloat32);
    result.mixture.covariances = result.mixture.covariances.to(torch::kFloat32);
    return result;
}

torch::Tensor gaussianReadout(const torch::Tensor& input, const torch::Tensor& assignments, int64_t clusters) {
    if (!input.defined() || input.dim() != 2 || input.scalar_type() != torch::kFloat32)
        throw ConfigError("points: expected an N x d float32 tensor");
    if (!assignments.defined() || assignments.dim() != 1 || assignments.size(0) != input.size(0))
        throw ConfigError("assignments: expected one cluster id per point (" + std::to_string(input.size(0)) + ")");
    if (clusters < 1) throw ConfigError("clusters: expected at least 1, found " + std::to_string(clusters));
    torch::NoGradGuard noGrad;
    const auto ids = assignments.to(torch::kCPU, torch::kInt64);
    if (ids.numel() > 0 && (ids.min().item<int64_t>() < 0 || ids.max().item<int64_t>() >= clusters))
        throw ConfigError("assignments: expected cluster ids in 0.." + std::to_string(clusters - 1));
    const auto points = input.to(torch::kCPU, torch::kFloat64);
    const int64_t d = points.size(1);
    const auto described = torch::bincount(ids, {}, clusters) > d;
    if (!described.any().item<bool>()) return ids;
    auto mixture = GaussianMixture::fromResponsibilities(points, torch::one_hot(ids, clusters).to(torch::kFloat64),
                                                         Covariance::Full, 0.0);
    // A floor in the codes' own units keeps a flat cluster's covariance invertible; an undescribed
    // cluster gets the identity, and its column is never chosen.
    const auto floor = 1e-6 * points.var(0).mean().clamp_min(1e-12);
    const auto eye = torch::eye(d, points.options());
    mixture.covariances = torch::where(described.view({clusters, 1, 1}), mixture.covariances + floor * eye, eye);
    mixture.weights = torch::full({clusters}, 1.0 / static_cast<double>(clusters), points.options());
    const auto logDensities = mixture.weightedLogDensities(points).masked_fill(~described.unsqueeze(0), -INFINITY);
    return torch::where(described.index_select(0, ids), logDensities.argmax(1), ids);
}

}  // namespace dcs::cluster
