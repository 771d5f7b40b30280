#pragma once
// The wiring every run page shares between its run controller and its widgets: Pause/Resume, Step
// and Stop buttons, and a redraw timer that draws the latest snapshot at most every 40 ms however
// fast snapshots arrive.

#include <QObject>
#include <QPushButton>
#include <QTimer>

namespace dcs::ui {

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
        if (controller->isPaused()) controller->resume();
        else controller->pause();
        (page->*updateButtons)();
    });
    QObject::connect(step, &QPushButton::clicked, page, [page, controller, updateButtons] {
        controller->stepOneEpoch();
        (page->*updateButtons)();
    });
    QObject::connect(stop, &QPushButton::clicked, controller, &Controller::stop);
}

}  // namespace dcs::ui
