#pragma once
// Everything that defines a DeepCluster run. The GUI form, the CLI flags, presets and session files
// all fill this one struct; it round-trips through JSON and validates itself.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace dcs::train {

struct ClusterConfig {
    std::string dataset = "shapes";     // a registry specification
    int64_t limit = 0;                  // use the first N images (0: all)
    std::string method = "dcae-kmeans"; // dcae-kmeans | dcae-gmm
    std::string preset = "caip2019";    // the architecture: icip2018 | caip2019
    int epochs = 40;
    int64_t clusters = 10;
    int64_t latent = 10;
    double lambda = 1.0;                // weight of the clustering term E2 (the caip2019 paper's)
    std::string optimizer = "adam";     // adam | sgd
    double learningRate = 1e-3;
    std::string lrSchedule = "constant"; // constant | cosine: annealed from lr to 0 over the clustering epochs
    double momentum = 0.9;              // sgd only
    double weightDecay = 0.0;
    int64_t batchSize = 64;
    int warmupEpochs = 15;              // epochs of reconstruction only before E2 starts
    bool augment = true;                // train on randomly shifted, rotated and scaled copies (clusters use the originals):
                                        // E2 then pulls every jittered copy to its original's centre
    // Discriminative DeepCluster (M2): regularisation switches and the supervision component.
    double dropout = 0.0;               // after the hidden FC layers (0: off)
    bool batchNorm = false;             // after every convolution but the output
    std::string supervision = "none";   // none | semi (parent labels) | full (class labels)
    int64_t labelled = 0;               // only the first N images carry their label (0: all)
    std::vector<int64_t> parentMap;     // semi: class -> parent; empty: the first half of the classes -> 0, the rest -> 1
    double supervisionWeight = 50.0;    // weight of E3, the head's cross-entropy on the reconstruction (E1 sums 784 squared errors per image)
    // How clusters start: kmeans++ on the codes; merged (k-means into 2K clusters on the codes,
    // Ward-merged down to K); random centres; labels (seeded k-means: the class means of the labelled
    // codes; supervision full); or constrained (constrained k-means, Basu et al. 2002: the clusters are
    // shared out among the label groups, classes or parents, each group's start is k-means on its
    // codes, and a labelled image counts in and trains towards only its group's clusters).
    std::string init = "kmeans++";
    // kmeans++ start: the restart kept is the lowest inertia weighed by a prior for clusters of similar
    // size, inertia x exp(startBalance (1 - H)) with H the entropy of the cluster sizes over log K
    // (KMeansOptions::balance; 0: the lowest inertia). For DCAE-GMM it weighs the k-means before EM.
    double startBalance = 1.5;
    // After each epoch's cluster update, a cluster holding fewer than reseedBelow x N / K codes is
    // re-seeded with half of the largest when that holds more than 1.5 x N / K: 2-means on the
    // largest cluster's codes gives both their new centres (cluster::splitLargestIntoSmallest). 0: off.
    double reseedBelow = 0.0;
    std::string covariance = "diag";    // dcae-gmm: diag | spherical | tied | full
    std::string gmmLoss = "mahalanobis";  // dcae-gmm: mahalanobis (responsibility-weighted) | scaled (the same times
                                          // the mean variance) | nll
    std::string gmmWeights = "fitted";    // dcae-gmm: the mixing weights of training's M-steps: fitted | equal (1/K)
    // How the run reports each image's cluster (metrics, views, assignments.csv): nearest (the nearest
    // centre, or for DCAE-GMM the most responsible component: METHODS.md) or gaussian (each cluster read
    // by its own shape, cluster::gaussianReadout; defaultsFor's choice). Training is the same either
    // way. The struct keeps nearest so that a config.json written before the setting resumes as it ran.
    std::string readout = "nearest";
    // Unconstrained start (ignored with a constrained one): each epoch's cluster update takes the
    // Gaussian read-out of the nearest-centre (most responsible component) assignment, so that a centre
    // is the mean of the codes read into its cluster (DCAE-GMM: each component is fitted to its cluster
    // so read, a classification-EM step) and E2 pulls every code towards the cluster it is read into.
    // Off: the papers' update, and the struct's so that an old config.json resumes as it ran;
    // defaultsFor turns it on for DCAE-Kmeans without supervision (DCAE-GMM's latent space grew without
    // bound on two of three Long runs with it).
    bool trainOnReadout = false;
    // Unconstrained start: after each epoch's cluster update, the two clusters whose
    // boundary cuts the most edges of the codes' nearest-neighbour graph are re-split along the
    // spectral cut of their union when that cut is much sparser (cluster::resplitDensestBoundary): the
    // way out of two classes split across two clusters, each holding about half of both, which no
    // centre update leaves (mnist's 4s and 9s on the Long schedule). The Long schedule turns it on
    // where the run trains on the read-out; off otherwise (the 40-epoch defaults are unmeasured) and in
    // old config.json files.
    bool resplitBoundaries = false;
    uint64_t seed = 1;
    int threads = 0;                    // 0: every core
    std::string device = "cpu";         // cpu | cuda
    int64_t snapshotPoints = 2000;      // latent codes drawn per snapshot
    int64_t centralMembers = 8;         // most central images kept per cluster
    int64_t reconstructionPairs = 8;

    // The paper's own schedule for an architecture: random centres, no warm-up, its optimiser,
    // learning rate, batch size and lambda (METHODS.md).
    static ClusterConfig paperSchedule(const std::string& preset);
    // The Long schedule: `base` (the defaults unless given) trained for 200 epochs, 20 of them
    // warm-up, with the learning rate cosine-annealed over the clustering epochs, and boundaries
    // re-split where `base` trains on the read-out (what reaches the mnist targets).
    static ClusterConfig longSchedule(ClusterConfig base);
    static ClusterConfig longSchedule();
    // The Plain schedule: `base` trained for 30 epochs, 10 of them warm-up, on the plain images (no
    // augmentation) with lambda 0.1, and DCAE-GMM in the diagonal Mahalanobis form with fitted weights,
    // the plain k-means start and no re-seeding (what reaches the fashion-mnist target).
    static ClusterConfig plainSchedule(ClusterConfig base);
    // The defaults for a supervision mode (none, semi, full) and method: semi-supervision weighs E3
    // by 5 and trains on the Long schedule; full supervision uses the constrained start on the plain
    // images with lambda 0.1; unsupervised DCAE-GMM uses the shared diagonal, the scaled term and
    // lambda 5; unsupervised DCAE-Kmeans keeps the struct's defaults; all report with the Gaussian
    // read-out (bench/README.md has the runs).
    static ClusterConfig defaultsFor(const std::string& supervision, const std::string& method = "dcae-kmeans");

    // The learning rate of an epoch (1-based): lr throughout, or with the cosine schedule lr during
    // warm-up and then annealed so that the last epoch trains at a small fraction of it.
    double learningRateAt(int epoch) const;

    // trainOnReadout where it applies: an unconstrained start (constrained clusters keep their groups).
    bool trainsOnReadout() const;
    // resplitBoundaries where it applies: an unconstrained start.
    bool resplitsBoundaries() const;

    // Throws ConfigError naming the field, what it found and what it expected.
    void validate() const;
    // The parent of every class for semi-supervision: parentMap, or the default for classCount classes.
    std::vector<int64_t> parentsFor(int64_t classCount) const;
    std::string toJson() const;
    // Unknown keys and wrong types are ConfigErrors; missing keys keep their defaults.
    static ClusterConfig fromJson(const std::string& text);
};

// Whether --device cuda can train here: this LibTorch was built with CUDA and sees a GPU.
bool cudaDeviceAvailable();

// The default semi-supervision grouping: the first half of the classes (digits 0-4) -> 0, the rest -> 1.
std::vector<int64_t> defaultParentMap(int64_t classCount);

// A class -> parent mapping from a CSV file with the header "class,parent"; a class is its index or
// its name in classNames. Every class must appear once. Throws DataError naming the file and line.
std::vector<int64_t> readParentMap(const std::filesystem::path& file, const std::vector<std::string>& classNames);

}  // namespace dcs::train
