#include "ui/cluster/cluster_page.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "ui/cluster/cluster_colors.h"
#include "ui/cluster/cluster_form.h"
#include "ui/cluster/confusion_view.h"
#include "ui/cluster/image_rows_view.h"
#include "ui/cluster/invariance_view.h"
#include "ui/cluster/latent_scatter_view.h"
#include "ui/cluster/training_curves_view.h"
#include "ui/common/form_fields.h"
#include "ui/data/image_conversion.h"
#include "ui/export/plot_export.h"
#include "ui/run/run_controller.h"
#include "ui/run/run_wiring.h"

namespace dcs::ui {
namespace {

QString score(const char* name, const std::optional<double>& value) {
    return value ? QStringLiteral("  %1 %2").arg(QLatin1String(name)).arg(*value, 0, 'f', 3) : QString();
}

}  // namespace

ClusterPage::ClusterPage(QString runsDirectory, QWidget* parent)
    : QWidget(parent),
      m_runsDirectory(std::move(runsDirectory)),
      m_form(new ClusterForm),
      m_controller(new RunController(this)),
      m_scatter(new LatentScatterView),
      m_curves(new TrainingCurvesView),
      m_clusterGrid(new ImageRowsView),
      m_confusion(new ConfusionView),
      m_reconstructions(new ImageRowsView),
      m_invariance(new InvarianceView),
      m_start(new QPushButton(tr("Start"))),
      m_pause(new QPushButton(tr("Pause"))),
      m_step(new QPushButton(tr("Step one epoch"))),
      m_stop(new QPushButton(tr("Stop"))),
      m_restart(new QPushButton(tr("Restart with the same initial weights"))),
      m_status(new QLabel),
      m_progress(new QProgressBar) {
    m_form->setObjectName(QStringLiteral("clusterForm"));
    m_scatter->setObjectName(QStringLiteral("latentView"));
    m_curves->setObjectName(QStringLiteral("curvesView"));
    m_clusterGrid->setObjectName(QStringLiteral("clusterGrid"));
    m_confusion->setObjectName(QStringLiteral("confusionView"));
    m_reconstructions->setObjectName(QStringLiteral("reconstructionView"));
    m_invariance->setObjectName(QStringLiteral("invarianceView"));
    // Help > What am I looking at? then a click on a view shows these.
    m_scatter->setWhatsThis(tr("Each point is one image, placed by the first two principal components of its latent "
                               "code. Colours are clusters (or true labels, with the tick box); crosses are the cluster "
                               "centres. Drag to pan, scroll to zoom, rest the pointer on a point to see its image."));
    m_curves->setWhatsThis(tr("Left: E1, how well the auto-encoder reconstructs its input, and E2 (right axis), how far "
                              "the codes are from their centres; E2 is zero during warm-up. Right: ACC, NMI and ARI "
                              "against the true labels, per epoch."));
    m_clusterGrid->setWhatsThis(tr("Per cluster: its size, its most common true label and the images nearest its "
                                   "centre, which show what the model takes the cluster to be."));
    m_confusion->setWhatsThis(tr("How many images of each true label (columns) fell in each cluster (rows). A good "
                                 "clustering has one bright cell in each row and column."));
    m_reconstructions->setWhatsThis(tr("Input images above the auto-encoder's reconstructions of them."));
    m_form->setWhatsThis(tr("The settings of the run. A setting outside its range is marked and explained below the "
                            "form, and Start stays off until it is fixed."));
    m_start->setObjectName(QStringLiteral("startButton"));
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_step->setObjectName(QStringLiteral("stepButton"));
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_restart->setObjectName(QStringLiteral("restartButton"));
    m_restart->setToolTip(tr("Run the last run again from exactly the same start (same settings, seed and data)"));
    m_status->setObjectName(QStringLiteral("runStatus"));
    m_progress->setObjectName(QStringLiteral("runProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_start->setToolTip(tr("Train on the data set shown in the Data tab"));
    m_step->setToolTip(tr("Run one more epoch, then pause"));

    auto* buttons = new QHBoxLayout;
    for (auto* button : {m_start, m_pause, m_step, m_stop}) buttons->addWidget(button);
    auto* scroll = formScrollArea(m_form);
    auto* left = new QWidget;
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(scroll, 1);
    leftLayout->addLayout(buttons);
    leftLayout->addWidget(m_restart);

    auto scrolled = [](QWidget* widget) {
        auto* area = new QScrollArea;
        area->setWidget(widget);
        return area;
    };
    auto* tabs = m_viewTabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("clusterViewTabs"));
    tabs->addTab(m_curves, tr("Curves"));
    tabs->addTab(scrolled(m_clusterGrid), tr("Clusters"));
    tabs->addTab(m_confusion, tr("Confusion"));
    tabs->addTab(scrolled(m_reconstructions), tr("Reconstructions"));
    tabs->addTab(buildRunsPanel(), tr("Runs"));
    tabs->addTab(m_invariance, tr("Invariance"));
    tabs->setTabToolTip(0, tr("Losses and clustering quality per epoch"));
    tabs->setTabToolTip(1, tr("Per cluster: its size, its most common true label, and its most central images"));
    tabs->setTabToolTip(2, tr("How many images of each true label fell in each cluster"));
    tabs->setTabToolTip(3, tr("Input images above what the auto-encoder makes of them"));
    tabs->setTabToolTip(4, tr("Every run of this session and the run folders you opened; select two to compare their curves"));
    tabs->setTabToolTip(5, tr("How much each layer's features change when the images are rotated or flipped, per run"));
    connect(m_invariance, &InvarianceView::measureRequested, this, [this] {
        const QString error = measureInvariance();
        if (!error.isEmpty()) m_status->setText(error);
    });
    auto* views = new QSplitter(Qt::Vertical);
    views->addWidget(m_scatter);
    views->addWidget(tabs);
    views->setStretchFactor(0, 3);
    views->setStretchFactor(1, 2);
    views->setSizes({480, 360});
    layOutRunPage(this, left, views, m_status, m_progress);

    wireRunControls(this, m_controller, m_pause, m_step, m_stop, &m_redrawTimer, &ClusterPage::redraw, &ClusterPage::updateButtons);
    showProgress(this, m_controller, m_status, m_progress);
    connect(m_controller, &RunController::finished, this, &ClusterPage::showOutcome);
    connect(m_start, &QPushButton::clicked, this, &ClusterPage::startRun);
    connect(m_restart, &QPushButton::clicked, this, &ClusterPage::restartSameWeights);
    connect(m_form, &ClusterForm::validityChanged, this, &ClusterPage::updateButtons);
    m_status->setText(tr("Choose a data set in the Data tab, set up the run, and press Start."));
    updateButtons();
}

ClusterPage::~ClusterPage() { m_controller->stopAndWait(); }

void ClusterPage::setDataset(const QString& spec, const DatasetPtr& dataset) {
    m_datasetSpec = spec;
    m_dataset = dataset;
    if (m_dataset && !m_controller->isRunning()) m_status->setText(datasetChosenText(spec, *m_dataset));
    updateButtons();
}

bool ClusterPage::startRun() {
    if (!readyToStart(m_status, m_dataset, *m_form)) return false;
    auto config = m_form->config();
    config.dataset = m_datasetSpec.toStdString();
    // The worker takes the first `limit` images itself: no copy on the GUI thread, and the sample
    // ids of the snapshots index the same images in the whole data set.
    return launch(config, m_dataset);
}

bool ClusterPage::restartSameWeights() {
    if (!m_runDataset || m_controller->isRunning()) return false;
    // The initial weights and the shuffles come from the seed: the same config gives the same start.
    m_form->setConfig(m_lastConfig);
    return launch(m_lastConfig, m_runDataset);
}

bool ClusterPage::launch(const dcs::train::ClusterConfig& config, const DatasetPtr& data) {
    m_lastConfig = config;
    m_runDataset = data;
    m_scatter->setDataset(data);
    m_runFolder = newRunFolder(m_runsDirectory, QString::fromStdString(config.method));
    m_runsTable->clearSelection();
    m_scatter->clear();
    m_curves->clear();
    m_confusion->clear();
    m_clusterGrid->setRows({});
    m_reconstructions->setRows({});
    m_progress->setValue(0);
    if (!m_controller->start(config, data, m_runFolder)) return false;
    m_status->setText(tr("Starting %1 on %2…")
                          .arg(QString::fromStdString(config.method), QString::fromStdString(config.dataset)));
    updateButtons();
    return true;
}

void ClusterPage::redraw() {
    const auto snapshot = m_controller->latestSnapshot();
    if (!snapshot) return;
    m_scatter->setSnapshot(*snapshot);
    // While the user compares runs picked in the Runs tab, the curves stay theirs.
    if (m_runsTable->selectionModel()->selectedRows().isEmpty()) m_curves->setHistory(m_controller->history());
    drawClusterGrid(*snapshot);
    drawReconstructions(*snapshot);
    QStringList labels;
    if (m_runDataset)
        for (const auto& name : m_runDataset->classNames()) labels << QString::fromStdString(name);
    m_confusion->setConfusion(snapshot->confusion, labels);
    Q_EMIT snapshotDrawn(snapshot->epoch);
}

QString ClusterPage::exportView(const QString& view, const QString& file) {
    if (view == QLatin1String("metrics-csv") || view == QLatin1String("assignments-csv")) {
        const QString source = QDir(m_runFolder).filePath(view == QLatin1String("metrics-csv") ? QStringLiteral("metrics.csv")
                                                                                                : QStringLiteral("assignments.csv"));
        if (m_runFolder.isEmpty() || !QFile::exists(source)) return tr("There is no finished run to export yet.");
        QFile::remove(file);
        return QFile::copy(source, file) ? QString() : tr("'%1': could not be written").arg(file);
    }
    QCustomPlot* plot = view == QLatin1String("latent")    ? m_scatter->plot()
                        : view == QLatin1String("losses")  ? m_curves->lossPlot()
                        : view == QLatin1String("metrics") ? m_curves->metricPlot()
                        : view == QLatin1String("confusion") ? m_confusion->plot()
                        : view == QLatin1String("invariance") ? m_invariance->plot()
                                                              : nullptr;
    if (!plot) return tr("'%1' is not a view; expected latent, losses, metrics, confusion or invariance").arg(view);
    return exportPlot(plot, file);
}

namespace {
const QStringList kViewNames{QStringLiteral("curves"), QStringLiteral("clusters"), QStringLiteral("confusion"),
                             QStringLiteral("reconstructions"), QStringLiteral("runs"), QStringLiteral("invariance")};
}

QString ClusterPage::currentView() const { return kViewNames.value(m_viewTabs->currentIndex()); }
bool ClusterPage::colorByLabel() const { return m_scatter->findChild<QCheckBox*>()->isChecked(); }
void ClusterPage::setColorByLabel(bool byLabel) { m_scatter->setColorByLabel(byLabel); }

bool ClusterPage::showView(const QString& name) {
    const auto& names = kViewNames;
    const int index = static_cast<int>(names.indexOf(name));
    if (index < 0) return false;
    m_viewTabs->setCurrentIndex(index);
    return true;
}

void ClusterPage::drawClusterGrid(const dcs::train::ClusterSnapshot& s) {
    QVector<ImageRowsView::Row> rows;
    for (int64_t k = 0; k < s.clusters; ++k) {
        ImageRowsView::Row row;
        row.color = clusterColor(k);
        const auto size = k < static_cast<int64_t>(s.clusterSizes.size()) ? s.clusterSizes[static_cast<size_t>(k)] : 0;
        row.caption = tr("Cluster %1: %2 images").arg(k).arg(size);
        if (k < static_cast<int64_t>(s.confusion.size()) && size > 0) {
            const auto& counts = s.confusion[static_cast<size_t>(k)];
            const auto best = std::max_element(counts.begin(), counts.end()) - counts.begin();
            row.caption += tr(", mostly %1 (%2 %)")
                               .arg(QString::fromStdString(m_runDataset->className(best)))
                               .arg(100.0 * static_cast<double>(counts[static_cast<size_t>(best)]) / static_cast<double>(size),
                                    0, 'f', 0);
        }
        if (s.reseed && s.reseed->cluster == k)
            row.caption += tr(", re-seeded with half of cluster %1 after this epoch").arg(s.reseed->from);
        if (s.resplit && (s.resplit->first == k || s.resplit->second == k))
            row.caption += tr(", re-split with cluster %1 after this epoch")
                               .arg(s.resplit->first == k ? s.resplit->second : s.resplit->first);
        if (k < static_cast<int64_t>(s.centralMembers.size()))
            for (int64_t id : s.centralMembers[static_cast<size_t>(k)]) row.images << imageAt(*m_runDataset, id);
        rows << row;
    }
    m_clusterGrid->setRows(rows);
}

void ClusterPage::drawReconstructions(const dcs::train::ClusterSnapshot& s) {
    ImageRowsView::Row inputs{tr("Inputs"), {}, {}}, outputs{tr("Reconstructions"), {}, {}};
    for (const auto& pair : s.reconstructions) {
        inputs.images << imageFromPlanes(pair.input.data(), s.channels, s.height, s.width);
        outputs.images << imageFromPlanes(pair.reconstruction.data(), s.channels, s.height, s.width);
    }
    m_reconstructions->setRows({inputs, outputs});
}

QWidget* ClusterPage::buildRunsPanel() {
    auto* panel = new QWidget;
    m_runsTable = new QTableWidget(0, 10);
    m_runsTable->setObjectName(QStringLiteral("runsTable"));
    m_runsTable->setHorizontalHeaderLabels({tr("Data set"), tr("Method"), tr("Epochs"), tr("Lambda"), tr("Batch"),
                                            tr("Supervision, regularisation, read-out"), tr("ACC"), tr("NMI"),
                                            tr("ARI"), tr("Status / folder")});
    m_runsTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_runsTable->horizontalHeader()->setStretchLastSection(true);
    m_runsTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runsTable->setSelectionMode(QAbstractItemView::MultiSelection);
    m_runsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_runsTable->setWhatsThis(tr("Select one run to see its curves, two to overlay them (the second dashed)."));
    connect(m_runsTable, &QTableWidget::itemSelectionChanged, this, &ClusterPage::showSelectedRuns);
    auto* open = new QPushButton(tr("Open run folder…"));
    open->setObjectName(QStringLiteral("openRunButton"));
    connect(open, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Open a run folder"), m_runsDirectory);
        if (folder.isEmpty()) return;
        const QString error = openRunFolder(folder);
        if (!error.isEmpty()) m_status->setText(error);
    });
    auto* layout = new QVBoxLayout(panel);
    layout->addWidget(m_runsTable, 1);
    layout->addWidget(open, 0, Qt::AlignLeft);
    return panel;
}

QString ClusterPage::measureInvariance(const QList<int>& rows) {
    QList<int> chosen = rows;
    if (chosen.isEmpty())
        for (const auto& index : m_runsTable->selectionModel()->selectedRows()) chosen << index.row();
    if (chosen.isEmpty())
        for (int row = 0; row < static_cast<int>(m_runs.size()); ++row) chosen << row;
    std::sort(chosen.begin(), chosen.end());
    std::vector<std::filesystem::path> folders;
    for (int row : chosen)
        if (row >= 0 && row < static_cast<int>(m_runs.size())) folders.push_back(m_runs[static_cast<size_t>(row)].folder);
    if (folders.empty()) return tr("There is no run to measure yet: train one or open a run folder in the Runs tab.");
    if (!m_dataset) return tr("Load the data set the runs were trained on first.");
    if (!m_invariance->measure(folders, m_dataset)) return tr("The invariance study is still measuring.");
    showView(QStringLiteral("invariance"));
    return {};
}

QString ClusterPage::openRunFolder(const QString& folder) {
    try {
        addRun(dcs::train::loadRunFolder(folder.toStdString()));
        return {};
    } catch (const std::exception& e) {
        return tr("Could not open the run: %1").arg(QString::fromStdString(e.what()));
    }
}

void ClusterPage::addRun(dcs::train::RunRecord record) {
    const int row = m_runsTable->rowCount();
    m_runsTable->insertRow(row);
    const auto& c = record.config;
    const auto number = [](const std::optional<double>& v) { return v ? QString::number(*v, 'f', 3) : QStringLiteral("-"); };
    // What sets the run apart in an ablation: its supervision and regularisation switches, and a
    // nearest-centre read-out (runs made before the Gaussian one, or with the paper's schedule), whose
    // ACC is not comparable with the others'.
    QStringList switches;
    if (c.supervision != "none")
        switches << (c.labelled > 0 ? tr("%1, first %2 labels").arg(QString::fromStdString(c.supervision)).arg(c.labelled)
                                    : QString::fromStdString(c.supervision));
    if (c.dropout > 0) switches << tr("dropout %1").arg(c.dropout);
    if (c.weightDecay > 0) switches << tr("weight decay %1").arg(c.weightDecay);
    if (c.batchNorm) switches << tr("batch norm");
    if (c.device == "cuda") switches << tr("on the GPU");
    if (c.augment) switches << tr("augmentation");
    if (c.readout == "nearest") switches << tr("nearest-centre read-out");
    if (c.trainsOnReadout()) switches << tr("trained on the read-out");
    if (c.resplitsBoundaries()) switches << tr("boundaries re-split");
    const QStringList cells{QString::fromStdString(c.dataset), QString::fromStdString(c.method),
                            QString::number(record.history.size()), QString::number(c.lambda),
                            QString::number(c.batchSize), switches.isEmpty() ? tr("none") : switches.join(QStringLiteral(", ")),
                            number(record.acc), number(record.nmi), number(record.ari),
                            QStringLiteral("%1  %2").arg(QString::fromStdString(record.status),
                                                         QString::fromStdString(record.folder.string()))};
    for (int column = 0; column < cells.size(); ++column)
        m_runsTable->setItem(row, column, new QTableWidgetItem(cells[column]));
    m_runs.push_back(std::move(record));
}

void ClusterPage::selectRuns(const QList<int>& rows) {
    m_runsTable->clearSelection();
    for (int row : rows) m_runsTable->selectRow(row);
}

void ClusterPage::showSelectedRuns() {
    QList<int> rows;
    for (const auto& index : m_runsTable->selectionModel()->selectedRows()) rows << index.row();
    std::sort(rows.begin(), rows.end());
    const auto name = [this](int row) {
        return tr("run %1").arg(row + 1);
    };
    if (rows.isEmpty()) m_curves->setHistory(m_controller->history());
    else if (rows.size() == 1) m_curves->setHistory(m_runs[static_cast<size_t>(rows[0])].history);
    else
        m_curves->setHistory(m_runs[static_cast<size_t>(rows[0])].history, m_runs[static_cast<size_t>(rows[1])].history,
                             name(rows[0]), name(rows[1]));
}

void ClusterPage::showOutcome(const RunOutcome& outcome) {
    redraw();
    if (QDir(m_runFolder).exists(QStringLiteral("metrics.csv"))) openRunFolder(m_runFolder);
    QString text;
    if (outcome.status == QLatin1String("failed")) text = tr("Run failed: %1").arg(outcome.message);
    else
        text = tr("Run %1 after %2 epochs in %3 (%4 images/s).%5%6%7 Saved in %8")
                   .arg(outcome.status == QLatin1String("finished") ? tr("finished") : tr("stopped"))
                   .arg(outcome.epochs)
                   .arg(durationText(outcome.seconds))
                   .arg(outcome.imagesPerSecond, 0, 'f', 0)
                   .arg(score("ACC", outcome.acc), score("NMI", outcome.nmi), score("ARI", outcome.ari), m_runFolder);
    m_status->setText(text);
    if (outcome.status == QLatin1String("finished")) m_progress->setValue(1000);
    updateButtons();
    Q_EMIT runFinished(outcome.status);
}

void ClusterPage::updateButtons() {
    const bool running = m_controller->isRunning();
    m_start->setEnabled(!running && m_dataset && m_form->isValid());
    m_pause->setEnabled(running);
    m_pause->setText(running && m_controller->isPaused() ? tr("Resume") : tr("Pause"));
    m_step->setEnabled(running);
    m_stop->setEnabled(running);
    m_restart->setEnabled(!running && m_runDataset != nullptr);
    m_form->setEnabled(!running);
}

}  // namespace dcs::ui
