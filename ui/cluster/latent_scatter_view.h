#pragma once
// The latent space: the 2-D PCA projection of the codes of a fixed sample, one QCPGraph per
// cluster (or per true label) drawn with a pre-rendered pixmap marker, which QCustomPlot paints
// about ten times faster than vector markers; cluster centres as crosses. Drag to pan, wheel to zoom.

#include <QWidget>

#include "dcs/train/snapshot.h"
#include "ui/data/dataset_ptr.h"

class QCustomPlot;
class QCheckBox;
class QLabel;
class QMouseEvent;

namespace dcs::ui {

class LatentScatterView : public QWidget {
    Q_OBJECT
public:
    explicit LatentScatterView(QWidget* parent = nullptr);
    void setSnapshot(const dcs::train::ClusterSnapshot& snapshot);
    void clear();
    void setColorByLabel(bool byLabel);
    // The images the snapshot's ids refer to, shown when the pointer rests on a point.
    void setDataset(DatasetPtr dataset) { m_dataset = std::move(dataset); }
    // The sample index under a widget position of the plot (-1: none within a few pixels).
    int pointAt(const QPoint& position) const;
    QLabel* hoverLabel() const { return m_hover; }
    // Selects the points inside a rectangle of widget pixels (Shift + drag does this), shows their
    // images under the plot and returns their sample ids.
    std::vector<int64_t> selectInRect(const QRect& pixels);
    class ImageRowsView* selectionView() const { return m_selection; }
    QCustomPlot* plot() const { return m_plot; }
    // Points drawn in the last update (for tests and benchmarks).
    int pointCount() const { return m_pointCount; }

private:
    void redraw();
    void showHover(QMouseEvent* event);

    QCustomPlot* m_plot;
    QCheckBox* m_byLabel;
    QLabel* m_hover;
    DatasetPtr m_dataset;
    class ImageRowsView* m_selection;
    dcs::train::ClusterSnapshot m_snapshot;
    bool m_hasSnapshot = false;
    bool m_userMoved = false;  // the user panned or zoomed: keep their view
    int m_pointCount = 0;
};

}  // namespace dcs::ui
