#pragma once
// Every filter of every prunable conv at the pruning step: layers (rows, conv1 on top) x filters
// (columns), coloured by the criterion's score scaled from the layer's lowest (0) to its highest
// (1). Kept filters are drawn in viridis, removed ones in vermillion. Clicking a cell chooses that
// filter (for the inspector); the chosen one is outlined.

#include <QWidget>

#include <vector>

#include "dcs/train/filter_prune_snapshot.h"

class QCustomPlot;
class QCPColorMap;
class QCPItemRect;
class QLabel;
class QMouseEvent;

namespace dcs::ui {

class RelevanceHeatmapView : public QWidget {
    Q_OBJECT
public:
    explicit RelevanceHeatmapView(QWidget* parent = nullptr);
    void setLayers(const std::vector<dcs::train::FilterLayerState>& layers, const QString& criterion);
    void clear();
    // Outlines the cell and emits filterChosen; false when there is no such filter.
    bool chooseFilter(int layer, int filter);
    QCustomPlot* plot() const { return m_plot; }
    // The value drawn for a filter (NaN when blank): kept = true reads the kept map, false the removed one.
    double cellValue(int layer, int filter, bool kept) const;
    int layerCount() const { return static_cast<int>(m_layers.size()); }

Q_SIGNALS:
    void filterChosen(int layer, int filter);

private:
    void onClick(QMouseEvent* event);

    QLabel* m_caption;
    QCustomPlot* m_plot;
    QCPColorMap* m_kept;
    QCPColorMap* m_removed;
    QCPItemRect* m_choice;
    std::vector<dcs::train::FilterLayerState> m_layers;
};

}  // namespace dcs::ui
