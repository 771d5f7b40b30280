// A folder of images, one sub-folder per class, read and resized with OpenCV.
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>

#include "dcs/data/loaders.h"
#include "dcs/error.h"
#include "file_bytes.h"
#include "mat_pixels.h"

namespace dcs::data {
namespace {

bool isHidden(const std::filesystem::path& path) { return path.filename().string().rfind('.', 0) == 0; }

// Regular, non-hidden files of a directory, sorted by name so the order never depends on the disk.
std::vector<std::filesystem::path> sortedEntries(const std::filesystem::path& directory, bool wantDirectories) {
    std::vector<std::filesystem::path> entries;
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        if (isHidden(entry.path())) continue;
        if (wantDirectories ? entry.is_directory() : entry.is_regular_file()) entries.push_back(entry.path());
    }
    std::sort(entries.begin(), entries.end());
    return entries;
}

cv::Mat readImage(const std::filesystem::path& file, const ImageFolderOptions& options) {
    cv::Mat image;
    try {
        image = cv::imread(file.string(), options.color ? cv::IMREAD_COLOR : cv::IMREAD_GRAYSCALE);
    } catch (const cv::Exception& e) {
        throw DataError(detail::quoted(file) + ": cannot be decoded (" + e.what() + ")");
    }
    if (image.empty())
        throw DataError(detail::quoted(file) + ": not an image OpenCV can read; expected PNG, JPEG, BMP, TIFF, PPM or WebP");
    if (options.color) cv::cvtColor(image, image, cv::COLOR_BGR2RGB);
    if (image.rows != options.size || image.cols != options.size) {
        const bool shrinking = image.rows > options.size || image.cols > options.size;
        cv::resize(image, image, cv::Size(options.size, options.size), 0, 0,
                   shrinking ? cv::INTER_AREA : cv::INTER_LINEAR);
    }
    return image;
}

}  // namespace

Dataset loadImageFolder(const std::filesystem::path& directory, const ImageFolderOptions& options,
                        const ProgressFn& progress) {
    detail::requireDirectory(directory);
    if (options.size < 1 || options.size > 1024)
        throw ConfigError("size: expected an image size in 1..1024 pixels, found " + std::to_string(options.size));
    const auto classDirs = sortedEntries(directory, true);
    const auto looseFiles = sortedEntries(directory, false);

    // (file, label) pairs; label -1 for an unlabelled folder of images.
    std::vector<std::pair<std::filesystem::path, int64_t>> files;
    std::vector<std::string> classNames;
    if (!classDirs.empty()) {
        if (!looseFiles.empty())
            throw DataError(detail::quoted(looseFiles.front()) +
                            ": a file beside the class folders; expected only one sub-folder per class in " +
                            detail::quoted(directory));
        for (const auto& classDir : classDirs) {
            const auto members = sortedEntries(classDir, false);
            if (members.empty())
                throw DataError(detail::quoted(classDir) + ": empty class folder; expected at least one image");
            for (const auto& file : members) files.emplace_back(file, static_cast<int64_t>(classNames.size()));
            classNames.push_back(classDir.filename().string());
        }
    } else {
        if (looseFiles.empty())
            throw DataError(detail::quoted(directory) + ": empty folder; expected one sub-folder of images per class");
        for (const auto& file : looseFiles) files.emplace_back(file, -1);
    }

    const int channels = options.color ? 3 : 1;
    std::vector<float> pixels;
    pixels.reserve(files.size() * static_cast<size_t>(channels * options.size * options.size));
    std::vector<int64_t> labels;
    for (size_t i = 0; i < files.size(); ++i) {
        detail::appendPlanes(readImage(files[i].first, options), pixels);
        if (files[i].second >= 0) labels.push_back(files[i].second);
        if (progress && (i % 64 == 0 || i + 1 == files.size()))
            progress(static_cast<double>(i + 1) / static_cast<double>(files.size()));
    }
    Dataset dataset(detail::baseName(directory), channels, options.size, options.size, std::move(pixels),
                    std::move(labels), std::move(classNames));
    dataset.setSource(directory.string() + " (image folder, " + std::to_string(options.size) + " px, " +
                      (options.color ? "colour" : "grayscale") + ")");
    return dataset;
}

}  // namespace dcs::data
