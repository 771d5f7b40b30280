// Training with the app open: the longest stall of the GUI event loop while a run trains (target
// <= 50 ms), and the run's images/s against the same run trained without the GUI in the same
// process (target >= 0.9x).
// Usage: bench_gui_run [DATASET] [LIMIT] [EPOCHS]   (default mnist 3000 6)
#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTimer>

#include <algorithm>
#include <cstdio>

#include "dcs/data/registry.h"
#include "dcs/data/subsets.h"
#include "dcs/error.h"
#include "dcs/train/cluster_trainer.h"
#include "ui/cluster/cluster_form.h"
#include "ui/cluster/cluster_page.h"
#include "ui/main/main_window.h"
#include "ui/run/run_controller.h"

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const QString dataset = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("mnist");
    const int limit = argc > 2 ? std::atoi(argv[2]) : 3000;
    const int epochs = argc > 3 ? std::atoi(argv[3]) : 6;

    const dcs::data::DatasetRegistry registry;
    dcs::ui::MainWindow window(registry);
    window.resize(1360, 860);
    window.show();
    QSignalSpy shown(&window, &dcs::ui::MainWindow::datasetShown);
    window.loadDataset(dataset);
    if (!shown.wait(60000)) {
        std::printf("| %s | could not be loaded |\n", qPrintable(dataset));
        return 0;
    }
    window.showMode(1);
    auto* page = window.clusterPage();
    auto config = page->form()->config();
    config.epochs = epochs;
    config.warmupEpochs = epochs / 2;
    config.limit = limit;
    page->form()->setConfig(config);

    // The event loop's longest gap: a 5 ms timer that notes how late each tick comes.
    QElapsedTimer clock;
    qint64 last = 0, longest = 0;
    QTimer ticker;
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        longest = std::max(longest, now - last);
        last = now;
    });
    double guiImagesPerSecond = 0;
    QObject::connect(page->controller(), &dcs::ui::RunController::finished,
                     [&](const dcs::ui::RunOutcome& outcome) { guiImagesPerSecond = outcome.imagesPerSecond; });
    QSignalSpy finished(page, &dcs::ui::ClusterPage::runFinished);
    clock.start();
    ticker.start();
    page->startRun();
    finished.wait(30 * 60 * 1000);
    ticker.stop();

    // The same run without the GUI.
    config.dataset = dataset.toStdString();
    auto data = registry.load(config.dataset);
    if (config.limit > 0) data = dcs::data::firstN(data, config.limit);
    const auto headless = dcs::train::ClusterTrainer(config, data).run();

    std::printf("| data set | images | epochs | longest event-loop stall ms | GUI img/s | no-GUI img/s | ratio |\n");
    std::printf("|---|---:|---:|---:|---:|---:|---:|\n");
    std::printf("| %s | %d | %d | %lld | %.0f | %.0f | %.2f |\n", qPrintable(dataset), limit, epochs,
                static_cast<long long>(longest), guiImagesPerSecond, headless.imagesPerSecond,
                guiImagesPerSecond / std::max(1.0, headless.imagesPerSecond));
    return 0;
}
