#pragma once
// Runs a net in eval mode over probe images and gathers, for every unit layer, what the pruning
// criteria score: activations before the ReLU, the fraction of zeros after it, outgoing weights.

#include <torch/types.h>

#include <vector>

#include "dcs/model/classifier_net.h"
#include "dcs/prune/criteria.h"

namespace dcs::prune {

// One LayerProbe per unit layer of the net, in its unitLayers() order. Leaves the net in the
// training mode it found it in.
std::vector<LayerProbe> probeLayers(model::ClassifierNet& net, const torch::Tensor& images, int64_t batchSize = 500);

}  // namespace dcs::prune
