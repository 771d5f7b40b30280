#pragma once
// Compensating for removed filters (METHODS.md, M4 step 7): after the filters of a conv go, the
// layer that read them (the next conv, or the FC head) is re-fitted by least squares on the kept
// channels so that its outputs on sampled positions of probe images match the unpruned net's.
// Layers are re-fitted in order, each on the inputs the already re-fitted pruned net produces, so
// errors do not pile up. The fit is ridge-regularised towards the plainly pruned weights.

#include <torch/types.h>

#include <cstdint>
#include <vector>

#include "dcs/model/filter_net.h"

namespace dcs::prune {

struct ReestimationOptions {
    int64_t positionsPerImage = 16;  // sampled output positions of a conv consumer per probe image
    double ridge = 1e-3;             // times the mean diagonal of the Gram matrix
    int64_t batchSize = 100;
};

// dense: the net before pruning; pruned = dense.withFilters(keep). Re-fits every consumer of
// `pruned` in place.
void reestimateConsumers(model::FilterNetImpl& dense, model::FilterNetImpl& pruned, const std::vector<torch::Tensor>& keep,
                         const torch::Tensor& images, uint64_t seed, const ReestimationOptions& options = {});

// Mean squared difference between the outputs of prunable layer `layer`'s consumer in `pruned`
// and in `dense` (the output channels both have), on these images.
double consumerOutputError(model::FilterNetImpl& dense, model::FilterNetImpl& pruned, const std::vector<torch::Tensor>& keep,
                           size_t layer, const torch::Tensor& images);

}  // namespace dcs::prune
