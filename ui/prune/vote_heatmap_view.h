#pragma once
// The pruning decisions of one layer: units (rows) x pruning events (columns), coloured by the
// unit's score at that event, scaled from the event's lowest (0) to its highest (1). Units that stayed are drawn
// in viridis, units that the event removed in orange, and units removed earlier are left blank.

#include <QWidget>

#include <optional>

#include "dcs/train/prune_snapshot.h"

class QComboBox;
class QCustomPlot;
class QCPColorMap;
class QLabel;

namespace dcs::ui {

class VoteHeatmapView : public QWidget {
    Q_OBJECT
public:
    explicit VoteHeatmapView(QWidget* parent = nullptr);
    void setSnapshot(const dcs::train::PruneSnapshot& snapshot);
    void clear();
    // Shows the layer with this name ("fc1", ...); false when the snapshot has none.
    bool showLayer(const QString& name);
    QString currentLayer() const;
    QCustomPlot* plot() const { return m_plot; }
    // The value drawn for a unit at an event (NaN when blank), for tests: kept = true reads the
    // kept map, false the removed map.
    double cellValue(int event, int unit, bool kept) const;

private:
    void draw();

    QComboBox* m_layer;
    QLabel* m_caption;
    QCustomPlot* m_plot;
    QCPColorMap* m_kept;
    QCPColorMap* m_removed;
    std::optional<dcs::train::PruneSnapshot> m_snapshot;
};

}  // namespace dcs::ui
