#pragma once
// What every run page (Cluster, Prune, Filters) shares: its layout (settings beside the views, a
// status line and progress bar below), the wiring between its run controller and its Pause/Resume,
// Step and Stop buttons, a redraw timer that draws the latest snapshot at most every 40 ms however
// fast snapshots arrive, and the in-epoch progress shown in the status line.

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QObject>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace dcs::ui {

// "2 min 05 s", or "42 s" under a minute.
inline QString durationText(double seconds) {
    const auto s = static_cast<long>(seconds + 0.5);
    return s >= 60 ? QCoreApplication::translate("dcs::ui::RunPage", "%1 min %2 s")
                         .arg(s / 60)
                         .arg(s % 60, 2, 10, QLatin1Char('0'))
                   : QCoreApplication::translate("dcs::ui::RunPage", "%1 s").arg(s);
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
template <typename Controller>
void showProgress(QObject* page, Controller* controller, QLabel* status, QProgressBar* progress) {
    QObject::connect(
        controller, &Controller::progressChanged, page,
        [status, progress](int epoch, int epochs, double fraction, double loss, double eta) {
            progress->setValue(static_cast<int>(fraction * 1000));
            status->setText(QCoreApplication::translate("dcs::ui::RunPage", "Epoch %1 of %2, loss %3, about %4 left")
                                .arg(epoch)
                                .arg(epochs)
                                .arg(loss, 0, 'f', 4)
                                .arg(durationText(eta)));
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
