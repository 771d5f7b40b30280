#pragma once
// The main window the mode tests (Cluster, Prune, Filters) drive offscreen: data sets looked up in
// an empty temporary folder, a generated data set loaded, one mode's tab open. A test class derives
// from it beside QObject and opens a fresh window in its init().

#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "dcs/data/registry.h"
#include "ui/main/main_window.h"

namespace dcs::test {

class ModeWindowFixture {
protected:
    QTemporaryDir m_dir;  // the registry's (empty) data folders, and where tests write their files
    std::unique_ptr<ui::MainWindow> m_window;

    template <typename T>
    T* find(const char* name) const {
        auto* widget = m_window->findChild<T*>(QString::fromLatin1(name));
        if (!widget) qWarning("no widget named %s", name);
        return widget;
    }

    // A shown 1200 x 800 window on `dataset` with the tab titled `mode` current; false (with a
    // warning) when the data set did not load or no tab has that title.
    bool openWindowOn(const QString& dataset, const QString& mode) {
        m_window = std::make_unique<ui::MainWindow>(
            data::DatasetRegistry({m_dir.filePath(QStringLiteral("data")).toStdString(),
                                   m_dir.filePath(QStringLiteral("none")).toStdString()}));
        m_window->resize(1200, 800);
        m_window->show();
        QSignalSpy shown(m_window.get(), &ui::MainWindow::datasetShown);
        m_window->loadDataset(dataset);
        if (!shown.wait(20000)) {
            qWarning("%s did not load", qPrintable(dataset));
            return false;
        }
        auto* modes = find<QTabWidget>("modeTabs");
        for (int i = 0; modes && i < modes->count(); ++i) {
            if (modes->tabText(i) == mode) {
                modes->setCurrentIndex(i);
                return true;
            }
        }
        qWarning("no mode tab titled %s", qPrintable(mode));
        return false;
    }
};

}  // namespace dcs::test
