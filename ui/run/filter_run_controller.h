#pragma once
// The run bridge of the Filters mode: runs a FilterPruneTrainer (one criterion, or every criterion
// on the same trained net) on a worker thread, keeps only the latest snapshot, and announces it by
// queued signals. The data set is split into training, validation and test parts on the worker.

#include <QObject>
#include <QString>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "dcs/train/filter_prune_config.h"
#include "dcs/train/filter_prune_snapshot.h"
#include "dcs/train/filter_prune_trainer.h"  // ComparisonRow
#include "ui/data/dataset_ptr.h"
#include "ui/run/run_thread.h"

namespace dcs::ui {

struct FilterOutcome {
    QString status;  // finished | stopped | failed
    QString message;
    // One row per criterion run: a single run has one, a comparison one per criterion (paired with the first).
    std::vector<dcs::train::FilterPruneTrainer::ComparisonRow> rows;
};

class FilterRunController : public QObject {
    Q_OBJECT
public:
    explicit FilterRunController(QObject* parent = nullptr);
    ~FilterRunController() override;

    bool isRunning() const { return m_thread.isRunning(); }
    bool isPaused() const { return m_thread.isPaused(); }
    // Start a run (runFolder empty: nothing saved) or a comparison of every criterion; false (and
    // runFailed) when one is already running.
    bool start(const dcs::train::FilterPruneConfig& config, DatasetPtr dataset, const QString& runFolder = {});
    bool startComparison(const dcs::train::FilterPruneConfig& config, DatasetPtr dataset);
    void pause() { m_thread.pause(); }
    void resume() { m_thread.resume(); }
    void stepOneEpoch() { m_thread.stepOneEpoch(); }
    void stop() { m_thread.stop(); }
    void stopAndWait() { m_thread.stopAndWait(); }

    std::optional<dcs::train::FilterPruneSnapshot> latestSnapshot() const;

Q_SIGNALS:
    void started();
    void progressChanged(int epoch, int epochs, double fractionOfRun, double loss, double etaSeconds);
    void snapshotReady();
    void message(const QString& text);
    void finished(const dcs::ui::FilterOutcome& outcome);
    void runFailed(const QString& message);

private:
    class Observer;
    bool startJob(const dcs::train::FilterPruneConfig& config, DatasetPtr dataset, const QString& runFolder, bool compare);

    RunThread m_thread;
    mutable std::mutex m_snapshotMutex;
    std::optional<dcs::train::FilterPruneSnapshot> m_latest;
};

}  // namespace dcs::ui

Q_DECLARE_METATYPE(dcs::ui::FilterOutcome)
