#pragma once
// The cosine learning-rate schedule shared by the cluster, prune and filter trainers.

#include <algorithm>
#include <cmath>

namespace dcs::train {

// The rate at `progress` (0 = first epoch of the annealed span, 1 = its end): baseRate at 0,
// half of it at 0.5, 0 at 1. Progress outside [0, 1] is clamped.
inline double cosineAnnealedRate(double baseRate, double progress) {
    return baseRate * 0.5 * (1.0 + std::cos(M_PI * std::clamp(progress, 0.0, 1.0)));
}

}  // namespace dcs::train
