#pragma once
// Saves a plot as PNG, PDF or SVG (chosen by the file's suffix). The file appears whole or not at
// all: it is written beside the target under a temporary name, then renamed.

#include <QString>

class QCustomPlot;

namespace dcs::ui {

// Returns "" on success, else a message naming the file and what went wrong.
QString exportPlot(QCustomPlot* plot, const QString& file);

}  // namespace dcs::ui
