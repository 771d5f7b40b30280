#pragma once
// Accuracy through a filter-pruning run: train, validation and test accuracy per epoch of the
// dense net, then of the pruned net while it is fine-tuned; a dashed line marks the pruning step
// and a diamond the test accuracy right after it (before fine-tuning).

#include <QWidget>

#include "dcs/train/filter_prune_snapshot.h"

class QCustomPlot;

namespace dcs::ui {

class FilterCurvesView : public QWidget {
    Q_OBJECT
public:
    explicit FilterCurvesView(QWidget* parent = nullptr);
    void setSnapshot(const dcs::train::FilterPruneSnapshot& snapshot);
    void clear();
    QCustomPlot* plot() const { return m_plot; }

private:
    QCustomPlot* m_plot;
};

}  // namespace dcs::ui
