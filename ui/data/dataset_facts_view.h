#pragma once
// The facts of the current data set: name, source, size, shape, pixel statistics, and the images
// per class as a table and a bar chart.

#include <QWidget>

#include "ui/data/dataset_ptr.h"

class QLabel;
class QTableWidget;
class QCustomPlot;

namespace dcs::ui {

class DatasetFactsView : public QWidget {
    Q_OBJECT
public:
    explicit DatasetFactsView(QWidget* parent = nullptr);
    void setDataset(const QString& spec, const DatasetPtr& dataset);

    QCustomPlot* classChart() const { return m_chart; }

private:
    QLabel* m_name;
    QLabel* m_source;
    QLabel* m_count;
    QLabel* m_shape;
    QLabel* m_classes;
    QLabel* m_pixels;
    QTableWidget* m_perClass;
    QCustomPlot* m_chart;
};

}  // namespace dcs::ui
