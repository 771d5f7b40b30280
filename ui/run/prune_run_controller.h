#pragma once
// The run bridge of the Prune mode: runs a pruning run (with the config's dense baseline first, see
// runPruneComparedWithDense) or the criteria ablation on a worker thread, keeps only the latest
// snapshot and the per-epoch numbers of both nets, and announces them by queued signals. The data set
// is split into training, validation and test parts on the worker.

#include <QObject>
#include <QString>
#include <QStringList>
#include <mutex>
#include <optional>
#include <vector>

#include "dcs/train/prune_config.h"
#include "dcs/train/prune_snapshot.h"
#include "dcs/train/prune_trainer.h"  // AblationRow
#include "ui/data/dataset_ptr.h"
#include "ui/run/run_thread.h"

namespace dcs::ui {

struct PruneOutcome {
    QString status;  // finished | stopped | failed
    QString message;
    int epochs = 0;
    int events = 0;
    double testAccuracy = 0.0;
    qint64 parametersBefore = 0, parametersAfter = 0;
    qint64 macsBefore = 0, macsAfter = 0;
    double latencyBefore = 0.0, latencyAfter = 0.0;  // ms, batch 256
    std::vector<int64_t> widthsBefore, widthsAfter;
    double seconds = 0.0;
    bool compared = false;       // the dense net was trained with the same settings and epochs to the end
    double denseAccuracy = 0.0;  // its test accuracy
    // The two on the same test images: the images only one of them gets right, McNemar's exact p.
    qint64 onlyDenseRight = 0, onlyPrunedRight = 0;
    double pairedP = 1.0;
};

struct AblationOutcome {
    QString status;  // finished | stopped | failed
    QString message;
    double denseAccuracy = 0.0;
    double keep = 0.0;
    QStringList layers;  // prunable layer names; columns are these then "all"
    QStringList criteria;
    std::vector<std::vector<dcs::train::AblationRow>> cells;  // [criterion][layer column]: accuracy, pairing with vote
};

class PruneRunController : public QObject {
    Q_OBJECT
public:
    explicit PruneRunController(QObject* parent = nullptr);
    ~PruneRunController() override;

    bool isRunning() const { return m_thread.isRunning(); }
    bool isPaused() const { return m_thread.isPaused(); }
    // Start a run or an ablation; false (and runFailed) when one is already running.
    bool start(const dcs::train::PruneConfig& config, DatasetPtr dataset, const QString& runFolder = {});
    bool startAblation(const dcs::train::PruneConfig& config, DatasetPtr dataset, double keep);
    void pause() { m_thread.pause(); }
    void resume() { m_thread.resume(); }
    void stepOneEpoch() { m_thread.stepOneEpoch(); }
    void stop() { m_thread.stop(); }
    void stopAndWait() { m_thread.stopAndWait(); }

    std::optional<dcs::train::PruneSnapshot> latestSnapshot() const;
    std::vector<dcs::train::PruneEpochMetrics> history() const;
    // The dense net's epochs so far (empty when the run has no dense baseline).
    std::vector<dcs::train::PruneEpochMetrics> denseHistory() const;

Q_SIGNALS:
    void started();
    void progressChanged(int epoch, int epochs, double fractionOfRun, double loss, double etaSeconds);
    void snapshotReady();
    // Queued in order with the progress: true while the dense net to compare with trains.
    void densePhaseChanged(bool training);
    void message(const QString& text);
    void finished(const dcs::ui::PruneOutcome& outcome);
    void ablationFinished(const dcs::ui::AblationOutcome& outcome);
    void runFailed(const QString& message);

private:
    class Observer;
    class DenseObserver;
    bool refuseWhileRunning();

    RunThread m_thread;
    mutable std::mutex m_snapshotMutex;
    std::optional<dcs::train::PruneSnapshot> m_latest;
    std::vector<dcs::train::PruneEpochMetrics> m_history, m_denseHistory;
};

}  // namespace dcs::ui

Q_DECLARE_METATYPE(dcs::ui::PruneOutcome)
Q_DECLARE_METATYPE(dcs::ui::AblationOutcome)
