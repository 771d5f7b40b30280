#pragma once
// The tiny data and DeepCluster settings the core tests train on: a couple of epochs on a few
// dozen 16 px shapes, one thread.

#include <torch/torch.h>

#include <vector>

#include "dcs/data/loaders.h"
#include "dcs/train/cluster_config.h"

namespace dcs::test {

inline data::Dataset tinyShapes(int64_t count = 120, int size = 16) {
    data::ShapesOptions options;
    options.count = count;
    options.size = size;
    return data::generateShapes(options);
}

inline train::ClusterConfig tinyClusterConfig() {
    train::ClusterConfig config;
    config.dataset = "shapes";
    config.epochs = 2;
    config.warmupEpochs = 1;
    config.batchSize = 32;
    config.threads = 1;
    config.snapshotPoints = 50;
    return config;
}

// Three classes of 200 points where the lowest k-means inertia is the wrong partition: a long bar
// along x, and two tight blobs 3.2 apart above it. Splitting the bar in two and merging the blobs
// has less inertia (about 200 x 7.2 against 200 x 8.3); a prior for clusters of similar size keeps
// the three classes.
struct LabelledPoints {
    torch::Tensor points;        // N x 2
    std::vector<int64_t> truth;  // N class ids
};

inline LabelledPoints barAndTwoBlobs() {
    torch::manual_seed(5);
    const int64_t n = 200;
    const auto bar = torch::stack({torch::rand({n}) * 10.0 - 5.0, 0.05 * torch::randn({n})}, 1);
    const auto left = torch::tensor({-1.6f, 20.0f}) + 0.05 * torch::randn({n, 2});
    const auto right = torch::tensor({1.6f, 20.0f}) + 0.05 * torch::randn({n, 2});
    LabelledPoints result{torch::cat({bar, left, right}), std::vector<int64_t>(n, 0)};
    result.truth.insert(result.truth.end(), n, 1);
    result.truth.insert(result.truth.end(), n, 2);
    return result;
}

}  // namespace dcs::test
