#pragma once
// The dcstudio-cli subcommands. Each returns the process exit status and throws dcs::Error for bad
// input, which main() prints as "error: ..." with status 2.

#include <cstdint>
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

struct BaselineOptions {
    std::string dataset;
    std::string method = "kmeans";
    std::string covariance = "diag";
    int64_t clusters = 0;
    int64_t pca = 0;
    int restarts = 4;
    uint64_t seed = 1;
    int threads = 0;
    bool json = false;
};
int runBaseline(const BaselineOptions& options);

}  // namespace dcs::cli
