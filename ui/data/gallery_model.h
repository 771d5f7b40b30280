#pragma once
// The images of a data set as a list model for a QListView in icon mode. Thumbnails are made only
// when a view asks for them (the visible ones) and cached, so 70,000 images stay smooth.

#include <QAbstractListModel>
#include <QCache>
#include <QPixmap>

#include "ui/data/dataset_ptr.h"

namespace dcs::ui {

class GalleryModel : public QAbstractListModel {
    Q_OBJECT
public:
    explicit GalleryModel(QObject* parent = nullptr);

    void setDataset(DatasetPtr dataset);
    const DatasetPtr& dataset() const { return m_dataset; }
    void setThumbnailSize(int pixels);
    int thumbnailSize() const { return m_thumbnailSize; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

private:
    QPixmap thumbnail(int row) const;

    DatasetPtr m_dataset;
    int m_thumbnailSize = 56;
    mutable QCache<int, QPixmap> m_thumbnails{6000};
};

}  // namespace dcs::ui
