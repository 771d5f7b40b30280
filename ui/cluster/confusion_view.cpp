#include "ui/cluster/confusion_view.h"

#include <QVBoxLayout>
#include <qcustomplot.h>

#include "ui/plot/plot_title.h"

#include "ui/plot/viridis.h"

namespace dcs::ui {
namespace {

QSharedPointer<QCPAxisTickerText> textTicker(const QStringList& names) {
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < names.size(); ++i) ticker->addTick(i, names[i]);
    return ticker;
}

}  // namespace

ConfusionView::ConfusionView(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot) {
    m_plot->setObjectName(QStringLiteral("confusionPlot"));
    addPlotTitle(m_plot, tr("Clusters against true labels (counts)"));
    m_plot->xAxis->setLabel(tr("true label"));
    m_plot->yAxis->setLabel(tr("cluster"));
    m_plot->yAxis->setRangeReversed(true);  // cluster 0 on top, as in a table
    m_map = new QCPColorMap(m_plot->xAxis, m_plot->yAxis);
    m_map->setInterpolate(false);
    auto* scale = new QCPColorScale(m_plot);
    m_plot->plotLayout()->addElement(1, 1, scale);
    scale->setLabel(tr("images"));
    m_map->setColorScale(scale);
    // Set after the colour scale is attached: attaching copies the scale's default gradient to the map.
    scale->setGradient(viridisGradient());
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
}

void ConfusionView::clear() {
    m_plot->clearItems();
    m_map->data()->clear();
    m_cells = 0;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ConfusionView::setConfusion(const std::vector<std::vector<int64_t>>& counts, const QStringList& labels) {
    m_plot->clearItems();
    const int clusters = static_cast<int>(counts.size());
    const int columns = clusters > 0 ? static_cast<int>(counts.front().size()) : 0;
    m_cells = static_cast<int64_t>(clusters) * columns;
    if (m_cells == 0) {
        clear();
        return;
    }
    m_map->data()->setSize(columns, clusters);
    m_map->data()->setRange(QCPRange(0, columns - 1), QCPRange(0, clusters - 1));
    int64_t largest = 1;
    for (int k = 0; k < clusters; ++k)
        for (int c = 0; c < columns; ++c) {
            const auto count = counts[static_cast<size_t>(k)][static_cast<size_t>(c)];
            m_map->data()->setCell(c, k, static_cast<double>(count));
            largest = std::max(largest, count);
        }
    m_map->setDataRange(QCPRange(0, static_cast<double>(largest)));
    if (m_cells <= 400) {  // numbers in the cells while they stay legible
        for (int k = 0; k < clusters; ++k)
            for (int c = 0; c < columns; ++c) {
                const auto count = counts[static_cast<size_t>(k)][static_cast<size_t>(c)];
                auto* text = new QCPItemText(m_plot);
                text->position->setCoords(c, k);
                text->setText(QString::number(count));
                text->setFont(QFont(font().family(), 7));
                text->setColor(static_cast<double>(count) > 0.6 * static_cast<double>(largest) ? Qt::black : Qt::white);
            }
    }
    QStringList clusterNames;
    for (int k = 0; k < clusters; ++k) clusterNames << QString::number(k);
    QStringList columnNames = labels;
    while (columnNames.size() < columns) columnNames << QString::number(columnNames.size());
    m_plot->xAxis->setTicker(textTicker(columnNames));
    m_plot->yAxis->setTicker(textTicker(clusterNames));
    m_plot->xAxis->setTickLabelRotation(columns > 6 ? -35 : 0);
    m_plot->xAxis->setRange(-0.5, columns - 0.5);
    m_plot->yAxis->setRange(-0.5, clusters - 0.5);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace dcs::ui
