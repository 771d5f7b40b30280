#include "ui/prune/layer_widths_view.h"

#include <QLocale>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include "ui/plot/plot_title.h"

namespace dcs::ui {
namespace {

std::vector<double> heights(const QCPBars* bars) {
    std::vector<double> values;
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it) values.push_back(it->value);
    return values;
}

}  // namespace

LayerWidthsView::LayerWidthsView(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot) {
    m_plot->setObjectName(QStringLiteral("widthsPlot"));
    addPlotTitle(m_plot, tr("Units per layer"));
    m_plot->yAxis->setLabel(tr("units"));
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(QFont(font().family(), 8));
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    auto* group = new QCPBarsGroup(m_plot);
    m_before = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_before->setName(tr("before pruning"));
    m_before->setBrush(QColor(200, 200, 200));
    m_before->setPen(QPen(QColor(150, 150, 150)));
    m_now = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_now->setName(tr("alive now"));
    m_now->setBrush(QColor(49, 104, 142));  // viridis blue
    m_now->setPen(Qt::NoPen);
    for (auto* bars : {m_before, m_now}) {
        bars->setWidth(0.35);
        bars->setBarsGroup(group);
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
}

void LayerWidthsView::clear() {
    m_before->data()->clear();
    m_now->data()->clear();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LayerWidthsView::setSnapshot(const dcs::train::PruneSnapshot& snapshot) {
    QVector<double> keys, before, now;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    double highest = 1.0;
    for (size_t l = 0; l < snapshot.layers.size(); ++l) {
        const auto& layer = snapshot.layers[l];
        int64_t alive = 0;
        for (const auto a : layer.aliveMask) alive += a;
        keys << static_cast<double>(l);
        before << static_cast<double>(layer.units);
        now << static_cast<double>(alive);
        highest = std::max(highest, static_cast<double>(layer.units));
        ticker->addTick(static_cast<double>(l), QString::fromStdString(layer.name) +
                                                    (layer.prunable ? QString() : tr("\n(not pruned)")));
    }
    m_before->setData(keys, before, true);
    m_now->setData(keys, now, true);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setRange(-0.6, static_cast<double>(snapshot.layers.size()) - 0.4);
    m_plot->yAxis->setRange(0, highest * 1.15);
    const QLocale locale;
    m_now->setName(tr("alive now (%1 weights, %2% of %3)")
                       .arg(locale.toString(static_cast<qlonglong>(snapshot.metrics.parameters)))
                       .arg(100.0 * static_cast<double>(snapshot.metrics.parameters) /
                                static_cast<double>(std::max<int64_t>(1, snapshot.denseParameters)),
                            0, 'f', 1)
                       .arg(locale.toString(static_cast<qlonglong>(snapshot.denseParameters))));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

std::vector<double> LayerWidthsView::widthsBefore() const { return heights(m_before); }
std::vector<double> LayerWidthsView::widthsNow() const { return heights(m_now); }

}  // namespace dcs::ui
