#pragma once
// Data set images as QImages for display (views never see tensors).

#include <QImage>

#include "dcs/data/dataset.h"

namespace dcs::ui {

// 8-bit grayscale for 1 channel, RGB for 3; any other channel count shows its first channel.
// The QImage owns its pixels.
QImage imageAt(const dcs::data::Dataset& dataset, int64_t index);

}  // namespace dcs::ui
