#include "ui/run/prune_run_controller.h"

#include <QMetaObject>
#include <functional>
#include <utility>

#include "dcs/metrics/paired_test.h"

namespace dcs::ui {

// Runs on the worker thread: stores the snapshot and posts queued signals; never blocks on the GUI.
// progressOffset: the share of the bar the dense net's training took before this run (0 or a half);
// started: called once, at the run's first progress.
class PruneRunController::Observer : public dcs::train::TrainingObserver {
public:
    explicit Observer(PruneRunController* owner, double progressOffset = 0.0, std::function<void()> started = {})
        : m_owner(owner), m_offset(progressOffset), m_started(std::move(started)) {}

    void onProgress(const dcs::train::TrainingProgress& p) override {
        if (m_started) std::exchange(m_started, nullptr)();
        postProgress(m_owner, p, m_offset, 1.0 - m_offset);
    }

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
    double m_offset;
    std::function<void()> m_started;
};

// The dense net trained first for comparison: the first half of the bar, its epochs in the dense
// history (not the snapshot the pruning views draw), its messages marked as its own.
class PruneRunController::DenseObserver : public dcs::train::TrainingObserver {
public:
    explicit DenseObserver(PruneRunController* owner) : m_owner(owner) {}

    void onProgress(const dcs::train::TrainingProgress& p) override {
        auto whole = p;  // the pruning run still to come takes at most as long as the dense one
        whole.etaSeconds = p.etaSeconds + p.elapsedSeconds + p.etaSeconds;
        postProgress(m_owner, whole, 0.0, 0.5);
    }

    void onPruneSnapshot(const dcs::train::PruneSnapshot& snapshot) override {
        {
            std::lock_guard<std::mutex> lock(m_owner->m_snapshotMutex);
            m_owner->m_denseHistory.push_back(snapshot.metrics);
        }
        QMetaObject::invokeMethod(
            m_owner, [owner = m_owner] { Q_EMIT owner->snapshotReady(); }, Qt::QueuedConnection);
    }

    void onMessage(const std::string& text) override {
        const auto shown = PruneRunController::tr("Dense net: %1").arg(QString::fromStdString(text));
        QMetaObject::invokeMethod(
            m_owner, [owner = m_owner, shown] { Q_EMIT owner->message(shown); }, Qt::QueuedConnection);
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
        m_denseHistory.clear();
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
        const bool withDense = config.denseBaseline && config.schedule != "none";
        // Queued like the progress, so the page sees the phases in order with it.
        const auto announcePhase = [this](bool dense) {
            QMetaObject::invokeMethod(
                this, [this, dense] { Q_EMIT densePhaseChanged(dense); }, Qt::QueuedConnection);
        };
        DenseObserver denseObserver(this);
        Observer observer(this, withDense ? 0.5 : 0.0, [announcePhase] { announcePhase(false); });
        if (withDense) announcePhase(true);
        const auto comparison =
            dcs::train::runPruneComparedWithDense(config, data, folder, &denseObserver, &observer, control);
        const auto& result = comparison.pruned;
        if (comparison.dense && comparison.dense->status == dcs::train::RunStatus::Finished &&
            result.testCorrect.size() == comparison.dense->testCorrect.size() && !result.testCorrect.empty()) {
            const auto paired = dcs::metrics::pairOnSameImages(comparison.dense->testCorrect, result.testCorrect);
            outcome.compared = true;
            outcome.denseAccuracy = comparison.dense->testAccuracy;
            outcome.onlyDenseRight = paired.onlyFirstRight;
            outcome.onlyPrunedRight = paired.onlySecondRight;
            outcome.pairedP = paired.p;
        }
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

std::vector<dcs::train::PruneEpochMetrics> PruneRunController::denseHistory() const {
    std::lock_guard<std::mutex> lock(m_snapshotMutex);
    return m_denseHistory;
}

}  // namespace dcs::ui
