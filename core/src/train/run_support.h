#pragma once
// Small pieces every trainer needs: seeded generators per purpose, timing, worker threads.

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <thread>
#include <vector>

#include <torch/types.h>

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

// LibTorch here starts with one intra-op thread, and the setting belongs to the calling thread.
inline void useThreads(int threads) {
    at::set_num_threads(threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
}

// A tensor's values as floats on the CPU (what snapshots carry).
inline std::vector<float> toFloats(const torch::Tensor& t) {
    const auto c = t.to(torch::kCPU).to(torch::kFloat32).contiguous();
    return {c.data_ptr<float>(), c.data_ptr<float>() + c.numel()};
}

}  // namespace dcs::train::run_support
