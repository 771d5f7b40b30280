#include "ui/run/run_controller.h"

#include <QMetaObject>

#include "dcs/data/subsets.h"
#include "dcs/error.h"
#include "dcs/train/cluster_trainer.h"

namespace dcs::ui {

// Runs on the worker thread: stores the snapshot and posts a queued signal; never blocks on the GUI.
class RunController::Observer : public dcs::train::TrainingObserver {
public:
    explicit Observer(RunController* owner) : m_owner(owner) {}

    void onProgress(const dcs::train::TrainingProgress& p) override { postProgress(m_owner, p); }

    void onSnapshot(const dcs::train::ClusterSnapshot& snapshot) override {
        {
            std::lock_guard<std::mutex> lock(m_owner->m_snapshotMutex);
            m_owner->m_latest = snapshot;
            m_owner->m_history.push_back(snapshot.metrics());
        }
        QMetaObject::invokeMethod(m_owner, [owner = m_owner] { Q_EMIT owner->snapshotReady(); }, Qt::QueuedConnection);
    }

private:
    RunController* m_owner;
};

RunController::RunController(QObject* parent) : QObject(parent) { qRegisterMetaType<RunOutcome>(); }

RunController::~RunController() { stopAndWait(); }

bool RunController::start(const dcs::train::ClusterConfig& config, DatasetPtr dataset, const QString& runFolder) {
    if (m_thread.isRunning()) {
        Q_EMIT runFailed(tr("A run is already in progress; stop it first."));
        return false;
    }
    {
        std::lock_guard<std::mutex> lock(m_snapshotMutex);
        m_latest.reset();
        m_history.clear();
    }
    const std::string folder = runFolder.toStdString();
    auto work = [this, config, dataset, folder](dcs::train::RunControl* control, RunOutcome& outcome) {
        // Everything that copies images happens here, off the GUI thread.
        DatasetPtr data = dataset;
        if (config.limit > 0 && config.limit < data->size())
            data = std::make_shared<const dcs::data::Dataset>(dcs::data::firstN(*data, config.limit));
        dcs::train::ClusterTrainer trainer(config, *data, folder);
        Observer observer(this);
        const auto result = trainer.run(&observer, control);
        outcome.status = QString::fromStdString(dcs::train::toString(result.status));
        outcome.message = QString::fromStdString(result.message);
        outcome.epochs = result.epochsCompleted;
        outcome.acc = result.acc;
        outcome.nmi = result.nmi;
        outcome.ari = result.ari;
        outcome.seconds = result.seconds;
        outcome.imagesPerSecond = result.imagesPerSecond;
    };
    m_thread.startReporting(this, &RunController::finished, std::move(work));
    Q_EMIT started();
    return true;
}

void RunController::pause() { m_thread.pause(); }
void RunController::resume() { m_thread.resume(); }
void RunController::stepOneEpoch() { m_thread.stepOneEpoch(); }
void RunController::stop() { m_thread.stop(); }
void RunController::stopAndWait() { m_thread.stopAndWait(); }

std::optional<dcs::train::ClusterSnapshot> RunController::latestSnapshot() const {
    std::lock_guard<std::mutex> lock(m_snapshotMutex);
    return m_latest;
}

std::vector<dcs::train::EpochMetrics> RunController::history() const {
    std::lock_guard<std::mutex> lock(m_snapshotMutex);
    return m_history;
}

}  // namespace dcs::ui
