#pragma once
// Writes small data set files for the tests, in the real formats, so every loader and every bad
// input is tested on files the test made itself.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace dcs::test {

using Bytes = std::vector<uint8_t>;

void writeBytes(const std::filesystem::path& file, const Bytes& bytes);
void writeText(const std::filesystem::path& file, const std::string& text);
Bytes gzipped(const Bytes& bytes);

// IDX images (count x height x width, pixel i = (i * 7) % 256) and labels (i % classes).
Bytes idxImages(uint32_t count, uint32_t height, uint32_t width);
Bytes idxLabels(uint32_t count, uint32_t classes = 10);

// DIR/0.json .. DIR/9.json with perDigit images each; pixel values digit / 10.
void writeMnistJson(const std::filesystem::path& directory, int perDigit);

// A CIFAR-10 batch of records with labels i % 10 and pixel bytes (i + j) % 256.
Bytes cifarBatch(int records);

// A PNG of size x size, filled with value (gray) or (value, 0, 255 - value) (colour).
void writePng(const std::filesystem::path& file, int size, int value, bool color = false);

// A fake fashion-mnist or mnist-full directory (IDX files, gzipped or raw, train and t10k) with the
// given counts of 28 x 28 images.
void writeTrainTestIdx(const std::filesystem::path& directory, uint32_t trainCount, uint32_t testCount,
                       bool gzip = true);

}  // namespace dcs::test
