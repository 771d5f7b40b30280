#include "dcs/prune/layer_probe.h"

#include <torch/torch.h>

namespace dcs::prune {

std::vector<LayerProbe> probeLayers(model::ClassifierNet& net, const torch::Tensor& images, int64_t batchSize) {
    torch::NoGradGuard noGrad;
    const bool wasTraining = net->is_training();
    net->eval();
    const auto& layers = net->unitLayers();
    std::vector<std::vector<torch::Tensor>> responses(layers.size());
    std::vector<torch::Tensor> zeros(layers.size());
    std::vector<int64_t> positions(layers.size(), 0);
    const int64_t n = images.size(0);
    for (int64_t start = 0; start < n; start += batchSize) {
        std::vector<torch::Tensor> pre;
        net->forward(images.slice(0, start, std::min(n, start + batchSize)), &pre);
        for (size_t l = 0; l < layers.size(); ++l) {
            const auto& z = pre[l];
            // A conv filter answers with a map; its mean stands for it, its zeros count per position.
            const auto perUnit = layers[l].convolution ? z.mean({2, 3}) : z;
            responses[l].push_back(perUnit.to(torch::kCPU));
            const auto zeroCount = layers[l].convolution ? (z <= 0).sum({0, 2, 3}) : (z <= 0).sum(0);
            zeros[l] = zeros[l].defined() ? zeros[l] + zeroCount.to(torch::kCPU) : zeroCount.to(torch::kCPU);
            positions[l] += layers[l].convolution ? z.size(0) * z.size(2) * z.size(3) : z.size(0);
        }
    }
    std::vector<LayerProbe> probes;
    for (size_t l = 0; l < layers.size(); ++l) {
        LayerProbe probe;
        probe.responses = torch::cat(responses[l]);
        probe.zeroFraction = zeros[l].to(torch::kFloat64).div(static_cast<double>(positions[l])).to(torch::kFloat32);
        probe.outgoingWeights = net->outgoingWeightSums(l).to(torch::kCPU);
        probes.push_back(probe);
    }
    net->train(wasTraining);
    return probes;
}

}  // namespace dcs::prune
