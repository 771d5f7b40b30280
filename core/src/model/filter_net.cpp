#include "dcs/model/filter_net.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "dcs/error.h"

namespace dcs::model {
namespace {

const std::vector<int64_t> kVggGroupSizes{2, 2, 3, 3, 3};
const std::vector<int64_t> kVggGroupWidths{64, 128, 256, 512, 512};
const std::vector<int64_t> kResNetStageWidths{16, 32, 64};

int64_t blocksPerStage(const std::string& arch) { return arch == "resnet32" ? 5 : 3; }

int64_t scaled(int64_t channels, double multiplier) {
    return std::max<int64_t>(1, static_cast<int64_t>(std::lround(static_cast<double>(channels) * multiplier)));
}

// A 3x3 conv with padding 1 or a 1x1 conv without padding, at this stride.
int64_t convOutSize(int64_t in, int64_t stride) { return (in - 1) / stride + 1; }

// Grad-CAM needs maps with some shape: the deepest maps at least this tall.
int64_t camMinimumSize(int64_t inputSize) { return std::min<int64_t>(7, std::max<int64_t>(1, inputSize / 4)); }

}  // namespace

FilterNetSpec FilterNetSpec::preset(const std::string& arch, double widthMultiplier, int64_t channels, int64_t height,
                                    int64_t width, int64_t classes) {
    FilterNetSpec spec;
    spec.arch = arch;
    spec.widthMultiplier = widthMultiplier;
    spec.channels = channels;
    spec.height = height;
    spec.width = width;
    spec.classes = classes;
    if (arch == "vgg16") {
        for (size_t g = 0; g < kVggGroupSizes.size(); ++g)
            for (int64_t i = 0; i < kVggGroupSizes[g]; ++i) spec.prunableWidths.push_back(scaled(kVggGroupWidths[g], widthMultiplier));
    } else if (arch == "resnet20" || arch == "resnet32") {
        for (const auto w : kResNetStageWidths)
            for (int64_t b = 0; b < blocksPerStage(arch); ++b) spec.prunableWidths.push_back(scaled(w, widthMultiplier));
    }
    return spec;
}

int64_t FilterNetSpec::prunableCount() const {
    if (arch == "vgg16") return 13;
    return 3 * blocksPerStage(arch);
}

void FilterNetSpec::validate() const {
    if (arch != "vgg16" && arch != "resnet20" && arch != "resnet32")
        throw ConfigError("net: '" + arch + "'; expected one of vgg16, resnet20, resnet32");
    if (!(widthMultiplier > 0.0 && widthMultiplier <= 4.0))
        throw ConfigError("width: " + std::to_string(widthMultiplier) + "; expected a multiplier in (0, 4]");
    if (channels < 1 || height < 8 || width < 8)
        throw ConfigError("input: " + std::to_string(channels) + "x" + std::to_string(height) + "x" + std::to_string(width) +
                          "; expected at least one channel and images of at least 8x8 pixels");
    if (classes < 2) throw ConfigError("classes: " + std::to_string(classes) + "; expected at least 2");
    if (static_cast<int64_t>(prunableWidths.size()) != prunableCount())
        throw ConfigError("prunable widths: " + std::to_string(prunableWidths.size()) + " given; " + arch + " has " +
                          std::to_string(prunableCount()) + " prunable convs");
    for (const auto w : prunableWidths)
        if (w < 1) throw ConfigError("prunable widths: " + std::to_string(w) + "; expected at least 1 filter per conv");
}

FilterNetImpl::Layout FilterNetImpl::layoutOf(const FilterNetSpec& spec) {
    spec.validate();
    Layout layout;
    const auto add = [&layout](int64_t in, int64_t out, int64_t kernel, int64_t stride, int64_t inSize) {
        layout.units.push_back({in, out, kernel, stride, inSize, convOutSize(inSize, stride), false});
        return layout.units.size() - 1;
    };
    const int64_t inputSize = std::min(spec.height, spec.width);
    const int64_t camMinimum = camMinimumSize(inputSize);
    int64_t size = inputSize;
    int64_t channels = spec.channels;
    if (spec.arch == "vgg16") {
        size_t layer = 0;
        for (size_t g = 0; g < kVggGroupSizes.size(); ++g) {
            for (int64_t i = 0; i < kVggGroupSizes[g]; ++i, ++layer) {
                const auto unit = add(channels, spec.prunableWidths[layer], 3, 1, size);
                channels = spec.prunableWidths[layer];
                layout.prunableUnit.push_back(unit);
                if (size >= camMinimum) layout.camUnit = unit;
            }
            if (g + 1 < kVggGroupSizes.size() && size >= 2) {
                layout.units.back().poolAfter = true;
                size /= 2;
            }
        }
        const auto& prunableUnit = layout.prunableUnit;
        for (size_t l = 0; l < prunableUnit.size(); ++l) {
            layout.consumerUnit.push_back(l + 1 < prunableUnit.size() ? static_cast<int>(prunableUnit[l + 1]) : -1);
            layout.prunable.push_back({"conv" + std::to_string(l + 1), spec.prunableWidths[l], layout.units[prunableUnit[l]].outSize});
        }
    } else {
        channels = layout.units[add(channels, scaled(kResNetStageWidths[0], spec.widthMultiplier), 3, 1, size)].out;
        const int64_t perStage = blocksPerStage(spec.arch);
        size_t layer = 0;
        for (size_t s = 0; s < kResNetStageWidths.size(); ++s) {
            const int64_t out = scaled(kResNetStageWidths[s], spec.widthMultiplier);
            for (int64_t b = 0; b < perStage; ++b, ++layer) {
                const int64_t stride = (s > 0 && b == 0) ? 2 : 1;
                Block block;
                block.first = add(channels, spec.prunableWidths[layer], 3, stride, size);
                const int64_t outSize = layout.units[block.first].outSize;
                block.second = add(spec.prunableWidths[layer], out, 3, 1, outSize);
                if (stride != 1 || channels != out) block.shortcut = static_cast<int>(add(channels, out, 1, stride, size));
                layout.blocks.push_back(block);
                layout.prunableUnit.push_back(block.first);
                layout.consumerUnit.push_back(static_cast<int>(block.second));
                const std::string name = "s" + std::to_string(s + 1) + "b" + std::to_string(b + 1) + ".conv1";
                layout.prunable.push_back({name, spec.prunableWidths[layer], outSize});
                if (outSize >= camMinimum) layout.camUnit = layout.blocks.size() - 1;
                channels = out;
                size = outSize;
            }
        }
    }
    layout.headInputs = channels;
    return layout;
}

int64_t FilterNetImpl::macsOf(const Layout& layout, int64_t classes) {
    int64_t macs = 0;
    for (const auto& u : layout.units) macs += u.in * u.out * u.kernel * u.kernel * u.outSize * u.outSize;
    return macs + layout.headInputs * classes;
}

FilterNetImpl::FilterNetImpl(const FilterNetSpec& spec) : FilterNetImpl(spec, false) {}

FilterNetImpl::FilterNetImpl(const FilterNetSpec& spec, bool batchNormFolded) : m_spec(spec), m_layout(layoutOf(spec)) {
    for (size_t index = 0; index < m_layout.units.size(); ++index) {
        const auto& shape = m_layout.units[index];
        ConvBn unit;
        // A conv bias only where the batch norm's shift is folded in: otherwise the batch norm has it.
        unit.conv = register_module("conv" + std::to_string(index),
                                    torch::nn::Conv2d(torch::nn::Conv2dOptions(shape.in, shape.out, shape.kernel)
                                                          .stride(shape.stride)
                                                          .padding(shape.kernel / 2)
                                                          .bias(batchNormFolded)));
        if (!batchNormFolded)
            unit.bn = register_module("bn" + std::to_string(index), torch::nn::BatchNorm2d(shape.out));
        torch::nn::init::kaiming_normal_(unit.conv->weight, 0.0, torch::kFanOut, torch::kReLU);
        m_units.push_back(unit);
    }
    m_head = register_module("head", torch::nn::Linear(m_layout.headInputs, spec.classes));
}

torch::Tensor FilterNetImpl::apply(size_t unit, const torch::Tensor& x, bool relu) {
    const auto y = normalised(unit, m_units[unit].conv->forward(x));
    return relu ? activated(y) : y;
}

torch::Tensor FilterNetImpl::normalised(size_t unit, const torch::Tensor& convOutput) {
    auto& bn = m_units[unit].bn;
    return bn ? bn->forward(convOutput) : convOutput;
}

torch::Tensor FilterNetImpl::activated(torch::Tensor x) const {
    // The folded net only runs inference without capture: no one else holds x, so ReLU overwrites it.
    return batchNormFolded() ? x.relu_() : torch::relu(x);
}

void FilterNetImpl::recalibrateBatchNorm(const torch::Tensor& images, int64_t batchSize) {
    if (images.size(0) == 0 || batchNormFolded()) return;
    torch::NoGradGuard noGrad;
    const bool wasTraining = is_training();
    std::vector<c10::optional<double>> momenta;
    for (auto& unit : m_units) {
        momenta.push_back(unit.bn->options.momentum());
        unit.bn->options.momentum(c10::nullopt);  // a cumulative average over the batches
        unit.bn->reset_running_stats();
    }
    train();
    for (int64_t start = 0; start < images.size(0); start += batchSize)
        forward(images.slice(0, start, std::min(images.size(0), start + batchSize)));
    for (size_t u = 0; u < m_units.size(); ++u) m_units[u].bn->options.momentum(momenta[u]);
    train(wasTraining);
}

torch::Tensor FilterNetImpl::forward(const torch::Tensor& images, FilterCapture* capture) {
    if (capture && batchNormFolded())
        throw std::logic_error("FilterNet: a net folded for inference has no maps to capture");
    if (capture) {
        const auto n = m_layout.prunable.size();
        capture->maps.assign(n, {});
        capture->consumerInputs.assign(n, {});
        capture->consumerOutputs.assign(n, {});
    }
    torch::Tensor x = images;
    if (m_spec.arch == "vgg16") {
        for (size_t u = 0; u < m_units.size(); ++u) {
            const auto raw = m_units[u].conv->forward(x);
            if (capture && u > 0) capture->consumerOutputs[u - 1] = raw;
            x = activated(normalised(u, raw));
            if (capture) capture->maps[u] = x;
            if (capture && u == m_layout.camUnit) capture->camFeatures = x;
            if (m_layout.units[u].poolAfter) x = torch::max_pool2d(x, 2);
            if (capture && u + 1 < m_units.size()) capture->consumerInputs[u] = x;
        }
    } else {
        x = apply(0, x, true);
        for (size_t b = 0; b < m_layout.blocks.size(); ++b) {
            const auto& block = m_layout.blocks[b];
            const auto inner = apply(block.first, x, true);
            const auto raw = m_units[block.second].conv->forward(inner);
            if (capture) {
                capture->maps[b] = inner;
                capture->consumerInputs[b] = inner;
                capture->consumerOutputs[b] = raw;
            }
            const auto shortcut = block.shortcut >= 0 ? apply(static_cast<size_t>(block.shortcut), x, false) : x;
            x = activated(normalised(block.second, raw) + shortcut);
            if (capture && b == m_layout.camUnit) capture->camFeatures = x;
        }
    }
    const auto pooled = x.mean({2, 3});
    const auto logits = m_head->forward(pooled);
    if (capture && m_spec.arch == "vgg16") {
        capture->consumerInputs.back() = pooled;
        capture->consumerOutputs.back() = logits;
    }
    return logits;
}

torch::Tensor FilterNetImpl::filterWeights(size_t layer) const { return m_units.at(m_layout.prunableUnit.at(layer)).conv->weight; }

bool FilterNetImpl::consumerIsHead(size_t layer) const { return m_layout.consumerUnit.at(layer) < 0; }

int FilterNetImpl::consumerAsPrunable(size_t layer) const {
    const int unit = m_layout.consumerUnit.at(layer);
    for (size_t l = 0; l < m_layout.prunableUnit.size(); ++l)
        if (unit >= 0 && m_layout.prunableUnit[l] == static_cast<size_t>(unit)) return static_cast<int>(l);
    return -1;
}

torch::Tensor FilterNetImpl::consumerWeight(size_t layer) const {
    const int unit = m_layout.consumerUnit.at(layer);
    return unit < 0 ? m_head->weight : m_units[static_cast<size_t>(unit)].conv->weight;
}

void FilterNetImpl::setConsumerWeight(size_t layer, const torch::Tensor& weight) {
    torch::NoGradGuard noGrad;
    auto target = consumerWeight(layer);
    if (target.sizes() != weight.sizes()) throw ConfigError("consumer weight: shape does not match the layer");
    target.copy_(weight);
}

std::pair<int64_t, int64_t> FilterNetImpl::consumerStrideAndPadding(size_t layer) const {
    const int unit = m_layout.consumerUnit.at(layer);
    if (unit < 0) return {0, 0};
    const auto& u = m_layout.units[static_cast<size_t>(unit)];
    return {u.stride, u.kernel / 2};
}

int64_t FilterNetImpl::parameterCount() const {
    int64_t count = 0;
    for (const auto& p : parameters()) count += p.numel();
    return count;
}

int64_t FilterNetImpl::macsPerImage() const { return macsOf(m_layout, m_spec.classes); }

int64_t FilterNetImpl::macsPerImage(const FilterNetSpec& spec) { return macsOf(layoutOf(spec), spec.classes); }

std::vector<ConvShape> FilterNetImpl::convShapes(const FilterNetSpec& spec) {
    return layoutOf(spec).units;
}

std::shared_ptr<FilterNetImpl> FilterNetImpl::withFilters(const std::vector<torch::Tensor>& keep) const {
    if (batchNormFolded()) throw std::logic_error("FilterNet: prune the net before folding its batch norms");
    if (keep.size() != m_layout.prunable.size())
        throw ConfigError("kept filters: " + std::to_string(keep.size()) + " layers given; the net has " +
                          std::to_string(m_layout.prunable.size()) + " prunable convs");
    FilterNetSpec spec = m_spec;
    std::vector<torch::Tensor> outKeep(m_units.size()), inKeep(m_units.size());
    torch::Tensor headKeep;
    for (size_t l = 0; l < keep.size(); ++l) {
        const auto k = keep[l].to(torch::kCPU).to(torch::kLong);
        if (k.numel() < 1 || k.min().item<int64_t>() < 0 || k.max().item<int64_t>() >= m_layout.prunable[l].filters)
            throw ConfigError("kept filters: layer " + m_layout.prunable[l].name + " keeps none or an index outside 0.." +
                              std::to_string(m_layout.prunable[l].filters - 1));
        spec.prunableWidths[l] = k.numel();
        outKeep[m_layout.prunableUnit[l]] = k;
        if (m_layout.consumerUnit[l] < 0)
            headKeep = k;
        else
            inKeep[static_cast<size_t>(m_layout.consumerUnit[l])] = k;
    }
    auto net = std::make_shared<FilterNetImpl>(spec);
    torch::NoGradGuard noGrad;
    const auto pick = [](const torch::Tensor& t, int64_t dim, const torch::Tensor& index) {
        return index.defined() ? t.index_select(dim, index.to(t.device())) : t;
    };
    for (size_t u = 0; u < m_units.size(); ++u) {
        const auto& from = m_units[u];
        auto& to = net->m_units[u];
        to.conv->weight.copy_(pick(pick(from.conv->weight, 0, outKeep[u]), 1, inKeep[u]));
        to.bn->weight.copy_(pick(from.bn->weight, 0, outKeep[u]));
        to.bn->bias.copy_(pick(from.bn->bias, 0, outKeep[u]));
        to.bn->running_mean.copy_(pick(from.bn->running_mean, 0, outKeep[u]));
        to.bn->running_var.copy_(pick(from.bn->running_var, 0, outKeep[u]));
        to.bn->num_batches_tracked.copy_(from.bn->num_batches_tracked);
    }
    net->m_head->weight.copy_(pick(m_head->weight, 1, headKeep));
    net->m_head->bias.copy_(m_head->bias);
    net->train(is_training());
    net->to(m_head->weight.device());
    return net;
}

std::shared_ptr<FilterNetImpl> FilterNetImpl::foldedForInference() const {
    if (batchNormFolded()) throw std::logic_error("FilterNet: its batch norms are folded already");
    // Eval-mode batch norm is y = gamma (z - mean) / sqrt(var + eps) + beta with z = W * x: the same
    // as a conv with kernels W scaled by s = gamma / sqrt(var + eps) per filter and bias beta - s mean.
    std::shared_ptr<FilterNetImpl> net(new FilterNetImpl(m_spec, true));
    torch::NoGradGuard noGrad;
    for (size_t u = 0; u < m_units.size(); ++u) {
        const auto& bn = m_units[u].bn;
        const auto scale = bn->weight / (bn->running_var + bn->options.eps()).sqrt();
        net->m_units[u].conv->weight.copy_(m_units[u].conv->weight * scale.view({-1, 1, 1, 1}));
        net->m_units[u].conv->bias.copy_(bn->bias - scale * bn->running_mean);
    }
    net->m_head->weight.copy_(m_head->weight);
    net->m_head->bias.copy_(m_head->bias);
    net->eval();
    net->to(m_head->weight.device());
    return net;
}

}  // namespace dcs::model
