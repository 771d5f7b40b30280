#include "dcs/data/dataset_tensor.h"

#include "dcs/error.h"

namespace dcs::data {

torch::Tensor imagesTensor(const Dataset& dataset, int64_t first, int64_t count) {
    if (count < 0) count = dataset.size() - first;
    if (first < 0 || count < 0 || first + count > dataset.size())
        throw ConfigError(dataset.name() + ": images " + std::to_string(first) + ".." + std::to_string(first + count) +
                          " requested; the data set has " + std::to_string(dataset.size()));
    // from_blob only views the memory; clone() gives the tensor its own copy so it outlives the data set.
    auto* data = const_cast<float*>(dataset.image(first));
    return torch::from_blob(data, {count, dataset.channels(), dataset.height(), dataset.width()}, torch::kFloat32)
        .clone();
}

torch::Tensor labelsTensor(const Dataset& dataset) {
    if (!dataset.hasLabels())
        throw ConfigError(dataset.name() + ": has no labels; expected a labelled data set");
    auto* data = const_cast<int64_t*>(dataset.labels().data());
    return torch::from_blob(data, {dataset.size()}, torch::kInt64).clone();
}

}  // namespace dcs::data
