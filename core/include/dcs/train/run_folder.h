#pragma once
// Reading a run folder back (config.json, metrics.csv, summary.json), so a finished run can be
// looked at again and compared with others.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "dcs/train/cluster_config.h"
#include "dcs/train/snapshot.h"

namespace dcs::train {

struct RunRecord {
    std::filesystem::path folder;
    ClusterConfig config;
    std::vector<EpochMetrics> history;  // from metrics.csv
    std::string status;                 // from summary.json; "incomplete" when there is none
    std::optional<double> acc, nmi, ari;
    double seconds = 0.0;
};

// Throws DataError naming the file when the folder is not a readable run folder.
RunRecord loadRunFolder(const std::filesystem::path& folder);

// The rows of a metrics.csv; throws DataError naming the file and line for a malformed row.
std::vector<EpochMetrics> readMetricsCsv(const std::filesystem::path& file);

}  // namespace dcs::train
