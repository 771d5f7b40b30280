#pragma once
// Training curves: the reconstruction, clustering and total loss per epoch (left), and ACC, NMI and
// ARI per epoch when the data set has labels (right).

#include <QWidget>

#include <vector>

#include "dcs/train/snapshot.h"

class QCustomPlot;

namespace dcs::ui {

class TrainingCurvesView : public QWidget {
    Q_OBJECT
public:
    explicit TrainingCurvesView(QWidget* parent = nullptr);
    // Redraws the curves from every epoch's numbers; a second history, when given, is overlaid in
    // dashed lines for comparison, the two named in the legend.
    void setHistory(const std::vector<dcs::train::EpochMetrics>& history,
                    const std::vector<dcs::train::EpochMetrics>& comparison = {}, const QString& name = {},
                    const QString& comparisonName = {});
    void clear();
    QCustomPlot* lossPlot() const { return m_losses; }
    QCustomPlot* metricPlot() const { return m_metrics; }

private:
    QCustomPlot* m_losses;
    QCustomPlot* m_metrics;
};

}  // namespace dcs::ui
