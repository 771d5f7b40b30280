// Discriminative DeepCluster (M2): the regularisation switches, the supervision component and its
// parent map, and the invariance study, on tiny data.
#include <torch/torch.h>

#include <QtTest>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "dcs/data/augmentation.h"
#include "dcs/data/loaders.h"
#include "dcs/error.h"
#include "dcs/model/conv_autoencoder.h"
#include "dcs/train/cluster_trainer.h"
#include "dcs/train/invariance.h"
#include "dcs/train/run_folder.h"
#include "support/cluster_fixtures.h"
#include "support/error_message.h"

namespace fs = std::filesystem;
using namespace dcs::train;

namespace {
using dcs::test::tinyShapes;
ClusterConfig tinyConfig() { return dcs::test::tinyClusterConfig(); }

struct LastSnapshot : TrainingObserver {
    std::vector<ClusterSnapshot> snapshots;
    void onSnapshot(const ClusterSnapshot& s) override { snapshots.push_back(s); }
};

void writeText(const fs::path& file, const std::string& text) { std::ofstream(file) << text; }
}  // namespace

class TestDiscriminative : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    fs::path folder(const std::string& name) const { return fs::path(m_dir.path().toStdString()) / name; }

    // Three epochs straight, and two then one more resumed from the checkpoint, end the same.
    void checkResumesExactly(ClusterConfig config, const std::string& name) {
        config.epochs = 3;
        const auto data = tinyShapes(64);
        const auto straight = ClusterTrainer(config, data, folder(name + "-straight")).run();
        config.epochs = 2;
        ClusterTrainer(config, data, folder(name + "-split")).run();
        const auto resumed = ClusterTrainer::resume(folder(name + "-split"), data, 3)->run();
        QCOMPARE(resumed.assignments, straight.assignments);
        const auto last = readMetricsCsv(folder(name + "-split") / "metrics.csv").back();
        const auto expected = readMetricsCsv(folder(name + "-straight") / "metrics.csv").back();
        QCOMPARE(last.clusteringLoss, expected.clusteringLoss);
        QCOMPARE(last.supervisionLoss, expected.supervisionLoss);
    }

private Q_SLOTS:
    void initTestCase() { torch::set_num_threads(1); }

    // ---- regularisation switches ----
    void batchNormAddsLayersAndKeepsShapes_data() {
        QTest::addColumn<QString>("preset");
        QTest::newRow("caip2019") << "caip2019";
        QTest::newRow("icip2018") << "icip2018";
    }
    void batchNormAddsLayersAndKeepsShapes() {
        QFETCH(QString, preset);
        dcs::model::AutoencoderSpec spec;
        spec.preset = preset.toStdString();
        const dcs::model::ConvAutoencoder plain(spec);
        spec.batchNorm = true;
        dcs::model::ConvAutoencoder normalised(spec);
        int batchNorms = 0;
        for (const auto& module : normalised->modules(false))
            if (module->name() == "torch::nn::BatchNorm2dImpl") ++batchNorms;
        // Two encoder and two decoder convolutions (icip2018); three and two (caip2019).
        QCOMPARE(batchNorms, preset == "icip2018" ? 4 : 5);
        QVERIFY(normalised->parameterCount() > plain->parameterCount());
        const auto x = torch::rand({4, 1, 28, 28});
        QCOMPARE(normalised->forward(x).sizes(), x.sizes());
    }

    void dropoutIsOnlyActiveWhileTraining() {
        dcs::model::AutoencoderSpec spec;
        spec.dropout = 0.5;
        dcs::model::ConvAutoencoder net(spec);
        const auto x = torch::rand({8, 1, 28, 28});
        net->train();
        QVERIFY(!torch::allclose(net->encode(x), net->encode(x)));
        net->eval();
        QVERIFY(torch::equal(net->encode(x), net->encode(x)));
        spec.dropout = 1.0;
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { spec.validate(); }).startsWith("dropout"));
    }

    void everySwitchTrains_data() {
        QTest::addColumn<QString>("setting");
        QTest::newRow("dropout") << "dropout";
        QTest::newRow("weight decay") << "weight_decay";
        QTest::newRow("batch norm") << "batchnorm";
        QTest::newRow("augmentation") << "augment";
    }
    void everySwitchTrains() {
        QFETCH(QString, setting);
        auto config = tinyConfig();
        if (setting == "dropout") config.dropout = 0.2;
        if (setting == "weight_decay") config.weightDecay = 1e-3;
        if (setting == "batchnorm") config.batchNorm = true;
        if (setting == "augment") config.augment = true;
        const auto data = tinyShapes(96);
        ClusterTrainer trainer(config, data, folder(qPrintable(setting)));
        const auto result = trainer.run();
        QCOMPARE(toString(result.status), std::string("finished"));
        QVERIFY(result.acc.has_value());
        const auto summary = nlohmann::json::parse(std::ifstream(folder(qPrintable(setting)) / "summary.json"));
        if (setting == "dropout") QCOMPARE(summary["dropout"].get<double>(), 0.2);
        if (setting == "batchnorm") QVERIFY(summary["batchnorm"].get<bool>());
        // The saved config reproduces the switch.
        QCOMPARE(ClusterTrainer::readConfig(folder(qPrintable(setting))).toJson(), config.toJson());
    }

    // ---- supervision ----
    void fullSupervisionLearnsTheLabels() {
        auto config = tinyConfig();
        config.epochs = 4;
        config.batchSize = 16;
        config.learningRate = 0.003;
        config.supervision = "full";
        config.supervisionWeight = 1.0;
        const auto data = tinyShapes(200);
        LastSnapshot recorder;
        const auto result = ClusterTrainer(config, data, folder("full")).run(&recorder);
        QCOMPARE(toString(result.status), std::string("finished"));
        QCOMPARE(result.labelled, 200);
        QCOMPARE(recorder.snapshots.size(), size_t(4));
        QVERIFY(recorder.snapshots.front().supervisionLoss > 0.0);
        // Cross-entropy of 10 classes starts near ln 10 and falls as the head learns.
        QVERIFY(recorder.snapshots.back().supervisionLoss < recorder.snapshots.front().supervisionLoss);
        QCOMPARE(recorder.snapshots.back().totalLoss,
                 recorder.snapshots.back().reconstructionLoss + recorder.snapshots.back().clusteringLoss +
                     recorder.snapshots.back().supervisionLoss);
        const auto history = readMetricsCsv(folder("full") / "metrics.csv");
        QCOMPARE(history.size(), size_t(4));
        QVERIFY(qAbs(history.back().supervisionLoss - recorder.snapshots.back().supervisionLoss) < 1e-6);  // 8 digits
    }

    void unsupervisedRunsHaveNoSupervisionTerm() {
        LastSnapshot recorder;
        const auto data = tinyShapes(64);
        const auto result = ClusterTrainer(tinyConfig(), data).run(&recorder);
        QCOMPARE(result.labelled, 0);
        for (const auto& s : recorder.snapshots) QCOMPARE(s.supervisionLoss, 0.0);
    }

    void labelledLimitsTheSupervisedImages() {
        auto config = tinyConfig();
        config.supervision = "full";
        config.labelled = 20;
        const auto data = tinyShapes(64);
        const auto result = ClusterTrainer(config, data).run();
        QCOMPARE(result.labelled, 20);
        config.labelled = 65;
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { ClusterTrainer(config, data); }).startsWith("labelled"));
    }

    void semiSupervisionUsesTheParentMap() {
        auto config = tinyConfig();
        config.supervision = "semi";
        config.supervisionWeight = 1.0;  // E3 is then the plain cross-entropy
        const auto data = tinyShapes(64);
        QCOMPARE(config.parentsFor(10), (std::vector<int64_t>{0, 0, 0, 0, 0, 1, 1, 1, 1, 1}));
        QCOMPARE(defaultParentMap(3), (std::vector<int64_t>{0, 1, 1}));
        LastSnapshot recorder;
        QCOMPARE(toString(ClusterTrainer(config, data).run(&recorder).status), std::string("finished"));
        // Two parents: cross-entropy starts near ln 2, well below ln 10.
        QVERIFY(recorder.snapshots.front().supervisionLoss < 1.2);
        config.parentMap = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0};
        LastSnapshot three;
        ClusterTrainer(config, data).run(&three);
        QVERIFY(three.snapshots.front().supervisionLoss > recorder.snapshots.front().supervisionLoss);
        config.parentMap = {0, 1, 0};
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { ClusterTrainer(config, data); })
                    .startsWith("parent_map: 3 parents; expected one for each of the 10 classes"));
        config.parentMap = {0, -1};
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { config.validate(); }).startsWith("parent_map: class 1"));
    }

    void labelsStartEachClusterAtItsClassMean() {
        auto config = tinyConfig();
        config.supervision = "full";
        config.init = "labels";
        config.warmupEpochs = 1;
        config.epochs = 1;  // only the start: clusters from the class means of the warmed-up codes
        const auto data = tinyShapes(100);
        LastSnapshot recorder;
        ClusterTrainer(config, data).run(&recorder);
        // Every cluster starts where one class is, so each class's images mostly share a cluster.
        const auto& confusion = recorder.snapshots.back().confusion;
        int64_t diagonal = 0;
        for (size_t k = 0; k < confusion.size(); ++k) diagonal += confusion[k][k];
        QVERIFY2(diagonal > 30, qPrintable(QString::number(diagonal)));  // chance would be about 10
        config.supervision = "semi";
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { ClusterTrainer(config, data); }).startsWith("init: labels"));
        config.supervision = "full";
        config.clusters = 5;
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { ClusterTrainer(config, data); }).startsWith("init: labels"));
    }

    void constrainedClustersStayAtTheirGroupMeans_data() {
        QTest::addColumn<QString>("supervision");
        QTest::addColumn<int>("clusters");
        // One cluster per class; or semi-supervision's two parents (digit < 5) with one cluster each.
        QTest::newRow("full") << "full" << 10;
        QTest::newRow("semi") << "semi" << 2;
    }

    void constrainedClustersStayAtTheirGroupMeans() {
        QFETCH(QString, supervision);
        QFETCH(int, clusters);
        auto config = tinyConfig();
        config.supervision = supervision.toStdString();
        config.clusters = clusters;
        config.init = "constrained";
        config.warmupEpochs = 1;
        config.epochs = 3;
        config.snapshotPoints = 1000;  // every image, so the projected group means can be checked
        const auto data = tinyShapes(100);
        LastSnapshot recorder;
        QCOMPARE(toString(ClusterTrainer(config, data).run(&recorder).status), std::string("finished"));
        // After two clustering epochs each centre is still the mean code of its group (the projection is
        // affine, so means commute with it), though not every image is nearest its own group's centre.
        const auto& latent = recorder.snapshots.back().latent;
        QCOMPARE(latent.ids.size(), size_t(100));
        QCOMPARE(latent.centreX.size(), size_t(clusters));
        const auto parents = config.parentsFor(10);
        for (int k = 0; k < clusters; ++k) {
            double x = 0.0, y = 0.0;
            int count = 0;
            for (size_t i = 0; i < latent.ids.size(); ++i) {
                const int64_t label = latent.labels[i];
                if ((clusters == 10 ? label : parents[static_cast<size_t>(label)]) != k) continue;
                x += latent.x[i];
                y += latent.y[i];
                ++count;
            }
            QVERIFY(count > 0);
            QVERIFY2(std::abs(x / count - latent.centreX[k]) < 1e-3 && std::abs(y / count - latent.centreY[k]) < 1e-3,
                     qPrintable(QString("cluster %1: group mean (%2, %3), centre (%4, %5)")
                                    .arg(k)
                                    .arg(x / count)
                                    .arg(y / count)
                                    .arg(latent.centreX[k])
                                    .arg(latent.centreY[k])));
        }
    }

    void constrainedRunResumesExactly() {
        auto config = tinyConfig();
        config.supervision = "semi";
        config.clusters = 6;  // three clusters per parent, found by k-means within each
        config.init = "constrained";
        config.warmupEpochs = 1;
        checkResumesExactly(config, "constrained");  // the memberships travel in the checkpoint
    }

    void constrainedNeedsLabelGroups() {
        auto config = tinyConfig();
        config.init = "constrained";
        const auto data = tinyShapes(40);
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] {
                    ClusterTrainer(config, data);
                }).startsWith("init: constrained keeps labelled images in their label's clusters"));
        config.supervision = "full";
        config.clusters = 4;
        QVERIFY(
            errorMessageOf<dcs::ConfigError>([&] {
                ClusterTrainer(config, data);
            }).startsWith("clusters: K = 4 with init constrained; expected at least one cluster for each of the 10"));
        config.supervision = "semi";
        config.clusters = 1;
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] {
                    ClusterTrainer(config, data);
                }).contains("each of the 2 label groups (parents)"));
    }

    void supervisionNeedsLabels() {
        auto config = tinyConfig();
        config.supervision = "full";
        auto data = tinyShapes(40);
        std::vector<float> pixels(data.pixels());
        const dcs::data::Dataset unlabelled("blank", 1, 16, 16, pixels);
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { ClusterTrainer(config, unlabelled); })
                    .startsWith("supervision: full needs labels"));
        config.supervision = "half";
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { config.validate(); }).startsWith("supervision"));
        config.supervision = "full";
        config.supervisionWeight = -1;
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { config.validate(); }).startsWith("supervision_weight"));
    }

    void newSettingsRoundTripThroughJson() {
        auto config = tinyConfig();
        config.dropout = 0.25;
        config.batchNorm = true;
        config.supervision = "semi";
        config.labelled = 2000;
        config.parentMap = {1, 1, 0, 0, 1, 1, 0, 0, 1, 1};
        config.supervisionWeight = 3.0;
        QCOMPARE(ClusterConfig::fromJson(config.toJson()).toJson(), config.toJson());
        QVERIFY(errorMessageOf<dcs::ConfigError>([] { ClusterConfig::fromJson(R"({"parent_map": "0,1"})"); })
                    .startsWith("parent_map"));
        QVERIFY(errorMessageOf<dcs::ConfigError>([] { ClusterConfig::fromJson(R"({"batchnorm": 3})"); })
                    .startsWith("batchnorm"));
    }

    void supervisedRunResumesExactly() {
        auto config = tinyConfig();
        config.supervision = "full";
        config.batchNorm = true;
        config.dropout = 0.2;
        checkResumesExactly(config, "supervised");
    }

    // ---- parent map files ----
    void parentMapFileByIndexOrName() {
        const std::vector<std::string> names{"zero", "one", "two"};
        writeText(folder("map.csv"), "class,parent\n0,1\none,0\n2, 1\n");
        QCOMPARE(readParentMap(folder("map.csv"), names), (std::vector<int64_t>{1, 0, 1}));
    }

    void parentMapFileBadInput_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("header") << "a,b\n0,1\n" << "line 1: expected the header class,parent";
        QTest::newRow("unknown class") << "class,parent\nseven,1\n" << "line 2: class 'seven' is not one of";
        QTest::newRow("bad parent") << "class,parent\n0,x\n" << "line 2: parent 'x'";
        QTest::newRow("twice") << "class,parent\n0,1\n0,0\n" << "line 3: class '0' appears twice";
        QTest::newRow("missing class") << "class,parent\n0,1\n1,1\n" << "class 'two' has no parent";
        QTest::newRow("no comma") << "class,parent\n0 1\n" << "line 2: '0 1'";
    }
    void parentMapFileBadInput() {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        writeText(folder("bad-map.csv"), text.toStdString());
        const QString message = errorMessageOf<dcs::DataError>(
            [&] { readParentMap(folder("bad-map.csv"), {"zero", "one", "two"}); });
        QVERIFY2(message.contains("bad-map.csv") && message.contains(expected), qPrintable(message));
        QVERIFY(errorMessageOf<dcs::DataError>([&] { readParentMap(folder("none.csv"), {"a"}); }).contains("none.csv"));
    }

    // ---- invariance ----
    void orientationsAreTheirOwnInverses() {
        const auto x = torch::rand({3, 2, 8, 8});
        const auto r90 = dcs::data::orientImages(x, "rot90");
        QVERIFY(torch::equal(dcs::data::orientImages(r90, "rot270"), x));
        QVERIFY(torch::equal(dcs::data::orientImages(dcs::data::orientImages(x, "rot180"), "rot180"), x));
        QVERIFY(torch::equal(dcs::data::orientImages(dcs::data::orientImages(x, "flip"), "flip"), x));
        QCOMPARE(r90[0][0][0][7].item<float>(), x[0][0][7][7].item<float>());  // counter-clockwise quarter turn
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { dcs::data::orientImages(torch::rand({1, 1, 4, 6}), "rot90"); })
                    .contains("square"));
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { dcs::data::orientImages(x, "shear"); }).startsWith("transform"));
    }

    void featuresNameEveryLayer() {
        dcs::model::ConvAutoencoder net(dcs::model::AutoencoderSpec{});
        const auto features = net->features(torch::rand({2, 1, 28, 28}));
        QCOMPARE(features.back().sizes(), (torch::IntArrayRef{2, 10}));
        QCOMPARE(net->featureNames(), (std::vector<std::string>{"conv1", "conv2", "conv3", "latent"}));
        QCOMPARE(features.size(), size_t(4));
        QCOMPARE(features[0].sizes(), (torch::IntArrayRef{2, 32, 14, 14}));
        QCOMPARE(features[2].sizes(), (torch::IntArrayRef{2, 128, 3, 3}));
        net->eval();
        const auto x = torch::rand({2, 1, 28, 28});
        QVERIFY(torch::allclose(net->features(x).back(), net->encode(x)));
    }

    void invarianceStudyOfRunFolders() {
        const auto data = tinyShapes(64);
        auto config = tinyConfig();
        ClusterTrainer(config, data, folder("inv-a")).run();
        config.batchNorm = true;
        ClusterTrainer(config, data, folder("inv-b")).run();
        const auto study = studyInvariance({folder("inv-a"), folder("inv-b")}, data, 40);
        QCOMPARE(study.models, (std::vector<std::string>{"inv-a", "inv-b"}));
        QCOMPARE(study.images, 40);
        QCOMPARE(study.layers.size(), size_t(4));
        QCOMPARE(study.rows.size(), size_t(2 * 4 * 5));
        for (const auto& row : study.rows) QVERIFY(row.mse > 0.0 && row.relativeMse > 0.0);
        const auto json = nlohmann::json::parse(invarianceJson(study));
        QCOMPARE(json["rows"].size(), size_t(40));
        QCOMPARE(json["rows"][0]["transform"].get<std::string>(), std::string("rot90"));

        // Images that every transform leaves as they are change no feature at all.
        std::vector<float> flat(static_cast<size_t>(data.size() * 256), 0.5f);
        const dcs::data::Dataset uniform("uniform", 1, 16, 16, flat, data.labels(), data.classNames());
        const auto still = studyInvariance({folder("inv-a")}, uniform, 10);
        for (const auto& row : still.rows) QCOMPARE(row.mse, 0.0);
    }

    void invarianceBadInput() {
        const auto data = tinyShapes(32);
        QVERIFY(errorMessageOf<dcs::DataError>([&] { studyInvariance({folder("no-such-run")}, data); })
                    .contains("no-such-run"));
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { studyInvariance({}, data); }).startsWith("runs"));
        ClusterTrainer(tinyConfig(), data, folder("inv-c")).run();
        const auto larger = tinyShapes(32, 28);
        QVERIFY(errorMessageOf<dcs::DataError>([&] { studyInvariance({folder("inv-c")}, larger); })
                    .contains("do not fit"));
        std::vector<float> pixels(static_cast<size_t>(4 * 16 * 20), 0.1f);
        const dcs::data::Dataset wide("wide", 1, 16, 20, pixels);
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { studyInvariance({folder("inv-c")}, wide); }).contains("square"));
    }
};

QTEST_GUILESS_MAIN(TestDiscriminative)
#include "tst_discriminative.moc"
