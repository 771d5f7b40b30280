// IDX files (the MNIST family): a big-endian header, then unsigned bytes.
#include <algorithm>
#include <iterator>

#include "dcs/data/loaders.h"
#include "dcs/error.h"
#include "file_bytes.h"

namespace dcs::data {
namespace {

constexpr uint8_t kUnsignedByte = 0x08;

uint32_t bigEndian32(const uint8_t* p) {
    return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | uint32_t{p[3]};
}

std::string hex(uint32_t v) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%08X", v);
    return text;
}

// Checks the magic number (0x00 0x00 0x08 dims) and returns the dimension sizes.
std::vector<int64_t> parseHeader(const std::filesystem::path& file, const std::vector<uint8_t>& bytes,
                                 uint8_t expectedDims, const char* what) {
    const auto expectedMagic = (uint32_t{kUnsignedByte} << 8) | expectedDims;
    if (bytes.size() < 4)
        throw DataError(detail::quoted(file) + ": " + std::to_string(bytes.size()) +
                        " bytes is too short for an IDX header; expected an IDX " + what + " file");
    const uint32_t magic = bigEndian32(bytes.data());
    if (magic != expectedMagic)
        throw DataError(detail::quoted(file) + ": wrong magic number " + hex(magic) + "; expected " +
                        hex(expectedMagic) + " for IDX " + what + " (unsigned bytes, " +
                        std::to_string(expectedDims) + " dimensions)");
    const size_t headerSize = 4 + 4 * size_t{expectedDims};
    if (bytes.size() < headerSize)
        throw DataError(detail::quoted(file) + ": truncated IDX header (" + std::to_string(bytes.size()) +
                        " bytes, expected " + std::to_string(headerSize) + ")");
    std::vector<int64_t> dims;
    for (uint8_t d = 0; d < expectedDims; ++d) dims.push_back(bigEndian32(bytes.data() + 4 + 4 * d));
    return dims;
}

void requireExactSize(const std::filesystem::path& file, size_t actual, size_t expected, const std::string& shape) {
    if (actual == expected) return;
    throw DataError(detail::quoted(file) + ": " + (actual < expected ? "truncated" : "has trailing data") + ": " +
                    std::to_string(actual) + " bytes, expected " + std::to_string(expected) + " for " + shape);
}

}  // namespace

std::filesystem::path idxLabelsFileFor(const std::filesystem::path& imagesFile) {
    std::string name = imagesFile.filename().string();
    const std::string from = "images-idx3-ubyte";
    const auto at = name.find(from);
    if (at == std::string::npos) return {};
    name.replace(at, from.size(), "labels-idx1-ubyte");
    const auto candidate = imagesFile.parent_path() / name;
    std::error_code ec;
    return std::filesystem::is_regular_file(candidate, ec) ? candidate : std::filesystem::path{};
}

IdxHeader readIdxHeader(const std::filesystem::path& imagesFile) {
    const auto dims = parseHeader(imagesFile, detail::readFilePrefix(imagesFile, 16), 3, "images");
    return {dims[0], dims[1], dims[2]};
}

Dataset loadIdx(const std::filesystem::path& imagesFile, const ProgressFn& progress) {
    return loadIdx(imagesFile, idxLabelsFileFor(imagesFile), progress);
}

Dataset loadIdx(const std::filesystem::path& imagesFile, const std::filesystem::path& labelsFile,
                const ProgressFn& progress, int64_t capacityImages) {
    const auto imageBytes = detail::readFileBytes(imagesFile);
    if (progress) progress(0.6);
    const auto dims = parseHeader(imagesFile, imageBytes, 3, "images");
    const int64_t count = dims[0], height = dims[1], width = dims[2];
    if (count == 0 || height == 0 || width == 0)
        throw DataError(detail::quoted(imagesFile) + ": header declares " + std::to_string(count) + " images of " +
                        std::to_string(height) + " x " + std::to_string(width) + "; expected a non-empty data set");
    // A corrupt header can declare sizes whose product overflows; nothing real is near 2^40 bytes.
    if (static_cast<long double>(count) * height * width > 1e12L)
        throw DataError(detail::quoted(imagesFile) + ": header declares " + std::to_string(count) + " images of " +
                        std::to_string(height) + " x " + std::to_string(width) + ", more than any real file holds");
    const size_t pixelCount = static_cast<size_t>(count * height * width);
    requireExactSize(imagesFile, imageBytes.size(), 16 + pixelCount,
                     std::to_string(count) + " images of " + std::to_string(height) + " x " + std::to_string(width));

    std::vector<int64_t> labels;
    if (!labelsFile.empty()) {
        const auto labelBytes = detail::readFileBytes(labelsFile);
        const auto labelDims = parseHeader(labelsFile, labelBytes, 1, "labels");
        if (labelDims[0] != count)
            throw DataError(detail::quoted(labelsFile) + ": " + std::to_string(labelDims[0]) + " labels but " +
                            detail::quoted(imagesFile) + " has " + std::to_string(count) +
                            " images; expected one label per image");
        requireExactSize(labelsFile, labelBytes.size(), 8 + static_cast<size_t>(count),
                         std::to_string(count) + " labels");
        labels.assign(labelBytes.begin() + 8, labelBytes.end());
    }

    std::vector<float> pixels;
    // Reserved, not zero-filled: on a VM with slow page faults touching a buffer twice costs more
    // than converting it.
    pixels.reserve(std::max(pixelCount, static_cast<size_t>(std::max<int64_t>(capacityImages, 0) * height * width)));
    detail::adviseHugePages(pixels.data(), pixels.capacity() * sizeof(float));
    std::transform(imageBytes.begin() + 16, imageBytes.end(), std::back_inserter(pixels),
                   [](uint8_t v) { return static_cast<float>(v) * (1.0f / 255.0f); });
    if (progress) progress(1.0);
    Dataset dataset(imagesFile.filename().string(), 1, height, width, std::move(pixels), std::move(labels));
    dataset.setSource(imagesFile.string() + (labelsFile.empty() ? " (no labels file)" : " + " + labelsFile.filename().string()));
    return dataset;
}

}  // namespace dcs::data
