#pragma once
// Data set images as QImages for display (views never see tensors).

#include <QImage>

#include "dcs/data/dataset.h"

namespace dcs::ui {

// 8-bit grayscale for 1 channel, RGB for 3; any other channel count shows its first channel.
// The QImage owns its pixels.
QImage imageAt(const dcs::data::Dataset& dataset, int64_t index);
// The same for C x H x W floats in [0,1] (a reconstruction, say).
QImage imageFromPlanes(const float* pixels, int64_t channels, int64_t height, int64_t width);

}  // namespace dcs::ui
