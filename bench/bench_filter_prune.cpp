// CNN filter pruning against the targets of METHODS.md (M4), measured in one run: one dense net is
// trained, then pruned to the same FLOPs by every criterion and fine-tuned alike. The table gives
// test accuracy right after pruning (with the least-squares re-fit) and after fine-tuning, the
// loss against the dense net, parameters, FLOPs, and the measured CPU latency of the physically
// smaller net at batch 256 beside the dense one's (alternating rounds, medians). A second table
// repeats relevance without the re-fit and by IoU alignment (our thresholds and METHODS.md's) on
// the same dense net; a third times the dense and the pruned net alone, with 1 and 2 threads, in alternating rounds.
// --seeds N (or A-B) repeats the first table for seeds 1..N (A..B; each its own split and dense net) instead of the
// variants, then gives every criterion's change per seed and its mean, and whether relevance loses
// less than L1, APoZ and random on the mean: one seed's differences are of the size of the spread
// between seeds (bench/README.md). The latency table then times the last seed's nets.
// Usage: bench_filter_prune [--dataset D] [--net N] [--width W] [--epochs N] [--finetune-epochs N]
//                           [--reduction R] [--limit N] [--seed S | --seeds N | --seeds A-B]
//                           [--allocation latency|uniform] [--alignment response|iou]
//                           [--criteria relevance,l1,...] [--probe N] [--dense-cache DIR]
// --dense-cache DIR keeps each seed's trained dense net in DIR and reuses it when the same data set,
// net, width, epochs, limit and seed come again: a variant of the pruning is then measured without
// the dense training (about 4.5 minutes a seed on fashion-mnist, 2 cores).
#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "dcs/data/registry.h"
#include "dcs/error.h"
#include "dcs/metrics/paired_test.h"
#include "dcs/model/filter_net.h"
#include "dcs/prune/filter_criteria.h"
#include "dcs/train/filter_prune_trainer.h"

namespace {

struct Quiet : dcs::train::TrainingObserver {
    void onFilterPruneSnapshot(const dcs::train::FilterPruneSnapshot& s) override {
        if (s.phase == "pruned")
            std::fprintf(stderr, "  %s: %.4f right after pruning\n", s.criterion.c_str(), s.summary.prunedAccuracy);
        else if (!s.history.empty() && (s.phase == "train" || s.phase == "finetune"))
            std::fprintf(stderr, "  %s epoch %d: test %.4f (%.0f s)\n", s.phase.c_str(), s.history.back().epoch,
                         s.history.back().testAccuracy, s.history.back().epochSeconds);
    }
};

void row(const std::string& label, const dcs::train::FilterPruneSummary& s) {
    std::printf("| %s | %.4f | %.4f | %.4f | %+.2f | %lld -> %lld | %.2f -> %.2f M (-%.1f %%) | %.1f -> %.1f ms (%.2fx) |\n",
                label.c_str(), s.denseAccuracy, s.prunedAccuracy, s.finalAccuracy, 100.0 * (s.finalAccuracy - s.denseAccuracy),
                static_cast<long long>(s.parametersBefore), static_cast<long long>(s.parametersAfter),
                2.0 * static_cast<double>(s.macsBefore) / 1e6, 2.0 * static_cast<double>(s.macsAfter) / 1e6,
                100.0 * (1.0 - static_cast<double>(s.macsAfter) / static_cast<double>(s.macsBefore)),
                s.latencyBatch256BeforeMs, s.latencyBatch256AfterMs, s.latencyBatch256BeforeMs / s.latencyBatch256AfterMs);
    std::fflush(stdout);
}

// Medians over alternating rounds of dense and pruned forward passes (eval, no gradients), so a
// slow spell of a shared machine hits both nets alike. The nets come with their batch norms folded
// into the convs, as deployed.
void latencyTable(dcs::model::FilterNetImpl& dense, dcs::model::FilterNetImpl& pruned) {
    torch::NoGradGuard noGrad;
    dense.eval();
    pruned.eval();
    const auto& spec = dense.spec();
    std::printf(
        "\nLatency of the physically smaller net, batch norms folded (15 alternating rounds, medians):\n\n"
        "| threads | batch | dense ms | pruned ms | speed-up |\n|---|---|---|---|---|\n");
    for (const int threads : {1, 2}) {
        at::set_num_threads(threads);
        for (const int64_t batch : {int64_t{1}, int64_t{256}}) {
            const auto input = torch::rand({batch, spec.channels, spec.height, spec.width});
            const auto once = [&](dcs::model::FilterNetImpl& net) {
                const auto start = std::chrono::steady_clock::now();
                net.forward(input);
                return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
            };
            for (int i = 0; i < 3; ++i) once(dense), once(pruned);
            std::vector<double> before, after;
            for (int round = 0; round < 15; ++round) {
                for (int i = 0; i < (batch == 1 ? 10 : 2); ++i) before.push_back(once(dense));
                for (int i = 0; i < (batch == 1 ? 10 : 2); ++i) after.push_back(once(pruned));
            }
            const auto median = [](std::vector<double>& v) {
                std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
                return v[v.size() / 2];
            };
            const double b = median(before), a = median(after);
            std::printf("| %d | %lld | %.3f | %.3f | %.2fx |\n", threads, static_cast<long long>(batch), b, a, b / a);
            std::fflush(stdout);
        }
    }
}

// Test images the first criterion's net alone gets right / this criterion's alone, summed over seeds.
using PooledPairs = std::map<std::string, std::pair<int64_t, int64_t>>;

// Change in points after fine-tuning, per criterion and seed, with the means and the target's verdict,
// then the paired disagreements pooled over the seeds.
void acrossSeeds(const std::vector<std::string>& criteria, const std::vector<uint64_t>& seedList,
                 const std::map<std::string, std::vector<double>>& changes, const PooledPairs& pooled) {
    const size_t seeds = changes.at(criteria.front()).size();
    std::printf("\nChange in points after fine-tuning, seeds %llu-%llu:\n\n| criterion |",
                static_cast<unsigned long long>(seedList.front()), static_cast<unsigned long long>(seedList.back()));
    for (const auto seed : seedList) std::printf(" seed %llu |", static_cast<unsigned long long>(seed));
    std::printf(" mean |\n|---|");
    for (size_t s = 0; s <= seeds; ++s) std::printf("---:|");
    std::printf("\n");
    std::map<std::string, double> mean;
    for (const auto& criterion : criteria) {
        std::printf("| %s |", criterion.c_str());
        for (const double c : changes.at(criterion)) {
            std::printf(" %+.2f |", c);
            mean[criterion] += c / static_cast<double>(seeds);
        }
        std::printf(" %+.2f |\n", mean[criterion]);
    }
    // The target (filter pruning issue): relevance loses less than L1, APoZ and random at the same FLOPs
    // (those of them that ran, with --criteria).
    std::vector<std::string> rivals;
    for (const char* rival : {"l1", "apoz", "random"})
        if (changes.count(rival)) rivals.push_back(rival);
    if (!changes.count("relevance") || rivals.empty()) return;
    std::string rivalNames;
    for (const auto& rival : rivals) rivalNames += (rivalNames.empty() ? "" : ", ") + rival;
    bool ahead = true;
    for (const auto& rival : rivals) ahead = ahead && mean["relevance"] > mean[rival];
    size_t seedsAhead = 0;
    for (size_t s = 0; s < seeds; ++s) {
        bool all = true;
        for (const auto& rival : rivals) all = all && changes.at("relevance")[s] > changes.at(rival)[s];
        seedsAhead += all ? 1 : 0;
    }
    std::printf(
        "\nRelevance loses less than %s on the mean of %zu seed(s): %s (ahead of all of them in %zu of %zu "
        "seeds).\n",
        rivalNames.c_str(), seeds, ahead ? "met" : "not met", seedsAhead, seeds);
    // Each seed's disagreements are independent coin tosses if the criteria are equally accurate, so
    // their sum over the seeds takes one test.
    std::printf("\nPooled over the seeds, against %s after fine-tuning (images it alone gets right / the criterion "
                "alone, McNemar's p):",
                criteria.front().c_str());
    for (size_t i = 1; i < criteria.size(); ++i) {
        const auto& [onlyFirst, onlyThis] = pooled.at(criteria[i]);
        std::printf("%s %s %lld / %lld, p %.2g", i == 1 ? "" : ";", criteria[i].c_str(), static_cast<long long>(onlyFirst),
                    static_cast<long long>(onlyThis), dcs::metrics::mcnemarExactP(onlyFirst, onlyThis));
    }
    std::printf("\n");
    std::fflush(stdout);
}

// Relevance without the re-fit and by IoU alignment, and l1 without the re-fit, on the trainer's dense net.
void variantRows(dcs::train::FilterPruneTrainer& trainer, const dcs::train::FilterPruneConfig& config, Quiet& quiet) {
    std::printf(
        "\nRelevance variants on the same dense net:\n\n| variant | dense | pruned | fine-tuned | change (points) | "
        "parameters | FLOPs | latency batch 256 |\n|---|---|---|---|---|---|---|---|\n");
    struct Variant {
        const char* label;
        bool reestimate;
        const char* alignment;
        double unitQuantile;
        const char* votes;
    };
    for (const auto& v :
         {Variant{"relevance, no re-fit", false, config.alignment.c_str(), config.unitQuantile, config.votes.c_str()},
          Variant{"relevance by IoU (quantile 0.8, l = 10 %; the default before 2026-12-01)", true, "iou", 0.8, "0.1"},
          Variant{"relevance by IoU, METHODS.md thresholds (quantile 0.995, l = kept)", true, "iou", 0.995, "keep"}}) {
        auto settings = config;
        settings.reestimate = v.reestimate;
        settings.alignment = v.alignment;
        settings.unitQuantile = v.unitQuantile;
        settings.votes = v.votes;
        trainer.setPruningSettings(settings);
        for (const auto& r : trainer.compare({"relevance"}, &quiet).rows) row(v.label, r.summary);
    }
    auto settings = config;
    settings.reestimate = false;
    trainer.setPruningSettings(settings);
    for (const auto& r : trainer.compare({"l1"}, &quiet).rows) row("l1, no re-fit", r.summary);
}

// What the dense net depends on among the settings this bench can change, as a file name for --dense-cache.
std::string denseNetFileName(const dcs::train::FilterPruneConfig& c) {
    char name[256];
    std::snprintf(name, sizeof name, "%s-%s-w%g-e%d-lr%g-b%lld-n%lld-s%llu.pt", c.dataset.c_str(), c.net.c_str(),
                  c.width, c.epochs, c.learningRate, static_cast<long long>(c.batchSize),
                  static_cast<long long>(c.limit), static_cast<unsigned long long>(c.seed));
    std::string file = name;  // a data set given by path must not make folders
    std::replace_if(
        file.begin(), file.end(), [](char ch) { return ch == '/' || ch == ':' || ch == '\\'; }, '_');
    return file;
}

// "relevance,l1" -> {"relevance", "l1"}; an unknown name is a ConfigError naming the criterion.
std::vector<std::string> splitCriteria(const std::string& list) {
    std::vector<std::string> names;
    size_t start = 0;
    while (start <= list.size()) {
        const size_t comma = std::min(list.find(',', start), list.size());
        names.push_back(dcs::prune::toString(dcs::prune::filterCriterionFromString(list.substr(start, comma - start))));
        start = comma + 1;
    }
    return names;
}

}  // namespace

int main(int argc, char** argv) {
    dcs::train::FilterPruneConfig config;
    int firstSeed = 0, lastSeed = 0;  // --seeds
    auto criteria = dcs::train::filterCriterionNames();
    std::string criteriaList;
    std::filesystem::path denseCache;
    if (argc % 2 == 0) {
        std::fprintf(stderr, "bench_filter_prune: %s needs a value\n", argv[argc - 1]);
        return 2;
    }
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i], value = argv[i + 1];
        try {
            if (flag == "--dataset")
                config.dataset = value;
            else if (flag == "--net")
                config.net = value;
            else if (flag == "--width")
                config.width = std::stod(value);
            else if (flag == "--epochs")
                config.epochs = std::stoi(value);
            else if (flag == "--finetune-epochs")
                config.finetuneEpochs = std::stoi(value);
            else if (flag == "--reduction")
                config.flopsReduction = std::stod(value);
            else if (flag == "--limit")
                config.limit = std::stoll(value);
            else if (flag == "--seed")
                config.seed = std::stoull(value);
            else if (flag == "--seeds") {
                const auto dash = value.find('-');
                firstSeed = dash == std::string::npos ? 1 : std::stoi(value.substr(0, dash));
                lastSeed = std::stoi(dash == std::string::npos ? value : value.substr(dash + 1));
                if (firstSeed < 1 || lastSeed < firstSeed) throw std::invalid_argument("seed range");
            } else if (flag == "--allocation")
                config.allocation = value;
            else if (flag == "--alignment")
                config.alignment = value;
            else if (flag == "--criteria")
                criteriaList = value;
            else if (flag == "--probe")
                config.probeSize = std::stoll(value);
            else if (flag == "--dense-cache")
                denseCache = value;
            else {
                std::fprintf(stderr, "bench_filter_prune: unknown flag %s\n", flag.c_str());
                return 2;
            }
        } catch (const std::logic_error&) {  // std::stoi and friends on a value that is not a number
            std::fprintf(stderr, "bench_filter_prune: %s expects %s, got '%s'\n", flag.c_str(),
                         flag == "--seeds" ? "a number or a range A-B of seeds from 1" : "a number", value.c_str());
            return 2;
        }
    }
    try {
        const dcs::data::DatasetRegistry registry;
        std::vector<uint64_t> seedList{config.seed};
        if (lastSeed > 0) {
            seedList.clear();
            for (int seed = firstSeed; seed <= lastSeed; ++seed) seedList.push_back(static_cast<uint64_t>(seed));
        }
        config.validate();
        if (!criteriaList.empty()) criteria = splitCriteria(criteriaList);
        std::map<std::string, std::vector<double>> changes;
        PooledPairs pooled;
        dcs::train::PruneData data;
        std::unique_ptr<dcs::train::FilterPruneTrainer> trainer;
        Quiet quiet;
        for (const uint64_t seed : seedList) {
            config.seed = seed;
            trainer.reset();  // it refers to the data replaced below
            if (registry.hasOwnTestSplit(config.dataset)) {
                const auto train = registry.load(config.dataset + ":train");
                const auto test = registry.load(config.dataset + ":test");
                data = dcs::train::splitForFilterPruning(train, &test, config);
            } else {
                data = dcs::train::splitForFilterPruning(registry.load(config.dataset), nullptr, config);
            }
            std::printf(
                "%s%s x%.3g on %s (%lld training, %lld test images), %d + %d epochs, FLOPs -%.0f %%, seed %llu\n\n",
                seed == seedList.front() ? "" : "\n", config.net.c_str(), config.width, config.dataset.c_str(),
                static_cast<long long>(data.train.size()), static_cast<long long>(data.test.size()), config.epochs,
                config.finetuneEpochs, 100.0 * config.flopsReduction, static_cast<unsigned long long>(seed));
            std::printf(
                "| criterion | dense | pruned, re-fitted | fine-tuned | change (points) | parameters | FLOPs | "
                "latency batch 256 |\n|---|---|---|---|---|---|---|---|\n");
            trainer = std::make_unique<dcs::train::FilterPruneTrainer>(config, data);
            const auto cached = denseCache.empty() ? std::filesystem::path() : denseCache / denseNetFileName(config);
            const bool reused = !cached.empty() && std::filesystem::exists(cached);
            if (reused) trainer->loadDenseNet(cached);
            const auto comparison = trainer->compare(criteria, &quiet);
            if (!cached.empty() && !reused) {
                std::filesystem::create_directories(denseCache);
                trainer->saveDenseNet(cached);
            }
            for (const auto& r : comparison.rows) {
                row(r.criterion, r.summary);
                changes[r.criterion].push_back(100.0 * (r.summary.finalAccuracy - r.summary.denseAccuracy));
                pooled[r.criterion].first += r.onlyFirstRight;
                pooled[r.criterion].second += r.onlyThisRight;
            }
            // Differences of a few tenths of a point are tens of test images: say whether they exceed chance.
            std::printf("\n%s", dcs::train::comparisonPairingText(comparison).c_str());
            std::printf("\nFilters kept per conv (%s allocation):", config.allocation.c_str());
            for (const auto w : comparison.rows.front().summary.widthsAfter)
                std::printf(" %lld", static_cast<long long>(w));
            std::printf("\n");
        }
        if (lastSeed > 0)
            acrossSeeds(criteria, seedList, changes, pooled);
        else
            variantRows(*trainer, config, quiet);
        // Every criterion keeps the same widths, so any pruned net times the same.
        latencyTable(*trainer->denseNet()->foldedForInference(), *trainer->prunedNet()->foldedForInference());
    } catch (const dcs::Error& e) {
        std::fprintf(stderr, "bench_filter_prune: %s\n", e.what());
        return 2;
    }
    return 0;
}
