#include "cluster_command.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <unistd.h>

#include "dcs/data/registry.h"
#include "dcs/data/subsets.h"
#include "dcs/error.h"
#include "dcs/train/cluster_trainer.h"
#include "progress_text.h"

namespace dcs::cli {
namespace {

struct ClusterFlags {
    train::ClusterConfig config;  // values as parsed; applied only where the flag was given
    bool paper = false;
    bool longSchedule = false;
    bool plainSchedule = false;
    std::string out;
    std::string resume;
    std::string parentMap;
    bool json = false;
};

std::string metricText(const char* name, const std::optional<double>& value) {
    if (!value) return "";
    char text[32];
    std::snprintf(text, sizeof text, "  %s %.4f", name, *value);
    return text;
}

// A progress bar on stderr: redrawn in place on a terminal, a line per epoch otherwise.
class ProgressPrinter : public train::TrainingObserver {
public:
    ProgressPrinter() : m_terminal(isatty(STDERR_FILENO) != 0) {}

    void onProgress(const train::TrainingProgress& p) override {
        if (!m_terminal) return;
        const int width = 24;
        const int filled = static_cast<int>(width * p.batch / std::max<int64_t>(1, p.batches));
        std::fprintf(stderr, "\repoch %d/%d [%s%s] loss %.4f  ETA %s%s   ", p.epoch, p.epochs,
                     std::string(static_cast<size_t>(filled), '#').c_str(),
                     std::string(static_cast<size_t>(width - filled), '.').c_str(), p.loss,
                     duration(p.etaSeconds).c_str(), m_lastMetrics.c_str());
        std::fflush(stderr);
    }

    void onSnapshot(const train::ClusterSnapshot& s) override {
        m_lastMetrics = metricText("ACC", s.acc) + metricText("NMI", s.nmi);
        char supervision[32] = "";
        if (s.supervisionLoss > 0.0) std::snprintf(supervision, sizeof supervision, " E3 %.4f", s.supervisionLoss);
        std::fprintf(stderr, "%sepoch %d/%d %s E1 %.4f E2 %.4f%s total %.4f%s%s%s  %.1f s, %.0f img/s\n",
                     m_terminal ? "\r" : "", s.epoch, s.epochs, s.warmup ? "warm-up" : "cluster ", s.reconstructionLoss,
                     s.clusteringLoss, supervision, s.totalLoss, metricText("ACC", s.acc).c_str(), metricText("NMI", s.nmi).c_str(),
                     metricText("ARI", s.ari).c_str(), s.epochSeconds, s.imagesPerSecond);
        if (s.reseed)
            std::fprintf(stderr, "  epoch %d: cluster %lld (%lld codes) re-seeded with half of cluster %lld (%lld)\n",
                         s.epoch, static_cast<long long>(s.reseed->cluster),
                         static_cast<long long>(s.reseed->clusterSize), static_cast<long long>(s.reseed->from),
                         static_cast<long long>(s.reseed->fromSize));
        if (s.resplit)
            std::fprintf(stderr, "  epoch %d: clusters %lld and %lld re-split along a sparser cut (%.3f -> %.3f)\n",
                         s.epoch, static_cast<long long>(s.resplit->first), static_cast<long long>(s.resplit->second),
                         s.resplit->cutBefore, s.resplit->cutAfter);
    }

    void onMessage(const std::string& text) override { std::fprintf(stderr, "%s\n", text.c_str()); }

private:
    bool m_terminal;
    std::string m_lastMetrics;
};

}  // namespace

std::function<int()> addClusterCommand(CLI::App& app, CLI::App*& command) {
    auto flags = std::make_shared<ClusterFlags>();
    auto& c = flags->config;
    command = app.add_subcommand("cluster", "Train DCAE-Kmeans or DCAE-GMM (DeepCluster) and report ACC/NMI/ARI");
    command->add_option("--dataset", c.dataset, "Data set: a name from 'datasets' or FORMAT:PATH");
    command->add_option("--method", c.method, "dcae-kmeans or dcae-gmm")->check(CLI::IsMember({"dcae-kmeans", "dcae-gmm"}));
    command->add_option("--preset", c.preset, "Architecture: icip2018 or caip2019 (default)")
        ->check(CLI::IsMember({"icip2018", "caip2019"}));
    auto* paper = command->add_flag(
        "--paper", flags->paper,
        "The paper's schedule for the preset: random centres, no warm-up, its optimiser, lr, batch, lambda, and "
        "the nearest-centre read-out");
    auto* longSchedule =
        command
            ->add_flag("--long", flags->longSchedule,
                       "The Long schedule: 200 epochs, 20 of warm-up, cosine learning rate, and --resplit-boundaries "
                       "where the run trains on the read-out; dcae-gmm without supervision trains on the read-out "
                       "with lambda 1 (reaches the mnist targets with either method; other flags still override it)")
            ->excludes(paper);
    command
        ->add_flag(
            "--plain", flags->plainSchedule,
            "The Plain schedule: 30 epochs, 10 of warm-up, --no-augment, lambda 0.1; dcae-gmm in its diagonal "
            "Mahalanobis form (--covariance diag --gmm-loss mahalanobis --gmm-weights fitted --start-balance 0 "
            "--reseed-below 0) (reaches the fashion-mnist target with dcae-kmeans; other flags still override it)")
        ->excludes(paper)
        ->excludes(longSchedule);
    command->add_option("--epochs", c.epochs,
                        "Epochs in all (default 40; 200 with --long or --supervision semi; 30 with --plain)");
    command->add_option("--clusters", c.clusters, "K (default 10)");
    command->add_option("--latent", c.latent, "Latent size (default 10)");
    command->add_option("--lambda", c.lambda,
                        "Weight of the clustering term (default 1; 5 for dcae-gmm without supervision, but 1 with "
                        "--long; 0.1 with --supervision full or --plain)");
    command->add_option("--optimizer", c.optimizer, "adam (default) or sgd")->check(CLI::IsMember({"adam", "sgd"}));
    command->add_option("--lr", c.learningRate, "Learning rate (default 0.001)");
    command->add_option(
        "--lr-schedule", c.lrSchedule,
        "constant (default; cosine with --supervision semi), or cosine: the learning rate annealed to 0 over "
        "the clustering epochs");
    command->add_option("--momentum", c.momentum, "SGD momentum (default 0.9)");
    command->add_option("--weight-decay", c.weightDecay, "L2 weight decay (default 0)");
    command->add_option("--batch", c.batchSize, "Mini-batch size (default 64)");
    command->add_option("--warmup", c.warmupEpochs,
                        "Reconstruction-only epochs before clustering starts (default 15; 20 with --long or "
                        "--supervision semi; 10 with --plain)");
    command->add_flag("--augment,!--no-augment", c.augment,
                      "Train on randomly shifted, rotated and scaled copies of the images (default on, off with "
                      "--plain; --no-augment: off)");
    command->add_option("--dropout", c.dropout, "Dropout after the hidden FC layers, e.g. 0.2 (default 0: off)");
    command->add_flag("--batchnorm", c.batchNorm, "Batch normalisation after every convolution");
    command
        ->add_option("--supervision", c.supervision,
                     "none (default), semi (parent labels, see --parent-map; its defaults: --supervision-weight 5, "
                     "--epochs 200, --warmup 20, --lr-schedule cosine) or full (class labels; its defaults: "
                     "--init constrained, --no-augment, --lambda 0.1)")
        ->check(CLI::IsMember({"none", "semi", "full"}));
    command->add_option("--labelled", c.labelled, "Only the first N images carry a label for supervision (default 0: all)");
    command->add_option("--parent-map", flags->parentMap,
                        "CSV 'class,parent' grouping classes for --supervision semi (default: first half -> 0, rest -> 1)");
    command->add_option("--supervision-weight", c.supervisionWeight,
                        "Weight of the supervision term E3 (default 50; 5 with --supervision semi)");
    command
        ->add_option("--init", c.init,
                     "Cluster start: kmeans++ (default; the best of 20 restarts, with a prior for clusters of similar "
                     "size), merged (k-means into 2K clusters, merged down to K by "
                     "Ward's criterion: keeps a dense class whole), random, labels (each cluster at a class's "
                     "mean code; needs --supervision full), or constrained (constrained k-means: the clusters are "
                     "shared out among the classes or parents, and a labelled image trains only towards its own "
                     "label's clusters; needs --supervision semi or full)")
        ->check(CLI::IsMember({"kmeans++", "merged", "random", "labels", "constrained"}));
    command->add_option("--start-balance", c.startBalance,
                        "Weight of the kmeans++ start's prior for clusters of similar size (default 1.5; 0: the "
                        "restart of lowest inertia)");
    command->add_option("--reseed-below", c.reseedBelow,
                        "Re-seed a cluster that holds fewer than F x N/K codes with half of the largest cluster, "
                        "when that holds more than 1.5 x N/K (2-means on its codes), after each epoch (default 0.5 "
                        "without supervision; 0: off)");
    command
        ->add_option("--covariance", c.covariance,
                     "DCAE-GMM covariance: diag, spherical, tied (one diagonal shared by all clusters) or full "
                     "(default tied; diag with --supervision)")
        ->check(CLI::IsMember({"diag", "spherical", "tied", "full"}));
    command
        ->add_option("--gmm-loss", c.gmmLoss,
                     "DCAE-GMM clustering term: mahalanobis, scaled (Mahalanobis times the mixture's mean variance, "
                     "in the codes' units like the k-means term; the default) or nll (mahalanobis with --supervision)")
        ->check(CLI::IsMember({"mahalanobis", "scaled", "nll"}));
    command
        ->add_option("--gmm-weights", c.gmmWeights,
                     "DCAE-GMM mixing weights in training's M-steps: fitted, or equal (1/K; the default without "
                     "supervision)")
        ->check(CLI::IsMember({"fitted", "equal"}));
    command
        ->add_option("--readout", c.readout,
                     "How each image's cluster is reported: gaussian (the default: each cluster read by its own "
                     "shape, its members' mean and full covariance, and every image put in the cluster under which "
                     "it is most likely) or nearest (the nearest centre, the papers' rule; DCAE-GMM: the most "
                     "responsible component). Training is the same either way; may be given with --resume")
        ->check(CLI::IsMember({"gaussian", "nearest"}));
    command->add_flag("--train-on-readout,!--no-train-on-readout", c.trainOnReadout,
                      "Each epoch's centres are the means of the clusters the images are read into by the gaussian "
                      "read-out (DCAE-GMM: each component is fitted to its cluster so read), and the clustering term "
                      "pulls every code towards that cluster (the default for dcae-kmeans without supervision, and for "
                      "dcae-gmm with --long; ignored with --init constrained)");
    command->add_flag("--resplit-boundaries,!--no-resplit-boundaries", c.resplitBoundaries,
                      "After each epoch's update, the two clusters whose boundary cuts the most edges of "
                      "the codes' 10-nearest-neighbour graph are re-split along the spectral cut of their union when "
                      "that cut is under 0.6 of the current one: the way out of two classes split across two "
                      "clusters (default: on with --long where the run trains on the read-out, off otherwise; ignored "
                      "with --init constrained)");
    command->add_option("--seed", c.seed, "Random seed (default 1)");
    command->add_option("--threads", c.threads, "Threads (default 0: every core)");
    command->add_option("--device", c.device, "cpu (default) or cuda")->check(CLI::IsMember({"cpu", "cuda"}));
    command->add_option("--limit", c.limit, "Use only the first N images (default 0: all)");
    command->add_option("--out", flags->out, "Run folder: config.json, metrics.csv, summary.json, assignments.csv, checkpoint");
    command->add_option("--resume", flags->resume,
                        "Continue the run in this folder from its last checkpoint, with the folder's settings; "
                        "only --epochs and --readout may be given too");
    command->add_flag("--json", flags->json, "Print one JSON summary object on stdout");

    return [flags, command]() -> int {
        train::ClusterConfig config;
        if (!flags->resume.empty()) {
            config = train::ClusterTrainer::readConfig(flags->resume);
            // A resumed run trains with its folder's settings (that is what makes it continue exactly);
            // only how long it runs and how it is read out may change. Any other flag would be ignored.
            for (const CLI::Option* option : command->get_options()) {
                const std::string name = option->get_name();
                if (option->count() > 0 && name != "--resume" && name != "--epochs" && name != "--readout" &&
                    name != "--json")
                    throw ConfigError(name +
                                      ": cannot change when resuming; the run folder fixes it (only --epochs and "
                                      "--readout may be given with --resume)");
            }
        } else {
            if (command->count("--dataset") == 0) throw ConfigError("--dataset: required (a name from 'datasets')");
            const std::string preset = command->count("--preset") ? flags->config.preset : config.preset;
            if (flags->paper) config = train::ClusterConfig::paperSchedule(preset);
            else
                config = train::ClusterConfig::defaultsFor(flags->config.supervision, flags->config.method);
            if (flags->longSchedule) config = train::ClusterConfig::longSchedule(config);
            if (flags->plainSchedule) config = train::ClusterConfig::plainSchedule(config);
        }
        // Every flag given on the command line overrides the defaults (or the paper's schedule).
        const auto& f = flags->config;
        const auto given = [&](const char* name) { return command->count(name) > 0; };
        if (given("--dataset")) config.dataset = f.dataset;
        if (given("--method")) config.method = f.method;
        if (given("--preset")) config.preset = f.preset;
        if (given("--epochs")) config.epochs = f.epochs;
        if (given("--clusters")) config.clusters = f.clusters;
        if (given("--latent")) config.latent = f.latent;
        if (given("--lambda")) config.lambda = f.lambda;
        if (given("--optimizer")) config.optimizer = f.optimizer;
        if (given("--lr")) config.learningRate = f.learningRate;
        if (given("--lr-schedule")) config.lrSchedule = f.lrSchedule;
        if (given("--momentum")) config.momentum = f.momentum;
        if (given("--weight-decay")) config.weightDecay = f.weightDecay;
        if (given("--batch")) config.batchSize = f.batchSize;
        if (given("--warmup")) config.warmupEpochs = f.warmupEpochs;
        if (given("--init")) config.init = f.init;
        if (given("--start-balance")) config.startBalance = f.startBalance;
        if (given("--reseed-below")) config.reseedBelow = f.reseedBelow;
        if (given("--augment")) config.augment = f.augment;
        if (given("--dropout")) config.dropout = f.dropout;
        if (given("--batchnorm")) config.batchNorm = f.batchNorm;
        if (given("--supervision")) config.supervision = f.supervision;
        if (given("--labelled")) config.labelled = f.labelled;
        if (given("--supervision-weight")) config.supervisionWeight = f.supervisionWeight;
        if (given("--covariance")) config.covariance = f.covariance;
        if (given("--gmm-loss")) config.gmmLoss = f.gmmLoss;
        if (given("--gmm-weights")) config.gmmWeights = f.gmmWeights;
        if (given("--readout")) config.readout = f.readout;
        if (given("--train-on-readout")) config.trainOnReadout = f.trainOnReadout;
        if (given("--resplit-boundaries")) config.resplitBoundaries = f.resplitBoundaries;
        if (given("--seed")) config.seed = f.seed;
        if (given("--threads")) config.threads = f.threads;
        if (given("--device")) config.device = f.device;
        if (given("--limit")) config.limit = f.limit;
        config.validate();

        const data::DatasetRegistry registry;
        auto dataset = registry.load(config.dataset);
        if (config.limit > 0) dataset = data::firstN(dataset, config.limit);
        if (!flags->parentMap.empty()) {
            if (config.supervision != "semi")
                throw ConfigError("--parent-map: only used with --supervision semi; found --supervision " + config.supervision);
            config.parentMap = train::readParentMap(flags->parentMap, dataset.classNames());
        }

        std::unique_ptr<train::ClusterTrainer> trainer;
        if (!flags->resume.empty()) {
            trainer = train::ClusterTrainer::resume(flags->resume, dataset, config.epochs, config.readout);
            std::fprintf(stderr, "resuming %s after epoch %d of %d\n", flags->resume.c_str(), trainer->epochsCompleted(),
                         config.epochs);
        } else {
            trainer = std::make_unique<train::ClusterTrainer>(config, dataset, flags->out);
        }
        ProgressPrinter printer;
        const auto result = trainer->run(&printer);

        if (flags->json) {
            auto out = nlohmann::json::parse(train::runSummaryJson(config, result));
            out["out"] = flags->resume.empty() ? flags->out : flags->resume;
            std::cout << out.dump(2) << "\n";
        } else {
            std::printf("%s on %s (%lld images, %s): %s after %d epochs in %s, %.0f images/s%s%s%s\n", config.method.c_str(),
                        config.dataset.c_str(), static_cast<long long>(result.samples), config.preset.c_str(),
                        train::toString(result.status).c_str(), result.epochsCompleted, duration(result.seconds).c_str(),
                        result.imagesPerSecond, metricText("ACC", result.acc).c_str(), metricText("NMI", result.nmi).c_str(),
                        metricText("ARI", result.ari).c_str());
        }
        if (result.status == train::ClusterRunResult::Status::Failed) {
            std::cerr << "error: " << result.message << "\n";
            return 3;
        }
        return 0;
    };
}

}  // namespace dcs::cli
