#include "ui/cluster/training_curves_view.h"

#include <QHBoxLayout>
#include <qcustomplot.h>

namespace dcs::ui {
namespace {

QCustomPlot* makePlot(const QString& objectName, const QString& title, const QString& yLabel,
                      const QList<QPair<QString, QColor>>& series, const QFont& font) {
    auto* plot = new QCustomPlot;
    plot->setObjectName(objectName);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, title, QFont(font.family(), 10, QFont::Bold)));
    plot->xAxis->setLabel(QObject::tr("epoch"));
    plot->yAxis->setLabel(yLabel);
    plot->legend->setVisible(true);
    plot->legend->setFont(QFont(font.family(), 8));
    plot->setMinimumHeight(160);
    auto epochTicker = QSharedPointer<QCPAxisTickerFixed>::create();  // whole epochs only
    epochTicker->setTickStep(1.0);
    epochTicker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    plot->xAxis->setTicker(epochTicker);
    for (const auto& [name, color] : series) {
        auto* graph = plot->addGraph();
        graph->setName(name);
        graph->setPen(QPen(color, 2));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, color, color, 4));
    }
    return plot;
}

}  // namespace

TrainingCurvesView::TrainingCurvesView(QWidget* parent) : QWidget(parent) {
    // Okabe-Ito colours: distinguishable with colour-blindness.
    const QColor blue(0, 114, 178), orange(230, 159, 0), green(0, 158, 115), purple(204, 121, 167);
    m_losses = makePlot(QStringLiteral("lossPlot"), tr("Losses"), tr("loss per image"),
                        {{tr("reconstruction E1"), blue}, {tr("clustering E2 (right axis)"), orange}, {tr("total"), Qt::black}},
                        font());
    m_metrics = makePlot(QStringLiteral("metricPlot"), tr("Clustering quality"), tr("score"),
                         {{tr("ACC"), blue}, {tr("NMI (arithmetic)"), green}, {tr("ARI"), purple}}, font());
    m_metrics->yAxis->setRange(0, 1);
    // E2 is often a hundred times smaller than E1: it gets the right-hand axis of its own.
    m_losses->yAxis2->setVisible(true);
    m_losses->yAxis2->setLabel(tr("clustering E2"));
    m_losses->graph(1)->setValueAxis(m_losses->yAxis2);
    m_metrics->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_losses);
    layout->addWidget(m_metrics);
}

void TrainingCurvesView::clear() {
    for (auto* plot : {m_losses, m_metrics}) {
        for (int i = 0; i < plot->graphCount(); ++i) plot->graph(i)->data()->clear();
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void TrainingCurvesView::setHistory(const std::vector<dcs::train::EpochMetrics>& history) {
    QVector<double> epochs, e1, e2, total, accEpochs, acc, nmi, ari;
    for (const auto& m : history) {
        epochs << m.epoch;
        e1 << m.reconstructionLoss;
        e2 << m.clusteringLoss;
        total << m.totalLoss;
        if (m.acc && m.nmi && m.ari) {
            accEpochs << m.epoch;
            acc << *m.acc;
            nmi << *m.nmi;
            ari << *m.ari;
        }
    }
    m_losses->graph(0)->setData(epochs, e1, true);
    m_losses->graph(1)->setData(epochs, e2, true);
    m_losses->graph(2)->setData(epochs, total, true);
    m_metrics->graph(0)->setData(accEpochs, acc, true);
    m_metrics->graph(1)->setData(accEpochs, nmi, true);
    m_metrics->graph(2)->setData(accEpochs, ari, true);
    const double lastEpoch = epochs.isEmpty() ? 1.0 : epochs.back();
    m_losses->rescaleAxes();
    m_losses->yAxis->setRangeLower(0);
    m_losses->yAxis2->setRangeLower(0);
    if (m_losses->yAxis2->range().upper <= 0) m_losses->yAxis2->setRangeUpper(1);
    m_losses->xAxis->setRange(0.5, std::max(2.0, lastEpoch + 0.5));
    m_metrics->xAxis->setRange(0.5, std::max(2.0, lastEpoch + 0.5));
    m_losses->replot(QCustomPlot::rpQueuedReplot);
    m_metrics->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace dcs::ui
