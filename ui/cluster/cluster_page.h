#pragma once
// The Cluster mode: configure a DeepCluster run on the current data set, start / pause / step /
// stop it, and watch the latent space and the training curves as each epoch ends.

#include <QString>
#include <QTimer>
#include <QWidget>

#include "dcs/train/cluster_config.h"
#include "dcs/train/run_folder.h"
#include "dcs/train/snapshot.h"
#include "ui/data/dataset_ptr.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace dcs::ui {

class ClusterForm;
class ConfusionView;
class ImageRowsView;
class InvarianceView;
class LatentScatterView;
class RunController;
class TrainingCurvesView;
struct RunOutcome;

class ClusterPage : public QWidget {
    Q_OBJECT
public:
    // Runs are saved under runsDirectory, one folder each.
    explicit ClusterPage(QString runsDirectory, QWidget* parent = nullptr);
    ~ClusterPage() override;

    void setDataset(const QString& spec, const DatasetPtr& dataset);
    ClusterForm* form() const { return m_form; }
    RunController* controller() const { return m_controller; }
    // Starts a run with the form's config; false (with the reason shown) when it cannot start.
    bool startRun();
    // Runs the last run again with its exact settings, seed and data (so the same initial weights).
    bool restartSameWeights();
    QString currentView() const;
    bool colorByLabel() const;
    void setColorByLabel(bool byLabel);
    // Shows one of the lower views: curves, clusters, confusion, reconstructions, runs or invariance;
    // false if unknown.
    bool showView(const QString& name);
    // Saves a view: "latent", "losses", "metrics", "confusion" or "invariance" as PNG/PDF/SVG (by suffix), or the
    // run's "metrics-csv" or "assignments-csv". Returns "" on success, else the reason.
    QString exportView(const QString& view, const QString& file);
    // Adds a finished run folder to the runs table; "" on success, else the reason.
    QString openRunFolder(const QString& folder);
    // The runs listed (this session's and opened ones).
    const std::vector<dcs::train::RunRecord>& runs() const { return m_runs; }
    // Starts the invariance study of these runs' auto-encoders (rows of the runs table; none: the
    // selected rows, else every run) on the current data set; "" when it started, else the reason.
    QString measureInvariance(const QList<int>& rows = {});
    InvarianceView* invarianceView() const { return m_invariance; }
    // Selects runs in the table by row (one: its curves; two: overlaid).
    void selectRuns(const QList<int>& rows);
    // The folder of the current or last run.
    QString runFolder() const { return m_runFolder; }

Q_SIGNALS:
    void runFinished(const QString& status);
    void snapshotDrawn(int epoch);

private:
    void updateButtons();
    bool launch(const dcs::train::ClusterConfig& config, const DatasetPtr& data);
    void redraw();
    void drawClusterGrid(const dcs::train::ClusterSnapshot& snapshot);
    void drawReconstructions(const dcs::train::ClusterSnapshot& snapshot);
    void showOutcome(const RunOutcome& outcome);
    QWidget* buildRunsPanel();
    void addRun(dcs::train::RunRecord record);
    void showSelectedRuns();

    QString m_runsDirectory;
    QString m_datasetSpec;
    DatasetPtr m_dataset;
    DatasetPtr m_runDataset;  // the images of the current run (the first N when limited)
    QString m_runFolder;
    ClusterForm* m_form;
    RunController* m_controller;
    LatentScatterView* m_scatter;
    TrainingCurvesView* m_curves;
    ImageRowsView* m_clusterGrid;
    ConfusionView* m_confusion;
    ImageRowsView* m_reconstructions;
    InvarianceView* m_invariance;
    QPushButton* m_start;
    QPushButton* m_pause;
    QPushButton* m_step;
    QPushButton* m_stop;
    QPushButton* m_restart;
    dcs::train::ClusterConfig m_lastConfig;
    QLabel* m_status;
    QProgressBar* m_progress;
    QTimer m_redrawTimer;
    QTabWidget* m_viewTabs = nullptr;
    QTableWidget* m_runsTable = nullptr;
    std::vector<dcs::train::RunRecord> m_runs;
};

}  // namespace dcs::ui
