#include "ui/filters/filter_inspector_view.h"

#include <QGridLayout>
#include <QLabel>
#include <QPixmap>
#include <QScrollArea>
#include <QVBoxLayout>

#include "dcs/io/heatmap_overlay.h"

namespace dcs::ui {
namespace {

constexpr int kScale = 4;  // 28 px images shown at 112 px

QImage rgbImage(const std::vector<uint8_t>& bytes, int width, int height) {
    return QImage(bytes.data(), width, height, 3 * width, QImage::Format_RGB888).copy();
}

}  // namespace

FilterInspectorView::FilterInspectorView(QWidget* parent)
    : QWidget(parent), m_caption(new QLabel), m_grid(new QGridLayout), m_gridHost(new QWidget) {
    m_caption->setObjectName(QStringLiteral("inspectorCaption"));
    m_caption->setWordWrap(true);
    m_gridHost->setLayout(m_grid);
    auto* scroll = new QScrollArea;
    scroll->setWidget(m_gridHost);
    scroll->setWidgetResizable(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_caption);
    layout->addWidget(scroll, 1);
    clear();
}

void FilterInspectorView::clearPictures() {
    while (auto* item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_pictures.clear();
}

void FilterInspectorView::clear() {
    m_inspection.reset();
    m_layerNames.clear();
    clearPictures();
    m_caption->setText(tr("Choose a filter in the heatmap above to see where it fires and where Grad-CAM looks."));
}

QString FilterInspectorView::caption() const { return m_caption->text(); }

void FilterInspectorView::setInspection(std::shared_ptr<const dcs::train::FilterInspection> inspection,
                                        const QStringList& layerNames) {
    clear();
    m_inspection = std::move(inspection);
    m_layerNames = layerNames;
    if (!m_inspection)
        m_caption->setText(tr("The images behind each filter's score are shown for the relevance criterion."));
}

bool FilterInspectorView::showFilter(int layer, int filter) {
    clearPictures();
    if (!m_inspection || layer < 0 || layer >= static_cast<int>(m_inspection->layers.size()) || filter < 0 ||
        filter >= static_cast<int>(m_inspection->layers[static_cast<size_t>(layer)].size())) {
        m_caption->setText(m_inspection ? tr("No such filter.")
                                        : tr("The images behind each filter's score are shown for the relevance criterion."));
        return false;
    }
    const auto& in = *m_inspection;
    const auto& chosen = in.layers[static_cast<size_t>(layer)][static_cast<size_t>(filter)];
    const int height = static_cast<int>(in.height), width = static_cast<int>(in.width), channels = static_cast<int>(in.channels);
    const size_t pixels = static_cast<size_t>(height * width);
    dcs::io::OverlayOptions options;
    options.scale = kScale;
    // One column per image: its alignment, the filter's map over it, Grad-CAM over it.
    m_grid->addWidget(new QLabel(tr("<b>Filter's feature map</b>")), 1, 0, Qt::AlignRight | Qt::AlignVCenter);
    m_grid->addWidget(new QLabel(tr("<b>Grad-CAM, mask outlined</b>")), 2, 0, Qt::AlignRight | Qt::AlignVCenter);
    for (size_t t = 0; t < chosen.images.size(); ++t) {
        const auto image = static_cast<size_t>(chosen.images[t]);
        const float* pixelsOf = in.images.data() + image * pixels * static_cast<size_t>(channels);
        const auto filterPicture = rgbImage(
            dcs::io::heatmapOverlay(pixelsOf, channels, height, width, chosen.maps.data() + t * pixels, nullptr, options),
            width * kScale, height * kScale);
        const auto camPicture = rgbImage(dcs::io::heatmapOverlay(pixelsOf, channels, height, width,
                                                                 in.camMaps.data() + image * pixels,
                                                                 in.semanticMasks.data() + image * pixels, options),
                                         width * kScale, height * kScale);
        m_pictures.push_back(filterPicture);
        m_pictures.push_back(camPicture);
        const int column = static_cast<int>(t) + 1;
        const QString measure = in.alignment == "iou" ? tr("IoU %1") : tr("response %1");
        m_grid->addWidget(new QLabel(measure.arg(chosen.alignment[t], 0, 'f', 3)), 0, column, Qt::AlignCenter);
        for (int row = 1; row <= 2; ++row) {
            auto* label = new QLabel;
            label->setPixmap(QPixmap::fromImage(row == 1 ? filterPicture : camPicture));
            m_grid->addWidget(label, row, column, Qt::AlignCenter);
        }
    }
    m_grid->setRowStretch(3, 1);
    m_grid->setColumnStretch(static_cast<int>(chosen.images.size()) + 1, 1);
    m_caption->setText((in.alignment == "iou"
                            ? tr("%1, filter %2: the %3 probe images whose Grad-CAM region it overlaps most.")
                            : tr("%1, filter %2: the %3 probe images on whose Grad-CAM region it fires most."))
                           .arg(m_layerNames.value(layer, QString::number(layer + 1)))
                           .arg(filter)
                           .arg(chosen.images.size()));
    return true;
}

}  // namespace dcs::ui
