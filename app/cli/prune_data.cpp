#include "prune_data.h"

#include "dcs/data/registry.h"

namespace dcs::cli {

train::PruneData loadPruneData(const std::string& dataset, const std::string& testSpec, const PruneSplit& split) {
    const data::DatasetRegistry registry;
    if (testSpec.empty() && registry.hasOwnTestSplit(dataset)) {
        const auto train = registry.load(dataset + ":train");
        const auto test = registry.load(dataset + ":test");
        return split(train, &test);
    }
    const auto pool = registry.load(dataset);
    if (testSpec.empty()) return split(pool, nullptr);
    const auto test = registry.load(testSpec);
    return split(pool, &test);
}

}  // namespace dcs::cli
