#include "ui/data/image_conversion.h"

#include <algorithm>

namespace dcs::ui {
namespace {
uchar toByte(float v) { return static_cast<uchar>(std::clamp(v, 0.0f, 1.0f) * 255.0f + 0.5f); }
}  // namespace

QImage imageAt(const dcs::data::Dataset& dataset, int64_t index) {
    return imageFromPlanes(dataset.image(index), dataset.channels(), dataset.height(), dataset.width());
}

QImage imageFromPlanes(const float* pixels, int64_t channels, int64_t height, int64_t width) {
    const int w = static_cast<int>(width), h = static_cast<int>(height);
    const size_t plane = static_cast<size_t>(w) * h;
    const bool rgb = channels == 3;
    QImage image(w, h, rgb ? QImage::Format_RGB888 : QImage::Format_Grayscale8);
    for (int y = 0; y < h; ++y) {
        uchar* line = image.scanLine(y);  // rows are padded to 4 bytes: always go through scanLine
        for (int x = 0; x < w; ++x) {
            const size_t at = static_cast<size_t>(y) * w + x;
            if (rgb) {
                for (int c = 0; c < 3; ++c) line[3 * x + c] = toByte(pixels[c * plane + at]);
            } else {
                line[x] = toByte(pixels[at]);
            }
        }
    }
    return image;
}

}  // namespace dcs::ui
