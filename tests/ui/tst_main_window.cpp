// The main window driven offscreen through its real widgets, found by objectName.
#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QtTest>

#include "dcs/data/registry.h"
#include "support/test_files.h"
#include "ui/cluster/cluster_page.h"
#include "ui/filters/filter_page.h"
#include "ui/main/main_window.h"
#include "ui/prune/prune_page.h"

using dcs::ui::MainWindow;

class TestMainWindow : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    dcs::data::DatasetRegistry registry() const {
        return dcs::data::DatasetRegistry({m_dir.filePath(QStringLiteral("data")).toStdString(),
                                           m_dir.filePath(QStringLiteral("fashion")).toStdString()});
    }
    template <typename T>
    static T* find(const MainWindow& window, const char* name) {
        auto* widget = window.findChild<T*>(QString::fromLatin1(name));
        if (!widget) qWarning("no widget named %s", name);
        return widget;
    }
    // Types a spec into the chooser and presses Load, as a user would.
    static void typeAndLoad(MainWindow& window, const QString& spec) {
        auto* chooser = find<QComboBox>(window, "datasetChooser");
        chooser->lineEdit()->selectAll();
        QTest::keyClicks(chooser->lineEdit(), spec);
        QTest::mouseClick(find<QPushButton>(window, "loadButton"), Qt::LeftButton);
    }

private Q_SLOTS:
    void initTestCase() {
        dcs::test::writeTrainTestIdx(m_dir.filePath(QStringLiteral("fashion")).toStdString(), 30, 10);
    }

    // The binary as a user starts it where there is no display (over ssh): --help and --version
    // print and succeed, anything else says what to do instead of Qt's platform plugin abort.
    void startsWithoutDisplayOnlyToPrint() {
        const QString app = qEnvironmentVariable("DCS_APP");
        QVERIFY2(QFileInfo::exists(app), "DCS_APP must name the dcstudio binary");
        auto environment = QProcessEnvironment::systemEnvironment();
        for (const auto* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            environment.remove(QString::fromLatin1(name));
        const auto run = [&](const QStringList& arguments, int* exitCode) {
            QProcess process;
            process.setProcessEnvironment(environment);
            process.start(app, arguments);
            if (!process.waitForFinished(60000)) return QByteArray("(did not finish)");
            *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
            return process.readAllStandardOutput() + process.readAllStandardError();
        };
        int exitCode = -1;
        const auto help = run({QStringLiteral("--help")}, &exitCode);
        QCOMPARE(exitCode, 0);
        QVERIFY2(help.contains("--session-file") && help.contains("--mode"), help.constData());
        const auto version = run({QStringLiteral("--version")}, &exitCode);
        QCOMPARE(exitCode, 0);
        QVERIFY2(version.contains(DCS_VERSION), version.constData());
        const auto window = run({QStringLiteral("--dataset"), QStringLiteral("shapes")}, &exitCode);
        QCOMPARE(exitCode, 2);
        QVERIFY2(window.contains("no display") && window.contains("xvfb-run") && !window.contains("platform plugin"),
                 window.constData());
    }

    void chooserListsInstalledSets() {
        MainWindow window(registry());
        auto* chooser = find<QComboBox>(window, "datasetChooser");
        QStringList items;
        for (int i = 0; i < chooser->count(); ++i) items << chooser->itemText(i);
        QCOMPARE(items, (QStringList{"shapes", "fashion-mnist", "fashion-mnist:train", "fashion-mnist:test"}));
    }

    void loadsIntoGalleryAndFacts() {
        MainWindow window(registry());
        window.show();
        QSignalSpy shown(&window, &MainWindow::datasetShown);
        typeAndLoad(window, QStringLiteral("shapes?count=120&size=20"));
        QVERIFY(shown.wait(20000));
        auto* gallery = find<QListView>(window, "galleryView");
        QCOMPARE(gallery->model()->rowCount(), 120);
        const auto pixmap = gallery->model()->index(5, 0).data(Qt::DecorationRole).value<QPixmap>();
        QVERIFY(!pixmap.isNull());
        QCOMPARE(gallery->model()->index(5, 0).data(Qt::DisplayRole).toString(), QStringLiteral("hexagon"));
        QCOMPARE(find<QLabel>(window, "factCount")->text(), QLocale().toString(120));
        QCOMPARE(find<QLabel>(window, "factShape")->text(), QStringLiteral("1 × 20 × 20"));
        QCOMPARE(find<QTableWidget>(window, "classCountsTable")->rowCount(), 10);
        QCOMPARE(find<QCustomPlot>(window, "classCountsChart")->plottableCount(), 1);
        QVERIFY(!find<QProgressBar>(window, "loadProgress")->isVisible());
    }

    void failedLoadKeepsThePreviousDataSet() {
        MainWindow window(registry());
        window.show();
        QSignalSpy shown(&window, &MainWindow::datasetShown);
        QSignalSpy failed(&window, &MainWindow::loadFailed);
        window.loadDataset(QStringLiteral("fashion-mnist:test"));
        QVERIFY(shown.wait(20000));
        const QString missing = m_dir.filePath(QStringLiteral("missing.csv"));
        typeAndLoad(window, QStringLiteral("csv:") + missing);
        QVERIFY(failed.wait(20000));
        auto* banner = find<QWidget>(window, "loadErrorBanner");
        QVERIFY(banner->isVisible());
        QVERIFY(find<QLabel>(window, "loadErrorText")->text().contains(missing));
        QCOMPARE(window.datasetSpec(), QStringLiteral("fashion-mnist:test"));
        QCOMPARE(find<QListView>(window, "galleryView")->model()->rowCount(), 10);
        QCOMPARE(find<QComboBox>(window, "datasetChooser")->currentText(), QStringLiteral("fashion-mnist:test"));
        QCOMPARE(find<QLabel>(window, "factName")->text(), QStringLiteral("fashion-mnist:test"));

        // The next good load clears the error.
        window.loadDataset(QStringLiteral("fashion-mnist:train"));
        QVERIFY(shown.wait(20000));
        QVERIFY(!banner->isVisible());
        QCOMPARE(find<QListView>(window, "galleryView")->model()->rowCount(), 30);
    }

    void onlyTheLatestRequestIsShown() {
        MainWindow window(registry());
        QSignalSpy shown(&window, &MainWindow::datasetShown);
        window.loadDataset(QStringLiteral("shapes?count=3000"));
        window.loadDataset(QStringLiteral("shapes?count=15"));
        QVERIFY(shown.wait(20000));
        QTest::qWait(200);
        QCOMPARE(shown.count(), 1);
        QCOMPARE(window.dataset()->size(), 15);
    }

    void thumbnailSliderResizesTheGallery() {
        MainWindow window(registry());
        QSignalSpy shown(&window, &MainWindow::datasetShown);
        window.loadDataset(QStringLiteral("shapes?count=12"));
        QVERIFY(shown.wait(20000));
        find<QSlider>(window, "thumbnailSlider")->setValue(100);
        auto* gallery = find<QListView>(window, "galleryView");
        QCOMPARE(gallery->iconSize(), QSize(100, 100));
        QCOMPARE(gallery->model()->index(0, 0).data(Qt::DecorationRole).value<QPixmap>().width(), 100);
    }

    void recentDataSetsAreRemembered() {
        // Settings go to an INI file in the test's folder, never the user's own.
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(QStringLiteral("settings")));
        QCoreApplication::setOrganizationName(QStringLiteral("dcstudio-test"));
        {
            MainWindow window(registry());
            QSignalSpy shown(&window, &MainWindow::datasetShown);
            window.loadDataset(QStringLiteral("shapes?count=20"));
            QVERIFY(shown.wait(20000));
            window.close();
        }
        MainWindow reopened(registry());
        QVERIFY(reopened.findChild<QComboBox*>(QStringLiteral("datasetChooser"))->findText(QStringLiteral("shapes?count=20")) >= 0);
        QCoreApplication::setOrganizationName(QString());
    }

    void sessionRoundTrips() {
        const QString file = m_dir.filePath(QStringLiteral("session.json"));
        {
            MainWindow window(registry());
            QSignalSpy shown(&window, &MainWindow::datasetShown);
            window.loadDataset(QStringLiteral("shapes?count=30"));
            QVERIFY(shown.wait(20000));
            find<QSpinBox>(window, "epochsField")->setValue(7);
            find<QSpinBox>(window, "warmupField")->setValue(2);
            find<QDoubleSpinBox>(window, "lambdaField")->setValue(0.3);
            find<QCheckBox>(window, "augmentBox")->setChecked(true);
            find<QSlider>(window, "thumbnailSlider")->setValue(80);
            window.clusterPage()->showView(QStringLiteral("confusion"));
            window.clusterPage()->setColorByLabel(true);
            find<QSpinBox>(window, "pruneEpochsField")->setValue(11);
            find<QComboBox>(window, "voteOnChoice")->setCurrentText(QStringLiteral("activation"));
            find<QComboBox>(window, "criterionChoice")->setCurrentText(QStringLiteral("apoz"));
            window.prunePage()->showView(QStringLiteral("votes"));
            find<QDoubleSpinBox>(window, "flopsReductionField")->setValue(0.3);
            find<QComboBox>(window, "filterCriterionChoice")->setCurrentText(QStringLiteral("hrank"));
            window.filterPage()->showView(QStringLiteral("comparison"));
            window.showMode(3);
            QCOMPARE(window.saveSession(file), QString());
        }
        MainWindow window(registry());
        QSignalSpy shown(&window, &MainWindow::datasetShown);
        QCOMPARE(window.openSession(file), QString());
        QVERIFY(shown.wait(20000));
        QCOMPARE(window.datasetSpec(), QStringLiteral("shapes?count=30"));
        QCOMPARE(find<QSpinBox>(window, "epochsField")->value(), 7);
        QCOMPARE(find<QDoubleSpinBox>(window, "lambdaField")->value(), 0.3);
        QVERIFY(find<QCheckBox>(window, "augmentBox")->isChecked());
        QCOMPARE(find<QSlider>(window, "thumbnailSlider")->value(), 80);
        QCOMPARE(window.clusterPage()->currentView(), QStringLiteral("confusion"));
        QVERIFY(window.clusterPage()->colorByLabel());
        QCOMPARE(find<QSpinBox>(window, "pruneEpochsField")->value(), 11);
        QCOMPARE(find<QComboBox>(window, "criterionChoice")->currentText(), QStringLiteral("apoz"));
        QCOMPARE(find<QComboBox>(window, "voteOnChoice")->currentText(), QStringLiteral("activation"));
        QCOMPARE(window.prunePage()->currentView(), QStringLiteral("votes"));
        QCOMPARE(find<QDoubleSpinBox>(window, "flopsReductionField")->value(), 0.3);
        QCOMPARE(find<QComboBox>(window, "filterCriterionChoice")->currentText(), QStringLiteral("hrank"));
        QCOMPARE(window.filterPage()->currentView(), QStringLiteral("comparison"));
        QCOMPARE(find<QTabWidget>(window, "modeTabs")->currentIndex(), 3);
    }

    void lessonFixesAndHidesSettings() {
        const QString file = m_dir.filePath(QStringLiteral("lesson.json"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(R"({"version": 1, "dataset": "shapes?count=20", "config": {"seed": 5, "epochs": 4, "warmup": 1},
                     "view": {"mode": "cluster"},
                     "lesson": {"title": "Clusters of shapes", "locked": ["dataset", "seed"], "hidden": ["lambda"]}})");
        out.close();
        MainWindow window(registry());
        window.show();
        QSignalSpy shown(&window, &MainWindow::datasetShown);
        QCOMPARE(window.openSession(file), QString());
        QVERIFY(shown.wait(20000));
        QCOMPARE(find<QSpinBox>(window, "seedField")->value(), 5);
        QVERIFY(!find<QSpinBox>(window, "seedField")->isEnabled());
        QVERIFY(find<QSpinBox>(window, "epochsField")->isEnabled());
        QVERIFY(!find<QDoubleSpinBox>(window, "lambdaField")->isVisible());
        QVERIFY(!find<QComboBox>(window, "datasetChooser")->isEnabled());
    }

    void badSessionFilesChangeNothing_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArray("{ nope") << "not valid JSON";
        QTest::newRow("version") << QByteArray(R"({"version": 2, "dataset": "shapes"})") << "version: expected 1";
        QTest::newRow("no dataset") << QByteArray(R"({"version": 1})") << "dataset";
        QTest::newRow("config type") << QByteArray(R"({"version": 1, "dataset": "shapes", "config": {"epochs": "x"}})")
                                     << "config: epochs";
        QTest::newRow("prune config") << QByteArray(R"({"version": 1, "dataset": "shapes", "prune_config": {"rate": "x"}})")
                                      << "prune_config: rate";
        QTest::newRow("filter config") << QByteArray(R"({"version": 1, "dataset": "shapes", "filter_config": {"net": 16}})")
                                       << "filter_config: net";
        QTest::newRow("mode") << QByteArray(R"({"version": 1, "dataset": "shapes", "view": {"mode": "train"}})")
                              << "view.mode";
        QTest::newRow("lesson name") << QByteArray(R"({"version": 1, "dataset": "shapes", "lesson": {"locked": ["colour"]}})")
                                     << "unknown setting 'colour'";
    }
    void badSessionFilesChangeNothing() {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const QString file = m_dir.filePath(QStringLiteral("bad.json"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(content);
        out.close();
        MainWindow window(registry());
        window.show();
        QSignalSpy shown(&window, &MainWindow::datasetShown);
        window.loadDataset(QStringLiteral("shapes?count=12"));
        QVERIFY(shown.wait(20000));
        find<QSpinBox>(window, "epochsField")->setValue(9);
        const QString error = window.openSession(file);
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(error.contains(file));
        QVERIFY(find<QWidget>(window, "loadErrorBanner")->isVisible());
        QCOMPARE(find<QSpinBox>(window, "epochsField")->value(), 9);
        QCOMPARE(window.datasetSpec(), QStringLiteral("shapes?count=12"));
        QVERIFY(window.openSession(m_dir.filePath(QStringLiteral("missing.json"))).contains(QStringLiteral("cannot be read")));
    }

    void screenshotIsWritten() {
        MainWindow window(registry());
        window.resize(900, 600);
        window.show();
        QSignalSpy shown(&window, &MainWindow::datasetShown);
        window.loadDataset(QStringLiteral("shapes?count=50"));
        QVERIFY(shown.wait(20000));
        const QString file = m_dir.filePath(QStringLiteral("shot.png"));
        QVERIFY(window.saveScreenshot(file));
        QCOMPARE(QImage(file).size(), window.size());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
