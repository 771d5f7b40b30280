#pragma once
// The dcstudio-cli subcommands. Each returns the process exit status and throws dcs::Error for bad
// input, which main() prints as "error: ..." with status 2.

#include <string>

#include "dcs/cluster/pixel_baseline.h"

namespace dcs::cli {

struct DatasetsOptions {
    bool json = false;
};
int runDatasets(const DatasetsOptions& options);

struct InspectOptions {
    std::string dataset;
    std::string gridFile;  // empty: no grid
    bool json = false;
};
int runInspect(const InspectOptions& options);

struct BaselineOptions {
    std::string dataset;
    cluster::PixelBaselineOptions baseline;
    bool json = false;
};
int runBaseline(const BaselineOptions& options);

}  // namespace dcs::cli
