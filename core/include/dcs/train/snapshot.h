#pragma once
// What a training run hands its observer: plain C++ (no torch, no Qt) so views can include it.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dcs::train {

// Within-epoch progress, sent every few batches.
struct TrainingProgress {
    int epoch = 0;  // 1-based
    int epochs = 0;
    int64_t batch = 0;  // batches done in this epoch
    int64_t batches = 0;
    double loss = 0.0;  // running mean total loss of this epoch
    double elapsedSeconds = 0.0;
    double etaSeconds = 0.0;  // until the end of the run
};

// The latent codes of a fixed sample of the data, projected to 2-D by PCA.
struct LatentProjection {
    std::vector<int64_t> ids;       // data set indices
    std::vector<float> x, y;
    std::vector<int64_t> clusters;  // stable cluster ids
    std::vector<int64_t> labels;    // -1 when unknown
    std::vector<float> centreX, centreY;
};

struct ImagePair {
    int64_t id = 0;
    std::vector<float> input;           // C x H x W in [0,1]
    std::vector<float> reconstruction;  // C x H x W, clamped to [0,1]
};

// The per-epoch numbers of a run, small enough to keep for every epoch (curves, tables).
struct EpochMetrics {
    int epoch = 0;
    bool warmup = false;
    double reconstructionLoss = 0.0;
    double clusteringLoss = 0.0;
    double totalLoss = 0.0;
    std::optional<double> acc, nmi, ari;
    double epochSeconds = 0.0;
    double imagesPerSecond = 0.0;
    double supervisionLoss = 0.0;  // E3 (0 without supervision)
};

struct ClusterSnapshot {
    int epoch = 0;  // 1-based
    int epochs = 0;
    bool warmup = false;  // reconstruction only: the clusters shown come from k-means on the codes
    double reconstructionLoss = 0.0;
    double clusteringLoss = 0.0;
    double supervisionLoss = 0.0;  // E3, the head's cross-entropy on the labelled samples (M2)
    double totalLoss = 0.0;
    std::optional<double> acc, nmi, ari;  // when the data set has labels
    int64_t clusters = 0;
    std::vector<int64_t> clusterSizes;
    std::vector<std::vector<int64_t>> centralMembers;  // per cluster, ids nearest its centre
    std::vector<std::vector<int64_t>> confusion;       // [cluster][label] counts, when labelled
    LatentProjection latent;
    std::vector<ImagePair> reconstructions;
    int64_t channels = 0, height = 0, width = 0;
    double epochSeconds = 0.0;
    double imagesPerSecond = 0.0;  // training throughput of this epoch
    // A cluster re-seeded with half of the largest after this epoch (ClusterConfig::reseedBelow).
    struct Reseed {
        int64_t cluster = -1, from = -1;        // stable cluster ids
        int64_t clusterSize = 0, fromSize = 0;  // their sizes before the split
    };
    std::optional<Reseed> reseed;
    // Two clusters re-split along the sparsest cut of their union after this epoch
    // (ClusterConfig::resplitBoundaries).
    struct Resplit {
        int64_t first = -1, second = -1;         // stable cluster ids
        double cutBefore = 0.0, cutAfter = 0.0;  // normalised cuts in the union's neighbour graph
    };
    std::optional<Resplit> resplit;

    EpochMetrics metrics() const {
        return {epoch, warmup, reconstructionLoss, clusteringLoss, totalLoss, acc, nmi, ari, epochSeconds, imagesPerSecond,
                supervisionLoss};
    }
};

}  // namespace dcs::train
