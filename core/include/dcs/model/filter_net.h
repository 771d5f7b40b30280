#pragma once
// The CNNs that relevance-based filter pruning works on (METHODS.md, M4), built so that removing
// filters is a real change of shape, not a mask:
//   vgg16     the CIFAR variant with batch norm: 13 3x3 convs (64,64 | 128,128 | 256 x3 | 512 x3 |
//             512 x3), a 2x2 max-pool after each of the first four groups while the maps are at
//             least 2x2, global average pooling, one FC layer. Every conv is prunable.
//   resnet20  CIFAR-style ResNets: a 3x3 stem conv, three stages (16, 32, 64 channels) of 3 (resnet20)
//   resnet32  or 5 (resnet32) basic blocks, a 1x1 conv + batch norm shortcut where the shape changes,
//             global average pooling, one FC layer. Only the first conv of each block is prunable,
//             so the residual additions keep their shapes.
// Any input size and channel count; a width multiplier scales every channel count so the nets
// train on a laptop.

#include <torch/nn/module.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace dcs::model {

struct FilterNetSpec {
    std::string arch = "vgg16";  // vgg16 | resnet20 | resnet32
    double widthMultiplier = 0.25;
    int64_t channels = 1, height = 28, width = 28;
    int64_t classes = 10;
    std::vector<int64_t> prunableWidths;  // filters of every prunable conv, in order (empty: from the multiplier)

    // The architecture's widths scaled by the multiplier (each at least 1).
    static FilterNetSpec preset(const std::string& arch, double widthMultiplier, int64_t channels, int64_t height,
                                int64_t width, int64_t classes);
    // Throws ConfigError naming the field (net, width, prunable widths, input size, classes).
    void validate() const;
    // How many convs the pruning may shrink.
    int64_t prunableCount() const;
};

// What one forward pass lets the pruning code see, per prunable conv.
struct FilterCapture {
    std::vector<torch::Tensor> maps;             // its output after batch norm and ReLU: N x C x h x w
    std::vector<torch::Tensor> consumerInputs;   // what the layer reading it gets (pooled where a pool follows)
    std::vector<torch::Tensor> consumerOutputs;  // that layer's output before its batch norm (the FC head: logits)
    torch::Tensor camFeatures;                   // the maps Grad-CAM differentiates the class score by
};

// One conv of the net (3x3 with padding 1, or a 1x1 shortcut without), on square maps.
struct ConvShape {
    int64_t in = 0, out = 0, kernel = 3, stride = 1, inSize = 0, outSize = 0;
    bool poolAfter = false;  // vgg16: a 2x2 max-pool follows its batch norm and ReLU
};

struct PrunableConvInfo {
    std::string name;      // conv1..conv13, or stage/block names such as s2b1.conv1
    int64_t filters = 0;
    int64_t mapSize = 0;   // height of its output maps
};

class FilterNetImpl : public torch::nn::Module {
public:
    explicit FilterNetImpl(const FilterNetSpec& spec);

    torch::Tensor forward(const torch::Tensor& images, FilterCapture* capture = nullptr);

    const FilterNetSpec& spec() const { return m_spec; }
    const std::vector<PrunableConvInfo>& prunableLayers() const { return m_layout.prunable; }

    // The filters of prunable conv `layer` (out x in x k x k).
    torch::Tensor filterWeights(size_t layer) const;
    // The layer that reads prunable conv `layer`: a conv (weight out x in x k x k) or the FC head
    // (weight classes x in). Setting replaces its weight; the shape must stay the same.
    torch::Tensor consumerWeight(size_t layer) const;
    void setConsumerWeight(size_t layer, const torch::Tensor& weight);
    // The consumer's stride and padding (a conv), or 0 and 0 for the FC head.
    std::pair<int64_t, int64_t> consumerStrideAndPadding(size_t layer) const;
    bool consumerIsHead(size_t layer) const;
    // The prunable layer the consumer itself is (vgg16: the next conv), or -1.
    int consumerAsPrunable(size_t layer) const;

    // Re-estimates every batch norm's running mean and variance from these images (a plain average
    // over batches, no gradients), leaving the weights as they are. Running statistics averaged
    // while the weights moved lag behind them: after a short training, after pruning and after
    // fine-tuning they can make the net in eval mode far worse than in training (EagleEye's
    // adaptive batch norm, Li et al. 2020).
    void recalibrateBatchNorm(const torch::Tensor& images, int64_t batchSize = 250);

    int64_t parameterCount() const;
    // Multiply-accumulates of one image's forward pass through the convs and the FC head.
    int64_t macsPerImage() const;
    static int64_t macsPerImage(const FilterNetSpec& spec);
    // Every conv the spec builds, in forward order (what a latency model of the net adds up).
    static std::vector<ConvShape> convShapes(const FilterNetSpec& spec);

    // The physically smaller net that keeps, for every prunable conv, the filters listed in
    // keep[layer] (int64 indices, ascending): their batch-norm entries and the matching input
    // channels of the consumer go with them. Weights, biases and running statistics are copied.
    std::shared_ptr<FilterNetImpl> withFilters(const std::vector<torch::Tensor>& keep) const;

    // The net as it would be deployed: every batch norm folded into the conv before it (scale into
    // the kernels, shift into a conv bias), so inference runs convs, ReLUs and pools only. Its
    // outputs equal this net's in eval mode up to float rounding. Latency is measured on this form:
    // batch norm costs time in proportion to the maps, which pruning shrinks less than the convs.
    // It is for inference only: no capture, no pruning, no batch norms to re-estimate.
    std::shared_ptr<FilterNetImpl> foldedForInference() const;
    bool batchNormFolded() const { return !m_units.front().bn; }

private:
    struct Block {
        size_t first = 0, second = 0;
        int shortcut = -1;  // index into the units, or -1 for identity
    };
    // Every shape of the net, derived from the spec alone (no weights): what the constructor
    // builds and what macsPerImage(spec) counts.
    struct Layout {
        std::vector<ConvShape> units;         // conv + batch norm units, in order
        std::vector<Block> blocks;            // resnets
        std::vector<size_t> prunableUnit;     // prunable layer -> unit
        std::vector<int> consumerUnit;        // prunable layer -> unit reading it, -1: the head
        size_t camUnit = 0;                   // vgg16: unit whose output Grad-CAM reads; resnets: block
        std::vector<PrunableConvInfo> prunable;
        int64_t headInputs = 0;
    };
    struct ConvBn {
        torch::nn::Conv2d conv{nullptr};
        torch::nn::BatchNorm2d bn{nullptr};  // null once folded into the conv
    };

    FilterNetImpl(const FilterNetSpec& spec, bool batchNormFolded);

    static Layout layoutOf(const FilterNetSpec& spec);
    static int64_t macsOf(const Layout& layout, int64_t classes);
    torch::Tensor apply(size_t unit, const torch::Tensor& x, bool relu);
    // Unit `unit`'s batch norm on its conv output (the output itself once folded).
    torch::Tensor normalised(size_t unit, const torch::Tensor& convOutput);
    torch::Tensor activated(torch::Tensor x) const;

    FilterNetSpec m_spec;
    Layout m_layout;
    std::vector<ConvBn> m_units;
    torch::nn::Linear m_head{nullptr};
};

TORCH_MODULE(FilterNet);

}  // namespace dcs::model
