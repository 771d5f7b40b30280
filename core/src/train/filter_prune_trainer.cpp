#include "dcs/train/filter_prune_trainer.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "dcs/data/dataset_tensor.h"
#include "dcs/error.h"
#include "dcs/io/atomic_file.h"
#include "dcs/metrics/paired_test.h"
#include "dcs/model/filter_net.h"
#include "dcs/prune/criteria.h"
#include "dcs/prune/filter_criteria.h"
#include "dcs/prune/kernel_reestimation.h"
#include "dcs/prune/width_allocation.h"
#include "dcs/train/lr_schedule.h"
#include "train/run_support.h"

namespace dcs::train {
namespace {

namespace fs = std::filesystem;
using run_support::Clock;
using run_support::generatorFor;
using run_support::secondsSince;
using run_support::toFloats;

// Purposes of the seeded generators (run_support::generatorFor).
enum Purpose : uint64_t { kShuffle = 21, kProbe = 22, kFinetuneShuffle = 23 };
constexpr int64_t kCalibrationImages = 2000;

model::FilterNetSpec specFor(const FilterPruneConfig& config, const data::Dataset& train) {
    auto spec = model::FilterNetSpec::preset(config.net, config.width, train.channels(), train.height(), train.width(),
                                             std::max<int64_t>(2, train.classCount()));
    spec.validate();
    return spec;
}

prune::WidthTarget widthTargetOf(const FilterPruneConfig& config) {
    return {config.flopsReduction, config.minFilters,
            config.channelMultiple > 0 ? config.channelMultiple : prune::cpuChannelBlock()};
}

// The kept widths the config asks for; "latency" times convs on this machine (a few seconds).
std::vector<int64_t> keptWidths(const FilterPruneConfig& config, const model::FilterNetSpec& spec) {
    if (config.allocation == "uniform") return prune::uniformWidths(spec, widthTargetOf(config));
    return prune::latencyAwareWidths(spec, widthTargetOf(config), prune::measuredConvTimer());
}

std::string csvNumber(double value) {
    std::ostringstream out;
    out.precision(6);
    out << value;
    return out.str();
}

}  // namespace

PruneData splitForFilterPruning(const data::Dataset& pool, const data::Dataset* test, const FilterPruneConfig& config) {
    config.validate();
    PruneConfig split;
    split.dataset = config.dataset;
    split.limit = config.limit;
    split.validationFraction = config.validationFraction;
    split.testFraction = config.testFraction;
    split.seed = config.seed;
    return splitForPruning(pool, test, split);
}

std::vector<std::string> filterCriterionNames() {
    std::vector<std::string> names;
    for (const auto criterion : prune::allFilterCriteria()) names.push_back(prune::toString(criterion));
    return names;
}

namespace {

nlohmann::json summaryFields(const FilterPruneSummary& s) {
    const auto ratio = [](double a, double b) { return b > 0.0 ? nlohmann::json(a / b) : nlohmann::json(nullptr); };
    const auto accuracy = [](double a) { return a >= 0.0 ? nlohmann::json(a) : nlohmann::json(nullptr); };
    return {{"params_before", s.parametersBefore},
            {"params_after", s.parametersAfter},
            {"acc_before", accuracy(s.denseAccuracy)},
            {"acc_pruned", accuracy(s.prunedAccuracy)},
            {"acc_after", accuracy(s.finalAccuracy)},
            // One multiply-accumulate counts as two floating-point operations.
            {"flops_before", 2 * s.macsBefore},
            {"flops_after", 2 * s.macsAfter},
            {"flops_reduction", s.macsBefore > 0 ? nlohmann::json(1.0 - static_cast<double>(s.macsAfter) /
                                                                            static_cast<double>(s.macsBefore))
                                                 : nlohmann::json(nullptr)},
            {"latency_before_ms", s.latencyBatch256BeforeMs},
            {"latency_after_ms", s.latencyBatch256AfterMs},
            {"latency_batch", 256},
            {"latency_batch1_before_ms", s.latencyBatch1BeforeMs},
            {"latency_batch1_after_ms", s.latencyBatch1AfterMs},
            {"speedup_batch256", ratio(s.latencyBatch256BeforeMs, s.latencyBatch256AfterMs)},
            {"widths_before", s.widthsBefore},
            {"widths_after", s.widthsAfter},
            {"channel_multiple", s.channelMultiple}};
}

}  // namespace

std::string filterPruneSummaryJson(const FilterPruneConfig& config, const FilterPruneResult& result) {
    auto json = nlohmann::json{{"dataset", config.dataset},
                               {"net", config.net},
                               {"width", config.width},
                               {"criterion", config.criterion},
                               {"flops_reduction_requested", config.flopsReduction},
                               {"epochs", config.epochs},
                               {"finetune_epochs", config.finetuneEpochs},
                               {"reestimate", config.reestimate},
                               {"status", toString(result.status)},
                               {"message", result.message},
                               {"seconds", result.seconds}};
    json.update(summaryFields(result.summary));
    return json.dump(2);
}

std::string filterComparisonJson(const FilterPruneConfig& config, const FilterPruneTrainer::Comparison& comparison) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& row : comparison.rows) {
        auto r = summaryFields(row.summary);
        r["criterion"] = row.criterion;
        r["only_first_right"] = row.onlyFirstRight;
        r["only_this_right"] = row.onlyThisRight;
        r["p_vs_first"] = row.pVersusFirst;
        rows.push_back(r);
    }
    return nlohmann::json{{"dataset", config.dataset},
                          {"net", config.net},
                          {"width", config.width},
                          {"flops_reduction_requested", config.flopsReduction},
                          {"epochs", config.epochs},
                          {"finetune_epochs", config.finetuneEpochs},
                          {"reestimate", config.reestimate},
                          {"paired_with", comparison.rows.empty() ? std::string() : comparison.rows.front().criterion},
                          {"stopped", comparison.stopped},
                          {"message", comparison.message},
                          {"rows", rows}}
        .dump(2);
}

std::string comparisonPairingText(const FilterPruneTrainer::Comparison& comparison) {
    if (comparison.rows.empty()) return {};
    const auto& first = comparison.rows.front().criterion;
    std::ostringstream text;
    text << "Against " << first
         << " on the same test images after fine-tuning (McNemar's exact test; p above 0.05 is within chance):\n";
    for (size_t i = 1; i < comparison.rows.size(); ++i) {
        const auto& row = comparison.rows[i];
        char line[256];
        std::snprintf(line, sizeof line, "  %-10s %s alone right on %lld, %s alone on %lld, p %.2g\n",
                      row.criterion.c_str(), first.c_str(), static_cast<long long>(row.onlyFirstRight),
                      row.criterion.c_str(), static_cast<long long>(row.onlyThisRight), row.pVersusFirst);
        text << line;
    }
    return text.str();
}

struct FilterPruneTrainer::State {
    FilterPruneConfig config;
    const PruneData& data;
    fs::path folder;
    model::FilterNetSpec spec;
    torch::Tensor trainImages, trainLabels, validationImages, validationLabels, testImages, testLabels;
    torch::Tensor probeImages, probeLabels;
    torch::Tensor calibrationImages;  // training images the batch-norm statistics are measured on
    model::FilterNet dense{nullptr};
    std::shared_ptr<model::FilterNetImpl> pruned;
    bool denseTrained = false;
    std::vector<int64_t> keepCounts;  // filters each prunable conv keeps; worked out at the first pruning
    std::vector<FilterEpochMetrics> history;
    FilterPruneSnapshot shown;  // what the observer saw last; the next snapshot builds on it
    Clock::time_point start = Clock::now();

    State(FilterPruneConfig c, const PruneData& d, fs::path f) : config(std::move(c)), data(d), folder(std::move(f)) {}

    void setUp();
    // Trains net for `epochs` epochs of the given phase; false when stopped or the loss broke.
    bool train(model::FilterNetImpl& net, const std::string& phase, int epochs, double learningRate,
               TrainingObserver* observer, RunControl* control, FilterPruneResult& result);
    // Scores, removes and re-fits: fills pruned, the layer states and the summary's pruned side.
    void pruneFilters(prune::FilterCriterion criterion, FilterPruneSummary& summary, TrainingObserver* observer);
    void measure(FilterPruneSummary& summary);
    std::string metricsCsv() const;
    void publish(TrainingObserver* observer, const std::string& phase) {
        shown.phase = phase;
        shown.history = history;
        if (observer) observer->onFilterPruneSnapshot(shown);
    }
};

void FilterPruneTrainer::State::setUp() {
    config.validate();
    if (data.train.empty() || data.test.empty())
        throw ConfigError("dataset: '" + config.dataset + "' leaves an empty training or test part");
    if (!data.train.hasLabels()) throw ConfigError("dataset: '" + config.dataset + "' has no labels; filter pruning needs them");
    spec = specFor(config, data.train);
    for (const auto w : spec.prunableWidths)
        if (config.minFilters > w)
            throw ConfigError("min filters: " + std::to_string(config.minFilters) + " is above a conv's " + std::to_string(w) +
                              " filters at width " + std::to_string(config.width) + "; expected at most the smallest width");
    prune::uniformWidths(spec, widthTargetOf(config));  // an unreachable target fails now, not after training
    torch::manual_seed(config.seed);
    dense = model::FilterNet(spec);
    trainImages = data::imagesTensor(data.train);
    trainLabels = data::labelsTensor(data.train);
    validationImages = data.validation.empty() ? torch::Tensor() : data::imagesTensor(data.validation);
    validationLabels = data.validation.empty() ? torch::Tensor() : data::labelsTensor(data.validation);
    testImages = data::imagesTensor(data.test);
    testLabels = data::labelsTensor(data.test);
    for (const auto& labels : {trainLabels, validationLabels, testLabels})
        if (labels.defined() && labels.numel() > 0 && labels.max().item<int64_t>() >= spec.classes)
            throw ConfigError("dataset: a label of " + std::to_string(labels.max().item<int64_t>()) + " with " +
                              std::to_string(spec.classes) + " classes in the training part; expected labels below " +
                              std::to_string(spec.classes));
    auto generator = generatorFor(config.seed, kProbe);
    const int64_t probe = std::min(config.probeSize, data.train.size());
    const auto order = torch::randperm(data.train.size(), generator, torch::kLong);
    const auto ids = order.slice(0, 0, probe);
    probeImages = trainImages.index_select(0, ids);
    probeLabels = trainLabels.index_select(0, ids);
    // Batch-norm statistics want more images than the criteria do (the probe is among them).
    calibrationImages = trainImages.index_select(
        0, order.slice(0, 0, std::min(data.train.size(), std::max(probe, kCalibrationImages))));
    shown.epochs = config.epochs;
    shown.finetuneEpochs = config.finetuneEpochs;
    shown.criterion = config.criterion;
}

bool FilterPruneTrainer::State::train(model::FilterNetImpl& net, const std::string& phase, int epochs, double learningRate,
                                      TrainingObserver* observer, RunControl* control, FilterPruneResult& result) {
    torch::optim::SGD optimizer(net.parameters(),
                                torch::optim::SGDOptions(learningRate).momentum(config.momentum).weight_decay(config.weightDecay));
    const int64_t n = trainImages.size(0);
    const int64_t batches = (n + config.batchSize - 1) / config.batchSize;
    const int64_t progressEvery = std::max<int64_t>(1, batches / 20);
    const int totalEpochs = config.epochs + config.finetuneEpochs;
    const int epochOffset = phase == "train" ? 0 : config.epochs;
    for (int epoch = 1; epoch <= epochs; ++epoch) {
        const auto epochStart = Clock::now();
        auto generator = generatorFor(config.seed, phase == "train" ? kShuffle : kFinetuneShuffle, static_cast<uint64_t>(epoch));
        const auto order = torch::randperm(n, generator, torch::kLong);
        const double progressShare = static_cast<double>(epoch - 1) / static_cast<double>(epochs);
        for (auto& group : optimizer.param_groups())
            group.options().set_lr(cosineAnnealedRate(learningRate, progressShare));
        double lossSum = 0.0;
        int64_t correct = 0, seen = 0;
        net.train();
        for (int64_t b = 0; b < batches; ++b) {
            if (control && !control->waitWhilePaused()) {
                result.status = FilterPruneResult::Status::Stopped;
                result.message = "stopped by request during " + std::string(phase == "train" ? "training" : "fine-tuning") +
                                 " epoch " + std::to_string(epoch);
                return false;
            }
            const auto ids = order.slice(0, b * config.batchSize, std::min(n, (b + 1) * config.batchSize));
            const auto logits = net.forward(trainImages.index_select(0, ids));
            const auto labels = trainLabels.index_select(0, ids);
            const auto loss = torch::cross_entropy_loss(logits, labels);
            const double lossValue = loss.item<double>();
            if (!std::isfinite(lossValue)) {
                result.status = FilterPruneResult::Status::Failed;
                result.message = "the loss became " + std::string(std::isnan(lossValue) ? "NaN" : "infinite") + " in " +
                                 phase + " epoch " + std::to_string(epoch) + " (try a smaller learning rate); the run stopped";
                return false;
            }
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            lossSum += lossValue * static_cast<double>(ids.numel());
            correct += (logits.argmax(1) == labels).sum().item<int64_t>();
            seen += ids.numel();
            if (observer && ((b + 1) % progressEvery == 0 || b + 1 == batches)) {
                TrainingProgress progress;
                progress.epoch = epochOffset + epoch;
                progress.epochs = totalEpochs;
                progress.batch = b + 1;
                progress.batches = batches;
                progress.loss = lossSum / static_cast<double>(seen);
                progress.elapsedSeconds = secondsSince(start);
                const double done = (epochOffset + epoch - 1) + static_cast<double>(b + 1) / static_cast<double>(batches);
                progress.etaSeconds = progress.elapsedSeconds / done * (totalEpochs - done);
                observer->onProgress(progress);
            }
        }
        // The running statistics averaged while the weights moved; measured afresh for the eval below.
        net.recalibrateBatchNorm(calibrationImages, config.batchSize);
        FilterEpochMetrics m;
        m.phase = phase;
        m.epoch = epoch;
        m.trainLoss = lossSum / static_cast<double>(std::max<int64_t>(1, seen));
        m.trainAccuracy = static_cast<double>(correct) / static_cast<double>(std::max<int64_t>(1, seen));
        if (validationImages.defined())
            m.validationAccuracy = run_support::evaluateClassifier(net, validationImages, validationLabels).accuracy;
        m.testAccuracy = run_support::evaluateClassifier(net, testImages, testLabels).accuracy;
        m.epochSeconds = secondsSince(epochStart);
        history.push_back(m);
        if (!folder.empty()) io::writeFileAtomically(folder / "metrics.csv", metricsCsv());
        publish(observer, phase);
        if (control) control->epochFinished();
    }
    return true;
}

void FilterPruneTrainer::State::pruneFilters(prune::FilterCriterion criterion, FilterPruneSummary& summary,
                                              TrainingObserver* observer) {
    if (keepCounts.empty()) keepCounts = keptWidths(config, spec);
    prune::RelevanceProbe relevance;
    prune::RelevanceOptions relevanceOptions;
    relevanceOptions.alignment = prune::alignmentFromString(config.alignment);
    relevanceOptions.unitQuantile = config.unitQuantile;
    relevanceOptions.semanticFraction = config.camFraction;
    std::vector<int64_t> topL;
    for (size_t l = 0; l < keepCounts.size(); ++l)
        topL.push_back(prune::votesPerExample(config.votes, spec.prunableWidths[l], keepCounts[l]));
    const auto scores =
        prune::filterScores(criterion, *dense, probeImages, probeLabels, topL, config.seed, &relevance, relevanceOptions);
    std::vector<torch::Tensor> keep;
    for (size_t l = 0; l < scores.size(); ++l) keep.push_back(prune::keepTop(scores[l], keepCounts[l]));
    pruned = dense->withFilters(keep);
    if (config.reestimate) {
        const int64_t refitImages = std::min<int64_t>(probeImages.size(0), 1000);
        prune::reestimateConsumers(*dense, *pruned, keep, probeImages.slice(0, 0, refitImages), config.seed);
    }
    // Every layer after a pruned one now sees other inputs than its batch norm averaged.
    pruned->recalibrateBatchNorm(calibrationImages, config.batchSize);
    summary.prunedAccuracy = run_support::evaluateClassifier(*pruned, testImages, testLabels).accuracy;
    summary.parametersAfter = pruned->parameterCount();
    summary.macsAfter = pruned->macsPerImage();
    summary.widthsAfter = pruned->spec().prunableWidths;
    summary.channelMultiple = widthTargetOf(config).channelMultiple;

    shown.layers.clear();
    const auto& layers = dense->prunableLayers();
    std::string csv = "layer,filter,score,kept\n";
    for (size_t l = 0; l < layers.size(); ++l) {
        FilterLayerState state;
        state.name = layers[l].name;
        state.filters = layers[l].filters;
        state.mapSize = layers[l].mapSize;
        state.scores = toFloats(scores[l]);
        state.kept.assign(static_cast<size_t>(layers[l].filters), 0);
        const auto k = keep[l].contiguous();
        for (int64_t i = 0; i < k.numel(); ++i) state.kept[static_cast<size_t>(k.data_ptr<int64_t>()[i])] = 1;
        for (size_t f = 0; f < state.scores.size(); ++f)
            csv += state.name + "," + std::to_string(f) + "," + csvNumber(state.scores[f]) + "," + std::to_string(state.kept[f]) + "\n";
        shown.layers.push_back(std::move(state));
    }
    if (!folder.empty()) io::writeFileAtomically(folder / "filter_scores.csv", csv);

    shown.inspection.reset();
    if (criterion == prune::FilterCriterion::Relevance && !relevance.layers.empty()) {
        auto inspection = std::make_shared<FilterInspection>();
        inspection->alignment = config.alignment;
        inspection->channels = probeImages.size(1);
        inspection->height = probeImages.size(2);
        inspection->width = probeImages.size(3);
        std::map<int64_t, int> carried;  // probe index -> carried index
        for (const auto& layer : relevance.layers) {
            std::vector<FilterInspection::Filter> filters;
            for (int64_t f = 0; f < layer.topImages.size(0); ++f) {
                FilterInspection::Filter filter;
                const auto ids = layer.topImages[f];
                for (int64_t t = 0; t < ids.numel(); ++t) {
                    const int64_t probeIndex = ids[t].item<int64_t>();
                    const auto [it, added] = carried.emplace(probeIndex, static_cast<int>(carried.size()));
                    if (added) {
                        const auto image = toFloats(probeImages[probeIndex]);
                        inspection->images.insert(inspection->images.end(), image.begin(), image.end());
                        const auto cam = toFloats(relevance.camMaps[probeIndex]);
                        inspection->camMaps.insert(inspection->camMaps.end(), cam.begin(), cam.end());
                        const auto mask = relevance.semanticMasks[probeIndex].to(torch::kUInt8).contiguous().view(-1);
                        inspection->semanticMasks.insert(inspection->semanticMasks.end(), mask.data_ptr<uint8_t>(),
                                                         mask.data_ptr<uint8_t>() + mask.numel());
                    }
                    filter.images.push_back(it->second);
                }
                filter.alignment = toFloats(layer.topAlignment[f]);
                filter.maps = toFloats(layer.topMaps[f]);
                filters.push_back(std::move(filter));
            }
            inspection->layers.push_back(std::move(filters));
        }
        shown.inspection = std::move(inspection);
    }
    shown.summary = summary;
    publish(observer, "pruned");
}

void FilterPruneTrainer::State::measure(FilterPruneSummary& summary) {
    // Dense and pruned are timed in alternating rounds and the medians kept: on a shared laptop a
    // single block of runs of one net can land in a slow spell the other one misses.
    const auto median = [](std::vector<double> v) {
        std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
        return v[v.size() / 2];
    };
    const auto timed = [&](model::FilterNetImpl& net, int64_t batch, int repeats) {
        return run_support::forwardLatencyMs(net, spec.channels, spec.height, spec.width, batch, repeats);
    };
    // Both nets as they would be deployed, batch norms folded into their convs.
    const auto denseDeployed = dense->foldedForInference();
    const auto prunedDeployed = pruned ? pruned->foldedForInference() : nullptr;
    for (const int64_t batch : {int64_t{1}, int64_t{256}}) {
        std::vector<double> before, after;
        for (int round = 0; round < 9; ++round) {
            before.push_back(timed(*denseDeployed, batch, batch == 1 ? 10 : 3));
            if (prunedDeployed) after.push_back(timed(*prunedDeployed, batch, batch == 1 ? 10 : 3));
        }
        (batch == 1 ? summary.latencyBatch1BeforeMs : summary.latencyBatch256BeforeMs) = median(before);
        if (pruned) (batch == 1 ? summary.latencyBatch1AfterMs : summary.latencyBatch256AfterMs) = median(after);
    }
}

std::string FilterPruneTrainer::State::metricsCsv() const {
    std::string csv = "phase,epoch,train_loss,train_acc,val_acc,test_acc,epoch_seconds\n";
    for (const auto& m : history)
        csv += m.phase + "," + std::to_string(m.epoch) + "," + csvNumber(m.trainLoss) + "," + csvNumber(m.trainAccuracy) + "," +
               csvNumber(m.validationAccuracy) + "," + csvNumber(m.testAccuracy) + "," + csvNumber(m.epochSeconds) + "\n";
    return csv;
}

FilterPruneTrainer::FilterPruneTrainer(FilterPruneConfig config, const PruneData& data, fs::path runFolder)
    : m_state(std::make_unique<State>(std::move(config), data, std::move(runFolder))) {
    m_state->setUp();
}

FilterPruneTrainer::~FilterPruneTrainer() = default;

void FilterPruneTrainer::setPruningSettings(const FilterPruneConfig& settings) {
    auto& c = m_state->config;
    auto changed = c;
    changed.criterion = settings.criterion;
    changed.flopsReduction = settings.flopsReduction;
    changed.finetuneEpochs = settings.finetuneEpochs;
    changed.finetuneLearningRate = settings.finetuneLearningRate;
    changed.reestimate = settings.reestimate;
    changed.alignment = settings.alignment;
    changed.unitQuantile = settings.unitQuantile;
    changed.camFraction = settings.camFraction;
    changed.votes = settings.votes;
    changed.minFilters = settings.minFilters;
    changed.channelMultiple = settings.channelMultiple;
    changed.allocation = settings.allocation;
    changed.validate();
    prune::uniformWidths(m_state->spec, widthTargetOf(changed));
    if (changed.flopsReduction != c.flopsReduction || changed.minFilters != c.minFilters ||
        changed.channelMultiple != c.channelMultiple || changed.allocation != c.allocation)
        m_state->keepCounts.clear();
    c = changed;
    m_state->shown.finetuneEpochs = c.finetuneEpochs;
    m_state->shown.criterion = c.criterion;
}

void FilterPruneTrainer::saveDenseNet(const fs::path& file) const {
    const auto temporary = fs::path(file.string() + ".partial");
    torch::save(std::static_pointer_cast<torch::nn::Module>(m_state->dense.ptr()), temporary.string());
    fs::rename(temporary, file);
}

void FilterPruneTrainer::loadDenseNet(const fs::path& file) {
    auto& s = *m_state;
    const auto doesNotFit = [&](const std::string& why) {
        return ConfigError("dense net: '" + file.string() + "' is not a " + s.config.net + " of width " +
                           csvNumber(s.config.width) + " for these images (" + why + ")");
    };
    if (!fs::exists(file)) throw ConfigError("dense net: '" + file.string() + "' does not exist");
    auto loaded = model::FilterNet(s.spec);
    std::string mismatched;
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(file.string());
        mismatched = run_support::loadKeepingShapes(*loaded, archive);
    } catch (const c10::Error& e) {
        throw doesNotFit(e.what_without_backtrace());
    }
    if (!mismatched.empty()) throw doesNotFit(mismatched + " has another shape");
    s.dense = loaded;
    s.denseTrained = true;
}

std::shared_ptr<model::FilterNetImpl> FilterPruneTrainer::denseNet() const { return m_state->dense.ptr(); }
std::shared_ptr<model::FilterNetImpl> FilterPruneTrainer::prunedNet() const { return m_state->pruned; }

FilterPruneResult FilterPruneTrainer::run(TrainingObserver* observer, RunControl* control) {
    State& s = *m_state;
    s.start = Clock::now();
    run_support::startRun(s.config.threads, s.folder, s.config.toJson());
    FilterPruneResult result;
    auto& summary = result.summary;
    summary.parametersBefore = s.dense->parameterCount();
    summary.macsBefore = s.dense->macsPerImage();
    summary.widthsBefore = s.spec.prunableWidths;
    s.shown.summary = summary;
    const auto finish = [&] {
        result.seconds = secondsSince(s.start);
        s.shown.summary = summary;
        s.publish(observer, "finished");
        if (!s.folder.empty()) io::writeFileAtomically(s.folder / "summary.json", filterPruneSummaryJson(s.config, result) + "\n");
        if (observer) observer->onMessage(result.message);
        return result;
    };
    if (!s.denseTrained) {
        if (!s.train(*s.dense, "train", s.config.epochs, s.config.learningRate, observer, control, result)) return finish();
        s.denseTrained = true;
    }
    summary.denseAccuracy = run_support::evaluateClassifier(*s.dense, s.testImages, s.testLabels).accuracy;
    if (control && control->stopRequested()) {
        result.status = FilterPruneResult::Status::Stopped;
        result.message = "stopped by request before pruning";
        return finish();
    }
    s.pruneFilters(prune::filterCriterionFromString(s.config.criterion), summary, observer);
    if (s.config.finetuneEpochs > 0 &&
        !s.train(*s.pruned, "finetune", s.config.finetuneEpochs, s.config.finetuneLearningRate, observer, control, result)) {
        summary.finalAccuracy = run_support::evaluateClassifier(*s.pruned, s.testImages, s.testLabels).accuracy;
        return finish();
    }
    summary.finalAccuracy = run_support::evaluateClassifier(*s.pruned, s.testImages, s.testLabels).accuracy;
    s.measure(summary);
    if (!s.folder.empty()) {
        const auto temporary = s.folder / "model.pt.partial";
        torch::save(std::static_pointer_cast<torch::nn::Module>(s.pruned), temporary.string());
        fs::rename(temporary, s.folder / "model.pt");
    }
    std::ostringstream message;
    message.precision(4);
    message << "pruned " << s.config.criterion << ": FLOPs " << 2 * summary.macsBefore << " -> " << 2 * summary.macsAfter
            << ", accuracy " << summary.denseAccuracy << " -> " << summary.finalAccuracy;
    result.message = message.str();
    return finish();
}

FilterPruneTrainer::Comparison FilterPruneTrainer::compare(const std::vector<std::string>& criteria, TrainingObserver* observer,
                                                           RunControl* control) {
    State& s = *m_state;
    s.start = Clock::now();
    run_support::prepareCompute(s.config.threads);
    Comparison comparison;
    std::vector<prune::FilterCriterion> parsed;
    for (const auto& c : criteria) parsed.push_back(prune::filterCriterionFromString(c));
    FilterPruneResult scratch;
    if (!s.denseTrained) {
        if (!s.train(*s.dense, "train", s.config.epochs, s.config.learningRate, observer, control, scratch)) {
            comparison.stopped = true;
            comparison.message = scratch.message;
            return comparison;
        }
        s.denseTrained = true;
    }
    const double denseAccuracy = run_support::evaluateClassifier(*s.dense, s.testImages, s.testLabels).accuracy;
    const auto denseHistory = s.history;
    std::vector<uint8_t> firstCorrect;  // which test images the first criterion's fine-tuned net gets right
    for (size_t i = 0; i < parsed.size(); ++i) {
        FilterPruneSummary summary;
        summary.denseAccuracy = denseAccuracy;
        summary.parametersBefore = s.dense->parameterCount();
        summary.macsBefore = s.dense->macsPerImage();
        summary.widthsBefore = s.spec.prunableWidths;
        s.history = denseHistory;
        s.shown.criterion = criteria[i];
        s.pruneFilters(parsed[i], summary, observer);
        if (s.config.finetuneEpochs > 0 &&
            !s.train(*s.pruned, "finetune", s.config.finetuneEpochs, s.config.finetuneLearningRate, observer, control, scratch)) {
            comparison.stopped = true;
            comparison.message = scratch.message;
            return comparison;
        }
        const auto tested = run_support::evaluateClassifier(*s.pruned, s.testImages, s.testLabels);
        summary.finalAccuracy = tested.accuracy;
        s.measure(summary);
        ComparisonRow row{criteria[i], summary};
        if (i == 0) firstCorrect = tested.correct;
        const auto paired = metrics::pairOnSameImages(firstCorrect, tested.correct);
        row.onlyFirstRight = paired.onlyFirstRight;
        row.onlyThisRight = paired.onlySecondRight;
        row.pVersusFirst = paired.p;
        comparison.rows.push_back(row);
    }
    comparison.message = "compared " + std::to_string(comparison.rows.size()) + " criteria";
    return comparison;
}

}  // namespace dcs::train
