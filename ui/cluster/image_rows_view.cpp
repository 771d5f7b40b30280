#include "ui/cluster/image_rows_view.h"

#include <QPainter>

namespace dcs::ui {
namespace {
constexpr int kGap = 4;
constexpr int kCaptionHeight = 18;
}  // namespace

ImageRowsView::ImageRowsView(QWidget* parent) : QWidget(parent) { setAutoFillBackground(true); }

int ImageRowsView::tileSize() const { return 48; }

void ImageRowsView::setRows(QVector<Row> rows) {
    m_rows = std::move(rows);
    updateGeometry();
    resize(sizeHint());
    update();
}

QSize ImageRowsView::sizeHint() const {
    int widest = 0;
    for (const auto& row : m_rows) widest = std::max(widest, static_cast<int>(row.images.size()));
    return {kGap + widest * (tileSize() + kGap) + 200,
            static_cast<int>(m_rows.size()) * (kCaptionHeight + tileSize() + 2 * kGap) + kGap};
}

void ImageRowsView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), palette().window());
    int y = kGap;
    const int tile = tileSize();
    // Right-to-left languages read the rows from the right: mirror every x.
    const auto place = [this](int x, int w) { return isRightToLeft() ? width() - x - w : x; };
    for (const auto& row : m_rows) {
        int x = kGap;
        if (row.color.isValid()) {
            painter.fillRect(QRect(place(x, 10), y + 4, 10, 10), row.color);
            x += 16;
        }
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRect(place(x, width() - x), y, width() - x, kCaptionHeight),
                         Qt::AlignLeading | Qt::AlignVCenter, row.caption);
        y += kCaptionHeight;
        x = kGap;
        for (const auto& image : row.images) {
            // Nearest-neighbour scaling keeps 28 px digits crisp.
            painter.drawImage(QRect(place(x, tile), y, tile, tile),
                              image.scaled(tile, tile, Qt::KeepAspectRatio, Qt::FastTransformation));
            x += tile + kGap;
        }
        y += tile + 2 * kGap;
    }
}

}  // namespace dcs::ui
