// The Prune mode driven offscreen through its real widgets inside the main window: a pruning run on
// shapes fills the curves, the vote heatmap and the layer widths; the ablation fills its table;
// invalid settings block Start; exports write their files.
#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QtTest>
#include <cmath>

#include "support/mode_window.h"
#include "ui/main/main_window.h"
#include "ui/prune/layer_widths_view.h"
#include "ui/prune/prune_form.h"
#include "ui/prune/prune_page.h"
#include "ui/prune/vote_heatmap_view.h"
#include "ui/run/prune_run_controller.h"

using dcs::ui::MainWindow;
using dcs::ui::PrunePage;

class TestPrunePage : public QObject, private dcs::test::ModeWindowFixture {
    Q_OBJECT
private:
    PrunePage* page() const { return m_window->prunePage(); }
    // A net small enough for a run in a second or two: 16-12 hidden units, a quarter pruned per event.
    void tinySettings(int epochs) {
        find<QLineEdit>("hiddenField")->setText(QStringLiteral("16,12"));
        find<QSpinBox>("pruneEpochsField")->setValue(epochs);
        find<QSpinBox>("everyField")->setValue(1);
        find<QDoubleSpinBox>("rateField")->setValue(0.25);
        find<QDoubleSpinBox>("toleranceField")->setValue(1.0);  // prune at every check, whatever the accuracy
        find<QSpinBox>("minUnitsField")->setValue(4);
        find<QSpinBox>("pruneBatchField")->setValue(32);
    }

private Q_SLOTS:
    void init() { QVERIFY(openWindowOn(QStringLiteral("shapes?count=200&size=16"), QStringLiteral("Prune"))); }
    void cleanup() { m_window.reset(); }

    void voteRankingIsAFieldOfTheVoteCriterion() {
        auto* voteOn = find<QComboBox>("voteOnChoice");
        QCOMPARE(voteOn->currentText(), QStringLiteral("deviation"));
        QVERIFY(voteOn->isEnabled());
        voteOn->setCurrentText(QStringLiteral("activation"));
        QCOMPARE(page()->form()->config().voteOn, std::string("activation"));
        find<QComboBox>("criterionChoice")->setCurrentText(QStringLiteral("weight-sum"));
        QVERIFY(!voteOn->isEnabled());  // only voting ranks anything
        find<QComboBox>("criterionChoice")->setCurrentText(QStringLiteral("vote"));
        QVERIFY(voteOn->isEnabled());
    }

    void dropoutCanShrinkWithThePrunedNet() {
        auto* follows = find<QCheckBox>("dropoutFollowsPruningBox");
        QVERIFY(!follows->isChecked());
        QVERIFY(!page()->form()->config().dropoutFollowsPruning);
        follows->click();
        QVERIFY(page()->form()->config().dropoutFollowsPruning);
        find<QDoubleSpinBox>("dropoutField")->setValue(0.0);
        QVERIFY(!follows->isEnabled());  // nothing to shrink
        find<QDoubleSpinBox>("dropoutField")->setValue(0.3);
        QVERIFY(follows->isEnabled());
    }

    void theLastEventCanLandOnTheTarget() {
        auto* lands = find<QCheckBox>("landOnTargetBox");
        QVERIFY(!lands->isChecked());
        QVERIFY(!page()->form()->config().landOnTarget);
        lands->click();
        QVERIFY(page()->form()->config().landOnTarget);
        find<QDoubleSpinBox>("targetField")->setValue(0.0);
        QVERIFY(!lands->isEnabled());  // no target to land on
        find<QDoubleSpinBox>("targetField")->setValue(0.1);
        QVERIFY(lands->isEnabled());
        lands->click();
    }

    void aRunFillsTheViews() {
        tinySettings(3);
        QSignalSpy finished(page(), &PrunePage::runFinished);
        auto* start = find<QPushButton>("pruneStartButton");
        QVERIFY(start->isEnabled());
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(!start->isEnabled());  // one run at a time
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toString(), QStringLiteral("finished"));
        QTRY_VERIFY(start->isEnabled());

        // Curves: one point per epoch for train, validation, test and weights, and for the test accuracy
        // of the dense net trained first with the same settings (the default) to compare with.
        auto* curves = find<QCustomPlot>("pruneCurvesPlot");
        QCOMPARE(curves->graphCount(), 5);
        for (int g = 0; g < 3; ++g) QCOMPARE(curves->graph(g)->data()->size(), 3);
        QCOMPARE(curves->graph(4)->data()->size(), 3);
        QVERIFY(curves->graph(4)->name().contains(QStringLiteral("dense")));
        // Weights (% of dense): 100 at the start, falling at each event (after epochs 1 and 2), never
        // after the last epoch.
        const auto weights = curves->graph(3)->data();
        QCOMPARE(weights->size(), 4);
        QCOMPARE(weights->at(0)->value, 100.0);
        QVERIFY(weights->at(1)->value < 100.0);
        QVERIFY(weights->at(2)->value < weights->at(1)->value);
        QCOMPARE(weights->at(3)->value, weights->at(2)->value);
        // Each drop sits on its event's dashed line, half an epoch after the accuracies it followed.
        QCOMPARE(curves->itemCount(), 2);
        for (int e = 0; e < 2; ++e) {
            const auto* line = qobject_cast<QCPItemStraightLine*>(curves->item(e));
            QVERIFY(line);
            QCOMPARE(line->point1->coords().x(), weights->at(e + 1)->key);
        }
        QCOMPARE(weights->at(1)->key, 1.5);
        QCOMPARE(weights->at(3)->key, 3.0);

        // Widths: 16 and 12 units before; two events (after epochs 1 and 2) of a quarter each.
        auto* widths = page()->widths();
        QCOMPARE(widths->widthsBefore(), std::vector<double>({16.0, 12.0}));
        QCOMPARE(widths->widthsNow(), std::vector<double>({9.0, 7.0}));

        // Votes: the first event scored all 16 units of fc1 and removed 4 of them.
        auto* votes = page()->votes();
        QCOMPARE(votes->currentLayer(), QStringLiteral("fc1"));
        int kept = 0, removed = 0;
        for (int u = 0; u < 16; ++u) {
            const bool inKept = !std::isnan(votes->cellValue(0, u, true));
            const bool inRemoved = !std::isnan(votes->cellValue(0, u, false));
            QVERIFY(inKept != inRemoved);  // every unit is drawn in exactly one of the two maps
            kept += inKept;
            removed += inRemoved;
        }
        QCOMPARE(kept, 12);
        QCOMPARE(removed, 4);
        // At the second event the 4 removed units are blank in both maps.
        int blank = 0;
        for (int u = 0; u < 16; ++u)
            blank += std::isnan(votes->cellValue(1, u, true)) && std::isnan(votes->cellValue(1, u, false));
        QCOMPARE(blank, 4);
        QVERIFY(votes->showLayer(QStringLiteral("fc2")));
        QVERIFY(!votes->showLayer(QStringLiteral("output")));

        QVERIFY(page()->summaryText().contains(QStringLiteral("16-12 → 9-7")));
        const auto compared =
            QRegularExpression(
                QStringLiteral("Test accuracy ([0-9.]+); the dense net trained as long: ([0-9.]+) \\(on the "
                               "same test images the dense net alone gets ([0-9]+) right, the pruned net "
                               "alone ([0-9]+); McNemar's p = "))
                .match(page()->summaryText());
        QVERIFY2(compared.hasMatch(), qPrintable(page()->summaryText()));
        // 40 test images: the accuracies differ by the images only one of the two nets got right.
        QCOMPARE(qRound(40 * (compared.captured(1).toDouble() - compared.captured(2).toDouble())),
                 compared.captured(4).toInt() - compared.captured(3).toInt());
        QVERIFY(QFileInfo::exists(QDir(page()->runFolder()).filePath(QStringLiteral("dense/metrics.csv"))));
        QVERIFY(find<QLabel>("pruneStatus")->text().contains(QStringLiteral("finished 3 epochs")));

        // Exports: plots by suffix and the run folder's tables.
        for (const auto& [view, name] :
             {std::pair{"curves", "curves.png"}, std::pair{"votes", "votes.svg"}, std::pair{"widths", "widths.pdf"},
              std::pair{"metrics-csv", "metrics.csv"}, std::pair{"events-csv", "events.csv"},
              std::pair{"dense-metrics-csv", "dense.csv"}}) {
            const QString file = m_dir.filePath(QString::fromLatin1(name));
            QCOMPARE(page()->exportView(QString::fromLatin1(view), file), QString());
            QVERIFY2(QFileInfo(file).size() > 0, name);
        }
        QVERIFY(page()->exportView(QStringLiteral("latent"), m_dir.filePath(QStringLiteral("x.png"))).contains(
            QStringLiteral("not a view")));
        QVERIFY(QFileInfo::exists(QDir(page()->runFolder()).filePath(QStringLiteral("model.pt"))));
    }

    void theDenseNetCanBeLeftOut() {
        auto* compare = find<QCheckBox>("denseBaselineBox");
        QVERIFY(compare->isChecked());
        QVERIFY(page()->form()->config().denseBaseline);
        find<QComboBox>("pruneModeChoice")->setCurrentText(QStringLiteral("none"));
        QVERIFY(!compare->isEnabled());  // that run is the dense net
        find<QComboBox>("pruneModeChoice")->setCurrentText(QStringLiteral("during"));
        QVERIFY(compare->isEnabled());
        compare->click();
        QVERIFY(!page()->form()->config().denseBaseline);

        tinySettings(2);
        QSignalSpy finished(page(), &PrunePage::runFinished);
        QVERIFY(page()->startRun());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toString(), QStringLiteral("finished"));
        auto* curves = find<QCustomPlot>("pruneCurvesPlot");
        QCOMPARE(curves->graph(2)->data()->size(), 2);
        QCOMPARE(curves->graph(4)->data()->size(), 0);
        QVERIFY(!page()->summaryText().contains(QStringLiteral("dense net")));
        QVERIFY(!QFileInfo::exists(QDir(page()->runFolder()).filePath(QStringLiteral("dense"))));
        QVERIFY(page()
                    ->exportView(QStringLiteral("dense-metrics-csv"), m_dir.filePath(QStringLiteral("dense.csv")))
                    .contains(QStringLiteral("no dense net")));
    }

    void stoppingTheDenseNetStopsTheRun() {
        tinySettings(100000);  // the dense net is still training when Stop comes, however slow the machine
        QSignalSpy finished(page(), &PrunePage::runFinished);
        QSignalSpy progress(page()->controller(), &dcs::ui::PruneRunController::progressChanged);
        QVERIFY(page()->startRun());
        QVERIFY(progress.wait(30000));
        // The dense net trains first: the first half of the bar, its epochs marked as its own.
        QTRY_VERIFY(
            find<QLabel>("pruneStatus")->text().startsWith(QStringLiteral("Dense net, to compare with: Epoch")));
        QVERIFY(find<QProgressBar>("pruneProgress")->value() < 500);
        auto* curves = find<QCustomPlot>("pruneCurvesPlot");
        QTRY_VERIFY(curves->graph(4)->data()->size() > 0);  // an epoch of it drawn
        QTest::mouseClick(find<QPushButton>("pruneStopButton"), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toString(), QStringLiteral("stopped"));
        const auto status = find<QLabel>("pruneStatus")->text();
        QVERIFY2(status.contains(QStringLiteral("the dense net to compare with: stopped")), qPrintable(status));
        // Its curve shows how far it got; nothing was pruned.
        QVERIFY(curves->graph(4)->data()->size() > 0);
        QCOMPARE(curves->graph(2)->data()->size(), 0);
        QCOMPARE(page()->summaryText(), QString());
    }

    void stopEndsTheRunEarly() {
        tinySettings(200);
        QSignalSpy finished(page(), &PrunePage::runFinished);
        QSignalSpy drawn(page(), &PrunePage::snapshotDrawn);
        QVERIFY(page()->startRun());
        QVERIFY(drawn.wait(30000));
        QTest::mouseClick(find<QPushButton>("pruneStopButton"), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().toString(), QStringLiteral("stopped"));
    }

    void ablationFillsTheTable() {
        tinySettings(1);
        QSignalSpy finished(page(), &PrunePage::ablationFinished);
        QTest::mouseClick(find<QPushButton>("ablationButton"), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toString(), QStringLiteral("finished"));
        auto* table = page()->ablationTable();
        QCOMPARE(table->rowCount(), 8);     // every criterion
        QCOMPARE(table->columnCount(), 3);  // fc1, fc2, all
        QCOMPARE(table->verticalHeaderItem(0)->text(), QStringLiteral("vote"));
        QCOMPARE(table->horizontalHeaderItem(2)->text(), QStringLiteral("all"));
        for (int c = 0; c < 3; ++c) {
            bool bold = false;
            for (int r = 0; r < 8; ++r) bold = bold || table->item(r, c)->font().bold();
            QVERIFY(bold);  // the best of each column stands out
        }
        QVERIFY(table->item(0, 2)->toolTip().isEmpty());  // vote is what the others are paired with
        for (int r = 1; r < 8; ++r) {
            const auto tip = table->item(r, 2)->toolTip();
            const auto p = QRegularExpression(QStringLiteral("McNemar's p = ([0-9.e+-]+)")).match(tip);
            QVERIFY2(p.hasMatch(), qPrintable(tip));
            // The counts in the tooltip; grey text when the gap is within chance.
            QCOMPARE(table->item(r, 2)->foreground().color() == QColor(128, 128, 128), p.captured(1).toDouble() > 0.05);
        }
        QCOMPARE(page()->currentView(), QStringLiteral("ablation"));
        const QString csv = m_dir.filePath(QStringLiteral("ablation.csv"));
        QCOMPARE(page()->exportView(QStringLiteral("ablation-csv"), csv), QString());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readLine().trimmed(), QByteArray("criterion,fc1,fc2,all"));
    }

    void epochCountsReadAsWords() {
        auto* every = find<QSpinBox>("everyField");
        every->setValue(1);
        QCOMPARE(every->text(), QStringLiteral("1 epoch"));
        every->setValue(2);
        QCOMPARE(every->text(), QStringLiteral("2 epochs"));
        // Typing a number replaces the value; the unit follows it.
        every->selectAll();
        QTest::keyClicks(every, QStringLiteral("5"));
        QTest::keyClick(every, Qt::Key_Enter);
        QCOMPARE(every->value(), 5);
        QCOMPARE(every->text(), QStringLiteral("5 epochs"));
    }

    void schedulesFillTheForm() {
        auto* schedules = find<QComboBox>("pruneScheduleChoice");
        auto* epochs = find<QSpinBox>("pruneEpochsField");
        find<QComboBox>("criterionChoice")->setCurrentText(QStringLiteral("weight-sum"));
        const auto choose = [&](const QString& data) {
            const int index = schedules->findData(data);
            QVERIFY(index >= 0);
            schedules->setCurrentIndex(index);
            emit schedules->activated(index);  // what a click on the item sends
        };
        choose(QStringLiteral("long"));
        QCOMPARE(epochs->value(), 80);
        QCOMPARE(find<QLineEdit>("hiddenField")->text(), QString());                                // the preset net
        QCOMPARE(find<QComboBox>("criterionChoice")->currentText(), QStringLiteral("weight-sum"));  // kept
        QVERIFY(!schedules->itemData(schedules->currentIndex(), Qt::ToolTipRole).toString().isEmpty());
        choose(QStringLiteral("demo"));
        QCOMPARE(epochs->value(), 12);
        QCOMPARE(find<QLineEdit>("hiddenField")->text(), QStringLiteral("300,300,300"));
        choose(QStringLiteral("default"));
        QCOMPARE(epochs->value(), 40);
    }

    void invalidSettingsBlockStart() {
        auto* start = find<QPushButton>("pruneStartButton");
        auto* message = find<QLabel>("pruneConfigMessage");
        find<QDoubleSpinBox>("rateField")->setValue(0.0);
        QVERIFY(!start->isEnabled());
        QVERIFY(message->text().startsWith(QStringLiteral("rate")));
        QVERIFY(!find<QDoubleSpinBox>("rateField")->styleSheet().isEmpty());  // the field is marked
        find<QDoubleSpinBox>("rateField")->setValue(0.2);
        QVERIFY(start->isEnabled());
        find<QLineEdit>("hiddenField")->setText(QStringLiteral("64,ten"));
        QVERIFY(!start->isEnabled());
        QVERIFY(message->text().startsWith(QStringLiteral("hidden")));
        find<QLineEdit>("hiddenField")->setText(QStringLiteral("64,16"));
        auto* layerRates = find<QLineEdit>("layerRatesField");
        layerRates->setText(QStringLiteral("0.1,0.1,0.1"));  // three rates for two layers
        QVERIFY(!start->isEnabled());
        QVERIFY(message->text().startsWith(QStringLiteral("layer rates: 3 values for 2 prunable layers")));
        layerRates->setText(QStringLiteral("0.1,most"));
        QVERIFY(message->text().startsWith(QStringLiteral("layer rates")));
        layerRates->setText(QStringLiteral("0.08, 0.1"));
        QVERIFY(start->isEnabled());
        QCOMPARE(page()->form()->config().layerRates, std::vector<double>({0.08, 0.1}));
        find<QLineEdit>("hiddenField")->setText(QStringLiteral("64,8"));
        find<QSpinBox>("minUnitsField")->setValue(20);  // above the 8-wide layer
        QVERIFY(message->text().startsWith(QStringLiteral("min units")));
        QVERIFY(!page()->startRun());
        QVERIFY(find<QLabel>("pruneStatus")->text().contains(QStringLiteral("min units")));
    }

    void unlabelledDataIsRefused() {
        const QString csv = m_dir.filePath(QStringLiteral("features.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("a,b\n1,2\n3,4\n5,6\n");
        file.close();
        QSignalSpy shown(m_window.get(), &MainWindow::datasetShown);
        m_window->loadDataset(QStringLiteral("csv:") + csv);
        QVERIFY(shown.wait(20000));
        QVERIFY(find<QLabel>("pruneStatus")->text().contains(QStringLiteral("no labels")));  // said on loading
        find<QLabel>("pruneStatus")->clear();
        QVERIFY(!page()->startRun());
        QVERIFY(find<QLabel>("pruneStatus")->text().contains(QStringLiteral("no labels")));
    }
};

QTEST_MAIN(TestPrunePage)
#include "tst_prune_page.moc"
