#pragma once
// Pause, step and stop requests from any thread; the trainer reads them between batches.

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

namespace dcs::train {

// How a run ended; every trainer's result says so, and summary.json spells it out.
enum class RunStatus { Finished, Stopped, Failed };

inline std::string toString(RunStatus status) {
    switch (status) {
        case RunStatus::Finished: return "finished";
        case RunStatus::Stopped: return "stopped";
        case RunStatus::Failed: return "failed";
    }
    return "unknown";
}

class RunControl {
public:
    void requestStop() { m_stop = true; }
    void pause() { m_paused = true; }
    void resume() {
        m_pauseAfterEpoch = false;
        m_paused = false;
    }
    // Runs one more epoch, then pauses again.
    void stepOneEpoch() {
        m_pauseAfterEpoch = true;
        m_paused = false;
    }

    bool stopRequested() const { return m_stop; }
    bool paused() const { return m_paused; }

    // Called by the trainer: blocks while paused; false when a stop was requested.
    bool waitWhilePaused() const {
        while (m_paused && !m_stop) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        return !m_stop;
    }
    // Called by the trainer after each epoch.
    void epochFinished() {
        if (m_pauseAfterEpoch.exchange(false)) m_paused = true;
    }

private:
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_paused{false};
    std::atomic<bool> m_pauseAfterEpoch{false};
};

}  // namespace dcs::train
