#include "ui/cluster/training_curves_view.h"

#include <QHBoxLayout>
#include <qcustomplot.h>

#include "ui/plot/plot_title.h"

namespace dcs::ui {
namespace {

QCustomPlot* makePlot(const QString& objectName, const QString& title, const QString& yLabel,
                      const QList<QPair<QString, QColor>>& series, const QFont& font) {
    auto* plot = new QCustomPlot;
    plot->setObjectName(objectName);
    addPlotTitle(plot, title);
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
    auto* e3 = m_losses->addGraph(m_losses->xAxis, m_losses->yAxis2);
    e3->setName(tr("supervision E3 (right axis)"));
    e3->setPen(QPen(green, 2));
    e3->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, green, green, 4));
    e3->setVisible(false);
    e3->removeFromLegend();
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

namespace {

struct Series {
    QVector<double> epochs, e1, e2, e3, total, scoreEpochs, acc, nmi, ari;
    bool supervised = false;
    explicit Series(const std::vector<dcs::train::EpochMetrics>& history) {
        for (const auto& m : history) {
            epochs << m.epoch;
            e1 << m.reconstructionLoss;
            e2 << m.clusteringLoss;
            e3 << m.supervisionLoss;
            supervised = supervised || m.supervisionLoss > 0.0;
            total << m.totalLoss;
            if (m.acc && m.nmi && m.ari) {
                scoreEpochs << m.epoch;
                acc << *m.acc;
                nmi << *m.nmi;
                ari << *m.ari;
            }
        }
    }
};

// Graphs 0-2 of each plot are the run (the loss plot adds E3 as graph 3); the next three, created on
// first use, its dashed comparison.
int comparisonFirst(const QCustomPlot* plot) { return plot->objectName() == QLatin1String("lossPlot") ? 4 : 3; }

void fill(QCustomPlot* plot, int first, const QVector<double>& x, const QVector<double>& a, const QVector<double>& b,
          const QVector<double>& c) {
    plot->graph(first)->setData(x, a, true);
    plot->graph(first + 1)->setData(x, b, true);
    plot->graph(first + 2)->setData(x, c, true);
}

void ensureComparisonGraphs(QCustomPlot* plot) {
    if (plot->graphCount() >= comparisonFirst(plot) + 3) return;
    for (int i = 0; i < 3; ++i) {
        auto* source = plot->graph(i);
        auto* graph = plot->addGraph(source->keyAxis(), source->valueAxis());
        QPen pen = source->pen();
        pen.setStyle(Qt::DashLine);
        graph->setPen(pen);
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssTriangle, pen.color(), pen.color(), 5));
    }
}

}  // namespace

void TrainingCurvesView::setHistory(const std::vector<dcs::train::EpochMetrics>& history,
                                    const std::vector<dcs::train::EpochMetrics>& comparison, const QString& name,
                                    const QString& comparisonName) {
    const Series run(history);
    fill(m_losses, 0, run.epochs, run.e1, run.e2, run.total);
    // E3 (supervision) only when the run has one; on the right axis, beside E2.
    auto* e3 = m_losses->graph(3);
    e3->setData(run.epochs, run.e3, true);
    e3->setVisible(run.supervised);
    if (run.supervised) e3->addToLegend();
    else e3->removeFromLegend();
    fill(m_metrics, 0, run.scoreEpochs, run.acc, run.nmi, run.ari);
    const QStringList lossNames{tr("reconstruction E1"), tr("clustering E2 (right axis)"), tr("total")};
    const QStringList scoreNames{tr("ACC"), tr("NMI (arithmetic)"), tr("ARI")};
    double lastEpoch = run.epochs.isEmpty() ? 1.0 : run.epochs.back();
    const bool comparing = !comparison.empty();
    for (auto* plot : {m_losses, m_metrics}) {
        if (comparing) ensureComparisonGraphs(plot);
        for (int i = comparisonFirst(plot); i < plot->graphCount(); ++i) {
            plot->graph(i)->setVisible(comparing);
            if (!comparing) plot->graph(i)->removeFromLegend();
        }
    }
    // Comparing: short names in a legend of two columns (one per run) so it covers little of the plot.
    const QStringList shortLoss{tr("E1"), tr("E2 (right)"), tr("total")}, shortScore{tr("ACC"), tr("NMI"), tr("ARI")};
    for (auto* plot : {m_losses, m_metrics}) {
        plot->legend->setFillOrder(QCPLegend::foRowsFirst);
        plot->legend->setWrap(comparing ? 3 : 0);
        plot->legend->setFillOrder(QCPLegend::foRowsFirst, true);
    }
    for (int i = 0; i < 3; ++i) {
        m_losses->graph(i)->setName(comparing ? QStringLiteral("%1 · %2").arg(shortLoss[i], name) : lossNames[i]);
        m_metrics->graph(i)->setName(comparing ? QStringLiteral("%1 · %2").arg(shortScore[i], name) : scoreNames[i]);
    }
    if (comparing) {
        const Series other(comparison);
        const int lossFirst = comparisonFirst(m_losses), metricFirst = comparisonFirst(m_metrics);
        fill(m_losses, lossFirst, other.epochs, other.e1, other.e2, other.total);
        fill(m_metrics, metricFirst, other.scoreEpochs, other.acc, other.nmi, other.ari);
        for (int i = 0; i < 3; ++i) {
            m_losses->graph(lossFirst + i)->setName(QStringLiteral("%1 · %2").arg(shortLoss[i], comparisonName));
            m_metrics->graph(metricFirst + i)->setName(QStringLiteral("%1 · %2").arg(shortScore[i], comparisonName));
            m_losses->graph(lossFirst + i)->addToLegend();
            m_metrics->graph(metricFirst + i)->addToLegend();
        }
        if (!other.epochs.isEmpty()) lastEpoch = std::max(lastEpoch, other.epochs.back());
    }
    m_losses->rescaleAxes(true);
    m_losses->yAxis->setRangeLower(0);
    m_losses->yAxis2->setRangeLower(0);
    if (m_losses->yAxis2->range().upper <= 0) m_losses->yAxis2->setRangeUpper(1);
    m_losses->xAxis->setRange(0.5, std::max(2.0, lastEpoch + 0.5));
    m_metrics->xAxis->setRange(0.5, std::max(2.0, lastEpoch + 0.5));
    m_losses->replot(QCustomPlot::rpQueuedReplot);
    m_metrics->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace dcs::ui
