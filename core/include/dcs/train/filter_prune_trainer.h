#pragma once
// CNN filter pruning by relevance (METHODS.md, M4) and its baselines. A run trains the dense net
// (SGD, cosine learning rate), scores the filters of every prunable conv with the chosen criterion,
// keeps the same share of each layer, chosen so the FLOPs fall by the requested fraction, builds the
// physically smaller net, re-fits the layer after every pruned conv by least squares, fine-tunes
// it, and measures both nets' parameters, FLOPs, accuracy and CPU latency.
// Runs on whatever thread calls it; reads its RunControl between batches.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "dcs/train/filter_prune_config.h"
#include "dcs/train/filter_prune_snapshot.h"
#include "dcs/train/observer.h"
#include "dcs/train/prune_trainer.h"
#include "dcs/train/run_control.h"

namespace dcs::model {
class FilterNetImpl;
struct FilterNetSpec;
}

namespace dcs::train {

// Training / validation / test parts, as splitForPruning makes them.
PruneData splitForFilterPruning(const data::Dataset& pool, const data::Dataset* test, const FilterPruneConfig& config);

// Every criterion's name, in the order tables list them (relevance first).
std::vector<std::string> filterCriterionNames();

struct FilterPruneResult {
    using Status = RunStatus;
    Status status = Status::Finished;
    std::string message;
    FilterPruneSummary summary;
    double seconds = 0.0;
};

// As summary.json holds it and `prune-filters --json` prints it (the keys of `prune --json`).
std::string filterPruneSummaryJson(const FilterPruneConfig& config, const FilterPruneResult& result);

class FilterPruneTrainer {
public:
    // The data must outlive the trainer. runFolder empty: nothing is written. Throws ConfigError
    // naming the field when the config does not fit the data.
    FilterPruneTrainer(FilterPruneConfig config, const PruneData& data, std::filesystem::path runFolder = {});
    ~FilterPruneTrainer();
    FilterPruneTrainer(const FilterPruneTrainer&) = delete;
    FilterPruneTrainer& operator=(const FilterPruneTrainer&) = delete;

    FilterPruneResult run(TrainingObserver* observer = nullptr, RunControl* control = nullptr);

    // The same trained dense net pruned by every criterion in turn, each fine-tuned alike. Each row
    // is paired with the first (relevance, in filterCriterionNames' order) on the same test images
    // after fine-tuning: the images only one of the two gets right, and McNemar's exact p-value.
    struct ComparisonRow {
        std::string criterion;
        FilterPruneSummary summary;
        int64_t onlyFirstRight = 0;  // test images the first row's net gets right and this one wrong
        int64_t onlyThisRight = 0;   // and the other way round
        double pVersusFirst = 1.0;
    };
    struct Comparison {
        std::vector<ComparisonRow> rows;
        bool stopped = false;
        std::string message;
    };
    Comparison compare(const std::vector<std::string>& criteria, TrainingObserver* observer = nullptr,
                       RunControl* control = nullptr);

    // Changes how the (already trained or not) net is pruned and fine-tuned: criterion, FLOPs
    // reduction, fine-tuning, re-estimation, relevance thresholds, minimum filters. The dense
    // training settings stay. Throws ConfigError naming the field.
    void setPruningSettings(const FilterPruneConfig& settings);

    // The trained dense net to a file, and back into a trainer of the same net, width and data shape;
    // a loaded net is not trained again by run or compare (comparing criteria, or variants of one,
    // on a dense net trained once). load throws ConfigError naming the file when it does not fit.
    void saveDenseNet(const std::filesystem::path& file) const;
    void loadDenseNet(const std::filesystem::path& file);

    std::shared_ptr<model::FilterNetImpl> denseNet() const;
    std::shared_ptr<model::FilterNetImpl> prunedNet() const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

std::string filterComparisonJson(const FilterPruneConfig& config, const FilterPruneTrainer::Comparison& comparison);
// The comparison's pairing as text: a heading, then a line per criterion after the first, e.g.
// "  l1         relevance alone right on 212, l1 alone on 238, p 0.24". Empty without rows.
std::string comparisonPairingText(const FilterPruneTrainer::Comparison& comparison);

}  // namespace dcs::train
