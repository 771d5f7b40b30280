#pragma once
// Text the CLI's progress lines share.

#include <cmath>
#include <cstdio>
#include <string>

namespace dcs::cli {

// 1m05s, 2h03m; "--" when unknown.
inline std::string duration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return "--";
    const auto s = static_cast<long>(std::lround(seconds));
    char text[32];
    if (s >= 3600) std::snprintf(text, sizeof text, "%ldh%02ldm", s / 3600, (s % 3600) / 60);
    else std::snprintf(text, sizeof text, "%ldm%02lds", s / 60, s % 60);
    return text;
}

}  // namespace dcs::cli
