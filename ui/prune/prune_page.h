#pragma once
// The Prune mode: configure majority-vote pruning (or a baseline criterion) on the current data
// set, start / pause / step / stop it, and watch accuracy and weights, the per-layer vote heatmap
// and the layer widths as each epoch ends; run the criteria ablation into a table.

#include <QString>
#include <QTimer>
#include <QWidget>

#include "ui/data/dataset_ptr.h"

class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace dcs::ui {

class LayerWidthsView;
class PruneCurvesView;
class PruneForm;
class PruneRunController;
class VoteHeatmapView;
struct AblationOutcome;
struct PruneOutcome;

class PrunePage : public QWidget {
    Q_OBJECT
public:
    // Runs are saved under runsDirectory, one folder each.
    explicit PrunePage(QString runsDirectory, QWidget* parent = nullptr);
    ~PrunePage() override;

    void setDataset(const QString& spec, const DatasetPtr& dataset);
    PruneForm* form() const { return m_form; }
    PruneRunController* controller() const { return m_controller; }
    VoteHeatmapView* votes() const { return m_votes; }
    LayerWidthsView* widths() const { return m_widths; }
    QTableWidget* ablationTable() const { return m_ablationTable; }
    // Start a pruning run / the ablation with the form's config; false (reason shown) when not.
    bool startRun();
    bool startAblation(double keep);
    // Shows one of the views: curves, votes, widths or ablation; false if unknown.
    bool showView(const QString& name);
    QString currentView() const;
    // Saves "curves", "votes" or "widths" as PNG/PDF/SVG (by suffix), or "metrics-csv", "events-csv",
    // "dense-metrics-csv" (the run folder's files) or "ablation-csv". Returns "" on success, else why.
    QString exportView(const QString& view, const QString& file);
    QString runFolder() const { return m_runFolder; }
    QString summaryText() const;

Q_SIGNALS:
    void runFinished(const QString& status);
    void ablationFinished(const QString& status);
    void snapshotDrawn(int epoch);

private:
    // False, with the reason in the status line, when there is no labelled data or the form is invalid.
    bool readyToStart();
    QString noLabelsText() const;  // why this data set cannot start a run
    void updateButtons();
    void redraw();
    void showOutcome(const PruneOutcome& outcome);
    void showAblation(const AblationOutcome& outcome);
    QWidget* buildAblationPanel();

    QString m_runsDirectory;
    QString m_datasetSpec;
    DatasetPtr m_dataset;
    QString m_runFolder;
    PruneForm* m_form;
    PruneRunController* m_controller;
    PruneCurvesView* m_curves;
    VoteHeatmapView* m_votes;
    LayerWidthsView* m_widths;
    QTableWidget* m_ablationTable = nullptr;
    QLabel* m_ablationCaption = nullptr;
    QDoubleSpinBox* m_ablationKeep = nullptr;
    QPushButton* m_ablationButton = nullptr;
    QPushButton* m_start;
    QPushButton* m_pause;
    QPushButton* m_step;
    QPushButton* m_stop;
    QLabel* m_summary;
    QLabel* m_status;
    QProgressBar* m_progress;
    QTabWidget* m_viewTabs = nullptr;
    QTimer m_redrawTimer;
    bool m_densePhase = false;  // the dense net to compare with is training
};

}  // namespace dcs::ui
