// How the virtualised gallery copes with a big data set: time to show it, and the time to repaint
// the view at each of many scroll positions (a frame budget of 16 ms is "smooth").
#include <QApplication>
#include <QElapsedTimer>
#include <QListView>
#include <QScrollBar>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "dcs/data/registry.h"
#include "dcs/error.h"
#include "ui/data/gallery_model.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const char* name = argc > 1 ? argv[1] : "fashion-mnist";
    const dcs::data::DatasetRegistry registry;
    std::shared_ptr<const dcs::data::Dataset> dataset;
    try {
        dataset = std::make_shared<const dcs::data::Dataset>(registry.load(name));
    } catch (const dcs::Error& e) {
        std::printf("| %s | not available: %s |\n", name, e.what());
        return 0;
    }

    dcs::ui::GalleryModel model;
    QListView view;
    view.setViewMode(QListView::IconMode);
    view.setUniformItemSizes(true);
    view.setLayoutMode(QListView::Batched);
    view.setBatchSize(2000);
    view.setIconSize(QSize(56, 56));
    view.setGridSize(QSize(72, 80));
    view.resize(1000, 800);
    view.setModel(&model);
    view.show();

    QElapsedTimer timer;
    timer.start();
    model.setDataset(dataset);
    // Batched layout goes on in the event loop: the scroll range grows until it is done. Its last
    // growth (with nothing new for 300 ms after) marks the end of the layout.
    int lastMaximum = -1;
    double layoutMs = 0;
    while (timer.elapsed() - layoutMs < 300) {
        QApplication::processEvents();
        if (view.verticalScrollBar()->maximum() != lastMaximum) {
            lastMaximum = view.verticalScrollBar()->maximum();
            layoutMs = timer.nsecsElapsed() / 1e6;
        }
    }

    std::vector<double> frames;
    auto* bar = view.verticalScrollBar();
    const int steps = 200;
    for (int i = 0; i < steps; ++i) {
        QElapsedTimer frame;
        frame.start();
        bar->setValue(static_cast<int>(static_cast<long long>(bar->maximum()) * i / (steps - 1)));
        view.viewport()->repaint();
        frames.push_back(frame.nsecsElapsed() / 1e6);
    }
    std::sort(frames.begin(), frames.end());
    std::printf("| data set | images | laid out ms | repaint median ms | p95 ms | max ms |\n");
    std::printf("|---|---:|---:|---:|---:|---:|\n");
    std::printf("| %s | %lld | %.1f | %.2f | %.2f | %.2f |\n", name, static_cast<long long>(dataset->size()), layoutMs, frames[frames.size() / 2], frames[frames.size() * 95 / 100], frames.back());
    return 0;
}
