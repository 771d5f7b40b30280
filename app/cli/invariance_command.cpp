#include "invariance_command.h"

#include <cstdio>
#include <iostream>
#include <memory>

#include "dcs/data/registry.h"
#include "dcs/train/invariance.h"

namespace dcs::cli {
namespace {

struct InvarianceFlags {
    std::string dataset;
    std::vector<std::string> runs;
    int64_t images = 1000;
    bool relative = false;
    bool json = false;
};

// A table per model: a row per layer, a column per transform and their mean.
void printTable(const train::InvarianceStudy& study, bool relative) {
    std::printf("%s between the features of %lld original and transformed images\n",
                relative ? "relative MSE (MSE / mean squared feature)" : "MSE", static_cast<long long>(study.images));
    for (const auto& model : study.models) {
        std::printf("\n%s\n%-8s", model.c_str(), "layer");
        for (const auto& t : study.transforms) std::printf(" %11s", t.c_str());
        std::printf(" %11s\n", "mean");
        for (const auto& layer : study.layers) {
            std::printf("%-8s", layer.c_str());
            for (const auto& row : study.rows)
                if (row.model == model && row.layer == layer) std::printf(" %11.5g", relative ? row.relativeMse : row.mse);
            std::printf(" %11.5g\n", study.meanOverTransforms(model, layer, relative));
        }
    }
}

}  // namespace

std::function<int()> addInvarianceCommand(CLI::App& app, CLI::App*& command) {
    auto flags = std::make_shared<InvarianceFlags>();
    command = app.add_subcommand(
        "invariance", "Per-layer feature MSE of trained DeepCluster runs under rotations (90/180/270) and flips");
    command->add_option("--dataset", flags->dataset, "Data set the runs were trained on: a name or FORMAT:PATH")->required();
    command->add_option("--run", flags->runs, "A run folder of 'cluster --out DIR' (repeat for several models)")->required();
    command->add_option("--images", flags->images, "Measure on the first N images (default 1000)")
        ->check(CLI::Range(int64_t{1}, int64_t{100000000}));
    command->add_flag("--relative", flags->relative, "Print MSE divided by the mean squared feature (the JSON has both)");
    command->add_flag("--json", flags->json, "Print one JSON object: images, models, layers, transforms, rows");
    return [flags]() -> int {
        const data::DatasetRegistry registry;
        const auto dataset = registry.load(flags->dataset);
        const std::vector<std::filesystem::path> folders(flags->runs.begin(), flags->runs.end());
        const auto study = train::studyInvariance(folders, dataset, flags->images);
        if (flags->json) std::cout << train::invarianceJson(study) << "\n";
        else printTable(study, flags->relative);
        return 0;
    };
}

}  // namespace dcs::cli
