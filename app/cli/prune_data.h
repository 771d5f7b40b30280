#pragma once
// Loading the labelled data a pruning command trains and tests on, shared by prune,
// prune-ablation and prune-filters.

#include <functional>
#include <string>

#include "dcs/data/dataset.h"
#include "dcs/train/prune_trainer.h"

namespace dcs::cli {

using PruneSplit = std::function<train::PruneData(const data::Dataset& pool, const data::Dataset* test)>;

// mnist-full and fashion-mnist without --test use their own train and test files, as the papers do; other data
// sets are split by `split` (test == nullptr) unless testSpec names a test set.
train::PruneData loadPruneData(const std::string& dataset, const std::string& testSpec, const PruneSplit& split);

}  // namespace dcs::cli
