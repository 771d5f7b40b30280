// Times loading the installed data sets through the registry, as the app and CLI load them.
// Prints one table row per data set: median / min / max seconds over the runs, and images per second.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "dcs/data/registry.h"
#include "dcs/error.h"

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    const dcs::data::DatasetRegistry registry;
    const std::vector<std::string> names{
        "mnist", "mnist-full", "fashion-mnist", "fashion-mnist:train", "fashion-mnist:test", "shapes"};
    std::printf("| data set | images | median s | min s | max s | images/s | target |\n");
    std::printf("|---|---:|---:|---:|---:|---:|---|\n");
    for (const auto& name : names) {
        std::vector<double> seconds;
        int64_t images = 0;
        try {
            for (int r = 0; r < runs; ++r) {
                const auto start = std::chrono::steady_clock::now();
                images = registry.load(name).size();
                seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
            }
        } catch (const dcs::Error& e) {
            std::printf("| %s | not available: %s |\n", name.c_str(), e.what());
            continue;
        }
        std::sort(seconds.begin(), seconds.end());
        const double median = seconds[seconds.size() / 2];
        const bool targeted = name == "mnist" || name == "fashion-mnist";
        std::printf("| %s | %lld | %.3f | %.3f | %.3f | %.0f | %s |\n", name.c_str(), static_cast<long long>(images),
                    median, seconds.front(), seconds.back(), static_cast<double>(images) / median,
                    targeted ? (median < 1.0 ? "< 1 s: met" : "< 1 s: MISSED") : "-");
    }
    return 0;
}
