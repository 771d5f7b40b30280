// CNN filter pruning against the targets of METHODS.md (M4), measured in one run: one dense net is
// trained, then pruned to the same FLOPs by every criterion and fine-tuned alike. The table gives
// test accuracy right after pruning (with the least-squares re-fit) and after fine-tuning, the
// loss against the dense net, parameters, FLOPs, and the measured CPU latency of the physically
// smaller net at batch 256 beside the dense one's (alternating rounds, medians). A second table
// repeats relevance without the re-fit and by IoU alignment (our thresholds and METHODS.md's) on
// the same dense net; a third times the dense and the pruned net alone, with 1 and 2 threads, in alternating rounds.
// Usage: bench_filter_prune [--dataset D] [--net N] [--width W] [--epochs N] [--finetune-epochs N]
//                           [--reduction R] [--limit N] [--seed S] [--allocation latency|uniform]
#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "dcs/data/registry.h"
#include "dcs/error.h"
#include "dcs/model/filter_net.h"
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

}  // namespace

int main(int argc, char** argv) {
    dcs::train::FilterPruneConfig config;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i], value = argv[i + 1];
        if (flag == "--dataset") config.dataset = value;
        else if (flag == "--net") config.net = value;
        else if (flag == "--width") config.width = std::stod(value);
        else if (flag == "--epochs") config.epochs = std::stoi(value);
        else if (flag == "--finetune-epochs") config.finetuneEpochs = std::stoi(value);
        else if (flag == "--reduction") config.flopsReduction = std::stod(value);
        else if (flag == "--limit") config.limit = std::stoll(value);
        else if (flag == "--seed") config.seed = std::stoull(value);
        else if (flag == "--allocation")
            config.allocation = value;
        else {
            std::fprintf(stderr, "bench_filter_prune: unknown flag %s\n", flag.c_str());
            return 2;
        }
    }
    try {
        const dcs::data::DatasetRegistry registry;
        dcs::train::PruneData data;
        if (registry.hasOwnTestSplit(config.dataset)) {
            const auto train = registry.load(config.dataset + ":train");
            const auto test = registry.load(config.dataset + ":test");
            data = dcs::train::splitForFilterPruning(train, &test, config);
        } else {
            data = dcs::train::splitForFilterPruning(registry.load(config.dataset), nullptr, config);
        }
        std::printf("%s x%.3g on %s (%lld training, %lld test images), %d + %d epochs, FLOPs -%.0f %%\n\n",
                    config.net.c_str(), config.width, config.dataset.c_str(), static_cast<long long>(data.train.size()),
                    static_cast<long long>(data.test.size()), config.epochs, config.finetuneEpochs, 100.0 * config.flopsReduction);
        std::printf("| criterion | dense | pruned, re-fitted | fine-tuned | change (points) | parameters | FLOPs | "
                    "latency batch 256 |\n|---|---|---|---|---|---|---|---|\n");
        dcs::train::FilterPruneTrainer trainer(config, data);
        Quiet quiet;
        const auto comparison = trainer.compare(dcs::train::filterCriterionNames(), &quiet);
        for (const auto& r : comparison.rows) row(r.criterion, r.summary);
        std::printf("\nFilters kept per conv (%s allocation):", config.allocation.c_str());
        for (const auto w : comparison.rows.front().summary.widthsAfter)
            std::printf(" %lld", static_cast<long long>(w));
        std::printf("\n");

        std::printf("\nRelevance variants on the same dense net:\n\n| variant | dense | pruned | fine-tuned | change (points) | "
                    "parameters | FLOPs | latency batch 256 |\n|---|---|---|---|---|---|---|---|\n");
        struct Variant {
            const char* label;
            bool reestimate;
            const char* alignment;
            double unitQuantile;
            const char* votes;
        };
        for (const auto& v : {Variant{"relevance, no re-fit", false, config.alignment.c_str(), config.unitQuantile,
                                      config.votes.c_str()},
                              Variant{"relevance by IoU (quantile 0.8, l = 10 %; the default before 2026-12-01)", true,
                                      "iou", 0.8, "0.1"},
                              Variant{"relevance by IoU, METHODS.md thresholds (quantile 0.995, l = kept)", true, "iou",
                                      0.995, "keep"}}) {
            auto settings = config;
            settings.reestimate = v.reestimate;
            settings.alignment = v.alignment;
            settings.unitQuantile = v.unitQuantile;
            settings.votes = v.votes;
            trainer.setPruningSettings(settings);
            const auto variant = trainer.compare({"relevance"}, &quiet);
            for (const auto& r : variant.rows) row(v.label, r.summary);
        }
        auto settings = config;
        settings.reestimate = false;
        trainer.setPruningSettings(settings);
        for (const auto& r : trainer.compare({"l1"}, &quiet).rows) row("l1, no re-fit", r.summary);
        // Every criterion keeps the same widths, so any pruned net times the same.
        latencyTable(*trainer.denseNet()->foldedForInference(), *trainer.prunedNet()->foldedForInference());
    } catch (const dcs::Error& e) {
        std::fprintf(stderr, "bench_filter_prune: %s\n", e.what());
        return 2;
    }
    return 0;
}
