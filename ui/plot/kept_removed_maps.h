#pragma once
// The two colour maps every pruning heatmap draws: kept units in viridis, removed ones in Okabe-Ito
// vermillion (a hue viridis never takes). Each map leaves NaN cells transparent so the other shows.

#include <qcustomplot.h>

#include "ui/plot/viridis.h"

namespace dcs::ui {

// Light vermillion for low scores, deep for high ones.
inline QCPColorGradient vermillionGradient() {
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setColorStopAt(0.0, QColor(245, 185, 150));
    gradient.setColorStopAt(1.0, QColor(180, 60, 0));
    return gradient;
}

// A colour map on the plot's axes showing values in [0, 1], without interpolation.
inline QCPColorMap* addMaskedColorMap(QCustomPlot* plot, const QCPColorGradient& gradient) {
    auto* map = new QCPColorMap(plot->xAxis, plot->yAxis);
    map->setInterpolate(false);
    auto shown = gradient;
    shown.setNanHandling(QCPColorGradient::nhTransparent);
    map->setGradient(shown);
    map->setDataRange(QCPRange(0.0, 1.0));
    return map;
}

}  // namespace dcs::ui
