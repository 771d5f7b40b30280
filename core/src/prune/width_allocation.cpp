#include "dcs/prune/width_allocation.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <memory>
#include <tuple>

#include "dcs/error.h"

namespace dcs::prune {
namespace {

int64_t macsWithWidths(model::FilterNetSpec spec, const std::vector<int64_t>& widths) {
    spec.prunableWidths = widths;
    return model::FilterNetImpl::macsPerImage(spec);
}

// The multiply-accumulates per image the pruned net may keep.
double macsBudget(const model::FilterNetSpec& dense, const WidthTarget& target) {
    return (1.0 - target.flopsReduction) * static_cast<double>(model::FilterNetImpl::macsPerImage(dense));
}

// The step a conv's width moves in: the CPU block, halved until the conv holds at least two steps
// (a 16-filter conv moves by 8 with 16-float blocks: 12 channels cost almost what 16 do, 8 far less).
int64_t gridStep(int64_t width, int64_t multiple) {
    int64_t step = std::max<int64_t>(1, multiple);
    while (step > 1 && width < 2 * step) step /= 2;
    return step;
}

// The share of each conv's filters, rounded to the nearest step of its grid.
std::vector<int64_t> widthsForShare(const model::FilterNetSpec& spec, double share, const WidthTarget& target) {
    std::vector<int64_t> keep;
    for (const auto w : spec.prunableWidths) {
        const double wanted = share * static_cast<double>(w);
        const int64_t step = gridStep(w, target.channelMultiple);
        const int64_t k = step == 1 ? static_cast<int64_t>(std::ceil(wanted - 1e-9))
                                    : std::max<int64_t>(step, std::llround(wanted / static_cast<double>(step)) * step);
        keep.push_back(std::clamp<int64_t>(k, std::min(target.minFilters, w), w));
    }
    return keep;
}

// The next narrower width on the grid: the multiple of `multiple` below `width`, or half of it
// once it is one multiple or less.
int64_t nextNarrower(int64_t width, int64_t multiple) {
    if (multiple <= 1) return width - 1;
    if (width > multiple) return (width - 1) / multiple * multiple;
    return width / 2;
}

double netMilliseconds(const model::FilterNetSpec& dense, const std::vector<int64_t>& widths, const ConvTimer& timer) {
    auto spec = dense;
    spec.prunableWidths = widths;
    double total = 0.0;
    for (const auto& shape : model::FilterNetImpl::convShapes(spec)) total += timer(shape);
    return total;
}

}  // namespace

int64_t cpuChannelBlock() {
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
    if (__builtin_cpu_supports("avx512f")) return 16;
    if (__builtin_cpu_supports("avx2") || __builtin_cpu_supports("avx")) return 8;
#endif
    return 4;
}

std::vector<int64_t> uniformWidths(const model::FilterNetSpec& dense, const WidthTarget& target) {
    const double budget = macsBudget(dense, target);
    const auto fits = [&](double share) {
        return static_cast<double>(macsWithWidths(dense, widthsForShare(dense, share, target))) <= budget;
    };
    if (!fits(0.0))
        throw ConfigError("flops reduction: " + std::to_string(target.flopsReduction) +
                          " cannot be reached with at least " + std::to_string(target.minFilters) +
                          " filters in every prunable conv of " + dense.arch +
                          " (its unprunable layers cost more); expected a smaller reduction");
    double low = 0.0, high = 1.0;  // fits(low), and high keeps everything
    for (int i = 0; i < 30; ++i) {
        const double mid = 0.5 * (low + high);
        (fits(mid) ? low : high) = mid;
    }
    // Rounding to the grid leaves part of the budget unused: give it back one step at a time, to the
    // conv that keeps the smallest share while the target holds. On ties the later conv: its maps are
    // no larger, and on a CPU a FLOP on small maps costs less time than one on large, memory-bound maps.
    auto widths = widthsForShare(dense, low, target);
    for (;;) {
        std::vector<int64_t> best;
        double bestShare = 0.0;
        for (size_t l = 0; l < widths.size(); ++l) {
            const int64_t w = dense.prunableWidths[l];
            if (widths[l] >= w) continue;
            auto wider = widths;
            wider[l] = std::min(w, widths[l] + gridStep(w, target.channelMultiple));
            if (static_cast<double>(macsWithWidths(dense, wider)) > budget) continue;
            const double share = static_cast<double>(widths[l]) / static_cast<double>(w);
            if (best.empty() || share <= bestShare + 1e-9) {
                best = wider;
                bestShare = share;
            }
        }
        if (best.empty()) return widths;
        widths = best;
    }
}

std::vector<int64_t> latencyAwareWidths(const model::FilterNetSpec& dense, const WidthTarget& target,
                                        const ConvTimer& timer) {
    const auto uniform = uniformWidths(dense, target);  // throws for an unreachable target
    const double budget = macsBudget(dense, target);
    std::vector<int64_t> floor;
    for (size_t l = 0; l < uniform.size(); ++l) {
        const int64_t half = (dense.prunableWidths[l] + 1) / 2;
        floor.push_back(std::min(uniform[l], std::max(half, std::min(target.minFilters, dense.prunableWidths[l]))));
    }
    // Every conv can reach its floor and the floors are no wider than the uniform widths, which meet
    // the budget: the loop ends with the target met.
    auto widths = dense.prunableWidths;
    int64_t macs = macsWithWidths(dense, widths);
    double milliseconds = netMilliseconds(dense, widths, timer);
    while (static_cast<double>(macs) > budget) {
        std::vector<int64_t> best;
        double bestScore = 0.0, bestMilliseconds = 0.0;
        int64_t bestMacs = 0;
        for (size_t l = 0; l < widths.size(); ++l) {
            const int64_t narrower = std::max(floor[l], nextNarrower(widths[l], target.channelMultiple));
            if (narrower >= widths[l]) continue;
            auto candidate = widths;
            candidate[l] = narrower;
            const int64_t candidateMacs = macsWithWidths(dense, candidate);
            const double candidateMilliseconds = netMilliseconds(dense, candidate, timer);
            const double score = (milliseconds - candidateMilliseconds) /
                                 static_cast<double>(std::max<int64_t>(1, macs - candidateMacs));
            if (best.empty() || score > bestScore) {
                best = candidate;
                bestScore = score;
                bestMilliseconds = candidateMilliseconds;
                bestMacs = candidateMacs;
            }
        }
        if (best.empty()) break;  // every conv at its floor, which meets the budget: not reached
        widths = best;
        macs = bestMacs;
        milliseconds = bestMilliseconds;
    }
    return widths;
}

ConvTimer measuredConvTimer(int64_t batch) {
    using Key = std::tuple<int64_t, int64_t, int64_t, int64_t, int64_t, bool>;
    auto cache = std::make_shared<std::map<Key, double>>();
    return [cache, batch](const model::ConvShape& shape) {
        const Key key{shape.in, shape.out, shape.kernel, shape.stride, shape.inSize, shape.poolAfter};
        if (const auto found = cache->find(key); found != cache->end()) return found->second;
        torch::NoGradGuard noGrad;
        const auto input = torch::rand({batch, shape.in, shape.inSize, shape.inSize});
        const auto weight = torch::randn({shape.out, shape.in, shape.kernel, shape.kernel});
        const auto bias = torch::zeros({shape.out});
        // The unit as the deployed net runs it: batch norm folded into the conv's bias, ReLU in place.
        const auto once = [&] {
            const auto start = std::chrono::steady_clock::now();
            const auto activated = torch::conv2d(input, weight, bias, shape.stride, shape.kernel / 2).relu_();
            if (shape.poolAfter) torch::max_pool2d(activated, 2);
            return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        };
        once();
        once();
        std::vector<double> times;
        for (int i = 0; i < 5; ++i) times.push_back(once());
        std::nth_element(times.begin(), times.begin() + 2, times.end());
        return (*cache)[key] = times[2];
    };
}

}  // namespace dcs::prune
