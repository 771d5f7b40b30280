// Replot time of the latent-space view at 10,000 and 70,000 points (target: <= 16 ms at 70,000),
// with the pixmap markers the view uses and, for comparison, QCustomPlot's vector disc markers.
#include <QApplication>
#include <QElapsedTimer>
#include <qcustomplot.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

#include "ui/cluster/latent_scatter_view.h"

namespace {

dcs::train::ClusterSnapshot syntheticSnapshot(int points, int clusters) {
    dcs::train::ClusterSnapshot s;
    s.clusters = clusters;
    std::mt19937 rng(1);
    std::normal_distribution<float> noise(0.0f, 0.6f);
    for (int i = 0; i < points; ++i) {
        const int k = i % clusters;
        s.latent.ids.push_back(i);
        s.latent.x.push_back(3.0f * std::cos(k * 0.63f) + noise(rng));
        s.latent.y.push_back(3.0f * std::sin(k * 0.63f) + noise(rng));
        s.latent.clusters.push_back(k);
        s.latent.labels.push_back((k + i / 7) % clusters);
    }
    for (int k = 0; k < clusters; ++k) {
        s.latent.centreX.push_back(3.0f * std::cos(k * 0.63f));
        s.latent.centreY.push_back(3.0f * std::sin(k * 0.63f));
    }
    return s;
}

double medianReplotMs(QCustomPlot* plot, int repetitions) {
    std::vector<double> times;
    for (int r = 0; r < repetitions; ++r) {
        QElapsedTimer timer;
        timer.start();
        plot->replot(QCustomPlot::rpImmediateRefresh);
        times.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    std::printf("| points | pixmap markers (the view) ms | ssDisc markers ms | update + replot ms |\n");
    std::printf("|---:|---:|---:|---:|\n");
    for (int points : {10000, 70000}) {
        dcs::ui::LatentScatterView view;
        view.resize(1000, 600);
        view.show();
        const auto snapshot = syntheticSnapshot(points, 10);
        QElapsedTimer update;
        update.start();
        view.setSnapshot(snapshot);
        view.plot()->replot(QCustomPlot::rpImmediateRefresh);
        const double updateMs = update.nsecsElapsed() / 1e6;
        const double pixmapMs = medianReplotMs(view.plot(), 15);
        for (int g = 0; g < view.plot()->graphCount() - 1; ++g)
            view.plot()->graph(g)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
        const double discMs = medianReplotMs(view.plot(), 15);
        std::printf("| %d | %.1f | %.1f | %.1f |\n", points, pixmapMs, discMs, updateMs);
    }
    return 0;
}
