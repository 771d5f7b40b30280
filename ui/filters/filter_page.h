#pragma once
// The Filters mode: prune a CNN's conv filters by relevance (or a baseline) to a FLOPs target on
// the current data set; watch the dense training and fine-tuning curves, the per-filter score
// heatmap and, for a chosen filter, the images it aligns with best beside their Grad-CAM masks;
// compare every criterion on the same trained net in a table.

#include <QString>
#include <QTimer>
#include <QWidget>

#include "ui/data/dataset_ptr.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace dcs::ui {

class FilterCurvesView;
class FilterForm;
class FilterInspectorView;
class FilterRunController;
class RelevanceHeatmapView;
struct FilterOutcome;

class FilterPage : public QWidget {
    Q_OBJECT
public:
    // Runs are saved under runsDirectory, one folder each.
    explicit FilterPage(QString runsDirectory, QWidget* parent = nullptr);
    ~FilterPage() override;

    void setDataset(const QString& spec, const DatasetPtr& dataset);
    FilterForm* form() const { return m_form; }
    FilterRunController* controller() const { return m_controller; }
    RelevanceHeatmapView* heatmap() const { return m_heatmap; }
    FilterInspectorView* inspector() const { return m_inspector; }
    QTableWidget* comparisonTable() const { return m_table; }
    // Start a run / every criterion on one trained net with the form's config; false (reason shown) when not.
    bool startRun();
    bool startComparison();
    // Shows one of the views: relevance, curves or comparison; false if unknown.
    bool showView(const QString& name);
    QString currentView() const;
    // Saves "relevance" or "curves" as PNG/PDF/SVG (by suffix), "inspector" as PNG, or
    // "comparison-csv". Returns "" on success, else why.
    QString exportView(const QString& view, const QString& file);
    QString runFolder() const { return m_runFolder; }
    QString summaryText() const;

Q_SIGNALS:
    void runFinished(const QString& status);

private:
    bool readyToStart();
    QString noLabelsText() const;  // why this data set cannot start a run
    void updateButtons();
    void redraw();
    void showOutcome(const FilterOutcome& outcome);

    QString m_runsDirectory;
    QString m_datasetSpec;
    DatasetPtr m_dataset;
    QString m_runFolder;
    FilterForm* m_form;
    FilterRunController* m_controller;
    FilterCurvesView* m_curves;
    RelevanceHeatmapView* m_heatmap;
    FilterInspectorView* m_inspector;
    QTableWidget* m_table;
    QPushButton* m_start;
    QPushButton* m_compare;
    QPushButton* m_pause;
    QPushButton* m_step;
    QPushButton* m_stop;
    QLabel* m_summary;
    QLabel* m_status;
    QProgressBar* m_progress;
    QTabWidget* m_viewTabs;
    QTimer m_redrawTimer;
    const void* m_shownInspection = nullptr;  // the inspection the inspector holds
};

}  // namespace dcs::ui
