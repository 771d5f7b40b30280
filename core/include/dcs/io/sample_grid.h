#pragma once
// A picture of a data set: one row per class (up to rows classes, perRow images each), or the first
// rows x perRow images of an unlabelled set.

#include <filesystem>

#include "dcs/data/dataset.h"

namespace dcs::io {

struct SampleGridOptions {
    int rows = 10;
    int perRow = 10;
    int scale = 2;  // each pixel drawn as scale x scale
};

// Writes a PNG (atomically); throws IoError when it cannot be written, ConfigError for bad options.
void writeSampleGrid(const data::Dataset& dataset, const std::filesystem::path& pngFile,
                     const SampleGridOptions& options = {});

}  // namespace dcs::io
