#pragma once
// Every plot of the app carries its title in a bold row above the axes.

#include <qcustomplot.h>

namespace dcs::ui {

inline QCPTextElement* addPlotTitle(QCustomPlot* plot, const QString& title) {
    plot->plotLayout()->insertRow(0);
    auto* element = new QCPTextElement(plot, title, QFont(plot->font().family(), 10, QFont::Bold));
    plot->plotLayout()->addElement(0, 0, element);
    return element;
}

}  // namespace dcs::ui
