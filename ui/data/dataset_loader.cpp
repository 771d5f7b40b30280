#include "ui/data/dataset_loader.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

#include <atomic>

#include "dcs/error.h"

namespace dcs::ui {

DatasetLoader::DatasetLoader(dcs::data::DatasetRegistry registry, QObject* parent)
    : QObject(parent), m_registry(std::move(registry)) {
    qRegisterMetaType<DatasetPtr>();
}

DatasetLoader::~DatasetLoader() {
    for (auto& future : m_running) future.waitForFinished();
}

void DatasetLoader::finish(quint64 generation) {
    if (generation == m_generation) m_loading = false;
    m_running.erase(std::remove_if(m_running.begin(), m_running.end(), [](const QFuture<void>& f) { return f.isFinished(); }),
                    m_running.end());
}

void DatasetLoader::load(const QString& spec) {
    const quint64 generation = ++m_generation;
    m_loading = true;
    Q_EMIT started(spec);
    Q_EMIT progressChanged(0);
    // Results come back to the GUI thread as queued calls on this object; the destructor waits for
    // the worker, so `this` outlives every call the worker posts.
    m_running.append(QtConcurrent::run([this, spec, generation] {
        auto lastPercent = std::make_shared<std::atomic<int>>(-1);
        auto report = [this, generation, lastPercent](double fraction) {
            const int percent = static_cast<int>(fraction * 100.0);
            if (lastPercent->exchange(percent) == percent) return;
            QMetaObject::invokeMethod(this, [this, generation, percent] {
                if (generation == m_generation) Q_EMIT progressChanged(percent);
            }, Qt::QueuedConnection);
        };
        try {
            auto dataset = std::make_shared<const dcs::data::Dataset>(m_registry.load(spec.toStdString(), report));
            QMetaObject::invokeMethod(this, [this, spec, generation, dataset] {
                finish(generation);
                if (generation == m_generation) Q_EMIT loaded(spec, dataset);
            }, Qt::QueuedConnection);
        } catch (const std::exception& e) {
            // bad_alloc and the like land here too: a load never takes the application down.
            const QString message = QString::fromStdString(e.what());
            QMetaObject::invokeMethod(this, [this, spec, generation, message] {
                finish(generation);
                if (generation == m_generation) Q_EMIT failed(spec, message);
            }, Qt::QueuedConnection);
        }
    }));
}

}  // namespace dcs::ui
