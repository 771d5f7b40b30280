// The Cluster mode driven offscreen through its real widgets: a run on shapes fills the views;
// pause, step and stop; an invalid field shows its message and blocks Start.
#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableWidget>
#include <QtTest>

#include "support/mode_window.h"
#include "ui/cluster/cluster_form.h"
#include "ui/cluster/cluster_page.h"
#include "ui/cluster/confusion_view.h"
#include "ui/cluster/image_rows_view.h"
#include "ui/cluster/invariance_view.h"
#include "ui/cluster/latent_scatter_view.h"
#include "ui/main/main_window.h"
#include "ui/run/run_controller.h"

using dcs::ui::ClusterPage;

class TestClusterPage : public QObject, private dcs::test::ModeWindowFixture {
    Q_OBJECT
private:
    ClusterPage* page() const { return m_window->clusterPage(); }
    void setSpin(const char* name, int value) { find<QSpinBox>(name)->setValue(value); }
    void tinySettings(int epochs) {
        setSpin("epochsField", epochs);
        setSpin("warmupField", 1);
        setSpin("batchField", 32);
        setSpin("threadsField", 1);
    }

private Q_SLOTS:
    void init() { QVERIFY(openWindowOn(QStringLiteral("shapes?count=96&size=16"), QStringLiteral("Cluster"))); }
    void cleanup() { m_window.reset(); }

    void theEmptyLatentPlotKeepsItsHeight() {
        // Before any run the legend has no entries; it must not squash the axes beside it.
        auto* plot = find<QCustomPlot>("latentPlot");
        plot->replot();
        QVERIFY(!plot->legend->visible());
        QVERIFY2(plot->axisRect()->height() > plot->height() / 2,
                 qPrintable(QStringLiteral("axes %1 px of %2").arg(plot->axisRect()->height()).arg(plot->height())));
    }

    void twoEpochRunFillsTheViews() {
        tinySettings(2);
        // Ten clusters on a few shapes are never all of a size: at N/K the smallest is re-seeded, and its row says so.
        find<QDoubleSpinBox>("reseedBelowField")->setValue(1.0);
        QSignalSpy finished(page(), &ClusterPage::runFinished);
        QVERIFY(find<QPushButton>("startButton")->isEnabled());
        QTest::mouseClick(find<QPushButton>("startButton"), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toString(), QStringLiteral("finished"));
        auto* latent = find<dcs::ui::LatentScatterView>("latentView");
        QCOMPARE(latent->pointCount(), 96);
        QVERIFY(find<QCustomPlot>("latentPlot")->graphCount() >= 2);  // clusters and centres
        QCOMPARE(find<QCustomPlot>("lossPlot")->graph(0)->dataCount(), 2);
        QCOMPARE(find<QCustomPlot>("metricPlot")->graph(0)->dataCount(), 2);  // ACC per epoch
        QVERIFY(find<QLabel>("runStatus")->text().contains(QStringLiteral("finished")));
        const auto clusters = find<dcs::ui::ImageRowsView>("clusterGrid")->rows();
        QCOMPARE(clusters.size(), 10);
        int shown = 0, reseeded = 0;
        for (const auto& row : clusters) {
            QVERIFY(row.caption.startsWith(QStringLiteral("Cluster")));
            reseeded += row.caption.contains(QStringLiteral("re-seeded with half of cluster")) ? 1 : 0;
            shown += row.images.size();
            for (const auto& image : row.images) QCOMPARE(image.size(), QSize(16, 16));
        }
        QVERIFY(shown > 0);
        QCOMPARE(reseeded, 1);
        QCOMPARE(find<dcs::ui::ConfusionView>("confusionView")->cellCount(), 100);  // 10 clusters x 10 labels
        const auto pairs = find<dcs::ui::ImageRowsView>("reconstructionView")->rows();
        QCOMPARE(pairs.size(), 2);
        QCOMPARE(pairs[0].images.size(), 8);
        QCOMPARE(pairs[1].images.size(), 8);
        QVERIFY(QFileInfo::exists(page()->runFolder() + QStringLiteral("/summary.json")));
        QFile summary(page()->runFolder() + QStringLiteral("/summary.json"));
        QVERIFY(summary.open(QIODevice::ReadOnly));
        const auto summaryObject = QJsonDocument::fromJson(summary.readAll()).object();
        QCOMPARE(summaryObject.value("readout").toString(), QStringLiteral("gaussian"));  // the form's default
        QVERIFY(summaryObject.value("nearest").toObject().contains("acc"));
        QVERIFY(find<QPushButton>("startButton")->isEnabled());
        // Every view exports to PNG, PDF and SVG, and the run's tables to CSV.
        for (const char* view : {"latent", "losses", "metrics", "confusion"})
            for (const char* suffix : {"png", "pdf", "svg"}) {
                const QString file = m_dir.filePath(QStringLiteral("%1.%2").arg(QLatin1String(view), QLatin1String(suffix)));
                QCOMPARE(page()->exportView(QLatin1String(view), file), QString());
                QVERIFY2(QFileInfo(file).size() > 500, qPrintable(file));
            }
        QCOMPARE(QImage(m_dir.filePath(QStringLiteral("latent.png"))).isNull(), false);
        QCOMPARE(page()->exportView(QStringLiteral("assignments-csv"), m_dir.filePath(QStringLiteral("a.csv"))), QString());
        QFile csv(m_dir.filePath(QStringLiteral("a.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readLine(), QByteArray("index,label,cluster\n"));
        QVERIFY(page()->exportView(QStringLiteral("latent"), m_dir.filePath(QStringLiteral("x.bmp"))).contains("expected .png"));
        QVERIFY(page()->exportView(QStringLiteral("latent"), QStringLiteral("/no/such/dir/x.png")).contains("/no/such/dir/x.png"));
        // Resting the pointer on a point shows its image, id, cluster and label.
        auto* plot = find<QCustomPlot>("latentPlot");
        const auto& graphData = plot->graph(0)->data();
        const QPoint onPoint(static_cast<int>(plot->xAxis->coordToPixel(graphData->begin()->key)),
                             static_cast<int>(plot->yAxis->coordToPixel(graphData->begin()->value)));
        QVERIFY(latent->pointAt(onPoint) >= 0);
        QMouseEvent move(QEvent::MouseMove, onPoint, plot->mapToGlobal(onPoint), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(plot, &move);
        QVERIFY(latent->hoverLabel()->isVisible());
        QVERIFY(latent->hoverLabel()->toolTip().contains(QStringLiteral("image ")));
        QVERIFY(latent->hoverLabel()->toolTip().contains(QStringLiteral("label ")));
        QVERIFY(!latent->hoverLabel()->pixmap().isNull());
        // A rectangle over the whole plot selects every point and shows their images.
        const auto selected = latent->selectInRect(plot->axisRect()->rect());
        QCOMPARE(static_cast<int>(selected.size()), 96);
        QVERIFY(latent->selectionView()->isVisible());
        QCOMPARE(latent->selectionView()->rows().front().images.size(), 24);
        if (qEnvironmentVariableIsSet("DCS_SCREENSHOTS")) {
            QTest::qWait(100);
            m_window->grab().save(qEnvironmentVariable("DCS_SCREENSHOTS") + QStringLiteral("/latent-selection.png"));
        }
        QVERIFY(latent->selectInRect(QRect(0, 0, 1, 1)).empty());
        // The colour toggle regroups the same points by true label.
        find<QCheckBox>("colorByLabel")->setChecked(true);
        QCOMPARE(latent->pointCount(), 96);
    }

    void runsAreListedAndCompared() {
        tinySettings(2);
        QSignalSpy finished(page(), &ClusterPage::runFinished);
        QTest::mouseClick(find<QPushButton>("startButton"), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        const QString first = page()->runFolder();
        setSpin("epochsField", 3);
        find<QComboBox>("readoutChoice")->setCurrentText(QStringLiteral("nearest"));
        find<QCheckBox>("trainOnReadoutBox")->setChecked(false);
        find<QCheckBox>("resplitBoundariesBox")->setChecked(true);
        QTest::mouseClick(find<QPushButton>("startButton"), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        auto* table = find<QTableWidget>("runsTable");
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(1, 2)->text(), QStringLiteral("3"));
        // A run read out by the nearest centre says so: its ACC is not comparable with the others'.
        QVERIFY(table->item(1, 5)->text().contains(QStringLiteral("nearest-centre read-out")));
        QVERIFY(!table->item(1, 5)->text().contains(QStringLiteral("trained on the read-out")));
        QVERIFY(!table->item(0, 5)->text().contains(QStringLiteral("nearest-centre read-out")));
        QVERIFY(table->item(0, 5)->text().contains(QStringLiteral("trained on the read-out")));  // the default
        QVERIFY(table->item(1, 5)->text().contains(QStringLiteral("boundaries re-split")));
        QVERIFY(!table->item(0, 5)->text().contains(QStringLiteral("boundaries re-split")));  // off by default
        page()->selectRuns({0, 1});
        auto* losses = find<QCustomPlot>("lossPlot");
        QCOMPARE(losses->graphCount(), 7);  // E1, E2, total, E3 of run 1; E1, E2, total of run 2
        QCOMPARE(losses->graph(0)->dataCount(), 2);  // run 1, solid
        QVERIFY(!losses->graph(3)->visible());       // no supervision term in these runs
        QCOMPARE(losses->graph(4)->dataCount(), 3);  // run 2, dashed
        QVERIFY(losses->graph(4)->visible());
        if (qEnvironmentVariableIsSet("DCS_SCREENSHOTS")) {  // for docs/: the comparison as a user sees it
            m_window->findChild<QTabWidget*>(QStringLiteral("clusterViewTabs"))->setCurrentIndex(0);
            QTest::qWait(100);
            m_window->grab().save(qEnvironmentVariable("DCS_SCREENSHOTS") + QStringLiteral("/runs-compared.png"));
        }
        // A finished run folder opens again from disk; a folder that is not a run says why.
        QCOMPARE(page()->openRunFolder(first), QString());
        QCOMPARE(table->rowCount(), 3);
        QVERIFY(page()->openRunFolder(m_dir.filePath(QStringLiteral("nothing"))).contains(QStringLiteral("config.json")));
        QCOMPARE(table->rowCount(), 3);
    }

    void restartGivesTheSameRun() {
        tinySettings(2);
        QSignalSpy finished(page(), &ClusterPage::runFinished);
        QTest::mouseClick(find<QPushButton>("startButton"), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        setSpin("seedField", 77);  // changed afterwards: the restart must still use the run's own seed
        QVERIFY(find<QPushButton>("restartButton")->isEnabled());
        QTest::mouseClick(find<QPushButton>("restartButton"), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        const auto& runs = page()->runs();
        QCOMPARE(static_cast<int>(runs.size()), 2);
        QCOMPARE(runs[1].config.seed, runs[0].config.seed);
        QCOMPARE(runs[1].history.back().totalLoss, runs[0].history.back().totalLoss);
        QCOMPARE(runs[1].acc, runs[0].acc);
        QCOMPARE(find<QSpinBox>("seedField")->value(), 1);  // the form shows what ran
    }

    void pauseStepAndStop() {
        tinySettings(50);
        QSignalSpy drawn(page(), &ClusterPage::snapshotDrawn);
        QSignalSpy finished(page(), &ClusterPage::runFinished);
        QTest::mouseClick(find<QPushButton>("startButton"), Qt::LeftButton);
        QTest::mouseClick(find<QPushButton>("pauseButton"), Qt::LeftButton);
        QTRY_COMPARE(find<QPushButton>("pauseButton")->text(), QStringLiteral("Resume"));
        const int before = drawn.count();
        QTest::mouseClick(find<QPushButton>("stepButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(drawn.count() > before, 30000);
        QTest::qWait(300);
        QVERIFY(page()->controller()->isPaused());
        QTest::mouseClick(find<QPushButton>("stopButton"), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toString(), QStringLiteral("stopped"));
        QVERIFY(drawn.count() <= 2);
    }

    void supervisedRunThenInvarianceStudy() {
        tinySettings(2);
        auto* supervision = find<QComboBox>("supervisionChoice");
        QVERIFY(!find<QSpinBox>("labelledField")->isEnabled());
        QVERIFY(!find<QLineEdit>("parentMapField")->isEnabled());
        supervision->setCurrentText(QStringLiteral("semi"));
        QVERIFY(find<QSpinBox>("labelledField")->isEnabled());
        QVERIFY(find<QLineEdit>("parentMapField")->isEnabled());
        find<QLineEdit>("parentMapField")->setText(QStringLiteral("0,0,1,1,2,2,0,0,1,x"));
        auto* message = find<QLabel>("configMessage");
        QVERIFY2(message->text().startsWith(QStringLiteral("parent_map: class 9")), qPrintable(message->text()));
        QVERIFY(!find<QPushButton>("startButton")->isEnabled());
        find<QLineEdit>("parentMapField")->setText(QStringLiteral("0,0,1,1,2,2,0,0,1,1"));
        QVERIFY(find<QPushButton>("startButton")->isEnabled());
        setSpin("labelledField", 50);
        find<QDoubleSpinBox>("clusterDropoutField")->setValue(0.2);
        find<QCheckBox>("batchNormBox")->setChecked(true);
        const auto config = page()->form()->config();
        QCOMPARE(config.parentMap, (std::vector<int64_t>{0, 0, 1, 1, 2, 2, 0, 0, 1, 1}));
        QCOMPARE(config.labelled, int64_t(50));
        QVERIFY(config.batchNorm);
        QVERIFY(config.augment);
        QCOMPARE(config.dropout, 0.2);

        QSignalSpy finished(page(), &ClusterPage::runFinished);
        QTest::mouseClick(find<QPushButton>("startButton"), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toString(), QStringLiteral("finished"));
        auto* table = find<QTableWidget>("runsTable");
        // Augmentation is on by default; so is training on the read-out, kept by a mode set without the
        // mode's defaults (as a script would) and with this k-means++ start.
        QCOMPARE(
            table->item(table->rowCount() - 1, 5)->text(),
            QStringLiteral("semi, first 50 labels, dropout 0.2, batch norm, augmentation, trained on the read-out"));
        auto* e3 = find<QCustomPlot>("lossPlot")->graph(3);
        QVERIFY(e3->visible());
        QCOMPARE(e3->dataCount(), 2);

        // The invariance study measures the run just made and draws a line per model over the layers.
        QSignalSpy studied(page()->invarianceView(), &dcs::ui::InvarianceView::studyFinished);
        QTest::mouseClick(find<QPushButton>("measureInvarianceButton"), Qt::LeftButton);
        QVERIFY(studied.wait(60000));
        QCOMPARE(studied.first().first().toString(), QString());
        QCOMPARE(page()->currentView(), QStringLiteral("invariance"));
        auto* plot = find<QCustomPlot>("invariancePlot");
        QCOMPARE(plot->graphCount(), 1);
        QCOMPARE(plot->graph(0)->dataCount(), 4);  // conv1, conv2, conv3, latent
        const double mean = plot->graph(0)->data()->at(3)->value;
        QVERIFY(page()->invarianceView()->showTransform(QStringLiteral("rot180")));
        QVERIFY(plot->graph(0)->data()->at(3)->value != mean);
        QVERIFY(!page()->invarianceView()->showTransform(QStringLiteral("shear")));
        QVERIFY(page()->invarianceView()->message().contains(QStringLiteral("measured")));
        const QString png = m_dir.filePath(QStringLiteral("invariance.png"));
        QCOMPARE(page()->exportView(QStringLiteral("invariance"), png), QString());
        QVERIFY(QFileInfo(png).size() > 500);
        if (qEnvironmentVariableIsSet("DCS_SCREENSHOTS")) {
            QTest::qWait(100);
            m_window->grab().save(qEnvironmentVariable("DCS_SCREENSHOTS") + QStringLiteral("/invariance.png"));
        }
    }

    void choosingSemiBringsItsDefaults() {
        auto* supervision = find<QComboBox>("supervisionChoice");
        auto* weight = find<QDoubleSpinBox>("supervisionWeightField");
        auto* schedule = find<QComboBox>("lrScheduleChoice");
        QCOMPARE(weight->value(), 50.0);
        QCOMPARE(schedule->currentText(), QStringLiteral("constant"));
        supervision->setFocus();
        QTest::keyClick(supervision, Qt::Key_Down);  // none -> semi, as a user picks it
        QCOMPARE(supervision->currentText(), QStringLiteral("semi"));
        QCOMPARE(weight->value(), 5.0);
        QCOMPARE(schedule->currentText(), QStringLiteral("cosine"));
        QCOMPARE(find<QSpinBox>("epochsField")->value(), 200);
        QCOMPARE(find<QSpinBox>("warmupField")->value(), 20);
        QVERIFY(find<QCheckBox>("augmentBox")->isChecked());  // as without supervision
        QCOMPARE(find<QDoubleSpinBox>("lambdaField")->value(), 1.0);
        if (qEnvironmentVariableIsSet("DCS_SCREENSHOTS"))
            m_window->grab().save(qEnvironmentVariable("DCS_SCREENSHOTS") + QStringLiteral("/semi-form.png"));
        QTest::keyClick(supervision, Qt::Key_Down);  // semi -> full: its own defaults
        QCOMPARE(weight->value(), 50.0);
        QCOMPARE(schedule->currentText(), QStringLiteral("constant"));
        QCOMPARE(find<QSpinBox>("epochsField")->value(), 40);
        QCOMPARE(find<QComboBox>("initChoice")->currentText(), QStringLiteral("constrained"));
        QVERIFY(!find<QCheckBox>("augmentBox")->isChecked());
        QCOMPARE(find<QDoubleSpinBox>("lambdaField")->value(), 0.1);
        if (qEnvironmentVariableIsSet("DCS_SCREENSHOTS"))
            m_window->grab().save(qEnvironmentVariable("DCS_SCREENSHOTS") + QStringLiteral("/full-form.png"));
        // A weight the user set is left alone; the fields still at their defaults change.
        weight->setValue(20.0);
        QTest::keyClick(supervision, Qt::Key_Up);
        QCOMPARE(supervision->currentText(), QStringLiteral("semi"));
        QCOMPARE(weight->value(), 20.0);
        QCOMPARE(page()->form()->config().supervisionWeight, 20.0);
        QCOMPARE(find<QComboBox>("initChoice")->currentText(), QStringLiteral("kmeans++"));
        QCOMPARE(page()->form()->config().epochs, 200);
    }

    void choosingGmmBringsItsDefaults() {
        auto* method = find<QComboBox>("methodChoice");
        auto* lambda = find<QDoubleSpinBox>("lambdaField");
        auto* covariance = find<QComboBox>("covarianceChoice");
        QVERIFY(!covariance->isEnabled());
        auto* trainOnReadout = find<QCheckBox>("trainOnReadoutBox");
        QVERIFY(trainOnReadout->isEnabled());
        auto* resplit = find<QCheckBox>("resplitBoundariesBox");
        QVERIFY(resplit->isEnabled() && !resplit->isChecked());  // off by default
        resplit->setChecked(true);
        QVERIFY(page()->form()->config().resplitBoundaries);
        resplit->setChecked(false);
        method->setFocus();
        QTest::keyClick(method, Qt::Key_Down);  // dcae-kmeans -> dcae-gmm, as a user picks it
        QCOMPARE(method->currentText(), QStringLiteral("dcae-gmm"));
        QVERIFY(covariance->isEnabled());
        // Both settings apply to DCAE-GMM too, off in its defaults.
        QVERIFY(trainOnReadout->isEnabled() && resplit->isEnabled());
        QVERIFY(!trainOnReadout->isChecked() && !resplit->isChecked());
        QCOMPARE(covariance->currentText(), QStringLiteral("tied"));
        QCOMPARE(find<QComboBox>("gmmLossChoice")->currentText(), QStringLiteral("scaled"));
        QCOMPARE(lambda->value(), 5.0);
        QCOMPARE(find<QDoubleSpinBox>("reseedBelowField")->value(), 0.5);
        QCOMPARE(page()->form()->config().toJson(),
                 dcs::train::ClusterConfig::defaultsFor("none", "dcae-gmm").toJson());
        if (qEnvironmentVariableIsSet("DCS_SCREENSHOTS")) {
            QWidget* area = page()->form();
            while (area && !qobject_cast<QScrollArea*>(area)) area = area->parentWidget();
            QVERIFY(area);
            qobject_cast<QScrollArea*>(area)->ensureWidgetVisible(find<QCheckBox>("trainOnReadoutBox"));
            m_window->grab().save(qEnvironmentVariable("DCS_SCREENSHOTS") + QStringLiteral("/gmm-form.png"));
        }
        // Back to DCAE-Kmeans: its lambda returns, unless the user has set one.
        covariance->setCurrentText(QStringLiteral("full"));
        QTest::keyClick(method, Qt::Key_Up);
        QCOMPARE(lambda->value(), 1.0);
        QCOMPARE(find<QDoubleSpinBox>("reseedBelowField")->value(), 0.5);  // both methods re-seed
        QCOMPARE(covariance->currentText(), QStringLiteral("full"));  // the user's choice stays
        QTest::keyClick(method, Qt::Key_Down);
        lambda->setValue(2.0);
        QTest::keyClick(method, Qt::Key_Up);
        QCOMPARE(lambda->value(), 2.0);
        // The start's size prior: a negative weight is named under the form.
        find<QDoubleSpinBox>("startBalanceField")->setValue(-0.5);
        QVERIFY2(find<QLabel>("configMessage")->text().startsWith(QStringLiteral("start_balance")),
                 qPrintable(find<QLabel>("configMessage")->text()));
        QVERIFY(!find<QPushButton>("startButton")->isEnabled());
        find<QComboBox>("initChoice")->setCurrentText(QStringLiteral("random"));
        QVERIFY(!find<QDoubleSpinBox>("startBalanceField")->isEnabled());
        find<QDoubleSpinBox>("startBalanceField")->setValue(1.5);
        // Re-seeding small clusters: a fraction above 1 is named; a valid one reaches the run's config;
        // constrained clusters belong to their groups and are never re-seeded.
        auto* reseed = find<QDoubleSpinBox>("reseedBelowField");
        reseed->setValue(1.5);
        QVERIFY2(find<QLabel>("configMessage")->text().startsWith(QStringLiteral("reseed_below")),
                 qPrintable(find<QLabel>("configMessage")->text()));
        reseed->setValue(0.5);
        QCOMPARE(page()->form()->config().reseedBelow, 0.5);
        find<QComboBox>("initChoice")->setCurrentText(QStringLiteral("constrained"));
        QVERIFY(!reseed->isEnabled());
        QVERIFY(!trainOnReadout->isEnabled());  // constrained clusters keep the nearest allowed centre
        QVERIFY(!resplit->isEnabled());
    }

    void invarianceNeedsARun() {
        QVERIFY(page()->measureInvariance().contains(QStringLiteral("no run")));
    }

    void loadingADataSetSaysWhatIsNext() {
        const auto text = find<QLabel>("runStatus")->text();
        QVERIFY2(text.contains(QStringLiteral("shapes")) && text.contains(QStringLiteral("96 images")),
                 qPrintable(text));
    }

    void invalidFieldBlocksStart() {
        setSpin("clustersField", 0);
        auto* message = find<QLabel>("configMessage");
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().startsWith(QStringLiteral("clusters")), qPrintable(message->text()));
        QVERIFY(!find<QPushButton>("startButton")->isEnabled());
        QVERIFY(!page()->startRun());
        QVERIFY(!page()->controller()->isRunning());
        setSpin("clustersField", 4);
        QVERIFY(!message->isVisible());
        QVERIFY(find<QPushButton>("startButton")->isEnabled());
    }

    void deviceChoiceOffersCudaOnlyWhereLibTorchHasIt() {
        auto* device = find<QComboBox>("deviceChoice");
        auto* form = page()->findChild<dcs::ui::ClusterForm*>();
        QVERIFY(device && form);
        QCOMPARE(device->currentText(), QStringLiteral("cpu"));
        QCOMPARE(form->config().device, std::string("cpu"));
        auto* items = qobject_cast<QStandardItemModel*>(device->model());
        const bool cuda = dcs::train::cudaDeviceAvailable();
        QCOMPARE(items->item(device->findText(QStringLiteral("cuda")))->isEnabled(), cuda);
        // A session saved on a GPU machine names cuda; without one the form says why it cannot start.
        auto config = form->config();
        config.device = "cuda";
        form->setConfig(config);
        QCOMPARE(form->config().device, std::string("cuda"));
        auto* message = find<QLabel>("configMessage");
        if (!cuda) {
            QVERIFY(message->isVisible());
            QVERIFY2(message->text().startsWith(QStringLiteral("device: cuda")), qPrintable(message->text()));
            QVERIFY(!find<QPushButton>("startButton")->isEnabled());
            device->setCurrentText(QStringLiteral("cpu"));
        }
        QVERIFY(!message->isVisible());
        QVERIFY(find<QPushButton>("startButton")->isEnabled());
    }

    void demoScheduleFillsTheForm() {
        auto* schedule = find<QComboBox>("scheduleChoice");
        schedule->setCurrentIndex(schedule->findData(QStringLiteral("demo")));
        Q_EMIT schedule->activated(schedule->currentIndex());
        QCOMPARE(find<QSpinBox>("epochsField")->value(), 12);
        QCOMPARE(find<QSpinBox>("limitField")->value(), 3000);
        schedule->setCurrentIndex(schedule->findData(QStringLiteral("long")));
        Q_EMIT schedule->activated(schedule->currentIndex());
        QCOMPARE(find<QSpinBox>("epochsField")->value(), 200);
        QCOMPARE(find<QSpinBox>("warmupField")->value(), 20);
        QCOMPARE(find<QComboBox>("lrScheduleChoice")->currentText(), QStringLiteral("cosine"));
        QCOMPARE(find<QSpinBox>("limitField")->value(), 0);  // all the images again
        QCOMPARE(find<QSpinBox>("limitField")->text(), QStringLiteral("all images"));
        QVERIFY(find<QCheckBox>("resplitBoundariesBox")->isChecked());  // the Long schedule re-splits
        // The Plain schedule: 30 epochs on the plain images with a light E2, no re-split.
        schedule->setCurrentIndex(schedule->findData(QStringLiteral("plain")));
        Q_EMIT schedule->activated(schedule->currentIndex());
        QCOMPARE(find<QSpinBox>("epochsField")->value(), 30);
        QCOMPARE(find<QSpinBox>("warmupField")->value(), 10);
        QCOMPARE(find<QDoubleSpinBox>("lambdaField")->value(), 0.1);
        QVERIFY(!find<QCheckBox>("augmentBox")->isChecked());
        QVERIFY(!find<QCheckBox>("resplitBoundariesBox")->isChecked());
        QCOMPARE(find<QComboBox>("lrScheduleChoice")->currentText(), QStringLiteral("constant"));
        QVERIFY(page()->form()->config().trainsOnReadout());
        schedule->setCurrentIndex(schedule->findData(QStringLiteral("long")));
        Q_EMIT schedule->activated(schedule->currentIndex());
        // The read-out: Gaussian by default, the nearest centre with the paper's schedule; a choice sticks.
        auto* readout = find<QComboBox>("readoutChoice");
        QCOMPARE(readout->currentText(), QStringLiteral("gaussian"));
        schedule->setCurrentIndex(schedule->findData(QStringLiteral("paper-caip2019")));
        Q_EMIT schedule->activated(schedule->currentIndex());
        QCOMPARE(readout->currentText(), QStringLiteral("nearest"));
        QCOMPARE(page()->form()->config().readout, std::string("nearest"));
        QVERIFY(!find<QCheckBox>("resplitBoundariesBox")->isChecked());
        readout->setCurrentText(QStringLiteral("gaussian"));
        QCOMPARE(page()->form()->config().readout, std::string("gaussian"));
    }

    void plainScheduleGivesGmmItsMeasuredForm() {
        auto* method = find<QComboBox>("methodChoice");
        method->setFocus();
        QTest::keyClick(method, Qt::Key_Down);  // dcae-gmm
        auto* schedule = find<QComboBox>("scheduleChoice");
        schedule->setCurrentIndex(schedule->findData(QStringLiteral("plain")));
        Q_EMIT schedule->activated(schedule->currentIndex());
        QCOMPARE(find<QComboBox>("covarianceChoice")->currentText(), QStringLiteral("diag"));
        QCOMPARE(find<QComboBox>("gmmLossChoice")->currentText(), QStringLiteral("mahalanobis"));
        QCOMPARE(find<QDoubleSpinBox>("lambdaField")->value(), 0.1);
        QCOMPARE(find<QDoubleSpinBox>("reseedBelowField")->value(), 0.0);
        QCOMPARE(page()->form()->config().toJson(),
                 dcs::train::ClusterConfig::plainSchedule(dcs::train::ClusterConfig::defaultsFor("none", "dcae-gmm"))
                     .toJson());
    }

    void switchingMethodKeepsTheChosenSchedule() {
        auto* schedule = find<QComboBox>("scheduleChoice");
        schedule->setCurrentIndex(schedule->findData(QStringLiteral("long")));
        Q_EMIT schedule->activated(schedule->currentIndex());
        const auto longFor = [](const char* method) {
            return dcs::train::ClusterConfig::longSchedule(dcs::train::ClusterConfig::defaultsFor("none", method))
                .toJson();
        };
        QCOMPARE(page()->form()->config().toJson(), longFor("dcae-kmeans"));
        // DCAE-GMM's Long form (lambda 1, trained on the read-out), not its 40-epoch lambda 5.
        auto* method = find<QComboBox>("methodChoice");
        method->setFocus();
        QTest::keyClick(method, Qt::Key_Down);  // dcae-gmm
        QCOMPARE(method->currentText(), QStringLiteral("dcae-gmm"));
        QCOMPARE(find<QDoubleSpinBox>("lambdaField")->value(), 1.0);
        QVERIFY(find<QCheckBox>("trainOnReadoutBox")->isChecked());
        QVERIFY(find<QCheckBox>("resplitBoundariesBox")->isChecked());
        QCOMPARE(find<QSpinBox>("epochsField")->value(), 200);
        QCOMPARE(page()->form()->config().toJson(), longFor("dcae-gmm"));
        // A value the user set stays through a switch.
        find<QDoubleSpinBox>("lambdaField")->setValue(2.0);
        QTest::keyClick(method, Qt::Key_Up);  // dcae-kmeans
        QCOMPARE(find<QDoubleSpinBox>("lambdaField")->value(), 2.0);
        QVERIFY(find<QCheckBox>("resplitBoundariesBox")->isChecked());
        // Under the Default schedule DCAE-GMM takes its 40-epoch lambda.
        schedule->setCurrentIndex(schedule->findData(QStringLiteral("default")));
        Q_EMIT schedule->activated(schedule->currentIndex());
        QTest::keyClick(method, Qt::Key_Down);
        QCOMPARE(find<QDoubleSpinBox>("lambdaField")->value(), 5.0);
        QVERIFY(!find<QCheckBox>("trainOnReadoutBox")->isChecked());
    }

    void closingMidRunKeepsTheFolder() {
        tinySettings(50);
        QSignalSpy drawn(page(), &ClusterPage::snapshotDrawn);
        QTest::mouseClick(find<QPushButton>("startButton"), Qt::LeftButton);
        QVERIFY(drawn.wait(30000));
        const QString folder = page()->runFolder();
        m_window.reset();  // closes the window mid-run: the run stops and its folder stays
        QVERIFY(QFileInfo::exists(folder + QStringLiteral("/checkpoint.pt")));
        QVERIFY(QFileInfo::exists(folder + QStringLiteral("/summary.json")));
    }
};

QTEST_MAIN(TestClusterPage)
#include "tst_cluster_page.moc"
