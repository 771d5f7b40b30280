#pragma once
// External clustering metrics against true labels, as the papers report them.
// Labels and clusters are ids >= 0; the two vectors have one entry per sample.

#include <cstdint>
#include <vector>

namespace dcs::metrics {

// counts[cluster][label]: how many samples of each label fell in each cluster.
std::vector<std::vector<int64_t>> contingencyTable(const std::vector<int64_t>& labels,
                                                   const std::vector<int64_t>& clusters);

// Unsupervised clustering accuracy: the best one-to-one mapping of clusters to labels (Hungarian
// algorithm); samples in clusters left without a label count as wrong. In [0,1].
double clusteringAccuracy(const std::vector<int64_t>& labels, const std::vector<int64_t>& clusters);

// Normalised mutual information I(y;c) / ((H(y) + H(c)) / 2): the ARITHMETIC mean normalisation
// (scikit-learn's default). 1 when both partitions are trivial and equal. In [0,1].
double normalizedMutualInformation(const std::vector<int64_t>& labels, const std::vector<int64_t>& clusters);

// Adjusted Rand index (Hubert & Arabie): 0 for chance agreement, 1 for identical partitions.
double adjustedRandIndex(const std::vector<int64_t>& labels, const std::vector<int64_t>& clusters);

// Relabels `current` cluster ids so each matches the `previous` id it overlaps most (one-to-one,
// Hungarian on the overlap counts), so ids and colours stay put from epoch to epoch. Returns the
// map current id -> stable id for ids 0..clusterCount-1.
std::vector<int64_t> stableClusterIds(const std::vector<int64_t>& previous, const std::vector<int64_t>& current,
                                      int64_t clusterCount);

}  // namespace dcs::metrics
