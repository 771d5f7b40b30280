#include "commands.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "dcs/cluster/pixel_baseline.h"
#include "dcs/data/registry.h"
#include "dcs/io/sample_grid.h"

namespace dcs::cli {
namespace {

nlohmann::json infoJson(const data::DatasetInfo& info) {
    return {{"name", info.name},         {"count", info.count}, {"channels", info.channels},
            {"height", info.height},     {"width", info.width}, {"classes", info.classes},
            {"source", info.source}};
}

std::string shapeText(int64_t c, int64_t h, int64_t w) {
    return std::to_string(c) + " x " + std::to_string(h) + " x " + std::to_string(w);
}

}  // namespace

int runDatasets(const DatasetsOptions& options) {
    const data::DatasetRegistry registry;
    nlohmann::json list = nlohmann::json::array();
    if (!options.json)
        std::cout << std::left << std::setw(22) << "name" << std::right << std::setw(8) << "count" << "  "
                  << std::left << std::setw(14) << "C x H x W" << std::right << std::setw(8) << "classes"
                  << "  source\n";
    for (const auto& name : registry.availableNames()) {
        const auto info = registry.describe(name);
        if (options.json) {
            list.push_back(infoJson(info));
            continue;
        }
        std::cout << std::left << std::setw(22) << info.name << std::right << std::setw(8) << info.count << "  "
                  << std::left << std::setw(14) << shapeText(info.channels, info.height, info.width) << std::right
                  << std::setw(8) << info.classes << "  " << info.source << "\n";
    }
    if (options.json) {
        std::cout << list.dump(2) << "\n";
        return 0;
    }
    std::cout << "\nAlso: FORMAT:PATH with FORMAT one of " << data::DatasetRegistry::formatNames()
              << "; options after '?', e.g. shapes?count=5000&size=32\n";
    return 0;
}

int runInspect(const InspectOptions& options) {
    const data::DatasetRegistry registry;
    const auto dataset = registry.load(options.dataset);
    const auto stats = dataset.pixelStats();
    const auto counts = dataset.countsPerClass();
    if (!options.gridFile.empty()) io::writeSampleGrid(dataset, options.gridFile);

    if (options.json) {
        nlohmann::json out = infoJson(data::describeDataset(dataset, options.dataset));
        out["labelled"] = dataset.hasLabels();
        out["class_names"] = dataset.classNames();
        out["counts_per_class"] = counts;  // indexed by label, in the order of class_names
        out["pixels"] = {{"mean", stats.mean}, {"std", stats.stddev}, {"min", stats.min}, {"max", stats.max}};
        if (!options.gridFile.empty()) out["grid"] = options.gridFile;
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    std::cout << options.dataset << ": " << dataset.size() << " images of "
              << shapeText(dataset.channels(), dataset.height(), dataset.width()) << "\n"
              << "source: " << dataset.source() << "\n";
    std::cout << std::fixed << std::setprecision(4) << "pixels: mean " << stats.mean << ", std " << stats.stddev
              << ", min " << stats.min << ", max " << stats.max << "\n";
    if (dataset.hasLabels()) {
        std::cout << dataset.classCount() << " classes:\n";
        for (size_t c = 0; c < counts.size(); ++c)
            std::cout << "  " << std::setw(3) << c << "  " << std::left << std::setw(16) << dataset.classNames()[c]
                      << std::right << std::setw(8) << counts[c] << "\n";
    } else {
        std::cout << "no labels\n";
    }
    if (!options.gridFile.empty()) std::cout << "grid written to " << options.gridFile << "\n";
    return 0;
}

int runBaseline(const BaselineOptions& options) {
    const data::DatasetRegistry registry;
    const auto dataset = registry.load(options.dataset);
    const auto& baseline = options.baseline;
    const auto result = cluster::runPixelBaseline(dataset, baseline);

    if (options.json) {
        nlohmann::json out{{"dataset", options.dataset}, {"n", dataset.size()},        {"method", baseline.method},
                           {"clusters", result.clusters}, {"pca", baseline.pcaDimensions},         {"seed", baseline.seed},
                           {"iterations", result.iterations},
                           {"seconds", result.seconds},   {"nmi_normalisation", "arithmetic"}};
        if (baseline.method == "kmeans") out["inertia"] = result.inertia;
        else out["mean_log_likelihood"] = result.meanLogLikelihood;
        if (result.scores) {
            out["acc"] = result.scores->acc;
            out["nmi"] = result.scores->nmi;
            out["ari"] = result.scores->ari;
        } else {
            out["acc"] = out["nmi"] = out["ari"] = nullptr;
        }
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    std::cout << baseline.method << " on the " << (baseline.pcaDimensions > 0 ? std::to_string(baseline.pcaDimensions) + " PCA components of the " : "")
              << "raw pixels of " << options.dataset << " (" << dataset.size() << " images, K = " << result.clusters
              << "): " << std::fixed << std::setprecision(2) << result.seconds << " s\n";
    if (result.scores)
        std::cout << std::setprecision(4) << "ACC " << result.scores->acc << "  NMI " << result.scores->nmi
                  << " (arithmetic mean)  ARI " << result.scores->ari << "\n";
    else
        std::cout << "no labels: no ACC/NMI/ARI\n";
    return 0;
}

}  // namespace dcs::cli
