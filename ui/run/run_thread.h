#pragma once
// One worker thread and the RunControl its job reads: what every run bridge (cluster, prune,
// filters) shares. The job gets the control; its outcome comes back to the GUI thread.

#include <QMetaObject>
#include <QString>
#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <thread>

#include "dcs/train/run_control.h"
#include "dcs/train/snapshot.h"

namespace dcs::ui {

class RunThread {
public:
    RunThread() = default;
    RunThread(const RunThread&) = delete;
    RunThread& operator=(const RunThread&) = delete;
    ~RunThread() { stopAndWait(); }

    bool isRunning() const { return m_running; }
    bool isPaused() const { return m_control && m_control->paused(); }

    // Joins the previous (finished) job's thread and starts this one.
    void start(std::function<void(dcs::train::RunControl*)> job) {
        join();
        m_control = std::make_unique<dcs::train::RunControl>();
        m_running = true;
        m_worker = std::thread([job = std::move(job), control = m_control.get()] { job(control); });
    }
    // Starts work(control, outcome) on the worker. An exception from it makes the outcome "failed"
    // with the exception's text; either way the outcome then reaches owner's `finished` signal on
    // the GUI thread, after the run is marked finished (so a slot may start the next run).
    template <typename Outcome, typename Owner, typename Work>
    void startReporting(Owner* owner, void (Owner::*finished)(const Outcome&), Work work) {
        start([this, owner, finished, work = std::move(work)](dcs::train::RunControl* control) {
            Outcome outcome;
            try {
                work(control, outcome);
            } catch (const std::exception& e) {
                outcome.status = QStringLiteral("failed");
                outcome.message = QString::fromStdString(e.what());
            }
            QMetaObject::invokeMethod(
                owner,
                [this, owner, finished, outcome] {
                    m_running = false;
                    Q_EMIT(owner->*finished)(outcome);
                },
                Qt::QueuedConnection);
        });
    }

    void pause() {
        if (m_control) m_control->pause();
    }
    void resume() {
        if (m_control) m_control->resume();
    }
    void stepOneEpoch() {
        if (m_control) m_control->stepOneEpoch();
    }
    void stop() {
        if (m_control) m_control->requestStop();
    }
    void stopAndWait() {
        stop();
        join();
    }

private:
    void join() {
        if (m_worker.joinable()) m_worker.join();
    }

    std::unique_ptr<dcs::train::RunControl> m_control;
    std::thread m_worker;
    std::atomic<bool> m_running{false};
};

// Called on the worker: posts a run's in-epoch progress to owner's progressChanged signal (queued).
// A run made of parts shows each part as its share of the bar: fraction = offset + share x the part's.
template <typename Owner>
void postProgress(Owner* owner, const dcs::train::TrainingProgress& p, double offset = 0.0, double share = 1.0) {
    const double fraction =
        offset + share * ((p.epoch - 1) + static_cast<double>(p.batch) / std::max<int64_t>(1, p.batches)) /
                     std::max(1, p.epochs);
    QMetaObject::invokeMethod(
        owner,
        [owner, p, fraction] { Q_EMIT owner->progressChanged(p.epoch, p.epochs, fraction, p.loss, p.etaSeconds); },
        Qt::QueuedConnection);
}

}  // namespace dcs::ui
