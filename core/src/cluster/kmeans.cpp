#include "dcs/cluster/kmeans.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <limits>

#include "dcs/error.h"

namespace dcs::cluster {
namespace {

void validate(const torch::Tensor& points, const KMeansOptions& options) {
    if (!points.defined() || points.dim() != 2 || points.scalar_type() != torch::kFloat32)
        throw ConfigError("points: expected an N x d float32 tensor");
    if (options.clusters < 1) throw ConfigError("clusters: expected K >= 1, found " + std::to_string(options.clusters));
    if (options.clusters > points.size(0))
        throw ConfigError("clusters: K = " + std::to_string(options.clusters) + " is more than the " +
                          std::to_string(points.size(0)) + " points");
    if (options.restarts < 1) throw ConfigError("restarts: expected at least 1, found " + std::to_string(options.restarts));
    if (options.maxIterations < 1)
        throw ConfigError("iterations: expected at least 1, found " + std::to_string(options.maxIterations));
    if (options.batchSize < 1) throw ConfigError("batch size: expected at least 1");
}

// Sum and count of the points of each cluster.
std::pair<torch::Tensor, torch::Tensor> clusterSums(const torch::Tensor& points, const torch::Tensor& assignments,
                                                    int64_t clusters) {
    auto sums = torch::zeros({clusters, points.size(1)}, points.options());
    sums.index_add_(0, assignments, points);
    auto counts = torch::bincount(assignments, {}, clusters).to(torch::kFloat32);
    return {sums, counts};
}

KMeansResult runOnce(const torch::Tensor& points, const KMeansOptions& options, torch::Generator& generator,
                     double shiftLimit) {
    KMeansResult result;
    auto centres = kmeansPlusPlus(points, options.clusters, generator, options.batchSize);
    torch::Tensor assignments, distances;
    for (int iteration = 1; iteration <= options.maxIterations; ++iteration) {
        std::tie(assignments, distances) = nearestCentres(points, centres, options.batchSize);
        auto [sums, counts] = clusterSums(points, assignments, options.clusters);
        auto updated = sums / counts.clamp_min(1.0).unsqueeze(1);
        // An empty cluster takes the point farthest from its centre, a different point for each.
        const auto empty = (counts == 0).nonzero().flatten();
        if (empty.numel() > 0) {
            const auto farthest = std::get<1>(distances.topk(empty.numel()));
            updated.index_copy_(0, empty, points.index_select(0, farthest));
            distances.index_fill_(0, farthest, 0.0);
        }
        const double shift = (updated - centres).pow(2).sum().item<double>();
        centres = updated;
        result.iterations = iteration;
        if (shift <= shiftLimit) break;
    }
    std::tie(assignments, distances) = nearestCentres(points, centres, options.batchSize);
    result.centres = centres;
    result.assignments = assignments;
    result.inertia = distances.sum().item<double>();
    return result;
}

}  // namespace

std::pair<torch::Tensor, torch::Tensor> nearestCentres(const torch::Tensor& points, const torch::Tensor& centres,
                                                       int64_t batchSize) {
    torch::NoGradGuard noGrad;
    const int64_t n = points.size(0);
    auto assignments = torch::empty({n}, torch::kInt64);
    auto distances = torch::empty({n}, points.options());
    const auto centreNorms = centres.pow(2).sum(1);
    for (int64_t start = 0; start < n; start += batchSize) {
        const int64_t end = std::min(n, start + batchSize);
        const auto batch = points.slice(0, start, end);
        // ||x - c||^2 = ||x||^2 - 2 x.c + ||c||^2, as one matrix product per batch.
        auto squared = torch::addmm(centreNorms.unsqueeze(0), batch, centres.t(), 1.0, -2.0);
        squared.add_(batch.pow(2).sum(1, true)).clamp_min_(0.0);
        const auto [best, index] = squared.min(1);
        distances.slice(0, start, end).copy_(best);
        assignments.slice(0, start, end).copy_(index);
    }
    return {assignments, distances};
}

torch::Tensor kmeansPlusPlus(const torch::Tensor& points, int64_t clusters, torch::Generator& generator,
                             int64_t batchSize) {
    torch::NoGradGuard noGrad;
    const int64_t n = points.size(0);
    auto centres = torch::empty({clusters, points.size(1)}, points.options());
    const auto first = torch::randint(n, {1}, generator, torch::kInt64).item<int64_t>();
    centres[0].copy_(points[first]);
    auto closest = std::get<1>(nearestCentres(points, centres.slice(0, 0, 1), batchSize));
    for (int64_t k = 1; k < clusters; ++k) {
        const double total = closest.sum().item<double>();
        int64_t chosen;
        if (total > 0) {
            chosen = torch::multinomial(closest / total, 1, false, generator).item<int64_t>();
        } else {  // every point sits on a centre already: any point will do
            chosen = torch::randint(n, {1}, generator, torch::kInt64).item<int64_t>();
        }
        centres[k].copy_(points[chosen]);
        const auto toNew = std::get<1>(nearestCentres(points, centres.slice(0, k, k + 1), batchSize));
        closest = torch::minimum(closest, toNew);
    }
    return centres;
}

KMeansResult kmeans(const torch::Tensor& input, const KMeansOptions& options) {
    validate(input, options);
    torch::NoGradGuard noGrad;
    const auto points = input.contiguous();
    // Like scikit-learn, the tolerance is relative to the data's mean per-feature variance.
    const double shiftLimit = options.tolerance * points.var(0).mean().item<double>();
    auto generator = at::make_generator<at::CPUGeneratorImpl>(options.seed);
    KMeansResult best;
    best.inertia = std::numeric_limits<double>::infinity();
    for (int restart = 0; restart < options.restarts; ++restart) {
        auto result = runOnce(points, options, generator, shiftLimit);
        if (result.inertia < best.inertia) best = std::move(result);
    }
    return best;
}

}  // namespace dcs::cluster
