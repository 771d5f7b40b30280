#pragma once
// What every run page (Cluster, Prune, Filters) shares: its layout (settings beside the views, a
// status line and progress bar below), the wiring between its run controller and its Pause/Resume,
// Step and Stop buttons, a redraw timer that draws the latest snapshot at most every 40 ms however
// fast snapshots arrive, the in-epoch progress shown in the status line, the check before a start and
// the new run's folder.

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QObject>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>
#include <functional>

#include "ui/data/dataset_ptr.h"

namespace dcs::ui {

// "2 min 05 s", or "42 s" under a minute.
inline QString durationText(double seconds) {
    const auto s = static_cast<long>(seconds + 0.5);
    return s >= 60 ? QCoreApplication::translate("dcs::ui::RunPage", "%1 min %2 s")
                         .arg(s / 60)
                         .arg(s % 60, 2, 10, QLatin1Char('0'))
                   : QCoreApplication::translate("dcs::ui::RunPage", "%1 s").arg(s);
}

// A new run's folder under the runs directory, named by its start time (to the millisecond, so two
// runs started within a second get two folders) and by what runs: "20261203-141502-123-prune-vote".
inline QString newRunFolder(const QString& runsDirectory, const QString& what) {
    return QDir(runsDirectory)
        .filePath(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz-")) + what);
}

// Whether a run may start: a data set is loaded, it has labels if the run needs them, and the form's
// settings are valid; if not, the status line says what to do. noLabelsMessage is what to say when
// the data set has no labels; empty when the run can do without them.
template <typename Form>
bool readyToStart(QLabel* status, const DatasetPtr& dataset, const Form& form, const QString& noLabelsMessage = {}) {
    if (!dataset) {
        status->setText(
            QCoreApplication::translate("dcs::ui::RunPage", "No data set: load one in the Data tab first."));
        return false;
    }
    if (!noLabelsMessage.isEmpty() && !dataset->hasLabels()) {
        status->setText(noLabelsMessage);
        return false;
    }
    if (!form.isValid()) {
        status->setText(QCoreApplication::translate("dcs::ui::RunPage", "Fix the settings first: %1")
                            .arg(form.validationMessage()));
        return false;
    }
    return true;
}

// The status line once a data set is chosen while no run is going: what to do next or, for a run
// that needs labels (noLabelsMessage not empty), why this data set cannot start one.
inline QString datasetChosenText(const QString& spec, const dcs::data::Dataset& dataset,
                                 const QString& noLabelsMessage = {}) {
    if (!noLabelsMessage.isEmpty() && !dataset.hasLabels()) return noLabelsMessage;
    return QCoreApplication::translate("dcs::ui::RunPage",
                                       "'%1' (%2 images) is loaded: set up the run and press Start.")
        .arg(spec, QLocale().toString(static_cast<qlonglong>(dataset.size())));
}

// The settings panel on the left of the views (the views take the extra width), the status line and
// progress bar under both.
inline void layOutRunPage(QWidget* page, QWidget* settings, QWidget* views, QLabel* status, QProgressBar* progress) {
    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(settings);
    splitter->addWidget(views);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({330, 1000});
    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(status, 1);
    statusRow->addWidget(progress);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(splitter, 1);
    layout->addLayout(statusRow);
}

// Controller: a progressChanged(epoch, epochs, fractionOfRun, loss, etaSeconds) signal.
// phase, when given: a text with %1 that names the part of a run the progress belongs to (or "").
template <typename Controller>
void showProgress(QObject* page, Controller* controller, QLabel* status, QProgressBar* progress,
                  std::function<QString()> phase = {}) {
    QObject::connect(controller, &Controller::progressChanged, page,
                     [status, progress, phase](int epoch, int epochs, double fraction, double loss, double eta) {
                         progress->setValue(static_cast<int>(fraction * 1000));
                         const QString text =
                             QCoreApplication::translate("dcs::ui::RunPage", "Epoch %1 of %2, loss %3, about %4 left")
                                 .arg(epoch)
                                 .arg(epochs)
                                 .arg(loss, 0, 'f', 4)
                                 .arg(durationText(eta));
                         const QString within = phase ? phase() : QString();
                         status->setText(within.isEmpty() ? text : within.arg(text));
                     });
}

// Controller: pause(), resume(), stepOneEpoch(), stop(), isPaused(), and a snapshotReady signal.
template <typename Page, typename Controller>
void wireRunControls(Page* page, Controller* controller, QPushButton* pause, QPushButton* step, QPushButton* stop,
                     QTimer* redrawTimer, void (Page::*redraw)(), void (Page::*updateButtons)()) {
    redrawTimer->setSingleShot(true);
    redrawTimer->setInterval(40);
    QObject::connect(redrawTimer, &QTimer::timeout, page, redraw);
    QObject::connect(controller, &Controller::snapshotReady, page, [redrawTimer] {
        if (!redrawTimer->isActive()) redrawTimer->start();
    });
    QObject::connect(pause, &QPushButton::clicked, page, [page, controller, updateButtons] {
        if (controller->isPaused())
            controller->resume();
        else
            controller->pause();
        (page->*updateButtons)();
    });
    QObject::connect(step, &QPushButton::clicked, page, [page, controller, updateButtons] {
        controller->stepOneEpoch();
        (page->*updateButtons)();
    });
    QObject::connect(stop, &QPushButton::clicked, controller, &Controller::stop);
}

}  // namespace dcs::ui
