#include "filter_prune_command.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <unistd.h>

#include "dcs/error.h"
#include "dcs/train/filter_prune_trainer.h"
#include "progress_text.h"
#include "prune_data.h"

namespace dcs::cli {
namespace {

struct FilterPruneFlags {
    train::FilterPruneConfig config;
    std::string test;
    std::string out;
    bool noReestimate = false;
    bool json = false;
};

// Per-epoch lines and the pruning step on stderr; the in-epoch bar only on a terminal.
class FilterPruneProgress : public train::TrainingObserver {
public:
    FilterPruneProgress() : m_terminal(isatty(STDERR_FILENO) != 0) {}

    void onProgress(const train::TrainingProgress& p) override {
        if (!m_terminal) return;
        std::fprintf(stderr, "\repoch %d/%d batch %lld/%lld loss %.4f ETA %s   ", p.epoch, p.epochs,
                     static_cast<long long>(p.batch), static_cast<long long>(p.batches), p.loss, duration(p.etaSeconds).c_str());
        std::fflush(stderr);
    }

    void onFilterPruneSnapshot(const train::FilterPruneSnapshot& s) override {
        const char* start = m_terminal ? "\r" : "";
        if (s.phase == "pruned") {
            std::fprintf(stderr, "%s%s: FLOPs %lld -> %lld, parameters %lld -> %lld, test accuracy %.4f -> %.4f before fine-tuning\n",
                         start, s.criterion.c_str(), static_cast<long long>(2 * s.summary.macsBefore),
                         static_cast<long long>(2 * s.summary.macsAfter), static_cast<long long>(s.summary.parametersBefore),
                         static_cast<long long>(s.summary.parametersAfter), s.summary.denseAccuracy, s.summary.prunedAccuracy);
            return;
        }
        if ((s.phase != "train" && s.phase != "finetune") || s.history.empty()) return;
        const auto& m = s.history.back();
        std::fprintf(stderr, "%s%s epoch %d/%d loss %.4f train %.4f val %.4f test %.4f  %.1f s\n", start,
                     m.phase == "train" ? "train" : ("finetune " + s.criterion).c_str(), m.epoch,
                     m.phase == "train" ? s.epochs : s.finetuneEpochs, m.trainLoss, m.trainAccuracy, m.validationAccuracy,
                     m.testAccuracy, m.epochSeconds);
    }

    void onMessage(const std::string& text) override { std::fprintf(stderr, "%s\n", text.c_str()); }

private:
    bool m_terminal;
};

std::string widths(const std::vector<int64_t>& w) {
    std::string text;
    for (const auto v : w) text += (text.empty() ? "" : "-") + std::to_string(v);
    return text;
}

void printSummary(const std::string& criterion, const train::FilterPruneSummary& s) {
    std::printf("%-10s accuracy %.4f -> %.4f (%.4f before fine-tuning)  params %lld -> %lld  FLOPs %lld -> %lld (-%.1f%%)\n"
                "           latency batch 256 %.2f -> %.2f ms (%.2fx), batch 1 %.3f -> %.3f ms  filters %s\n",
                criterion.c_str(), s.denseAccuracy, s.finalAccuracy, s.prunedAccuracy,
                static_cast<long long>(s.parametersBefore), static_cast<long long>(s.parametersAfter),
                static_cast<long long>(2 * s.macsBefore), static_cast<long long>(2 * s.macsAfter),
                100.0 * (1.0 - static_cast<double>(s.macsAfter) / static_cast<double>(std::max<int64_t>(1, s.macsBefore))),
                s.latencyBatch256BeforeMs, s.latencyBatch256AfterMs,
                s.latencyBatch256BeforeMs / std::max(1e-9, s.latencyBatch256AfterMs), s.latencyBatch1BeforeMs,
                s.latencyBatch1AfterMs, widths(s.widthsAfter).c_str());
}

}  // namespace

std::function<int()> addFilterPruneCommand(CLI::App& app, CLI::App*& command) {
    auto flags = std::make_shared<FilterPruneFlags>();
    auto& c = flags->config;
    command = app.add_subcommand("prune-filters",
                                 "Train a CNN, remove its least relevant conv filters to a FLOPs target, re-fit and fine-tune");
    command->add_option("--dataset", c.dataset, "Data set: a name from 'datasets' or FORMAT:PATH")->required();
    command->add_option(
        "--test", flags->test,
        "Test data set (default: mnist-full and fashion-mnist use their test files, others hold out --test-fraction)");
    command->add_option("--test-fraction", c.testFraction, "Held out for testing when there is no test set (default 0.2)");
    command->add_option("--net", c.net, "vgg16 (default), resnet20 or resnet32")
        ->check(CLI::IsMember({"vgg16", "resnet20", "resnet32"}));
    command->add_option("--width", c.width, "Channel-count multiplier (default 0.25)");
    command->add_option("--criterion", c.criterion,
                        "relevance (default), l1, apoz, act-mean, random, hrank; or all: the same trained net pruned by each");
    command->add_option("--flops-reduction", c.flopsReduction, "Fraction of the FLOPs to remove (default 0.5)");
    command->add_option("--epochs", c.epochs, "Dense training epochs (default 8)");
    command->add_option("--finetune-epochs", c.finetuneEpochs, "Fine-tuning epochs after pruning (default 2)");
    command->add_option("--lr", c.learningRate, "Training learning rate, cosine-annealed (default 0.05)");
    command->add_option("--finetune-lr", c.finetuneLearningRate, "Fine-tuning learning rate, cosine-annealed (default 0.01)");
    command->add_option("--weight-decay", c.weightDecay, "L2 weight decay (default 5e-4)");
    command->add_option("--batch", c.batchSize, "Mini-batch size (default 128)");
    command->add_option("--probe", c.probeSize,
                        "Training images the criteria look at; the re-fit reads the first 1,000 (default 2000)");
    command->add_option("--min-filters", c.minFilters, "Never fewer filters in a conv (default 2)");
    command
        ->add_option("--allocation", c.allocation,
                     "Filters kept per conv: uniform (default; the same share of every conv) or latency (most time "
                     "saved per FLOP, convs timed on this machine: faster, less accurate)")
        ->check(CLI::IsMember({"latency", "uniform"}));
    command->add_option("--channel-multiple", c.channelMultiple,
                        "Kept filters rounded to a multiple of this in convs of twice as many or more, to halves "
                        "of it in narrower ones (default 0: the CPU's channel block, 16 with AVX-512, 8 with AVX2; "
                        "1: exact)");
    command->add_flag("--no-reestimate", flags->noReestimate, "Skip the least-squares re-fit of the next layers");
    command
        ->add_option("--alignment", c.alignment,
                     "relevance: how a filter's map is compared with an image's Grad-CAM mask: response (default; its "
                     "mean inside the mask) or iou (of its thresholded map, METHODS.md)")
        ->check(CLI::IsMember({"response", "iou"}));
    command->add_option(
        "--unit-quantile", c.unitQuantile,
        "relevance with iou: a filter's mask is its map at or above this quantile over the probe (default 0.8)");
    command->add_option("--cam-fraction", c.camFraction, "relevance: an image's Grad-CAM mask is this top share (default 0.2)");
    command->add_option(
        "--votes", c.votes,
        "relevance: each image votes for its top-l filters by alignment; l = a fraction of the layer such as "
        "0.05 (default), the filters kept (keep), half the layer (half) or the filters removed (removed)");
    command->add_option("--limit", c.limit, "Use at most N training images (stratified; default 0: all)");
    command->add_option("--seed", c.seed, "Random seed (default 1)");
    command->add_option("--threads", c.threads, "Threads (default 0: every core)");
    command->add_option("--out", flags->out, "Run folder: config.json, metrics.csv, filter_scores.csv, summary.json, model.pt");
    command->add_flag("--json", flags->json, "Print one JSON object on stdout");

    return [flags]() -> int {
        auto config = flags->config;
        config.reestimate = !flags->noReestimate;
        const bool all = config.criterion == "all";
        if (all) config.criterion = "relevance";
        config.validate();
        const auto data = loadPruneData(config.dataset, flags->test, [&](const data::Dataset& pool, const data::Dataset* test) {
            return train::splitForFilterPruning(pool, test, config);
        });
        train::FilterPruneTrainer trainer(config, data, all ? std::filesystem::path() : std::filesystem::path(flags->out));
        std::fprintf(stderr, "%s: %lld training, %lld validation, %lld test images\n", config.dataset.c_str(),
                     static_cast<long long>(data.train.size()), static_cast<long long>(data.validation.size()),
                     static_cast<long long>(data.test.size()));
        FilterPruneProgress progress;
        if (all) {
            const auto comparison = trainer.compare(train::filterCriterionNames(), &progress);
            if (flags->json) {
                std::cout << train::filterComparisonJson(config, comparison) << "\n";
            } else {
                std::printf("%s x%.2f on %s, FLOPs -%.0f%%\n", config.net.c_str(), config.width, config.dataset.c_str(),
                            100.0 * config.flopsReduction);
                for (const auto& row : comparison.rows) printSummary(row.criterion, row.summary);
                std::printf("\n%s", train::comparisonPairingText(comparison).c_str());
            }
            return comparison.stopped ? 3 : 0;
        }
        const auto result = trainer.run(&progress);
        if (flags->json) {
            auto out = nlohmann::json::parse(train::filterPruneSummaryJson(config, result));
            out["out"] = flags->out;
            std::cout << out.dump(2) << "\n";
        } else {
            std::printf("%s x%.2f on %s: %s\n", config.net.c_str(), config.width, config.dataset.c_str(), result.message.c_str());
            printSummary(config.criterion, result.summary);
        }
        if (result.status != train::FilterPruneResult::Status::Finished) {
            std::cerr << "error: " << result.message << "\n";
            return 3;
        }
        return 0;
    };
}

}  // namespace dcs::cli
