#pragma once
// The deep convolutional auto-encoders of the DeepCluster papers (METHODS.md, M1):
//   icip2018  conv 9x9 x8 -> conv 9x9 x4 -> FC 250 -> FC latent -> FC 250 -> deconv (H-16) x4 ->
//             deconv 17x17 x4 -> 1x1 deconv to C; sigmoid after every layer; Xavier weights.
//   caip2019  conv 5x5 x32 s2 -> conv 5x5 x64 s2 -> conv 3x3 x128 s2 -> FC latent -> FC -> mirrored
//             transposed convolutions; ReLU (the DCEC auto-encoder).
// Layer shapes are derived from the input size; widths and latent size are parameters.
// Discriminative DeepCluster (M2) switches: batch normalisation after every (transposed)
// convolution but the output, dropout after the hidden fully-connected layers, and a softmax head
// on the flattened reconstruction for the supervision term E3.

#include <torch/nn/module.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace dcs::model {

struct AutoencoderSpec {
    std::string preset = "caip2019";  // icip2018 | caip2019
    int64_t channels = 1;
    int64_t height = 28;
    int64_t width = 28;
    int64_t latent = 10;
    // caip2019: the three conv widths (32, 64, 128); icip2018: the two conv widths (8, 4) and the
    // hidden FC width in the third slot (250).
    std::array<int64_t, 3> widths{0, 0, 0};  // 0: the preset's own
    bool batchNorm = false;
    double dropout = 0.0;          // drop probability after the hidden FC layers (0: none)
    int64_t supervisedClasses = 0; // outputs of the softmax head on the reconstruction (0: no head)

    // Throws ConfigError naming the field when the preset cannot take this input or latent size.
    void validate() const;
    std::array<int64_t, 3> resolvedWidths() const;
};

class ConvAutoencoderImpl : public torch::nn::Module {
public:
    explicit ConvAutoencoderImpl(const AutoencoderSpec& spec);

    torch::Tensor encode(const torch::Tensor& images);
    torch::Tensor decode(const torch::Tensor& codes);
    // Reconstructions in [0,1] for icip2018 (sigmoid); unbounded for caip2019 (linear output).
    torch::Tensor forward(const torch::Tensor& images) { return decode(encode(images)); }
    // Class logits from a reconstruction; needs spec().supervisedClasses > 0.
    torch::Tensor classify(const torch::Tensor& reconstruction);
    bool hasClassifier() const { return !m_classifier.is_empty(); }

    // The encoder's intermediate features, for the invariance study: after each convolution block
    // (its activation) and the latent codes, named by featureNames().
    std::vector<torch::Tensor> features(const torch::Tensor& images);
    std::vector<std::string> featureNames() const;

    const AutoencoderSpec& spec() const { return m_spec; }
    int64_t parameterCount() const;
    // Multiply-accumulates of one forward pass of one image (conv, transposed conv and FC layers).
    int64_t macsPerImage() const { return m_macs; }
    // Whether the latent codes pass through a sigmoid (and so live in [0,1]^d).
    bool boundedCodes() const { return m_spec.preset == "icip2018"; }

private:
    AutoencoderSpec m_spec;
    torch::nn::Sequential m_encoder{nullptr};
    torch::nn::Sequential m_decoderHead{nullptr};  // FC layers up to the reshape
    torch::nn::Sequential m_decoderBody{nullptr};  // transposed convolutions
    torch::nn::Linear m_classifier{nullptr};        // supervision head (M2), when asked for
    std::vector<size_t> m_featureEnds;              // encoder positions after which features() records
    std::array<int64_t, 3> m_reshape{0, 0, 0};     // C x H x W the decoder's FC output is viewed as
    int64_t m_macs = 0;
};
TORCH_MODULE(ConvAutoencoder);

}  // namespace dcs::model
