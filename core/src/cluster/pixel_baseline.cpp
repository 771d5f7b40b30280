#include "dcs/cluster/pixel_baseline.h"

#include <torch/torch.h>

#include <chrono>
#include <thread>

#include "dcs/cluster/gmm.h"
#include "dcs/cluster/kmeans.h"
#include "dcs/cluster/pca.h"
#include "dcs/data/dataset_tensor.h"
#include "dcs/error.h"
#include "dcs/metrics/clustering_metrics.h"

namespace dcs::cluster {

PixelBaselineResult runPixelBaseline(const data::Dataset& dataset, const PixelBaselineOptions& options) {
    if (options.method != "kmeans" && options.method != "gmm")
        throw ConfigError("method: '" + options.method + "'; expected kmeans or gmm");
    const Covariance covariance = covarianceFromString(options.covariance);
    if (options.pcaDimensions < 0 || options.pcaDimensions > dataset.imageSize())
        throw ConfigError("pca: expected 0 (off) or 1.." + std::to_string(dataset.imageSize()) + " dimensions, found " +
                          std::to_string(options.pcaDimensions));
    if (options.threads < 0) throw ConfigError("threads: expected 0 (every core) or more, found " + std::to_string(options.threads));
    // LibTorch here starts with one intra-op thread, and the setting belongs to the calling thread.
    at::set_num_threads(options.threads > 0 ? options.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));

    const auto start = std::chrono::steady_clock::now();
    auto points = data::imagesTensor(dataset).view({dataset.size(), -1});
    if (options.pcaDimensions > 0) points = Pca::fit(points, options.pcaDimensions).project(points);

    PixelBaselineResult result;
    result.clusters = options.clusters > 0 ? options.clusters : (dataset.hasLabels() ? dataset.classCount() : 10);
    torch::Tensor assignments;
    if (options.method == "kmeans") {
        KMeansOptions kmeansOptions;
        kmeansOptions.clusters = result.clusters;
        kmeansOptions.restarts = options.restarts;
        kmeansOptions.seed = options.seed;
        const auto fit = kmeans(points, kmeansOptions);
        assignments = fit.assignments.contiguous();
        result.inertia = fit.inertia;
        result.iterations = fit.iterations;
    } else {
        GmmOptions gmmOptions;
        gmmOptions.components = result.clusters;
        gmmOptions.covariance = covariance;
        gmmOptions.seed = options.seed;
        gmmOptions.startRestarts = options.restarts;
        const auto fit = fitGmm(points, gmmOptions);
        assignments = fit.assignments.contiguous();
        result.meanLogLikelihood = fit.logLikelihoods.back();
        result.iterations = static_cast<int>(fit.logLikelihoods.size());
    }
    result.assignments.assign(assignments.data_ptr<int64_t>(), assignments.data_ptr<int64_t>() + assignments.numel());
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (dataset.hasLabels())
        result.scores = ClusteringScores{metrics::clusteringAccuracy(dataset.labels(), result.assignments),
                                         metrics::normalizedMutualInformation(dataset.labels(), result.assignments),
                                         metrics::adjustedRandIndex(dataset.labels(), result.assignments)};
    return result;
}

}  // namespace dcs::cluster
