#include "ui/cluster/latent_scatter_view.h"

#include <QCheckBox>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include "ui/plot/plot_title.h"

#include <map>

#include "ui/cluster/cluster_colors.h"
#include "ui/cluster/image_rows_view.h"
#include "ui/data/image_conversion.h"

namespace dcs::ui {
namespace {

QPixmap dotPixmap(const QColor& color) {
    QPixmap pixmap(7, 7);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(color.darker(140), 0.8));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(0.5, 0.5, 6, 6));
    return pixmap;
}

}  // namespace

LatentScatterView::LatentScatterView(QWidget* parent)
    : QWidget(parent),
      m_plot(new QCustomPlot),
      m_byLabel(new QCheckBox(tr("Colour by true label"))),
      m_hover(new QLabel(m_plot)),
      m_selection(new ImageRowsView) {
    m_selection->setObjectName(QStringLiteral("latentSelection"));
    m_selection->hide();
    // Drag pans; Shift + drag draws a rectangle whose points' images are shown under the plot.
    m_plot->setSelectionRectMode(QCP::srmNone);
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        m_plot->setSelectionRectMode(event->modifiers() & Qt::ShiftModifier ? QCP::srmCustom : QCP::srmNone);
    });
    connect(m_plot->selectionRect(), &QCPSelectionRect::accepted, this,
            [this](const QRect& rect, QInputEvent*) { selectInRect(rect); });
    m_hover->setObjectName(QStringLiteral("latentHover"));
    m_hover->setStyleSheet(QStringLiteral("QLabel { background: #ffffe8; border: 1px solid #888; padding: 3px; }"));
    m_hover->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_hover->hide();
    m_plot->setMouseTracking(true);
    connect(m_plot, &QCustomPlot::mouseMove, this, &LatentScatterView::showHover);
    m_plot->setObjectName(QStringLiteral("latentPlot"));
    m_byLabel->setObjectName(QStringLiteral("colorByLabel"));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->xAxis->setLabel(tr("principal component 1"));
    m_plot->yAxis->setLabel(tr("principal component 2"));
    m_plot->legend->setVisible(false);  // shown once a snapshot gives it entries
    m_plot->legend->setFont(QFont(font().family(), 8));
    // The legend sits beside the axes, not over the points, at the top of a column of its own: a
    // layout row is no taller than its elements' largest size, and a legend with few entries (none
    // before the first run) would squash the axes beside it to its own height.
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    auto* legendColumn = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(0, 1, legendColumn);
    m_plot->plotLayout()->setColumnStretchFactor(1, 0.001);
    legendColumn->addElement(0, 0, m_plot->legend);
    legendColumn->expandTo(2, 1);  // an empty cell under the legend takes the rest of the height
    legendColumn->setRowStretchFactor(0, 0.001);
    m_plot->legend->setLayer(QStringLiteral("legend"));
    addPlotTitle(m_plot, tr("Latent space (PCA of the codes)"));
    // Once the user pans or zooms, the view stays where they put it.
    connect(m_plot, &QCustomPlot::mousePress, this, [this] { m_userMoved = true; });
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { m_userMoved = true; });
    connect(m_byLabel, &QCheckBox::toggled, this, &LatentScatterView::setColorByLabel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_byLabel);
    layout->addWidget(m_selection);
    m_byLabel->setToolTip(tr("Shift + drag on the plot to see the images inside a rectangle"));
}

int LatentScatterView::pointAt(const QPoint& position) const {
    if (!m_hasSnapshot) return -1;
    const auto& latent = m_snapshot.latent;
    // Compare in pixels: a radius of 6 px whatever the zoom.
    const double px = position.x(), py = position.y();
    int best = -1;
    double bestDistance = 36.0;
    for (size_t i = 0; i < latent.x.size(); ++i) {
        const double dx = m_plot->xAxis->coordToPixel(latent.x[i]) - px;
        if (dx * dx > bestDistance) continue;
        const double dy = m_plot->yAxis->coordToPixel(latent.y[i]) - py;
        const double distance = dx * dx + dy * dy;
        if (distance < bestDistance) {
            bestDistance = distance;
            best = static_cast<int>(i);
        }
    }
    return best;
}

void LatentScatterView::showHover(QMouseEvent* event) {
    const int i = pointAt(event->pos());
    if (i < 0) {
        m_hover->hide();
        return;
    }
    const auto& latent = m_snapshot.latent;
    const int64_t id = latent.ids[static_cast<size_t>(i)];
    const int64_t label = latent.labels[static_cast<size_t>(i)];
    QString text = tr("image %1\ncluster %2").arg(id).arg(latent.clusters[static_cast<size_t>(i)]);
    if (label >= 0) {
        const QString name = m_dataset ? QString::fromStdString(m_dataset->className(label)) : QString::number(label);
        text += tr("\nlabel %1").arg(name);
    }
    if (m_dataset && id < m_dataset->size()) {
        // The picture and the words side by side: draw both into one pixmap.
        const QImage image = imageAt(*m_dataset, id).scaled(56, 56, Qt::KeepAspectRatio, Qt::FastTransformation);
        const QFontMetrics metrics(m_hover->font());
        const QRect textBox = metrics.boundingRect(QRect(0, 0, 200, 100), Qt::AlignLeft, text);
        QPixmap pixmap(image.width() + 8 + textBox.width(), std::max(image.height(), textBox.height()));
        pixmap.fill(QColor(0xff, 0xff, 0xe8));
        QPainter painter(&pixmap);
        painter.drawImage(0, 0, image);
        painter.setPen(Qt::black);
        painter.drawText(QRect(image.width() + 8, 0, textBox.width(), pixmap.height()), Qt::AlignLeft | Qt::AlignVCenter, text);
        painter.end();
        m_hover->setPixmap(pixmap);
    } else {
        m_hover->setText(text);
    }
    m_hover->setToolTip(text);
    m_hover->adjustSize();
    QPoint at = event->pos() + QPoint(14, 14);
    at.setX(std::min(at.x(), m_plot->width() - m_hover->width()));
    at.setY(std::min(at.y(), m_plot->height() - m_hover->height()));
    m_hover->move(at);
    m_hover->show();
    m_hover->raise();
}

std::vector<int64_t> LatentScatterView::selectInRect(const QRect& pixels) {
    std::vector<int64_t> ids;
    if (!m_hasSnapshot) return ids;
    const auto& latent = m_snapshot.latent;
    const QRect area = pixels.normalized();
    for (size_t i = 0; i < latent.x.size(); ++i) {
        const QPoint at(static_cast<int>(m_plot->xAxis->coordToPixel(latent.x[i])),
                        static_cast<int>(m_plot->yAxis->coordToPixel(latent.y[i])));
        if (area.contains(at)) ids.push_back(latent.ids[i]);
    }
    ImageRowsView::Row row;
    constexpr size_t kShown = 24;
    row.caption = ids.empty() ? tr("No point inside the rectangle")
                              : tr("%1 selected%2")
                                    .arg(ids.size() == 1 ? tr("1 image") : tr("%1 images").arg(ids.size()))
                                    .arg(ids.size() > kShown ? tr(", the first %1 shown").arg(kShown) : QString());
    for (size_t i = 0; i < ids.size() && i < kShown && m_dataset; ++i) row.images << imageAt(*m_dataset, ids[i]);
    m_selection->setRows({row});
    m_selection->setVisible(true);
    return ids;
}

void LatentScatterView::clear() {
    m_hasSnapshot = false;
    m_userMoved = false;
    m_selection->hide();
    m_pointCount = 0;
    m_plot->clearGraphs();
    m_plot->legend->setVisible(false);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LatentScatterView::setSnapshot(const dcs::train::ClusterSnapshot& snapshot) {
    m_snapshot = snapshot;
    m_hasSnapshot = true;
    redraw();
}

void LatentScatterView::setColorByLabel(bool byLabel) {
    if (m_byLabel->isChecked() != byLabel) m_byLabel->setChecked(byLabel);
    if (m_hasSnapshot) redraw();
}

void LatentScatterView::redraw() {
    const auto& latent = m_snapshot.latent;
    const bool byLabel = m_byLabel->isChecked();
    // Group the points by colour key: one graph per group.
    std::map<int64_t, std::pair<QVector<double>, QVector<double>>> groups;
    for (size_t i = 0; i < latent.x.size(); ++i) {
        const int64_t key = byLabel ? latent.labels[i] : latent.clusters[i];
        groups[key].first.push_back(latent.x[i]);
        groups[key].second.push_back(latent.y[i]);
    }
    m_plot->clearGraphs();
    m_pointCount = 0;
    for (auto& [key, points] : groups) {
        auto* graph = m_plot->addGraph();
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setScatterStyle(QCPScatterStyle(dotPixmap(clusterColor(key))));
        graph->setAdaptiveSampling(false);
        graph->setData(points.first, points.second);
        graph->setName(key < 0 ? tr("unlabelled") : (byLabel ? tr("label %1") : tr("cluster %1")).arg(key));
        m_pointCount += points.first.size();
    }
    if (!latent.centreX.empty()) {
        auto* centres = m_plot->addGraph();
        centres->setLineStyle(QCPGraph::lsNone);
        centres->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCrossCircle, QPen(Qt::black, 2), Qt::white, 12));
        centres->setData(QVector<double>(latent.centreX.begin(), latent.centreX.end()),
                         QVector<double>(latent.centreY.begin(), latent.centreY.end()));
        centres->setName(tr("centres"));
    }
    m_plot->legend->setVisible(m_plot->graphCount() > 0);
    if (!m_userMoved) {
        m_plot->rescaleAxes();
        m_plot->xAxis->scaleRange(1.1);
        m_plot->yAxis->scaleRange(1.1);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace dcs::ui
