// Majority-vote neuron pruning against the targets of METHODS.md (M3), measured in one run:
//   1. pruning during training: the FCN pruned to at most 10 % of its weights against the dense FCN
//      trained with the same budget (test accuracy), with FLOPs and the measured inference latency
//      of the compacted net (batch 1 and 256) beside the dense one's;
//   2. the paper's ablation: keep 70 % of the units of one layer / all layers by every criterion.
// mnist by default; --full adds fashion-mnist (its train / test files), --dataset D picks one
// (mnist-full and fashion-mnist use their own train / test files).
// --seeds N repeats both tables with N seeds (each its own split); the ablation shows the means.
// Usage: bench_prune [--full | --dataset D] [--seeds N] [--epochs N]
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "dcs/data/registry.h"
#include "dcs/error.h"
#include "dcs/metrics/paired_test.h"
#include "dcs/train/prune_trainer.h"

namespace {

struct Quiet : dcs::train::TrainingObserver {
    std::string label;
    void onPruneSnapshot(const dcs::train::PruneSnapshot& s) override {
        if (s.metrics.pruned || s.epoch == s.epochs)
            std::fprintf(stderr, "  %s epoch %d: test %.4f, weights %lld\n", label.c_str(), s.epoch, s.metrics.testAccuracy,
                         static_cast<long long>(s.metrics.parameters));
    }
};

dcs::train::PruneData load(const dcs::data::DatasetRegistry& registry, const dcs::train::PruneConfig& config) {
    if (registry.hasOwnTestSplit(config.dataset)) {
        const auto train = registry.load(config.dataset + ":train");
        const auto test = registry.load(config.dataset + ":test");
        return dcs::train::splitForPruning(train, &test, config);
    }
    return dcs::train::splitForPruning(registry.load(config.dataset), nullptr, config);
}

void pruningRows(const dcs::data::DatasetRegistry& registry, const std::string& dataset, int seeds, int epochs) {
    dcs::metrics::PairedOutcome pooled;  // over the seeds: test images only dense / only pruned got right
    double denseSum = 0.0, prunedSum = 0.0;
    int measured = 0;
    for (int seed = 1; seed <= seeds; ++seed) {
        dcs::train::PruneConfig config;
        config.dataset = dataset;
        config.seed = static_cast<uint64_t>(seed);
        config.target = 0.1;
        if (epochs > 0) config.epochs = epochs;
        try {
            const auto data = load(registry, config);
            Quiet denseQuiet, prunedQuiet;
            denseQuiet.label = dataset + " dense seed " + std::to_string(seed);
            prunedQuiet.label = dataset + " vote seed " + std::to_string(seed);
            const auto comparison = dcs::train::runPruneComparedWithDense(config, data, {}, &denseQuiet, &prunedQuiet);
            const auto& denseResult = *comparison.dense;
            const auto& r = comparison.pruned;
            if (r.status != dcs::train::RunStatus::Finished) {
                std::printf("| %s | %d | not run: %s |\n", dataset.c_str(), seed, r.message.c_str());
                continue;
            }
            const auto paired = dcs::metrics::pairOnSameImages(denseResult.testCorrect, r.testCorrect);
            pooled.onlyFirstRight += paired.onlyFirstRight;
            pooled.onlySecondRight += paired.onlySecondRight;
            denseSum += denseResult.testAccuracy;
            prunedSum += r.testAccuracy;
            ++measured;
            std::printf(
                "| %s | %d | %d | %.4f | %.4f | %+.2f | %lld / %lld (p %.2g) | %lld -> %lld (%.1f %%) | "
                "%.2f -> %.2f M | %.2f -> %.2f ms (%.1fx) | %.3f -> %.3f ms |\n",
                dataset.c_str(), seed, r.epochsCompleted, denseResult.testAccuracy, r.testAccuracy,
                100.0 * (r.testAccuracy - denseResult.testAccuracy), static_cast<long long>(paired.onlyFirstRight),
                static_cast<long long>(paired.onlySecondRight), paired.p, static_cast<long long>(r.parametersBefore),
                static_cast<long long>(r.parametersAfter),
                100.0 * static_cast<double>(r.parametersAfter) / static_cast<double>(r.parametersBefore),
                2.0 * static_cast<double>(r.macsBefore) / 1e6, 2.0 * static_cast<double>(r.macsAfter) / 1e6,
                r.latencyBatch256BeforeMs, r.latencyBatch256AfterMs,
                r.latencyBatch256BeforeMs / r.latencyBatch256AfterMs, r.latencyBatch1BeforeMs, r.latencyBatch1AfterMs);
            std::fflush(stdout);
        } catch (const dcs::Error& e) {
            std::printf("| %s | %d | not run: %s |\n", dataset.c_str(), seed, e.what());
        }
    }
    if (measured < 2) return;
    pooled.p = dcs::metrics::mcnemarExactP(pooled.onlyFirstRight, pooled.onlySecondRight);
    std::printf("| %s | mean of %d, pairs pooled | | %.4f | %.4f | %+.2f | %lld / %lld (p %.2g) | | | | |\n",
                dataset.c_str(), measured, denseSum / measured, prunedSum / measured,
                100.0 * (prunedSum - denseSum) / measured, static_cast<long long>(pooled.onlyFirstRight),
                static_cast<long long>(pooled.onlySecondRight), pooled.p);
}

// One dense net per seed (each its own split), pruned by every criterion; the table shows each
// criterion's mean over the seeds (differences of one test image are 0.0005 on mnist's 2000 test
// images, so a single seed cannot rank close criteria), the all-layers column per seed too.
void ablationRows(const dcs::data::DatasetRegistry& registry, const std::string& dataset, int seeds, int epochs) {
    std::vector<dcs::train::AblationResult> results;
    for (int seed = 1; seed <= seeds; ++seed) {
        dcs::train::PruneConfig config;
        config.dataset = dataset;
        config.seed = static_cast<uint64_t>(seed);
        if (epochs > 0) config.epochs = epochs;
        try {
            const auto data = load(registry, config);
            Quiet quiet;
            quiet.label = dataset + " ablation, dense seed " + std::to_string(seed);
            results.push_back(dcs::train::runPruneAblation(config, data, 0.7, &quiet));
        } catch (const dcs::Error& e) {
            std::printf("%s ablation, seed %d, not run: %s\n", dataset.c_str(), seed, e.what());
            return;
        }
    }
    if (results.empty()) return;
    const auto count = static_cast<double>(results.size());
    double denseMean = 0.0;
    for (const auto& r : results) denseMean += r.denseAccuracy / count;
    std::printf("\n%s, keeping 70 %% of the units, mean of %d seed(s) (dense test accuracy %.4f):\n\n", dataset.c_str(),
                seeds, denseMean);
    const auto& layers = results.front().layerNames;
    std::printf("| criterion |");
    for (const auto& name : layers) std::printf(" %s |", name.c_str());
    std::printf(" all |");
    for (int seed = 1; seed <= seeds; ++seed) std::printf(" all, seed %d |", seed);
    std::printf("\n|---|");
    for (size_t i = 0; i <= layers.size() + static_cast<size_t>(seeds); ++i) std::printf("---|");
    std::printf("\n");
    // rows come in criterion order, one per layer and then "all", identically for every seed.
    const size_t perCriterion = layers.size() + 1;
    double voteAll = 0.0, bestOtherAll = 0.0;
    std::string bestOther;
    for (size_t first = 0; first < results.front().rows.size(); first += perCriterion) {
        const auto& criterion = results.front().rows[first].criterion;
        std::printf("| %s |", criterion.c_str());
        double all = 0.0;
        for (size_t column = 0; column < perCriterion; ++column) {
            double mean = 0.0;
            for (const auto& r : results) mean += r.rows[first + column].accuracy / count;
            std::printf(" %.4f |", mean);
            if (column + 1 == perCriterion) all = mean;
        }
        for (const auto& r : results) std::printf(" %.4f |", r.rows[first + perCriterion - 1].accuracy);
        std::printf("\n");
        if (criterion == "vote") voteAll = all;
        else if (all > bestOtherAll) {
            bestOtherAll = all;
            bestOther = criterion;
        }
    }
    std::printf("\nAll layers pruned, mean of %d seed(s): vote %.4f, best other criterion %s %.4f: vote %s.\n", seeds,
                voteAll, bestOther.c_str(), bestOtherAll,
                voteAll > bestOtherAll ? "beats every baseline" : "does NOT beat every baseline");
    // A mean over seeds hides whether a gap is more than chance; each seed's pairing on its own test
    // images says it (McNemar's exact test: p above 0.05 is within chance).
    std::printf(
        "\nAll layers pruned, against vote on the same test images: test images vote alone gets right / the "
        "criterion alone, McNemar's p:\n\n| criterion |");
    for (int seed = 1; seed <= static_cast<int>(results.size()); ++seed) std::printf(" seed %d |", seed);
    std::printf(" pooled |\n|---|");
    for (size_t i = 0; i <= results.size(); ++i) std::printf("---|");
    std::printf("\n");
    for (size_t first = 0; first < results.front().rows.size(); first += perCriterion) {
        const auto& criterion = results.front().rows[first].criterion;
        if (criterion == "vote") continue;
        std::printf("| %s |", criterion.c_str());
        int64_t onlyVote = 0, onlyThis = 0;  // summed over the seeds: independent coin tosses under "equally accurate"
        for (const auto& r : results) {
            const auto& row = r.rows[first + perCriterion - 1];
            std::printf(" %lld / %lld, p %.2g |", static_cast<long long>(row.onlyVoteRight),
                        static_cast<long long>(row.onlyThisRight), row.pVersusVote);
            onlyVote += row.onlyVoteRight;
            onlyThis += row.onlyThisRight;
        }
        std::printf(" %lld / %lld, p %.2g |\n", static_cast<long long>(onlyVote), static_cast<long long>(onlyThis),
                    dcs::metrics::mcnemarExactP(onlyVote, onlyThis));
    }
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    bool full = false;
    std::string only;
    int seeds = 1, epochs = 0;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--full") == 0) full = true;
        else if (std::strcmp(argv[i], "--dataset") == 0 && i + 1 < argc) only = argv[++i];
        else if (std::strcmp(argv[i], "--seeds") == 0 && i + 1 < argc) seeds = std::atoi(argv[++i]);
        else if (std::strcmp(argv[i], "--epochs") == 0 && i + 1 < argc) epochs = std::atoi(argv[++i]);
        else {
            std::fprintf(stderr, "usage: bench_prune [--full | --dataset D] [--seeds N] [--epochs N]\n");
            return 2;
        }
    }
    const dcs::data::DatasetRegistry registry;
    std::vector<std::string> datasets{"mnist"};
    if (full) datasets.push_back("fashion-mnist");
    if (!only.empty()) datasets = {only};
    const dcs::train::PruneConfig defaults;
    std::printf("FCN, defaults (%d epochs, a check every %d, rate %.2f, votes=%s, %s lr %.3g %s, dropout %.1f) and a "
                "weights target of 10 %%; test accuracy of the pruned net against the dense net trained with the same "
                "budget; latency of the compacted net, median of 10 (batch 256) / 50 (batch 1) passes:\n\n",
                epochs > 0 ? epochs : defaults.epochs, defaults.every, defaults.rate, defaults.votes.c_str(),
                defaults.optimizer.c_str(), defaults.learningRate, defaults.lrSchedule.c_str(), defaults.dropout);
    std::printf(
        "| data set | seed | epochs | dense acc | pruned acc | change (points) | test images only dense / only "
        "pruned right (McNemar p) | weights (kept) | FLOPs/image | latency b256 (speed-up) | latency b1 |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (const auto& dataset : datasets) pruningRows(registry, dataset, seeds, epochs);
    for (const auto& dataset : datasets) ablationRows(registry, dataset, seeds, epochs);
    return 0;
}
