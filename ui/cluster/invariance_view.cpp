#include "ui/cluster/invariance_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <qcustomplot.h>

#include <algorithm>

#include "dcs/error.h"
#include "ui/cluster/cluster_colors.h"
#include "ui/plot/plot_title.h"

namespace dcs::ui {

InvarianceView::InvarianceView(QWidget* parent)
    : QWidget(parent),
      m_measure(new QPushButton(tr("Measure invariance"))),
      m_transform(new QComboBox),
      m_relative(new QCheckBox(tr("relative to the features' mean square"))),
      m_plot(new QCustomPlot),
      m_message(new QLabel) {
    m_measure->setObjectName(QStringLiteral("measureInvarianceButton"));
    m_measure->setToolTip(tr("Measure the runs selected in the Runs tab (all listed runs when none is selected) on the "
                             "first 1000 images of the current data set"));
    m_transform->setObjectName(QStringLiteral("invarianceTransformChoice"));
    m_transform->addItem(tr("mean of the transforms"), QStringLiteral("mean"));
    for (const auto& name : {"rot90", "rot180", "rot270", "flip", "flip+rot90"})
        m_transform->addItem(QString::fromLatin1(name), QString::fromLatin1(name));
    m_relative->setObjectName(QStringLiteral("invarianceRelativeBox"));
    m_relative->setChecked(true);
    m_relative->setToolTip(tr("Divide each layer's MSE by the mean squared feature of the original images, so layers "
                              "and models of different scales compare"));
    m_plot->setObjectName(QStringLiteral("invariancePlot"));
    m_plot->setMinimumHeight(160);
    addPlotTitle(m_plot, tr("Feature change under rotations and flips, per layer"));
    m_plot->xAxis->setLabel(tr("layer"));
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(QFont(font().family(), 8));
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignHCenter);
    m_message->setObjectName(QStringLiteral("invarianceMessage"));
    m_message->setWordWrap(true);
    m_message->setText(tr("Train a run (or open run folders in the Runs tab), then measure how its features change "
                          "when the images are rotated by 90, 180 or 270 degrees or flipped. Lower is more invariant."));
    setWhatsThis(tr("For each model, the mean squared difference between the features of the original and of the "
                    "transformed images, per encoder layer. A layer whose line stays low ignores that transform."));

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_measure);
    controls->addWidget(new QLabel(tr("Transform:")));
    controls->addWidget(m_transform);
    controls->addWidget(m_relative);
    controls->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_message);

    connect(m_measure, &QPushButton::clicked, this, &InvarianceView::measureRequested);
    connect(m_transform, &QComboBox::currentIndexChanged, this, &InvarianceView::redraw);
    connect(m_relative, &QCheckBox::toggled, this, &InvarianceView::redraw);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        const Outcome outcome = m_watcher.result();
        m_measure->setEnabled(true);
        if (outcome.error.isEmpty()) setStudy(outcome.study);
        else m_message->setText(tr("Could not measure invariance: %1").arg(outcome.error));
        Q_EMIT studyFinished(outcome.error);
    });
}

InvarianceView::~InvarianceView() { m_watcher.waitForFinished(); }

bool InvarianceView::measure(const std::vector<std::filesystem::path>& runFolders, const DatasetPtr& dataset,
                             int64_t images) {
    if (isMeasuring()) return false;
    m_measure->setEnabled(false);
    m_message->setText(tr("Measuring the models of %1 run(s)…").arg(runFolders.size()));
    m_watcher.setFuture(QtConcurrent::run([runFolders, dataset, images]() {
        Outcome outcome;
        try {
            if (!dataset) throw dcs::ConfigError("dataset: none loaded");
            outcome.study = dcs::train::studyInvariance(runFolders, *dataset, images);
        } catch (const std::exception& e) {
            outcome.error = QString::fromStdString(e.what());
        }
        return outcome;
    }));
    return true;
}

void InvarianceView::setStudy(const dcs::train::InvarianceStudy& study) {
    m_study = study;
    m_message->setText(tr("Models of %1 run(s) measured on %2 images. Lower is more invariant.")
                           .arg(study.models.size())
                           .arg(study.images));
    redraw();
}

bool InvarianceView::showTransform(const QString& transform) {
    const int index = m_transform->findData(transform);
    if (index < 0) return false;
    m_transform->setCurrentIndex(index);
    return true;
}

void InvarianceView::setRelative(bool relative) { m_relative->setChecked(relative); }

QString InvarianceView::message() const { return m_message->text(); }

void InvarianceView::redraw() {
    m_plot->clearGraphs();
    const bool relative = m_relative->isChecked();
    const std::string transform = m_transform->currentData().toString().toStdString();
    m_plot->yAxis->setLabel(relative ? tr("MSE / mean squared feature") : tr("feature MSE"));
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (size_t l = 0; l < m_study.layers.size(); ++l)
        ticker->addTick(static_cast<double>(l), QString::fromStdString(m_study.layers[l]));
    m_plot->xAxis->setTicker(ticker);
    double top = 0.0;
    for (size_t m = 0; m < m_study.models.size(); ++m) {
        const auto& model = m_study.models[m];
        auto* graph = m_plot->addGraph();
        graph->setName(QString::fromStdString(model));
        const QColor color = clusterColor(static_cast<int64_t>(m));
        graph->setPen(QPen(color, 2));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, color, color, 6));
        for (size_t l = 0; l < m_study.layers.size(); ++l) {
            const auto& layer = m_study.layers[l];
            double value = 0.0;
            if (transform == "mean") {
                value = m_study.meanOverTransforms(model, layer, relative);
            } else {
                for (const auto& row : m_study.rows)
                    if (row.model == model && row.layer == layer && row.transform == transform)
                        value = relative ? row.relativeMse : row.mse;
            }
            graph->addData(static_cast<double>(l), value);
            top = std::max(top, value);
        }
    }
    m_plot->xAxis->setRange(-0.3, std::max<double>(1.0, static_cast<double>(m_study.layers.size()) - 0.7));
    // Head room above the lines for the legend, which sits at the top in the middle.
    m_plot->yAxis->setRange(0.0, top > 0.0 ? top * (1.25 + 0.1 * static_cast<double>(m_study.models.size())) : 1.0);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace dcs::ui
