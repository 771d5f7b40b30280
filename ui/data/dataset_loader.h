#pragma once
// Loads data sets off the GUI thread. Only the most recent request is reported: a slow load that
// has been superseded finishes in the background and is dropped.

#include <QFuture>
#include <QList>
#include <QObject>
#include <QString>

#include "dcs/data/registry.h"
#include "ui/data/dataset_ptr.h"

namespace dcs::ui {

class DatasetLoader : public QObject {
    Q_OBJECT
public:
    explicit DatasetLoader(dcs::data::DatasetRegistry registry, QObject* parent = nullptr);
    ~DatasetLoader() override;  // waits for loads still running

    const dcs::data::DatasetRegistry& registry() const { return m_registry; }
    bool isLoading() const { return m_loading; }
    void load(const QString& spec);

Q_SIGNALS:
    void started(const QString& spec);
    void progressChanged(int percent);
    void loaded(const QString& spec, const dcs::ui::DatasetPtr& dataset);
    void failed(const QString& spec, const QString& message);

private:
    void finish(quint64 generation);

    dcs::data::DatasetRegistry m_registry;
    quint64 m_generation = 0;
    bool m_loading = false;
    QList<QFuture<void>> m_running;
};

}  // namespace dcs::ui
