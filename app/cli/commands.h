#pragma once
// The dcstudio-cli subcommands. Each returns the process exit status and throws dcs::Error for bad
// input, which main() prints as "error: ..." with status 2.

#include <string>

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

}  // namespace dcs::cli
