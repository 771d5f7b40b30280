#include "dcs/train/invariance.h"

#include <torch/torch.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "dcs/data/augmentation.h"
#include "dcs/data/dataset_tensor.h"
#include "dcs/data/subsets.h"
#include "dcs/error.h"
#include "train/autoencoder_checkpoint.h"

namespace dcs::train {
namespace {

constexpr int64_t kBatch = 500;

// Per layer, the features of a batch flattened to N x F.
std::vector<torch::Tensor> flatFeatures(model::ConvAutoencoder& net, const torch::Tensor& images) {
    auto features = net->features(images);
    for (auto& f : features) f = f.flatten(1);
    return features;
}

}  // namespace

double InvarianceStudy::meanOverTransforms(const std::string& model, const std::string& layer, bool relative) const {
    double sum = 0.0;
    int count = 0;
    for (const auto& row : rows)
        if (row.model == model && row.layer == layer) {
            sum += relative ? row.relativeMse : row.mse;
            ++count;
        }
    return count > 0 ? sum / count : 0.0;
}

InvarianceStudy studyInvariance(const std::vector<std::filesystem::path>& runFolders, const data::Dataset& dataset,
                                int64_t images, const std::function<void(double)>& progress) {
    if (runFolders.empty()) throw ConfigError("runs: none given; expected at least one DeepCluster run folder");
    if (images < 1) throw ConfigError("images: " + std::to_string(images) + "; expected at least 1");
    if (dataset.height() != dataset.width())
        throw ConfigError("dataset: '" + dataset.name() + "' has " + std::to_string(dataset.height()) + " x " +
                          std::to_string(dataset.width()) + " images; the rotations need square images");
    torch::NoGradGuard noGrad;
    const auto sample = data::imagesTensor(data::firstN(dataset, std::min(images, dataset.size())));
    InvarianceStudy study;
    study.images = sample.size(0);
    study.transforms = data::orientationNames();
    for (size_t m = 0; m < runFolders.size(); ++m) {
        auto net = loadCheckpointAutoencoder(runFolders[m], dataset);
        net->eval();
        std::string name = runFolders[m].filename().string();
        if (name.empty()) name = runFolders[m].parent_path().filename().string();
        study.models.push_back(name);
        if (study.layers.empty()) study.layers = net->featureNames();
        const auto layers = net->featureNames();
        // Sums over the sample of squared differences (per transform and layer) and squared features.
        std::vector<std::vector<double>> squaredDifference(study.transforms.size(), std::vector<double>(layers.size()));
        std::vector<double> squaredFeature(layers.size()), elements(layers.size());
        for (int64_t start = 0; start < sample.size(0); start += kBatch) {
            const auto batch = sample.slice(0, start, std::min(sample.size(0), start + kBatch));
            const auto original = flatFeatures(net, batch);
            for (size_t l = 0; l < layers.size(); ++l) {
                squaredFeature[l] += original[l].pow(2).sum().item<double>();
                elements[l] += static_cast<double>(original[l].numel());
            }
            for (size_t t = 0; t < study.transforms.size(); ++t) {
                const auto moved = flatFeatures(net, data::orientImages(batch, study.transforms[t]));
                for (size_t l = 0; l < layers.size(); ++l)
                    squaredDifference[t][l] += (moved[l] - original[l]).pow(2).sum().item<double>();
            }
        }
        for (size_t l = 0; l < layers.size(); ++l)
            for (size_t t = 0; t < study.transforms.size(); ++t) {
                InvarianceRow row{name, layers[l], study.transforms[t]};
                row.mse = squaredDifference[t][l] / elements[l];
                const double meanSquare = squaredFeature[l] / elements[l];
                row.relativeMse = meanSquare > 0.0 ? row.mse / meanSquare : 0.0;
                study.rows.push_back(row);
            }
        if (progress) progress(static_cast<double>(m + 1) / static_cast<double>(runFolders.size()));
    }
    return study;
}

std::string invarianceJson(const InvarianceStudy& study) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : study.rows)
        rows.push_back({{"model", r.model}, {"layer", r.layer}, {"transform", r.transform}, {"mse", r.mse},
                        {"relative_mse", r.relativeMse}});
    const nlohmann::json json{{"images", study.images},
                              {"models", study.models},
                              {"layers", study.layers},
                              {"transforms", study.transforms},
                              {"rows", rows}};
    return json.dump(2);
}

}  // namespace dcs::train
