#pragma once
// How many filters each prunable conv keeps to reach a FLOPs target (METHODS.md, M4): the widths
// the criteria then fill with their best filters. Two allocations:
//   uniform  the same share of every conv.
//   latency  NetAdapt-style (Yang et al., ECCV 2018): from a table of conv times measured on this
//            machine, take filters first where they save the most time per FLOP. On a CPU the time
//            of a thin conv on large maps is memory traffic, not arithmetic, so equal FLOPs removed
//            from early and late layers buy very different speed-ups.
// Both keep widths on a grid of channel multiples (the trainer's default: the CPU's channel block):
// oneDNN computes channels in blocks of 16 floats with AVX-512 (8 with AVX2), so 20 channels cost
// what 32 do. A conv narrower than two blocks moves in steps of half a block (halved again until it
// holds two steps): on this machine's VGG the 28x28 convs cost about as much at 12 filters as at
// 16, and far less at 8.

#include <cstdint>
#include <functional>
#include <vector>

#include "dcs/model/filter_net.h"

namespace dcs::prune {

struct WidthTarget {
    double flopsReduction = 0.5;  // fraction of the dense net's multiply-accumulates to remove
    int64_t minFilters = 1;       // never fewer filters in a conv
    int64_t channelMultiple = 1;  // kept filters a multiple of this in convs of at least twice as many (1: exact)
};

// The SIMD width in floats of this CPU: 16 with AVX-512, 8 with AVX or AVX2, 4 otherwise.
int64_t cpuChannelBlock();

// The same share of every conv (rounded to its grid), the largest share whose net has at most
// (1 - flopsReduction) of the dense FLOPs; then the FLOPs the rounding left unused go back a grid
// step at a time to the conv keeping the smallest share (the later conv on ties) while the target
// holds. Throws ConfigError naming "flops reduction" when even minFilters everywhere is too
// many.
std::vector<int64_t> uniformWidths(const model::FilterNetSpec& dense, const WidthTarget& target);

// Milliseconds one conv (with its batch norm and ReLU) takes on some batch.
using ConvTimer = std::function<double(const model::ConvShape&)>;

// Greedy from the dense widths: each step narrows the conv whose next narrower width saves the most
// time (by `timer`, summed over every conv of the net) per FLOP removed, until the FLOPs target is
// met. Widths step down by channelMultiple (below it, by halves) and never below half the dense
// width or the uniform allocation's width, whichever is smaller, so every conv keeps a fair share.
std::vector<int64_t> latencyAwareWidths(const model::FilterNetSpec& dense, const WidthTarget& target,
                                        const ConvTimer& timer);

// Times conv + batch norm + ReLU (+ max-pool where one follows) on random inputs of `batch` images (median of 5 after
// two warm-ups) with the current thread count, and remembers every shape it timed.
ConvTimer measuredConvTimer(int64_t batch = 256);

}  // namespace dcs::prune
