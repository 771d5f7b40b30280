#pragma once
// Re-splitting two clusters along the sparsest cut of their neighbour graph. Joint training can split
// two classes across two clusters, each holding about half of both (mnist: the 4s and 9s), a state
// no centre update leaves, since an update only moves points at the clusters' boundary, and 2-means
// on the pair finds the same split. The k-nearest-neighbour graph of the codes still sees the
// classes: the boundary of such a pair runs through a dense part of the graph (many neighbours on
// either side), while a spectral cut of the pair's union finds a sparser one (bench/README.md,
// "Re-splitting the densest boundary").

#include <torch/types.h>

#include <cstdint>
#include <optional>

namespace dcs::cluster {

struct ResplitOptions {
    int64_t neighbours = 10;       // k of the k-nearest-neighbour graph
    int64_t maxPoints = 10000;     // the graph of all clusters is built on a sample of at most this many
    int64_t maxPairPoints = 2000;  // the spectral cut of the pair, on a sample of at most this many
    double improvement = 0.6;      // the new cut is taken when it is below this fraction of the current one
    uint64_t seed = 1;             // of the samples
};

struct BoundaryResplit {
    int64_t first = -1;  // the pair with the densest boundary, first < second
    int64_t second = -1;
    double cutBefore = 0.0;      // normalised cut of the pair's current boundary in the union's graph
    double cutAfter = 0.0;       // the same for the spectral split
    torch::Tensor firstCentre;   // d: the mean of the side sharing more points with `first`
    torch::Tensor secondCentre;  // d
};

// Normalised cut between every two clusters in the k-nearest-neighbour graph of points (K x K,
// symmetric, zero diagonal): edges between a and b over the edges of a, plus over those of b.
torch::Tensor clusterBoundaryCuts(const torch::Tensor& points, const torch::Tensor& assignments, int64_t clusters,
                                  int64_t neighbours);

// For the pair of clusters whose boundary cuts the most neighbour edges, the spectral bipartition of
// their union (the Fiedler vector of the normalised graph Laplacian, cut at the quantile of least
// normalised cut); returned when that cut is below options.improvement x the current boundary's.
// assignments: N ids in [0, clusters). Throws ConfigError for a tensor that is not N x d float,
// ids out of range or options out of range.
std::optional<BoundaryResplit> resplitDensestBoundary(const torch::Tensor& points, const torch::Tensor& assignments,
                                                      int64_t clusters, const ResplitOptions& options = {});

}  // namespace dcs::cluster
