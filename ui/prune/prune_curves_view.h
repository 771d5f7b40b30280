#pragma once
// The pruning run per epoch: train / validation / test accuracy (left axis) and the weights still
// in use as a percentage of the dense net (right axis); a dashed line marks every pruning event. With
// a dense baseline, also the test accuracy of the dense net trained with the same settings, dashed.

#include <QWidget>

#include <vector>

#include "dcs/train/prune_snapshot.h"

class QCustomPlot;

namespace dcs::ui {

class PruneCurvesView : public QWidget {
    Q_OBJECT
public:
    explicit PruneCurvesView(QWidget* parent = nullptr);
    // denseHistory: the dense baseline's epochs (may be empty); denseParameters: the dense net's weights.
    void setHistory(const std::vector<dcs::train::PruneEpochMetrics>& history,
                    const std::vector<dcs::train::PruneEpochMetrics>& denseHistory, int64_t denseParameters);
    void clear();
    QCustomPlot* plot() const { return m_plot; }

private:
    QCustomPlot* m_plot;
};

}  // namespace dcs::ui
