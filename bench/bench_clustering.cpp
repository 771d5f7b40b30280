// Clustering baselines and k-means speed, measured in one run:
//  - k-means on 70,000 x 10 points (fashion-mnist reduced by PCA), target: well under a second;
//  - k-means on the raw pixels of mnist / fashion-mnist with ACC, NMI, ARI (the papers' reference
//    for mnist is about 0.53 ACC).
#include <torch/torch.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include "dcs/cluster/kmeans.h"
#include "dcs/cluster/pca.h"
#include "dcs/cluster/pixel_baseline.h"
#include "dcs/data/dataset_tensor.h"
#include "dcs/data/registry.h"
#include "dcs/error.h"

namespace {
double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}
}  // namespace

int main() {
    at::set_num_threads(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
    const dcs::data::DatasetRegistry registry;
    try {
        const auto fashion = registry.load("fashion-mnist");
        const auto pixels = dcs::data::imagesTensor(fashion).view({fashion.size(), -1});
        const auto points = dcs::cluster::Pca::fit(pixels, 10).project(pixels);
        std::printf("| k-means on %lld x 10 points (K = 10) | restarts | seconds | iterations |\n",
                    static_cast<long long>(points.size(0)));
        std::printf("|---|---:|---:|---:|\n");
        for (int restarts : {1, 4}) {
            dcs::cluster::KMeansOptions options;
            options.restarts = restarts;
            const auto start = std::chrono::steady_clock::now();
            const auto result = dcs::cluster::kmeans(points, options);
            std::printf("| fashion-mnist PCA-10 | %d | %.3f | %d |\n", restarts, secondsSince(start), result.iterations);
        }
    } catch (const dcs::Error& e) {
        std::printf("fashion-mnist not available: %s\n", e.what());
    }

    std::printf("\n| raw-pixel baseline | images | PCA | ACC | NMI (arithmetic) | ARI | seconds |\n");
    std::printf("|---|---:|---:|---:|---:|---:|---:|\n");
    for (const char* name : {"mnist", "fashion-mnist"}) {
        for (int64_t pca : {int64_t{0}, int64_t{50}}) {
            try {
                const auto dataset = registry.load(name);
                dcs::cluster::PixelBaselineOptions options;
                options.pcaDimensions = pca;
                const auto result = dcs::cluster::runPixelBaseline(dataset, options);
                std::printf("| k-means, %s | %lld | %s | %.4f | %.4f | %.4f | %.2f |\n", name,
                            static_cast<long long>(dataset.size()), pca ? std::to_string(pca).c_str() : "off",
                            result.scores->acc, result.scores->nmi, result.scores->ari, result.seconds);
            } catch (const dcs::Error& e) {
                std::printf("| k-means, %s | not available: %s |\n", name, e.what());
            }
        }
    }
    return 0;
}
