// Majority-vote neuron pruning: votes and criteria on hand-made numbers, compaction equivalence,
// SET, pruning runs end to end, the ablation, and the settings that must be refused.
#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <QtTest>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "dcs/data/loaders.h"
#include "dcs/error.h"
#include "dcs/metrics/paired_test.h"
#include "dcs/model/classifier_net.h"
#include "dcs/prune/criteria.h"
#include "dcs/prune/layer_probe.h"
#include "dcs/train/prune_trainer.h"
#include "support/error_message.h"

namespace fs = std::filesystem;
using namespace dcs;
using prune::Criterion;

namespace {

data::Dataset tinyShapes(int64_t count = 200) {
    data::ShapesOptions options;
    options.count = count;
    options.size = 16;
    return data::generateShapes(options);
}

train::PruneConfig tinyConfig() {
    train::PruneConfig config;
    config.dataset = "shapes";
    config.hidden = {24, 20};
    config.epochs = 2;
    config.every = 1;
    config.rate = 0.25;
    config.minUnits = 4;
    config.batchSize = 32;
    config.probeSize = 64;
    config.threads = 1;
    return config;
}

// Random masks with at least `min` survivors per unit layer.
void maskRandomly(model::ClassifierNet& net, uint64_t seed) {
    torch::manual_seed(seed);
    for (size_t l = 0; l < net->unitLayers().size(); ++l) {
        const int64_t units = net->unitLayers()[l].units;
        auto mask = torch::rand({units}) < 0.6;
        mask.index_fill_(0, torch::arange(std::min<int64_t>(2, units)), true);
        net->setUnitMask(l, mask);
    }
}

// A 12x12 classifier of five classes with small layers (the compaction tests' net).
model::ClassifierSpec smallSpec(const std::string& net, int channels) {
    auto spec = model::ClassifierSpec::preset(net, channels, 12, 12, 5);
    spec.hidden = {40, 30, 20};
    if (net == "cnn") spec.convWidths = {6, 6, 8, 8};
    spec.sparseEpsilon = 3.0;
    return spec;
}

double maxOutputDifference(model::ClassifierNet& net, const torch::Tensor& input) {
    torch::NoGradGuard noGrad;
    net->eval();
    auto small = net->compact();
    small->eval();
    return (net->forward(input) - small->forward(input)).abs().max().item<double>();
}

struct SnapshotRecorder : train::TrainingObserver {
    std::vector<train::PruneSnapshot> snapshots;
    void onPruneSnapshot(const train::PruneSnapshot& s) override { snapshots.push_back(s); }
};

std::string readText(const fs::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

class TestPrune : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void votesCountTheTopUnitsOfEveryExample() {
        // 4 examples x 4 units; unit 3 is pruned and must never get a vote.
        const auto responses = torch::tensor({{5.0f, 1.0f, 3.0f, 9.0f},
                                              {0.0f, 2.0f, 1.0f, 9.0f},
                                              {4.0f, 3.0f, 0.5f, 9.0f},
                                              {1.0f, 0.0f, 2.0f, 9.0f}});
        const auto alive = torch::tensor({1, 1, 1, 0}).to(torch::kBool);
        const auto top1 = prune::voteCounts(responses, alive, 1);
        QCOMPARE(top1.sizes().vec(), std::vector<int64_t>({4}));
        QCOMPARE(top1[0].item<int64_t>(), 2);  // examples 1 and 3
        QCOMPARE(top1[1].item<int64_t>(), 1);  // example 2
        QCOMPARE(top1[2].item<int64_t>(), 1);  // example 4
        QCOMPARE(top1[3].item<int64_t>(), 0);
        const auto top2 = prune::voteCounts(responses, alive, 2);
        QCOMPARE(top2[0].item<int64_t>(), 3);
        QCOMPARE(top2[1].item<int64_t>(), 2);
        QCOMPARE(top2[2].item<int64_t>(), 3);
        QCOMPARE(top2.sum().item<int64_t>(), 8);
        // More votes than alive units: every alive unit gets every vote.
        QCOMPARE(prune::voteCounts(responses, alive, 10)[0].item<int64_t>(), 4);
    }

    void unitsWithoutVotesAreOrderedByAWiderVote() {
        // Unit 0 tops every example, so units 1-3 have no vote at l = 1; at l = 2 (half the layer)
        // unit 2 is second in three examples and unit 1 in one: unit 2 is kept, not the lower index.
        prune::LayerProbe probe;
        probe.responses = torch::tensor(
            {{9.0f, 1.0f, 5.0f, 0.0f}, {9.0f, 1.0f, 5.0f, 0.0f}, {9.0f, 5.0f, 1.0f, 0.0f}, {9.0f, 0.0f, 5.0f, 1.0f}});
        const auto alive = torch::ones({4}, torch::kBool);
        const auto scores = prune::unitScores(Criterion::Vote, probe, alive, 1, 1, prune::VoteRanking::Activation);
        QCOMPARE(std::floor(scores[0].item<double>()), 4.0);  // the votes at l stay the integer part
        QVERIFY(scores[2].item<double>() > scores[1].item<double>());
        QVERIFY(scores[1].item<double>() > scores[3].item<double>());
        QVERIFY(scores[2].item<double>() < 1.0);  // the whole wider vote counts less than one vote at l
        QVERIFY(torch::equal(prune::keepHighest(scores, alive, 2), torch::tensor({1, 0, 1, 0}).to(torch::kBool)));
    }

    void votesByDeviationPassOverUnitsThatNeverChange() {
        // Unit 0 is the highest on every example but never moves; unit 1 is usually 4 and drops to 0
        // on example 3; unit 2 jumps on example 2. By activation unit 0 takes every vote; by
        // deviation from the unit's mean over the probe, examples vote for what sets them apart.
        prune::LayerProbe probe;
        probe.responses =
            torch::tensor({{9.0f, 4.0f, 1.0f}, {9.0f, 4.0f, 7.0f}, {9.0f, 0.0f, 1.0f}, {9.0f, 4.0f, 1.0f}});
        const auto alive = torch::ones({3}, torch::kBool);
        const auto votes = [&](prune::VoteRanking ranking) {
            return prune::unitScores(Criterion::Vote, probe, alive, 1, 1, ranking).floor();
        };
        QVERIFY(torch::equal(votes(prune::VoteRanking::Activation), torch::tensor({4.0, 0.0, 0.0}, torch::kFloat64)));
        // Means 9, 3, 2.5; deviations per example: (0, 1, 1.5), (0, 1, 4.5), (0, 3, 1.5), (0, 1, 1.5).
        QVERIFY(torch::equal(votes(prune::VoteRanking::Deviation), torch::tensor({0.0, 1.0, 3.0}, torch::kFloat64)));
        QVERIFY(prune::voteRankingFromString("activation") == prune::VoteRanking::Activation);
        QVERIFY(errorMessageOf<ConfigError>([] { prune::voteRankingFromString("mean"); }).startsWith("vote on"));
    }

    void everyCriterionScoresAsDefined() {
        prune::LayerProbe probe;
        probe.responses = torch::tensor({{1.0f, -2.0f, 0.0f}, {3.0f, 2.0f, 0.0f}});
        probe.zeroFraction = torch::tensor({0.1f, 0.5f, 1.0f});
        probe.outgoingWeights = torch::tensor({0.3f, 0.2f, 0.9f});
        const auto alive = torch::ones({3}, torch::kBool);
        const auto score = [&](Criterion c) { return prune::unitScores(c, probe, alive, 1, 7); };
        QVERIFY(torch::allclose(score(Criterion::ActMean), torch::tensor({2.0, 0.0, 0.0}, torch::kFloat64)));
        QVERIFY(torch::allclose(score(Criterion::ActSd), torch::tensor({1.0, 2.0, 0.0}, torch::kFloat64)));
        QVERIFY(torch::allclose(score(Criterion::ActL1), torch::tensor({4.0, 4.0, 0.0}, torch::kFloat64)));
        QVERIFY(torch::allclose(score(Criterion::ActL2), torch::tensor({std::sqrt(10.0), std::sqrt(8.0), 0.0}, torch::kFloat64)));
        QVERIFY(torch::allclose(score(Criterion::Apoz), torch::tensor({-0.1, -0.5, -1.0}, torch::kFloat64), 1e-6));
        QVERIFY(torch::allclose(score(Criterion::WeightSum), torch::tensor({0.3, 0.2, 0.9}, torch::kFloat64), 1e-6));
        // By activation: two votes at l = 1 for unit 0; the wider vote (top 2 of 3) adds 2, 1 and 1
        // votes over three.
        QVERIFY(torch::allclose(prune::unitScores(Criterion::Vote, probe, alive, 1, 7, prune::VoteRanking::Activation),
                                torch::tensor({2.0 + 2.0 / 3, 1.0 / 3, 1.0 / 3}, torch::kFloat64)));
        // By deviation (the default): the means are 2, 0, 0, so both examples move unit 1 most (by 2)
        // and unit 0 next (by 1): two votes for unit 1, and the wider vote adds 2 to units 0 and 1.
        QVERIFY(torch::allclose(score(Criterion::Vote), torch::tensor({2.0 / 3, 2.0 + 2.0 / 3, 0.0}, torch::kFloat64)));
        // Random is seeded: the same seed gives the same scores, another seed others.
        QVERIFY(torch::equal(score(Criterion::Random), score(Criterion::Random)));
        QVERIFY(!torch::equal(score(Criterion::Random), prune::unitScores(Criterion::Random, probe, alive, 1, 8)));
        // Pruned units score -infinity whatever the criterion.
        const auto partly = torch::tensor({1, 0, 1}).to(torch::kBool);
        for (const auto c : prune::allCriteria())
            QVERIFY(std::isinf(prune::unitScores(c, probe, partly, 1, 7)[1].item<double>()));
    }

    void keepingFollowsRateMinimumAndTies() {
        QCOMPARE(prune::unitsToKeep(1000, 0.05, 10), int64_t{950});
        QCOMPARE(prune::unitsToKeep(15, 0.5, 10), int64_t{10});  // the minimum wins
        QCOMPARE(prune::unitsToKeep(7, 0.5, 10), int64_t{7});    // never more than alive
        QCOMPARE(prune::unitsToKeep(11, 0.5, 1), int64_t{6});    // ceil
        const auto scores = torch::tensor({1.0, 5.0, 5.0, 3.0, 9.0});
        const auto alive = torch::tensor({1, 1, 1, 1, 0}).to(torch::kBool);
        const auto kept = prune::keepHighest(scores, alive, 2);
        QVERIFY(torch::equal(kept, torch::tensor({0, 1, 1, 0, 0}).to(torch::kBool)));
        const auto one = prune::keepHighest(scores, alive, 1);  // tie between units 1 and 2: the lower index
        QVERIFY(torch::equal(one, torch::tensor({0, 1, 0, 0, 0}).to(torch::kBool)));
        QVERIFY(prune::criterionFromString("apoz") == Criterion::Apoz);
        // Votes per example: the l of majority voting.
        QCOMPARE(prune::votesPerExample("keep", 100, 90), int64_t{90});
        QCOMPARE(prune::votesPerExample("half", 101, 90), int64_t{51});
        QCOMPARE(prune::votesPerExample("removed", 100, 90), int64_t{10});
        QCOMPARE(prune::votesPerExample("removed", 10, 10), int64_t{1});
        QCOMPARE(prune::votesPerExample("0.1", 95, 90), int64_t{10});
        QCOMPARE(prune::votesPerExample("0.001", 95, 90), int64_t{1});
        for (const char* bad : {"most", "0", "1.5", "0.1x", ""})
            QVERIFY2(errorMessageOf<ConfigError>([&] { prune::votesPerExample(bad, 10, 5); }).startsWith("votes"), bad);
        QVERIFY(errorMessageOf<ConfigError>([] { prune::criterionFromString("biggest"); }).contains("criterion"));
    }

    void probesSeeEveryUnitLayerOfATinyNet() {
        auto spec = model::ClassifierSpec::preset("cnn", 1, 16, 16, 10);
        spec.convWidths = {4, 4, 6, 6};
        spec.hidden = {12, 8};
        torch::manual_seed(3);
        model::ClassifierNet net(spec);
        const auto probes = prune::probeLayers(net, torch::rand({20, 1, 16, 16}), 7);
        QCOMPARE(probes.size(), size_t{6});
        QCOMPARE(probes[0].responses.sizes().vec(), std::vector<int64_t>({20, 4}));
        QCOMPARE(probes[5].responses.sizes().vec(), std::vector<int64_t>({20, 8}));
        for (const auto& p : probes) {
            QVERIFY(p.zeroFraction.min().item<float>() >= 0.0f && p.zeroFraction.max().item<float>() <= 1.0f);
            QCOMPARE(p.outgoingWeights.numel(), p.responses.size(1));
        }
        QVERIFY(net->is_training());  // left as found
        // Every criterion gives a finite score to every alive unit and keeps the requested number.
        for (const auto c : prune::allCriteria())
            for (size_t l = 0; l < probes.size(); ++l) {
                const auto alive = torch::ones({probes[l].responses.size(1)}, torch::kBool);
                const auto scores = prune::unitScores(c, probes[l], alive, 2, 1);
                QVERIFY2(torch::isfinite(scores).all().item<bool>(), prune::toString(c).c_str());
                QCOMPARE(prune::keepHighest(scores, alive, 3).sum().item<int64_t>(), int64_t{3});
            }
    }

    void outgoingWeightSumsFollowTheNextLayer() {
        model::ClassifierSpec spec;
        spec.height = spec.width = 4;
        spec.hidden = {3, 2};
        model::ClassifierNet net(spec);
        auto next = net->named_parameters()["fc2.weight"];  // 2 x 3
        QVERIFY(torch::allclose(net->outgoingWeightSums(0), next.abs().sum(0).detach()));
        net->setUnitMask(1, torch::tensor({1, 0}));  // a dead unit's incoming weights do not count
        QVERIFY(torch::allclose(net->outgoingWeightSums(0), next[0].abs().detach()));
    }

    void compactNetsGiveTheMaskedOutputs_data() {
        QTest::addColumn<QString>("net");
        QTest::addColumn<int>("channels");
        QTest::newRow("fcn") << "fcn" << 1;
        QTest::newRow("scn") << "scn" << 1;
        QTest::newRow("cnn colour") << "cnn" << 3;
    }
    void compactNetsGiveTheMaskedOutputs() {
        QFETCH(QString, net);
        QFETCH(int, channels);
        auto spec = smallSpec(net.toStdString(), channels);
        torch::manual_seed(5);
        model::ClassifierNet masked(spec);
        maskRandomly(masked, 11);
        const auto input = torch::rand({9, channels, 12, 12});
        QVERIFY(maxOutputDifference(masked, input) < 1e-5);
        const auto small = masked->compact();
        QCOMPARE(small->aliveUnits(), masked->aliveUnits());
        QCOMPARE(small->effectiveParameters(), masked->effectiveParameters());
        QCOMPARE(small->macsPerImage(), masked->macsPerImage());
        int64_t stored = 0;
        for (const auto& p : small->parameters()) stored += p.numel();
        if (net != "scn") QCOMPARE(small->effectiveParameters(), stored);
        else QVERIFY(small->effectiveParameters() < stored);  // only existing connections count
        model::ClassifierNet full(spec);
        QVERIFY(masked->effectiveParameters() < full->effectiveParameters());
    }

    void prunedNetsComputeOnlyTheAliveUnitsAlike_data() { compactNetsGiveTheMaskedOutputs_data(); }
    void prunedNetsComputeOnlyTheAliveUnitsAlike() {
        // A pruned net's forward pass multiplies only the alive rows and columns of its FC layers;
        // asking for the pre-activations takes the masked full-width path. Both must give the same
        // logits and the same gradients, and the pruned units' weights none.
        QFETCH(QString, net);
        QFETCH(int, channels);
        auto spec = smallSpec(net.toStdString(), channels);
        spec.dropout = 0.0;  // training mode without random masks, so that both passes see the same net
        torch::manual_seed(5);
        model::ClassifierNet model(spec);
        maskRandomly(model, 11);
        model->train();
        const auto input = torch::rand({9, channels, 12, 12});
        const auto labels = torch::randint(0, 5, {9}, torch::kLong);
        const auto gradients = [&](bool masked) {
            model->zero_grad();
            std::vector<torch::Tensor> preActivations;
            const auto logits = model->forward(input, masked ? &preActivations : nullptr);
            torch::nn::functional::cross_entropy(logits, labels).backward();
            std::vector<torch::Tensor> result{logits.detach().clone()};
            for (const auto& p : model->parameters())
                result.push_back(p.grad().defined() ? p.grad().clone() : torch::zeros_like(p));
            return result;
        };
        const auto alivePath = gradients(false);
        const auto maskedPath = gradients(true);
        QCOMPARE(alivePath.size(), maskedPath.size());
        for (size_t i = 0; i < alivePath.size(); ++i)
            QVERIFY2(torch::allclose(alivePath[i], maskedPath[i], 1e-5, 1e-6), qPrintable(QString::number(i)));
        // fc1's rows of pruned units get no gradient on either path.
        const auto fc1 = model->named_parameters()["fc1.weight"].grad();
        const size_t fc1Layer = spec.convWidths.size();
        const auto dead = (model->unitMask(fc1Layer) == 0).nonzero().flatten();
        QVERIFY(dead.numel() > 0);
        QCOMPARE(fc1.index_select(0, dead).abs().sum().item<double>(), 0.0);
    }

    void dropoutCanFollowThePrunedShareOfConnections() {
        auto spec = model::ClassifierSpec::preset("fcn", 1, 8, 8, 4);
        spec.hidden = {40, 40, 40};
        spec.dropout = 0.3;
        model::ClassifierNet fixed(spec);
        spec.dropoutFollowsPruning = true;
        model::ClassifierNet following(spec);
        QCOMPARE(following->dropoutRates(), std::vector<double>({0.3, 0.3, 0.3}));  // nothing pruned yet
        // A quarter of the first two layers' units alive: fc1 keeps 1 x 1/4 of its connections, fc2 1/4 x
        // 1/4, fc3 1/4 x 1; the rate is 0.3 times the square root of that share.
        auto quarter = torch::zeros({40}, torch::kBool);
        quarter.slice(0, 0, 10).fill_(true);
        for (auto* net : {&fixed, &following}) {
            (*net)->setUnitMask(0, quarter);
            (*net)->setUnitMask(1, quarter);
        }
        const auto rates = following->dropoutRates();
        QCOMPARE(rates.size(), size_t{3});
        QVERIFY(std::abs(rates[0] - 0.15) < 1e-9 && std::abs(rates[1] - 0.075) < 1e-9 &&
                std::abs(rates[2] - 0.15) < 1e-9);
        QCOMPARE(fixed->dropoutRates(), std::vector<double>({0.3, 0.3, 0.3}));
        // Training draws dropout masks at those rates; evaluation has none.
        const auto images = torch::rand({5, 1, 8, 8});
        following->train();
        QVERIFY(!torch::equal(following->forward(images), following->forward(images)));
        following->eval();
        QVERIFY(torch::equal(following->forward(images), following->forward(images)));
    }

    void setKeepsTheNumberOfConnections() {
        auto spec = model::ClassifierSpec::preset("scn", 1, 10, 10, 4);
        spec.hidden = {50, 40};
        spec.sparseEpsilon = 4.0;
        torch::manual_seed(2);
        model::ClassifierNet net(spec);
        const auto before = net->sparseConnectionCounts();
        QCOMPARE(before.size(), size_t{2});
        // Erdős–Rényi density epsilon (n_in + n_out) / (n_in n_out): about 4 * 150 = 600 of 5000.
        QVERIFY(before[0] > 450 && before[0] < 750);
        const auto connectionsBefore = net->named_buffers()["fc1_connections"].clone();
        auto generator = at::make_generator<at::CPUGeneratorImpl>(9);
        net->evolveSparseConnections(0.3, generator);
        QCOMPARE(net->sparseConnectionCounts(), before);
        const auto moved = (net->named_buffers()["fc1_connections"] != connectionsBefore).sum().item<int64_t>();
        QVERIFY(moved > 0);
        QVERIFY(moved <= 2 * static_cast<int64_t>(0.3 * static_cast<double>(before[0])) + 1);
        QVERIFY(errorMessageOf<ConfigError>([&] { net->evolveSparseConnections(1.5, generator); }).contains("zeta"));
    }

    void aTwoEpochPruningRunEndToEnd() {
        const auto shapes = tinyShapes();
        const auto config = tinyConfig();
        const auto data = train::splitForPruning(shapes, nullptr, config);
        QCOMPARE(data.test.size(), int64_t{40});
        QCOMPARE(data.train.size() + data.validation.size(), int64_t{160});
        QTemporaryDir dir;
        const fs::path folder = dir.filePath("run").toStdString();
        train::PruneTrainer trainer(config, data, folder);
        SnapshotRecorder recorder;
        const auto result = trainer.run(&recorder);
        QCOMPARE(train::toString(result.status), std::string("finished"));
        QCOMPARE(result.epochsCompleted, 2);
        QCOMPARE(recorder.snapshots.size(), size_t{2});
        // One event after epoch 1 (never after the last): 24 -> 18 and 20 -> 15 units.
        QCOMPARE(result.pruningEvents, 1);
        QCOMPARE(result.widthsBefore, std::vector<int64_t>({24, 20}));
        QCOMPARE(result.widthsAfter, std::vector<int64_t>({18, 15}));
        QVERIFY(result.parametersAfter < result.parametersBefore);
        QVERIFY(result.macsAfter < result.macsBefore);
        QVERIFY(result.latencyBatch256AfterMs > 0.0 && result.latencyBatch256BeforeMs > 0.0);
        // The masks lifted to time the dense architecture are back in place.
        QCOMPARE(trainer.net()->aliveUnits(), result.widthsAfter);
        const auto& first = recorder.snapshots.front();
        QVERIFY(first.metrics.pruned);
        QCOMPARE(first.events.size(), size_t{1});
        QCOMPARE(first.events[0].scores.size(), size_t{2});
        QCOMPARE(first.events[0].scores[0].size(), size_t{24});
        QCOMPARE(first.layers[0].aliveMask.size(), size_t{24});
        QCOMPARE(first.denseParameters, result.parametersBefore);
        QCOMPARE(recorder.snapshots.back().metrics.parameters, result.parametersAfter);
        QVERIFY(first.metrics.testAccuracy >= 0.0 && first.metrics.testAccuracy <= 1.0);

        for (const char* file : {"config.json", "metrics.csv", "summary.json", "pruning_events.csv", "model.pt"})
            QVERIFY2(fs::exists(folder / file), file);
        const auto summary = nlohmann::json::parse(readText(folder / "summary.json"));
        for (const char* key : {"dataset", "net", "criterion", "params_before", "params_after", "acc_before", "acc_after",
                                "flops_before", "flops_after", "latency_before_ms", "latency_after_ms"})
            QVERIFY2(summary.contains(key), key);
        QCOMPARE(summary["params_after"].get<int64_t>(), result.parametersAfter);
        std::istringstream metrics(readText(folder / "metrics.csv"));
        std::string line;
        int lines = 0;
        while (std::getline(metrics, line)) ++lines;
        QCOMPARE(lines, 3);
        // 24 + 20 units scored in the one event.
        std::istringstream events(readText(folder / "pruning_events.csv"));
        lines = 0;
        while (std::getline(events, line)) ++lines;
        QCOMPARE(lines, 1 + 24 + 20);
    }

    void everyCriterionPrunesATinyRun() {
        const auto shapes = tinyShapes(120);
        for (const auto c : prune::allCriteria()) {
            auto config = tinyConfig();
            config.criterion = prune::toString(c);
            config.epochs = 2;
            const auto data = train::splitForPruning(shapes, nullptr, config);
            train::PruneTrainer trainer(config, data);
            const auto result = trainer.run();
            QCOMPARE(result.widthsAfter, std::vector<int64_t>({18, 15}));
            // The compacted net gives the masked net's outputs.
            model::ClassifierNet net(trainer.net());
            QVERIFY(maxOutputDifference(net, torch::rand({4, 1, 16, 16})) < 1e-5);
        }
    }

    void oneShotKeepsTheFraction() {
        auto config = tinyConfig();
        config.schedule = "oneshot";
        config.keep = 0.5;
        const auto shapes = tinyShapes(120);
        const auto data = train::splitForPruning(shapes, nullptr, config);
        train::PruneTrainer trainer(config, data);
        const auto result = trainer.run();
        QCOMPARE(result.pruningEvents, 1);
        QCOMPARE(result.widthsAfter, std::vector<int64_t>({12, 10}));
    }

    void aCheckPrunesOnceAccuracyHasRecovered() {
        QVERIFY(train::mayPruneAgain(0.9650, 0.9600, 0.0));
        QVERIFY(train::mayPruneAgain(0.9600, 0.9600, 0.0));  // a tie counts: small validation sets repeat exactly
        QVERIFY(!train::mayPruneAgain(0.95875, 0.9600, 0.0));
        QVERIFY(train::mayPruneAgain(0.95875, 0.9600, 0.002));  // within the tolerance
        QVERIFY(train::mayPruneAgain(0.10, -1.0, 0.0));         // before the first event
    }

    void targetStopsPruning() {
        auto config = tinyConfig();
        config.epochs = 4;
        config.target = 0.9;  // reached after the first event
        const auto shapes = tinyShapes(120);
        const auto data = train::splitForPruning(shapes, nullptr, config);
        train::PruneTrainer trainer(config, data);
        QCOMPARE(trainer.run().pruningEvents, 1);
    }

    void theLastEventLandsOnTheTarget() {
        auto config = tinyConfig();
        config.epochs = 4;
        config.rate = 0.5;
        config.target = 0.8;  // the whole rate would leave about half the weights
        config.landOnTarget = true;
        const auto shapes = tinyShapes(120);
        const auto data = train::splitForPruning(shapes, nullptr, config);
        train::PruneTrainer landing(config, data);
        const auto landed = landing.run();
        config.landOnTarget = false;
        train::PruneTrainer wholeRate(config, data);
        const auto cut = wholeRate.run();
        QCOMPARE(landed.pruningEvents, 1);
        QCOMPARE(cut.pruningEvents, 1);
        QCOMPARE(cut.widthsAfter, std::vector<int64_t>({12, 10}));
        const double budget = config.target * static_cast<double>(landed.parametersBefore);
        QVERIFY(static_cast<double>(landed.parametersAfter) <= budget);
        // One unit more in each layer would pass the target: 16 x 16 inputs, widths 24 and 20.
        const int64_t unitsWorth = (16 * 16 + 1 + 20) + (24 + 1 + shapes.classCount());
        QVERIFY2(static_cast<double>(landed.parametersAfter + unitsWorth) > budget,
                 std::to_string(landed.parametersAfter).c_str());
        QVERIFY(landed.widthsAfter[0] > 12 && landed.widthsAfter[1] > 10);
    }

    void eachLayerCanHaveItsOwnRate() {
        auto config = tinyConfig();
        config.target = 0.9;  // one event
        config.layerRates = {0.5, 0.25};
        const auto shapes = tinyShapes(120);
        const auto data = train::splitForPruning(shapes, nullptr, config);
        train::PruneTrainer trainer(config, data);
        const auto result = trainer.run();
        QCOMPARE(result.pruningEvents, 1);
        QCOMPARE(result.widthsAfter, std::vector<int64_t>({12, 15}));  // 24 x (1 - 0.5), 20 x (1 - 0.25)
    }

    void sparseAndConvNetsRun() {
        const auto shapes = tinyShapes(120);
        auto config = tinyConfig();
        config.net = "scn";
        config.epsilon = 3.0;
        auto data = train::splitForPruning(shapes, nullptr, config);
        train::PruneTrainer sparse(config, data);
        const auto sparseResult = sparse.run();
        QCOMPARE(train::toString(sparseResult.status), std::string("finished"));
        QCOMPARE(sparseResult.widthsAfter, std::vector<int64_t>({18, 15}));

        config.net = "cnn";
        config.pruneConv = true;
        config.hidden = {16, 12};
        config.epochs = 2;
        train::PruneTrainer conv(config, data);
        const auto convResult = conv.run();
        // Six conv layers (32, 32, 64, 64, 128, 128) and two FC layers, every one pruned by a quarter.
        QCOMPARE(convResult.widthsAfter, std::vector<int64_t>({24, 24, 48, 48, 96, 96, 12, 9}));
        model::ClassifierNet net(conv.net());
        QVERIFY(maxOutputDifference(net, torch::rand({3, 1, 16, 16})) < 1e-4);
    }

    void ablationCoversEveryCriterionAndLayer() {
        auto config = tinyConfig();
        config.epochs = 1;
        const auto shapes = tinyShapes(120);
        const auto data = train::splitForPruning(shapes, nullptr, config);
        const auto result = train::runPruneAblation(config, data, 0.7);
        QCOMPARE(result.layerNames, std::vector<std::string>({"fc1", "fc2"}));
        QCOMPARE(result.rows.size(), prune::allCriteria().size() * 3);
        QCOMPARE(result.rows[2].layer, std::string("all"));
        QCOMPARE(result.rows[0].criterion, std::string("vote"));
        for (const auto& row : result.rows) QVERIFY(row.accuracy >= 0.0 && row.accuracy <= 1.0);
        // Each row is paired with the vote row of its layer on the same test images: the images only
        // one of them gets right account for the whole accuracy difference.
        const double testImages = static_cast<double>(data.test.size());
        for (const auto& row : result.rows) {
            const auto vote = std::find_if(result.rows.begin(), result.rows.end(), [&](const auto& r) {
                return r.criterion == "vote" && r.layer == row.layer;
            });
            const double fromPairs =
                vote->accuracy + static_cast<double>(row.onlyThisRight - row.onlyVoteRight) / testImages;
            QVERIFY2(std::abs(fromPairs - row.accuracy) < 1e-9, row.criterion.c_str());
            QCOMPARE(row.pVersusVote, metrics::mcnemarExactP(row.onlyVoteRight, row.onlyThisRight));
            if (row.criterion == "vote") QCOMPARE(row.onlyVoteRight + row.onlyThisRight, int64_t{0});
        }
        const auto json = nlohmann::json::parse(train::ablationJson(config, result));
        QCOMPARE(json["rows"][3]["only_vote_right"].get<int64_t>(), result.rows[3].onlyVoteRight);
        QCOMPARE(json["rows"][3]["p_vs_vote"].get<double>(), result.rows[3].pVersusVote);
        QCOMPARE(json["rows"].size(), result.rows.size());
        QCOMPARE(json["rows"][0]["layer"].get<int>(), 1);
        QCOMPARE(json["rows"][2]["layer"].get<std::string>(), std::string("all"));
    }

    void badSettingsNameTheirField() {
        const auto shapes = tinyShapes(60);
        const auto expectError = [&](const char* field, auto change) {
            auto config = tinyConfig();
            change(config);
            const auto message = errorMessageOf<ConfigError>([&] {
                const auto data = train::splitForPruning(shapes, nullptr, config);
                train::PruneTrainer trainer(config, data);
            });
            QVERIFY2(message.startsWith(field), qPrintable(message));
        };
        expectError("rate", [](auto& c) { c.rate = 0.0; });
        expectError("rate", [](auto& c) { c.rate = 1.0; });
        expectError("layer rates", [](auto& c) { c.layerRates = {0.1, 1.0}; });
        expectError("layer rates", [](auto& c) { c.layerRates = {0.1, 0.1, 0.1}; });  // two prunable layers
        expectError("min units", [](auto& c) { c.minUnits = 30; });  // above the 24 and 20 wide layers
        expectError("min units", [](auto& c) {  // above the preset's widths
            c.hidden.clear();
            c.minUnits = 1500;
        });
        expectError("criterion", [](auto& c) { c.criterion = "largest"; });
        expectError("net", [](auto& c) { c.net = "rnn"; });
        expectError("keep", [](auto& c) { c.keep = 0.0; });
        expectError("every", [](auto& c) { c.every = 0; });
        expectError("dropout", [](auto& c) { c.dropout = 1.0; });
        expectError("votes", [](auto& c) { c.votes = "most"; });
        expectError("vote on", [](auto& c) { c.voteOn = "mean"; });

        const data::Dataset unlabelled("unlabelled", 1, 16, 16, shapes.pixels());
        const auto message = errorMessageOf<ConfigError>([&] { train::splitForPruning(unlabelled, nullptr, tinyConfig()); });
        QVERIFY2(message.contains("no labels"), qPrintable(message));
    }

    void theSummaryPairsThePrunedNetWithTheDenseOne() {
        const auto config = tinyConfig();
        train::PruneRunResult dense, pruned;
        dense.testAccuracy = 0.6;
        dense.testCorrect = {1, 1, 1, 0, 0};
        pruned.testAccuracy = 0.4;
        pruned.testCorrect = {1, 0, 0, 1, 0};
        auto summary = nlohmann::json::parse(train::pruneSummaryJson(config, pruned, &dense));
        QCOMPARE(summary["acc_before"].get<double>(), 0.6);
        QCOMPARE(summary["only_dense_right"].get<int64_t>(), int64_t{2});
        QCOMPARE(summary["only_pruned_right"].get<int64_t>(), int64_t{1});
        QCOMPARE(summary["p_vs_dense"].get<double>(), 1.0);
        QCOMPARE(train::densePairingText(pruned, dense), std::string("dense alone right on 2, pruned alone on 1, p 1"));

        // A pruned run that failed before its first epoch has nothing to pair: no keys, no exception.
        pruned.testCorrect.clear();
        summary = nlohmann::json::parse(train::pruneSummaryJson(config, pruned, &dense));
        QVERIFY(!summary.contains("only_dense_right"));
        QVERIFY(summary["acc_before"].is_number());
        QVERIFY(train::densePairingText(pruned, dense).find("not paired") == 0);
        QVERIFY(nlohmann::json::parse(train::pruneSummaryJson(config, pruned))["acc_before"].is_null());
    }

    void aRunIsComparedWithTheDenseNetTrainedAsLong() {
        const auto shapes = tinyShapes();
        const auto config = tinyConfig();
        QVERIFY(config.denseBaseline);  // the default: a pruned net is judged against it
        const auto data = train::splitForPruning(shapes, nullptr, config);
        QTemporaryDir dir;
        const fs::path folder = dir.filePath("run").toStdString();
        SnapshotRecorder denseRecorder, prunedRecorder;
        const auto comparison = train::runPruneComparedWithDense(config, data, folder, &denseRecorder, &prunedRecorder);
        QVERIFY(comparison.dense);
        const auto& dense = *comparison.dense;
        QCOMPARE(dense.epochsCompleted, config.epochs);
        QCOMPARE(dense.pruningEvents, 0);
        QCOMPARE(dense.widthsAfter, dense.widthsBefore);
        QCOMPARE(comparison.pruned.pruningEvents, 1);
        QCOMPARE(denseRecorder.snapshots.size(), size_t{2});
        QCOMPARE(prunedRecorder.snapshots.size(), size_t{2});
        // The dense net is the one a run with schedule "none" trains: the same seed, data and epochs.
        train::PruneTrainer alone(config.denseCounterpart(), data);
        QCOMPARE(alone.run().testCorrect, dense.testCorrect);

        // Its run has its own folder; the pruned run's summary pairs the two on the same test images.
        QCOMPARE(nlohmann::json::parse(readText(folder / "dense" / "config.json"))["schedule"].get<std::string>(),
                 std::string("none"));
        for (const char* file : {"metrics.csv", "summary.json", "model.pt"})
            QVERIFY2(fs::exists(folder / "dense" / file), file);
        const auto summary = nlohmann::json::parse(readText(folder / "summary.json"));
        QCOMPARE(summary["acc_before"].get<double>(), dense.testAccuracy);
        QCOMPARE(summary["acc_after"].get<double>(), comparison.pruned.testAccuracy);
        QVERIFY(summary.contains("only_dense_right") && summary.contains("p_vs_dense"));

        // Without the baseline, or when the run is the dense net itself, nothing else is trained.
        for (const auto& [baseline, schedule] : {std::pair{false, "during"}, std::pair{true, "none"}}) {
            auto single = config;
            single.denseBaseline = baseline;
            single.schedule = schedule;
            const fs::path other = dir.filePath(schedule).toStdString();
            const auto result = train::runPruneComparedWithDense(single, data, other, nullptr, nullptr);
            QVERIFY(!result.dense);
            QCOMPARE(result.pruned.epochsCompleted, config.epochs);
            QVERIFY(!fs::exists(other / "dense"));
            QVERIFY(nlohmann::json::parse(readText(other / "summary.json"))["acc_before"].is_null());
        }
    }

    void stoppingTheDenseNetLeavesThePruningRunUntried() {
        const auto shapes = tinyShapes();
        auto config = tinyConfig();
        config.epochs = 50;
        const auto data = train::splitForPruning(shapes, nullptr, config);
        train::RunControl control;
        control.requestStop();
        const auto comparison = train::runPruneComparedWithDense(config, data, {}, nullptr, nullptr, &control);
        QVERIFY(comparison.dense);
        QCOMPARE(train::toString(comparison.pruned.status), std::string("stopped"));
        QCOMPARE(comparison.pruned.epochsCompleted, 0);
        QVERIFY2(comparison.pruned.message.find("the dense net to compare with: stopped") == 0,
                 comparison.pruned.message.c_str());
    }

    void configRoundTripsThroughJson() {
        auto config = tinyConfig();
        config.criterion = "apoz";
        config.denseBaseline = false;
        config.target = 0.1;
        config.dropoutFollowsPruning = true;
        config.landOnTarget = true;
        config.layerRates = {0.08, 0.1};
        const auto back = train::PruneConfig::fromJson(config.toJson());
        QCOMPARE(back.toJson(), config.toJson());
        QVERIFY(errorMessageOf<ConfigError>([] { train::PruneConfig::fromJson(R"({"rates": 1})"); }).contains("rates"));
        QVERIFY(errorMessageOf<ConfigError>([] { train::PruneConfig::fromJson(R"({"rate": "high"})"); }).contains("rate"));
        QVERIFY(errorMessageOf<ConfigError>([] {
                    train::PruneConfig::fromJson(R"({"layer_rates": 0.1})");
                }).contains("layer_rates: found 0.1 (number); expected a list of numbers"));
    }
};

QTEST_APPLESS_MAIN(TestPrune)
#include "tst_prune.moc"
