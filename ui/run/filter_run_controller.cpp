#include "ui/run/filter_run_controller.h"

#include <QMetaObject>

#include "dcs/train/filter_prune_trainer.h"

namespace dcs::ui {

// Runs on the worker thread: stores the snapshot and posts queued signals; never blocks on the GUI.
class FilterRunController::Observer : public dcs::train::TrainingObserver {
public:
    explicit Observer(FilterRunController* owner) : m_owner(owner) {}

    void onProgress(const dcs::train::TrainingProgress& p) override { postProgress(m_owner, p); }

    void onFilterPruneSnapshot(const dcs::train::FilterPruneSnapshot& snapshot) override {
        {
            std::lock_guard<std::mutex> lock(m_owner->m_snapshotMutex);
            m_owner->m_latest = snapshot;
        }
        QMetaObject::invokeMethod(m_owner, [owner = m_owner] { Q_EMIT owner->snapshotReady(); }, Qt::QueuedConnection);
    }

    void onMessage(const std::string& text) override {
        const auto shown = QString::fromStdString(text);
        QMetaObject::invokeMethod(m_owner, [owner = m_owner, shown] { Q_EMIT owner->message(shown); }, Qt::QueuedConnection);
    }

private:
    FilterRunController* m_owner;
};

FilterRunController::FilterRunController(QObject* parent) : QObject(parent) { qRegisterMetaType<FilterOutcome>(); }

FilterRunController::~FilterRunController() { stopAndWait(); }

bool FilterRunController::start(const dcs::train::FilterPruneConfig& config, DatasetPtr dataset, const QString& runFolder) {
    return startJob(config, std::move(dataset), runFolder, false);
}

bool FilterRunController::startComparison(const dcs::train::FilterPruneConfig& config, DatasetPtr dataset) {
    return startJob(config, std::move(dataset), {}, true);
}

bool FilterRunController::startJob(const dcs::train::FilterPruneConfig& config, DatasetPtr dataset, const QString& runFolder,
                                   bool compare) {
    if (m_thread.isRunning()) {
        Q_EMIT runFailed(tr("A run is already in progress; stop it first."));
        return false;
    }
    {
        std::lock_guard<std::mutex> lock(m_snapshotMutex);
        m_latest.reset();
    }
    const std::string folder = runFolder.toStdString();
    auto work = [this, config, dataset, folder, compare](dcs::train::RunControl* control, FilterOutcome& outcome) {
        const auto data = dcs::train::splitForFilterPruning(*dataset, nullptr, config);
        dcs::train::FilterPruneTrainer trainer(config, data, folder);
        Observer observer(this);
        if (compare) {
            const auto comparison = trainer.compare(dcs::train::filterCriterionNames(), &observer, control);
            outcome.status = comparison.stopped ? QStringLiteral("stopped") : QStringLiteral("finished");
            outcome.message = QString::fromStdString(comparison.message);
            outcome.rows = comparison.rows;
        } else {
            const auto result = trainer.run(&observer, control);
            outcome.status = QString::fromStdString(dcs::train::toString(result.status));
            outcome.message = QString::fromStdString(result.message);
            if (result.summary.finalAccuracy >= 0.0) outcome.rows.push_back({config.criterion, result.summary});
        }
    };
    m_thread.startReporting(this, &FilterRunController::finished, std::move(work));
    Q_EMIT started();
    return true;
}

std::optional<dcs::train::FilterPruneSnapshot> FilterRunController::latestSnapshot() const {
    std::lock_guard<std::mutex> lock(m_snapshotMutex);
    return m_latest;
}

}  // namespace dcs::ui
