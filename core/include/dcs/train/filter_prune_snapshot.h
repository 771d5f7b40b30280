#pragma once
// What a filter-pruning run shows after every epoch and after pruning: plain C++, no torch, no Qt.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace dcs::train {

struct FilterEpochMetrics {
    std::string phase;  // "train" (the dense net) or "finetune" (the pruned one)
    int epoch = 0;      // within its phase, 1-based
    double trainLoss = 0.0, trainAccuracy = 0.0, validationAccuracy = 0.0, testAccuracy = 0.0;
    double epochSeconds = 0.0;
};

// One prunable conv at the pruning step.
struct FilterLayerState {
    std::string name;
    int64_t filters = 0;
    int64_t mapSize = 0;
    std::vector<float> scores;  // per filter, the criterion's score (higher = kept first)
    std::vector<uint8_t> kept;  // per filter, 1 when it stays
};

// For the relevance criterion: per filter, the probe images its map aligns with best.
struct FilterInspection {
    std::string alignment = "response";  // what `alignment` below measures: response or iou
    int64_t channels = 0, height = 0, width = 0;
    std::vector<float> images;   // the carried probe images, each C x H x W in [0, 1]
    std::vector<float> camMaps;  // their Grad-CAM maps, each H x W (>= 0)
    std::vector<uint8_t> semanticMasks;  // their thresholded Grad-CAM masks, each H x W
    struct Filter {
        std::vector<int> images;         // indices into the carried images, best first
        std::vector<float> alignment;    // the filter's mean response inside the image's mask, or the IoU of the masks
        std::vector<float> maps;         // the filter's upsampled map on those images, each H x W
    };
    std::vector<std::vector<Filter>> layers;  // [layer][filter]
};

struct FilterPruneSummary {
    double denseAccuracy = -1.0;     // test accuracy of the trained dense net
    double prunedAccuracy = -1.0;    // right after pruning and re-fitting, before fine-tuning
    double finalAccuracy = -1.0;     // after fine-tuning
    int64_t parametersBefore = 0, parametersAfter = 0;
    int64_t macsBefore = 0, macsAfter = 0;  // per image
    double latencyBatch1BeforeMs = 0.0, latencyBatch1AfterMs = 0.0;
    double latencyBatch256BeforeMs = 0.0, latencyBatch256AfterMs = 0.0;
    std::vector<int64_t> widthsBefore, widthsAfter;  // filters per prunable conv
    int64_t channelMultiple = 0;                     // what the kept filters were rounded to (0: not pruned yet)
};

struct FilterPruneSnapshot {
    std::string phase;  // "train", "pruned", "finetune", "finished"
    int epochs = 0, finetuneEpochs = 0;
    std::string criterion;
    std::vector<FilterEpochMetrics> history;
    std::vector<FilterLayerState> layers;               // empty until the pruning step
    std::shared_ptr<const FilterInspection> inspection;  // relevance only
    FilterPruneSummary summary;                         // filled as the run gets there
};

}  // namespace dcs::train
