#pragma once
// Majority-vote neuron pruning during training (METHODS.md, M3), and the one-shot and ablation
// modes that compare it with the baseline criteria. Runs on whatever thread calls run(); reads its
// RunControl between batches and hands its observer a PruneSnapshot after every epoch.
//
// Schedule "during": train from scratch; every `every` epochs, if validation accuracy has recovered
// since the last pruning event (mayPruneAgain), score the units of every prunable layer on a probe
// set and keep ceil((1 - rate) * alive) of them (at least minUnits). Pruned units are masked while training;
// at the end the net is compacted into physically smaller layers with the same outputs.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dcs/data/dataset.h"
#include "dcs/train/observer.h"
#include "dcs/train/prune_config.h"
#include "dcs/train/run_control.h"

namespace dcs::model {
class ClassifierNetImpl;
}

namespace dcs::train {

// The three parts a pruning run uses: training (the net learns from it; the criteria probe it),
// validation (the pruning decision) and test (the reported accuracy).
struct PruneData {
    data::Dataset train, validation, test;
};

// Splits a labelled data set: testFraction of it for testing unless `test` is given, then
// validationFraction of the rest for validation; limit (stratified) applies to the training part.
// Throws ConfigError when the data set has no labels or too few images.
PruneData splitForPruning(const data::Dataset& pool, const data::Dataset* test, const PruneConfig& config);

struct PruneRunResult {
    using Status = RunStatus;
    Status status = Status::Finished;
    std::string message;
    int epochsCompleted = 0;
    int pruningEvents = 0;
    double trainAccuracy = 0.0, validationAccuracy = 0.0, testAccuracy = 0.0;
    int64_t parametersBefore = 0, parametersAfter = 0;  // the dense architecture, the compacted net
    int64_t macsBefore = 0, macsAfter = 0;              // per image
    double latencyBatch1BeforeMs = 0.0, latencyBatch1AfterMs = 0.0;
    double latencyBatch256BeforeMs = 0.0, latencyBatch256AfterMs = 0.0;
    std::vector<int64_t> widthsBefore, widthsAfter;     // per unit layer
    std::vector<uint8_t> testCorrect;  // per test image, whether the final net got it right (1 or 0), for paired tests
    double seconds = 0.0;
};

// The check of the "during" schedule: validation accuracy at least its value just after the last
// event, less the tolerance. A tie counts as recovered: once the net has settled, the accuracy on a
// few hundred validation images often repeats exactly, and requiring a strict gain then stopped
// pruning by chance (mnist, 800 validation digits: three seeds of five stalled at 12-30 % of the
// weights; with ties counted all five reach 9.1 %).
bool mayPruneAgain(double validationAccuracy, double accuracyAfterLastEvent, double tolerance);

// The summary as summary.json holds it and `prune --json` prints it. With the dense net trained with
// the same budget, also its accuracy and the two paired on the same test images.
std::string pruneSummaryJson(const PruneConfig& config, const PruneRunResult& result,
                             const PruneRunResult* dense = nullptr);

// "dense alone right on A, pruned alone on B, p P": the pruned net against the dense one on the same
// test images (McNemar's exact test).
std::string densePairingText(const PruneRunResult& pruned, const PruneRunResult& dense);

// Median wall time of a forward pass (eval, no gradients) of `batch` random images, in ms.
double measureLatencyMs(model::ClassifierNetImpl& net, int64_t batch, int repeats);

class PruneTrainer {
public:
    // The data must outlive the trainer. runFolder empty: nothing is written. Throws ConfigError
    // naming the field when the config does not fit the data.
    PruneTrainer(PruneConfig config, const PruneData& data, std::filesystem::path runFolder = {});
    ~PruneTrainer();
    PruneTrainer(const PruneTrainer&) = delete;
    PruneTrainer& operator=(const PruneTrainer&) = delete;

    const PruneConfig& config() const;
    PruneRunResult run(TrainingObserver* observer = nullptr, RunControl* control = nullptr);
    // The net as trained (masked), and its compacted form (after run()).
    std::shared_ptr<model::ClassifierNetImpl> net() const;
    std::shared_ptr<model::ClassifierNetImpl> compactNet() const;
    // The dense net this run is compared with, trained before it: its summary.json then pairs the two.
    void compareWith(const PruneRunResult& dense);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// A pruning run as the CLI and the app start it: with config.denseBaseline (and a schedule other than
// "none"), first the dense net trained with the same settings and epochs, then the pruning run, so that
// the pruned net is judged against it (the target of METHODS.md's M3). The dense run reports to
// denseObserver and writes to runFolder/dense; the pruning run to prunedObserver and runFolder, whose
// summary.json then also pairs the two on the same test images. A dense run that fails or is stopped
// leaves the pruning run untried (pruned.epochsCompleted 0, pruned.status the dense run's).
struct PruneComparison {
    std::optional<PruneRunResult> dense;
    PruneRunResult pruned;
};
PruneComparison runPruneComparedWithDense(const PruneConfig& config, const PruneData& data,
                                          const std::filesystem::path& runFolder, TrainingObserver* denseObserver,
                                          TrainingObserver* prunedObserver, RunControl* control = nullptr);

// The paper's ablation: train the dense net once, then for every criterion keep the fraction `keep`
// of the units of one prunable layer (each in turn) or of all of them, and measure test accuracy
// (no retraining). Rows are ordered by criterion, then layer ("1", "2", ..., "all"). Each row is
// also paired with the vote row of the same layer on the same test images: the images only one of
// the two gets right, and McNemar's exact p-value (a few test images either way are chance).
struct AblationRow {
    std::string criterion;
    std::string layer;
    double accuracy = 0.0;
    int64_t onlyVoteRight = 0;  // test images the vote row gets right and this one wrong
    int64_t onlyThisRight = 0;  // and the other way round
    double pVersusVote = 1.0;
};
struct AblationResult {
    double denseAccuracy = 0.0;
    double keep = 0.0;
    std::vector<std::string> layerNames;  // the prunable layers, in order
    std::vector<AblationRow> rows;
    bool stopped = false;
};
AblationResult runPruneAblation(const PruneConfig& config, const PruneData& data, double keep,
                                TrainingObserver* observer = nullptr, RunControl* control = nullptr);
std::string ablationJson(const PruneConfig& config, const AblationResult& result);

}  // namespace dcs::train
