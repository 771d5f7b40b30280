#include "dcs/model/classifier_net.h"

#include <torch/torch.h>

#include <cmath>

#include "dcs/error.h"

namespace dcs::model {
namespace {

std::string widthsText(const std::vector<int64_t>& widths) {
    std::string text;
    for (const auto w : widths) text += (text.empty() ? "" : "-") + std::to_string(w);
    return text.empty() ? "(none)" : text;
}

torch::Tensor aliveIndices(const torch::Tensor& mask) { return mask.nonzero().flatten(); }

}  // namespace

ClassifierSpec ClassifierSpec::preset(const std::string& net, int64_t channels, int64_t height, int64_t width,
                                      int64_t classes) {
    ClassifierSpec spec;
    spec.net = net;
    spec.channels = channels;
    spec.height = height;
    spec.width = width;
    spec.classes = classes;
    if (net == "cnn") {
        spec.convWidths = {32, 32, 64, 64, 128, 128};
        spec.hidden = {2000, 2000};
    } else {
        // The papers' MNIST net for grey digits, their CIFAR-10 net for larger colour inputs.
        const bool large = channels * height * width >= 3072;
        spec.hidden = large ? std::vector<int64_t>{4000, 1000, 4000} : std::vector<int64_t>{1000, 1000, 1000};
    }
    return spec;
}

void ClassifierSpec::validate() const {
    if (net != "fcn" && net != "scn" && net != "cnn")
        throw ConfigError("net: '" + net + "' is not a network; expected fcn, scn or cnn");
    if (classes < 2) throw ConfigError("classes: " + std::to_string(classes) + " classes; expected at least 2");
    if (hidden.empty()) throw ConfigError("hidden: no hidden layers; expected at least one width");
    for (const auto w : hidden)
        if (w < 1) throw ConfigError("hidden: widths " + widthsText(hidden) + "; expected every width >= 1");
    if (net == "cnn" && convWidths.empty())
        throw ConfigError("conv widths: a cnn needs at least one conv layer");
    if (net != "cnn" && !convWidths.empty())
        throw ConfigError("conv widths: only a cnn has conv layers, not " + net);
    for (const auto w : convWidths)
        if (w < 1) throw ConfigError("conv widths: " + widthsText(convWidths) + "; expected every width >= 1");
    const int64_t pools = static_cast<int64_t>(convWidths.size()) / 2;
    if ((height >> pools) < 1 || (width >> pools) < 1)
        throw ConfigError("input: " + std::to_string(height) + "x" + std::to_string(width) + " images are too small for " +
                          std::to_string(pools) + " max-pools; expected at least " + std::to_string(1 << pools) +
                          " pixels a side");
    if (!(dropout >= 0.0 && dropout < 1.0))
        throw ConfigError("dropout: " + std::to_string(dropout) + "; expected a probability in [0, 1)");
    if (net == "scn" && !(sparseEpsilon > 0.0))
        throw ConfigError("epsilon: " + std::to_string(sparseEpsilon) + "; expected a density parameter > 0");
}

ClassifierNetImpl::ClassifierNetImpl(const ClassifierSpec& spec) : m_spec(spec) {
    m_spec.validate();
    int64_t in = m_spec.channels;
    int64_t h = m_spec.height, w = m_spec.width;
    for (size_t i = 0; i < m_spec.convWidths.size(); ++i) {
        const int64_t out = m_spec.convWidths[i];
        m_convs.push_back(register_module("conv" + std::to_string(i + 1),
                                          torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 3).padding(1))));
        m_convOutputSize.push_back(h * w);
        if (i % 2 == 1) {
            h /= 2;
            w /= 2;
        }
        m_layers.push_back({"conv" + std::to_string(i + 1), true, out});
        in = out;
    }
    in = m_convs.empty() ? m_spec.channels * m_spec.height * m_spec.width : in * h * w;
    for (size_t i = 0; i <= m_spec.hidden.size(); ++i) {
        const bool output = i == m_spec.hidden.size();
        const int64_t out = output ? m_spec.classes : m_spec.hidden[i];
        const std::string name = output ? "output" : "fc" + std::to_string(i + 1);
        m_fcs.push_back(register_module(name, torch::nn::Linear(in, out)));
        torch::Tensor connections;
        if (!output && m_spec.sparse()) {
            // Erdős–Rényi: each connection exists with probability epsilon (n_in + n_out) / (n_in n_out).
            const double p = std::min(1.0, m_spec.sparseEpsilon * static_cast<double>(in + out) /
                                               static_cast<double>(in * out));
            connections = register_buffer(name + "_connections", (torch::rand({out, in}) < p).to(torch::kFloat32));
        }
        m_connections.push_back(connections);
        if (!output) m_layers.push_back({name, false, out});
        in = out;
    }
    for (size_t i = 0; i < m_layers.size(); ++i)
        m_unitMasks.push_back(register_buffer(m_layers[i].name + "_mask", torch::ones({m_layers[i].units})));
}

int64_t ClassifierNetImpl::positionsPerChannel() const {
    int64_t h = m_spec.height, w = m_spec.width;
    for (size_t i = 1; i < m_spec.convWidths.size(); i += 2) {
        h /= 2;
        w /= 2;
    }
    return h * w;
}

int64_t ClassifierNetImpl::flattenedSize() const { return m_fcs.front()->options.in_features(); }

torch::Tensor ClassifierNetImpl::effectiveWeight(size_t fcIndex) const {
    const auto& weight = m_fcs[fcIndex]->weight;
    return m_connections[fcIndex].defined() ? weight * m_connections[fcIndex] : weight;
}

torch::Tensor ClassifierNetImpl::forward(const torch::Tensor& images, std::vector<torch::Tensor>* preActivations) {
    auto x = images;
    size_t layer = 0;
    for (size_t i = 0; i < m_convs.size(); ++i, ++layer) {
        const auto z = m_convs[i]->forward(x);
        if (preActivations) preActivations->push_back(z);
        x = torch::relu(z) * m_unitMasks[layer].view({1, -1, 1, 1});
        if (i % 2 == 1) x = torch::max_pool2d(x, 2);
    }
    x = x.flatten(1);
    const auto rates = is_training() ? dropoutRates() : std::vector<double>(m_fcs.size() - 1, 0.0);
    const size_t firstFc = layer;
    // Once units are pruned the FC layers multiply only the alive rows and columns: a net pruned to a
    // tenth of its weights trains and evaluates at the small net's cost, not the dense one's. The
    // probe needs every unit's pre-activation, so it takes the masked path below; so does a net with
    // every FC unit alive, which thus computes exactly as before any pruning.
    std::vector<torch::Tensor> alive;
    bool anyPruned = false;
    for (size_t i = 0; i + 1 < m_fcs.size() && !preActivations; ++i) {
        alive.push_back(aliveIndices(m_unitMasks[firstFc + i]));
        anyPruned = anyPruned || alive.back().size(0) < m_layers[firstFc + i].units;
    }
    if (anyPruned) {
        torch::Tensor inputs;  // alive inputs of the current layer; undefined: all of them
        for (size_t i = 0; i + 1 < m_fcs.size(); ++i) {
            auto weight = effectiveWeight(i).index_select(0, alive[i]);
            if (inputs.defined()) weight = weight.index_select(1, inputs);
            x = torch::relu(torch::nn::functional::linear(x, weight, m_fcs[i]->bias.index_select(0, alive[i])));
            if (rates[i] > 0.0) x = torch::dropout(x, rates[i], true);
            inputs = alive[i];
        }
        const auto weight = effectiveWeight(m_fcs.size() - 1);
        return torch::nn::functional::linear(x, inputs.defined() ? weight.index_select(1, inputs) : weight,
                                             m_fcs.back()->bias);
    }
    for (size_t i = 0; i + 1 < m_fcs.size(); ++i, ++layer) {
        const auto z = torch::nn::functional::linear(x, effectiveWeight(i), m_fcs[i]->bias);
        if (preActivations) preActivations->push_back(z);
        x = torch::relu(z) * m_unitMasks[layer];
        if (rates[i] > 0.0) x = torch::dropout(x, rates[i], true);
    }
    return torch::nn::functional::linear(x, effectiveWeight(m_fcs.size() - 1), m_fcs.back()->bias);
}

std::vector<double> ClassifierNetImpl::dropoutRates() const {
    std::vector<double> rates(m_fcs.size() - 1, m_spec.dropout);
    if (!m_spec.dropoutFollowsPruning) return rates;
    const size_t firstHidden = m_convs.size();
    // The units feeding the first hidden layer: the last conv's filters, or the pixels (all alive).
    double inputShare = m_convs.empty() ? 1.0 : m_unitMasks[firstHidden - 1].mean().item<double>();
    for (size_t i = 0; i < rates.size(); ++i) {
        const double outputShare = m_unitMasks[firstHidden + i].mean().item<double>();
        rates[i] *= std::sqrt(inputShare * outputShare);
        inputShare = outputShare;
    }
    return rates;
}

torch::Tensor ClassifierNetImpl::unitMask(size_t layer) const { return m_unitMasks.at(layer); }

void ClassifierNetImpl::setUnitMask(size_t layer, const torch::Tensor& alive) {
    if (alive.numel() != m_layers.at(layer).units)
        throw ConfigError("mask: " + std::to_string(alive.numel()) + " entries for layer " + m_layers[layer].name +
                          "; expected " + std::to_string(m_layers[layer].units));
    torch::NoGradGuard noGrad;
    m_unitMasks[layer].copy_(alive.to(torch::kFloat32).to(m_unitMasks[layer].device()));
}

std::vector<int64_t> ClassifierNetImpl::aliveUnits() const {
    std::vector<int64_t> alive;
    for (const auto& mask : m_unitMasks) alive.push_back(static_cast<int64_t>(mask.sum().item<float>()));
    return alive;
}

torch::Tensor ClassifierNetImpl::outgoingWeightSums(size_t layer) const {
    torch::NoGradGuard noGrad;
    const size_t convCount = m_convs.size();
    if (layer + 1 < convCount) {  // into the next conv's input channels, from its alive filters
        const auto next = m_convs[layer + 1]->weight.abs() * m_unitMasks[layer + 1].view({-1, 1, 1, 1});
        return next.sum({0, 2, 3});
    }
    const size_t fc = layer + 1 - convCount;  // the FC layer this layer feeds
    auto next = effectiveWeight(fc).abs();
    if (fc + 1 < m_fcs.size()) next = next * m_unitMasks[layer + 1].unsqueeze(1);
    auto sums = next.sum(0);
    if (layer + 1 == convCount)  // the last conv feeds the first FC through its flattened positions
        sums = sums.view({m_layers[layer].units, positionsPerChannel()}).sum(1);
    return sums;
}

std::shared_ptr<ClassifierNetImpl> ClassifierNetImpl::compact() const {
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> keep;
    for (const auto& mask : m_unitMasks) keep.push_back(aliveIndices(mask.to(torch::kCPU)));

    ClassifierSpec smaller = m_spec;
    const size_t convCount = m_convs.size();
    for (size_t i = 0; i < convCount; ++i) smaller.convWidths[i] = keep[i].numel();
    for (size_t i = 0; i < m_spec.hidden.size(); ++i) smaller.hidden[i] = keep[convCount + i].numel();
    for (const auto w : smaller.convWidths)
        if (w == 0) throw ConfigError("compact: a conv layer has no alive filters");
    for (const auto w : smaller.hidden)
        if (w == 0) throw ConfigError("compact: a hidden layer has no alive units");
    auto result = std::make_shared<ClassifierNetImpl>(smaller);
    const auto device = m_unitMasks.front().device();
    result->to(device);

    torch::Tensor inputs = torch::arange(m_spec.channels, torch::kLong);
    for (size_t i = 0; i < convCount; ++i) {
        const auto rows = keep[i].to(device);
        result->m_convs[i]->weight.copy_(m_convs[i]->weight.index_select(0, rows).index_select(1, inputs.to(device)));
        result->m_convs[i]->bias.copy_(m_convs[i]->bias.index_select(0, rows));
        inputs = keep[i];
    }
    if (convCount > 0) {  // alive channels become blocks of flattened positions
        const int64_t positions = positionsPerChannel();
        inputs = (inputs.unsqueeze(1) * positions + torch::arange(positions, torch::kLong).unsqueeze(0)).flatten();
    } else {
        inputs = torch::arange(flattenedSize(), torch::kLong);
    }
    for (size_t i = 0; i < m_fcs.size(); ++i) {
        const bool output = i + 1 == m_fcs.size();
        const auto rows = (output ? torch::arange(m_spec.classes, torch::kLong) : keep[convCount + i]).to(device);
        const auto cols = inputs.to(device);
        result->m_fcs[i]->weight.copy_(m_fcs[i]->weight.index_select(0, rows).index_select(1, cols));
        result->m_fcs[i]->bias.copy_(m_fcs[i]->bias.index_select(0, rows));
        if (m_connections[i].defined())
            result->m_connections[i].copy_(m_connections[i].index_select(0, rows).index_select(1, cols));
        if (!output) inputs = keep[convCount + i];
    }
    return result;
}

int64_t ClassifierNetImpl::effectiveParameters() const {
    const auto small = compact();
    int64_t count = 0;
    for (const auto& conv : small->m_convs) count += conv->weight.numel() + conv->bias.numel();
    for (size_t i = 0; i < small->m_fcs.size(); ++i) {
        const auto& connections = small->m_connections[i];
        count += connections.defined() ? static_cast<int64_t>(connections.sum().item<float>())
                                       : small->m_fcs[i]->weight.numel();
        count += small->m_fcs[i]->bias.numel();
    }
    return count;
}

int64_t ClassifierNetImpl::macsPerImage() const {
    const auto small = compact();
    int64_t macs = 0;
    for (size_t i = 0; i < small->m_convs.size(); ++i)
        macs += small->m_convs[i]->weight.numel() * small->m_convOutputSize[i];
    for (size_t i = 0; i < small->m_fcs.size(); ++i) {
        const auto& connections = small->m_connections[i];
        macs += connections.defined() ? static_cast<int64_t>(connections.sum().item<float>())
                                      : small->m_fcs[i]->weight.numel();
    }
    return macs;
}

void ClassifierNetImpl::evolveSparseConnections(double zeta, at::Generator& generator) {
    if (!(zeta >= 0.0 && zeta < 1.0)) throw ConfigError("zeta: " + std::to_string(zeta) + "; expected a fraction in [0, 1)");
    torch::NoGradGuard noGrad;
    const size_t convCount = m_convs.size();
    for (size_t i = 0; i + 1 < m_fcs.size(); ++i) {
        auto& connections = m_connections[i];
        if (!connections.defined()) continue;
        auto& weight = m_fcs[i]->weight;
        const auto rowsAlive = m_unitMasks[convCount + i];
        const auto colsAlive = i == 0 ? torch::ones({weight.size(1)}, rowsAlive.options()) : m_unitMasks[convCount + i - 1];
        const auto region = (rowsAlive.unsqueeze(1) * colsAlive.unsqueeze(0)) > 0;
        const auto existing = (connections > 0) & region;
        const int64_t count = existing.sum().item<int64_t>();
        const auto moved = static_cast<int64_t>(std::floor(zeta * static_cast<double>(count)));
        if (moved == 0) continue;
        // Remove the weakest existing connections...
        const auto magnitude = torch::where(existing, weight.abs(), torch::full_like(weight, INFINITY)).flatten();
        const auto weakest = std::get<1>(magnitude.topk(moved, 0, /*largest=*/false));
        auto flatConnections = connections.view({-1});
        auto flatWeight = weight.view({-1});
        flatConnections.index_fill_(0, weakest, 0.0);
        flatWeight.index_fill_(0, weakest, 0.0);
        // ...and grow as many where there is none, between alive units.
        const auto free = ((connections == 0) & region).flatten().nonzero().flatten();
        const int64_t grow = std::min<int64_t>(moved, free.numel());
        const auto chosen = free.index_select(0, torch::randperm(free.numel(), generator, torch::kLong).slice(0, 0, grow));
        flatConnections.index_fill_(0, chosen, 1.0);
        const double bound = 1.0 / std::sqrt(static_cast<double>(weight.size(1)));
        flatWeight.index_copy_(0, chosen, (torch::rand({grow}, generator) * 2.0 - 1.0) * bound);
    }
}

std::vector<int64_t> ClassifierNetImpl::sparseConnectionCounts() const {
    std::vector<int64_t> counts;
    for (const auto& connections : m_connections)
        if (connections.defined()) counts.push_back(static_cast<int64_t>(connections.sum().item<float>()));
    return counts;
}

}  // namespace dcs::model
