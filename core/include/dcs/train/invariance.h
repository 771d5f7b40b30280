#pragma once
// The invariance study of Discriminative DeepCluster (M2): how much each encoder layer's features
// change when an image is rotated or flipped. For every trained model (a DeepCluster run folder),
// layer (conv1..3 and the latent codes) and transform (rot90, rot180, rot270, flip, flip+rot90):
// the mean squared difference between the features of the original and of the transformed images,
// and that MSE divided by the mean squared feature (comparable across layers and models).
// Plain C++ (no torch) so the GUI can include it.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "dcs/data/dataset.h"

namespace dcs::train {

struct InvarianceRow {
    std::string model;      // the run folder's name
    std::string layer;      // conv1, conv2, conv3 (fc for icip2018), latent
    std::string transform;  // rot90, rot180, rot270, flip, flip+rot90
    double mse = 0.0;
    double relativeMse = 0.0;  // mse / mean squared feature of the originals
};

struct InvarianceStudy {
    std::vector<std::string> models;      // in the order given
    std::vector<std::string> layers;      // encoder order
    std::vector<std::string> transforms;
    int64_t images = 0;                   // images measured
    std::vector<InvarianceRow> rows;      // model-major, then layer, then transform

    // The mean over transforms of one model's layer (relative or plain MSE).
    double meanOverTransforms(const std::string& model, const std::string& layer, bool relative) const;
};

// Measures every run folder's trained auto-encoder on the first `images` images of dataset (which
// must have the size the runs were trained on). Throws DataError naming the folder when it holds no
// readable run or checkpoint, ConfigError for a non-square data set. `progress` gets the fraction
// done after each model.
InvarianceStudy studyInvariance(const std::vector<std::filesystem::path>& runFolders, const data::Dataset& dataset,
                                int64_t images = 1000, const std::function<void(double)>& progress = {});

// The study as JSON: {"images": N, "models": [...], "layers": [...], "transforms": [...], "rows":
// [{model, layer, transform, mse, relative_mse}]}.
std::string invarianceJson(const InvarianceStudy& study);

}  // namespace dcs::train
