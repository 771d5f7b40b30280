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
        dcs::test::writeFashionMnist(m_dir.filePath(QStringLiteral("fashion")).toStdString(), 6, 4);
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
        QCOMPARE(names, (QStringList{"shapes", "mnist", "fashion-mnist", "fashion-mnist:train", "fashion-mnist:test"}));
        QCOMPARE(list[1].toObject().value("count").toInt(), 20);
        QCOMPARE(list[2].toObject().value("count").toInt(), 10);
    }

    void datasetsTable() {
        const auto result = run({"datasets"});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("fashion-mnist:test"));
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
        QVERIFY(result.err.contains("epoch 2/2"));
        QVERIFY(QFileInfo::exists(out + "/checkpoint.pt"));

        result = run({"cluster", "--resume", out, "--epochs", "3", "--json"});
        QCOMPARE(result.exitCode, 0);
        object = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(object.value("epochs").toInt(), 3);
        QVERIFY(result.err.contains("resuming"));
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
        QTest::newRow("cluster bad method") << QStringList{"cluster", "--dataset", "shapes", "--method", "dec"}
                                            << "dec";
        QTest::newRow("cluster resume missing") << QStringList{"cluster", "--resume", "/no/such/run"}
                                                << "/no/such/run/config.json";
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
                                              QStringList{"cluster", "--help"}}) {
            const auto result = run(arguments);
            QCOMPARE(result.exitCode, 0);
            QVERIFY(result.out.contains("Usage") || result.out.contains("usage"));
        }
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
