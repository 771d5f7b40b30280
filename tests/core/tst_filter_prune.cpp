// CNN filter pruning (M4): IoU and voting on hand-made maps, the nets and their physical shrinking,
// least-squares re-estimation, FLOPs targets, every criterion, runs end to end, refused settings.
#include <torch/torch.h>

#include <QtTest>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "dcs/data/loaders.h"
#include "dcs/error.h"
#include "dcs/metrics/paired_test.h"
#include "dcs/model/filter_net.h"
#include "dcs/prune/filter_criteria.h"
#include "dcs/prune/kernel_reestimation.h"
#include "dcs/prune/width_allocation.h"
#include "dcs/train/filter_prune_trainer.h"
#include "support/error_message.h"

namespace fs = std::filesystem;
using namespace dcs;
using prune::FilterCriterion;

namespace {

data::Dataset tinyShapes(int64_t count = 240, int size = 16) {
    data::ShapesOptions options;
    options.count = count;
    options.size = size;
    return data::generateShapes(options);
}

train::FilterPruneConfig tinyConfig() {
    train::FilterPruneConfig config;
    config.dataset = "shapes";
    config.width = 0.125;
    config.epochs = 1;
    config.finetuneEpochs = 1;
    config.batchSize = 32;
    config.probeSize = 60;
    config.flopsReduction = 0.5;
    config.threads = 1;
    return config;
}

// Every prunable conv keeps every other filter.
std::vector<torch::Tensor> everyOtherFilter(const model::FilterNetImpl& net) {
    std::vector<torch::Tensor> keep;
    for (const auto& layer : net.prunableLayers()) keep.push_back(torch::arange(0, layer.filters, 2, torch::kLong));
    return keep;
}

// The dense net with the removed filters silenced: batch-norm scale and shift zero, so they output
// exactly what a removed filter contributes downstream (nothing).
void silenceRemovedFilters(model::FilterNetImpl& net, const std::vector<torch::Tensor>& keep) {
    torch::NoGradGuard noGrad;
    const auto params = net.named_parameters();
    const auto& layers = net.prunableLayers();
    for (size_t l = 0; l < layers.size(); ++l) {
        auto removed = torch::ones({layers[l].filters}, torch::kBool);
        removed.index_put_({keep[l]}, false);
        // The prunable conv is the one whose weight is filterWeights(l); its batch norm follows it.
        for (const auto& item : params) {
            if (!item.value().is_same(net.filterWeights(l))) continue;
            const std::string bn = "bn" + item.key().substr(4, item.key().find('.') - 4);
            params[bn + ".weight"].masked_fill_(removed, 0.0);
            params[bn + ".bias"].masked_fill_(removed, 0.0);
        }
    }
}

struct SnapshotRecorder : train::TrainingObserver {
    std::vector<train::FilterPruneSnapshot> snapshots;
    void onFilterPruneSnapshot(const train::FilterPruneSnapshot& s) override { snapshots.push_back(s); }
};

}  // namespace

class TestFilterPrune : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { at::set_num_threads(1); }

    void iouOfHandMadeMasks() {
        // Two images of four pixels; two filters.
        const auto unit = torch::tensor({1, 1, 0, 0, /**/ 0, 0, 0, 0,  // image 0: filter 0, filter 1
                                         1, 0, 1, 0, /**/ 0, 1, 0, 1},  // image 1
                                        torch::kBool)
                              .view({2, 2, 4});
        const auto semantic = torch::tensor({1, 0, 0, 0, /**/ 1, 0, 1, 1}, torch::kBool).view({2, 4});
        const auto iou = prune::maskIoU(unit, semantic);
        QCOMPARE(iou[0][0].item<float>(), 0.5f);   // {0} / {0,1}
        QCOMPARE(iou[0][1].item<float>(), 0.0f);   // empty unit mask
        QCOMPARE(iou[1][0].item<float>(), 2.0f / 3.0f);  // {0,2} / {0,2,3}
        QCOMPARE(iou[1][1].item<float>(), 0.25f);  // {3} / {0,1,2,3}
        // Both empty: 0, not NaN.
        const auto none = prune::maskIoU(torch::zeros({1, 1, 4}, torch::kBool), torch::zeros({1, 4}, torch::kBool));
        QCOMPARE(none.item<float>(), 0.0f);
    }

    void maskedResponseOfHandMadeMaps() {
        // Two images of four pixels; two filters.
        const auto maps = torch::tensor({1.f, 2.f, 3.f, 4.f, /**/ 0.f, 0.f, 8.f, 0.f,   // image 0: filter 0, filter 1
                                         2.f, 0.f, 0.f, 6.f, /**/ 1.f, 1.f, 1.f, 1.f})  // image 1
                              .view({2, 2, 4});
        const auto semantic = torch::tensor({1, 0, 1, 0, /**/ 0, 0, 0, 1}, torch::kBool).view({2, 4});
        const auto response = prune::maskedResponse(maps, semantic);
        QCOMPARE(response[0][0].item<float>(), 2.0f);  // (1 + 3) / 2
        QCOMPARE(response[0][1].item<float>(), 4.0f);  // (0 + 8) / 2: fires hard on half the region
        QCOMPARE(response[1][0].item<float>(), 6.0f);
        QCOMPARE(response[1][1].item<float>(), 1.0f);
        // An empty mask: 0, not NaN.
        QCOMPARE(prune::maskedResponse(maps, torch::zeros({2, 4}, torch::kBool)).abs().sum().item<float>(), 0.0f);
        QCOMPARE(prune::toString(prune::alignmentFromString("iou")), std::string("iou"));
        QVERIFY(errorMessageOf<ConfigError>([] { prune::alignmentFromString("overlap"); }).startsWith("alignment:"));
    }

    void votesGoToTheBestAlignedFilters() {
        const auto alignment = torch::tensor({{0.9f, 0.1f, 0.5f, 0.0f},
                                              {0.2f, 0.8f, 0.7f, 0.0f},
                                              {0.3f, 0.3f, 0.0f, 0.0f},   // tie: the lower index wins
                                              {0.0f, 0.0f, 0.0f, 0.0f}}); // nothing aligned: no votes
        QVERIFY(torch::equal(prune::alignmentVotes(alignment, 1), torch::tensor({2, 1, 0, 0}, torch::kLong)));
        QVERIFY(torch::equal(prune::alignmentVotes(alignment, 2), torch::tensor({2, 2, 2, 0}, torch::kLong)));
        // Zero alignment never earns a vote, however large l is.
        QVERIFY(torch::equal(prune::alignmentVotes(alignment, 4), torch::tensor({3, 3, 2, 0}, torch::kLong)));
        QVERIFY(torch::equal(prune::keepTop(torch::tensor({1.0f, 3.0f, 3.0f, 0.5f}), 2), torch::tensor({1, 2}, torch::kLong)));
    }

    void topFractionMaskKeepsTheHottestPixels() {
        const auto maps = torch::tensor({0.f, 1.f, 2.f, 3.f, 4.f, 5.f, 6.f, 7.f, 8.f, 9.f}).view({1, 2, 5});
        const auto mask = prune::topFractionMask(maps, 0.2);
        QVERIFY(torch::equal(mask.view(-1), torch::tensor({0, 0, 0, 0, 0, 0, 0, 0, 1, 1}, torch::kBool)));
        // A map with nothing positive has no semantic region.
        QCOMPARE(prune::topFractionMask(torch::zeros({1, 3, 3}), 0.2).sum().item<int64_t>(), int64_t{0});
    }

    void netsHaveTheirArchitectures() {
        const auto vgg = model::FilterNetSpec::preset("vgg16", 1.0, 3, 32, 32, 10);
        QCOMPARE(vgg.prunableWidths, std::vector<int64_t>({64, 64, 128, 128, 256, 256, 256, 512, 512, 512, 512, 512, 512}));
        model::FilterNet full(vgg);
        // The CIFAR VGG-16 with batch norm and one FC layer has 14,728,266 parameters with conv
        // biases; batch norm makes them redundant, so 4,224 fewer here. MACs of convs and FC by hand:
        // 3*64*9*32^2 + 6 convs at 37.7 M + 3 at 18.9 M + 3 (2x2 maps) at 9.4 M + 512*10.
        QCOMPARE(full->parameterCount(), int64_t{14728266 - 4224});
        QCOMPARE(full->macsPerImage(), int64_t{1769472 + 6 * 37748736 + 3 * 18874368 + 3 * 9437184 + 5120});
        QCOMPARE(model::FilterNetSpec::preset("resnet20", 1.0, 3, 32, 32, 10).prunableWidths.size(), size_t{9});
        QCOMPARE(model::FilterNetSpec::preset("resnet32", 1.0, 3, 32, 32, 10).prunableWidths.size(), size_t{15});
        model::FilterNet resnet(model::FilterNetSpec::preset("resnet20", 1.0, 3, 32, 32, 10));
        // ResNet-20 with 1x1 projection shortcuts: about 0.27 M parameters and 41 M MACs.
        QVERIFY(resnet->parameterCount() > 260000 && resnet->parameterCount() < 280000);
        QVERIFY(resnet->macsPerImage() > 40'000'000 && resnet->macsPerImage() < 43'000'000);
        torch::NoGradGuard noGrad;
        QCOMPARE(resnet->forward(torch::rand({2, 3, 32, 32})).sizes(), torch::IntArrayRef({2, 10}));
        model::FilterNet small(model::FilterNetSpec::preset("vgg16", 0.125, 1, 28, 28, 10));
        QCOMPARE(small->forward(torch::rand({2, 1, 28, 28})).sizes(), torch::IntArrayRef({2, 10}));
    }

    void shrinkingGivesTheSameOutputsAsSilencing_data() {
        QTest::addColumn<QString>("arch");
        QTest::newRow("vgg16") << "vgg16";
        QTest::newRow("resnet20") << "resnet20";
        QTest::newRow("resnet32") << "resnet32";
    }
    void shrinkingGivesTheSameOutputsAsSilencing() {
        QFETCH(QString, arch);
        torch::manual_seed(3);
        model::FilterNet dense(model::FilterNetSpec::preset(arch.toStdString(), 0.25, 3, 20, 20, 5));
        // Running statistics that are not the defaults, so they must be carried over correctly.
        dense->train();
        {
            torch::NoGradGuard noGrad;
            for (int i = 0; i < 3; ++i) dense->forward(torch::rand({8, 3, 20, 20}));
        }
        dense->eval();
        const auto keep = everyOtherFilter(*dense);
        const auto pruned = dense->withFilters(keep);
        QVERIFY(pruned->parameterCount() < dense->parameterCount());
        QVERIFY(pruned->macsPerImage() < dense->macsPerImage());
        for (size_t l = 0; l < keep.size(); ++l) QCOMPARE(pruned->prunableLayers()[l].filters, keep[l].numel());
        silenceRemovedFilters(*dense, keep);
        pruned->eval();
        torch::NoGradGuard noGrad;
        const auto images = torch::rand({4, 3, 20, 20});
        const auto expected = dense->forward(images);
        const auto actual = pruned->forward(images);
        QCOMPARE(actual.sizes(), expected.sizes());
        QVERIFY2((actual - expected).abs().max().item<double>() < 1e-5, "the shrunk net answers like the silenced one");
    }

    void foldedNetAnswersLikeTheNetInEvalMode_data() { shrinkingGivesTheSameOutputsAsSilencing_data(); }
    void foldedNetAnswersLikeTheNetInEvalMode() {
        QFETCH(QString, arch);
        torch::manual_seed(6);
        model::FilterNet net(model::FilterNetSpec::preset(arch.toStdString(), 0.25, 3, 20, 20, 5));
        {
            // Scales, shifts and running statistics far from the identity, so every part of the fold counts.
            torch::NoGradGuard noGrad;
            for (const auto& module : net->modules(/*include_self=*/false))
                if (auto* bn = dynamic_cast<torch::nn::BatchNorm2dImpl*>(module.get())) {
                    bn->weight.uniform_(0.5, 2.0);
                    bn->bias.normal_(0.0, 0.5);
                    bn->running_mean.normal_(0.0, 0.5);
                    bn->running_var.uniform_(0.2, 3.0);
                }
        }
        net->eval();
        const auto folded = net->foldedForInference();
        QVERIFY(folded->batchNormFolded() && !net->batchNormFolded());
        QVERIFY(folded->parameterCount() < net->parameterCount());  // a bias per filter instead of two BN vectors
        QCOMPARE(folded->macsPerImage(), net->macsPerImage());
        torch::NoGradGuard noGrad;
        const auto images = torch::rand({4, 3, 20, 20});
        const auto expected = net->forward(images);
        const auto actual = folded->forward(images);
        QCOMPARE(actual.sizes(), expected.sizes());
        const double error = (actual - expected).abs().max().item<double>();
        QVERIFY2(error < 1e-4 * std::max(1.0, expected.abs().max().item<double>()),
                 qPrintable(QString("max error %1").arg(error)));
        // Inference only: what needs the batch norms says so instead of running on without them.
        model::FilterCapture capture;
        QVERIFY_THROWS_EXCEPTION(std::logic_error, folded->forward(images, &capture));
        QVERIFY_THROWS_EXCEPTION(std::logic_error, folded->withFilters(everyOtherFilter(*net)));
        QVERIFY_THROWS_EXCEPTION(std::logic_error, folded->foldedForInference());
    }

    void resnetShapesStayValidForAnyKeptFilters() {
        torch::manual_seed(4);
        model::FilterNet dense(model::FilterNetSpec::preset("resnet32", 0.5, 1, 28, 28, 10));
        std::vector<torch::Tensor> keep;
        for (const auto& layer : dense->prunableLayers())  // 1 filter up to all of them
            keep.push_back(std::get<0>(torch::randperm(layer.filters, torch::kLong).slice(0, 0, 1 + static_cast<int64_t>(keep.size()) % layer.filters).sort(0)));
        const auto pruned = dense->withFilters(keep);
        torch::NoGradGuard noGrad;
        pruned->eval();
        QCOMPARE(pruned->forward(torch::rand({3, 1, 28, 28})).sizes(), torch::IntArrayRef({3, 10}));
        QVERIFY(errorMessageOf<ConfigError>([&] { dense->withFilters({keep[0]}); }).contains("kept filters"));
    }

    void reestimationLowersTheNextLayersError_data() {
        QTest::addColumn<QString>("arch");
        QTest::newRow("vgg16") << "vgg16";
        QTest::newRow("resnet20") << "resnet20";
    }
    void reestimationLowersTheNextLayersError() {
        QFETCH(QString, arch);
        torch::manual_seed(5);
        model::FilterNet dense(model::FilterNetSpec::preset(arch.toStdString(), 0.25, 1, 16, 16, 10));
        dense->eval();
        const auto images = torch::rand({120, 1, 16, 16});
        const auto keep = everyOtherFilter(*dense);
        const auto plain = dense->withFilters(keep);
        const auto refitted = dense->withFilters(keep);
        prune::reestimateConsumers(*dense, *refitted, keep, images, 7);
        const auto probe = torch::rand({60, 1, 16, 16});  // images the fit never saw
        const size_t last = keep.size() - 1;
        for (const size_t layer : {size_t{0}, last}) {
            const double before = prune::consumerOutputError(*dense, *plain, keep, layer, probe);
            const double after = prune::consumerOutputError(*dense, *refitted, keep, layer, probe);
            QVERIFY2(after < 0.8 * before, qPrintable(QString("layer %1: %2 -> %3").arg(layer).arg(before).arg(after)));
        }
    }

    // Running statistics left far from the data (as a short training or a pruning leaves them)
    // are measured afresh: eval mode then computes what training mode does on the same batch.
    void batchNormRecalibrationMatchesTheData() {
        torch::manual_seed(11);
        model::FilterNet net(model::FilterNetSpec::preset("vgg16", 0.25, 1, 16, 16, 10));
        const auto images = torch::rand({64, 1, 16, 16});
        std::vector<torch::nn::BatchNorm2dImpl*> norms;
        for (const auto& module : net->modules(/*include_self=*/false))
            if (auto* bn = dynamic_cast<torch::nn::BatchNorm2dImpl*>(module.get())) norms.push_back(bn);
        QVERIFY(!norms.empty());
        {
            torch::NoGradGuard noGrad;
            for (auto* bn : norms) {
                bn->running_mean.fill_(3.0);
                bn->running_var.fill_(20.0);
            }
        }
        const auto weightsBefore = net->filterWeights(0).clone();
        torch::Tensor trainMode, stale, recalibrated;
        {
            torch::NoGradGuard noGrad;
            net->eval();
            stale = net->forward(images);
            net->train();
            trainMode = net->forward(images);
        }
        net->eval();
        net->recalibrateBatchNorm(images, /*batchSize=*/64);  // one batch: its own statistics
        QVERIFY(!net->is_training());
        {
            torch::NoGradGuard noGrad;
            recalibrated = net->forward(images);
        }
        const double staleGap = (stale - trainMode).abs().max().item<double>();
        const double gap = (recalibrated - trainMode).abs().max().item<double>();
        const double scale = trainMode.abs().max().item<double>();
        // Eval divides by the unbiased variance, training by the biased one: a gap of about 1/N.
        QVERIFY2(gap < 0.05 * scale && gap < 0.1 * staleGap,
                 qPrintable(QString("gap %1 (stale %2, scale %3)").arg(gap).arg(staleGap).arg(scale)));
        QVERIFY(torch::equal(weightsBefore, net->filterWeights(0)));
        for (auto* bn : norms) QCOMPARE(bn->options.momentum().value_or(-1.0), 0.1);  // training goes on as before
    }

    void flopsTargetIsReached() {
        for (const auto* arch : {"vgg16", "resnet20"}) {
            const auto spec = model::FilterNetSpec::preset(arch, 0.25, 1, 28, 28, 10);
            const auto dense = model::FilterNetImpl::macsPerImage(spec);
            const auto keep = prune::uniformWidths(spec, {0.5, 1, 1});
            auto pruned = spec;
            pruned.prunableWidths = keep;
            const auto after = model::FilterNetImpl::macsPerImage(pruned);
            QVERIFY2(after <= dense / 2, arch);
            QVERIFY2(after > dense * 4 / 10, arch);  // the smallest cut that reaches the target
        }
        // Rounded to multiples of 8 (CPU convolutions work in blocks of 8 channels), still within the target.
        const auto vgg = model::FilterNetSpec::preset("vgg16", 0.25, 1, 28, 28, 10);
        auto rounded = vgg;
        rounded.prunableWidths = prune::uniformWidths(vgg, {0.5, 2, 8});
        for (const auto w : rounded.prunableWidths) QCOMPARE(w % 8, int64_t{0});
        QVERIFY(model::FilterNetImpl::macsPerImage(rounded) <= model::FilterNetImpl::macsPerImage(vgg) / 2);
        // Blocks of 16: the 16-filter convs move by half blocks, the wider ones by whole blocks, and the
        // FLOPs the rounding leaves are given back until no further step fits the target.
        auto blocked = vgg;
        blocked.prunableWidths = prune::uniformWidths(vgg, {0.5, 2, 16});
        const auto budget = model::FilterNetImpl::macsPerImage(vgg) / 2;
        QVERIFY(model::FilterNetImpl::macsPerImage(blocked) <= budget);
        for (size_t l = 0; l < blocked.prunableWidths.size(); ++l) {
            const int64_t dense = vgg.prunableWidths[l], step = dense >= 32 ? 16 : 8;
            QCOMPARE(blocked.prunableWidths[l] % step, int64_t{0});
            if (blocked.prunableWidths[l] == dense) continue;
            auto wider = blocked;
            wider.prunableWidths[l] += step;
            QVERIFY2(model::FilterNetImpl::macsPerImage(wider) > budget,
                     qPrintable(QString("conv %1 could keep more").arg(l + 1)));
        }
        // A ResNet's stem and shortcuts cannot be pruned: 95 % is out of reach, for either allocation.
        const auto resnet = model::FilterNetSpec::preset("resnet20", 0.25, 1, 28, 28, 10);
        QVERIFY(errorMessageOf<ConfigError>([&] {
                    prune::uniformWidths(resnet, {0.95, 2, 1});
                }).contains("flops reduction"));
        const auto anyTime = [](const model::ConvShape&) { return 1.0; };
        QVERIFY(errorMessageOf<ConfigError>([&] {
                    prune::latencyAwareWidths(resnet, {0.95, 2, 1}, anyTime);
                }).contains("flops reduction"));
    }

    // A made-up CPU where a conv's time is its memory traffic (maps in and out, in blocks of 16
    // channels): the latency allocation narrows the convs on large maps first, meets the FLOPs
    // target, keeps the block multiples and half of every conv, and beats the uniform widths' time.
    void latencyAllocationNarrowsTheSlowConvsFirst() {
        const int64_t block = 16;
        const auto padded = [&](int64_t c) { return c <= block ? c : (c + block - 1) / block * block; };
        const auto memoryTime = [&](const model::ConvShape& s) {
            return static_cast<double>((padded(s.in) * s.inSize * s.inSize + padded(s.out) * s.outSize * s.outSize));
        };
        const auto vgg = model::FilterNetSpec::preset("vgg16", 0.25, 1, 28, 28, 10);
        const prune::WidthTarget target{0.5, 2, block};
        const auto latency = prune::latencyAwareWidths(vgg, target, memoryTime);
        const auto uniform = prune::uniformWidths(vgg, target);
        auto spec = vgg;
        spec.prunableWidths = latency;
        QVERIFY(model::FilterNetImpl::macsPerImage(spec) <= model::FilterNetImpl::macsPerImage(vgg) / 2);
        const auto timeOf = [&](const std::vector<int64_t>& widths) {
            auto net = vgg;
            net.prunableWidths = widths;
            double total = 0.0;
            for (const auto& shape : model::FilterNetImpl::convShapes(net)) total += memoryTime(shape);
            return total;
        };
        QVERIFY2(timeOf(latency) < timeOf(uniform),
                 qPrintable(QString("%1 against %2").arg(timeOf(latency)).arg(timeOf(uniform))));
        for (size_t l = 0; l < latency.size(); ++l) {
            QVERIFY(latency[l] * 2 >= vgg.prunableWidths[l]);
            if (latency[l] > block) QCOMPARE(latency[l] % block, int64_t{0});
        }
        QCOMPARE(latency[0], vgg.prunableWidths[0] / 2);  // the 28x28 convs go to their floor
        QCOMPARE(latency[1], vgg.prunableWidths[1] / 2);
        QVERIFY(latency[0] <= uniform[0] && latency[1] <= uniform[1]);
    }

    void convsAreTimedOnThisMachineOnce() {
        QVERIFY(prune::cpuChannelBlock() == 4 || prune::cpuChannelBlock() == 8 || prune::cpuChannelBlock() == 16);
        const auto timer = prune::measuredConvTimer(4);
        const model::ConvShape shape{8, 16, 3, 1, 12, 12};
        const double first = timer(shape);
        QVERIFY(first > 0.0);
        QCOMPARE(timer(shape), first);  // remembered, so every criterion of a comparison gets the same widths
        const auto widths = prune::latencyAwareWidths(model::FilterNetSpec::preset("resnet20", 0.25, 1, 16, 16, 10),
                                                      {0.3, 2, prune::cpuChannelBlock()}, timer);
        QCOMPARE(widths.size(), size_t{9});
    }

    void everyCriterionScoresEveryFilter() {
        torch::manual_seed(6);
        model::FilterNet net(model::FilterNetSpec::preset("vgg16", 0.125, 1, 16, 16, 10));
        net->eval();
        const auto images = torch::rand({40, 1, 16, 16});
        const auto labels = torch::randint(10, {40}, torch::kLong);
        std::vector<int64_t> keepCounts;
        for (const auto& layer : net->prunableLayers()) keepCounts.push_back(layer.filters / 2);
        for (const auto criterion : prune::allFilterCriteria()) {
            const auto scores = prune::filterScores(criterion, *net, images, labels, keepCounts, 1);
            QCOMPARE(scores.size(), net->prunableLayers().size());
            for (size_t l = 0; l < scores.size(); ++l) {
                QCOMPARE(scores[l].numel(), net->prunableLayers()[l].filters);
                QVERIFY(torch::isfinite(scores[l]).all().item<bool>());
            }
        }
        // l1 is the sum of |w| of each filter.
        const auto l1 = prune::filterScores(FilterCriterion::L1, *net, images, labels, keepCounts, 1);
        QVERIFY(torch::allclose(l1[2], net->filterWeights(2).detach().abs().sum({1, 2, 3})));
        // random is seeded: the same seed, the same scores.
        QVERIFY(torch::equal(prune::filterScores(FilterCriterion::Random, *net, images, labels, keepCounts, 9)[0],
                             prune::filterScores(FilterCriterion::Random, *net, images, labels, keepCounts, 9)[0]));
        // hrank: an average rank lies between 0 and the map's side.
        const auto hrank = prune::filterScores(FilterCriterion::HRank, *net, images, labels, keepCounts, 1);
        QVERIFY(hrank[0].min().item<float>() >= 0.0f && hrank[0].max().item<float>() <= 16.0f);
        // apoz scores are minus a fraction of zeros.
        const auto apoz = prune::filterScores(FilterCriterion::Apoz, *net, images, labels, keepCounts, 1);
        QVERIFY(apoz[0].max().item<float>() <= 0.0f && apoz[0].min().item<float>() >= -1.0f);
    }

    void relevanceProbeExplainsItsVotes() {
        torch::manual_seed(8);
        model::FilterNet net(model::FilterNetSpec::preset("resnet20", 0.5, 1, 16, 16, 10));
        net->eval();
        const auto images = torch::rand({30, 1, 16, 16});
        const auto labels = torch::randint(10, {30}, torch::kLong);
        const auto cam = prune::gradCam(*net, images, labels);
        QCOMPARE(cam.sizes(), torch::IntArrayRef({30, 16, 16}));
        QVERIFY(cam.min().item<float>() >= 0.0f);
        std::vector<int64_t> topL(net->prunableLayers().size(), 3);
        for (const auto alignment : {prune::Alignment::Response, prune::Alignment::Iou}) {
            prune::RelevanceOptions options;
            options.alignment = alignment;
            const auto probe = prune::probeRelevance(*net, images, labels, topL, options);
            QCOMPARE(probe.layers.size(), topL.size());
            const auto semantic = probe.semanticMasks.reshape({30, 1, 256}).to(torch::kFloat32);
            for (const auto& layer : probe.layers) {
                // Each image gives at most three votes in each layer.
                QVERIFY(layer.votes.sum().item<int64_t>() <= 3 * 30);
                QCOMPARE(layer.topMaps.size(2), int64_t{16});
                // The tie-break by activation stays below one vote.
                QVERIFY((layer.score - layer.votes.to(torch::kFloat32)).max().item<float>() <= 0.5f);
                // The best-aligned images come best first; an IoU is at most 1.
                const auto best = layer.topAlignment;
                QVERIFY((best.slice(1, 0, 1) >= best.slice(1, 1, 2)).all().item<bool>());
                if (alignment == prune::Alignment::Iou) {
                    QVERIFY(best.max().item<float>() <= 1.0f);
                } else {
                    // response: the filter's map averaged over the best image's mask, as the inspector shows it.
                    const auto image = layer.topImages[0][0].item<int64_t>();
                    const auto map = layer.topMaps[0][0].reshape({1, 1, 256});
                    const auto expected = prune::maskedResponse(map, semantic[image]).item<float>();
                    QVERIFY(std::abs(best[0][0].item<float>() - expected) <= 1e-4f * (1.0f + std::abs(expected)));
                }
            }
        }
    }

    void aPruningRunEndToEnd() {
        const auto shapes = tinyShapes();
        const auto config = tinyConfig();
        const auto data = train::splitForFilterPruning(shapes, nullptr, config);
        QTemporaryDir dir;
        const fs::path folder = dir.filePath("run").toStdString();
        train::FilterPruneTrainer trainer(config, data, folder);
        SnapshotRecorder recorder;
        const auto result = trainer.run(&recorder);
        QCOMPARE(train::toString(result.status), std::string("finished"));
        const auto& s = result.summary;
        QVERIFY(s.macsAfter <= s.macsBefore / 2);
        QVERIFY(s.parametersAfter < s.parametersBefore);
        QVERIFY(s.denseAccuracy >= 0.0 && s.prunedAccuracy >= 0.0 && s.finalAccuracy >= 0.0);
        QVERIFY(s.latencyBatch256BeforeMs > 0.0 && s.latencyBatch256AfterMs > 0.0);
        QCOMPARE(trainer.prunedNet()->macsPerImage(), s.macsAfter);
        // Snapshots: one per epoch of each phase, the pruning step, the end.
        std::vector<std::string> phases;
        for (const auto& snapshot : recorder.snapshots) phases.push_back(snapshot.phase);
        QCOMPARE(phases, std::vector<std::string>({"train", "pruned", "finetune", "finished"}));
        const auto& pruned = recorder.snapshots[1];
        QCOMPARE(pruned.layers.size(), size_t{13});
        for (const auto& layer : pruned.layers) {
            QCOMPARE(layer.scores.size(), static_cast<size_t>(layer.filters));
            int64_t kept = 0;
            for (const auto k : layer.kept) kept += k;
            QVERIFY(kept >= 1 && kept < layer.filters + 1);
        }
        QVERIFY(pruned.inspection);
        const auto& inspection = *pruned.inspection;
        QCOMPARE(inspection.layers.size(), size_t{13});
        const auto pixels = static_cast<size_t>(inspection.height * inspection.width);
        const auto carried = inspection.camMaps.size() / pixels;
        QCOMPARE(inspection.images.size(), carried * pixels * static_cast<size_t>(inspection.channels));
        QCOMPARE(inspection.layers[0][0].maps.size(), inspection.layers[0][0].images.size() * pixels);
        for (const int image : inspection.layers[3][1].images) QVERIFY(image >= 0 && static_cast<size_t>(image) < carried);
        for (const auto* file : {"config.json", "metrics.csv", "filter_scores.csv", "summary.json", "model.pt"})
            QVERIFY2(fs::exists(folder / file), file);
        std::ifstream in(folder / "summary.json");
        const auto summary = nlohmann::json::parse(in);
        for (const auto* key : {"dataset", "net", "criterion", "params_before", "params_after", "acc_before", "acc_after",
                                "flops_before", "flops_after", "latency_before_ms", "latency_after_ms"})
            QVERIFY2(summary.contains(key), key);
        QCOMPARE(summary["flops_after"].get<int64_t>(), 2 * s.macsAfter);
        std::ifstream metrics(folder / "metrics.csv");
        std::stringstream text;
        text << metrics.rdbuf();
        QVERIFY(text.str().rfind("phase,epoch,train_loss", 0) == 0);
        QVERIFY(text.str().find("finetune,1,") != std::string::npos);
    }

    void comparisonPrunesTheSameNetByEachCriterion() {
        const auto shapes = tinyShapes(160);
        auto config = tinyConfig();
        config.net = "resnet20";
        config.width = 0.25;
        config.finetuneEpochs = 0;
        config.flopsReduction = 0.3;
        config.allocation = "latency";  // timed once: every criterion gets the same widths
        const auto data = train::splitForFilterPruning(shapes, nullptr, config);
        train::FilterPruneTrainer trainer(config, data);
        const auto comparison = trainer.compare({"l1", "random"});
        QCOMPARE(comparison.rows.size(), size_t{2});
        QCOMPARE(comparison.rows[0].summary.denseAccuracy, comparison.rows[1].summary.denseAccuracy);
        QCOMPARE(comparison.rows[0].summary.widthsAfter, comparison.rows[1].summary.widthsAfter);
        QVERIFY(comparison.rows[0].summary.macsAfter <= comparison.rows[0].summary.macsBefore * 7 / 10);
        // random is paired with l1 on the same test images: the images only one of the two fine-tuned
        // nets gets right account for the whole accuracy difference.
        const auto& first = comparison.rows[0];
        const auto& second = comparison.rows[1];
        QCOMPARE(first.onlyFirstRight + first.onlyThisRight, int64_t{0});
        const double fromPairs =
            first.summary.finalAccuracy +
            static_cast<double>(second.onlyThisRight - second.onlyFirstRight) / static_cast<double>(data.test.size());
        QVERIFY(std::abs(fromPairs - second.summary.finalAccuracy) < 1e-9);
        QCOMPARE(second.pVersusFirst, metrics::mcnemarExactP(second.onlyFirstRight, second.onlyThisRight));
        const auto json = nlohmann::json::parse(train::filterComparisonJson(config, comparison));
        QCOMPARE(json["rows"][1]["criterion"].get<std::string>(), std::string("random"));
        QCOMPARE(json["paired_with"].get<std::string>(), std::string("l1"));
        QCOMPARE(json["rows"][1]["only_this_right"].get<int64_t>(), second.onlyThisRight);
        const auto text = QString::fromStdString(train::comparisonPairingText(comparison));
        QVERIFY2(text.startsWith(QStringLiteral("Against l1 ")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("random     l1 alone right on %1, random alone on %2")
                                   .arg(second.onlyFirstRight)
                                   .arg(second.onlyThisRight)),
                 qPrintable(text));
    }

    void aSavedDenseNetIsPrunedWithoutTrainingAgain() {
        const auto shapes = tinyShapes(120);
        auto config = tinyConfig();
        config.finetuneEpochs = 0;
        const auto data = train::splitForFilterPruning(shapes, nullptr, config);
        QTemporaryDir dir;
        const fs::path file = dir.filePath("dense.pt").toStdString();
        train::FilterPruneTrainer first(config, data);
        const auto trained = first.compare({"l1"});
        first.saveDenseNet(file);

        train::FilterPruneTrainer second(config, data);
        second.loadDenseNet(file);
        SnapshotRecorder recorder;
        const auto again = second.compare({"l1"}, &recorder);
        for (const auto& snapshot : recorder.snapshots) QVERIFY(snapshot.phase != "train");
        QCOMPARE(again.rows[0].summary.denseAccuracy, trained.rows[0].summary.denseAccuracy);
        QCOMPARE(again.rows[0].summary.prunedAccuracy, trained.rows[0].summary.prunedAccuracy);
        QVERIFY(torch::equal(second.denseNet()->filterWeights(3), first.denseNet()->filterWeights(3)));

        // A missing file, a file that is no net, and a net of another width name the file.
        train::FilterPruneTrainer third(config, data);
        const fs::path missing = dir.filePath("none.pt").toStdString();
        QVERIFY(errorMessageOf<ConfigError>([&] { third.loadDenseNet(missing); }).contains("none.pt"));
        const fs::path text = dir.filePath("notes.pt").toStdString();
        std::ofstream(text) << "not a net";
        auto message = errorMessageOf<ConfigError>([&] { third.loadDenseNet(text); });
        QVERIFY2(message.startsWith("dense net: ") && message.contains("notes.pt"), qPrintable(message));
        auto wider = config;
        wider.width = 0.25;
        train::FilterPruneTrainer widerTrainer(wider, data);
        message = errorMessageOf<ConfigError>([&] { widerTrainer.loadDenseNet(file); });
        QVERIFY2(message.contains("dense.pt") && message.contains("another shape"), qPrintable(message));
        // The refused loads left the trainer untrained: it still trains its own net.
        SnapshotRecorder fresh;
        third.compare({"l1"}, &fresh);
        QCOMPARE(fresh.snapshots.front().phase, std::string("train"));
    }

    void stopRequestStopsTheRun() {
        const auto shapes = tinyShapes(120);
        const auto config = tinyConfig();
        const auto data = train::splitForFilterPruning(shapes, nullptr, config);
        train::FilterPruneTrainer trainer(config, data);
        train::RunControl control;
        control.requestStop();
        const auto result = trainer.run(nullptr, &control);
        QCOMPARE(train::toString(result.status), std::string("stopped"));
        QVERIFY(QString::fromStdString(result.message).contains("stopped"));
    }

    void badSettingsNameTheirField_data() {
        QTest::addColumn<QString>("field");
        QTest::newRow("net") << "net";
        QTest::newRow("width") << "width";
        QTest::newRow("criterion") << "criterion";
        QTest::newRow("flops reduction") << "flops reduction";
        QTest::newRow("finetune epochs") << "finetune epochs";
        QTest::newRow("min filters") << "min filters";
        QTest::newRow("alignment") << "alignment";
        QTest::newRow("unit quantile") << "unit quantile";
        QTest::newRow("cam fraction") << "cam fraction";
        QTest::newRow("allocation") << "allocation";
        QTest::newRow("channel multiple") << "channel multiple";
    }
    void badSettingsNameTheirField() {
        QFETCH(QString, field);
        auto config = tinyConfig();
        if (field == "net") config.net = "vgg19";
        if (field == "width") config.width = 0.0;
        if (field == "criterion") config.criterion = "magic";
        if (field == "flops reduction") config.flopsReduction = 1.2;
        if (field == "finetune epochs") config.finetuneEpochs = -1;
        if (field == "min filters") config.minFilters = 500;
        if (field == "alignment") config.alignment = "overlap";
        if (field == "unit quantile") config.unitQuantile = 1.0;
        if (field == "cam fraction") config.camFraction = 0.0;
        if (field == "allocation") config.allocation = "greedy";
        if (field == "channel multiple") config.channelMultiple = -8;
        const auto shapes = tinyShapes(60);
        const auto message = errorMessageOf<ConfigError>([&] {
            const auto data = train::splitForFilterPruning(shapes, nullptr, config);
            train::FilterPruneTrainer trainer(config, data);
        });
        QVERIFY2(message.startsWith(field + ":"), qPrintable(message));
    }

    void unlabelledDataIsRefused() {
        const auto shapes = tinyShapes(60);
        const data::Dataset unlabelled("unlabelled", 1, 16, 16, shapes.pixels());
        const auto message = errorMessageOf<ConfigError>([&] { train::splitForFilterPruning(unlabelled, nullptr, tinyConfig()); });
        QVERIFY2(message.contains("no labels"), qPrintable(message));
    }

    void configRoundTripsThroughJson() {
        auto config = tinyConfig();
        config.criterion = "hrank";
        config.reestimate = false;
        config.allocation = "uniform";
        config.alignment = "iou";
        const auto back = train::FilterPruneConfig::fromJson(config.toJson());
        QCOMPARE(back.toJson(), config.toJson());
        QVERIFY(errorMessageOf<ConfigError>([] { train::FilterPruneConfig::fromJson(R"({"speed": 3})"); }).contains("speed"));
        QVERIFY(errorMessageOf<ConfigError>([] { train::FilterPruneConfig::fromJson(R"({"width": "wide"})"); }).startsWith("width"));
    }
};

QTEST_GUILESS_MAIN(TestFilterPrune)
#include "tst_filter_prune.moc"
