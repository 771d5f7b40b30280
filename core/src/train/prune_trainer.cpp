#include "dcs/train/prune_trainer.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "dcs/data/dataset_tensor.h"
#include "dcs/data/subsets.h"
#include "dcs/error.h"
#include "dcs/io/atomic_file.h"
#include "dcs/metrics/paired_test.h"
#include "dcs/model/classifier_net.h"
#include "dcs/prune/criteria.h"
#include "dcs/prune/layer_probe.h"
#include "dcs/train/lr_schedule.h"
#include "train/run_support.h"

namespace dcs::train {
namespace {

namespace fs = std::filesystem;
using run_support::Clock;
using run_support::generatorFor;
using run_support::secondsSince;
using run_support::toFloats;

run_support::Evaluation evaluate(model::ClassifierNet& net, const torch::Tensor& images, const torch::Tensor& labels) {
    return run_support::evaluateClassifier(*net, images, labels);
}

const char* kMetricsHeader =
    "epoch,train_loss,train_acc,val_loss,val_acc,test_loss,test_acc,parameters,alive,pruned,epoch_seconds";

// Purposes of the seeded generators (run_support::generatorFor).
enum Purpose : uint64_t { kShuffle = 11, kProbe = 12, kScores = 13, kSparse = 14 };

std::vector<uint8_t> toBytes(const torch::Tensor& mask) {
    const auto c = mask.to(torch::kCPU).to(torch::kUInt8).contiguous();
    return {c.data_ptr<uint8_t>(), c.data_ptr<uint8_t>() + c.numel()};
}

std::string widthsText(const std::vector<int64_t>& widths) {
    std::string text;
    for (const auto w : widths) text += (text.empty() ? "" : "-") + std::to_string(w);
    return text;
}

model::ClassifierSpec specFor(const PruneConfig& config, const data::Dataset& train) {
    auto spec = model::ClassifierSpec::preset(config.net, train.channels(), train.height(), train.width(),
                                              std::max<int64_t>(2, train.classCount()));
    if (!config.hidden.empty()) spec.hidden = config.hidden;
    spec.dropout = config.dropout;
    spec.dropoutFollowsPruning = config.dropoutFollowsPruning;
    spec.sparseEpsilon = config.epsilon;
    spec.validate();
    for (const auto w : spec.hidden)
        if (config.minUnits > w)
            throw ConfigError("min units: " + std::to_string(config.minUnits) + " is above a layer width of " +
                              std::to_string(w) + " (" + widthsText(spec.hidden) +
                              "); expected at most the smallest width");
    return spec;
}

}  // namespace

PruneData splitForPruning(const data::Dataset& pool, const data::Dataset* test, const PruneConfig& config) {
    config.validate();
    if (!pool.hasLabels())
        throw ConfigError("dataset: '" + config.dataset + "' has no labels; pruning trains a classifier and needs them");
    if (test && !test->hasLabels()) throw ConfigError("test dataset: has no labels; expected labelled test images");
    if (pool.size() < 10)
        throw ConfigError("dataset: '" + config.dataset + "' has " + std::to_string(pool.size()) +
                          " images; expected at least 10 to split into training, validation and test");
    PruneData result;
    data::Dataset trainPool;
    if (test) {
        trainPool = pool;
        result.test = *test;
    } else {
        auto split = data::trainValidationSplit(pool, config.testFraction, config.seed);
        trainPool = std::move(split.train);
        result.test = std::move(split.validation);
    }
    if (config.limit > 0 && config.limit < trainPool.size())
        trainPool = data::stratifiedSubset(trainPool, config.limit, config.seed);
    auto split = data::trainValidationSplit(trainPool, config.validationFraction, config.seed + 1);
    result.train = std::move(split.train);
    result.validation = std::move(split.validation);
    return result;
}

bool mayPruneAgain(double validationAccuracy, double accuracyAfterLastEvent, double tolerance) {
    return validationAccuracy >= accuracyAfterLastEvent - tolerance;
}

namespace {

// A run that failed or stopped before its first epoch has no test result to pair.
bool pairable(const PruneRunResult& pruned, const PruneRunResult& dense) {
    return !pruned.testCorrect.empty() && pruned.testCorrect.size() == dense.testCorrect.size();
}

}  // namespace

std::string densePairingText(const PruneRunResult& pruned, const PruneRunResult& dense) {
    if (!pairable(pruned, dense)) return "not paired: the pruned run has no test result";
    const auto paired = metrics::pairOnSameImages(dense.testCorrect, pruned.testCorrect);
    char text[160];
    std::snprintf(text, sizeof text, "dense alone right on %lld, pruned alone on %lld, p %.2g",
                  static_cast<long long>(paired.onlyFirstRight), static_cast<long long>(paired.onlySecondRight),
                  paired.p);
    return text;
}

std::string pruneSummaryJson(const PruneConfig& config, const PruneRunResult& result, const PruneRunResult* dense) {
    const auto ratio = [](double a, double b) { return b > 0.0 ? nlohmann::json(a / b) : nlohmann::json(nullptr); };
    nlohmann::json summary{{"dataset", config.dataset},
                           {"net", config.net},
                           {"criterion", config.criterion},
                           {"schedule", config.schedule},
                           {"epochs", result.epochsCompleted},
                           {"status", toString(result.status)},
                           {"message", result.message},
                           {"pruning_events", result.pruningEvents},
                           {"params_before", result.parametersBefore},
                           {"params_after", result.parametersAfter},
                           {"params_kept_fraction", ratio(static_cast<double>(result.parametersAfter),
                                                          static_cast<double>(result.parametersBefore))},
                           {"acc_before", dense ? nlohmann::json(dense->testAccuracy) : nlohmann::json(nullptr)},
                           {"acc_after", result.testAccuracy},
                           {"validation_acc", result.validationAccuracy},
                           {"train_acc", result.trainAccuracy},
                           // One multiply-accumulate counts as two floating-point operations.
                           {"flops_before", 2 * result.macsBefore},
                           {"flops_after", 2 * result.macsAfter},
                           {"latency_before_ms", result.latencyBatch256BeforeMs},
                           {"latency_after_ms", result.latencyBatch256AfterMs},
                           {"latency_batch", 256},
                           {"latency_batch1_before_ms", result.latencyBatch1BeforeMs},
                           {"latency_batch1_after_ms", result.latencyBatch1AfterMs},
                           {"speedup_batch256", ratio(result.latencyBatch256BeforeMs, result.latencyBatch256AfterMs)},
                           {"widths_before", result.widthsBefore},
                           {"widths_after", result.widthsAfter},
                           {"seconds", result.seconds}};
    if (dense && pairable(result, *dense)) {
        const auto paired = metrics::pairOnSameImages(dense->testCorrect, result.testCorrect);
        summary["only_dense_right"] = paired.onlyFirstRight;
        summary["only_pruned_right"] = paired.onlySecondRight;
        summary["p_vs_dense"] = paired.p;
    }
    return summary.dump(2);
}

double measureLatencyMs(model::ClassifierNetImpl& net, int64_t batch, int repeats) {
    const auto& spec = net.spec();
    return run_support::forwardLatencyMs(net, spec.channels, spec.height, spec.width, batch, repeats);
}

struct PruneTrainer::State {
    PruneConfig config;
    const PruneData& data;
    fs::path folder;
    model::ClassifierNet net{nullptr};
    std::unique_ptr<torch::optim::Optimizer> optimizer;
    torch::Tensor trainImages, trainLabels, validationImages, validationLabels, testImages, testLabels, probeImages;
    std::vector<size_t> prunable;  // unit layers the schedule prunes
    prune::Criterion criterion = prune::Criterion::Vote;
    prune::VoteRanking voteRanking = prune::VoteRanking::Deviation;
    std::vector<PruningEvent> events;
    std::vector<PruneEpochMetrics> history;
    std::vector<std::string> eventRows;  // pruning_events.csv
    double accuracyAtLastEvent = -1.0;  // validation accuracy just after the last pruning event
    int64_t denseParameters = 0;
    std::shared_ptr<model::ClassifierNetImpl> compacted;
    std::optional<PruneRunResult> dense;  // to compare with in summary.json

    State(PruneConfig c, const PruneData& d, fs::path f) : config(std::move(c)), data(d), folder(std::move(f)) {}

    void setUp();
    // Scores the prunable layers and removes units; false when every layer is at its minimum.
    // rates: the fraction of alive units each prunable layer loses.
    // weightsBudget > 0: an event that would take the net below this many weights removes only as many
    // units (the same share of every layer's rate) as land it at or just below them.
    bool pruneUnits(int epoch, const std::vector<double>& rates, double weightsBudget = 0.0);
    std::vector<int64_t> keepsLandingOnBudget(const std::vector<torch::Tensor>& alive,
                                              const std::vector<torch::Tensor>& scores,
                                              const std::vector<double>& rates, double weightsBudget);
    std::vector<double> scheduledRates() const {
        std::vector<double> rates;
        for (size_t index = 0; index < prunable.size(); ++index) rates.push_back(config.rateOfLayer(index));
        return rates;
    }
    PruneSnapshot snapshot(const PruneEpochMetrics& metrics) const;
    std::string metricsRow(const PruneEpochMetrics& m) const;
};

void PruneTrainer::State::setUp() {
    config.validate();
    criterion = prune::criterionFromString(config.criterion);
    voteRanking = prune::voteRankingFromString(config.voteOn);
    if (data.train.empty() || data.validation.empty() || data.test.empty())
        throw ConfigError("dataset: '" + config.dataset + "' leaves an empty training, validation or test part");
    if (!data.train.hasLabels()) throw ConfigError("dataset: '" + config.dataset + "' has no labels; pruning needs them");
    const auto spec = specFor(config, data.train);
    torch::manual_seed(config.seed);  // the initial weights, connectivity and dropout
    net = model::ClassifierNet(spec);
    if (config.optimizer == "adam")
        optimizer = std::make_unique<torch::optim::Adam>(
            net->parameters(), torch::optim::AdamOptions(config.learningRate).weight_decay(config.weightDecay));
    else
        optimizer = std::make_unique<torch::optim::SGD>(
            net->parameters(),
            torch::optim::SGDOptions(config.learningRate).momentum(config.momentum).weight_decay(config.weightDecay));
    trainImages = data::imagesTensor(data.train);
    trainLabels = data::labelsTensor(data.train);
    validationImages = data::imagesTensor(data.validation);
    validationLabels = data::labelsTensor(data.validation);
    testImages = data::imagesTensor(data.test);
    testLabels = data::labelsTensor(data.test);
    const int64_t classes = spec.classes;
    for (const auto& labels : {trainLabels, validationLabels, testLabels})
        if (labels.numel() > 0 && labels.max().item<int64_t>() >= classes)
            throw ConfigError("dataset: a label of " + std::to_string(labels.max().item<int64_t>()) + " with " +
                              std::to_string(classes) + " classes in the training part; expected labels below " +
                              std::to_string(classes));
    auto generator = generatorFor(config.seed, kProbe);
    const int64_t probe = std::min(config.probeSize, data.train.size());
    probeImages = trainImages.index_select(0, torch::randperm(data.train.size(), generator, torch::kLong).slice(0, 0, probe));
    const auto& layers = net->unitLayers();
    for (size_t l = 0; l < layers.size(); ++l)
        if (!layers[l].convolution || config.pruneConv) prunable.push_back(l);
    TORCH_CHECK(config.layerRates.empty() || config.layerRates.size() == prunable.size(),
                "layer rates: ", config.layerRates.size(), " for ", prunable.size(), " prunable layers");
    denseParameters = net->effectiveParameters();
}

bool PruneTrainer::State::pruneUnits(int epoch, const std::vector<double>& rates, double weightsBudget) {
    const auto probes = prune::probeLayers(net, probeImages);
    // Every layer is scored before any is cut: the event that reaches the weights target then chooses
    // how many units each layer keeps from the same scores.
    std::vector<torch::Tensor> alive, scores;
    std::vector<int64_t> keep;
    for (size_t index = 0; index < prunable.size(); ++index) {
        const size_t l = prunable[index];
        alive.push_back(net->unitMask(l).to(torch::kCPU) > 0);
        const int64_t aliveCount = alive.back().sum().item<int64_t>();
        keep.push_back(prune::unitsToKeep(aliveCount, rates.at(index), config.minUnits));
        const int64_t topL = prune::votesPerExample(config.votes, aliveCount, keep.back());
        const uint64_t scoreSeed = config.seed * 7919ULL + static_cast<uint64_t>(epoch) * 131ULL + l;
        scores.push_back(prune::unitScores(criterion, probes[l], alive.back(), topL, scoreSeed, voteRanking));
    }
    if (weightsBudget > 0.0) keep = keepsLandingOnBudget(alive, scores, rates, weightsBudget);
    PruningEvent event;
    event.epoch = epoch;
    bool changed = false;
    for (size_t index = 0; index < prunable.size(); ++index) {
        const size_t l = prunable[index];
        const auto kept = prune::keepHighest(scores[index], alive[index], keep[index]);
        net->setUnitMask(l, kept);
        changed = changed || kept.sum().item<int64_t>() < alive[index].sum().item<int64_t>();
        auto shown = toFloats(scores[index]);
        for (auto& s : shown)
            if (!std::isfinite(s)) s = std::nanf("");
        const auto keptBytes = toBytes(kept);
        const auto& name = net->unitLayers()[l].name;
        for (size_t u = 0; u < shown.size(); ++u)
            if (!std::isnan(shown[u]))
                eventRows.push_back(std::to_string(events.size() + 1) + "," + std::to_string(epoch) + "," + name + "," +
                                    std::to_string(u) + "," + std::to_string(shown[u]) + "," + std::to_string(keptBytes[u]));
        event.layers.push_back(l);
        event.scores.push_back(std::move(shown));
        event.keptMask.push_back(keptBytes);
    }
    if (changed) events.push_back(std::move(event));
    return changed;
}

std::vector<int64_t> PruneTrainer::State::keepsLandingOnBudget(const std::vector<torch::Tensor>& alive,
                                                               const std::vector<torch::Tensor>& scores,
                                                               const std::vector<double>& rates, double weightsBudget) {
    const auto keepsAt = [&](double share) {  // share of every layer's rate
        std::vector<int64_t> keep;
        for (size_t index = 0; index < prunable.size(); ++index)
            keep.push_back(
                prune::unitsToKeep(alive[index].sum().item<int64_t>(), share * rates[index], config.minUnits));
        return keep;
    };
    const auto weightsWith = [&](const std::vector<int64_t>& keep) {  // masks tried, then put back
        for (size_t index = 0; index < prunable.size(); ++index)
            net->setUnitMask(prunable[index], prune::keepHighest(scores[index], alive[index], keep[index]));
        const auto weights = static_cast<double>(net->effectiveParameters());
        for (size_t index = 0; index < prunable.size(); ++index) net->setUnitMask(prunable[index], alive[index]);
        return weights;
    };
    if (weightsWith(keepsAt(1.0)) > weightsBudget) return keepsAt(1.0);  // this event does not reach the target
    // The smallest share of the rates that still lands on the target: fewer weights the more of the
    // rates is applied, so bisection finds it.
    double within = 1.0, over = 0.0;
    for (int step = 0; step < 40; ++step) {
        const double share = 0.5 * (within + over);
        (weightsWith(keepsAt(share)) <= weightsBudget ? within : over) = share;
    }
    return keepsAt(within);
}

PruneSnapshot PruneTrainer::State::snapshot(const PruneEpochMetrics& metrics) const {
    PruneSnapshot s;
    s.epoch = metrics.epoch;
    s.epochs = config.epochs;
    s.criterion = config.criterion;
    s.metrics = metrics;
    s.denseParameters = denseParameters;
    const auto& layers = net->unitLayers();
    for (size_t l = 0; l < layers.size(); ++l) {
        PruneLayerState state;
        state.name = layers[l].name;
        state.convolution = layers[l].convolution;
        state.prunable = std::find(prunable.begin(), prunable.end(), l) != prunable.end();
        state.units = layers[l].units;
        state.aliveMask = toBytes(net->unitMask(l) > 0);
        s.layers.push_back(std::move(state));
    }
    s.events = events;
    return s;
}

std::string PruneTrainer::State::metricsRow(const PruneEpochMetrics& m) const {
    std::ostringstream row;
    row.precision(8);
    row << m.epoch << "," << m.trainLoss << "," << m.trainAccuracy << "," << m.validationLoss << ","
        << m.validationAccuracy << "," << m.testLoss << "," << m.testAccuracy << "," << m.parameters << ","
        << widthsText(m.alive) << "," << (m.pruned ? 1 : 0) << "," << m.epochSeconds;
    return row.str();
}

PruneTrainer::PruneTrainer(PruneConfig config, const PruneData& data, fs::path runFolder)
    : m_state(std::make_unique<State>(std::move(config), data, std::move(runFolder))) {
    m_state->setUp();
}

PruneTrainer::~PruneTrainer() = default;

const PruneConfig& PruneTrainer::config() const { return m_state->config; }
std::shared_ptr<model::ClassifierNetImpl> PruneTrainer::net() const { return m_state->net.ptr(); }
std::shared_ptr<model::ClassifierNetImpl> PruneTrainer::compactNet() const { return m_state->compacted; }
void PruneTrainer::compareWith(const PruneRunResult& dense) {
    m_state->dense = dense;
}

PruneRunResult PruneTrainer::run(TrainingObserver* observer, RunControl* control) {
    State& s = *m_state;
    const auto runStart = Clock::now();
    run_support::startRun(s.config.threads, s.folder, s.config.toJson());
    PruneRunResult result;
    result.parametersBefore = s.denseParameters;
    result.macsBefore = s.net->macsPerImage();
    result.widthsBefore = s.net->aliveUnits();

    const int64_t n = s.data.train.size();
    const int64_t batches = (n + s.config.batchSize - 1) / s.config.batchSize;
    const int64_t progressEvery = std::max<int64_t>(1, batches / 20);
    for (int epoch = 1; epoch <= s.config.epochs; ++epoch) {
        const auto epochStart = Clock::now();
        auto generator = generatorFor(s.config.seed, kShuffle, static_cast<uint64_t>(epoch));
        const auto order = torch::randperm(n, generator, torch::kLong);
        if (s.config.lrSchedule == "cosine") {
            const double progress = static_cast<double>(epoch - 1) / static_cast<double>(s.config.epochs);
            for (auto& group : s.optimizer->param_groups())
                group.options().set_lr(cosineAnnealedRate(s.config.learningRate, progress));
        }
        double lossSum = 0.0;
        int64_t correct = 0, seen = 0;
        s.net->train();
        for (int64_t b = 0; b < batches; ++b) {
            if (control && !control->waitWhilePaused()) {
                result.status = PruneRunResult::Status::Stopped;
                result.message = "stopped by request during epoch " + std::to_string(epoch);
                break;
            }
            const auto ids = order.slice(0, b * s.config.batchSize, std::min(n, (b + 1) * s.config.batchSize));
            const auto logits = s.net->forward(s.trainImages.index_select(0, ids));
            const auto labels = s.trainLabels.index_select(0, ids);
            const auto loss = torch::cross_entropy_loss(logits, labels);
            const double lossValue = loss.item<double>();
            if (!std::isfinite(lossValue)) {
                result.status = PruneRunResult::Status::Failed;
                result.message = "the loss became " + std::string(std::isnan(lossValue) ? "NaN" : "infinite") +
                                 " at epoch " + std::to_string(epoch) + " (try a smaller learning rate); the run stopped";
                break;
            }
            s.optimizer->zero_grad();
            loss.backward();
            s.optimizer->step();
            lossSum += lossValue * static_cast<double>(ids.numel());
            correct += (logits.argmax(1) == labels).sum().item<int64_t>();
            seen += ids.numel();
            if (observer && ((b + 1) % progressEvery == 0 || b + 1 == batches)) {
                TrainingProgress progress;
                progress.epoch = epoch;
                progress.epochs = s.config.epochs;
                progress.batch = b + 1;
                progress.batches = batches;
                progress.loss = lossSum / static_cast<double>(seen);
                progress.elapsedSeconds = secondsSince(runStart);
                const double done = (epoch - 1) + static_cast<double>(b + 1) / static_cast<double>(batches);
                progress.etaSeconds = progress.elapsedSeconds / done * (s.config.epochs - done);
                observer->onProgress(progress);
            }
        }
        if (result.status != PruneRunResult::Status::Finished) break;

        PruneEpochMetrics m;
        m.epoch = epoch;
        m.trainLoss = lossSum / static_cast<double>(std::max<int64_t>(1, seen));
        m.trainAccuracy = static_cast<double>(correct) / static_cast<double>(std::max<int64_t>(1, seen));
        const auto validation = evaluate(s.net, s.validationImages, s.validationLabels);
        m.validationLoss = validation.loss;
        m.validationAccuracy = validation.accuracy;

        // SET moves connections after every epoch; pruning follows its schedule.
        if (s.config.net == "scn" && s.config.zeta > 0.0) {
            auto sparseGenerator = generatorFor(s.config.seed, kSparse, static_cast<uint64_t>(epoch));
            s.net->evolveSparseConnections(s.config.zeta, sparseGenerator);
        }
        const bool targetReached = s.config.target > 0.0 && static_cast<double>(s.net->effectiveParameters()) <=
                                                                  s.config.target * static_cast<double>(s.denseParameters);
        if (s.config.schedule == "during" && epoch % s.config.every == 0 && epoch < s.config.epochs && !targetReached &&
            mayPruneAgain(m.validationAccuracy, s.accuracyAtLastEvent, s.config.tolerance)) {
            const double budget =
                s.config.landOnTarget ? s.config.target * static_cast<double>(s.denseParameters) : 0.0;
            if (s.pruneUnits(epoch, s.scheduledRates(), budget)) {
                m.pruned = true;
                // "Improved since the last pruning": measured against the net right after it.
                s.accuracyAtLastEvent = evaluate(s.net, s.validationImages, s.validationLabels).accuracy;
            }
        }
        if (s.config.schedule == "oneshot" && epoch == s.config.epochs)
            m.pruned = s.pruneUnits(epoch, std::vector<double>(s.prunable.size(), 1.0 - s.config.keep));
        if (m.pruned && s.config.schedule == "oneshot") {  // the reported accuracy is the pruned net's
            const auto after = evaluate(s.net, s.validationImages, s.validationLabels);
            m.validationLoss = after.loss;
            m.validationAccuracy = after.accuracy;
        }
        const auto test = evaluate(s.net, s.testImages, s.testLabels);
        m.testLoss = test.loss;
        m.testAccuracy = test.accuracy;
        m.parameters = s.net->effectiveParameters();
        m.alive = s.net->aliveUnits();
        m.epochSeconds = secondsSince(epochStart);
        s.history.push_back(m);
        result.epochsCompleted = epoch;
        result.trainAccuracy = m.trainAccuracy;
        result.validationAccuracy = m.validationAccuracy;
        result.testAccuracy = m.testAccuracy;
        result.testCorrect = test.correct;
        if (!s.folder.empty()) {
            std::string csv = std::string(kMetricsHeader) + "\n";
            for (const auto& row : s.history) csv += s.metricsRow(row) + "\n";
            io::writeFileAtomically(s.folder / "metrics.csv", csv);
        }
        if (observer) observer->onPruneSnapshot(s.snapshot(m));
        if (control) control->epochFinished();
    }

    result.pruningEvents = static_cast<int>(s.events.size());
    if (result.epochsCompleted > 0) {
        s.compacted = s.net->compact();
        result.parametersAfter = s.net->effectiveParameters();
        result.macsAfter = s.net->macsPerImage();
        result.widthsAfter = s.net->aliveUnits();
        // Before: the architecture as built, every unit computed. A pruned net skips its pruned FC units
        // on its own, so the masks are lifted while it is timed.
        std::vector<torch::Tensor> masks;
        for (size_t l = 0; l < s.net->unitLayers().size(); ++l) {
            masks.push_back(s.net->unitMask(l).clone());
            s.net->setUnitMask(l, torch::ones_like(masks.back()));
        }
        result.latencyBatch1BeforeMs = measureLatencyMs(*s.net, 1, 50);
        result.latencyBatch256BeforeMs = measureLatencyMs(*s.net, 256, 10);
        for (size_t l = 0; l < masks.size(); ++l) s.net->setUnitMask(l, masks[l]);
        result.latencyBatch1AfterMs = measureLatencyMs(*s.compacted, 1, 50);
        result.latencyBatch256AfterMs = measureLatencyMs(*s.compacted, 256, 10);
    }
    if (result.status == PruneRunResult::Status::Finished)
        result.message = "finished " + std::to_string(result.epochsCompleted) + " epochs, " +
                         std::to_string(result.pruningEvents) + " pruning events";
    result.seconds = secondsSince(runStart);
    if (!s.folder.empty()) {
        io::writeFileAtomically(s.folder / "summary.json",
                                pruneSummaryJson(s.config, result, s.dense ? &*s.dense : nullptr) + "\n");
        std::string csv = "event,epoch,layer,unit,score,kept\n";
        for (const auto& row : s.eventRows) csv += row + "\n";
        io::writeFileAtomically(s.folder / "pruning_events.csv", csv);
        if (s.compacted) {
            const auto temporary = s.folder / "model.pt.partial";
            torch::save(std::static_pointer_cast<torch::nn::Module>(s.compacted), temporary.string());
            fs::rename(temporary, s.folder / "model.pt");
        }
    }
    if (observer) observer->onMessage(result.message);
    return result;
}

PruneComparison runPruneComparedWithDense(const PruneConfig& config, const PruneData& data, const fs::path& runFolder,
                                          TrainingObserver* denseObserver, TrainingObserver* prunedObserver,
                                          RunControl* control) {
    PruneComparison comparison;
    if (config.denseBaseline && config.schedule != "none") {
        PruneTrainer dense(config.denseCounterpart(), data, runFolder.empty() ? runFolder : runFolder / "dense");
        comparison.dense = dense.run(denseObserver, control);
        if (comparison.dense->status != PruneRunResult::Status::Finished) {
            comparison.pruned.status = comparison.dense->status;
            comparison.pruned.message = "the dense net to compare with: " + comparison.dense->message;
            return comparison;
        }
    }
    PruneTrainer pruned(config, data, runFolder);
    if (comparison.dense) pruned.compareWith(*comparison.dense);
    comparison.pruned = pruned.run(prunedObserver, control);
    return comparison;
}

namespace {

// Pairs every row with the vote row of the same layer (McNemar's test on the same test images).
void pairWithVote(std::vector<AblationRow>& rows, const std::vector<std::vector<uint8_t>>& correctByRow) {
    for (size_t r = 0; r < rows.size(); ++r) {
        const auto vote = std::find_if(rows.begin(), rows.end(), [&](const AblationRow& row) {
            return row.criterion == "vote" && row.layer == rows[r].layer;
        });
        if (vote == rows.end()) continue;
        const auto paired =
            metrics::pairOnSameImages(correctByRow[static_cast<size_t>(vote - rows.begin())], correctByRow[r]);
        rows[r].onlyVoteRight = paired.onlyFirstRight;
        rows[r].onlyThisRight = paired.onlySecondRight;
        rows[r].pVersusVote = paired.p;
    }
}

}  // namespace

AblationResult runPruneAblation(const PruneConfig& config, const PruneData& data, double keep, TrainingObserver* observer,
                                RunControl* control) {
    if (!(keep > 0.0 && keep <= 1.0)) throw ConfigError("keep: " + std::to_string(keep) + "; expected a fraction in (0, 1]");
    PruneTrainer trainer(config.denseCounterpart(), data);
    AblationResult result;
    result.keep = keep;
    const auto trained = trainer.run(observer, control);
    if (trained.status != PruneRunResult::Status::Finished) {
        if (trained.status == PruneRunResult::Status::Failed) throw ConfigError("ablation: " + trained.message);
        result.stopped = true;
        return result;
    }
    result.denseAccuracy = trained.testAccuracy;
    model::ClassifierNet net(trainer.net());
    const auto& layers = net->unitLayers();
    std::vector<size_t> prunable;
    for (size_t l = 0; l < layers.size(); ++l)
        if (!layers[l].convolution || config.pruneConv) {
            prunable.push_back(l);
            result.layerNames.push_back(layers[l].name);
        }
    const auto trainImages = data::imagesTensor(data.train);
    auto generator = generatorFor(config.seed, kProbe);
    const int64_t probeCount = std::min(config.probeSize, data.train.size());
    const auto probeImages =
        trainImages.index_select(0, torch::randperm(data.train.size(), generator, torch::kLong).slice(0, 0, probeCount));
    const auto probes = prune::probeLayers(net, probeImages);
    const auto testImages = data::imagesTensor(data.test);
    const auto testLabels = data::labelsTensor(data.test);
    const auto voteRanking = prune::voteRankingFromString(config.voteOn);

    std::vector<std::vector<uint8_t>> correctByRow;  // per row, which test images it gets right
    for (const auto criterion : prune::allCriteria()) {
        // Scores come from the dense net, layer by layer, as in the paper's table.
        std::vector<torch::Tensor> keptMasks;
        for (const size_t l : prunable) {
            const auto alive = torch::ones({layers[l].units}, torch::kBool);
            const int64_t units = std::max<int64_t>(1, static_cast<int64_t>(std::ceil(keep * static_cast<double>(layers[l].units) - 1e-9)));
            const int64_t topL = prune::votesPerExample(config.votes, layers[l].units, units);
            const auto scores =
                prune::unitScores(criterion, probes[l], alive, topL, config.seed * 7919ULL + l, voteRanking);
            keptMasks.push_back(prune::keepHighest(scores, alive, units));
        }
        for (size_t choice = 0; choice <= prunable.size(); ++choice) {
            if (control && control->stopRequested()) {
                pairWithVote(result.rows, correctByRow);  // the rows measured so far
                result.stopped = true;
                return result;
            }
            const bool all = choice == prunable.size();
            for (size_t i = 0; i < prunable.size(); ++i)
                net->setUnitMask(prunable[i], (all || i == choice) ? keptMasks[i] : torch::ones({layers[prunable[i]].units}));
            const auto tested = evaluate(net, testImages, testLabels);
            result.rows.push_back(
                {prune::toString(criterion), all ? "all" : std::to_string(choice + 1), tested.accuracy});
            correctByRow.push_back(tested.correct);
        }
        for (const size_t l : prunable) net->setUnitMask(l, torch::ones({layers[l].units}));
        if (observer) observer->onMessage("ablation: " + prune::toString(criterion) + " done");
    }
    pairWithVote(result.rows, correctByRow);
    return result;
}

std::string ablationJson(const PruneConfig& config, const AblationResult& result) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : result.rows) {
        nlohmann::json layer = row.layer == "all" ? nlohmann::json("all") : nlohmann::json(std::stoi(row.layer));
        rows.push_back({{"criterion", row.criterion},
                        {"layer", layer},
                        {"acc", row.accuracy},
                        {"only_vote_right", row.onlyVoteRight},
                        {"only_this_right", row.onlyThisRight},
                        {"p_vs_vote", row.pVersusVote}});
    }
    const nlohmann::json json{{"dataset", config.dataset}, {"net", config.net},          {"keep", result.keep},
                              {"epochs", config.epochs},   {"dense_acc", result.denseAccuracy},
                              {"layers", result.layerNames}, {"stopped", result.stopped}, {"rows", rows}};
    return json.dump(2);
}

}  // namespace dcs::train
