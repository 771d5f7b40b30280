#include "ui/prune/vote_heatmap_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include "ui/plot/plot_title.h"

#include <cmath>
#include <limits>

#include "ui/plot/kept_removed_maps.h"

namespace dcs::ui {
VoteHeatmapView::VoteHeatmapView(QWidget* parent)
    : QWidget(parent), m_layer(new QComboBox), m_caption(new QLabel), m_plot(new QCustomPlot) {
    m_layer->setObjectName(QStringLiteral("voteLayerChoice"));
    m_caption->setObjectName(QStringLiteral("voteCaption"));
    m_caption->setWordWrap(true);
    m_plot->setObjectName(QStringLiteral("votePlot"));
    addPlotTitle(m_plot, tr("Scores at each pruning event"));
    m_plot->xAxis->setLabel(tr("pruning event (epoch)"));
    m_plot->yAxis->setLabel(tr("unit"));
    m_plot->yAxis->setRangeReversed(true);  // unit 0 on top
    m_plot->axisRect()->setBackground(QColor(250, 250, 250));
    m_kept = addMaskedColorMap(m_plot, viridisGradient());
    m_removed = addMaskedColorMap(m_plot, vermillionGradient());
    auto* scale = new QCPColorScale(m_plot);
    m_plot->plotLayout()->addElement(1, 1, scale);
    scale->setLabel(tr("score, lowest to highest of the event"));
    scale->setGradient(viridisGradient());
    scale->setDataRange(QCPRange(0.0, 1.0));
    auto* margins = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Layer:")));
    top->addWidget(m_layer);
    top->addWidget(m_caption, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_plot, 1);
    connect(m_layer, &QComboBox::currentTextChanged, this, &VoteHeatmapView::draw);
    clear();
}

void VoteHeatmapView::clear() {
    m_snapshot.reset();
    m_layer->clear();
    m_kept->data()->clear();
    m_removed->data()->clear();
    m_caption->setText(tr("No pruning event yet."));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void VoteHeatmapView::setSnapshot(const dcs::train::PruneSnapshot& snapshot) {
    m_snapshot = snapshot;
    const QString current = m_layer->currentText();
    QStringList names;
    for (const auto& layer : snapshot.layers)
        if (layer.prunable) names << QString::fromStdString(layer.name);
    bool same = names.size() == m_layer->count();
    for (int i = 0; same && i < names.size(); ++i) same = m_layer->itemText(i) == names[i];
    if (!same) {
        const QSignalBlocker blocker(m_layer);
        m_layer->clear();
        m_layer->addItems(names);
        if (names.contains(current)) m_layer->setCurrentText(current);
    }
    draw();
}

bool VoteHeatmapView::showLayer(const QString& name) {
    const int index = m_layer->findText(name);
    if (index < 0) return false;
    m_layer->setCurrentIndex(index);
    draw();
    return true;
}

QString VoteHeatmapView::currentLayer() const { return m_layer->currentText(); }

double VoteHeatmapView::cellValue(int event, int unit, bool kept) const {
    auto* data = (kept ? m_kept : m_removed)->data();
    if (event < 0 || unit < 0 || event >= data->keySize() || unit >= data->valueSize())
        return std::numeric_limits<double>::quiet_NaN();
    return data->cell(event, unit);
}

void VoteHeatmapView::draw() {
    if (!m_snapshot) return;
    const auto& s = *m_snapshot;
    size_t layer = s.layers.size();
    for (size_t l = 0; l < s.layers.size(); ++l)
        if (QString::fromStdString(s.layers[l].name) == m_layer->currentText()) layer = l;
    if (layer == s.layers.size() || s.events.empty()) {
        m_kept->data()->clear();
        m_removed->data()->clear();
        m_caption->setText(tr("No pruning event yet."));
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    const int units = static_cast<int>(s.layers[layer].units);
    const int events = static_cast<int>(s.events.size());
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (auto* map : {m_kept, m_removed}) {
        map->data()->setSize(events, units);
        map->data()->setRange(QCPRange(0, events - 1), QCPRange(0, units - 1));
        map->data()->fill(nan);
    }
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int e = 0; e < events; ++e) {
        const auto& event = s.events[static_cast<size_t>(e)];
        ticker->addTick(e, QString::number(event.epoch));
        const auto slot = std::find(event.layers.begin(), event.layers.end(), layer);
        if (slot == event.layers.end()) continue;
        const auto& scores = event.scores[static_cast<size_t>(slot - event.layers.begin())];
        const auto& kept = event.keptMask[static_cast<size_t>(slot - event.layers.begin())];
        // Scores differ in scale between events (the number of votes changes) and between
        // criteria (APoZ is negative): scale each event from its lowest to its highest.
        float highest = 0.0f, lowest = std::numeric_limits<float>::max();
        for (const float v : scores)
            if (!std::isnan(v)) {
                highest = std::max(highest, v);
                lowest = std::min(lowest, v);
            }
        const double span = highest > lowest ? highest - lowest : 1.0;
        for (int u = 0; u < units && u < static_cast<int>(scores.size()); ++u) {
            const float v = scores[static_cast<size_t>(u)];
            if (std::isnan(v)) continue;
            const double shown = (v - lowest) / span;
            (kept[static_cast<size_t>(u)] ? m_kept : m_removed)->data()->setCell(e, u, shown);
        }
    }
    if (events > 12) ticker->setSubTickCount(0);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setRange(-0.5, events - 0.5);
    m_plot->yAxis->setRange(-0.5, units - 0.5);
    int64_t alive = 0;
    for (const auto a : s.layers[layer].aliveMask) alive += a;
    m_caption->setText(tr("%1: %2 units, %3 alive after %4 events. Viridis: kept; orange: removed at that "
                          "event; blank: removed earlier.")
                           .arg(m_layer->currentText())
                           .arg(units)
                           .arg(alive)
                           .arg(events));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace dcs::ui
