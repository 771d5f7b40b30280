#pragma once
// Rows of small images, each with a caption: the most central members of every cluster, or inputs
// above their reconstructions. Painted directly (no widget per image) so it redraws cheaply.

#include <QImage>
#include <QString>
#include <QVector>
#include <QWidget>

namespace dcs::ui {

class ImageRowsView : public QWidget {
    Q_OBJECT
public:
    struct Row {
        QString caption;
        QColor color;  // a swatch beside the caption; invalid for none
        QVector<QImage> images;
    };

    explicit ImageRowsView(QWidget* parent = nullptr);
    void setRows(QVector<Row> rows);
    const QVector<Row>& rows() const { return m_rows; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    int tileSize() const;
    QVector<Row> m_rows;
};

}  // namespace dcs::ui
