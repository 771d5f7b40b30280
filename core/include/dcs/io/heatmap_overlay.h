#pragma once
// An image with a heat map laid over it through an OpenCV colour map: how the Filters mode shows
// where a filter fires and where Grad-CAM looks. No torch, no Qt: plain bytes for any front end.

#include <cstdint>
#include <vector>

namespace dcs::io {

struct OverlayOptions {
    int scale = 4;          // each input pixel becomes scale x scale (heat bilinear, image nearest)
    double opacity = 0.55;  // of the colour-mapped heat over the grey or colour image
};

// image: C x H x W floats in [0, 1] (C = 1 or 3); heat: H x W, shown from its lowest to its
// highest value in viridis; outline (optional, H x W, non-zero inside): its border drawn in white.
// Returns (H*scale) x (W*scale) x 3 RGB bytes, rows top to bottom.
std::vector<uint8_t> heatmapOverlay(const float* image, int channels, int height, int width, const float* heat,
                                    const uint8_t* outline = nullptr, const OverlayOptions& options = {});

}  // namespace dcs::io
