#include "ui/prune/prune_curves_view.h"

#include <QVBoxLayout>
#include <qcustomplot.h>

#include "ui/plot/plot_title.h"

namespace dcs::ui {

PruneCurvesView::PruneCurvesView(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot) {
    m_plot->setObjectName(QStringLiteral("pruneCurvesPlot"));
    addPlotTitle(m_plot, tr("Accuracy and weights in use"));
    m_plot->xAxis->setLabel(tr("epoch"));
    m_plot->yAxis->setLabel(tr("accuracy"));
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis2->setLabel(tr("weights in use (% of the dense net)"));
    m_plot->yAxis2->setRange(0, 105);
    m_plot->yAxis->setRange(0.0, 1.0);  // an accuracy, also before the first epoch
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(QFont(font().family(), 8));
    // Accuracies end near the top and the weights near the bottom: the middle right stays free.
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignVCenter | Qt::AlignRight);
    auto epochTicker = QSharedPointer<QCPAxisTickerFixed>::create();
    epochTicker->setTickStep(1.0);
    epochTicker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_plot->xAxis->setTicker(epochTicker);
    // Okabe-Ito colours: distinguishable with colour-blindness.
    const QList<QPair<QString, QColor>> series{{tr("train"), QColor(230, 159, 0)},
                                               {tr("validation"), QColor(86, 180, 233)},
                                               {tr("test"), QColor(0, 114, 178)},
                                               {tr("weights (right axis)"), QColor(0, 158, 115)}};
    for (const auto& [name, color] : series) {
        auto* graph = m_plot->addGraph();
        graph->setName(name);
        graph->setPen(QPen(color, 2));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, color, color, 4));
    }
    m_plot->graph(3)->setValueAxis(m_plot->yAxis2);
    m_plot->graph(3)->setLineStyle(QCPGraph::lsStepLeft);
    auto* dense = m_plot->addGraph();  // the net the pruned one is judged against
    dense->setName(tr("test, dense net (same epochs)"));
    dense->setPen(QPen(QColor(213, 94, 0), 2, Qt::DashLine));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
}

void PruneCurvesView::clear() {
    for (int i = 0; i < m_plot->graphCount(); ++i) m_plot->graph(i)->data()->clear();
    m_plot->clearItems();
    m_plot->yAxis->setRange(0.0, 1.0);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PruneCurvesView::setHistory(const std::vector<dcs::train::PruneEpochMetrics>& history,
                                 const std::vector<dcs::train::PruneEpochMetrics>& denseHistory,
                                 int64_t denseParameters) {
    QVector<double> epochs, train, validation, test, weightEpochs{0.0}, weights{100.0};  // the dense net at the start
    QVector<double> denseEpochs, denseTest;
    double lowest = 1.0;
    for (const auto& m : denseHistory) {
        denseEpochs << m.epoch;
        denseTest << m.testAccuracy;
        lowest = std::min(lowest, m.testAccuracy);
    }
    if (history.empty()) {  // while the dense net trains: no pruning run to show yet
        weightEpochs.clear();
        weights.clear();
    }
    m_plot->clearItems();
    for (const auto& m : history) {
        epochs << m.epoch;
        weightEpochs << (m.pruned ? m.epoch + 0.5 : m.epoch);  // the weights drop on the event's dashed line
        train << m.trainAccuracy;
        validation << m.validationAccuracy;
        test << m.testAccuracy;
        weights << 100.0 * static_cast<double>(m.parameters) / static_cast<double>(std::max<int64_t>(1, denseParameters));
        lowest = std::min({lowest, m.trainAccuracy, m.validationAccuracy, m.testAccuracy});
        if (m.pruned) {  // the event happened after this epoch's numbers were taken
            auto* line = new QCPItemStraightLine(m_plot);
            line->point1->setCoords(m.epoch + 0.5, 0);
            line->point2->setCoords(m.epoch + 0.5, 1);
            line->setPen(QPen(QColor(120, 120, 120), 1, Qt::DashLine));
        }
    }
    m_plot->graph(0)->setData(epochs, train, true);
    m_plot->graph(1)->setData(epochs, validation, true);
    m_plot->graph(2)->setData(epochs, test, true);
    m_plot->graph(3)->setData(weightEpochs, weights, true);
    m_plot->graph(4)->setData(denseEpochs, denseTest, true);
    const double lastEpoch =
        std::max(epochs.isEmpty() ? 1.0 : epochs.back(), denseEpochs.isEmpty() ? 1.0 : denseEpochs.back());
    m_plot->xAxis->setRange(-0.5, lastEpoch + 0.5);
    // Accuracies crowd near the top once training works: zoom to where they are.
    m_plot->yAxis->setRange(std::max(0.0, std::floor(lowest * 10.0) / 10.0 - 0.02), 1.0);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace dcs::ui
