#include "ui/filters/filter_curves_view.h"

#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <limits>

#include "ui/plot/plot_title.h"

namespace dcs::ui {

FilterCurvesView::FilterCurvesView(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot) {
    m_plot->setObjectName(QStringLiteral("filterCurvesPlot"));
    addPlotTitle(m_plot, tr("Accuracy: dense training, pruning, fine-tuning"));
    m_plot->xAxis->setLabel(tr("epoch"));
    m_plot->yAxis->setLabel(tr("accuracy"));
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(QFont(font().family(), 8));
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    auto epochTicker = QSharedPointer<QCPAxisTickerFixed>::create();
    epochTicker->setTickStep(1.0);
    epochTicker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_plot->xAxis->setTicker(epochTicker);
    m_plot->yAxis->setRange(0.0, 1.0);  // an accuracy, also before the first epoch
    // Okabe-Ito colours: distinguishable with colour-blindness.
    const QList<QPair<QString, QColor>> series{{tr("train"), QColor(230, 159, 0)},
                                               {tr("validation"), QColor(86, 180, 233)},
                                               {tr("test"), QColor(0, 114, 178)}};
    for (const auto& [name, color] : series) {
        auto* graph = m_plot->addGraph();
        graph->setName(name);
        graph->setPen(QPen(color, 2));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, color, color, 4));
    }
    auto* pruned = m_plot->addGraph();
    pruned->setName(tr("test, just pruned"));
    pruned->setLineStyle(QCPGraph::lsNone);
    pruned->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, QColor(213, 94, 0), QColor(213, 94, 0), 9));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
}

void FilterCurvesView::clear() {
    for (int i = 0; i < m_plot->graphCount(); ++i) m_plot->graph(i)->data()->clear();
    m_plot->clearItems();
    m_plot->yAxis->setRange(0.0, 1.0);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void FilterCurvesView::setSnapshot(const dcs::train::FilterPruneSnapshot& s) {
    QVector<double> x, train, validation, test;
    double lowest = 1.0;
    int denseEpochs = 0;
    const double gap = std::numeric_limits<double>::quiet_NaN();
    for (const auto& m : s.history) {
        if (m.phase == "train") denseEpochs = m.epoch;
        if (m.phase == "finetune" && m.epoch == 1) {
            // A NaN point breaks the lines: the pruned net is another net, not the next epoch.
            x << denseEpochs + 0.5;
            train << gap;
            validation << gap;
            test << gap;
        }
        x << (m.phase == "train" ? m.epoch : denseEpochs + m.epoch);
        train << m.trainAccuracy;
        validation << m.validationAccuracy;
        test << m.testAccuracy;
        lowest = std::min({lowest, m.trainAccuracy, m.validationAccuracy, m.testAccuracy});
    }
    m_plot->graph(0)->setData(x, train, true);
    m_plot->graph(1)->setData(x, validation, true);
    m_plot->graph(2)->setData(x, test, true);
    m_plot->graph(3)->data()->clear();
    m_plot->clearItems();
    if (s.summary.prunedAccuracy >= 0.0) {
        // The pruned net sits between the last dense epoch and the first fine-tuning epoch.
        const double at = denseEpochs + 0.5;
        m_plot->graph(3)->addData(at, s.summary.prunedAccuracy);
        lowest = std::min(lowest, s.summary.prunedAccuracy);
        auto* line = new QCPItemStraightLine(m_plot);
        line->point1->setCoords(at, 0.0);
        line->point2->setCoords(at, 1.0);
        line->setPen(QPen(QColor(120, 120, 120), 1, Qt::DashLine));
        auto* label = new QCPItemText(m_plot);
        label->position->setCoords(at, 1.0);
        label->setPositionAlignment(Qt::AlignTop | Qt::AlignLeft);
        label->setText(tr(" pruned (%1)").arg(QString::fromStdString(s.criterion)));
        label->setColor(QColor(90, 90, 90));
    }
    const double lastEpoch = x.isEmpty() ? 1.0 : x.back();
    m_plot->xAxis->setRange(0.5, std::max(lastEpoch, static_cast<double>(s.epochs + s.finetuneEpochs)) + 0.5);
    m_plot->yAxis->setRange(std::max(0.0, lowest - 0.05), 1.0);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace dcs::ui
