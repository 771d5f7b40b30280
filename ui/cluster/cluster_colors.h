#pragma once
// Colours for cluster ids: Paul Tol's "muted" qualitative scheme (readable with colour-blindness)
// for the first ten, then evenly spaced hues.

#include <QColor>

namespace dcs::ui {

inline QColor clusterColor(int64_t id) {
    static const QColor muted[] = {QColor(0x33, 0x22, 0x88), QColor(0x88, 0xCC, 0xEE), QColor(0x44, 0xAA, 0x99),
                                   QColor(0x11, 0x77, 0x33), QColor(0x99, 0x99, 0x33), QColor(0xDD, 0xCC, 0x77),
                                   QColor(0xCC, 0x66, 0x77), QColor(0x88, 0x22, 0x55), QColor(0xAA, 0x44, 0x99),
                                   QColor(0x77, 0x77, 0x77)};
    if (id >= 0 && id < 10) return muted[id];
    return QColor::fromHsv(static_cast<int>((id * 47) % 360), 160, 200);
}

}  // namespace dcs::ui
