#pragma once
// The tiny data and DeepCluster settings the core tests train on: a couple of epochs on a few
// dozen 16 px shapes, one thread.

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

}  // namespace dcs::test
