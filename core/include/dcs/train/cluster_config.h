#pragma once
// Everything that defines a DeepCluster run. The GUI form, the CLI flags, presets and session files
// all fill this one struct; it round-trips through JSON and validates itself.

#include <cstdint>
#include <string>

namespace dcs::train {

struct ClusterConfig {
    std::string dataset = "shapes";     // a registry specification
    int64_t limit = 0;                  // use the first N images (0: all)
    std::string method = "dcae-kmeans"; // dcae-kmeans | dcae-gmm
    std::string preset = "caip2019";    // the architecture: icip2018 | caip2019
    int epochs = 40;
    int64_t clusters = 10;
    int64_t latent = 10;
    double lambda = 0.1;                // weight of the clustering term E2
    std::string optimizer = "adam";     // adam | sgd
    double learningRate = 1e-3;
    double momentum = 0.9;              // sgd only
    double weightDecay = 0.0;
    int64_t batchSize = 64;
    int warmupEpochs = 15;              // epochs of reconstruction only before E2 starts
    bool augment = false;               // train on randomly shifted, rotated and scaled copies (clusters use the originals)
    std::string init = "kmeans++";      // how clusters start: kmeans++ on the codes, or random centres
    std::string covariance = "diag";    // dcae-gmm: diag | full
    std::string gmmLoss = "mahalanobis";// dcae-gmm: mahalanobis (responsibility-weighted) | nll
    uint64_t seed = 1;
    int threads = 0;                    // 0: every core
    std::string device = "cpu";         // cpu | cuda
    int64_t snapshotPoints = 2000;      // latent codes drawn per snapshot
    int64_t centralMembers = 8;         // most central images kept per cluster
    int64_t reconstructionPairs = 8;

    // The paper's own schedule for an architecture: random centres, no warm-up, its optimiser,
    // learning rate, batch size and lambda (METHODS.md).
    static ClusterConfig paperSchedule(const std::string& preset);

    // Throws ConfigError naming the field, what it found and what it expected.
    void validate() const;
    std::string toJson() const;
    // Unknown keys and wrong types are ConfigErrors; missing keys keep their defaults.
    static ClusterConfig fromJson(const std::string& text);
};

}  // namespace dcs::train
