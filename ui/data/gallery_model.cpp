#include "ui/data/gallery_model.h"

#include "ui/data/image_conversion.h"

namespace dcs::ui {

GalleryModel::GalleryModel(QObject* parent) : QAbstractListModel(parent) {}

void GalleryModel::setDataset(DatasetPtr dataset) {
    beginResetModel();
    m_dataset = std::move(dataset);
    m_thumbnails.clear();
    endResetModel();
}

void GalleryModel::setThumbnailSize(int pixels) {
    if (pixels == m_thumbnailSize) return;
    m_thumbnailSize = pixels;
    m_thumbnails.clear();
    if (rowCount() > 0) Q_EMIT dataChanged(index(0), index(rowCount() - 1), {Qt::DecorationRole, Qt::SizeHintRole});
}

int GalleryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_dataset ? 0 : static_cast<int>(m_dataset->size());
}

QPixmap GalleryModel::thumbnail(int row) const {
    if (const QPixmap* cached = m_thumbnails.object(row)) return *cached;
    // Nearest-neighbour scaling keeps small images crisp instead of blurred.
    const QImage image = imageAt(*m_dataset, row).scaled(m_thumbnailSize, m_thumbnailSize, Qt::KeepAspectRatio,
                                                         Qt::FastTransformation);
    auto* pixmap = new QPixmap(QPixmap::fromImage(image));
    const QPixmap copy = *pixmap;
    m_thumbnails.insert(row, pixmap);
    return copy;
}

QVariant GalleryModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !m_dataset || index.row() >= rowCount()) return {};
    const int row = index.row();
    switch (role) {
        case Qt::DecorationRole: return thumbnail(row);
        case Qt::DisplayRole:
            return m_dataset->hasLabels() ? QString::fromStdString(m_dataset->className(m_dataset->label(row)))
                                          : QString::number(row);
        case Qt::ToolTipRole: {
            QString tip = tr("Image %1").arg(row);
            if (m_dataset->hasLabels())
                tip += tr("\nLabel %1: %2")
                           .arg(m_dataset->label(row))
                           .arg(QString::fromStdString(m_dataset->className(m_dataset->label(row))));
            return tip;
        }
        default: return {};
    }
}

}  // namespace dcs::ui
