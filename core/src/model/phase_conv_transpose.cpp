#include "dcs/model/phase_conv_transpose.h"

#include <torch/torch.h>

#include <cmath>

namespace dcs::model {

PhaseConvTranspose2dImpl::PhaseConvTranspose2dImpl(const PhaseConvTranspose2dOptions& options) : m_options(options) {
    const auto& o = m_options;
    weight = register_parameter("weight", torch::empty({o.inChannels, o.outChannels, o.kernel[0], o.kernel[1]}));
    bias = register_parameter("bias", torch::empty({o.outChannels}));
    // PyTorch's default for transposed convolutions (the fan-in is Cout x kH x kW of dim 1 onwards).
    torch::nn::init::kaiming_uniform_(weight, std::sqrt(5.0));
    const double bound = 1.0 / std::sqrt(static_cast<double>(o.outChannels * o.kernel[0] * o.kernel[1]));
    torch::NoGradGuard noGrad;
    bias.uniform_(-bound, bound);
}

torch::Tensor PhaseConvTranspose2dImpl::forward(const torch::Tensor& input) {
    const auto& o = m_options;
    const int64_t s = o.stride;
    // Stride 1 has a single phase: the phase convolution would be a full convolution with the whole
    // kernel, which oneDNN runs 4x slower than LibTorch's transposed path on icip2018's 12x12 and
    // 17x17 kernels over 1x1 and 12x12 maps.
    if (s == 1)
        return torch::conv_transpose2d(input, weight, bias, 1, {o.padding[0], o.padding[1]},
                                       {o.outputPadding[0], o.outputPadding[1]});
    // Output pixel t receives input pixel i through kernel tap a where t + padding = i * s + a. For
    // the phase r = (t + padding) mod s only the taps a = r + s * m take part, a full convolution of
    // the input with that phase's sub-kernel (m = 0 .. M - 1, M = ceil(k / s)).
    const int64_t mh = (o.kernel[0] + s - 1) / s, mw = (o.kernel[1] + s - 1) / s;
    const auto padded = torch::constant_pad_nd(weight, {0, mw * s - o.kernel[1], 0, mh * s - o.kernel[0]});
    // Cin x Cout x (M s) x (M s) -> (Cout s s) x Cin x M x M, channel = (o * s + rh) * s + rw as
    // pixel_shuffle expects; flipped because conv2d correlates.
    const auto phases = padded.view({o.inChannels, o.outChannels, mh, s, mw, s})
                            .permute({1, 3, 5, 0, 2, 4})
                            .reshape({o.outChannels * s * s, o.inChannels, mh, mw})
                            .flip({2, 3});
    const int64_t outH = (input.size(2) - 1) * s - 2 * o.padding[0] + o.kernel[0] + o.outputPadding[0];
    const int64_t outW = (input.size(3) - 1) * s - 2 * o.padding[1] + o.kernel[1] + o.outputPadding[1];
    // Only the phase rows q0 .. q1 that land inside the output (t + padding = q * s + r) are
    // computed: pad (or crop) the input so the convolution yields exactly those.
    const int64_t q0h = o.padding[0] / s, q1h = (o.padding[0] + outH - 1) / s;
    const int64_t q0w = o.padding[1] / s, q1w = (o.padding[1] + outW - 1) / s;
    const int64_t top = mh - 1 - q0h, bottom = q1h - input.size(2) + 1;
    const int64_t left = mw - 1 - q0w, right = q1w - input.size(3) + 1;
    // Every caip2019 layer pads evenly, which conv2d does itself without a padded copy.
    const bool even = top == bottom && left == right && top >= 0 && left >= 0;
    const auto phaseRows = even ? torch::conv2d(input, phases, {}, 1, {top, left})
                                : torch::conv2d(torch::constant_pad_nd(input, {left, right, top, bottom}), phases);
    const auto full = torch::pixel_shuffle(phaseRows, s);
    const int64_t firstRow = o.padding[0] - q0h * s, firstColumn = o.padding[1] - q0w * s;
    const auto cropped = full.slice(2, firstRow, firstRow + outH).slice(3, firstColumn, firstColumn + outW);
    return cropped + bias.view({1, -1, 1, 1});
}

}  // namespace dcs::model
