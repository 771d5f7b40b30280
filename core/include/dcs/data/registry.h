#pragma once
// Resolves a data set specification to a Dataset. A specification is
//   NAME                  a built-in: shapes, mnist, mnist-full[:train|:test], fashion-mnist[:train|:test], cifar10
//   FORMAT:PATH           idx, mnist-json, cifar10, folder, csv, usps (usps.h5; ?split=train|test),
//                         svhn (train_32x32.mat / test_32x32.mat)
// optionally followed by ?key=value&key=value, e.g. "shapes?count=5000&size=32" or
// "folder:/data/pets?size=64&color=1&limit=1000".

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dcs/data/dataset.h"
#include "dcs/data/loaders.h"

namespace dcs::data {

// Where the installed data sets live.
struct DataPaths {
    std::filesystem::path dataDirectory;          // $DCSTUDIO_DATA, else $XDG_DATA_HOME/dcstudio, else ~/.local/share/dcstudio
    std::filesystem::path fashionMnistDirectory;  // $DCSTUDIO_FASHION_MNIST, else the Debian package's directory
    static DataPaths fromEnvironment();
};

struct DatasetSpec {
    std::string head;      // a built-in name or a format
    std::string argument;  // the part after the first ':' (a path, or a split)
    std::map<std::string, std::string> options;
    // Throws DataError for an empty text or a malformed option.
    static DatasetSpec parse(const std::string& text);
};

// The facts of a data set, as listings show them.
struct DatasetInfo {
    std::string name;
    int64_t count = 0;
    int64_t channels = 0;
    int64_t height = 0;
    int64_t width = 0;
    int64_t classes = 0;
    std::string source;
};
DatasetInfo describeDataset(const Dataset& dataset, const std::string& name);

class DatasetRegistry {
public:
    explicit DatasetRegistry(DataPaths paths = DataPaths::fromEnvironment());

    const DataPaths& paths() const { return m_paths; }
    // The built-in names whose data is on this machine, in display order.
    std::vector<std::string> availableNames() const;
    // mnist when installed, otherwise shapes.
    std::string defaultName() const;
    // The FORMAT words accepted before ':'.
    static const std::vector<std::string>& formats();
    // The same as one phrase, "idx, mnist-json, ...", as messages and listings name them.
    static std::string formatNames();

    // Loads (or generates) the data set; throws DataError naming the spec, file or option at fault.
    Dataset load(const std::string& spec, const ProgressFn& progress = {}) const;
    // The facts of a data set; reads only the headers where the format allows it.
    DatasetInfo describe(const std::string& spec) const;
    // True for an installed built-in that comes as its own training and test files (mnist-full,
    // fashion-mnist): SPEC:train and SPEC:test load them.
    bool hasOwnTestSplit(const std::string& spec) const;

private:
    Dataset loadUnfiltered(const DatasetSpec& spec, const std::string& text, const ProgressFn& progress) const;
    // A built-in shipped as the four MNIST-layout IDX files (raw or .gz): train-* and t10k-*.
    struct TrainTestIdx {
        std::filesystem::path directory;
        std::string origin;  // where the files come from, for the "not installed" message
        const std::vector<std::string>& classNames;
        std::filesystem::path file(const std::string& split, const std::string& kind) const;
        bool installed() const;
    };
    std::optional<TrainTestIdx> trainTestIdx(const std::string& head) const;
    bool mnistInstalled() const;
    std::filesystem::path cifar10Directory() const;

    DataPaths m_paths;
};

}  // namespace dcs::data
