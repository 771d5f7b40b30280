#pragma once
// A transposed convolution computed as one ordinary stride-1 convolution whose output channels are
// the stride x stride phases of the result, interleaved by a pixel shuffle. LibTorch 1.13 on the CPU
// runs transposed convolutions through its slow im2col path while ordinary convolutions go to
// oneDNN; this gives the same outputs (within float rounding) and gradients as
// torch::nn::ConvTranspose2d, with the same parameters ("weight" Cin x Cout x kH x kW, "bias"), so
// checkpoints and initialisation are unchanged. Stride 1 (one phase) uses LibTorch's own path.

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include <array>
#include <cstdint>

namespace dcs::model {

struct PhaseConvTranspose2dOptions {
    int64_t inChannels = 1, outChannels = 1;
    std::array<int64_t, 2> kernel{1, 1};
    int64_t stride = 1;
    std::array<int64_t, 2> padding{0, 0};
    std::array<int64_t, 2> outputPadding{0, 0};
};

class PhaseConvTranspose2dImpl : public torch::nn::Module {
public:
    explicit PhaseConvTranspose2dImpl(const PhaseConvTranspose2dOptions& options);
    torch::Tensor forward(const torch::Tensor& input);

    const PhaseConvTranspose2dOptions& options() const { return m_options; }
    torch::Tensor weight, bias;

private:
    PhaseConvTranspose2dOptions m_options;
};
TORCH_MODULE(PhaseConvTranspose2d);

}  // namespace dcs::model
