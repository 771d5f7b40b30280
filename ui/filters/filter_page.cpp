#include "ui/filters/filter_page.h"

#include <qcustomplot.h>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "ui/common/form_fields.h"
#include "ui/common/paired_cells.h"
#include "ui/export/plot_export.h"
#include "ui/filters/filter_curves_view.h"
#include "ui/filters/filter_form.h"
#include "ui/filters/filter_inspector_view.h"
#include "ui/filters/relevance_heatmap_view.h"
#include "ui/run/filter_run_controller.h"
#include "ui/run/run_wiring.h"

namespace dcs::ui {
namespace {

const QStringList kViewNames{QStringLiteral("relevance"), QStringLiteral("curves"), QStringLiteral("comparison")};

QString widthsText(const std::vector<int64_t>& widths) {
    QStringList parts;
    for (const auto w : widths) parts << QString::number(w);
    return parts.join(QLatin1Char('-'));
}

double speedUp(const dcs::train::FilterPruneSummary& s) {
    return s.latencyBatch256AfterMs > 0.0 ? s.latencyBatch256BeforeMs / s.latencyBatch256AfterMs : 0.0;
}

}  // namespace

FilterPage::FilterPage(QString runsDirectory, QWidget* parent)
    : QWidget(parent),
      m_runsDirectory(std::move(runsDirectory)),
      m_form(new FilterForm),
      m_controller(new FilterRunController(this)),
      m_curves(new FilterCurvesView),
      m_heatmap(new RelevanceHeatmapView),
      m_inspector(new FilterInspectorView),
      m_table(new QTableWidget(0, 8)),
      m_start(new QPushButton(tr("Start"))),
      m_compare(new QPushButton(tr("Compare all criteria"))),
      m_pause(new QPushButton(tr("Pause"))),
      m_step(new QPushButton(tr("Step one epoch"))),
      m_stop(new QPushButton(tr("Stop"))),
      m_summary(new QLabel),
      m_status(new QLabel),
      m_progress(new QProgressBar),
      m_viewTabs(new QTabWidget) {
    m_form->setObjectName(QStringLiteral("filterForm"));
    m_curves->setObjectName(QStringLiteral("filterCurvesView"));
    m_heatmap->setObjectName(QStringLiteral("relevanceHeatmap"));
    m_inspector->setObjectName(QStringLiteral("filterInspector"));
    m_table->setObjectName(QStringLiteral("filterComparisonTable"));
    m_start->setObjectName(QStringLiteral("filterStartButton"));
    m_compare->setObjectName(QStringLiteral("filterCompareButton"));
    m_pause->setObjectName(QStringLiteral("filterPauseButton"));
    m_step->setObjectName(QStringLiteral("filterStepButton"));
    m_stop->setObjectName(QStringLiteral("filterStopButton"));
    m_summary->setObjectName(QStringLiteral("filterSummary"));
    m_status->setObjectName(QStringLiteral("filterStatus"));
    m_progress->setObjectName(QStringLiteral("filterProgress"));
    m_viewTabs->setObjectName(QStringLiteral("filterViewTabs"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_start->setToolTip(tr("Train the CNN on the data set shown in the Data tab (20% held out for testing), prune its "
                           "filters to the FLOPs target, re-fit and fine-tune"));
    m_compare->setToolTip(tr("Train once, then prune the same net by every criterion to the same FLOPs and fine-tune "
                             "each alike; the results fill the Comparison table"));
    m_step->setToolTip(tr("Run one more epoch, then pause"));
    m_heatmap->setWhatsThis(tr("Every filter (column) of every prunable conv (row) at the pruning step: its score "
                               "scaled from the layer's lowest to its highest. Viridis: kept; vermillion: removed."));
    m_inspector->setWhatsThis(
        tr("For the chosen filter, the probe images whose Grad-CAM region its feature map "
           "aligns with best: the filter's map over the image, and Grad-CAM with its mask outlined."));
    m_table->setWhatsThis(
        tr("Each criterion prunes the same trained net to the same FLOPs; accuracy right after "
           "pruning and after fine-tuning, and the smaller net's measured speed. A fine-tuned "
           "accuracy in grey is within chance of the first row's, paired on the same test images "
           "(hover for the counts)."));
    m_table->setHorizontalHeaderLabels({tr("dense acc."), tr("pruned"), tr("fine-tuned"), tr("change"), tr("parameters"),
                                        tr("FLOPs"), tr("ms / 256"), tr("speed-up")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    auto* buttons = new QHBoxLayout;
    for (auto* button : {m_start, m_pause, m_step, m_stop}) buttons->addWidget(button);
    auto* scroll = formScrollArea(m_form);
    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(scroll, 1);
    leftLayout->addLayout(buttons);
    leftLayout->addWidget(m_compare);
    leftLayout->addWidget(m_summary);

    auto* relevance = new QSplitter(Qt::Vertical);
    relevance->addWidget(m_heatmap);
    relevance->addWidget(m_inspector);
    relevance->setSizes({400, 420});
    m_viewTabs->addTab(relevance, tr("Relevance"));
    m_viewTabs->addTab(m_curves, tr("Curves"));
    m_viewTabs->addTab(m_table, tr("Comparison"));
    m_viewTabs->setTabToolTip(0, tr("Per filter: its score and whether it stayed; a chosen filter's best-aligned images"));
    m_viewTabs->setTabToolTip(1, tr("Accuracy while training the dense net and fine-tuning the pruned one"));
    m_viewTabs->setTabToolTip(2, tr("Every criterion at the same FLOPs: accuracy, size and speed"));
    layOutRunPage(this, left, m_viewTabs, m_status, m_progress);

    wireRunControls(this, m_controller, m_pause, m_step, m_stop, &m_redrawTimer, &FilterPage::redraw, &FilterPage::updateButtons);
    showProgress(this, m_controller, m_status, m_progress);
    connect(m_controller, &FilterRunController::message, this, [this](const QString& text) { m_status->setText(text); });
    connect(m_controller, &FilterRunController::finished, this, &FilterPage::showOutcome);
    connect(m_controller, &FilterRunController::runFailed, this, [this](const QString& text) { m_status->setText(text); });
    connect(m_start, &QPushButton::clicked, this, &FilterPage::startRun);
    connect(m_compare, &QPushButton::clicked, this, &FilterPage::startComparison);
    connect(m_form, &FilterForm::validityChanged, this, &FilterPage::updateButtons);
    connect(m_heatmap, &RelevanceHeatmapView::filterChosen, m_inspector, &FilterInspectorView::showFilter);
    m_status->setText(tr("Choose a labelled data set in the Data tab, set up the run, and press Start."));
    updateButtons();
}

FilterPage::~FilterPage() { m_controller->stopAndWait(); }

void FilterPage::setDataset(const QString& spec, const DatasetPtr& dataset) {
    m_datasetSpec = spec;
    m_dataset = dataset;
    if (m_dataset && !m_controller->isRunning()) m_status->setText(datasetChosenText(spec, *m_dataset, noLabelsText()));
    updateButtons();
}

bool FilterPage::readyToStart() {
    return dcs::ui::readyToStart(m_status, m_dataset, *m_form, noLabelsText());
}

QString FilterPage::noLabelsText() const {
    return tr("'%1' has no labels; filter pruning trains a classifier and needs them.").arg(m_datasetSpec);
}

bool FilterPage::startRun() {
    if (!readyToStart()) return false;
    auto config = m_form->config();
    config.dataset = m_datasetSpec.toStdString();
    m_runFolder = newRunFolder(m_runsDirectory, QStringLiteral("filters-") + QString::fromStdString(config.criterion));
    m_curves->clear();
    m_heatmap->clear();
    m_inspector->clear();
    m_shownInspection = nullptr;
    m_summary->clear();
    m_progress->setValue(0);
    if (!m_controller->start(config, m_dataset, m_runFolder)) return false;
    m_status->setText(tr("Training a %1 (width %2) on %3, then pruning by %4…")
                          .arg(QString::fromStdString(config.net))
                          .arg(config.width)
                          .arg(m_datasetSpec, QString::fromStdString(config.criterion)));
    updateButtons();
    return true;
}

bool FilterPage::startComparison() {
    if (!readyToStart()) return false;
    auto config = m_form->config();
    config.dataset = m_datasetSpec.toStdString();
    m_curves->clear();
    m_heatmap->clear();
    m_inspector->clear();
    m_shownInspection = nullptr;
    m_progress->setValue(0);
    if (!m_controller->startComparison(config, m_dataset)) return false;
    m_status->setText(tr("Training the dense net once, then pruning it by every criterion…"));
    updateButtons();
    return true;
}

void FilterPage::updateButtons() {
    const bool running = m_controller->isRunning();
    const bool ready = !running && m_dataset && m_form->isValid();
    m_start->setEnabled(ready);
    m_compare->setEnabled(ready);
    m_pause->setEnabled(running);
    m_pause->setText(running && m_controller->isPaused() ? tr("Resume") : tr("Pause"));
    m_step->setEnabled(running);
    m_stop->setEnabled(running);
    m_form->setEnabled(!running);
}

void FilterPage::redraw() {
    const auto snapshot = m_controller->latestSnapshot();
    if (!snapshot) return;
    m_curves->setSnapshot(*snapshot);
    if (snapshot->inspection.get() != m_shownInspection || (snapshot->phase == "pruned" && m_heatmap->layerCount() == 0)) {
        m_heatmap->setLayers(snapshot->layers, QString::fromStdString(snapshot->criterion));
        QStringList names;
        for (const auto& layer : snapshot->layers) names << QString::fromStdString(layer.name);
        m_inspector->setInspection(snapshot->inspection, names);
        m_shownInspection = snapshot->inspection.get();
        // Start the inspector on the first layer's most relevant filter, so it is never empty.
        if (!snapshot->layers.empty()) {
            const auto& first = snapshot->layers.front();
            const auto best = std::max_element(first.scores.begin(), first.scores.end()) - first.scores.begin();
            m_heatmap->chooseFilter(0, static_cast<int>(best));
        }
    }
}

QString FilterPage::summaryText() const { return m_summary->text(); }

void FilterPage::showOutcome(const FilterOutcome& o) {
    redraw();
    updateButtons();
    m_progress->setValue(o.status == QLatin1String("finished") ? 1000 : m_progress->value());
    m_status->setText(o.status == QLatin1String("failed") ? tr("The run failed: %1").arg(o.message)
                                                          : tr("Run %1: %2").arg(o.status, o.message));
    if (!o.rows.empty()) {
        const QLocale locale;
        m_table->setRowCount(0);
        QStringList names;
        double best = -1.0;
        for (const auto& row : o.rows) best = std::max(best, row.summary.finalAccuracy);
        for (const auto& row : o.rows) {
            const auto& s = row.summary;
            const int r = m_table->rowCount();
            m_table->insertRow(r);
            names << QString::fromStdString(row.criterion);
            const QStringList cells{QString::number(s.denseAccuracy, 'f', 4),
                                    QString::number(s.prunedAccuracy, 'f', 4),
                                    QString::number(s.finalAccuracy, 'f', 4),
                                    QString::number(s.finalAccuracy - s.denseAccuracy, 'f', 4),
                                    locale.toString(s.parametersAfter),
                                    locale.toString(2 * s.macsAfter),
                                    QString::number(s.latencyBatch256AfterMs, 'f', 2),
                                    QString::number(speedUp(s), 'f', 2) + QStringLiteral("x")};
            for (int c = 0; c < cells.size(); ++c) {
                auto* item = new QTableWidgetItem(cells[c]);
                item->setTextAlignment(Qt::AlignCenter);
                if (c == 2 && r > 0)
                    showPairing(item, row.pVersusFirst,
                                tr("Against %1 on the same test images: %1 alone gets %2 right, %3 alone %4; "
                                   "McNemar's p = %5 (above 0.05: within chance)")
                                    .arg(QString::fromStdString(o.rows.front().criterion))
                                    .arg(row.onlyFirstRight)
                                    .arg(QString::fromStdString(row.criterion))
                                    .arg(row.onlyThisRight)
                                    .arg(row.pVersusFirst, 0, 'g', 2));
                if (c == 2 && s.finalAccuracy == best) {
                    auto font = item->font();
                    font.setBold(true);
                    item->setFont(font);
                }
                m_table->setItem(r, c, item);
            }
        }
        m_table->setVerticalHeaderLabels(names);
        const auto& s = o.rows.back().summary;
        m_summary->setText(tr("Filters %1 → %2\nParameters %3 → %4\nFLOPs per image %5 → %6 (−%7%)\n"
                              "Test accuracy %8 → %9 (%10 before fine-tuning)\nLatency, batch 256: %11 → %12 ms (%13x faster)")
                               .arg(widthsText(s.widthsBefore), widthsText(s.widthsAfter))
                               .arg(locale.toString(s.parametersBefore), locale.toString(s.parametersAfter))
                               .arg(locale.toString(2 * s.macsBefore), locale.toString(2 * s.macsAfter))
                               .arg(100.0 * (1.0 - static_cast<double>(s.macsAfter) / static_cast<double>(std::max<int64_t>(1, s.macsBefore))), 0, 'f', 1)
                               .arg(s.denseAccuracy, 0, 'f', 4)
                               .arg(s.finalAccuracy, 0, 'f', 4)
                               .arg(s.prunedAccuracy, 0, 'f', 4)
                               .arg(s.latencyBatch256BeforeMs, 0, 'f', 2)
                               .arg(s.latencyBatch256AfterMs, 0, 'f', 2)
                               .arg(speedUp(s), 0, 'f', 2));
        if (o.rows.size() > 1) showView(QStringLiteral("comparison"));
    }
    Q_EMIT runFinished(o.status);
}

QString FilterPage::currentView() const { return kViewNames.value(m_viewTabs->currentIndex()); }

bool FilterPage::showView(const QString& name) {
    const int index = static_cast<int>(kViewNames.indexOf(name));
    if (index < 0) return false;
    m_viewTabs->setCurrentIndex(index);
    return true;
}

QString FilterPage::exportView(const QString& view, const QString& file) {
    if (view == QLatin1String("comparison-csv")) {
        if (m_table->rowCount() == 0) return tr("There is no comparison to export yet.");
        QString csv = QStringLiteral("criterion,acc_before,acc_pruned,acc_after,change,params_after,flops_after,latency_after_ms,speedup\n");
        for (int r = 0; r < m_table->rowCount(); ++r) {
            csv += m_table->verticalHeaderItem(r)->text();
            for (int c = 0; c < m_table->columnCount(); ++c)
                csv += QLatin1Char(',') + m_table->item(r, c)->text().remove(QLatin1Char(',')).remove(QLatin1Char('x'));
            csv += QLatin1Char('\n');
        }
        QSaveFile out(file);  // whole or not at all
        if (!out.open(QIODevice::WriteOnly) || out.write(csv.toUtf8()) < 0 || !out.commit())
            return tr("'%1': could not be written").arg(file);
        return {};
    }
    if (view == QLatin1String("inspector")) {
        if (m_inspector->pictures().empty()) return tr("No filter is shown in the inspector yet.");
        QSaveFile out(file);
        if (!out.open(QIODevice::WriteOnly) || !m_inspector->grab().save(&out, "PNG") || !out.commit())
            return tr("'%1': could not be written").arg(file);
        return {};
    }
    QCustomPlot* plot = view == QLatin1String("relevance") ? m_heatmap->plot()
                        : view == QLatin1String("curves")  ? m_curves->plot()
                                                           : nullptr;
    if (!plot) return tr("'%1' is not a view; expected relevance, curves, inspector or comparison-csv").arg(view);
    return exportPlot(plot, file);
}

}  // namespace dcs::ui
