#pragma once
// The viridis colour gradient: perceptually even and readable with colour-blindness; every heatmap
// of the app uses it.

#include <qcustomplot.h>

namespace dcs::ui {

inline QCPColorGradient viridisGradient() {
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setColorStopAt(0.0, QColor(68, 1, 84));
    gradient.setColorStopAt(0.25, QColor(59, 82, 139));
    gradient.setColorStopAt(0.5, QColor(33, 145, 140));
    gradient.setColorStopAt(0.75, QColor(94, 201, 98));
    gradient.setColorStopAt(1.0, QColor(253, 231, 37));
    return gradient;
}

}  // namespace dcs::ui
