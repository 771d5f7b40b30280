#include "ui/data/dataset_facts_view.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include "ui/plot/plot_title.h"

namespace dcs::ui {
namespace {

QLabel* factLabel(const char* objectName) {
    auto* label = new QLabel;
    label->setObjectName(QString::fromLatin1(objectName));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

}  // namespace

DatasetFactsView::DatasetFactsView(QWidget* parent)
    : QWidget(parent),
      m_name(factLabel("factName")),
      m_source(factLabel("factSource")),
      m_count(factLabel("factCount")),
      m_shape(factLabel("factShape")),
      m_classes(factLabel("factClasses")),
      m_pixels(factLabel("factPixels")),
      m_perClass(new QTableWidget(0, 3)),
      m_chart(new QCustomPlot) {
    auto* form = new QFormLayout;
    form->addRow(tr("Data set:"), m_name);
    form->addRow(tr("Source:"), m_source);
    form->addRow(tr("Images:"), m_count);
    form->addRow(tr("Shape (C × H × W):"), m_shape);
    form->addRow(tr("Classes:"), m_classes);
    form->addRow(tr("Pixels:"), m_pixels);

    m_perClass->setObjectName(QStringLiteral("classCountsTable"));
    m_perClass->setHorizontalHeaderLabels({tr("Class"), tr("Images"), tr("Share")});
    m_perClass->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_perClass->verticalHeader()->setVisible(false);
    m_perClass->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_perClass->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_perClass->setSelectionMode(QAbstractItemView::NoSelection);

    m_chart->setObjectName(QStringLiteral("classCountsChart"));
    m_chart->setMinimumHeight(180);
    m_chart->yAxis->setLabel(tr("images"));
    addPlotTitle(m_chart, tr("Images per class"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_perClass, 1);
}

void DatasetFactsView::setDataset(const QString& spec, const DatasetPtr& dataset) {
    const QLocale locale;
    m_name->setText(spec);
    m_source->setText(QString::fromStdString(dataset->source()));
    m_count->setText(locale.toString(static_cast<qlonglong>(dataset->size())));
    m_shape->setText(QStringLiteral("%1 × %2 × %3").arg(dataset->channels()).arg(dataset->height()).arg(dataset->width()));
    m_classes->setText(dataset->hasLabels() ? locale.toString(static_cast<qlonglong>(dataset->classCount()))
                                            : tr("none (unlabelled)"));
    const auto stats = dataset->pixelStats();
    m_pixels->setText(tr("mean %1, std %2, range [%3, %4]")
                          .arg(stats.mean, 0, 'f', 3)
                          .arg(stats.stddev, 0, 'f', 3)
                          .arg(stats.min, 0, 'f', 2)
                          .arg(stats.max, 0, 'f', 2));

    const auto counts = dataset->countsPerClass();
    m_perClass->setRowCount(static_cast<int>(counts.size()));
    QVector<double> ticks, values;
    QVector<QString> names;
    for (int c = 0; c < static_cast<int>(counts.size()); ++c) {
        const QString name = QString::fromStdString(dataset->classNames()[static_cast<size_t>(c)]);
        auto* count = new QTableWidgetItem(locale.toString(static_cast<qlonglong>(counts[static_cast<size_t>(c)])));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto* share = new QTableWidgetItem(
            QStringLiteral("%1 %").arg(100.0 * static_cast<double>(counts[static_cast<size_t>(c)]) / static_cast<double>(dataset->size()), 0, 'f', 1));
        share->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        // Show the label id beside names like "Dress", not twice for digits named "3".
        const QString label = name == QString::number(c) ? name : QStringLiteral("%1  %2").arg(c).arg(name);
        m_perClass->setItem(c, 0, new QTableWidgetItem(label));
        m_perClass->setItem(c, 1, count);
        m_perClass->setItem(c, 2, share);
        ticks << c;
        values << static_cast<double>(counts[static_cast<size_t>(c)]);
        names << name;
    }

    m_chart->clearPlottables();
    m_chart->setVisible(!counts.empty());
    m_perClass->setVisible(!counts.empty());
    if (counts.empty()) return;
    auto* bars = new QCPBars(m_chart->xAxis, m_chart->yAxis);
    bars->setData(ticks, values, true);
    bars->setWidth(0.7);
    bars->setPen(Qt::NoPen);
    bars->setBrush(QColor(49, 104, 142));  // viridis blue: readable for colour-blind viewers
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    ticker->setTicks(ticks, names);
    m_chart->xAxis->setTicker(ticker);
    m_chart->xAxis->setTickLabelRotation(names.size() > 6 ? -45 : 0);
    m_chart->xAxis->setRange(-0.6, static_cast<double>(counts.size()) - 0.4);
    m_chart->yAxis->setRange(0, *std::max_element(values.begin(), values.end()) * 1.1);
    m_chart->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace dcs::ui
