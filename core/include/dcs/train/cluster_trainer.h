#pragma once
// DeepCluster (M1): a convolutional auto-encoder trained jointly with k-means (DCAE-Kmeans) or a
// Gaussian mixture (DCAE-GMM) on its latent codes. Runs on whatever thread calls run(); reads its
// RunControl between batches and hands its observer a Snapshot after every epoch.
//
// Each epoch: mini-batch steps on E1 + E2 with every sample's cluster held fixed; then encode all
// samples, reassign them and update the centres (GMM: one E-step and M-step); cluster ids are matched
// to the previous epoch's so they stay stable. With a run folder, every epoch also writes
// metrics.csv and a checkpoint from which resume() continues exactly as an uninterrupted run would.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dcs/data/dataset.h"
#include "dcs/train/cluster_config.h"
#include "dcs/train/observer.h"
#include "dcs/train/run_control.h"

namespace dcs::train {

struct ClusterRunResult {
    using Status = RunStatus;
    Status status = Status::Finished;
    std::string message;  // why it stopped or failed
    int epochsCompleted = 0;
    int64_t samples = 0;
    std::optional<double> acc, nmi, ari;  // of the config's read-out
    // The same with every image at its nearest centre (DCAE-GMM: its most responsible component), the
    // papers' rule, when the read-out is gaussian.
    std::optional<double> accNearest, nmiNearest, ariNearest;
    double seconds = 0.0;          // wall time of this run() call
    double trainingSeconds = 0.0;  // in the batch loops, over all epochs (resumed ones included)
    double imagesPerSecond = 0.0;  // training throughput over all epochs
    int64_t parameters = 0;
    int64_t macsPerImage = 0;      // one forward pass
    int64_t labelled = 0;          // images whose label (or parent) the supervision term used
    std::vector<int64_t> assignments;
};

// The run's summary as the JSON object summary.json holds (and the CLI prints): dataset, n, method,
// preset, epochs, status, message, acc, nmi, ari, readout, nearest (acc, nmi, ari with the nearest
// centre, when the read-out is gaussian), seconds, images_per_second, parameters, ...
std::string runSummaryJson(const ClusterConfig& config, const ClusterRunResult& result);

class ClusterTrainer {
public:
    // The data set must outlive the trainer. runFolder empty: nothing is written. Throws ConfigError
    // naming the field when the config does not fit the data (K > N, a latent size the preset
    // cannot take, an unavailable device, ...).
    ClusterTrainer(ClusterConfig config, const data::Dataset& dataset, std::filesystem::path runFolder = {});
    ~ClusterTrainer();
    ClusterTrainer(const ClusterTrainer&) = delete;
    ClusterTrainer& operator=(const ClusterTrainer&) = delete;

    // The config saved in a run folder; throws DataError when it is missing or unreadable.
    static ClusterConfig readConfig(const std::filesystem::path& runFolder);
    // Continues the run in runFolder from its last checkpoint, up to `epochs` (0: the saved number),
    // reporting with `readout` (empty: the saved one; only the reporting depends on it). A run with no
    // epoch left reports the checkpoint's results again.
    static std::unique_ptr<ClusterTrainer> resume(const std::filesystem::path& runFolder, const data::Dataset& dataset,
                                                  int epochs = 0, const std::string& readout = {});

    const ClusterConfig& config() const;
    int epochsCompleted() const;
    ClusterRunResult run(TrainingObserver* observer = nullptr, RunControl* control = nullptr);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

}  // namespace dcs::train
