#pragma once
// Small pieces every trainer needs: seeded generators per purpose, timing, threads and memory.

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <torch/nn/functional/loss.h>
#include <torch/nn/module.h>
#include <torch/serialize/input-archive.h>
#include <torch/types.h>
#include <torch/utils.h>

#include "dcs/io/atomic_file.h"

namespace dcs::train::run_support {

using Clock = std::chrono::steady_clock;

inline double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// A generator of its own for each purpose and epoch, so a resumed or repeated run draws exactly
// what an uninterrupted one would.
inline at::Generator generatorFor(uint64_t seed, uint64_t purpose, uint64_t epoch = 0) {
    return at::make_generator<at::CPUGeneratorImpl>(seed * 1'000'003ULL + purpose * 10'007ULL + epoch);
}

// glibc hands every block above a moving threshold (128 KiB at first) to mmap and gives it back to
// the kernel when freed, so each batch's activations are page-faulted in afresh. Measured here: a
// VGG-16 x0.25 forward pass at batch 256 took 168 ms instead of 38 ms, and a filter-pruning run spent
// a third of its time in the kernel. Blocks up to 32 MiB (glibc's ceiling) now come from the heap,
// and up to 512 MiB of freed heap is kept for the next batch instead of being trimmed.
inline void reuseFreedTensorMemory() {
#if defined(__GLIBC__)
    static std::once_flag once;
    std::call_once(once, [] {
        mallopt(M_MMAP_THRESHOLD, 32 << 20);
        mallopt(M_TRIM_THRESHOLD, 512 << 20);
    });
#endif
}

// Threads and memory for a run (or a comparison) about to compute. LibTorch here starts with one
// intra-op thread, and the setting belongs to the calling thread.
inline void prepareCompute(int threads) {
    reuseFreedTensorMemory();
    at::set_num_threads(threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
}

// The start of every run: prepareCompute, and the run folder (when there is one) made, with the
// configuration the run trains by in its config.json.
inline void startRun(int threads, const std::filesystem::path& folder, const std::string& configJson) {
    prepareCompute(threads);
    if (folder.empty()) return;
    std::filesystem::create_directories(folder);
    io::writeFileAtomically(folder / "config.json", configJson + "\n");
}

// Loads a module's weights from an archive. Module::load takes whatever shapes the archive holds, so
// they are compared with the module's own afterwards: returns the first parameter whose shape
// changed, or "" when all fit. A file that is no archive of the module throws c10::Error.
inline std::string loadKeepingShapes(torch::nn::Module& module, torch::serialize::InputArchive& archive) {
    std::vector<std::pair<std::string, std::vector<int64_t>>> expected;
    for (const auto& p : module.named_parameters()) expected.emplace_back(p.key(), p.value().sizes().vec());
    module.load(archive);
    const auto loaded = module.named_parameters();
    for (const auto& [name, shape] : expected)
        if (loaded[name].sizes().vec() != shape) return name;
    return {};
}

// A tensor's values as floats on the CPU (what snapshots carry).
inline std::vector<float> toFloats(const torch::Tensor& t) {
    const auto c = t.to(torch::kCPU).to(torch::kFloat32).contiguous();
    return {c.data_ptr<float>(), c.data_ptr<float>() + c.numel()};
}

struct Evaluation {
    double loss = 0.0, accuracy = 0.0;
    std::vector<uint8_t> correct;  // per image, whether the net's class was the label (1 or 0), for paired tests
};

// Mean cross-entropy and accuracy of a classifier (any module whose forward(images) gives logits)
// in eval mode, a thousand images at a time; the module's mode is put back.
template <typename Net>
Evaluation evaluateClassifier(Net& net, const torch::Tensor& images, const torch::Tensor& labels) {
    torch::NoGradGuard noGrad;
    const bool wasTraining = net.is_training();
    net.eval();
    double loss = 0.0;
    std::vector<torch::Tensor> correct;
    const int64_t n = images.size(0);
    for (int64_t start = 0; start < n; start += 1000) {
        const int64_t end = std::min(n, start + 1000);
        const torch::Tensor logits = net.forward(images.slice(0, start, end));
        const auto y = labels.slice(0, start, end);
        loss += torch::cross_entropy_loss(logits, y, {}, at::Reduction::Sum).item<double>();
        correct.push_back(logits.argmax(1) == y);
    }
    net.train(wasTraining);
    if (n == 0) return {};
    const auto all = torch::cat(correct).to(torch::kUInt8).contiguous();
    return {loss / static_cast<double>(n),
            all.sum().item<double>() / static_cast<double>(n),
            {all.data_ptr<uint8_t>(), all.data_ptr<uint8_t>() + n}};
}

// Median wall time in ms of a forward pass (eval, no gradients) of `batch` random images of the
// net's input shape.
template <typename Net>
double forwardLatencyMs(Net& net, int64_t channels, int64_t height, int64_t width, int64_t batch, int repeats) {
    torch::NoGradGuard noGrad;
    const bool wasTraining = net.is_training();
    net.eval();
    const auto input = torch::rand({batch, channels, height, width});
    for (int i = 0; i < 2; ++i) net.forward(input);  // warm the allocator and caches
    std::vector<double> times;
    for (int i = 0; i < std::max(1, repeats); ++i) {
        const auto start = Clock::now();
        net.forward(input);
        times.push_back(secondsSince(start) * 1000.0);
    }
    net.train(wasTraining);
    std::nth_element(times.begin(), times.begin() + static_cast<long>(times.size() / 2), times.end());
    return times[times.size() / 2];
}

}  // namespace dcs::train::run_support
