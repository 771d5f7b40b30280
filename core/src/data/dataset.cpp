#include "dcs/data/dataset.h"

#include <algorithm>
#include <cmath>

#include "dcs/error.h"

namespace dcs::data {

Dataset::Dataset(std::string name, int64_t channels, int64_t height, int64_t width, std::vector<float> pixels,
                 std::vector<int64_t> labels, std::vector<std::string> classNames)
    : m_name(std::move(name)),
      m_channels(channels),
      m_height(height),
      m_width(width),
      m_pixels(std::move(pixels)),
      m_labels(std::move(labels)),
      m_classNames(std::move(classNames)) {
    if (channels <= 0 || height <= 0 || width <= 0)
        throw DataError(m_name + ": expected a positive image shape, found " + std::to_string(channels) + " x " +
                        std::to_string(height) + " x " + std::to_string(width));
    const auto perImage = static_cast<size_t>(imageSize());
    if (m_pixels.size() % perImage != 0)
        throw DataError(m_name + ": " + std::to_string(m_pixels.size()) + " pixel values is not a whole number of " +
                        std::to_string(perImage) + "-value images");
    m_count = static_cast<int64_t>(m_pixels.size() / perImage);
    if (!m_labels.empty() && static_cast<int64_t>(m_labels.size()) != m_count)
        throw DataError(m_name + ": " + std::to_string(m_count) + " images but " + std::to_string(m_labels.size()) +
                        " labels; expected one label per image");
    if (m_labels.empty()) {
        m_classNames.clear();
        return;
    }
    const auto [minIt, maxIt] = std::minmax_element(m_labels.begin(), m_labels.end());
    if (*minIt < 0)
        throw DataError(m_name + ": found label " + std::to_string(*minIt) + "; expected labels >= 0");
    if (m_classNames.empty()) {
        for (int64_t c = 0; c <= *maxIt; ++c) m_classNames.push_back(std::to_string(c));
    } else if (*maxIt >= classCount()) {
        throw DataError(m_name + ": found label " + std::to_string(*maxIt) + "; expected labels below the " +
                        std::to_string(classCount()) + " class names");
    }
}

void Dataset::setClassNames(std::vector<std::string> names) {
    if (!hasLabels()) return;
    const int64_t largest = *std::max_element(m_labels.begin(), m_labels.end());
    if (largest >= static_cast<int64_t>(names.size()))
        throw DataError(m_name + ": found label " + std::to_string(largest) + "; expected labels below the " +
                        std::to_string(names.size()) + " class names");
    m_classNames = std::move(names);
}

std::string Dataset::className(int64_t label) const {
    if (label < 0 || label >= classCount()) return {};
    return m_classNames[static_cast<size_t>(label)];
}

std::vector<int64_t> Dataset::countsPerClass() const {
    std::vector<int64_t> counts(m_classNames.size(), 0);
    for (int64_t label : m_labels) ++counts[static_cast<size_t>(label)];
    return counts;
}

PixelStats Dataset::pixelStats() const {
    PixelStats stats;
    if (m_pixels.empty()) return stats;
    double sum = 0.0, sumSquares = 0.0;
    float lo = m_pixels.front(), hi = m_pixels.front();
    for (float v : m_pixels) {
        sum += v;
        sumSquares += static_cast<double>(v) * v;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    const double n = static_cast<double>(m_pixels.size());
    stats.mean = sum / n;
    stats.stddev = std::sqrt(std::max(0.0, sumSquares / n - stats.mean * stats.mean));
    stats.min = lo;
    stats.max = hi;
    return stats;
}

void Dataset::append(const Dataset& other) {
    if (m_channels != other.m_channels || m_height != other.m_height || m_width != other.m_width)
        throw DataError(m_name + " + " + other.m_name + ": images of different shapes cannot be joined");
    if (hasLabels() != other.hasLabels())
        throw DataError(m_name + " + " + other.m_name + ": only one of them has labels");
    m_pixels.insert(m_pixels.end(), other.m_pixels.begin(), other.m_pixels.end());
    m_labels.insert(m_labels.end(), other.m_labels.begin(), other.m_labels.end());
    if (other.m_classNames.size() > m_classNames.size()) m_classNames = other.m_classNames;
    m_count += other.m_count;
}

Dataset Dataset::subset(const std::vector<int64_t>& indices) const {
    const auto perImage = static_cast<size_t>(imageSize());
    std::vector<float> pixels(indices.size() * perImage);
    std::vector<int64_t> labels;
    labels.reserve(hasLabels() ? indices.size() : 0);
    for (size_t i = 0; i < indices.size(); ++i) {
        const int64_t index = indices[i];
        if (index < 0 || index >= m_count)
            throw DataError(m_name + ": subset index " + std::to_string(index) + " outside 0.." +
                            std::to_string(m_count - 1));
        std::copy_n(image(index), perImage, pixels.begin() + static_cast<std::ptrdiff_t>(i * perImage));
        if (hasLabels()) labels.push_back(label(index));
    }
    Dataset result(m_name, m_channels, m_height, m_width, std::move(pixels), std::move(labels), m_classNames);
    result.setSource(m_source);
    return result;
}

}  // namespace dcs::data
