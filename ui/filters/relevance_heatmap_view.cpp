#include "ui/filters/relevance_heatmap_view.h"

#include <QLabel>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "ui/plot/kept_removed_maps.h"
#include "ui/plot/plot_title.h"

namespace dcs::ui {

RelevanceHeatmapView::RelevanceHeatmapView(QWidget* parent)
    : QWidget(parent), m_caption(new QLabel), m_plot(new QCustomPlot) {
    m_caption->setObjectName(QStringLiteral("relevanceCaption"));
    m_caption->setWordWrap(true);
    m_plot->setObjectName(QStringLiteral("relevancePlot"));
    addPlotTitle(m_plot, tr("Filter scores at the pruning step"));
    m_plot->xAxis->setLabel(tr("filter"));
    m_plot->yAxis->setLabel(tr("layer"));
    m_plot->yAxis->setRangeReversed(true);  // conv1 on top
    m_plot->axisRect()->setBackground(QColor(250, 250, 250));
    m_kept = addMaskedColorMap(m_plot, viridisGradient());
    m_removed = addMaskedColorMap(m_plot, vermillionGradient());
    auto* scale = new QCPColorScale(m_plot);
    m_plot->plotLayout()->addElement(1, 1, scale);
    scale->setLabel(tr("score, lowest to highest of the layer"));
    scale->setGradient(viridisGradient());
    scale->setDataRange(QCPRange(0.0, 1.0));
    auto* margins = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_choice = new QCPItemRect(m_plot);
    m_choice->setPen(QPen(Qt::black, 2));
    m_choice->setVisible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_caption);
    layout->addWidget(m_plot, 1);
    connect(m_plot, &QCustomPlot::mousePress, this, &RelevanceHeatmapView::onClick);
    clear();
}

void RelevanceHeatmapView::clear() {
    m_layers.clear();
    m_kept->data()->clear();
    m_removed->data()->clear();
    m_choice->setVisible(false);
    m_caption->setText(tr("No pruning step yet: the filters are scored once the dense net is trained."));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void RelevanceHeatmapView::setLayers(const std::vector<dcs::train::FilterLayerState>& layers, const QString& criterion) {
    m_layers = layers;
    if (layers.empty()) {
        clear();
        return;
    }
    int widest = 1;
    for (const auto& layer : layers) widest = std::max(widest, static_cast<int>(layer.filters));
    const int rows = static_cast<int>(layers.size());
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (auto* map : {m_kept, m_removed}) {
        map->data()->setSize(widest, rows);
        map->data()->setRange(QCPRange(0, widest - 1), QCPRange(0, rows - 1));
        map->data()->fill(nan);
    }
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    int kept = 0, total = 0;
    for (int l = 0; l < rows; ++l) {
        const auto& layer = layers[static_cast<size_t>(l)];
        ticker->addTick(l, QString::fromStdString(layer.name));
        // Scores differ in scale between layers (votes grow with the probe, APoZ is negative):
        // each layer runs from its lowest to its highest.
        const auto [low, high] = std::minmax_element(layer.scores.begin(), layer.scores.end());
        const double lowest = low == layer.scores.end() ? 0.0 : *low;
        const double span = low == layer.scores.end() || *high <= *low ? 1.0 : *high - *low;
        for (size_t f = 0; f < layer.scores.size(); ++f) {
            const bool stays = f < layer.kept.size() && layer.kept[f];
            (stays ? m_kept : m_removed)->data()->setCell(static_cast<int>(f), l, (layer.scores[f] - lowest) / span);
            kept += stays ? 1 : 0;
            ++total;
        }
    }
    m_plot->yAxis->setTicker(ticker);
    m_plot->xAxis->setRange(-0.5, widest - 0.5);
    m_plot->yAxis->setRange(-0.5, rows - 0.5);
    m_caption->setText(tr("%1: %2 of %3 filters kept in %4 layers. Viridis: kept; vermillion: removed. Click a "
                          "filter to see the images it aligns with best.")
                           .arg(criterion)
                           .arg(kept)
                           .arg(total)
                           .arg(rows));
    m_choice->setVisible(false);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

double RelevanceHeatmapView::cellValue(int layer, int filter, bool kept) const {
    auto* data = (kept ? m_kept : m_removed)->data();
    if (layer < 0 || filter < 0 || filter >= data->keySize() || layer >= data->valueSize())
        return std::numeric_limits<double>::quiet_NaN();
    return data->cell(filter, layer);
}

bool RelevanceHeatmapView::chooseFilter(int layer, int filter) {
    if (layer < 0 || layer >= layerCount() || filter < 0 || filter >= m_layers[static_cast<size_t>(layer)].filters) return false;
    m_choice->topLeft->setCoords(filter - 0.5, layer - 0.5);
    m_choice->bottomRight->setCoords(filter + 0.5, layer + 0.5);
    m_choice->setVisible(true);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT filterChosen(layer, filter);
    return true;
}

void RelevanceHeatmapView::onClick(QMouseEvent* event) {
    const int filter = static_cast<int>(std::lround(m_plot->xAxis->pixelToCoord(event->position().x())));
    const int layer = static_cast<int>(std::lround(m_plot->yAxis->pixelToCoord(event->position().y())));
    chooseFilter(layer, filter);
}

}  // namespace dcs::ui
