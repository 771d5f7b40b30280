#include "ui/run/prune_run_controller.h"

#include <QMetaObject>

namespace dcs::ui {

// Runs on the worker thread: stores the snapshot and posts queued signals; never blocks on the GUI.
class PruneRunController::Observer : public dcs::train::TrainingObserver {
public:
    explicit Observer(PruneRunController* owner) : m_owner(owner) {}

    void onProgress(const dcs::train::TrainingProgress& p) override { postProgress(m_owner, p); }

    void onPruneSnapshot(const dcs::train::PruneSnapshot& snapshot) override {
        {
            std::lock_guard<std::mutex> lock(m_owner->m_snapshotMutex);
            m_owner->m_latest = snapshot;
            m_owner->m_history.push_back(snapshot.metrics);
        }
        QMetaObject::invokeMethod(m_owner, [owner = m_owner] { Q_EMIT owner->snapshotReady(); }, Qt::QueuedConnection);
    }

    void onMessage(const std::string& text) override {
        const auto shown = QString::fromStdString(text);
        QMetaObject::invokeMethod(m_owner, [owner = m_owner, shown] { Q_EMIT owner->message(shown); },
                                  Qt::QueuedConnection);
    }

private:
    PruneRunController* m_owner;
};

PruneRunController::PruneRunController(QObject* parent) : QObject(parent) {
    qRegisterMetaType<PruneOutcome>();
    qRegisterMetaType<AblationOutcome>();
}

PruneRunController::~PruneRunController() { stopAndWait(); }

bool PruneRunController::refuseWhileRunning() {
    if (!m_thread.isRunning()) {
        std::lock_guard<std::mutex> lock(m_snapshotMutex);
        m_latest.reset();
        m_history.clear();
        return false;
    }
    Q_EMIT runFailed(tr("A run is already in progress; stop it first."));
    return true;
}

bool PruneRunController::start(const dcs::train::PruneConfig& config, DatasetPtr dataset, const QString& runFolder) {
    if (refuseWhileRunning()) return false;
    const std::string folder = runFolder.toStdString();
    auto work = [this, config, dataset, folder](dcs::train::RunControl* control, PruneOutcome& outcome) {
        const auto data = dcs::train::splitForPruning(*dataset, nullptr, config);
        dcs::train::PruneTrainer trainer(config, data, folder);
        Observer observer(this);
        const auto result = trainer.run(&observer, control);
        outcome.status = QString::fromStdString(dcs::train::toString(result.status));
        outcome.message = QString::fromStdString(result.message);
        outcome.epochs = result.epochsCompleted;
        outcome.events = result.pruningEvents;
        outcome.testAccuracy = result.testAccuracy;
        outcome.parametersBefore = result.parametersBefore;
        outcome.parametersAfter = result.parametersAfter;
        outcome.macsBefore = result.macsBefore;
        outcome.macsAfter = result.macsAfter;
        outcome.latencyBefore = result.latencyBatch256BeforeMs;
        outcome.latencyAfter = result.latencyBatch256AfterMs;
        outcome.widthsBefore = result.widthsBefore;
        outcome.widthsAfter = result.widthsAfter;
        outcome.seconds = result.seconds;
    };
    m_thread.startReporting(this, &PruneRunController::finished, std::move(work));
    Q_EMIT started();
    return true;
}

bool PruneRunController::startAblation(const dcs::train::PruneConfig& config, DatasetPtr dataset, double keep) {
    if (refuseWhileRunning()) return false;
    auto work = [this, config, dataset, keep](dcs::train::RunControl* control, AblationOutcome& outcome) {
        outcome.keep = keep;
        const auto data = dcs::train::splitForPruning(*dataset, nullptr, config);
        Observer observer(this);
        const auto result = dcs::train::runPruneAblation(config, data, keep, &observer, control);
        outcome.status = result.stopped ? QStringLiteral("stopped") : QStringLiteral("finished");
        outcome.denseAccuracy = result.denseAccuracy;
        for (const auto& name : result.layerNames) outcome.layers << QString::fromStdString(name);
        for (const auto& row : result.rows) {
            const auto criterion = QString::fromStdString(row.criterion);
            if (outcome.criteria.isEmpty() || outcome.criteria.back() != criterion) {
                outcome.criteria << criterion;
                outcome.cells.emplace_back();
            }
            outcome.cells.back().push_back(row);
        }
    };
    m_thread.startReporting(this, &PruneRunController::ablationFinished, std::move(work));
    Q_EMIT started();
    return true;
}

std::optional<dcs::train::PruneSnapshot> PruneRunController::latestSnapshot() const {
    std::lock_guard<std::mutex> lock(m_snapshotMutex);
    return m_latest;
}

std::vector<dcs::train::PruneEpochMetrics> PruneRunController::history() const {
    std::lock_guard<std::mutex> lock(m_snapshotMutex);
    return m_history;
}

}  // namespace dcs::ui
