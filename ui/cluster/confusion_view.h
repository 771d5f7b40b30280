#pragma once
// The confusion between clusters and true labels: a cluster x label heatmap of counts (viridis,
// readable with colour-blindness), the count written in each cell.

#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <vector>

class QCustomPlot;
class QCPColorMap;

namespace dcs::ui {

class ConfusionView : public QWidget {
    Q_OBJECT
public:
    explicit ConfusionView(QWidget* parent = nullptr);
    // counts[cluster][label]; labels names the columns.
    void setConfusion(const std::vector<std::vector<int64_t>>& counts, const QStringList& labels);
    void clear();
    QCustomPlot* plot() const { return m_plot; }
    int64_t cellCount() const { return m_cells; }

private:
    QCustomPlot* m_plot;
    QCPColorMap* m_map;
    int64_t m_cells = 0;
};

}  // namespace dcs::ui
