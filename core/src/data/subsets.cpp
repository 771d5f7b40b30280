#include "dcs/data/subsets.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "dcs/error.h"

namespace dcs::data {
namespace {

// Indices of each class (one group with every index when unlabelled), each group shuffled.
std::vector<std::vector<int64_t>> shuffledGroups(const Dataset& dataset, uint64_t seed) {
    std::vector<std::vector<int64_t>> groups(dataset.hasLabels() ? static_cast<size_t>(dataset.classCount()) : 1);
    for (int64_t i = 0; i < dataset.size(); ++i)
        groups[dataset.hasLabels() ? static_cast<size_t>(dataset.label(i)) : 0].push_back(i);
    std::mt19937_64 rng(seed);
    for (auto& group : groups) std::shuffle(group.begin(), group.end(), rng);
    return groups;
}

// How many of n to take from each group: proportional, the remainders going to the largest fractions.
std::vector<int64_t> proportionalQuota(const std::vector<std::vector<int64_t>>& groups, int64_t total, int64_t n) {
    std::vector<int64_t> quota(groups.size());
    std::vector<std::pair<double, size_t>> remainders;
    int64_t assigned = 0;
    for (size_t g = 0; g < groups.size(); ++g) {
        const double exact = static_cast<double>(n) * static_cast<double>(groups[g].size()) / static_cast<double>(total);
        quota[g] = static_cast<int64_t>(std::floor(exact));
        assigned += quota[g];
        remainders.emplace_back(exact - std::floor(exact), g);
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t r = 0; assigned < n && r < remainders.size(); ++r) {
        ++quota[remainders[r].second];
        ++assigned;
    }
    return quota;
}

}  // namespace

Dataset firstN(const Dataset& dataset, int64_t n) {
    if (n < 1) throw ConfigError("limit: expected at least 1 image, found " + std::to_string(n));
    std::vector<int64_t> indices(static_cast<size_t>(std::min(n, dataset.size())));
    std::iota(indices.begin(), indices.end(), 0);
    return dataset.subset(indices);
}

Dataset stratifiedSubset(const Dataset& dataset, int64_t n, uint64_t seed) {
    if (n < 1) throw ConfigError("stratified: expected at least 1 image, found " + std::to_string(n));
    if (n >= dataset.size()) return dataset;
    const auto groups = shuffledGroups(dataset, seed);
    const auto quota = proportionalQuota(groups, dataset.size(), n);
    std::vector<int64_t> chosen;
    for (size_t g = 0; g < groups.size(); ++g)
        chosen.insert(chosen.end(), groups[g].begin(), groups[g].begin() + quota[g]);
    std::sort(chosen.begin(), chosen.end());
    return dataset.subset(chosen);
}

Split trainValidationSplit(const Dataset& dataset, double validationFraction, uint64_t seed) {
    if (!(validationFraction > 0.0 && validationFraction < 1.0))
        throw ConfigError("validation fraction: expected a value in (0, 1), found " + std::to_string(validationFraction));
    const auto groups = shuffledGroups(dataset, seed);
    const auto validationCount =
        static_cast<int64_t>(std::llround(validationFraction * static_cast<double>(dataset.size())));
    const auto quota = proportionalQuota(groups, dataset.size(), validationCount);
    std::vector<int64_t> train, validation;
    for (size_t g = 0; g < groups.size(); ++g) {
        validation.insert(validation.end(), groups[g].begin(), groups[g].begin() + quota[g]);
        train.insert(train.end(), groups[g].begin() + quota[g], groups[g].end());
    }
    std::sort(train.begin(), train.end());
    std::sort(validation.begin(), validation.end());
    return {dataset.subset(train), dataset.subset(validation)};
}

Dataset concatenate(Dataset first, const Dataset& second) {
    const std::string source = first.source() + " + " + second.source();
    first.append(second);
    first.setSource(source);
    return first;
}

}  // namespace dcs::data
