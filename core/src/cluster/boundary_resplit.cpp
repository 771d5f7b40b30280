#include "dcs/cluster/boundary_resplit.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <cmath>
#include <string>

#include "dcs/error.h"

namespace dcs::cluster {
namespace {

void validate(const torch::Tensor& points, const torch::Tensor& assignments, int64_t clusters, int64_t neighbours) {
    if (!points.defined() || points.dim() != 2 || points.scalar_type() != torch::kFloat32)
        throw ConfigError("points: expected an N x d float32 tensor");
    if (!assignments.defined() || assignments.dim() != 1 || assignments.size(0) != points.size(0))
        throw ConfigError("assignments: expected one cluster id per point (" + std::to_string(points.size(0)) + ")");
    if (clusters < 2) throw ConfigError("clusters: expected at least 2, found " + std::to_string(clusters));
    if (neighbours < 1) throw ConfigError("neighbours: expected at least 1, found " + std::to_string(neighbours));
    const auto ids = assignments.to(torch::kCPU, torch::kInt64);
    if (ids.numel() > 0 && (ids.min().item<int64_t>() < 0 || ids.max().item<int64_t>() >= clusters))
        throw ConfigError("assignments: expected cluster ids in 0.." + std::to_string(clusters - 1));
}

// At most `count` of the rows, a seeded sample (all of them, in order, when there are no more).
torch::Tensor sampleRows(int64_t rows, int64_t count, torch::Generator& generator) {
    if (rows <= count) return torch::arange(rows);
    return std::get<0>(torch::randperm(rows, generator).slice(0, 0, count).sort());
}

// The k nearest other points of every point, N x k, in row batches of the distance matrix.
torch::Tensor nearestNeighbours(const torch::Tensor& points, int64_t neighbours) {
    const int64_t n = points.size(0);
    const int64_t k = std::min(neighbours, n - 1);
    std::vector<torch::Tensor> rows;
    for (int64_t first = 0; first < n; first += 2048) {
        const int64_t count = std::min<int64_t>(2048, n - first);
        auto distances = torch::cdist(points.slice(0, first, first + count), points);
        distances.diagonal(first).fill_(INFINITY);  // a point is not its own neighbour
        rows.push_back(std::get<1>(distances.topk(k, 1, /*largest=*/false)));
    }
    return torch::cat(rows);
}

// The symmetric 0/1 adjacency of the k-nearest-neighbour graph (an edge when either point is among
// the other's neighbours), dense: only the pair's union is taken this way.
torch::Tensor neighbourGraph(const torch::Tensor& points, int64_t neighbours) {
    const int64_t n = points.size(0);
    auto adjacency = torch::zeros({n, n}, torch::kFloat64);
    adjacency.scatter_(1, nearestNeighbours(points, neighbours), 1.0);
    return (adjacency + adjacency.t()).clamp_max(1.0);
}

// Normalised cut of a 0/1 side in a graph: cut / vol(side) + cut / vol(rest).
double normalisedCut(const torch::Tensor& adjacency, const torch::Tensor& degrees, const torch::Tensor& side) {
    const auto inside = side.to(torch::kFloat64);
    const auto outside = 1.0 - inside;
    const double cut = inside.matmul(adjacency).dot(outside).item<double>();
    const double volumeIn = degrees.dot(inside).item<double>();
    const double volumeOut = degrees.dot(outside).item<double>();
    if (volumeIn <= 0.0 || volumeOut <= 0.0) return INFINITY;
    return cut / volumeIn + cut / volumeOut;
}

}  // namespace

torch::Tensor clusterBoundaryCuts(const torch::Tensor& points, const torch::Tensor& assignments, int64_t clusters,
                                  int64_t neighbours) {
    validate(points, assignments, clusters, neighbours);
    torch::NoGradGuard noGrad;
    const auto cpuPoints = points.to(torch::kCPU);
    const auto ids = assignments.to(torch::kCPU, torch::kInt64);
    auto cuts = torch::zeros({clusters, clusters}, torch::kFloat64);
    if (points.size(0) < 2) return cuts;
    const auto neighbourIds = nearestNeighbours(cpuPoints, neighbours);
    const auto from = ids.unsqueeze(1).expand_as(neighbourIds).reshape(-1);
    const auto to = ids.index_select(0, neighbourIds.reshape(-1));
    auto edges = torch::zeros({clusters, clusters}, torch::kFloat64);
    edges.index_put_({from, to}, torch::ones({from.numel()}, torch::kFloat64), /*accumulate=*/true);
    edges = edges + edges.t();
    const auto volumes = edges.sum(1).clamp_min(1.0);
    edges.fill_diagonal_(0.0);
    cuts = edges / volumes.unsqueeze(1) + edges / volumes.unsqueeze(0);
    return cuts;
}

std::optional<BoundaryResplit> resplitDensestBoundary(const torch::Tensor& points, const torch::Tensor& assignments,
                                                      int64_t clusters, const ResplitOptions& options) {
    validate(points, assignments, clusters, options.neighbours);
    if (options.maxPoints < 2 || options.maxPairPoints < 2)
        throw ConfigError("points: expected samples of at least 2 points");
    if (!(options.improvement > 0.0 && options.improvement <= 1.0))
        throw ConfigError("improvement: expected a fraction in (0, 1], found " + std::to_string(options.improvement));
    torch::NoGradGuard noGrad;
    auto generator = at::make_generator<at::CPUGeneratorImpl>(options.seed);
    const auto cpuPoints = points.to(torch::kCPU);
    const auto ids = assignments.to(torch::kCPU, torch::kInt64);
    const auto sample = sampleRows(points.size(0), options.maxPoints, generator);
    const auto cuts = clusterBoundaryCuts(cpuPoints.index_select(0, sample), ids.index_select(0, sample), clusters,
                                          options.neighbours);
    const int64_t densest = cuts.flatten().argmax().item<int64_t>();
    BoundaryResplit split;
    split.first = std::min(densest / clusters, densest % clusters);
    split.second = std::max(densest / clusters, densest % clusters);
    if (cuts[split.first][split.second].item<double>() <= 0.0) return std::nullopt;

    const auto pair = ((ids == split.first) | (ids == split.second)).nonzero().flatten();
    const auto pairSample = pair.index_select(0, sampleRows(pair.numel(), options.maxPairPoints, generator));
    if (pairSample.numel() <= 2 * options.neighbours) return std::nullopt;
    const auto unionPoints = cpuPoints.index_select(0, pairSample);
    const auto inSecond = ids.index_select(0, pairSample) == split.second;

    // The Fiedler vector of the symmetric normalised Laplacian I - D^-1/2 A D^-1/2, scaled back by
    // D^-1/2: the relaxed minimiser of the normalised cut.
    const auto adjacency = neighbourGraph(unionPoints, options.neighbours);
    const auto degrees = adjacency.sum(1);
    const auto scale = degrees.clamp_min(1.0).rsqrt();
    const auto laplacian =
        torch::eye(adjacency.size(0), torch::kFloat64) - scale.unsqueeze(1) * adjacency * scale.unsqueeze(0);
    const auto fiedler = std::get<1>(torch::linalg_eigh(laplacian)).select(1, 1) * scale;
    const auto order = fiedler.argsort();
    const int64_t n = order.numel();
    split.cutBefore = normalisedCut(adjacency, degrees, inSecond);
    split.cutAfter = INFINITY;
    torch::Tensor bestSide;
    for (int q = 1; q < 20; ++q) {  // the cut along the vector at the quantile of least normalised cut
        const auto side = fiedler > fiedler[order[q * n / 20]];
        const double cut = normalisedCut(adjacency, degrees, side);
        if (cut < split.cutAfter) {
            split.cutAfter = cut;
            bestSide = side;
        }
    }
    // A sample holding one side only has no boundary to compare with.
    if (!bestSide.defined() || !std::isfinite(split.cutBefore) ||
        !(split.cutAfter < options.improvement * split.cutBefore))
        return std::nullopt;
    // Cluster ids follow the points: the side sharing more of `second`'s points keeps its id.
    if ((bestSide == inSecond).sum().item<int64_t>() * 2 < n) bestSide = ~bestSide;
    split.firstCentre = unionPoints.index_select(0, (~bestSide).nonzero().flatten()).mean(0).to(points.device());
    split.secondCentre = unionPoints.index_select(0, bestSide.nonzero().flatten()).mean(0).to(points.device());
    return split;
}

}  // namespace dcs::cluster
