#include "dcs/io/sample_grid.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "dcs/error.h"
#include "dcs/io/atomic_file.h"

namespace dcs::io {
namespace {

// One image as an 8-bit BGR tile (grayscale repeated; other channel counts show their first channel).
cv::Mat tileOf(const data::Dataset& dataset, int64_t index) {
    const int h = static_cast<int>(dataset.height()), w = static_cast<int>(dataset.width());
    const float* pixels = dataset.image(index);
    const size_t plane = static_cast<size_t>(h) * w;
    cv::Mat tile(h, w, CV_8UC3);
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const size_t at = static_cast<size_t>(y) * w + x;
            auto byte = [&](int64_t c) { return cv::saturate_cast<uint8_t>(pixels[c * plane + at] * 255.0f); };
            const bool rgb = dataset.channels() == 3;
            tile.at<cv::Vec3b>(y, x) = rgb ? cv::Vec3b(byte(2), byte(1), byte(0)) : cv::Vec3b(byte(0), byte(0), byte(0));
        }
    }
    return tile;
}

std::vector<std::vector<int64_t>> chooseRows(const data::Dataset& dataset, const SampleGridOptions& options) {
    std::vector<std::vector<int64_t>> rows;
    if (dataset.hasLabels()) {
        rows.resize(static_cast<size_t>(std::min<int64_t>(dataset.classCount(), options.rows)));
        for (int64_t i = 0; i < dataset.size(); ++i) {
            const auto label = static_cast<size_t>(dataset.label(i));
            if (label < rows.size() && rows[label].size() < static_cast<size_t>(options.perRow)) rows[label].push_back(i);
        }
    } else {
        for (int64_t i = 0; i < dataset.size() && i < int64_t{options.rows} * options.perRow; ++i) {
            if (i % options.perRow == 0) rows.emplace_back();
            rows.back().push_back(i);
        }
    }
    return rows;
}

}  // namespace

void writeSampleGrid(const data::Dataset& dataset, const std::filesystem::path& pngFile,
                     const SampleGridOptions& options) {
    if (options.rows < 1 || options.perRow < 1 || options.scale < 1 || options.scale > 16)
        throw ConfigError("grid: expected rows >= 1, perRow >= 1 and scale in 1..16");
    if (dataset.empty()) throw ConfigError("grid: the data set has no images to draw");
    const auto rows = chooseRows(dataset, options);
    const int gap = 2;
    const int tileH = static_cast<int>(dataset.height()) * options.scale;
    const int tileW = static_cast<int>(dataset.width()) * options.scale;
    cv::Mat grid(gap + static_cast<int>(rows.size()) * (tileH + gap), gap + options.perRow * (tileW + gap), CV_8UC3,
                 cv::Scalar(64, 64, 64));
    for (size_t r = 0; r < rows.size(); ++r) {
        for (size_t c = 0; c < rows[r].size(); ++c) {
            cv::Mat tile;
            cv::resize(tileOf(dataset, rows[r][c]), tile, cv::Size(tileW, tileH), 0, 0, cv::INTER_NEAREST);
            tile.copyTo(grid(cv::Rect(gap + static_cast<int>(c) * (tileW + gap), gap + static_cast<int>(r) * (tileH + gap),
                                      tileW, tileH)));
        }
    }
    std::vector<uint8_t> png;
    if (!cv::imencode(".png", grid, png)) throw IoError("'" + pngFile.string() + "': PNG encoding failed");
    writeFileAtomically(pngFile, png);
}

}  // namespace dcs::io
