// dcstudio-cli as a user runs it: output formats, exit statuses and error messages.
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "support/test_files.h"

namespace {
struct Result {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
}  // namespace

class TestCli : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    Result run(const QStringList& arguments) {
        QProcess process;
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DCSTUDIO_DATA"), m_dir.filePath(QStringLiteral("data")));
        environment.insert(QStringLiteral("DCSTUDIO_FASHION_MNIST"), m_dir.filePath(QStringLiteral("fashion")));
        process.setProcessEnvironment(environment);
        process.start(qEnvironmentVariable("DCS_CLI"), arguments);
        if (!process.waitForFinished(120000)) return {};
        return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(qEnvironmentVariable("DCS_CLI")), "DCS_CLI must name the dcstudio-cli binary");
        dcs::test::writeMnistJson(m_dir.filePath(QStringLiteral("data/mnist")).toStdString(), 2);
        dcs::test::writeTrainTestIdx(m_dir.filePath(QStringLiteral("fashion")).toStdString(), 16, 4);
        dcs::test::writeTrainTestIdx(m_dir.filePath(QStringLiteral("data/mnist-full")).toStdString(), 20, 6, false);
        QFile features(m_dir.filePath(QStringLiteral("features.csv")));  // a table without labels
        QVERIFY(features.open(QIODevice::WriteOnly));
        features.write("a,b\n1,2\n3,4\n5,6\n7,8\n9,10\n11,12\n13,14\n15,16\n17,18\n19,20\n21,22\n");
    }

    void datasetsJsonListsEveryResolvableSet() {
        const auto result = run({"datasets", "--json"});
        QCOMPARE(result.exitCode, 0);
        const auto list = QJsonDocument::fromJson(result.out).array();
        QStringList names;
        for (const auto& entry : list) {
            const auto object = entry.toObject();
            for (const char* key : {"name", "count", "channels", "height", "width", "classes", "source"})
                QVERIFY2(object.contains(QLatin1String(key)), key);
            names << object.value("name").toString();
        }
        QCOMPARE(names, (QStringList{"shapes", "mnist", "mnist-full", "mnist-full:train", "mnist-full:test",
                                     "fashion-mnist", "fashion-mnist:train", "fashion-mnist:test"}));
        QCOMPARE(list[1].toObject().value("count").toInt(), 20);
        QCOMPARE(list[2].toObject().value("count").toInt(), 26);
        QCOMPARE(list[5].toObject().value("count").toInt(), 20);
    }

    void datasetsTable() {
        const auto result = run({"datasets"});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("fashion-mnist:test"));
        // Every format the registry reads is named, not a hand-kept subset.
        QVERIFY2(result.out.contains("csv, usps, svhn"), result.out.constData());
    }

    void inspectJsonAndGrid() {
        const QString grid = m_dir.filePath(QStringLiteral("grid.png"));
        const auto result = run({"inspect", "shapes?count=40", "--json", "--grid", grid});
        QCOMPARE(result.exitCode, 0);
        const auto object = QJsonDocument::fromJson(result.out).object();
        for (const char* key : {"name", "count", "channels", "height", "width", "classes", "counts_per_class"})
            QVERIFY2(object.contains(QLatin1String(key)), key);
        QCOMPARE(object.value("count").toInt(), 40);
        QCOMPARE(object.value("counts_per_class").toArray().size(), 10);
        QCOMPARE(object.value("counts_per_class").toArray()[3].toInt(), 4);
        QVERIFY(QFileInfo(grid).size() > 100);
        QFile png(grid);
        QVERIFY(png.open(QIODevice::ReadOnly));
        QCOMPARE(png.read(4), QByteArray("\x89PNG"));
    }

    void inspectText() {
        const auto result = run({"inspect", "mnist"});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("20 images of 1 x 28 x 28"));
        QVERIFY(result.out.contains("10 classes"));
    }

    void baselineJson() {
        const auto result = run({"baseline", "--dataset", "shapes?count=60&size=12", "--pca", "8", "--json"});
        QCOMPARE(result.exitCode, 0);
        const auto object = QJsonDocument::fromJson(result.out).object();
        for (const char* key : {"dataset", "n", "method", "clusters", "acc", "nmi", "ari", "seconds"})
            QVERIFY2(object.contains(QLatin1String(key)), key);
        QCOMPARE(object.value("n").toInt(), 60);
        QVERIFY(object.value("acc").toDouble() > 0.0);
    }

    void clusterJsonAndResume() {
        const QString out = m_dir.filePath(QStringLiteral("cluster-run"));
        auto result = run({"cluster", "--dataset", "shapes?count=64&size=16", "--epochs", "2", "--warmup", "1",
                           "--batch", "32", "--threads", "1", "--out", out, "--json"});
        QCOMPARE(result.exitCode, 0);
        auto object = QJsonDocument::fromJson(result.out).object();
        for (const char* key : {"dataset", "n", "method", "preset", "epochs", "acc", "nmi", "ari", "seconds",
                                "images_per_second"})
            QVERIFY2(object.contains(QLatin1String(key)), key);
        QCOMPARE(object.value("epochs").toInt(), 2);
        QCOMPARE(object.value("method").toString(), QStringLiteral("dcae-kmeans"));
        QVERIFY(object.value("augment").toBool());           // on by default
        QVERIFY(object.value("train_on_readout").toBool());  // on by default
        QVERIFY(object.contains("resplit_boundaries") && !object.value("resplit_boundaries").toBool());  // off
        QVERIFY(result.err.contains("epoch 2/2"));
        QVERIFY(QFileInfo::exists(out + "/checkpoint.pt"));

        result = run({"cluster", "--resume", out, "--epochs", "3", "--json"});
        QCOMPARE(result.exitCode, 0);
        object = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(object.value("epochs").toInt(), 3);
        QVERIFY(result.err.contains("resuming"));

        result = run({"cluster", "--dataset", "shapes?count=64&size=16", "--epochs", "1", "--warmup", "1",
                      "--threads", "1", "--no-augment", "--json"});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(!QJsonDocument::fromJson(result.out).object().value("augment").toBool());

        // Semi-supervision brings its own defaults: a light E3 and the cosine schedule.
        const QString semi = m_dir.filePath(QStringLiteral("semi-defaults"));
        result = run({"cluster", "--dataset", "shapes?count=64&size=16", "--epochs", "1", "--warmup", "1", "--threads",
                      "1", "--supervision", "semi", "--lr-schedule", "constant", "--out", semi, "--json"});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(result.out).object().value("augment").toBool());
        QCOMPARE(QJsonDocument::fromJson(result.out).object().value("epochs").toInt(), 1);  // a given flag wins
        QFile semiConfig(semi + "/config.json");
        QVERIFY(semiConfig.open(QIODevice::ReadOnly));
        const auto semiSettings = QJsonDocument::fromJson(semiConfig.readAll()).object();
        QCOMPARE(semiSettings.value("supervision_weight").toDouble(), 5.0);
        QCOMPARE(semiSettings.value("lr_schedule").toString(), QStringLiteral("constant"));  // given

        // --long brings the Long schedule; flags given still win over it.
        const QString longRun = m_dir.filePath(QStringLiteral("long-schedule"));
        result = run({"cluster", "--dataset", "shapes?count=64&size=16", "--long", "--epochs", "2", "--warmup", "1",
                      "--threads", "1", "--out", longRun, "--json"});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(result.out).object().value("epochs").toInt(), 2);
        QVERIFY(QJsonDocument::fromJson(result.out).object().value("resplit_boundaries").toBool());  // Long's
        QFile longConfig(longRun + "/config.json");
        QVERIFY(longConfig.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(longConfig.readAll()).object().value("lr_schedule").toString(),
                 QStringLiteral("cosine"));

        // --plain brings the Plain schedule (30 epochs, plain images, lambda 0.1); flags given still win.
        const QString plainRun = m_dir.filePath(QStringLiteral("plain-schedule"));
        result = run({"cluster", "--dataset", "shapes?count=64&size=16", "--plain", "--epochs", "2", "--warmup", "1",
                      "--threads", "1", "--out", plainRun});
        QCOMPARE(result.exitCode, 0);
        QFile plainConfig(plainRun + "/config.json");
        QVERIFY(plainConfig.open(QIODevice::ReadOnly));
        const auto plainSettings = QJsonDocument::fromJson(plainConfig.readAll()).object();
        QCOMPARE(plainSettings.value("epochs").toInt(), 2);
        QCOMPARE(plainSettings.value("lambda").toDouble(), 0.1);
        QVERIFY(!plainSettings.value("augment").toBool());
        QVERIFY(plainSettings.value("train_on_readout").toBool());

        // DCAE-GMM brings its own defaults (shared diagonal, scaled term, lambda 5); flags given still win.
        const QString gmmRun = m_dir.filePath(QStringLiteral("gmm-defaults"));
        result =
            run({"cluster", "--dataset", "shapes?count=64&size=16", "--method", "dcae-gmm", "--epochs", "1", "--warmup",
                 "1", "--threads", "1", "--covariance", "diag", "--start-balance", "0", "--out", gmmRun, "--json"});
        QCOMPARE(result.exitCode, 0);
        QFile gmmConfig(gmmRun + "/config.json");
        QVERIFY(gmmConfig.open(QIODevice::ReadOnly));
        const auto gmmSettings = QJsonDocument::fromJson(gmmConfig.readAll()).object();
        QCOMPARE(gmmSettings.value("gmm_loss").toString(), QStringLiteral("scaled"));
        QCOMPARE(gmmSettings.value("lambda").toDouble(), 5.0);
        QCOMPARE(gmmSettings.value("gmm_weights").toString(), QStringLiteral("equal"));
        QCOMPARE(gmmSettings.value("reseed_below").toDouble(), 0.5);
        QCOMPARE(gmmSettings.value("covariance").toString(), QStringLiteral("diag"));  // given
        QCOMPARE(gmmSettings.value("start_balance").toDouble(), 0.0);                  // given
        QCOMPARE(gmmSettings.value("readout").toString(), QStringLiteral("gaussian"));
        const auto gmmSummary = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(gmmSummary.value("readout").toString(), QStringLiteral("gaussian"));
        QVERIFY(gmmSummary.value("nearest").toObject().contains("acc"));
        QVERIFY(!gmmSummary.value("train_on_readout").toBool());  // a k-means setting
        // A finished run resumed with no epoch left reports again, here with the nearest centre.
        result = run({"cluster", "--resume", gmmRun, "--readout", "nearest", "--json"});
        QCOMPARE(result.exitCode, 0);
        const auto again = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(again.value("readout").toString(), QStringLiteral("nearest"));
        QCOMPARE(again.value("epochs").toInt(), 1);
        QCOMPARE(again.value("acc").toDouble(), gmmSummary.value("nearest").toObject().value("acc").toDouble());
        // Training on the read-out is saved with the run and fixed by it.
        const QString readoutRun = m_dir.filePath(QStringLiteral("train-on-readout"));
        result = run({"cluster", "--dataset", "shapes?count=64&size=16", "--epochs", "2", "--warmup", "1", "--threads",
                      "1", "--train-on-readout", "--out", readoutRun, "--json"});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(result.out).object().value("train_on_readout").toBool());
        QFile readoutConfig(readoutRun + "/config.json");
        QVERIFY(readoutConfig.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(readoutConfig.readAll()).object().value("train_on_readout").toBool());
        result = run({"cluster", "--resume", readoutRun, "--no-train-on-readout"});
        QVERIFY(result.exitCode != 0);
        QVERIFY2(result.err.contains("--train-on-readout: cannot change when resuming"), result.err.constData());
        // So is re-splitting boundaries.
        const QString resplitRun = m_dir.filePath(QStringLiteral("resplit-boundaries"));
        result = run({"cluster", "--dataset", "shapes?count=64&size=16", "--epochs", "2", "--warmup", "1", "--threads",
                      "1", "--resplit-boundaries", "--out", resplitRun, "--json"});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(result.out).object().value("resplit_boundaries").toBool());
        QFile resplitConfig(resplitRun + "/config.json");
        QVERIFY(resplitConfig.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(resplitConfig.readAll()).object().value("resplit_boundaries").toBool());
        result = run({"cluster", "--resume", resplitRun, "--no-resplit-boundaries"});
        QVERIFY(result.exitCode != 0);
        QVERIFY2(result.err.contains("--resplit-boundaries: cannot change when resuming"), result.err.constData());
        // A training setting the resumed run would not use is refused, not ignored.
        for (const char* flag : {"--lr", "--lambda", "--threads"}) {
            result = run({"cluster", "--resume", resplitRun, flag, "1"});
            QVERIFY(result.exitCode != 0);
            QVERIFY2(result.err.contains(QByteArray(flag) + ": cannot change when resuming"), result.err.constData());
        }
        result = run({"cluster", "--resume", resplitRun, "--lr-schedule", "cosine"});
        QVERIFY2(result.err.contains("--lr-schedule: cannot change when resuming"), result.err.constData());
        result = run({"cluster", "--dataset", "shapes?count=64&size=16", "--start-balance", "-1"});
        QVERIFY(result.exitCode != 0);
        QVERIFY2(result.err.contains("start_balance: -1"), result.err.constData());
        result = run({"cluster", "--dataset", "shapes?count=64&size=16", "--reseed-below", "2"});
        QVERIFY(result.exitCode != 0);
        QVERIFY2(result.err.contains("reseed_below: 2"), result.err.constData());

        result = run({"cluster", "--dataset", "shapes?count=64&size=16", "--lr-schedule", "step"});
        QVERIFY(result.exitCode != 0);
        QVERIFY2(result.err.contains("lr_schedule: 'step'; expected one of constant, cosine"), result.err.constData());
    }

    void clusterSupervisionAndInvariance() {
        const QString out = m_dir.filePath(QStringLiteral("semi-run"));
        QFile map(m_dir.filePath(QStringLiteral("parents.csv")));
        QVERIFY(map.open(QIODevice::WriteOnly));
        map.write("class,parent\n");
        for (int c = 0; c < 10; ++c) map.write(QByteArray::number(c) + "," + QByteArray::number(c % 3) + "\n");
        map.close();
        auto result = run({"cluster", "--dataset", "shapes?count=64&size=16", "--epochs", "2", "--warmup", "1",
                           "--batch", "32", "--threads", "1", "--supervision", "semi", "--parent-map", map.fileName(),
                           "--labelled", "40", "--dropout", "0.2", "--batchnorm", "--weight-decay", "0.0001",
                           "--augment", "--out", out, "--json"});
        QCOMPARE(result.exitCode, 0);
        auto object = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(object.value("supervision").toString(), QStringLiteral("semi"));
        QCOMPARE(object.value("labelled").toInt(), 40);
        QCOMPARE(object.value("dropout").toDouble(), 0.2);
        QVERIFY(object.value("batchnorm").toBool());
        QVERIFY(object.value("augment").toBool());
        QVERIFY(result.err.contains(" E3 "));
        QFile config(out + "/config.json");
        QVERIFY(config.open(QIODevice::ReadOnly));
        const auto parents = QJsonDocument::fromJson(config.readAll()).object().value("parent_map").toArray();
        QCOMPARE(parents.size(), 10);
        QCOMPARE(parents[4].toInt(), 1);

        result = run({"invariance", "--dataset", "shapes?count=64&size=16", "--run", out, "--images", "20", "--json"});
        QCOMPARE(result.exitCode, 0);
        object = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(object.value("images").toInt(), 20);
        QCOMPARE(object.value("rows").toArray().size(), 4 * 5);
        QCOMPARE(object.value("layers").toArray().last().toString(), QStringLiteral("latent"));
        result = run({"invariance", "--dataset", "shapes?count=64&size=16", "--run", out, "--images", "20", "--relative"});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("relative MSE"));
        QVERIFY(result.out.contains("flip+rot90"));
    }

    void pruneJsonAndRunFolder() {
        const QString out = m_dir.filePath(QStringLiteral("prune-run"));
        const auto result = run({"prune", "--dataset", "shapes?count=200&size=16", "--net", "fcn", "--hidden", "16,12",
                                 "--epochs", "2", "--every", "1", "--rate", "0.25", "--tolerance", "1", "--min-units",
                                 "4", "--threads", "1", "--out", out, "--json"});
        QCOMPARE(result.exitCode, 0);
        const auto object = QJsonDocument::fromJson(result.out).object();
        for (const char* key : {"dataset", "net", "criterion", "params_before", "params_after", "acc_before", "acc_after",
                                "flops_before", "flops_after", "latency_before_ms", "latency_after_ms"})
            QVERIFY2(object.contains(QLatin1String(key)), key);
        QCOMPARE(object.value("criterion").toString(), QStringLiteral("vote"));
        QVERIFY(object.value("acc_before").isDouble());  // the dense model was trained too
        // ... and paired with the pruned one on the same 40 test images: the accuracies differ by the
        // images only one of the two got right.
        const int onlyDense = object.value("only_dense_right").toInt(-1),
                  onlyPruned = object.value("only_pruned_right").toInt(-1);
        QVERIFY(onlyDense >= 0 && onlyPruned >= 0);
        QCOMPARE(qRound(40 * (object.value("acc_after").toDouble() - object.value("acc_before").toDouble())),
                 onlyPruned - onlyDense);
        const double p = object.value("p_vs_dense").toDouble(-1);
        QVERIFY(p > 0.0 && p <= 1.0);
        QVERIFY(object.value("params_after").toInt() < object.value("params_before").toInt());
        QCOMPARE(object.value("widths_after").toArray(), (QJsonArray{12, 9}));
        QVERIFY2(result.err.contains("144 training, 16 validation, 40 test images"), result.err.constData());
        for (const char* file : {"config.json", "metrics.csv", "summary.json", "pruning_events.csv", "model.pt"})
            QVERIFY2(QFileInfo::exists(out + "/" + file), file);
        // The dense net's own run beside it, and the saved summary paired as the printed one.
        for (const char* file : {"config.json", "metrics.csv", "summary.json", "model.pt"})
            QVERIFY2(QFileInfo::exists(out + "/dense/" + file), file);
        QFile saved(out + "/summary.json");
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const auto savedSummary = QJsonDocument::fromJson(saved.readAll()).object();
        QCOMPARE(savedSummary.value("acc_before").toDouble(), object.value("acc_before").toDouble());
        QCOMPARE(savedSummary.value("only_dense_right").toInt(-1), onlyDense);
    }

    void pruneLongTrainsEightyEpochsUnlessTold() {
        const QStringList tiny{"prune",       "--dataset", "shapes?count=60&size=16", "--hidden",  "8,8",
                               "--min-units", "4",         "--no-baseline",           "--threads", "1",
                               "--json",      "--long"};
        auto result = run(tiny);
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(result.out).object().value("epochs").toInt(), 80);
        result = run(tiny + QStringList{"--epochs", "3"});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(result.out).object().value("epochs").toInt(), 3);
    }

    void pruneUsesTheFashionTestFile() {
        const auto result = run({"prune", "--dataset", "fashion-mnist", "--hidden", "12,12", "--epochs", "1",
                                 "--min-units", "4", "--no-baseline", "--threads", "1"});
        QCOMPARE(result.exitCode, 0);
        // 16 training images (of which 10 % for validation) and the 4 of the test file.
        QVERIFY2(result.err.contains(", 4 test images"), result.err.constData());
        QVERIFY(result.out.contains("not trained"));
    }

    void pruneUsesTheMnistFullTestFile() {
        const auto result = run({"prune", "--dataset", "mnist-full", "--hidden", "12,12", "--epochs", "1",
                                 "--min-units", "4", "--no-baseline", "--threads", "1"});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.err.contains(", 6 test images"), result.err.constData());
    }

    void pruneAblationJson() {
        const auto result = run({"prune-ablation", "--dataset", "shapes?count=120&size=16", "--hidden", "16,12",
                                 "--epochs", "1", "--min-units", "4", "--threads", "1", "--json"});
        QCOMPARE(result.exitCode, 0);
        const auto object = QJsonDocument::fromJson(result.out).object();
        const auto rows = object.value("rows").toArray();
        QCOMPARE(rows.size(), 8 * 3);
        QCOMPARE(rows[0].toObject().value("criterion").toString(), QStringLiteral("vote"));
        QCOMPARE(rows[0].toObject().value("layer").toInt(), 1);
        QCOMPARE(rows[2].toObject().value("layer").toString(), QStringLiteral("all"));
        QVERIFY(rows[2].toObject().value("acc").isDouble());
        QVERIFY(rows[3].toObject().value("p_vs_vote").isDouble());  // random against vote, paired
        QVERIFY(rows[3].toObject().value("only_vote_right").isDouble());
    }

    void pruneFiltersJsonAndRunFolder() {
        const QString out = m_dir.filePath(QStringLiteral("filter-run"));
        const auto result = run({"prune-filters", "--dataset", "shapes?count=160&size=16", "--net", "resnet20", "--width",
                                 "0.25", "--criterion", "relevance", "--flops-reduction", "0.3", "--epochs", "1",
                                 "--finetune-epochs", "1", "--probe", "40", "--threads", "1", "--out", out, "--json"});
        QCOMPARE(result.exitCode, 0);
        const auto object = QJsonDocument::fromJson(result.out).object();
        for (const char* key : {"dataset", "net", "criterion", "params_before", "params_after", "acc_before", "acc_after",
                                "flops_before", "flops_after", "latency_before_ms", "latency_after_ms", "acc_pruned"})
            QVERIFY2(object.contains(QLatin1String(key)), key);
        QCOMPARE(object.value("net").toString(), QStringLiteral("resnet20"));
        QVERIFY(object.value("flops_after").toDouble() <= 0.7 * object.value("flops_before").toDouble());
        QCOMPARE(object.value("widths_before").toArray().size(), 9);  // the first conv of each of 9 blocks
        for (const char* file : {"config.json", "metrics.csv", "filter_scores.csv", "summary.json", "model.pt"})
            QVERIFY2(QFileInfo::exists(out + "/" + file), file);
    }

    void pruneFiltersComparesEveryCriterion() {
        const auto result = run({"prune-filters", "--dataset", "shapes?count=120&size=16", "--width", "0.125", "--criterion",
                                 "all", "--epochs", "1", "--finetune-epochs", "0", "--probe", "30", "--threads", "1", "--json"});
        QCOMPARE(result.exitCode, 0);
        const auto rows = QJsonDocument::fromJson(result.out).object().value("rows").toArray();
        QCOMPARE(rows.size(), 6);
        QCOMPARE(rows[0].toObject().value("criterion").toString(), QStringLiteral("relevance"));
        QCOMPARE(rows[5].toObject().value("criterion").toString(), QStringLiteral("hrank"));
        QCOMPARE(rows[1].toObject().value("acc_before").toDouble(), rows[0].toObject().value("acc_before").toDouble());
    }

    void errorsExitWithStatusTwo_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown data set") << QStringList{"inspect", "imagenet"} << "unknown data set 'imagenet'";
        QTest::newRow("missing file") << QStringList{"inspect", "csv:/no/such.csv"} << "/no/such.csv";
        QTest::newRow("bad option") << QStringList{"inspect", "shapes?count=x"} << "count='x'";
        QTest::newRow("no subcommand") << QStringList{} << "subcommand";
        QTest::newRow("unknown flag") << QStringList{"datasets", "--frobnicate"} << "frobnicate";
        QTest::newRow("missing argument") << QStringList{"inspect"} << "dataset";
        QTest::newRow("baseline method") << QStringList{"baseline", "--dataset", "shapes", "--method", "spectral"}
                                         << "spectral";
        QTest::newRow("baseline pca") << QStringList{"baseline", "--dataset", "shapes?count=20&size=8", "--pca", "100"}
                                      << "pca";
        QTest::newRow("cluster lambda") << QStringList{"cluster", "--dataset", "shapes", "--lambda", "-1"} << "lambda";
        QTest::newRow("cluster clusters") << QStringList{"cluster", "--dataset", "shapes?count=5", "--clusters", "6"}
                                          << "clusters";
        QTest::newRow("cluster no dataset") << QStringList{"cluster"} << "--dataset";
        QTest::newRow("cluster long and paper")
            << QStringList{"cluster", "--dataset", "shapes", "--long", "--paper"} << "--paper";
        QTest::newRow("cluster plain and long")
            << QStringList{"cluster", "--dataset", "shapes", "--plain", "--long"} << "--long";
        QTest::newRow("cluster bad method") << QStringList{"cluster", "--dataset", "shapes", "--method", "dec"}
                                            << "dec";
        QTest::newRow("cluster resume missing") << QStringList{"cluster", "--resume", "/no/such/run"}
                                                << "/no/such/run/config.json";
        QTest::newRow("cluster supervision") << QStringList{"cluster", "--dataset", "shapes", "--supervision", "most"}
                                             << "supervision";
        QTest::newRow("cluster readout") << QStringList{"cluster", "--dataset", "shapes", "--readout", "best"}
                                         << "--readout";
        QTest::newRow("cluster dropout") << QStringList{"cluster", "--dataset", "shapes", "--dropout", "1"} << "dropout";
        QTest::newRow("cluster parent map without semi")
            << QStringList{"cluster", "--dataset", "shapes?count=20", "--parent-map", m_dir.filePath("features.csv")}
            << "--parent-map";
        QTest::newRow("cluster bad parent map")
            << QStringList{"cluster", "--dataset", "shapes?count=20", "--supervision", "semi", "--parent-map",
                           m_dir.filePath("features.csv")}
            << "features.csv' line 1: expected the header class,parent";
        QTest::newRow("cluster supervision unlabelled")
            << QStringList{"cluster", "--dataset", "csv:" + m_dir.filePath("features.csv"), "--clusters", "2",
                           "--preset", "icip2018", "--supervision", "full"}
            << "supervision";
        QTest::newRow("invariance missing run") << QStringList{"invariance", "--dataset", "shapes?count=20", "--run",
                                                               "/no/such/run"}
                                                << "/no/such/run";
        QTest::newRow("invariance no run") << QStringList{"invariance", "--dataset", "shapes?count=20"} << "--run";
        QTest::newRow("usps missing") << QStringList{"inspect", "usps:/no/usps.h5"} << "/no/usps.h5";
        QTest::newRow("svhn missing") << QStringList{"inspect", "svhn:/no/train_32x32.mat"} << "/no/train_32x32.mat";
        QTest::newRow("prune rate") << QStringList{"prune", "--dataset", "shapes", "--rate", "1.5"} << "rate";
        QTest::newRow("prune layer rates")
            << QStringList{"prune", "--dataset", "shapes", "--hidden", "20,8", "--layer-rates", "0.1,0.1,0.1"}
            << "layer rates: 3 values for 2 prunable layers";
        QTest::newRow("prune min units") << QStringList{"prune", "--dataset", "shapes", "--hidden", "20,8", "--min-units", "10"}
                                         << "min units";
        QTest::newRow("prune criterion") << QStringList{"prune", "--dataset", "shapes", "--criterion", "biggest"}
                                         << "criterion";
        QTest::newRow("prune unlabelled") << QStringList{"prune", "--dataset", "csv:" + m_dir.filePath("features.csv")}
                                          << "no labels";
        QTest::newRow("ablation keep") << QStringList{"prune-ablation", "--dataset", "shapes", "--keep", "0"} << "keep";
        QTest::newRow("filters reduction") << QStringList{"prune-filters", "--dataset", "shapes", "--flops-reduction", "1"}
                                           << "flops reduction";
        QTest::newRow("filters net") << QStringList{"prune-filters", "--dataset", "shapes", "--net", "vgg19"} << "vgg19";
        QTest::newRow("filters criterion") << QStringList{"prune-filters", "--dataset", "shapes", "--criterion", "taylor"}
                                           << "criterion";
        QTest::newRow("filters unreachable") << QStringList{"prune-filters", "--dataset", "shapes?count=40&size=16", "--net",
                                                            "resnet20", "--flops-reduction", "0.97"}
                                             << "flops reduction";
        QTest::newRow("filters unlabelled") << QStringList{"prune-filters", "--dataset", "csv:" + m_dir.filePath("features.csv")}
                                            << "no labels";
        // Ranges read as the setting's own bounds, not the largest double.
        QTest::newRow("baseline pca") << QStringList{"baseline", "--dataset", "shapes", "--pca", "-3"}
                                      << "--pca: Value -3 not in range 0 to 100000";
        QTest::newRow("baseline threads") << QStringList{"baseline", "--dataset", "shapes", "--threads", "-1"}
                                          << "--threads: Value -1 not in range 0 to 1024";
        QTest::newRow("invariance images")
            << QStringList{"invariance", "--dataset", "shapes", "--run", m_dir.path(), "--images", "0"}
            << "--images: Value 0 not in range 1 to 100000000";
        QTest::newRow("unwritable grid") << QStringList{"inspect", "shapes?count=10", "--grid", "/no/such/dir/g.png"}
                                         << "/no/such/dir/g.png";
    }
    void errorsExitWithStatusTwo() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        const auto result = run(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.startsWith("error: "), result.err.constData());
        QVERIFY2(QString::fromUtf8(result.err).contains(expected), result.err.constData());
    }

    void helpOnEverySubcommand() {
        for (const QStringList& arguments : {QStringList{"--help"}, QStringList{"datasets", "--help"},
                                              QStringList{"inspect", "--help"}, QStringList{"baseline", "--help"},
                                              QStringList{"cluster", "--help"}, QStringList{"prune", "--help"},
                                              QStringList{"prune-ablation", "--help"}, QStringList{"prune-filters", "--help"},
                                              QStringList{"invariance", "--help"}}) {
            const auto result = run(arguments);
            QCOMPARE(result.exitCode, 0);
            QVERIFY(result.out.contains("Usage") || result.out.contains("usage"));
        }
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
