#pragma once
// The trained auto-encoder of a DeepCluster run folder, rebuilt from its config.json for the given
// data set and loaded from its checkpoint (defined beside the trainer, which writes the checkpoint).

#include <filesystem>

#include "dcs/data/dataset.h"
#include "dcs/model/conv_autoencoder.h"

namespace dcs::train {

// Throws DataError naming the folder or file when there is no run, no checkpoint, or weights that
// do not fit the data set's image size.
model::ConvAutoencoder loadCheckpointAutoencoder(const std::filesystem::path& runFolder, const data::Dataset& dataset);

}  // namespace dcs::train
