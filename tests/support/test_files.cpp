#include "test_files.h"

#include <opencv2/imgcodecs.hpp>
#include <zlib.h>

#include <fstream>
#include <stdexcept>

namespace dcs::test {
namespace {
void appendBigEndian(Bytes& bytes, uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) bytes.push_back(static_cast<uint8_t>(v >> shift));
}
}  // namespace

void writeBytes(const std::filesystem::path& file, const Bytes& bytes) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

void writeText(const std::filesystem::path& file, const std::string& text) {
    writeBytes(file, Bytes(text.begin(), text.end()));
}

Bytes gzipped(const Bytes& bytes) {
    z_stream stream{};
    // windowBits 15 + 16: write a gzip header and trailer rather than a zlib one.
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("deflateInit2 failed");
    Bytes out(deflateBound(&stream, bytes.size()) + 32);
    stream.next_in = const_cast<Bytef*>(bytes.data());
    stream.avail_in = static_cast<uInt>(bytes.size());
    stream.next_out = out.data();
    stream.avail_out = static_cast<uInt>(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

Bytes idxImages(uint32_t count, uint32_t height, uint32_t width) {
    Bytes bytes{0, 0, 0x08, 0x03};
    appendBigEndian(bytes, count);
    appendBigEndian(bytes, height);
    appendBigEndian(bytes, width);
    for (uint64_t i = 0; i < uint64_t{count} * height * width; ++i) bytes.push_back(static_cast<uint8_t>((i * 7) % 256));
    return bytes;
}

Bytes idxLabels(uint32_t count, uint32_t classes) {
    Bytes bytes{0, 0, 0x08, 0x01};
    appendBigEndian(bytes, count);
    for (uint32_t i = 0; i < count; ++i) bytes.push_back(static_cast<uint8_t>(i % classes));
    return bytes;
}

void writeMnistJson(const std::filesystem::path& directory, int perDigit) {
    for (int digit = 0; digit < 10; ++digit) {
        std::string text = "{\"data\": [";
        for (int i = 0; i < perDigit * 784; ++i) text += (i ? "," : "") + std::to_string(digit / 10.0);
        writeText(directory / (std::to_string(digit) + ".json"), text + "]}");
    }
}

Bytes cifarBatch(int records) {
    Bytes bytes;
    for (int i = 0; i < records; ++i) {
        bytes.push_back(static_cast<uint8_t>(i % 10));
        for (int j = 0; j < 3072; ++j) bytes.push_back(static_cast<uint8_t>((i + j) % 256));
    }
    return bytes;
}

void writePng(const std::filesystem::path& file, int size, int value, bool color) {
    std::filesystem::create_directories(file.parent_path());
    const cv::Mat image = color ? cv::Mat(size, size, CV_8UC3, cv::Scalar(255 - value, 0, value))  // BGR
                                : cv::Mat(size, size, CV_8UC1, cv::Scalar(value));
    if (!cv::imwrite(file.string(), image)) throw std::runtime_error("cannot write " + file.string());
}

void writeTrainTestIdx(const std::filesystem::path& directory, uint32_t trainCount, uint32_t testCount, bool gzip) {
    auto write = [&](const std::string& stem, const Bytes& bytes) {
        if (gzip)
            writeBytes(directory / (stem + ".gz"), gzipped(bytes));
        else
            writeBytes(directory / stem, bytes);
    };
    write("train-images-idx3-ubyte", idxImages(trainCount, 28, 28));
    write("train-labels-idx1-ubyte", idxLabels(trainCount));
    write("t10k-images-idx3-ubyte", idxImages(testCount, 28, 28));
    write("t10k-labels-idx1-ubyte", idxLabels(testCount));
}

}  // namespace dcs::test
