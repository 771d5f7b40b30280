#include "dcs/model/conv_autoencoder.h"

#include <torch/torch.h>

#include <algorithm>

#include "dcs/error.h"
#include "dcs/model/phase_conv_transpose.h"

namespace dcs::model {
namespace {

namespace nn = torch::nn;

int64_t convOut(int64_t in, int64_t kernel, int64_t stride, int64_t padding) {
    return (in + 2 * padding - kernel) / stride + 1;
}

// caip2019: first two convolutions are "same"-padded with stride 2 (kernel 4 at 16 px and below,
// as the USPS variant, else 5); the third is unpadded with kernel 3 when its input is odd, 2 when
// even, so 28 -> 14 -> 7 -> 3, 16 -> 8 -> 4 -> 2 and 32 -> 16 -> 8 -> 4 as in the paper.
struct CaipGeometry {
    int64_t kernel, padding;
    std::array<int64_t, 3> heights, widths;  // after each conv
    int64_t lastKernelH, lastKernelW;
};

CaipGeometry caipGeometry(int64_t h, int64_t w) {
    CaipGeometry g{};
    g.kernel = std::min(h, w) <= 16 ? 4 : 5;
    g.padding = g.kernel == 5 ? 2 : 1;
    g.heights[0] = convOut(h, g.kernel, 2, g.padding);
    g.widths[0] = convOut(w, g.kernel, 2, g.padding);
    g.heights[1] = convOut(g.heights[0], g.kernel, 2, g.padding);
    g.widths[1] = convOut(g.widths[0], g.kernel, 2, g.padding);
    g.lastKernelH = g.heights[1] % 2 == 1 ? 3 : 2;
    g.lastKernelW = g.widths[1] % 2 == 1 ? 3 : 2;
    g.heights[2] = convOut(g.heights[1], g.lastKernelH, 2, 0);
    g.widths[2] = convOut(g.widths[1], g.lastKernelW, 2, 0);
    return g;
}

// The output padding that makes a stride-2 transposed convolution land exactly on `target`.
int64_t outputPadding(int64_t in, int64_t kernel, int64_t padding, int64_t target) {
    return target - ((in - 1) * 2 - 2 * padding + kernel);
}

void xavierInit(nn::Module& module) {
    torch::NoGradGuard noGrad;
    for (auto& p : module.named_parameters()) {
        if (p.key().find("bias") != std::string::npos) p.value().zero_();
        else if (p.value().dim() < 2) p.value().fill_(1.0);  // batch-norm scales
        else nn::init::xavier_uniform_(p.value());
    }
}

}  // namespace

void AutoencoderSpec::validate() const {
    if (preset != "icip2018" && preset != "caip2019")
        throw ConfigError("preset: '" + preset + "' is not an architecture; expected icip2018 or caip2019");
    if (channels < 1) throw ConfigError("channels: expected at least 1, found " + std::to_string(channels));
    if (!(dropout >= 0.0 && dropout < 1.0))
        throw ConfigError("dropout: " + std::to_string(dropout) + "; expected a probability in [0, 1)");
    if (supervisedClasses < 0 || supervisedClasses > 100'000)
        throw ConfigError("classes: expected 0 (no supervision head) .. 100000, found " + std::to_string(supervisedClasses));
    if (latent < 1 || latent > 4096) throw ConfigError("latent: expected 1..4096, found " + std::to_string(latent));
    for (auto w : widths)
        if (w < 0 || w > 4096) throw ConfigError("widths: expected 0 (preset) or 1..4096, found " + std::to_string(w));
    if (preset == "icip2018") {
        if (height < 18 || width < 18)
            throw ConfigError("preset: icip2018 needs images of at least 18 x 18 (two unpadded 9x9 convolutions); found " +
                              std::to_string(height) + " x " + std::to_string(width));
        return;
    }
    const auto g = caipGeometry(height, width);
    if (height < 8 || width < 8 || g.heights[2] < 1 || g.widths[2] < 1)
        throw ConfigError("preset: caip2019 needs images of at least 8 x 8; found " + std::to_string(height) + " x " +
                          std::to_string(width));
    const auto resolved = resolvedWidths();
    const int64_t flat = resolved[2] * g.heights[2] * g.widths[2];
    if (latent > flat)
        throw ConfigError("latent: " + std::to_string(latent) + " is larger than the " + std::to_string(flat) +
                          " values it is encoded from; expected at most " + std::to_string(flat));
}

std::array<int64_t, 3> AutoencoderSpec::resolvedWidths() const {
    const std::array<int64_t, 3> defaults = preset == "icip2018" ? std::array<int64_t, 3>{8, 4, 250}
                                                                 : std::array<int64_t, 3>{32, 64, 128};
    std::array<int64_t, 3> resolved{};
    for (size_t i = 0; i < 3; ++i) resolved[i] = widths[i] > 0 ? widths[i] : defaults[i];
    return resolved;
}

ConvAutoencoderImpl::ConvAutoencoderImpl(const AutoencoderSpec& spec) : m_spec(spec) {
    spec.validate();
    const auto w = spec.resolvedWidths();
    const int64_t C = spec.channels, H = spec.height, W = spec.width, D = spec.latent;
    const bool sigmoid = spec.preset == "icip2018";
    // A (transposed) convolution's block: the layer, batch norm when switched on, the activation.
    const auto block = [&](nn::Sequential& sequence, auto layer, int64_t outChannels) {
        sequence->push_back(layer);
        if (spec.batchNorm) sequence->push_back(nn::BatchNorm2d(outChannels));
        if (sigmoid) sequence->push_back(nn::Sigmoid());
        else sequence->push_back(nn::ReLU());
    };
    const auto transposed = [](int64_t in, int64_t out, std::array<int64_t, 2> kernel, int64_t stride,
                               std::array<int64_t, 2> padding, std::array<int64_t, 2> outputPadding) {
        return PhaseConvTranspose2d(PhaseConvTranspose2dOptions{in, out, kernel, stride, padding, outputPadding});
    };
    const auto dropout = [&](nn::Sequential& sequence) {
        if (spec.dropout > 0.0) sequence->push_back(nn::Dropout(spec.dropout));
    };
    m_encoder = nn::Sequential();
    m_decoderHead = nn::Sequential();
    m_decoderBody = nn::Sequential();
    if (sigmoid) {
        const int64_t h2 = H - 16, w2 = W - 16, hidden = w[2];
        block(m_encoder, nn::Conv2d(nn::Conv2dOptions(C, w[0], 9)), w[0]);
        m_featureEnds.push_back(m_encoder->size());
        block(m_encoder, nn::Conv2d(nn::Conv2dOptions(w[0], w[1], 9)), w[1]);
        m_featureEnds.push_back(m_encoder->size());
        m_encoder->push_back(nn::Flatten());
        m_encoder->push_back(nn::Linear(w[1] * h2 * w2, hidden));
        m_encoder->push_back(nn::Sigmoid());
        m_featureEnds.push_back(m_encoder->size());
        dropout(m_encoder);
        m_encoder->push_back(nn::Linear(hidden, D));
        m_encoder->push_back(nn::Sigmoid());
        m_decoderHead->push_back(nn::Linear(D, hidden));
        m_decoderHead->push_back(nn::Sigmoid());
        dropout(m_decoderHead);
        m_reshape = {hidden, 1, 1};
        // hidden x 1 x 1 -> (H-16) x (W-16) -> H x W (kernel 17) -> C channels by a 1x1 deconvolution.
        block(m_decoderBody, transposed(hidden, w[1], {h2, w2}, 1, {0, 0}, {0, 0}), w[1]);
        block(m_decoderBody, transposed(w[1], w[1], {H - h2 + 1, W - w2 + 1}, 1, {0, 0}, {0, 0}), w[1]);
        m_decoderBody->push_back(transposed(w[1], C, {1, 1}, 1, {0, 0}, {0, 0}));
        m_decoderBody->push_back(nn::Sigmoid());
        m_macs = C * w[0] * 81 * (H - 8) * (W - 8) + w[0] * w[1] * 81 * h2 * w2 + w[1] * h2 * w2 * hidden +
                 hidden * D + D * hidden + hidden * w[1] * h2 * w2 + w[1] * w[1] * (H - h2 + 1) * (W - w2 + 1) * h2 * w2 +
                 w[1] * C * H * W;
    } else {
        const auto g = caipGeometry(H, W);
        const int64_t flat = w[2] * g.heights[2] * g.widths[2];
        block(m_encoder, nn::Conv2d(nn::Conv2dOptions(C, w[0], g.kernel).stride(2).padding(g.padding)), w[0]);
        m_featureEnds.push_back(m_encoder->size());
        block(m_encoder, nn::Conv2d(nn::Conv2dOptions(w[0], w[1], g.kernel).stride(2).padding(g.padding)), w[1]);
        m_featureEnds.push_back(m_encoder->size());
        block(m_encoder, nn::Conv2d(nn::Conv2dOptions(w[1], w[2], {g.lastKernelH, g.lastKernelW}).stride(2)), w[2]);
        m_featureEnds.push_back(m_encoder->size());
        m_encoder->push_back(nn::Flatten());
        dropout(m_encoder);
        m_encoder->push_back(nn::Linear(flat, D));
        m_decoderHead->push_back(nn::Linear(D, flat));
        m_decoderHead->push_back(nn::ReLU());
        dropout(m_decoderHead);
        m_reshape = {w[2], g.heights[2], g.widths[2]};
        const int64_t k = g.kernel, p = g.padding;
        block(m_decoderBody,
              transposed(w[2], w[1], {g.lastKernelH, g.lastKernelW}, 2, {0, 0},
                         {outputPadding(g.heights[2], g.lastKernelH, 0, g.heights[1]),
                          outputPadding(g.widths[2], g.lastKernelW, 0, g.widths[1])}),
              w[1]);
        block(m_decoderBody,
              transposed(
                  w[1], w[0], {k, k}, 2, {p, p},
                  {outputPadding(g.heights[1], k, p, g.heights[0]), outputPadding(g.widths[1], k, p, g.widths[0])}),
              w[0]);
        m_decoderBody->push_back(transposed(
            w[0], C, {k, k}, 2, {p, p}, {outputPadding(g.heights[0], k, p, H), outputPadding(g.widths[0], k, p, W)}));
        const int64_t k2 = g.kernel * g.kernel, k3 = g.lastKernelH * g.lastKernelW;
        const int64_t convMacs = C * w[0] * k2 * g.heights[0] * g.widths[0] +
                                 w[0] * w[1] * k2 * g.heights[1] * g.widths[1] + w[1] * w[2] * k3 * flat / w[2];
        // A transposed convolution costs what the convolution it mirrors costs.
        m_macs = 2 * convMacs + 2 * flat * D;
    }
    register_module("encoder", m_encoder);
    register_module("decoder_head", m_decoderHead);
    register_module("decoder_body", m_decoderBody);
    if (spec.supervisedClasses > 0) {
        m_classifier = register_module("classifier", nn::Linear(C * H * W, spec.supervisedClasses));
        m_macs += C * H * W * spec.supervisedClasses;
    }
    xavierInit(*this);
}

torch::Tensor ConvAutoencoderImpl::encode(const torch::Tensor& images) { return m_encoder->forward(images); }

torch::Tensor ConvAutoencoderImpl::decode(const torch::Tensor& codes) {
    auto hidden = m_decoderHead->forward(codes);
    return m_decoderBody->forward(hidden.view({codes.size(0), m_reshape[0], m_reshape[1], m_reshape[2]}));
}

torch::Tensor ConvAutoencoderImpl::classify(const torch::Tensor& reconstruction) {
    if (!hasClassifier()) throw ConfigError("supervision: this auto-encoder was built without a supervision head");
    return m_classifier->forward(reconstruction.flatten(1));
}

std::vector<torch::Tensor> ConvAutoencoderImpl::features(const torch::Tensor& images) {
    std::vector<torch::Tensor> recorded;
    auto x = images;
    size_t position = 0;
    for (auto& layer : *m_encoder) {
        x = layer.forward(x);
        ++position;
        if (std::find(m_featureEnds.begin(), m_featureEnds.end(), position) != m_featureEnds.end()) recorded.push_back(x);
    }
    recorded.push_back(x);
    return recorded;
}

std::vector<std::string> ConvAutoencoderImpl::featureNames() const {
    if (m_spec.preset == "icip2018") return {"conv1", "conv2", "fc", "latent"};
    return {"conv1", "conv2", "conv3", "latent"};
}

int64_t ConvAutoencoderImpl::parameterCount() const {
    int64_t count = 0;
    for (const auto& p : parameters()) count += p.numel();
    return count;
}

}  // namespace dcs::model
