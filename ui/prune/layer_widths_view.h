#pragma once
// Units per layer before pruning and alive now, side by side, with the weights in use.

#include <QWidget>

#include <vector>

#include "dcs/train/prune_snapshot.h"

class QCustomPlot;
class QCPBars;

namespace dcs::ui {

class LayerWidthsView : public QWidget {
    Q_OBJECT
public:
    explicit LayerWidthsView(QWidget* parent = nullptr);
    void setSnapshot(const dcs::train::PruneSnapshot& snapshot);
    void clear();
    QCustomPlot* plot() const { return m_plot; }
    // The bars' heights, for tests.
    std::vector<double> widthsBefore() const;
    std::vector<double> widthsNow() const;

private:
    QCustomPlot* m_plot;
    QCPBars* m_before;
    QCPBars* m_now;
};

}  // namespace dcs::ui
