#pragma once
// An in-memory data set: N images of C x H x W floats in [0,1], stored contiguously (NCHW), with
// optional integer labels in [0, classCount). Plain C++ so that the GUI can include it without torch.

#include <cstdint>
#include <string>
#include <vector>

namespace dcs::data {

struct PixelStats {
    double mean = 0.0;
    double stddev = 0.0;
    double min = 0.0;
    double max = 0.0;
};

class Dataset {
public:
    Dataset() = default;
    // Throws DataError when pixels or labels do not match the shape, or a label is out of range.
    // Without class names, labels get the names "0", "1", ... up to the largest label.
    Dataset(std::string name, int64_t channels, int64_t height, int64_t width, std::vector<float> pixels,
            std::vector<int64_t> labels = {}, std::vector<std::string> classNames = {});

    const std::string& name() const { return m_name; }
    void setName(std::string name) { m_name = std::move(name); }
    // Where the data came from (a path, a generator and its settings), for humans.
    const std::string& source() const { return m_source; }
    void setSource(std::string source) { m_source = std::move(source); }

    int64_t size() const { return m_count; }
    bool empty() const { return m_count == 0; }
    int64_t channels() const { return m_channels; }
    int64_t height() const { return m_height; }
    int64_t width() const { return m_width; }
    int64_t imageSize() const { return m_channels * m_height * m_width; }

    const std::vector<float>& pixels() const { return m_pixels; }
    const float* image(int64_t index) const { return m_pixels.data() + index * imageSize(); }

    bool hasLabels() const { return !m_labels.empty(); }
    const std::vector<int64_t>& labels() const { return m_labels; }
    int64_t label(int64_t index) const { return m_labels[static_cast<size_t>(index)]; }

    const std::vector<std::string>& classNames() const { return m_classNames; }
    // Names the classes; throws DataError when there are fewer names than labels need.
    void setClassNames(std::vector<std::string> names);
    int64_t classCount() const { return static_cast<int64_t>(m_classNames.size()); }
    // The class name of a label; "" for an unlabelled data set.
    std::string className(int64_t label) const;

    // Images per class (index = label); empty when there are no labels.
    std::vector<int64_t> countsPerClass() const;
    PixelStats pixelStats() const;

    // The images at the given indices, in that order, with their labels and class names.
    Dataset subset(const std::vector<int64_t>& indices) const;
    // Adds other's images (and labels) after this one's; same image shape and both or neither
    // labelled, else DataError. Keeps the longer list of class names. Uses the pixel buffer's spare
    // capacity, so a loader that reserved room for both copies nothing twice.
    void append(const Dataset& other);

private:
    std::string m_name;
    std::string m_source;
    int64_t m_count = 0;
    int64_t m_channels = 0;
    int64_t m_height = 0;
    int64_t m_width = 0;
    std::vector<float> m_pixels;
    std::vector<int64_t> m_labels;
    std::vector<std::string> m_classNames;
};

}  // namespace dcs::data
