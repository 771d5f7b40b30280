// The DeepCluster engine end to end on tiny configurations: architectures, config checks, runs,
// run folders, resume, pause/step/stop and a diverging loss.
#include <torch/torch.h>

#include <QtTest>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "dcs/data/loaders.h"
#include "dcs/error.h"
#include "dcs/model/conv_autoencoder.h"
#include "dcs/model/phase_conv_transpose.h"
#include "dcs/train/cluster_trainer.h"
#include "dcs/train/run_folder.h"
#include "support/cluster_fixtures.h"
#include "support/error_message.h"

namespace fs = std::filesystem;
using namespace dcs::train;

namespace {
using dcs::test::tinyShapes;
ClusterConfig tinyConfig() { return dcs::test::tinyClusterConfig(); }

struct Recorder : TrainingObserver {
    std::atomic<int> snapshots{0};
    std::atomic<int> progress{0};
    ClusterSnapshot last;
    std::mutex mutex;
    void onProgress(const TrainingProgress&) override { ++progress; }
    void onSnapshot(const ClusterSnapshot& s) override {
        std::lock_guard<std::mutex> lock(mutex);
        last = s;
        ++snapshots;
    }
};

std::string readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// metrics.csv row of an epoch without its two timing columns (epoch_seconds, images_per_second).
std::string metricsRowWithoutTimes(const fs::path& folder, int epoch) {
    std::istringstream lines(readFile(folder / "metrics.csv"));
    for (std::string line; std::getline(lines, line);)
        if (line.rfind(std::to_string(epoch) + ",", 0) == 0) {
            std::vector<std::string> cells;
            std::stringstream stream(line);
            for (std::string cell; std::getline(stream, cell, ',');) cells.push_back(cell);
            std::string kept;
            for (size_t c = 0; c < cells.size(); ++c)
                if (c != 8 && c != 9) kept += cells[c] + ",";
            return kept;
        }
    return "<no row>";
}

// The rows of a test that runs once per method.
void addMethodRows() {
    QTest::addColumn<QString>("method");
    QTest::newRow("dcae-kmeans") << "dcae-kmeans";
    QTest::newRow("dcae-gmm") << "dcae-gmm";
}
}  // namespace

class TestClusterTrainer : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    fs::path folder(const char* name) const { return fs::path(m_dir.path().toStdString()) / name; }

private Q_SLOTS:
    void architecturesReconstructTheInputShape_data() {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<int>("channels");
        QTest::addColumn<int>("size");
        QTest::newRow("caip2019 mnist") << "caip2019" << 1 << 28;
        QTest::newRow("caip2019 usps") << "caip2019" << 1 << 16;
        QTest::newRow("caip2019 svhn") << "caip2019" << 3 << 32;
        QTest::newRow("caip2019 odd") << "caip2019" << 1 << 30;
        QTest::newRow("icip2018 mnist") << "icip2018" << 1 << 28;
        QTest::newRow("icip2018 cifar") << "icip2018" << 3 << 32;
    }
    void architecturesReconstructTheInputShape() {
        QFETCH(QString, preset);
        QFETCH(int, channels);
        QFETCH(int, size);
        dcs::model::AutoencoderSpec spec;
        spec.preset = preset.toStdString();
        spec.channels = channels;
        spec.height = spec.width = size;
        dcs::model::ConvAutoencoder model(spec);
        const auto input = torch::rand({2, channels, size, size});
        QCOMPARE(model->encode(input).sizes().vec(), (std::vector<int64_t>{2, 10}));
        QCOMPARE(model->forward(input).sizes().vec(), input.sizes().vec());
    }

    // The decoders' transposed convolutions run as phase convolutions (faster on the CPU): outputs
    // and all three gradients must be LibTorch's own conv_transpose2d's.
    void phaseTransposedConvolutionMatchesLibTorch_data() {
        QTest::addColumn<QVector<int>>("setting");  // in, out, kH, kW, stride, pH, pW, opH, opW, inputH, inputW
        QTest::newRow("caip deconv1") << QVector<int>{8, 6, 3, 3, 2, 0, 0, 0, 0, 3, 3};
        QTest::newRow("caip deconv2") << QVector<int>{6, 5, 5, 5, 2, 2, 2, 1, 1, 7, 7};
        QTest::newRow("usps kernel 4") << QVector<int>{4, 3, 4, 4, 2, 1, 1, 0, 0, 4, 4};
        QTest::newRow("rectangular") << QVector<int>{3, 2, 3, 2, 2, 0, 0, 0, 1, 3, 4};
        QTest::newRow("stride 1 (icip2018)") << QVector<int>{5, 4, 6, 6, 1, 0, 0, 0, 0, 1, 1};
        QTest::newRow("stride 3") << QVector<int>{2, 3, 4, 4, 3, 1, 1, 2, 2, 5, 5};
        QTest::newRow("padding past the taps") << QVector<int>{3, 2, 2, 2, 2, 2, 2, 0, 0, 5, 5};
        QTest::newRow("output padding past the taps") << QVector<int>{2, 2, 2, 2, 2, 0, 0, 1, 1, 3, 3};
    }
    void phaseTransposedConvolutionMatchesLibTorch() {
        QFETCH(QVector<int>, setting);
        const auto& v = setting;
        dcs::model::PhaseConvTranspose2d layer(
            dcs::model::PhaseConvTranspose2dOptions{v[0], v[1], {v[2], v[3]}, v[4], {v[5], v[6]}, {v[7], v[8]}});
        torch::manual_seed(3);
        const auto input = torch::randn({2, v[0], v[9], v[10]}).requires_grad_(true);
        const auto ours = layer->forward(input);
        const auto theirs =
            torch::conv_transpose2d(input, layer->weight, layer->bias, {v[4], v[4]}, {v[5], v[6]}, {v[7], v[8]});
        QCOMPARE(ours.sizes().vec(), theirs.sizes().vec());
        QVERIFY(torch::allclose(ours, theirs, 1e-5, 1e-5));
        const auto upstream = torch::randn_like(ours);
        const auto gradients = [&](const torch::Tensor& output) {
            return torch::autograd::grad({output}, {input, layer->weight, layer->bias}, {upstream});
        };
        const auto ourGradients = gradients(ours), theirGradients = gradients(theirs);
        for (size_t i = 0; i < 3; ++i) QVERIFY(torch::allclose(ourGradients[i], theirGradients[i], 1e-4, 1e-5));
    }

    void parameterCountsMatchThePapers() {
        dcs::model::AutoencoderSpec spec;
        QCOMPARE(dcs::model::ConvAutoencoder(spec)->parameterCount(), 275'979);  // ~276k (M2, DCEC)
        spec.preset = "icip2018";
        QCOMPARE(dcs::model::ConvAutoencoder(spec)->parameterCount(), 301'399);  // ~301k (M1)
    }

    void badSettingsNameTheField() {
        const auto data = tinyShapes(20, 16);
        auto expectError = [&](ClusterConfig config, const char* field) {
            const QString message = errorMessageOf<dcs::ConfigError>([&] { ClusterTrainer(config, data); });
            QVERIFY2(message.startsWith(QString::fromLatin1(field)), qPrintable(message));
        };
        auto config = tinyConfig();
        config.clusters = 0;
        expectError(config, "clusters");
        config = tinyConfig();
        config.clusters = 21;
        expectError(config, "clusters");
        config = tinyConfig();
        config.lambda = -0.5;
        expectError(config, "lambda");
        config = tinyConfig();
        config.preset = "icip2018";  // two unpadded 9x9 convolutions need 18 px
        expectError(config, "preset");
        config = tinyConfig();
        config.latent = 600;  // caip2019 at 16 px encodes from 2 x 2 x 128 = 512 values
        expectError(config, "latent");
        config = tinyConfig();
        config.warmupEpochs = 5;
        expectError(config, "warmup");
        config = tinyConfig();
        config.method = "dec";
        expectError(config, "method");
        config = tinyConfig();
        config.lrSchedule = "step";
        expectError(config, "lr_schedule");
        config = tinyConfig();
        config.init = "kmeans";
        expectError(config, "init");
        config = tinyConfig();
        config.startBalance = -0.5;
        expectError(config, "start_balance");
        config = tinyConfig();
        config.gmmWeights = "uniform";
        expectError(config, "gmm_weights");
        config = tinyConfig();
        config.reseedBelow = 1.5;
        expectError(config, "reseed_below");
        config = tinyConfig();
        config.readout = "best";
        expectError(config, "readout");
        config = tinyConfig();
        config.device = "gpu";
        expectError(config, "device");
        if (!dcs::train::cudaDeviceAvailable()) {  // a CPU-only LibTorch, as Debian's
            config.device = "cuda";
            expectError(config, "device");
        }
        QVERIFY(errorMessageOf<dcs::ConfigError>([] {
                    ClusterConfig::fromJson(R"({"train_on_readout": "yes"})");
                }).startsWith("train_on_readout"));
        QVERIFY(errorMessageOf<dcs::ConfigError>([] {
                    ClusterConfig::fromJson(R"({"resplit_boundaries": 1})");
                }).startsWith("resplit_boundaries"));
    }

    void cosineScheduleAnnealsOverTheClusteringEpochs() {
        ClusterConfig config;
        config.learningRate = 0.01;
        config.epochs = 10;
        config.warmupEpochs = 4;
        for (int epoch = 1; epoch <= 10; ++epoch) QCOMPARE(config.learningRateAt(epoch), 0.01);  // constant
        config.lrSchedule = "cosine";
        for (int epoch = 1; epoch <= 5; ++epoch) QCOMPARE(config.learningRateAt(epoch), 0.01);  // warm-up, first clustering epoch
        for (int epoch = 6; epoch <= 10; ++epoch) QVERIFY(config.learningRateAt(epoch) < config.learningRateAt(epoch - 1));
        // Six clustering epochs: the last trains at (1 + cos(5 pi / 6)) / 2 = 0.067 of lr, never at 0.
        QVERIFY(std::abs(config.learningRateAt(10) - 0.01 * 0.5 * (1.0 + std::cos(5.0 * M_PI / 6.0))) < 1e-12);
        QVERIFY(config.learningRateAt(10) > 0.0);
        config.warmupEpochs = 0;
        QCOMPARE(config.learningRateAt(1), 0.01);
        QVERIFY(std::abs(config.learningRateAt(6) - 0.005) < 1e-12);  // half-way through ten epochs
        QCOMPARE(ClusterConfig::fromJson(config.toJson()).lrSchedule, std::string("cosine"));
    }

    void configRoundTripsThroughJson() {
        auto config = tinyConfig();
        config.method = "dcae-gmm";
        config.lambda = 0.25;
        config.seed = 9;
        config.augment = true;
        config.startBalance = 0.0;
        config.reseedBelow = 0.5;
        const auto back = ClusterConfig::fromJson(config.toJson());
        QCOMPARE(back.toJson(), config.toJson());
        QVERIFY(back.augment);
        QCOMPARE(back.startBalance, 0.0);
        QCOMPARE(back.reseedBelow, 0.5);
        QVERIFY(errorMessageOf<dcs::ConfigError>([] { ClusterConfig::fromJson(R"({"epochz": 3})"); }).contains("epochz"));
        QVERIFY(errorMessageOf<dcs::ConfigError>([] { ClusterConfig::fromJson(R"({"epochs": "many"})"); })
                    .startsWith("epochs"));
        QCOMPARE(ClusterConfig::paperSchedule("icip2018").learningRate, 0.006);
        QVERIFY(!ClusterConfig::paperSchedule("caip2019").augment);  // the papers train on the plain images
        QVERIFY(ClusterConfig{}.augment);
        QVERIFY(ClusterConfig::defaultsFor("semi").augment);
        QCOMPARE(ClusterConfig::defaultsFor("semi").lambda, 1.0);
        QCOMPARE(ClusterConfig::defaultsFor("semi").supervisionWeight, 5.0);
        QCOMPARE(ClusterConfig::defaultsFor("semi").epochs, 200);
        QCOMPARE(ClusterConfig::defaultsFor("semi").warmupEpochs, 20);
        QCOMPARE(ClusterConfig::defaultsFor("semi").lrSchedule, std::string("cosine"));
        QCOMPARE(ClusterConfig::longSchedule().epochs, 200);
        QCOMPARE(ClusterConfig::longSchedule().lambda, ClusterConfig{}.lambda);  // the defaults, trained longer
        QCOMPARE(ClusterConfig::longSchedule(ClusterConfig::defaultsFor("full")).init, std::string("constrained"));
        // Unsupervised DCAE-GMM on the Long schedule: trained on the read-out, boundaries re-split, lambda 1
        // (its 40-epoch lambda 5 runs away over 200 epochs); with supervision it keeps its own form.
        const auto longGmm = ClusterConfig::longSchedule(ClusterConfig::defaultsFor("none", "dcae-gmm"));
        QCOMPARE(longGmm.lambda, 1.0);
        QVERIFY(longGmm.trainsOnReadout());
        QVERIFY(longGmm.resplitsBoundaries());
        QCOMPARE(longGmm.gmmLoss, std::string("scaled"));
        longGmm.validate();
        QCOMPARE(ClusterConfig::defaultsFor("none", "dcae-gmm").lambda, 5.0);
        QVERIFY(!ClusterConfig::longSchedule(ClusterConfig::defaultsFor("semi", "dcae-gmm")).trainsOnReadout());
        // The Plain schedule: the plain images with a light E2 for 30 epochs; DCAE-Kmeans keeps its read-out
        // training, DCAE-GMM takes the diagonal Mahalanobis form it was measured in.
        const auto plainKmeans = ClusterConfig::plainSchedule(ClusterConfig::defaultsFor("none"));
        QVERIFY(!plainKmeans.augment);
        QCOMPARE(plainKmeans.lambda, 0.1);
        QCOMPARE(plainKmeans.epochs, 30);
        QCOMPARE(plainKmeans.warmupEpochs, 10);
        QVERIFY(plainKmeans.trainsOnReadout());
        QCOMPARE(plainKmeans.reseedBelow, ClusterConfig::defaultsFor("none").reseedBelow);
        const auto plainGmm = ClusterConfig::plainSchedule(ClusterConfig::defaultsFor("none", "dcae-gmm"));
        QCOMPARE(plainGmm.lambda, 0.1);
        QCOMPARE(plainGmm.covariance, std::string("diag"));
        QCOMPARE(plainGmm.gmmLoss, std::string("mahalanobis"));
        QCOMPARE(plainGmm.gmmWeights, std::string("fitted"));
        QCOMPARE(plainGmm.startBalance, 0.0);
        QCOMPARE(plainGmm.reseedBelow, 0.0);
        plainGmm.validate();
        QCOMPARE(ClusterConfig::defaultsFor("semi").supervision, std::string("semi"));
        QCOMPARE(ClusterConfig::defaultsFor("full").init, std::string("constrained"));
        QVERIFY(!ClusterConfig::defaultsFor("full").augment);
        QCOMPARE(ClusterConfig::defaultsFor("full").lambda, 0.1);
        QCOMPARE(ClusterConfig::defaultsFor("full").epochs, ClusterConfig{}.epochs);
        // The unsupervised defaults are the struct's but for re-seeding, which the struct leaves off so
        // that a config.json written before the setting existed resumes as it ran.
        auto unsupervised = ClusterConfig::defaultsFor("none");
        QCOMPARE(unsupervised.reseedBelow, 0.5);
        QCOMPARE(ClusterConfig::fromJson("{}").reseedBelow, 0.0);
        // The same for the read-out: every mode reports with the Gaussian one, the paper's schedule and
        // an old config.json with the nearest centre.
        QCOMPARE(unsupervised.readout, std::string("gaussian"));
        QCOMPARE(ClusterConfig::defaultsFor("semi").readout, std::string("gaussian"));
        QCOMPARE(ClusterConfig::fromJson("{}").readout, std::string("nearest"));
        QCOMPARE(ClusterConfig::paperSchedule("caip2019").readout, std::string("nearest"));
        unsupervised.reseedBelow = ClusterConfig{}.reseedBelow;
        QVERIFY(!ClusterConfig{}.trainOnReadout);
        QVERIFY(unsupervised.trainOnReadout);  // DCAE-Kmeans without supervision only
        QVERIFY(!ClusterConfig::defaultsFor("none", "dcae-gmm").trainOnReadout);
        QVERIFY(!ClusterConfig::defaultsFor("full").trainOnReadout);
        QVERIFY(!ClusterConfig::paperSchedule("caip2019").trainOnReadout);
        QVERIFY(!ClusterConfig::fromJson("{}").trainOnReadout);
        auto trained = tinyConfig();
        trained.trainOnReadout = true;
        QVERIFY(ClusterConfig::fromJson(trained.toJson()).trainOnReadout);
        QVERIFY(trained.trainsOnReadout());
        trained.init = "constrained";
        QVERIFY(!trained.trainsOnReadout());
        // Re-splitting boundaries: off everywhere by default, saved, and for both methods.
        QVERIFY(!ClusterConfig{}.resplitBoundaries && !unsupervised.resplitBoundaries);
        QVERIFY(!ClusterConfig::fromJson("{}").resplitBoundaries);
        // The Long schedule turns it on where the run trains on the read-out: not for semi-supervision.
        QVERIFY(ClusterConfig::longSchedule(unsupervised).resplitBoundaries);
        QVERIFY(ClusterConfig::longSchedule(ClusterConfig::defaultsFor("none", "dcae-gmm")).resplitBoundaries);
        QVERIFY(!ClusterConfig::longSchedule(ClusterConfig::defaultsFor("semi", "dcae-gmm")).resplitBoundaries);
        QVERIFY(!ClusterConfig::defaultsFor("semi").resplitBoundaries);
        auto resplit = tinyConfig();
        resplit.resplitBoundaries = true;
        QVERIFY(ClusterConfig::fromJson(resplit.toJson()).resplitBoundaries);
        QVERIFY(resplit.resplitsBoundaries());
        resplit.method = "dcae-gmm";
        QVERIFY(resplit.resplitsBoundaries());
        resplit.init = "constrained";
        QVERIFY(!resplit.resplitsBoundaries());
        unsupervised.readout = ClusterConfig{}.readout;
        unsupervised.trainOnReadout = ClusterConfig{}.trainOnReadout;
        QCOMPARE(unsupervised.toJson(), ClusterConfig{}.toJson());
        const auto gmm = ClusterConfig::defaultsFor("none", "dcae-gmm");
        QCOMPARE(gmm.method, std::string("dcae-gmm"));
        QCOMPARE(gmm.covariance, std::string("tied"));
        QCOMPARE(gmm.gmmLoss, std::string("scaled"));
        QCOMPARE(gmm.lambda, 5.0);
        QCOMPARE(gmm.gmmWeights, std::string("equal"));
        QCOMPARE(gmm.reseedBelow, 0.5);
        QCOMPARE(ClusterConfig::defaultsFor("none").reseedBelow, 0.5);  // DCAE-Kmeans too
        QCOMPARE(ClusterConfig::defaultsFor("semi").reseedBelow, 0.0);  // unmeasured with supervision
        QCOMPARE(ClusterConfig::defaultsFor("full", "dcae-gmm").reseedBelow, 0.0);
        QCOMPARE(ClusterConfig{}.gmmWeights, std::string("fitted"));
        QCOMPARE(gmm.epochs, ClusterConfig{}.epochs);
        // The supervised defaults were measured with the struct's GMM form and keep it.
        QCOMPARE(ClusterConfig::defaultsFor("full", "dcae-gmm").covariance, std::string("diag"));
        QCOMPARE(ClusterConfig::defaultsFor("full", "dcae-gmm").lambda, 0.1);
        QCOMPARE(ClusterConfig::defaultsFor("semi", "dcae-gmm").gmmLoss, std::string("mahalanobis"));
    }

    void twoEpochRunEndToEnd() {
        const auto data = tinyShapes();
        Recorder recorder;
        ClusterTrainer trainer(tinyConfig(), data, folder("run"));
        const auto result = trainer.run(&recorder);
        QCOMPARE(toString(result.status), std::string("finished"));
        QCOMPARE(result.epochsCompleted, 2);
        QCOMPARE(recorder.snapshots.load(), 2);
        QVERIFY(recorder.progress.load() >= 2);
        const auto& s = recorder.last;
        QVERIFY(!s.warmup);
        QVERIFY(s.acc && *s.acc > 0.0 && s.nmi && s.ari);
        QCOMPARE(static_cast<int64_t>(s.latent.x.size()), 50);
        QCOMPARE(static_cast<int64_t>(s.latent.centreX.size()), 10);
        QCOMPARE(static_cast<int64_t>(s.centralMembers.size()), 10);
        QCOMPARE(static_cast<int64_t>(s.reconstructions.size()), 8);
        QCOMPARE(static_cast<int64_t>(s.reconstructions[0].reconstruction.size()), 16 * 16);
        int64_t total = 0;
        for (auto size : s.clusterSizes) total += size;
        QCOMPARE(total, 120);
        for (const char* file : {"config.json", "metrics.csv", "summary.json", "assignments.csv", "checkpoint.pt"})
            QVERIFY2(fs::file_size(folder("run") / file) > 0, file);
        QVERIFY(readFile(folder("run") / "assignments.csv").rfind("index,label,cluster\n0,0,", 0) == 0);
        QVERIFY(readFile(folder("run") / "summary.json").find("\"status\": \"finished\"") != std::string::npos);
    }

    void runFolderReadsBack() {
        const auto data = tinyShapes();
        ClusterTrainer(tinyConfig(), data, folder("readback")).run();
        const auto record = loadRunFolder(folder("readback"));
        QCOMPARE(record.status, std::string("finished"));
        QCOMPARE(static_cast<int>(record.history.size()), 2);
        QVERIFY(record.history[0].warmup && !record.history[1].warmup);
        QVERIFY(record.acc.has_value());
        QCOMPARE(record.config.toJson(), tinyConfig().toJson());
        std::ofstream(folder("readback") / "metrics.csv", std::ios::app) << "3,cluster,1,2\n";
        QVERIFY(errorMessageOf<dcs::DataError>([&] { loadRunFolder(folder("readback")); }).contains("line 4"));
        QVERIFY(errorMessageOf<dcs::DataError>([&] { loadRunFolder(folder("not-a-run")); }).contains("config.json"));
    }

    void gmmRuns_data() {
        QTest::addColumn<QString>("covariance");
        QTest::addColumn<QString>("loss");
        QTest::newRow("diag mahalanobis") << "diag" << "mahalanobis";
        QTest::newRow("full nll") << "full" << "nll";
        QTest::newRow("spherical mahalanobis") << "spherical"
                                               << "mahalanobis";
        QTest::newRow("tied nll") << "tied"
                                  << "nll";
        QTest::newRow("diag scaled") << "diag"
                                     << "scaled";
    }
    void gmmRuns() {
        QFETCH(QString, covariance);
        QFETCH(QString, loss);
        auto config = tinyConfig();
        config.method = "dcae-gmm";
        config.covariance = covariance.toStdString();
        config.gmmLoss = loss.toStdString();
        config.clusters = 4;
        const auto data = tinyShapes(80);
        const auto result = ClusterTrainer(config, data).run();
        QCOMPARE(toString(result.status), std::string("finished"));
        QCOMPARE(static_cast<int64_t>(result.assignments.size()), 80);
    }

    void equalGmmWeightsHoldThroughTraining() {
        auto config = tinyConfig();
        config.method = "dcae-gmm";
        config.clusters = 4;
        const auto data = tinyShapes(80);
        const auto weightsAfterTraining = [&](const std::string& weights) {
            config.gmmWeights = weights;
            const auto run = folder(("weights-" + weights).c_str());
            ClusterTrainer(config, data, run).run();
            torch::serialize::InputArchive archive;
            archive.load_from((run / "checkpoint.pt").string());
            torch::Tensor saved;
            archive.read("gmm_weights", saved);
            return saved;
        };
        QVERIFY(torch::allclose(weightsAfterTraining("equal").to(torch::kFloat64),
                                torch::full({4}, 0.25, torch::kFloat64)));
        QVERIFY(!torch::allclose(weightsAfterTraining("fitted").to(torch::kFloat64),
                                 torch::full({4}, 0.25, torch::kFloat64)));
    }

    void smallClustersAreReseeded_data() { addMethodRows(); }
    void smallClustersAreReseeded() {
        // Ten clusters on a few shapes are never all of a size: with the threshold at N/K the smallest
        // is re-seeded from the largest after the clustering epoch, and the snapshot says so.
        QFETCH(QString, method);
        auto config = tinyConfig();
        config.method = method.toStdString();
        config.clusters = 10;
        const auto data = tinyShapes(80);
        const auto reseedAfterRun = [&](double below) {
            config.reseedBelow = below;
            Recorder recorder;
            ClusterTrainer trainer(config, data, {});
            const auto result = trainer.run(&recorder);
            if (toString(result.status) != "finished") QTest::qFail("the run did not finish", __FILE__, __LINE__);
            return recorder.last;
        };
        const auto reseeded = reseedAfterRun(1.0);
        QVERIFY(reseeded.reseed.has_value());
        QVERIFY(reseeded.reseed->cluster != reseeded.reseed->from);
        QVERIFY(reseeded.reseed->clusterSize < 8);  // under N/K = 80/10
        QVERIFY(reseeded.reseed->fromSize > 12);    // over 1.5 N/K
        QVERIFY(!reseedAfterRun(0.0).reseed.has_value());
    }

    void mergedStartRuns_data() { addMethodRows(); }
    void mergedStartRuns() {
        QFETCH(QString, method);
        auto config = tinyConfig();
        config.method = method.toStdString();
        config.init = "merged";
        config.clusters = 4;
        const auto data = tinyShapes(80);
        const auto result = ClusterTrainer(config, data).run();
        QCOMPARE(toString(result.status), std::string("finished"));
        QCOMPARE(static_cast<int64_t>(result.assignments.size()), 80);
    }

    void resumeContinuesExactly() {
        const auto data = tinyShapes(96);
        auto config = tinyConfig();
        config.epochs = 3;
        ClusterTrainer(config, data, folder("straight")).run();
        config.epochs = 2;
        ClusterTrainer(config, data, folder("split")).run();
        auto resumed = ClusterTrainer::resume(folder("split"), data, 3);
        QCOMPARE(resumed->epochsCompleted(), 2);
        const auto result = resumed->run();
        QCOMPARE(result.epochsCompleted, 3);
        // The training time carries over from the checkpoint (it once came back as a reinterpreted integer).
        QVERIFY2(result.trainingSeconds > 0.0 && result.trainingSeconds < 3600.0, std::to_string(result.trainingSeconds).c_str());
        QCOMPARE(metricsRowWithoutTimes(folder("split"), 3), metricsRowWithoutTimes(folder("straight"), 3));
        QCOMPARE(metricsRowWithoutTimes(folder("split"), 2), metricsRowWithoutTimes(folder("straight"), 2));
        QCOMPARE(readFile(folder("split") / "assignments.csv"), readFile(folder("straight") / "assignments.csv"));
    }

    void readoutChangesOnlyTheReporting() {
        const auto data = tinyShapes(96);
        auto config = tinyConfig();
        config.readout = "nearest";
        const auto nearest = ClusterTrainer(config, data, folder("nearest")).run();
        config.readout = "gaussian";
        const auto gaussian = ClusterTrainer(config, data, folder("gaussian")).run();
        // Training is the same run: the losses agree, and the nearest-centre metrics come along.
        QCOMPARE(metricsRowWithoutTimes(folder("gaussian"), 1), metricsRowWithoutTimes(folder("nearest"), 1));
        QVERIFY(gaussian.accNearest.has_value() && !nearest.accNearest.has_value());
        QCOMPARE(*gaussian.accNearest, *nearest.acc);
        QCOMPARE(*gaussian.nmiNearest, *nearest.nmi);
        const auto summary = nlohmann::json::parse(readFile(folder("gaussian") / "summary.json"));
        QCOMPARE(summary.at("readout").get<std::string>(), std::string("gaussian"));
        QCOMPARE(summary.at("nearest").at("acc").get<double>(), *nearest.acc);
        QCOMPARE(summary.at("acc").get<double>(), *gaussian.acc);
        QVERIFY(!nlohmann::json::parse(readFile(folder("nearest") / "summary.json")).contains("nearest"));
    }

    void trainingOnTheReadoutChangesTheClusterUpdate() {
        const auto data = tinyShapes(96);
        auto config = tinyConfig();
        config.epochs = 3;
        config.clusters = 3;
        config.latent = 2;  // clusters of some 30 codes in 2 dimensions: the read-out has room to act
        config.readout = "gaussian";
        const auto plain = ClusterTrainer(config, data, folder("update-nearest")).run();
        config.trainOnReadout = true;
        const auto trained = ClusterTrainer(config, data, folder("update-readout")).run();
        // Warm-up and the first clustering epoch train the same; from the first update on, E2 pulls
        // towards other centres.
        QCOMPARE(metricsRowWithoutTimes(folder("update-readout"), 1),
                 metricsRowWithoutTimes(folder("update-nearest"), 1));
        QVERIFY(metricsRowWithoutTimes(folder("update-readout"), 3) !=
                metricsRowWithoutTimes(folder("update-nearest"), 3));
        QVERIFY(nlohmann::json::parse(readFile(folder("update-readout") / "summary.json"))
                    .at("train_on_readout")
                    .get<bool>());
        QVERIFY(!nlohmann::json::parse(readFile(folder("update-nearest") / "summary.json"))
                     .at("train_on_readout")
                     .get<bool>());
        QVERIFY(trained.acc.has_value() && plain.acc.has_value());
        // A checkpoint of such a run resumes exactly.
        config.epochs = 2;
        ClusterTrainer(config, data, folder("update-split")).run();
        ClusterTrainer::resume(folder("update-split"), data, 3)->run();
        QCOMPARE(metricsRowWithoutTimes(folder("update-split"), 3),
                 metricsRowWithoutTimes(folder("update-readout"), 3));
        // DCAE-GMM: each M-step fits the components to the read-out's clusters, and E2 pulls towards
        // them; the same from the first update on, and a checkpoint of it resumes exactly too.
        config.epochs = 3;
        config.method = "dcae-gmm";
        config.trainOnReadout = false;
        ClusterTrainer(config, data, folder("gmm-responsible")).run();
        config.trainOnReadout = true;
        ClusterTrainer(config, data, folder("gmm-readout")).run();
        QCOMPARE(metricsRowWithoutTimes(folder("gmm-readout"), 1),
                 metricsRowWithoutTimes(folder("gmm-responsible"), 1));
        QVERIFY(metricsRowWithoutTimes(folder("gmm-readout"), 3) !=
                metricsRowWithoutTimes(folder("gmm-responsible"), 3));
        QVERIFY(
            nlohmann::json::parse(readFile(folder("gmm-readout") / "summary.json")).at("train_on_readout").get<bool>());
        config.epochs = 2;
        ClusterTrainer(config, data, folder("gmm-split")).run();
        ClusterTrainer::resume(folder("gmm-split"), data, 3)->run();
        QCOMPARE(metricsRowWithoutTimes(folder("gmm-split"), 3), metricsRowWithoutTimes(folder("gmm-readout"), 3));
    }

    void resplittingBoundariesReportsEachResplitAndResumesExactly_data() {
        QTest::addColumn<QString>("method");
        QTest::newRow("dcae-kmeans") << QStringLiteral("dcae-kmeans");
        QTest::newRow("dcae-gmm") << QStringLiteral("dcae-gmm");
    }

    void resplittingBoundariesReportsEachResplitAndResumesExactly() {
        QFETCH(QString, method);
        const auto name = [&](const char* base) { return folder((base + ("-" + method.toStdString())).c_str()); };
        const auto data = tinyShapes(96);
        auto config = tinyConfig();
        config.method = method.toStdString();
        config.epochs = 6;
        config.clusters = 4;  // more clusters than the 3 shapes: some shape is split across two
        config.latent = 2;
        config.readout = "gaussian";
        config.trainOnReadout = true;
        config.resplitBoundaries = true;
        struct Resplits : TrainingObserver {
            std::vector<std::pair<int, ClusterSnapshot::Resplit>> seen;
            void onProgress(const TrainingProgress&) override {}
            void onSnapshot(const ClusterSnapshot& s) override {
                if (s.resplit) seen.emplace_back(s.epoch, *s.resplit);
            }
        } resplits;
        ClusterTrainer(config, data, name("resplit")).run(&resplits);
        QVERIFY(!resplits.seen.empty());
        for (const auto& [epoch, r] : resplits.seen) {
            QVERIFY(epoch > config.warmupEpochs);  // after an update, never at the start
            QVERIFY(r.first >= 0 && r.first < r.second && r.second < config.clusters);
            QVERIFY(r.cutAfter < 0.6 * r.cutBefore);
        }
        QVERIFY(nlohmann::json::parse(readFile(name("resplit") / "summary.json")).at("resplit_boundaries").get<bool>());
        // Without it the run trains the same up to the first re-split, and differently after.
        config.resplitBoundaries = false;
        ClusterTrainer(config, data, name("no-resplit")).run();
        const int first = resplits.seen.front().first;
        QCOMPARE(metricsRowWithoutTimes(name("resplit"), 1), metricsRowWithoutTimes(name("no-resplit"), 1));
        QVERIFY(metricsRowWithoutTimes(name("resplit"), first + 1) !=
                metricsRowWithoutTimes(name("no-resplit"), first + 1));
        // A checkpoint taken between re-splits resumes exactly.
        config.resplitBoundaries = true;
        config.epochs = first;
        ClusterTrainer(config, data, name("resplit-split")).run();
        ClusterTrainer::resume(name("resplit-split"), data, 6)->run();
        QCOMPARE(metricsRowWithoutTimes(name("resplit-split"), 6), metricsRowWithoutTimes(name("resplit"), 6));
    }

    void resumingAFinishedRunReportsItAgain() {
        const auto data = tinyShapes(96);
        auto config = tinyConfig();
        const auto first = ClusterTrainer(config, data, folder("finished")).run();
        // No epoch left: the checkpoint's results, now with the Gaussian read-out, and nothing lost.
        const auto again = ClusterTrainer::resume(folder("finished"), data, 0, "gaussian")->run();
        QCOMPARE(again.epochsCompleted, 2);
        QVERIFY(again.acc.has_value());
        QCOMPARE(*again.accNearest, *first.acc);
        QCOMPARE(static_cast<int64_t>(again.assignments.size()), int64_t{96});
        const auto summary = nlohmann::json::parse(readFile(folder("finished") / "summary.json"));
        QCOMPARE(summary.at("acc").get<double>(), *again.acc);
        QCOMPARE(summary.at("readout").get<std::string>(), std::string("gaussian"));
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] {
                    ClusterTrainer::resume(folder("finished"), data, 0, "best");
                }).contains("readout"));
    }

    void pauseStepAndStop() {
        const auto data = tinyShapes(64);
        auto config = tinyConfig();
        config.epochs = 50;
        ClusterTrainer trainer(config, data);
        RunControl control;
        Recorder recorder;
        control.pause();
        ClusterRunResult result;
        std::thread worker([&] { result = trainer.run(&recorder, &control); });
        QTest::qWait(150);
        QCOMPARE(recorder.snapshots.load(), 0);  // paused before the first batch
        control.stepOneEpoch();
        QTRY_COMPARE_WITH_TIMEOUT(recorder.snapshots.load(), 1, 20000);
        QTest::qWait(150);
        QVERIFY(control.paused());
        QCOMPARE(recorder.snapshots.load(), 1);  // stepped exactly one epoch
        control.requestStop();
        worker.join();
        QCOMPARE(toString(result.status), std::string("stopped"));
        QCOMPARE(result.epochsCompleted, 1);
    }

    void divergingLossStopsAndKeepsTheCheckpoint() {
        const auto data = tinyShapes(64);
        auto config = tinyConfig();
        config.epochs = 1;
        config.warmupEpochs = 0;
        config.optimizer = "sgd";
        config.learningRate = 0.01;
        ClusterTrainer(config, data, folder("diverge")).run();
        const auto goodCheckpoint = readFile(folder("diverge") / "checkpoint.pt");
        // A user edits the saved config to an absurd learning rate and resumes.
        config.epochs = 3;
        config.learningRate = 1e30;
        std::ofstream(folder("diverge") / "config.json") << config.toJson();
        const auto result = ClusterTrainer::resume(folder("diverge"), data)->run();
        QCOMPARE(toString(result.status), std::string("failed"));
        QVERIFY2(QString::fromStdString(result.message).contains("epoch 2"), result.message.c_str());
        QVERIFY(QString::fromStdString(result.message).contains("last good checkpoint (epoch 1)"));
        QCOMPARE(readFile(folder("diverge") / "checkpoint.pt"), goodCheckpoint);
        QVERIFY(readFile(folder("diverge") / "summary.json").find("\"status\": \"failed\"") != std::string::npos);
    }

    void resumeRejectsAForeignCheckpoint() {
        const auto data = tinyShapes(64);
        auto config = tinyConfig();
        config.epochs = 1;
        ClusterTrainer(config, data, folder("foreign")).run();
        config.optimizer = "sgd";  // the checkpoint holds Adam's state
        std::ofstream(folder("foreign") / "config.json") << config.toJson();
        QVERIFY(errorMessageOf<dcs::DataError>([&] { ClusterTrainer::resume(folder("foreign"), data); })
                    .contains("checkpoint.pt"));
        QVERIFY(errorMessageOf<dcs::DataError>([&] { ClusterTrainer::resume(folder("nothing-here"), data); })
                    .contains("config.json"));
        std::ofstream(folder("foreign") / "config.json") << "{ not json";
        QVERIFY(errorMessageOf<dcs::DataError>([&] { ClusterTrainer::resume(folder("foreign"), data); })
                    .contains("not valid JSON"));
    }
};

QTEST_GUILESS_MAIN(TestClusterTrainer)
#include "tst_cluster_trainer.moc"
