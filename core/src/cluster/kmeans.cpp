#include "dcs/cluster/kmeans.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

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
    if (!(options.balance >= 0.0) || !std::isfinite(options.balance))
        throw ConfigError("balance: expected a finite weight >= 0, found " + std::to_string(options.balance));
    if (options.overclustering < 1)
        throw ConfigError("overclustering: expected a factor of at least 1, found " +
                          std::to_string(options.overclustering));
}

// Sum and count of the points of each cluster.
std::pair<torch::Tensor, torch::Tensor> clusterSums(const torch::Tensor& points, const torch::Tensor& assignments,
                                                    int64_t clusters) {
    auto sums = torch::zeros({clusters, points.size(1)}, points.options());
    sums.index_add_(0, assignments, points);
    auto counts = torch::bincount(assignments, {}, clusters).to(torch::kFloat32);
    return {sums, counts};
}

// Lloyd iterations from the given centres (as many clusters as centres).
KMeansResult lloyd(const torch::Tensor& points, torch::Tensor centres, const KMeansOptions& options,
                   double shiftLimit) {
    KMeansResult result;
    const int64_t clusters = centres.size(0);
    torch::Tensor assignments, distances;
    for (int iteration = 1; iteration <= options.maxIterations; ++iteration) {
        std::tie(assignments, distances) = nearestCentres(points, centres, options.batchSize);
        auto [sums, counts] = clusterSums(points, assignments, clusters);
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

// The entropy of the cluster sizes over log K: 1 when all K clusters are equal, 0 when one holds all.
double sizeEntropy(const torch::Tensor& assignments, int64_t clusters) {
    if (clusters < 2) return 1.0;
    const auto shares = torch::bincount(assignments, {}, clusters).to(torch::kFloat64) / assignments.numel();
    const double entropy = -(shares * shares.clamp_min(1e-300).log()).sum().item<double>();
    return entropy / std::log(static_cast<double>(clusters));
}

}  // namespace

torch::Tensor wardMerge(const torch::Tensor& centres, const torch::Tensor& counts, int64_t clusters) {
    if (!centres.defined() || centres.dim() != 2 || !counts.defined() || counts.dim() != 1 ||
        counts.size(0) != centres.size(0))
        throw ConfigError("centres: expected M x d centres and M counts");
    if (clusters < 1 || clusters > centres.size(0))
        throw ConfigError("clusters: expected 1 to " + std::to_string(centres.size(0)) + ", found " +
                          std::to_string(clusters));
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> groups;
    std::vector<double> sizes;
    for (int64_t m = 0; m < centres.size(0); ++m) {
        groups.push_back(centres[m].to(torch::kFloat64));
        sizes.push_back(counts[m].item<double>());
    }
    while (static_cast<int64_t>(groups.size()) > clusters) {
        double cheapest = std::numeric_limits<double>::infinity();
        size_t a = 0, b = 1;
        for (size_t i = 0; i < groups.size(); ++i)
            for (size_t j = i + 1; j < groups.size(); ++j) {
                const double cost =
                    sizes[i] * sizes[j] / (sizes[i] + sizes[j]) * (groups[i] - groups[j]).pow(2).sum().item<double>();
                if (cost < cheapest) cheapest = cost, a = i, b = j;
            }
        groups[a] = (groups[a] * sizes[a] + groups[b] * sizes[b]) / (sizes[a] + sizes[b]);
        sizes[a] += sizes[b];
        groups.erase(groups.begin() + static_cast<long>(b));
        sizes.erase(sizes.begin() + static_cast<long>(b));
    }
    return torch::stack(groups).to(centres.scalar_type());
}

std::pair<torch::Tensor, torch::Tensor> nearestCentres(const torch::Tensor& points, const torch::Tensor& centres,
                                                       int64_t batchSize, const torch::Tensor& allowed) {
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
        if (allowed.defined()) squared.masked_fill_(~allowed.slice(0, start, end), INFINITY);
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
    // The restarts compete at F x K clusters; the best of them is then merged down to K once.
    // Letting them compete after the merge instead brings back the lowest-inertia optimum that
    // the merge is there to avoid (mnist warm-up codes, seed 3: the 1s split, ACC 0.642 against 0.765).
    const int64_t first = std::min(points.size(0), options.clusters * options.overclustering);
    KMeansResult best;
    double bestCost = std::numeric_limits<double>::infinity();
    for (int restart = 0; restart < options.restarts; ++restart) {
        auto result = lloyd(points, kmeansPlusPlus(points, first, generator, options.batchSize), options, shiftLimit);
        const double cost =
            options.balance > 0.0
                ? result.inertia * std::exp(options.balance * (1.0 - sizeEntropy(result.assignments, first)))
                : result.inertia;
        if (cost < bestCost) {
            bestCost = cost;
            best = std::move(result);
        }
    }
    if (first == options.clusters) return best;
    const auto counts = torch::bincount(best.assignments, {}, first).to(torch::kFloat32);
    const auto occupied = (counts > 0).nonzero().flatten();  // Lloyd re-seeds empty clusters; a guard only
    const auto merged =
        wardMerge(best.centres.index_select(0, occupied), counts.index_select(0, occupied), options.clusters);
    auto result = lloyd(points, merged, options, shiftLimit);
    result.iterations += best.iterations;
    return result;
}

std::optional<ClusterSplit> splitLargestIntoSmallest(const torch::Tensor& points, const torch::Tensor& assignments,
                                                     int64_t clusters, double below, uint64_t seed) {
    if (below <= 0.0 || clusters < 2) return std::nullopt;
    const auto sizes = torch::bincount(assignments, {}, clusters);
    ClusterSplit split;
    split.smallest = sizes.argmin().item<int64_t>();
    split.largest = sizes.argmax().item<int64_t>();
    split.smallestSize = sizes[split.smallest].item<int64_t>();
    split.largestSize = sizes[split.largest].item<int64_t>();
    const double fair = static_cast<double>(points.size(0)) / static_cast<double>(clusters);
    if (!(split.smallestSize < below * fair && split.largestSize > 1.5 * fair && split.largestSize >= 2))
        return std::nullopt;
    KMeansOptions options;
    options.clusters = 2;
    options.seed = seed;
    const auto halves = kmeans(points.index_select(0, (assignments == split.largest).nonzero().flatten()), options);
    split.smallestCentre = halves.centres[0];
    split.largestCentre = halves.centres[1];
    return split;
}

}  // namespace dcs::cluster
