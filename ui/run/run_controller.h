#pragma once
// The run bridge of the Cluster mode: owns one worker thread that runs a ClusterTrainer, forwards pause / resume /
// step / stop to it, keeps only the latest snapshot and announces it by a queued signal. Nothing
// here waits on the worker except the destructor, which stops the run and joins the thread.

#include <QObject>
#include <QString>

#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "dcs/train/cluster_config.h"
#include "dcs/train/snapshot.h"
#include "ui/data/dataset_ptr.h"
#include "ui/run/run_thread.h"

namespace dcs::ui {

struct RunOutcome {
    QString status;   // finished | stopped | failed
    QString message;
    int epochs = 0;
    std::optional<double> acc, nmi, ari;
    double seconds = 0.0;
    double imagesPerSecond = 0.0;
};

class RunController : public QObject {
    Q_OBJECT
public:
    explicit RunController(QObject* parent = nullptr);
    ~RunController() override;

    bool isRunning() const { return m_thread.isRunning(); }
    bool isPaused() const { return m_thread.isPaused(); }
    // Starts a run on the worker thread; false (and runFailed) when one is already running.
    bool start(const dcs::train::ClusterConfig& config, DatasetPtr dataset, const QString& runFolder = {});
    void pause();
    void resume();
    void stepOneEpoch();
    void stop();
    // Stops a running run and waits for its thread (used when the window closes).
    void stopAndWait();

    // The newest snapshot (copied out under a lock); empty before the first epoch ends.
    std::optional<dcs::train::ClusterSnapshot> latestSnapshot() const;
    // The numbers of every epoch of the current (or last) run, in order.
    std::vector<dcs::train::EpochMetrics> history() const;

Q_SIGNALS:
    void started();
    void progressChanged(int epoch, int epochs, double fractionOfRun, double loss, double etaSeconds);
    void snapshotReady();
    void finished(const dcs::ui::RunOutcome& outcome);
    void runFailed(const QString& message);  // the run could not start (bad config for this data)

private:
    class Observer;

    RunThread m_thread;
    mutable std::mutex m_snapshotMutex;
    std::optional<dcs::train::ClusterSnapshot> m_latest;
    std::vector<dcs::train::EpochMetrics> m_history;
};

}  // namespace dcs::ui

Q_DECLARE_METATYPE(dcs::ui::RunOutcome)
