// The Filters mode driven offscreen through its real widgets inside the main window: a filter
// pruning run on shapes fills the curves, the score heatmap and the inspector; clicking the heatmap
// chooses a filter; the comparison fills its table; invalid settings block Start; exports write.
#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QtTest>
#include <cmath>

#include "support/mode_window.h"
#include "ui/filters/filter_form.h"
#include "ui/filters/filter_inspector_view.h"
#include "ui/filters/filter_page.h"
#include "ui/filters/relevance_heatmap_view.h"
#include "ui/main/main_window.h"

using dcs::ui::FilterPage;
using dcs::ui::MainWindow;

class TestFilterPage : public QObject, private dcs::test::ModeWindowFixture {
    Q_OBJECT
private:
    FilterPage* page() const { return m_window->filterPage(); }
    // A VGG-16 an eighth wide, one epoch each side of the pruning: a second or two.
    void tinySettings() {
        find<QDoubleSpinBox>("widthField")->setValue(0.125);
        find<QSpinBox>("filterEpochsField")->setValue(1);
        find<QSpinBox>("finetuneEpochsField")->setValue(1);
        find<QSpinBox>("filterBatchField")->setValue(32);
        find<QSpinBox>("probeField")->setValue(40);
    }

private Q_SLOTS:
    void init() { QVERIFY(openWindowOn(QStringLiteral("shapes?count=200&size=16"), QStringLiteral("Filters"))); }
    void cleanup() { m_window.reset(); }

    void aRunFillsTheViews() {
        tinySettings();
        QSignalSpy finished(page(), &FilterPage::runFinished);
        auto* start = find<QPushButton>("filterStartButton");
        QVERIFY(start->isEnabled());
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(!start->isEnabled());  // one run at a time
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toString(), QStringLiteral("finished"));
        QTRY_VERIFY(start->isEnabled());

        // Curves: one dense and one fine-tuning epoch, a gap between the two nets, and the pruned
        // net's test accuracy.
        auto* curves = find<QCustomPlot>("filterCurvesPlot");
        QCOMPARE(curves->graph(2)->data()->size(), 3);
        QVERIFY(std::isnan(curves->graph(2)->data()->at(1)->value));
        QCOMPARE(curves->graph(3)->data()->size(), 1);

        // Heatmap: 13 convs; conv2's 8 filters (pruned to half a channel block) each in exactly one
        // of the kept / removed maps.
        auto* heatmap = page()->heatmap();
        QCOMPARE(heatmap->layerCount(), 13);
        int kept = 0;
        for (int f = 0; f < 8; ++f) {
            const bool inKept = !std::isnan(heatmap->cellValue(1, f, true));
            QVERIFY(inKept != !std::isnan(heatmap->cellValue(1, f, false)));
            kept += inKept;
        }
        QVERIFY(kept >= 2 && kept < 8);
        QVERIFY(std::isnan(heatmap->cellValue(1, 9, true)));  // conv2 has no filter 9

        // The inspector starts on a filter; clicking another cell chooses that one.
        auto* inspector = page()->inspector();
        QVERIFY(!inspector->pictures().empty());
        QSignalSpy chosen(heatmap, &dcs::ui::RelevanceHeatmapView::filterChosen);
        auto* plot = heatmap->plot();
        const QPoint cell(static_cast<int>(plot->xAxis->coordToPixel(3)), static_cast<int>(plot->yAxis->coordToPixel(2)));
        QTest::mouseClick(plot, Qt::LeftButton, Qt::NoModifier, cell);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.first().at(0).toInt(), 2);
        QCOMPARE(chosen.first().at(1).toInt(), 3);
        QVERIFY(inspector->caption().startsWith(QStringLiteral("conv3, filter 3")));
        QCOMPARE(inspector->pictures().size(), size_t{6});  // three images, map and Grad-CAM each
        QCOMPARE(inspector->pictures().front().width(), 16 * 4);

        QVERIFY(page()->summaryText().contains(QStringLiteral("FLOPs per image")));
        QCOMPARE(page()->comparisonTable()->rowCount(), 1);

        for (const auto& [view, name] : {std::pair{"relevance", "relevance.png"}, std::pair{"curves", "curves.pdf"},
                                         std::pair{"inspector", "inspector.png"}, std::pair{"comparison-csv", "c.csv"}}) {
            const QString file = m_dir.filePath(QString::fromLatin1(name));
            QCOMPARE(page()->exportView(QString::fromLatin1(view), file), QString());
            QVERIFY2(QFileInfo(file).size() > 0, name);
        }
        QVERIFY(page()->exportView(QStringLiteral("votes"), m_dir.filePath(QStringLiteral("x.png"))).contains(
            QStringLiteral("not a view")));
        for (const auto* file : {"summary.json", "filter_scores.csv", "model.pt"})
            QVERIFY2(QFileInfo::exists(QDir(page()->runFolder()).filePath(QString::fromLatin1(file))), file);
    }

    void comparisonFillsTheTable() {
        tinySettings();
        find<QSpinBox>("finetuneEpochsField")->setValue(0);
        QSignalSpy finished(page(), &FilterPage::runFinished);
        QTest::mouseClick(find<QPushButton>("filterCompareButton"), Qt::LeftButton);
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().first().toString(), QStringLiteral("finished"));
        auto* table = page()->comparisonTable();
        QCOMPARE(table->rowCount(), 6);  // every criterion
        QCOMPARE(table->verticalHeaderItem(0)->text(), QStringLiteral("relevance"));
        QCOMPARE(table->verticalHeaderItem(5)->text(), QStringLiteral("hrank"));
        // The same dense net for every row.
        for (int r = 1; r < 6; ++r) QCOMPARE(table->item(r, 0)->text(), table->item(0, 0)->text());
        // Each row's fine-tuned accuracy is paired with relevance's on the same test images.
        for (int r = 1; r < 6; ++r) {
            const auto tip = table->item(r, 2)->toolTip();
            const auto p = QRegularExpression(QStringLiteral("McNemar's p = ([0-9.e+-]+)")).match(tip);
            QVERIFY2(p.hasMatch(), qPrintable(tip));
            // The counts in the tooltip; grey text when the gap is within chance.
            QCOMPARE(table->item(r, 2)->foreground().color() == QColor(128, 128, 128), p.captured(1).toDouble() > 0.05);
        }
        QCOMPARE(page()->currentView(), QStringLiteral("comparison"));
        const QString csv = m_dir.filePath(QStringLiteral("comparison.csv"));
        QCOMPARE(page()->exportView(QStringLiteral("comparison-csv"), csv), QString());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readLine().startsWith("criterion,acc_before"));
        QVERIFY(file.readLine().startsWith("relevance,"));
    }

    // The default run keeps the same share of every conv, rounded to this CPU's channel block (half
    // blocks in narrower convs), with what the rounding left given back; the allocation chosen in
    // the form is the one the run gets.
    void allocationChoiceReachesTheRun() {
        tinySettings();
        find<QSpinBox>("finetuneEpochsField")->setValue(0);
        auto* allocation = find<QComboBox>("allocationChoice");
        QCOMPARE(allocation->currentText(), QStringLiteral("uniform"));
        QCOMPARE(find<QSpinBox>("channelMultipleField")->value(), 0);  // this CPU's block
        QSignalSpy finished(page(), &FilterPage::runFinished);
        QVERIFY(page()->startRun());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toString(), QStringLiteral("finished"));
        QFile file(QDir(page()->runFolder()).filePath(QStringLiteral("summary.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto summary = QJsonDocument::fromJson(file.readAll()).object();
        const int block = summary.value(QStringLiteral("channel_multiple")).toInt();
        QVERIFY(block == 4 || block == 8 || block == 16);
        const auto before = summary.value(QStringLiteral("widths_before")).toArray();
        const auto after = summary.value(QStringLiteral("widths_after")).toArray();
        QCOMPARE(after.size(), 13);
        int pruned = 0;
        for (int l = 0; l < 13; ++l) {
            const int dense = before[l].toInt(), kept = after[l].toInt();
            QVERIFY(kept >= 2 && kept <= dense);
            int step = block;
            while (step > 1 && dense < 2 * step) step /= 2;
            QCOMPARE(kept % step, 0);
            pruned += kept < dense;
        }
        QVERIFY(pruned > 13 / 2);  // most convs lose filters
        QVERIFY(summary.value(QStringLiteral("flops_reduction")).toDouble() >= 0.5);

        allocation->setCurrentText(QStringLiteral("latency"));
        find<QSpinBox>("channelMultipleField")->setValue(8);
        const auto config = page()->form()->config();
        QCOMPARE(config.allocation, std::string("latency"));
        QCOMPARE(config.channelMultiple, int64_t{8});
    }

    void alignmentChoiceGovernsTheUnitQuantile() {
        auto* alignment = find<QComboBox>("alignmentChoice");
        auto* quantile = find<QDoubleSpinBox>("unitQuantileField");
        QCOMPARE(alignment->currentText(), QStringLiteral("response"));
        QVERIFY(!quantile->isEnabled());  // a response needs no threshold
        alignment->setCurrentText(QStringLiteral("iou"));
        QVERIFY(quantile->isEnabled());
        QCOMPARE(page()->form()->config().alignment, std::string("iou"));
        // Another criterion has no use for any relevance field.
        find<QComboBox>("filterCriterionChoice")->setCurrentText(QStringLiteral("l1"));
        QVERIFY(!alignment->isEnabled() && !quantile->isEnabled());
        // A saved config brings its alignment back.
        auto config = page()->form()->config();
        config.criterion = "relevance";
        config.alignment = "response";
        page()->form()->setConfig(config);
        QCOMPARE(alignment->currentText(), QStringLiteral("response"));
        QVERIFY(alignment->isEnabled() && !quantile->isEnabled());
    }

    void invalidSettingsBlockStart() {
        auto* start = find<QPushButton>("filterStartButton");
        auto* message = find<QLabel>("filterConfigMessage");
        find<QDoubleSpinBox>("flopsReductionField")->setValue(0.0);
        QVERIFY(!start->isEnabled());
        QVERIFY(!find<QPushButton>("filterCompareButton")->isEnabled());
        QVERIFY(message->text().startsWith(QStringLiteral("flops reduction")));
        QVERIFY(!find<QDoubleSpinBox>("flopsReductionField")->styleSheet().isEmpty());  // the field is marked
        find<QDoubleSpinBox>("flopsReductionField")->setValue(0.5);
        QVERIFY(start->isEnabled());
        find<QSpinBox>("filterEpochsField")->setValue(0);
        QVERIFY(message->text().startsWith(QStringLiteral("epochs")));
        QVERIFY(!page()->startRun());
        QVERIFY(find<QLabel>("filterStatus")->text().contains(QStringLiteral("epochs")));
    }

    void unreachableTargetFailsWithAClearMessage() {
        tinySettings();
        find<QComboBox>("filterNetChoice")->setCurrentText(QStringLiteral("resnet20"));
        find<QDoubleSpinBox>("flopsReductionField")->setValue(0.97);
        QSignalSpy finished(page(), &FilterPage::runFinished);
        QVERIFY(page()->startRun());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().first().toString(), QStringLiteral("failed"));
        QVERIFY(find<QLabel>("filterStatus")->text().contains(QStringLiteral("flops reduction")));
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
        QVERIFY(find<QLabel>("filterStatus")->text().contains(QStringLiteral("no labels")));  // said on loading
        find<QLabel>("filterStatus")->clear();
        QVERIFY(!page()->startRun());
        QVERIFY(find<QLabel>("filterStatus")->text().contains(QStringLiteral("no labels")));
    }
};

QTEST_MAIN(TestFilterPage)
#include "tst_filter_page.moc"
