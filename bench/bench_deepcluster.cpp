// DeepCluster against the targets of METHODS.md, measured in one run:
//   mnist (10,000 digits): DCAE-Kmeans and DCAE-GMM (target ACC >= 0.92, NMI >= 0.85) beside raw-pixel
//   k-means; fashion-mnist (70,000, with --full): DCAE-Kmeans (target ACC >= 0.60).
// Throughput is printed beside the model's FLOPs per training image and this machine's sgemm rate
// measured in the same process, so images/s reads as a fraction of the compute limit.
// Usage: bench_deepcluster [--full] [--epochs N]
#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <thread>

#include "dcs/cluster/pixel_baseline.h"
#include "dcs/data/registry.h"
#include "dcs/error.h"
#include "dcs/train/cluster_trainer.h"

namespace {

using Clock = std::chrono::steady_clock;

double sgemmGflops() {
    const auto a = torch::rand({2048, 2048}), b = torch::rand({2048, 2048});
    torch::mm(a, b);  // warm-up
    const int reps = 5;
    const auto start = Clock::now();
    for (int i = 0; i < reps; ++i) torch::mm(a, b);
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return reps * 2.0 * 2048.0 * 2048.0 * 2048.0 / seconds / 1e9;
}

// Notes the time at which a run first reaches the accuracy target.
struct TargetWatch : dcs::train::TrainingObserver {
    double target;
    Clock::time_point start = Clock::now();
    double reachedAfter = -1;
    int reachedEpoch = -1;
    explicit TargetWatch(double t) : target(t) {}
    void onSnapshot(const dcs::train::ClusterSnapshot& s) override {
        std::fprintf(stderr, "  epoch %d: ACC %.4f NMI %.4f (%.0f img/s)\n", s.epoch, s.acc.value_or(0), s.nmi.value_or(0),
                     s.imagesPerSecond);
        if (reachedEpoch < 0 && s.acc && *s.acc >= target) {
            reachedEpoch = s.epoch;
            reachedAfter = std::chrono::duration<double>(Clock::now() - start).count();
        }
    }
};

void deepClusterRow(const dcs::data::DatasetRegistry& registry, const std::string& dataset, const std::string& method,
                    int epochs, double target, double gflops) {
    dcs::train::ClusterConfig config;
    config.dataset = dataset;
    config.method = method;
    if (epochs > 0) config.epochs = epochs;
    try {
        const auto data = registry.load(dataset);
        dcs::train::ClusterTrainer trainer(config, data);
        TargetWatch watch(target);
        std::fprintf(stderr, "%s %s, %d epochs\n", method.c_str(), dataset.c_str(), config.epochs);
        const auto result = trainer.run(&watch);
        // Training costs about three forward passes (forward, and backward through inputs and weights).
        const double trainFlops = 3.0 * 2.0 * static_cast<double>(result.macsPerImage);
        std::printf("| %s | %s | %lld | %d | %.4f | %.4f | %.4f | %.2f | %s | %.0f | %.1f | %.1f %% |\n", dataset.c_str(),
                    method.c_str(), static_cast<long long>(result.samples), result.epochsCompleted, result.acc.value_or(0),
                    result.nmi.value_or(0), result.ari.value_or(0), target,
                    watch.reachedEpoch > 0 ? (std::to_string(watch.reachedEpoch) + " (" +
                                              std::to_string(static_cast<int>(watch.reachedAfter)) + " s)").c_str()
                                           : "not reached",
                    result.imagesPerSecond, trainFlops / 1e6, 100.0 * result.imagesPerSecond * trainFlops / (gflops * 1e9));
        std::fflush(stdout);  // a long run stopped later keeps the rows already measured
    } catch (const dcs::Error& e) {
        std::printf("| %s | %s | not run: %s |\n", dataset.c_str(), method.c_str(), e.what());
    }
}

}  // namespace

int main(int argc, char** argv) {
    bool full = false;
    int epochs = 0;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--full") == 0) full = true;
        else if (std::strcmp(argv[i], "--epochs") == 0 && i + 1 < argc) epochs = std::atoi(argv[++i]);
    }
    at::set_num_threads(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
    const double gflops = sgemmGflops();
    std::printf("sgemm 2048^3 on %d threads: %.1f GFLOP/s\n\n", at::get_num_threads(), gflops);
    std::printf("| data set | method | n | epochs | ACC | NMI | ARI | ACC target | target reached at epoch | "
                "train img/s | MFLOP/img | of sgemm limit |\n");
    std::printf("|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|\n");
    const dcs::data::DatasetRegistry registry;
    deepClusterRow(registry, "mnist", "dcae-kmeans", epochs, 0.92, gflops);
    deepClusterRow(registry, "mnist", "dcae-gmm", epochs, 0.92, gflops);
    try {
        const auto mnist = registry.load("mnist");
        const auto baseline = dcs::cluster::runPixelBaseline(mnist, {});
        std::printf("| mnist | k-means on raw pixels | %lld | - | %.4f | %.4f | %.4f | (0.53) | - | - | - | - |\n",
                    static_cast<long long>(mnist.size()), baseline.scores->acc, baseline.scores->nmi, baseline.scores->ari);
    } catch (const dcs::Error& e) {
        std::printf("| mnist | k-means on raw pixels | not run: %s |\n", e.what());
    }
    if (full) deepClusterRow(registry, "fashion-mnist", "dcae-kmeans", epochs, 0.60, gflops);
    return 0;
}
