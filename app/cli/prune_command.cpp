#include "prune_command.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <unistd.h>

#include "dcs/error.h"
#include "dcs/train/prune_trainer.h"
#include "progress_text.h"
#include "prune_data.h"

namespace dcs::cli {
namespace {

struct PruneFlags {
    train::PruneConfig config;
    std::string test;  // a test data set; empty: the data set's own test split or a held-out part
    std::string out;
    bool noBaseline = false;
    bool longSchedule = false;  // prune
    double keep = 0.7;  // prune-ablation
    bool json = false;
};

// Per-epoch lines on stderr; the in-epoch bar only on a terminal.
class PruneProgress : public train::TrainingObserver {
public:
    explicit PruneProgress(std::string label) : m_label(std::move(label)), m_terminal(isatty(STDERR_FILENO) != 0) {}

    void onProgress(const train::TrainingProgress& p) override {
        if (!m_terminal) return;
        std::fprintf(stderr, "\r%s epoch %d/%d batch %lld/%lld loss %.4f ETA %s   ", m_label.c_str(), p.epoch, p.epochs,
                     static_cast<long long>(p.batch), static_cast<long long>(p.batches), p.loss,
                     duration(p.etaSeconds).c_str());
        std::fflush(stderr);
    }

    void onPruneSnapshot(const train::PruneSnapshot& s) override {
        std::string alive;
        for (const auto a : s.metrics.alive) alive += (alive.empty() ? "" : "-") + std::to_string(a);
        std::fprintf(stderr, "%s%s epoch %d/%d loss %.4f train %.4f val %.4f test %.4f  units %s  weights %lld%s  %.1f s\n",
                     m_terminal ? "\r" : "", m_label.c_str(), s.epoch, s.epochs, s.metrics.trainLoss,
                     s.metrics.trainAccuracy, s.metrics.validationAccuracy, s.metrics.testAccuracy, alive.c_str(),
                     static_cast<long long>(s.metrics.parameters), s.metrics.pruned ? "  (pruned)" : "",
                     s.metrics.epochSeconds);
    }

    void onMessage(const std::string& text) override { std::fprintf(stderr, "%s %s\n", m_label.c_str(), text.c_str()); }

private:
    std::string m_label;
    bool m_terminal;
};

void addSharedFlags(CLI::App* command, PruneFlags& flags) {
    auto& c = flags.config;
    command->add_option("--dataset", c.dataset, "Data set: a name from 'datasets' or FORMAT:PATH")->required();
    command->add_option(
        "--test", flags.test,
        "Test data set (default: mnist-full and fashion-mnist use their test files, others hold out --test-fraction)");
    command->add_option("--test-fraction", c.testFraction, "Held out for testing when there is no test set (default 0.2)");
    command->add_option("--net", c.net, "fcn (default), scn (sparse, SET) or cnn")->check(CLI::IsMember({"fcn", "scn", "cnn"}));
    command->add_option("--hidden", c.hidden, "Hidden FC widths, e.g. 1000,1000,1000 (default: the preset's)")->delimiter(',');
    command->add_flag("--prune-conv", c.pruneConv, "cnn: prune conv filters too, not only the FC layers");
    command->add_option("--votes", c.votes,
                        "vote: each example votes for its top-l units; l = the units kept (keep), half the layer "
                        "(half), the units removed (removed), or a fraction of the layer such as 0.1");
    command
        ->add_option("--vote-on", c.voteOn,
                     "vote: rank each example's units by deviation (|activation - the unit's mean over the "
                     "probe|, default) or by activation (METHODS.md's wording)")
        ->check(CLI::IsMember({"deviation", "activation"}));
    command->add_option("--epochs", c.epochs, "Training epochs (default 40; 80 with prune --long)");
    command->add_option("--min-units", c.minUnits, "Never fewer units in a layer (default 10)");
    command->add_option("--optimizer", c.optimizer, "sgd (default) or adam")->check(CLI::IsMember({"sgd", "adam"}));
    command->add_option("--lr", c.learningRate, "Learning rate (default 0.05)");
    command->add_option("--lr-schedule", c.lrSchedule, "constant, or cosine (default): annealed to 0 over the epochs")
        ->check(CLI::IsMember({"constant", "cosine"}));
    command->add_option("--momentum", c.momentum, "SGD momentum (default 0.9)");
    command->add_option("--weight-decay", c.weightDecay, "L2 weight decay (default 2e-4)");
    command->add_option("--batch", c.batchSize, "Mini-batch size (default 100)");
    command->add_option("--dropout", c.dropout, "Dropout after hidden layers (default 0.3)");
    command->add_flag("--dropout-follows-pruning", c.dropoutFollowsPruning,
                      "Each layer's dropout times sqrt(the share of its connections alive), as Han et al. (2015) "
                      "retrain pruned nets");
    command->add_option("--epsilon", c.epsilon, "scn: Erdős–Rényi density parameter (default 20)");
    command->add_option("--zeta", c.zeta, "scn: fraction of connections SET moves per epoch (default 0.3)");
    command->add_option("--probe", c.probeSize, "Training examples the criteria look at (default 10000)");
    command->add_option("--limit", c.limit, "Use at most N training images (stratified; default 0: all)");
    command->add_option("--seed", c.seed, "Random seed (default 1)");
    command->add_option("--threads", c.threads, "Threads (default 0: every core)");
    command->add_flag("--json", flags.json, "Print one JSON object on stdout");
}

train::PruneData loadData(const train::PruneConfig& config, const std::string& testSpec) {
    return loadPruneData(config.dataset, testSpec, [&](const data::Dataset& pool, const data::Dataset* test) {
        return train::splitForPruning(pool, test, config);
    });
}

std::string widths(const std::vector<int64_t>& w) {
    std::string text;
    for (const auto v : w) text += (text.empty() ? "" : "-") + std::to_string(v);
    return text;
}

}  // namespace

std::function<int()> addPruneCommand(CLI::App& app, CLI::App*& command) {
    auto flags = std::make_shared<PruneFlags>();
    auto& c = flags->config;
    command = app.add_subcommand("prune", "Train a classifier and prune its neurons (majority voting or a baseline criterion)");
    addSharedFlags(command, *flags);
    command->add_option("--criterion", c.criterion, "vote (default), random, weight-sum, act-mean, act-sd, act-l1, act-l2 or apoz");
    command->add_option("--schedule", c.schedule, "during (default): prune while training; oneshot: train, then prune")
        ->check(CLI::IsMember({"during", "oneshot"}));
    command->add_option("--every", c.every, "A pruning check every T epochs (default 1)");
    command->add_option("--rate", c.rate, "Fraction k of alive units removed per layer at each event (default 0.1)");
    command
        ->add_option("--layer-rates", c.layerRates,
                     "One k per prunable layer instead of --rate, e.g. 0.085,0.1,0.1 (a wider first layer for the "
                     "same weights)")
        ->delimiter(',');
    command->add_option("--tolerance", c.tolerance,
                        "Prune when validation accuracy >= its value just after the last event - this (default 0)");
    command->add_option("--target", c.target, "Stop pruning once the weights are at most this fraction of the dense net's (default 0.1; 0: never)");
    command->add_flag("--land-on-target", c.landOnTarget,
                      "The event that reaches --target removes only as many units as land on it, not the whole rate");
    command->add_option("--keep", c.keep, "oneshot: fraction of units kept per layer (default 0.1)");
    command->add_option("--out", flags->out,
                        "Run folder: config.json, metrics.csv, pruning_events.csv, summary.json, model.pt; the dense "
                        "net's run in DIR/dense");
    command->add_flag("--no-baseline", flags->noBaseline, "Skip training the dense model with the same budget (acc_before)");
    command->add_flag("--long", flags->longSchedule,
                      "The Long schedule: 80 epochs, after which the pruned net is within chance of the dense one on "
                      "mnist (--epochs still overrides it)");

    return [flags, command]() -> int {
        auto config = flags->config;
        if (flags->longSchedule && command->count("--epochs") == 0) config = train::PruneConfig::longSchedule(config);
        config.validate();
        const auto data = loadData(config, flags->test);
        std::fprintf(stderr, "%s: %lld training, %lld validation, %lld test images\n", config.dataset.c_str(),
                     static_cast<long long>(data.train.size()), static_cast<long long>(data.validation.size()),
                     static_cast<long long>(data.test.size()));
        config.denseBaseline = !flags->noBaseline;
        PruneProgress denseProgress("dense");
        PruneProgress progress(config.criterion);
        const auto comparison = train::runPruneComparedWithDense(config, data, flags->out, &denseProgress, &progress);
        const auto& dense = comparison.dense;
        if (dense && dense->status != train::PruneRunResult::Status::Finished) {
            std::cerr << "error: the dense baseline " << dense->message << "\n";
            return 3;
        }
        const auto& result = comparison.pruned;
        if (flags->json) {
            auto out = nlohmann::json::parse(train::pruneSummaryJson(config, result, dense ? &*dense : nullptr));
            out["out"] = flags->out;
            std::cout << out.dump(2) << "\n";
        } else {
            char denseAccuracy[16] = "not trained";
            if (dense) std::snprintf(denseAccuracy, sizeof denseAccuracy, "%.4f", dense->testAccuracy);
            const auto denseText = dense ? std::string(denseAccuracy) + "; " + train::densePairingText(result, *dense)
                                         : std::string(denseAccuracy);
            std::printf(
                "%s %s on %s: %s\n  units %s -> %s\n  weights %lld -> %lld (%.1f%% kept), FLOPs %lld -> %lld\n"
                "  test accuracy %.4f (dense, same budget: %s)\n  latency batch 256: %.2f -> %.2f ms (%.2fx), "
                "batch 1: %.3f -> %.3f ms\n",
                config.net.c_str(), config.criterion.c_str(), config.dataset.c_str(), result.message.c_str(),
                widths(result.widthsBefore).c_str(), widths(result.widthsAfter).c_str(),
                static_cast<long long>(result.parametersBefore), static_cast<long long>(result.parametersAfter),
                100.0 * static_cast<double>(result.parametersAfter) /
                    static_cast<double>(std::max<int64_t>(1, result.parametersBefore)),
                static_cast<long long>(2 * result.macsBefore), static_cast<long long>(2 * result.macsAfter),
                result.testAccuracy, denseText.c_str(), result.latencyBatch256BeforeMs, result.latencyBatch256AfterMs,
                result.latencyBatch256BeforeMs / std::max(1e-9, result.latencyBatch256AfterMs),
                result.latencyBatch1BeforeMs, result.latencyBatch1AfterMs);
        }
        if (result.status == train::PruneRunResult::Status::Failed) {
            std::cerr << "error: " << result.message << "\n";
            return 3;
        }
        return 0;
    };
}

std::function<int()> addPruneAblationCommand(CLI::App& app, CLI::App*& command) {
    auto flags = std::make_shared<PruneFlags>();
    command = app.add_subcommand("prune-ablation",
                                 "Train once, then keep a fraction of one layer / all layers by every criterion; test accuracy table");
    addSharedFlags(command, *flags);
    command->add_option("--keep", flags->keep, "Fraction of units kept (default 0.7, as in the paper)");

    return [flags]() -> int {
        auto config = flags->config;
        config.validate();
        const auto data = loadData(config, flags->test);
        PruneProgress progress("ablation");
        const auto result = train::runPruneAblation(config, data, flags->keep, &progress);
        if (flags->json) {
            std::cout << train::ablationJson(config, result) << "\n";
            return 0;
        }
        std::printf("%s on %s, keeping %.0f%% of the units; dense test accuracy %.4f\n%-11s", config.net.c_str(),
                    config.dataset.c_str(), 100.0 * flags->keep, result.denseAccuracy, "criterion");
        for (const auto& name : result.layerNames) std::printf(" %8s", name.c_str());
        std::printf(" %8s\n", "all");
        std::string current;
        for (const auto& row : result.rows) {
            if (row.criterion != current) {
                if (!current.empty()) std::printf("\n");
                current = row.criterion;
                std::printf("%-11s", row.criterion.c_str());
            }
            std::printf(" %8.4f", row.accuracy);
        }
        std::printf(
            "\n\nAll layers pruned, against vote on the same test images (McNemar's exact test; p above 0.05 "
            "is within chance):\n");
        for (const auto& row : result.rows)
            if (row.layer == "all" && row.criterion != "vote")
                std::printf("  %-11s vote alone right on %lld, %s alone on %lld, p %.3g\n", row.criterion.c_str(),
                            static_cast<long long>(row.onlyVoteRight), row.criterion.c_str(),
                            static_cast<long long>(row.onlyThisRight), row.pVersusVote);
        return 0;
    };
}

}  // namespace dcs::cli
