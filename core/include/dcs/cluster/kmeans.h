#pragma once
// k-means on any N x d float tensor (latent codes or raw pixels): k-means++ start, several
// restarts keeping the lowest inertia, empty clusters re-seeded with the farthest point, and
// distances computed in row batches so 70,000 x K never needs more than one batch in memory.

#include <torch/types.h>

#include <cstdint>
#include <optional>

namespace dcs::cluster {

struct KMeansOptions {
    int64_t clusters = 10;
    int restarts = 4;
    int maxIterations = 100;
    double tolerance = 1e-4;  // stop when the centres move less than this times the data's variance
    uint64_t seed = 1;
    int64_t batchSize = 8192;
    // 1: plain k-means (restarts from k-means++, the lowest inertia kept). F > 1: the restarts
    // cluster into F x K; the best of them is merged by Ward's criterion down to K (wardMerge) and
    // refined with Lloyd. On codes where the lowest-inertia K-optimum splits a dense class and
    // merges two others, the merge of a finer partition keeps the class whole.
    int overclustering = 1;
    // 0: the restart with the lowest inertia is kept. b > 0: the lowest inertia x exp(b (1 - H)),
    // H the entropy of the cluster sizes over log K (1 when every cluster is as large as the
    // others), a prior for classes of similar size: among local optima of near-equal inertia it
    // prefers the one that keeps every class whole over one that splits a class and merges two
    // others to make up the count (mnist warm-up codes, seeds 3 and 4: the 1s split at 0.5 % less
    // inertia, ACC 0.64 against 0.76). Applies where the restarts compete (at F x K clusters).
    double balance = 0.0;
};

struct KMeansResult {
    torch::Tensor centres;      // K x d
    torch::Tensor assignments;  // N, int64
    double inertia = 0.0;       // sum of squared distances to the assigned centres
    int iterations = 0;         // of the restart that was kept
};

// Throws ConfigError naming the field for K < 1, K > N, or a tensor that is not N x d float.
KMeansResult kmeans(const torch::Tensor& points, const KMeansOptions& options);

// The nearest centre of every point and its squared distance, computed in row batches. With
// `allowed` (N x K bool), only the centres a point is allowed (constrained k-means).
std::pair<torch::Tensor, torch::Tensor> nearestCentres(const torch::Tensor& points, const torch::Tensor& centres,
                                                       int64_t batchSize = 8192, const torch::Tensor& allowed = {});

// A split of the largest cluster that re-seeds the smallest: the two centres of 2-means on the
// largest cluster's points.
struct ClusterSplit {
    int64_t smallest = -1;
    int64_t largest = -1;
    int64_t smallestSize = 0;
    int64_t largestSize = 0;
    torch::Tensor smallestCentre;  // d
    torch::Tensor largestCentre;   // d
};

// When the smallest of `clusters` clusters holds fewer than `below` x N / K of the points and the
// largest more than 1.5 x N / K, the split that re-seeds the smallest with half of the largest;
// otherwise nothing. Joint training can settle with two classes in one cluster and a cluster spent on
// a thin rim of ambiguous points (mnist: 4, 7 and 9 in one cluster beside one of 200 codes); the
// centres' own updates never leave that state, a split does (bench/README.md: for a few epochs at a
// time). assignments: N ids in [0, K).
std::optional<ClusterSplit> splitLargestIntoSmallest(const torch::Tensor& points, const torch::Tensor& assignments,
                                                     int64_t clusters, double below, uint64_t seed);

// Ward agglomeration of weighted centres: repeatedly merges the pair whose merge raises the
// within-cluster sum of squares least (n_a n_b / (n_a + n_b) |c_a - c_b|^2) until `clusters`
// remain; a merged centre is its parts' count-weighted mean. centres: M x d, counts: M (> 0).
torch::Tensor wardMerge(const torch::Tensor& centres, const torch::Tensor& counts, int64_t clusters);

// k-means++ seeding: the first centre uniformly, each next one with probability proportional to
// the squared distance to the nearest centre chosen so far.
torch::Tensor kmeansPlusPlus(const torch::Tensor& points, int64_t clusters, torch::Generator& generator,
                             int64_t batchSize = 8192);

}  // namespace dcs::cluster
