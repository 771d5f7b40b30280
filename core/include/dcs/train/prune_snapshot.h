#pragma once
// What a pruning run hands its observer after every epoch: plain C++ (no torch, no Qt) so views
// can include it.

#include <cstdint>
#include <string>
#include <vector>

namespace dcs::train {

// The per-epoch numbers of a pruning run (curves, metrics.csv).
struct PruneEpochMetrics {
    int epoch = 0;
    double trainLoss = 0.0, trainAccuracy = 0.0;  // during the epoch's batches (dropout on)
    double validationLoss = 0.0, validationAccuracy = 0.0;
    double testLoss = 0.0, testAccuracy = 0.0;
    int64_t parameters = 0;       // weights and biases of the alive units and connections
    std::vector<int64_t> alive;   // per unit layer
    bool pruned = false;          // a pruning event happened after this epoch
    double epochSeconds = 0.0;
};

// One pruning decision: what every unit scored and which units stayed, per prunable layer.
struct PruningEvent {
    int epoch = 0;
    std::vector<size_t> layers;                 // indices into PruneSnapshot::layers
    std::vector<std::vector<float>> scores;     // per pruned layer, per unit; NaN for units already gone
    std::vector<std::vector<uint8_t>> keptMask; // per pruned layer, per unit: alive after the event
};

struct PruneLayerState {
    std::string name;  // conv1.., fc1..
    bool convolution = false;
    bool prunable = false;
    int64_t units = 0;  // the layer's width before any pruning
    std::vector<uint8_t> aliveMask;
};

struct PruneSnapshot {
    int epoch = 0;  // 1-based
    int epochs = 0;
    std::string criterion;
    PruneEpochMetrics metrics;
    int64_t denseParameters = 0;  // the unpruned architecture
    std::vector<PruneLayerState> layers;
    std::vector<PruningEvent> events;  // every event so far, oldest first
};

}  // namespace dcs::train
