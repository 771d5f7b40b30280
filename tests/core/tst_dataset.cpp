// Dataset invariants, subsets, splits and the tensor bridge.
#include <QtTest>

#include <set>

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include "dcs/data/augmentation.h"
#include "dcs/data/dataset.h"
#include "dcs/data/dataset_tensor.h"
#include "dcs/data/subsets.h"
#include "dcs/error.h"
#include "support/error_message.h"

using dcs::data::Dataset;

namespace {
// n one-pixel images with value i / n and labels i % classes.
Dataset numbered(int n, int classes) {
    std::vector<float> pixels;
    std::vector<int64_t> labels;
    for (int i = 0; i < n; ++i) {
        pixels.push_back(static_cast<float>(i) / n);
        labels.push_back(i % classes);
    }
    return Dataset("numbered", 1, 1, 1, pixels, labels);
}
}  // namespace

class TestDataset : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void holdsShapeLabelsAndClassNames() {
        const Dataset d("d", 1, 2, 2, std::vector<float>(12, 0.5f), {0, 2, 1});
        QCOMPARE(d.size(), 3);
        QCOMPARE(d.imageSize(), 4);
        QCOMPARE(d.classCount(), 3);
        QCOMPARE(QString::fromStdString(d.className(2)), QStringLiteral("2"));
        QCOMPARE(d.countsPerClass(), (std::vector<int64_t>{1, 1, 1}));
        QCOMPARE(d.image(2)[0], 0.5f);
    }

    void rejectsInconsistentInput() {
        QVERIFY(errorMessageOf<dcs::DataError>([] { Dataset("d", 1, 2, 2, std::vector<float>(7)); }).contains("whole number"));
        QVERIFY(errorMessageOf<dcs::DataError>([] { Dataset("d", 1, 1, 1, std::vector<float>(3), {0, 1}); })
                    .contains("3 images but 2 labels"));
        QVERIFY(errorMessageOf<dcs::DataError>([] { Dataset("d", 1, 1, 1, std::vector<float>(2), {0, -1}); })
                    .contains("label -1"));
        QVERIFY(errorMessageOf<dcs::DataError>([] { Dataset("d", 1, 1, 1, std::vector<float>(2), {0, 5}, {"a", "b"}); })
                    .contains("label 5"));
        QVERIFY(errorMessageOf<dcs::DataError>([] { Dataset("d", 0, 1, 1, {}); }).contains("positive image shape"));
    }

    void computesPixelStatistics() {
        const Dataset d("d", 1, 1, 4, {0.0f, 1.0f, 0.0f, 1.0f});
        const auto stats = d.pixelStats();
        QCOMPARE(stats.mean, 0.5);
        QCOMPARE(stats.stddev, 0.5);
        QCOMPARE(stats.min, 0.0);
        QCOMPARE(stats.max, 1.0);
        QVERIFY(!d.hasLabels());
        QVERIFY(d.countsPerClass().empty());
    }

    void firstNTakesThePrefix() {
        const auto d = dcs::data::firstN(numbered(10, 2), 4);
        QCOMPARE(d.size(), 4);
        QCOMPARE(d.label(3), 1);
        QCOMPARE(d.image(3)[0], 0.3f);
        QCOMPARE(dcs::data::firstN(numbered(3, 2), 100).size(), 3);
        QVERIFY(errorMessageOf<dcs::ConfigError>([] { dcs::data::firstN(numbered(3, 2), 0); }).contains("limit"));
    }

    void stratifiedSubsetKeepsClassShares() {
        // 60 of class 0, 30 of class 1, 10 of class 2 (labels from i % 10 mapped below).
        std::vector<int64_t> labels;
        for (int i = 0; i < 100; ++i) labels.push_back(i < 60 ? 0 : i < 90 ? 1 : 2);
        const Dataset d("d", 1, 1, 1, std::vector<float>(100), labels);
        const auto s = dcs::data::stratifiedSubset(d, 20, 7);
        QCOMPARE(s.size(), 20);
        QCOMPARE(s.countsPerClass(), (std::vector<int64_t>{12, 6, 2}));
        const auto again = dcs::data::stratifiedSubset(d, 20, 7);
        QCOMPARE(again.pixels(), s.pixels());
    }

    void splitIsDisjointCompleteAndSeeded() {
        const auto d = numbered(200, 4);
        const auto split = dcs::data::trainValidationSplit(d, 0.25, 3);
        QCOMPARE(split.validation.size(), 50);
        QCOMPARE(split.train.size(), 150);
        std::set<float> seen;
        for (float v : split.train.pixels()) seen.insert(v);
        for (float v : split.validation.pixels()) QVERIFY2(seen.insert(v).second, "an image is in both parts");
        QCOMPARE(static_cast<int>(seen.size()), 200);
        QCOMPARE(split.validation.countsPerClass(), (std::vector<int64_t>{13, 13, 12, 12}));
        QCOMPARE(dcs::data::trainValidationSplit(d, 0.25, 3).validation.pixels(), split.validation.pixels());
        QVERIFY(dcs::data::trainValidationSplit(d, 0.25, 4).validation.pixels() != split.validation.pixels());
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { dcs::data::trainValidationSplit(d, 1.0, 3); })
                    .contains("validation fraction"));
    }

    void concatenatesMatchingSets() {
        const auto joined = dcs::data::concatenate(numbered(3, 3), numbered(2, 3));
        QCOMPARE(joined.size(), 5);
        QCOMPARE(joined.label(4), 1);
        const Dataset other("o", 1, 2, 1, std::vector<float>(2));
        QVERIFY(errorMessageOf<dcs::DataError>([&] { dcs::data::concatenate(numbered(3, 3), other); }).contains("shapes"));
    }

    void convertsToTensors() {
        const auto d = numbered(6, 3);
        const auto images = dcs::data::imagesTensor(d, 2, 3);
        QCOMPARE(images.sizes().vec(), (std::vector<int64_t>{3, 1, 1, 1}));
        QCOMPARE(images[0].item<float>(), 2.0f / 6.0f);
        QCOMPARE(dcs::data::labelsTensor(d)[5].item<int64_t>(), 2);
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { dcs::data::imagesTensor(d, 4, 3); }).contains("images 4..7"));
        const Dataset unlabelled("u", 1, 1, 1, {0.1f});
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { dcs::data::labelsTensor(unlabelled); }).contains("no labels"));
    }

    void affineJitterIsSeededAndSmall() {
        // A bright square in the middle of a 16 x 16 image, twice.
        auto images = torch::zeros({2, 1, 16, 16});
        images.slice(2, 5, 11).slice(3, 5, 11).fill_(1.0);
        const dcs::data::AffineJitter none{0.0, 0.0, 0.0};
        auto generator = at::make_generator<at::CPUGeneratorImpl>(3);
        QVERIFY(torch::allclose(dcs::data::randomAffine(images, generator, none), images, 1e-5, 1e-5));
        auto first = at::make_generator<at::CPUGeneratorImpl>(7), second = at::make_generator<at::CPUGeneratorImpl>(7);
        const auto a = dcs::data::randomAffine(images, first), b = dcs::data::randomAffine(images, second);
        QVERIFY(torch::equal(a, b));                     // the same seed, the same draw
        QVERIFY(!torch::equal(a[0], a[1]));              // each image its own draw
        QCOMPARE(a.sizes().vec(), images.sizes().vec());
        // Small: the square moves by at most about 10 % and keeps about its area.
        const double area = images[0].sum().item<double>();
        for (int i = 0; i < 2; ++i) QVERIFY(std::abs(a[i].sum().item<double>() - area) < 0.3 * area);
        QVERIFY((a - images).abs().mean().item<double>() < 0.15);
    }
};

QTEST_GUILESS_MAIN(TestDataset)
#include "tst_dataset.moc"
