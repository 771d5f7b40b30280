// CIFAR-10 binary batches: records of 1 label byte + 3072 bytes (R, G and B planes of 32 x 32).
#include <algorithm>
#include <fstream>
#include <regex>

#include "dcs/data/loaders.h"
#include "dcs/error.h"
#include "file_bytes.h"

namespace dcs::data {
namespace {

constexpr int64_t kSide = 32;
constexpr size_t kPixelsPerImage = 3 * kSide * kSide;
constexpr size_t kRecordSize = 1 + kPixelsPerImage;

std::vector<std::string> defaultClassNames() {
    return {"airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"};
}

// batches.meta.txt, when present, names the classes one per line.
std::vector<std::string> classNamesIn(const std::filesystem::path& directory) {
    std::ifstream meta(directory / "batches.meta.txt");
    std::vector<std::string> names;
    for (std::string line; std::getline(meta, line);) {
        line.erase(std::find_if(line.rbegin(), line.rend(), [](unsigned char c) { return !std::isspace(c); }).base(),
                   line.end());
        if (!line.empty()) names.push_back(line);
    }
    return names.size() == 10 ? names : defaultClassNames();
}

std::vector<std::filesystem::path> batchFiles(const std::filesystem::path& directory) {
    static const std::regex trainBatch(R"(data_batch_(\d+)\.bin)");
    std::vector<std::pair<int, std::filesystem::path>> train;
    std::filesystem::path test;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        const std::string name = entry.path().filename().string();
        std::smatch match;
        if (std::regex_match(name, match, trainBatch)) train.emplace_back(std::stoi(match[1]), entry.path());
        else if (name == "test_batch.bin") test = entry.path();
    }
    std::sort(train.begin(), train.end());
    std::vector<std::filesystem::path> files;
    for (const auto& [number, path] : train) files.push_back(path);
    if (!test.empty()) files.push_back(test);
    return files;
}

}  // namespace

Dataset loadCifar10(const std::filesystem::path& directory, const ProgressFn& progress) {
    detail::requireDirectory(directory);
    const auto files = batchFiles(directory);
    if (files.empty())
        throw DataError(detail::quoted(directory) +
                        ": no CIFAR-10 batches; expected data_batch_1.bin ... data_batch_5.bin and/or test_batch.bin");
    std::vector<float> pixels;
    std::vector<int64_t> labels;
    for (size_t f = 0; f < files.size(); ++f) {
        const auto bytes = detail::readFileBytes(files[f]);
        if (bytes.empty() || bytes.size() % kRecordSize != 0)
            throw DataError(detail::quoted(files[f]) + ": " + std::to_string(bytes.size()) +
                            " bytes; expected a positive multiple of 3073 (1 label byte + 32 x 32 x 3 pixels per image)");
        const size_t records = bytes.size() / kRecordSize;
        pixels.reserve(pixels.size() + records * kPixelsPerImage);
        for (size_t r = 0; r < records; ++r) {
            const uint8_t* record = bytes.data() + r * kRecordSize;
            if (record[0] > 9)
                throw DataError(detail::quoted(files[f]) + ": record " + std::to_string(r) + " has label " +
                                std::to_string(record[0]) + "; expected 0..9");
            labels.push_back(record[0]);
            for (size_t i = 1; i < kRecordSize; ++i) pixels.push_back(static_cast<float>(record[i]) * (1.0f / 255.0f));
        }
        if (progress) progress(static_cast<double>(f + 1) / static_cast<double>(files.size()));
    }
    Dataset dataset("cifar10", 3, kSide, kSide, std::move(pixels), std::move(labels), classNamesIn(directory));
    dataset.setSource(directory.string() + " (" + std::to_string(files.size()) + " CIFAR-10 batch files)");
    return dataset;
}

}  // namespace dcs::data
