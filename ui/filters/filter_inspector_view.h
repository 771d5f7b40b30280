#pragma once
// One filter up close: the probe images its feature map aligns with best, each shown twice side by
// side: with the filter's upsampled map laid over it, and with the image's Grad-CAM map and its
// thresholded mask (outlined) laid over it, with the alignment (mean response in the mask, or IoU). Filled for the
// relevance criterion.

#include <QImage>
#include <QWidget>

#include <memory>
#include <vector>

#include "dcs/train/filter_prune_snapshot.h"

class QGridLayout;
class QLabel;

namespace dcs::ui {

class FilterInspectorView : public QWidget {
    Q_OBJECT
public:
    explicit FilterInspectorView(QWidget* parent = nullptr);
    void setInspection(std::shared_ptr<const dcs::train::FilterInspection> inspection, const QStringList& layerNames);
    void clear();
    // Shows this filter; false (and a message) when there is nothing to show for it.
    bool showFilter(int layer, int filter);
    // The pictures now shown, filter map and Grad-CAM alternating (for tests and export).
    const std::vector<QImage>& pictures() const { return m_pictures; }
    QString caption() const;

private:
    void clearPictures();

    QLabel* m_caption;
    QGridLayout* m_grid;
    QWidget* m_gridHost;
    std::shared_ptr<const dcs::train::FilterInspection> m_inspection;
    QStringList m_layerNames;
    std::vector<QImage> m_pictures;
};

}  // namespace dcs::ui
