#include "dcs/metrics/clustering_metrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "dcs/error.h"
#include "dcs/metrics/assignment.h"

namespace dcs::metrics {
namespace {

void requireComparable(const std::vector<int64_t>& labels, const std::vector<int64_t>& clusters) {
    if (labels.size() != clusters.size())
        throw ConfigError("metrics: " + std::to_string(labels.size()) + " labels but " + std::to_string(clusters.size()) +
                          " cluster assignments; expected one of each per sample");
    if (labels.empty()) throw ConfigError("metrics: no samples; expected at least one");
    const auto negative = [](int64_t v) { return v < 0; };
    if (std::any_of(labels.begin(), labels.end(), negative) || std::any_of(clusters.begin(), clusters.end(), negative))
        throw ConfigError("metrics: found a negative label or cluster id; expected ids >= 0");
}

double choose2(double n) { return n * (n - 1.0) / 2.0; }

double entropy(const std::vector<double>& counts, double total) {
    double h = 0.0;
    for (double c : counts)
        if (c > 0) h -= (c / total) * std::log(c / total);
    return h;
}

}  // namespace

std::vector<std::vector<int64_t>> contingencyTable(const std::vector<int64_t>& labels,
                                                   const std::vector<int64_t>& clusters) {
    requireComparable(labels, clusters);
    const auto labelCount = static_cast<size_t>(*std::max_element(labels.begin(), labels.end()) + 1);
    const auto clusterCount = static_cast<size_t>(*std::max_element(clusters.begin(), clusters.end()) + 1);
    std::vector<std::vector<int64_t>> table(clusterCount, std::vector<int64_t>(labelCount, 0));
    for (size_t i = 0; i < labels.size(); ++i) ++table[static_cast<size_t>(clusters[i])][static_cast<size_t>(labels[i])];
    return table;
}

double clusteringAccuracy(const std::vector<int64_t>& labels, const std::vector<int64_t>& clusters) {
    const auto table = contingencyTable(labels, clusters);
    std::vector<std::vector<double>> weight(table.size());
    for (size_t k = 0; k < table.size(); ++k) weight[k].assign(table[k].begin(), table[k].end());
    const auto match = maximumWeightAssignment(weight);
    int64_t correct = 0;
    for (size_t k = 0; k < table.size(); ++k)
        if (match[k] >= 0) correct += table[k][static_cast<size_t>(match[k])];
    return static_cast<double>(correct) / static_cast<double>(labels.size());
}

double normalizedMutualInformation(const std::vector<int64_t>& labels, const std::vector<int64_t>& clusters) {
    const auto table = contingencyTable(labels, clusters);
    const double n = static_cast<double>(labels.size());
    std::vector<double> clusterTotals(table.size(), 0.0), labelTotals(table.front().size(), 0.0);
    for (size_t k = 0; k < table.size(); ++k)
        for (size_t c = 0; c < table[k].size(); ++c) {
            clusterTotals[k] += static_cast<double>(table[k][c]);
            labelTotals[c] += static_cast<double>(table[k][c]);
        }
    double mutual = 0.0;
    for (size_t k = 0; k < table.size(); ++k)
        for (size_t c = 0; c < table[k].size(); ++c) {
            const double joint = static_cast<double>(table[k][c]);
            if (joint > 0) mutual += (joint / n) * std::log(joint * n / (clusterTotals[k] * labelTotals[c]));
        }
    const double hLabels = entropy(labelTotals, n), hClusters = entropy(clusterTotals, n);
    const double mean = (hLabels + hClusters) / 2.0;
    if (mean <= 0.0) return 1.0;  // both partitions put everything in one group: they agree
    return std::clamp(mutual / mean, 0.0, 1.0);
}

double adjustedRandIndex(const std::vector<int64_t>& labels, const std::vector<int64_t>& clusters) {
    const auto table = contingencyTable(labels, clusters);
    const double n = static_cast<double>(labels.size());
    std::vector<double> clusterTotals(table.size(), 0.0), labelTotals(table.front().size(), 0.0);
    double pairsTogether = 0.0;
    for (size_t k = 0; k < table.size(); ++k)
        for (size_t c = 0; c < table[k].size(); ++c) {
            const double count = static_cast<double>(table[k][c]);
            pairsTogether += choose2(count);
            clusterTotals[k] += count;
            labelTotals[c] += count;
        }
    const double clusterPairs = std::accumulate(clusterTotals.begin(), clusterTotals.end(), 0.0,
                                                [](double s, double v) { return s + choose2(v); });
    const double labelPairs = std::accumulate(labelTotals.begin(), labelTotals.end(), 0.0,
                                              [](double s, double v) { return s + choose2(v); });
    const double expected = clusterPairs * labelPairs / choose2(n);
    const double maximum = (clusterPairs + labelPairs) / 2.0;
    if (maximum == expected) return 1.0;  // trivial partitions (all apart or all together) on both sides
    return (pairsTogether - expected) / (maximum - expected);
}

std::vector<int64_t> stableClusterIds(const std::vector<int64_t>& previous, const std::vector<int64_t>& current,
                                      int64_t clusterCount) {
    if (clusterCount < 1) throw ConfigError("clusters: expected at least 1, found " + std::to_string(clusterCount));
    if (previous.size() != current.size())
        throw ConfigError("stable ids: " + std::to_string(previous.size()) + " previous but " +
                          std::to_string(current.size()) + " current assignments");
    const auto k = static_cast<size_t>(clusterCount);
    std::vector<std::vector<double>> overlap(k, std::vector<double>(k, 0.0));
    for (size_t i = 0; i < current.size(); ++i) {
        if (current[i] < 0 || current[i] >= clusterCount || previous[i] < 0 || previous[i] >= clusterCount)
            throw ConfigError("stable ids: a cluster id outside 0.." + std::to_string(clusterCount - 1));
        overlap[static_cast<size_t>(current[i])][static_cast<size_t>(previous[i])] += 1.0;
    }
    const auto match = maximumWeightAssignment(overlap);
    return std::vector<int64_t>(match.begin(), match.end());
}

}  // namespace dcs::metrics
