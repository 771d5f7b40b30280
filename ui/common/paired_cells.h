#pragma once
// Comparison tables pair each criterion's accuracy with a reference criterion's on the same test
// images (McNemar's exact test, dcs/metrics/paired_test.h). A cell whose gap to the reference is
// within chance reads grey, so that a table of close accuracies does not look like a ranking.

#include <QBrush>
#include <QColor>
#include <QString>
#include <QTableWidgetItem>

namespace dcs::ui {

// Above this p-value a gap is read as chance.
inline constexpr double kChanceLevel = 0.05;

// The counts go to the tooltip; the text turns grey when the gap is within chance.
inline void showPairing(QTableWidgetItem* item, double pValue, const QString& counts) {
    item->setToolTip(counts);
    if (pValue > kChanceLevel) item->setForeground(QBrush(QColor(128, 128, 128)));
}

}  // namespace dcs::ui
