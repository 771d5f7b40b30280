#pragma once
// Receives a run's progress and snapshots, on the training thread: implementations copy what they
// need and return quickly (the GUI keeps only the latest snapshot).

#include <string>

#include "dcs/train/filter_prune_snapshot.h"
#include "dcs/train/prune_snapshot.h"
#include "dcs/train/snapshot.h"

namespace dcs::train {

class TrainingObserver {
public:
    virtual ~TrainingObserver() = default;
    virtual void onProgress(const TrainingProgress&) {}
    virtual void onSnapshot(const ClusterSnapshot&) {}
    virtual void onPruneSnapshot(const PruneSnapshot&) {}
    virtual void onFilterPruneSnapshot(const FilterPruneSnapshot&) {}
    virtual void onMessage(const std::string&) {}
};

}  // namespace dcs::train
