#pragma once
// The classic baseline the papers compare against: cluster the raw pixels (optionally reduced by
// PCA) with k-means or a Gaussian mixture, and score the result against the labels. Plain C++ in and out.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dcs/data/dataset.h"

namespace dcs::cluster {

struct PixelBaselineOptions {
    std::string method = "kmeans";  // kmeans | gmm
    std::string covariance = "diag";  // gmm: diag | full
    int64_t clusters = 0;           // 0: the data set's number of classes (10 when unlabelled)
    int64_t pcaDimensions = 0;      // 0: cluster the raw pixels
    int restarts = 4;               // k-means++ restarts (gmm: of its k-means start)
    uint64_t seed = 1;
    int threads = 0;                // 0: every core
};

struct ClusteringScores {
    double acc = 0.0;
    double nmi = 0.0;  // arithmetic-mean normalisation
    double ari = 0.0;
};

struct PixelBaselineResult {
    int64_t clusters = 0;
    std::vector<int64_t> assignments;
    double inertia = 0.0;            // kmeans: sum of squared distances to the centres
    double meanLogLikelihood = 0.0;  // gmm: per point
    int iterations = 0;
    double seconds = 0.0;
    std::optional<ClusteringScores> scores;  // when the data set has labels
};

// Throws ConfigError naming the field for bad options.
PixelBaselineResult runPixelBaseline(const data::Dataset& dataset, const PixelBaselineOptions& options);

}  // namespace dcs::cluster
