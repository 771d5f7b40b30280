#include "ui/prune/prune_page.h"

#include <qcustomplot.h>

#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
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
#include "ui/prune/layer_widths_view.h"
#include "ui/prune/prune_curves_view.h"
#include "ui/prune/prune_form.h"
#include "ui/prune/vote_heatmap_view.h"
#include "ui/run/prune_run_controller.h"
#include "ui/run/run_wiring.h"

namespace dcs::ui {
namespace {

const QStringList kViewNames{QStringLiteral("curves"), QStringLiteral("votes"), QStringLiteral("widths"),
                             QStringLiteral("ablation")};

QString widthsText(const std::vector<int64_t>& widths) {
    QStringList parts;
    for (const auto w : widths) parts << QString::number(w);
    return parts.join(QLatin1Char('-'));
}

}  // namespace

PrunePage::PrunePage(QString runsDirectory, QWidget* parent)
    : QWidget(parent),
      m_runsDirectory(std::move(runsDirectory)),
      m_form(new PruneForm),
      m_controller(new PruneRunController(this)),
      m_curves(new PruneCurvesView),
      m_votes(new VoteHeatmapView),
      m_widths(new LayerWidthsView),
      m_start(new QPushButton(tr("Start"))),
      m_pause(new QPushButton(tr("Pause"))),
      m_step(new QPushButton(tr("Step one epoch"))),
      m_stop(new QPushButton(tr("Stop"))),
      m_summary(new QLabel),
      m_status(new QLabel),
      m_progress(new QProgressBar) {
    m_form->setObjectName(QStringLiteral("pruneForm"));
    m_curves->setObjectName(QStringLiteral("pruneCurvesView"));
    m_votes->setObjectName(QStringLiteral("voteHeatmap"));
    m_widths->setObjectName(QStringLiteral("layerWidthsView"));
    m_start->setObjectName(QStringLiteral("pruneStartButton"));
    m_pause->setObjectName(QStringLiteral("prunePauseButton"));
    m_step->setObjectName(QStringLiteral("pruneStepButton"));
    m_stop->setObjectName(QStringLiteral("pruneStopButton"));
    m_summary->setObjectName(QStringLiteral("pruneSummary"));
    m_status->setObjectName(QStringLiteral("pruneStatus"));
    m_progress->setObjectName(QStringLiteral("pruneProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_start->setToolTip(tr("Train and prune a classifier on the data set shown in the Data tab (20% held out for testing)"));
    m_step->setToolTip(tr("Run one more epoch, then pause"));
    m_curves->setWhatsThis(
        tr("Train, validation and test accuracy per epoch (left axis) and the weights still in use "
           "as a share of the dense net (right axis). Dashed lines mark pruning events: validation "
           "accuracy is taken before an event (it decides whether to prune), test accuracy after it. The dashed "
           "orange curve is the test accuracy of the dense net trained first with the same settings, "
           "when the run compares with it."));
    m_votes->setWhatsThis(tr("For the chosen layer, every unit (row) at every pruning event (column): its score, "
                             "scaled from the event's lowest to its highest. Units in viridis colours were kept, orange "
                             "ones removed at that event, blank ones removed before."));
    m_widths->setWhatsThis(tr("Units per layer before pruning and alive now. The output layer is never pruned."));
    m_form->setWhatsThis(tr("The settings of the pruning run. A setting outside its range is marked and explained "
                            "below the form, and Start stays off until it is fixed."));

    auto* buttons = new QHBoxLayout;
    for (auto* button : {m_start, m_pause, m_step, m_stop}) buttons->addWidget(button);
    auto* scroll = formScrollArea(m_form);
    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(scroll, 1);
    leftLayout->addLayout(buttons);
    leftLayout->addWidget(m_summary);

    auto* tabs = m_viewTabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("pruneViewTabs"));
    tabs->addTab(m_curves, tr("Curves"));
    tabs->addTab(m_votes, tr("Votes"));
    tabs->addTab(m_widths, tr("Layer widths"));
    tabs->addTab(buildAblationPanel(), tr("Ablation"));
    tabs->setTabToolTip(0, tr("Accuracy and weights in use per epoch"));
    tabs->setTabToolTip(1, tr("Per layer: every unit's score at every pruning event, and which units stayed"));
    tabs->setTabToolTip(2, tr("Units per layer before pruning and now"));
    tabs->setTabToolTip(3, tr("Every criterion against majority voting, keeping the same share of units"));
    layOutRunPage(this, left, tabs, m_status, m_progress);

    wireRunControls(this, m_controller, m_pause, m_step, m_stop, &m_redrawTimer, &PrunePage::redraw, &PrunePage::updateButtons);
    showProgress(this, m_controller, m_status, m_progress,
                 [this] { return m_densePhase ? tr("Dense net, to compare with: %1") : QString(); });
    connect(m_controller, &PruneRunController::densePhaseChanged, this, [this](bool training) {
        m_densePhase = training;
        if (training)
            m_status->setText(
                tr("Training the dense net with the same settings first, to compare the pruned net with…"));
    });
    connect(m_controller, &PruneRunController::message, this, [this](const QString& text) { m_status->setText(text); });
    connect(m_controller, &PruneRunController::finished, this, &PrunePage::showOutcome);
    connect(m_controller, &PruneRunController::ablationFinished, this, &PrunePage::showAblation);
    connect(m_controller, &PruneRunController::runFailed, this, [this](const QString& text) { m_status->setText(text); });
    connect(m_start, &QPushButton::clicked, this, &PrunePage::startRun);
    connect(m_form, &PruneForm::validityChanged, this, &PrunePage::updateButtons);
    m_status->setText(tr("Choose a labelled data set in the Data tab, set up the run, and press Start."));
    updateButtons();
}

PrunePage::~PrunePage() { m_controller->stopAndWait(); }

QWidget* PrunePage::buildAblationPanel() {
    auto* panel = new QWidget;
    m_ablationKeep = new QDoubleSpinBox;
    m_ablationKeep->setObjectName(QStringLiteral("ablationKeepField"));
    m_ablationKeep->setRange(0.05, 1.0);
    m_ablationKeep->setSingleStep(0.05);
    m_ablationKeep->setValue(0.7);
    m_ablationKeep->setToolTip(tr("Fraction of each layer's units kept (the paper: 0.7)"));
    m_ablationButton = new QPushButton(tr("Run ablation"));
    m_ablationButton->setObjectName(QStringLiteral("ablationButton"));
    m_ablationButton->setToolTip(tr("Train the dense net with the form's settings, then prune one layer / all layers by "
                                    "every criterion and measure test accuracy (no retraining)"));
    m_ablationCaption = new QLabel(tr("No ablation run yet."));
    m_ablationCaption->setObjectName(QStringLiteral("ablationCaption"));
    m_ablationCaption->setWordWrap(true);
    m_ablationTable = new QTableWidget(0, 0);
    m_ablationTable->setObjectName(QStringLiteral("ablationTable"));
    m_ablationTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_ablationTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_ablationTable->setWhatsThis(tr("Test accuracy after keeping the same share of units by each criterion, in one "
                                     "layer or in all of them. The best of each column is in bold."));
    connect(m_ablationButton, &QPushButton::clicked, this, [this] { startAblation(m_ablationKeep->value()); });
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Keep:")));
    row->addWidget(m_ablationKeep);
    row->addWidget(m_ablationButton);
    row->addStretch(1);
    auto* layout = new QVBoxLayout(panel);
    layout->addLayout(row);
    layout->addWidget(m_ablationCaption);
    layout->addWidget(m_ablationTable, 1);
    return panel;
}

void PrunePage::setDataset(const QString& spec, const DatasetPtr& dataset) {
    m_datasetSpec = spec;
    m_dataset = dataset;
    if (m_dataset && !m_controller->isRunning()) m_status->setText(datasetChosenText(spec, *m_dataset, noLabelsText()));
    updateButtons();
}

bool PrunePage::readyToStart() {
    return dcs::ui::readyToStart(m_status, m_dataset, *m_form, noLabelsText());
}

QString PrunePage::noLabelsText() const {
    return tr("'%1' has no labels; pruning trains a classifier and needs them.").arg(m_datasetSpec);
}

bool PrunePage::startRun() {
    if (!readyToStart()) return false;
    auto config = m_form->config();
    config.dataset = m_datasetSpec.toStdString();
    m_runFolder = newRunFolder(m_runsDirectory, QStringLiteral("prune-") + QString::fromStdString(config.criterion));
    m_curves->clear();
    m_votes->clear();
    m_widths->clear();
    m_summary->clear();
    m_progress->setValue(0);
    if (!m_controller->start(config, m_dataset, m_runFolder)) return false;
    m_status->setText(tr("Starting %1 pruning of a %2 on %3…")
                          .arg(QString::fromStdString(config.criterion), QString::fromStdString(config.net),
                               m_datasetSpec));
    updateButtons();
    return true;
}

bool PrunePage::startAblation(double keep) {
    if (!readyToStart()) return false;
    auto config = m_form->config();
    config.dataset = m_datasetSpec.toStdString();
    m_curves->clear();
    m_progress->setValue(0);
    if (!m_controller->startAblation(config, m_dataset, keep)) return false;
    m_ablationCaption->setText(tr("Training the dense net, then pruning by every criterion…"));
    updateButtons();
    return true;
}

void PrunePage::updateButtons() {
    const bool running = m_controller->isRunning();
    m_start->setEnabled(!running && m_dataset && m_form->isValid());
    m_ablationButton->setEnabled(!running && m_dataset && m_form->isValid());
    m_pause->setEnabled(running);
    m_pause->setText(running && m_controller->isPaused() ? tr("Resume") : tr("Pause"));
    m_step->setEnabled(running);
    m_stop->setEnabled(running);
    m_form->setEnabled(!running);
}

void PrunePage::redraw() {
    const auto snapshot = m_controller->latestSnapshot();
    const auto dense = m_controller->denseHistory();
    if (!snapshot) {  // the dense net to compare with is training
        if (!dense.empty()) m_curves->setHistory({}, dense, dense.back().parameters);
        return;
    }
    m_curves->setHistory(m_controller->history(), dense, snapshot->denseParameters);
    m_votes->setSnapshot(*snapshot);
    m_widths->setSnapshot(*snapshot);
    Q_EMIT snapshotDrawn(snapshot->epoch);
}

QString PrunePage::summaryText() const { return m_summary->text(); }

void PrunePage::showOutcome(const PruneOutcome& o) {
    redraw();
    updateButtons();
    m_progress->setValue(o.status == QLatin1String("finished") ? 1000 : m_progress->value());
    if (o.status == QLatin1String("failed")) {
        m_status->setText(tr("The run failed: %1").arg(o.message));
    } else {
        m_status->setText(tr("Run %1: %2. Saved in %3").arg(o.status, o.message, m_runFolder));
    }
    m_densePhase = false;
    if (o.epochs > 0) {
        const QLocale locale;
        const QString accuracy =
            o.compared ? tr("Test accuracy %1; the dense net trained as long: %2 (on the same test images the "
                            "dense net alone gets %3 right, the pruned net alone %4; McNemar's p = %5)")
                             .arg(o.testAccuracy, 0, 'f', 4)
                             .arg(o.denseAccuracy, 0, 'f', 4)
                             .arg(o.onlyDenseRight)
                             .arg(o.onlyPrunedRight)
                             .arg(o.pairedP, 0, 'g', 2)
                       : tr("Test accuracy %1").arg(o.testAccuracy, 0, 'f', 4);
        const double kept = 100.0 * static_cast<double>(o.parametersAfter) / static_cast<double>(std::max<qint64>(1, o.parametersBefore));
        m_summary->setText(tr("Units %1 → %2\nWeights %3 → %4 (%5% kept)\nFLOPs per image %6 → %7\n%8\n"
                              "Latency, batch 256: %9 → %10 ms (%11x faster)")
                               .arg(widthsText(o.widthsBefore), widthsText(o.widthsAfter))
                               .arg(locale.toString(o.parametersBefore), locale.toString(o.parametersAfter))
                               .arg(kept, 0, 'f', 1)
                               .arg(locale.toString(2 * o.macsBefore), locale.toString(2 * o.macsAfter))
                               .arg(accuracy)
                               .arg(o.latencyBefore, 0, 'f', 2)
                               .arg(o.latencyAfter, 0, 'f', 2)
                               .arg(o.latencyBefore / std::max(1e-9, o.latencyAfter), 0, 'f', 1));
    }
    Q_EMIT runFinished(o.status);
}

void PrunePage::showAblation(const AblationOutcome& o) {
    updateButtons();
    if (o.status == QLatin1String("failed")) {
        m_ablationCaption->setText(tr("The ablation failed: %1").arg(o.message));
        m_status->setText(m_ablationCaption->text());
        Q_EMIT ablationFinished(o.status);
        return;
    }
    QStringList columns = o.layers;
    columns << tr("all");
    m_ablationTable->clear();
    m_ablationTable->setRowCount(static_cast<int>(o.criteria.size()));
    m_ablationTable->setColumnCount(static_cast<int>(columns.size()));
    m_ablationTable->setHorizontalHeaderLabels(columns);
    m_ablationTable->setVerticalHeaderLabels(o.criteria);
    for (int c = 0; c < columns.size(); ++c) {
        double best = -1.0;
        for (const auto& row : o.cells)
            if (c < static_cast<int>(row.size())) best = std::max(best, row[static_cast<size_t>(c)].accuracy);
        for (int r = 0; r < static_cast<int>(o.cells.size()); ++r) {
            const auto& row = o.cells[static_cast<size_t>(r)];
            if (c >= static_cast<int>(row.size())) continue;
            const auto& cell = row[static_cast<size_t>(c)];
            auto* item = new QTableWidgetItem(QString::number(cell.accuracy, 'f', 4));
            item->setTextAlignment(Qt::AlignCenter);
            if (cell.criterion != "vote")
                showPairing(item, cell.pVersusVote,
                            tr("Against vote on the same test images: vote alone gets %1 right, %2 alone %3; "
                               "McNemar's p = %4 (above 0.05: within chance)")
                                .arg(cell.onlyVoteRight)
                                .arg(QString::fromStdString(cell.criterion))
                                .arg(cell.onlyThisRight)
                                .arg(cell.pVersusVote, 0, 'g', 2));
            if (cell.accuracy == best) {
                auto font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            m_ablationTable->setItem(r, c, item);
        }
    }
    m_ablationCaption->setText(o.status == QLatin1String("stopped")
                                   ? tr("The ablation was stopped; the table shows what was measured.")
                                   : tr("Test accuracy keeping %1% of the units (dense net: %2). Grey: within "
                                        "chance of vote's cell, paired on the same test images (hover for the counts).")
                                         .arg(100.0 * o.keep, 0, 'f', 0)
                                         .arg(o.denseAccuracy, 0, 'f', 4));
    m_status->setText(m_ablationCaption->text());
    showView(QStringLiteral("ablation"));
    Q_EMIT ablationFinished(o.status);
}

QString PrunePage::currentView() const { return kViewNames.value(m_viewTabs->currentIndex()); }

bool PrunePage::showView(const QString& name) {
    const int index = static_cast<int>(kViewNames.indexOf(name));
    if (index < 0) return false;
    m_viewTabs->setCurrentIndex(index);
    return true;
}

QString PrunePage::exportView(const QString& view, const QString& file) {
    if (view == QLatin1String("metrics-csv") || view == QLatin1String("events-csv") ||
        view == QLatin1String("dense-metrics-csv")) {
        const QString source =
            QDir(m_runFolder)
                .filePath(view == QLatin1String("metrics-csv")  ? QStringLiteral("metrics.csv")
                          : view == QLatin1String("events-csv") ? QStringLiteral("pruning_events.csv")
                                                                : QStringLiteral("dense/metrics.csv"));
        if (m_runFolder.isEmpty()) return tr("There is no finished run to export yet.");
        if (!QFile::exists(source))
            return view == QLatin1String("dense-metrics-csv")
                       ? tr("The last run trained no dense net to compare with ('compare with the dense net trained "
                            "as long' was off).")
                       : tr("There is no finished run to export yet.");
        QFile::remove(file);
        return QFile::copy(source, file) ? QString() : tr("'%1': could not be written").arg(file);
    }
    if (view == QLatin1String("ablation-csv")) {
        if (m_ablationTable->rowCount() == 0) return tr("There is no ablation table to export yet.");
        QString csv = QStringLiteral("criterion");
        for (int c = 0; c < m_ablationTable->columnCount(); ++c)
            csv += QLatin1Char(',') + m_ablationTable->horizontalHeaderItem(c)->text();
        csv += QLatin1Char('\n');
        for (int r = 0; r < m_ablationTable->rowCount(); ++r) {
            csv += m_ablationTable->verticalHeaderItem(r)->text();
            for (int c = 0; c < m_ablationTable->columnCount(); ++c)
                csv += QLatin1Char(',') + (m_ablationTable->item(r, c) ? m_ablationTable->item(r, c)->text() : QString());
            csv += QLatin1Char('\n');
        }
        QSaveFile out(file);  // whole or not at all
        if (!out.open(QIODevice::WriteOnly) || out.write(csv.toUtf8()) < 0 || !out.commit())
            return tr("'%1': could not be written").arg(file);
        return {};
    }
    QCustomPlot* plot = view == QLatin1String("curves")   ? m_curves->plot()
                        : view == QLatin1String("votes")  ? m_votes->plot()
                        : view == QLatin1String("widths") ? m_widths->plot()
                                                          : nullptr;
    if (!plot) return tr("'%1' is not a view; expected curves, votes or widths").arg(view);
    return exportPlot(plot, file);
}

}  // namespace dcs::ui
