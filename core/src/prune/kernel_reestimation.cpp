#include "dcs/prune/kernel_reestimation.h"

#include <torch/torch.h>

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>

namespace dcs::prune {
namespace {

// The dense consumer's output channels that the pruned consumer still has.
torch::Tensor sharedOutputChannels(model::FilterNetImpl& net, const std::vector<torch::Tensor>& keep, size_t layer) {
    const int asPrunable = net.consumerAsPrunable(layer);
    return asPrunable >= 0 ? keep[static_cast<size_t>(asPrunable)] : torch::Tensor();
}

struct ConsumerPair {
    torch::Tensor input;        // what the pruned consumer reads
    torch::Tensor denseOutput;  // the dense consumer's output on the same images, shared channels only
    torch::Tensor prunedOutput;
};

ConsumerPair consumerPair(model::FilterNetImpl& dense, model::FilterNetImpl& pruned, const std::vector<torch::Tensor>& keep,
                          size_t layer, const torch::Tensor& images) {
    model::FilterCapture denseCapture, prunedCapture;
    dense.forward(images, &denseCapture);
    pruned.forward(images, &prunedCapture);
    auto denseOutput = denseCapture.consumerOutputs[layer];
    const auto channels = sharedOutputChannels(dense, keep, layer);
    if (channels.defined()) denseOutput = denseOutput.index_select(1, channels.to(denseOutput.device()));
    return {prunedCapture.consumerInputs[layer], denseOutput, prunedCapture.consumerOutputs[layer]};
}

struct EvalModeGuard {
    model::FilterNetImpl& a;
    model::FilterNetImpl& b;
    bool aTraining, bTraining;
    EvalModeGuard(model::FilterNetImpl& x, model::FilterNetImpl& y) : a(x), b(y), aTraining(x.is_training()), bTraining(y.is_training()) {
        a.eval();
        b.eval();
    }
    ~EvalModeGuard() {
        a.train(aTraining);
        b.train(bTraining);
    }
};

}  // namespace

void reestimateConsumers(model::FilterNetImpl& dense, model::FilterNetImpl& pruned, const std::vector<torch::Tensor>& keep,
                         const torch::Tensor& images, uint64_t seed, const ReestimationOptions& options) {
    torch::NoGradGuard noGrad;
    EvalModeGuard evalMode(dense, pruned);
    auto generator = at::make_generator<at::CPUGeneratorImpl>(seed * 6'364'136'223ULL + 5ULL);
    const int64_t n = images.size(0);
    for (size_t layer = 0; layer < pruned.prunableLayers().size(); ++layer) {
        const auto current = pruned.consumerWeight(layer).detach().to(torch::kCPU);
        const int64_t outputs = current.size(0);
        const int64_t inputs = current.numel() / outputs;
        const auto [stride, padding] = pruned.consumerStrideAndPadding(layer);
        const bool head = pruned.consumerIsHead(layer);
        auto gram = torch::zeros({inputs, inputs}, torch::kFloat64);
        auto cross = torch::zeros({inputs, outputs}, torch::kFloat64);
        for (int64_t start = 0; start < n; start += options.batchSize) {
            const auto batch = images.slice(0, start, std::min(n, start + options.batchSize));
            const auto pair = consumerPair(dense, pruned, keep, layer, batch);
            torch::Tensor rows, targets;
            if (head) {
                // The head adds its bias; the fit is for the weights alone.
                const auto bias = pair.prunedOutput - pair.input.matmul(current.t().to(pair.input.device()));
                rows = pair.input;
                targets = pair.denseOutput - bias;
            } else {
                const int64_t kernel = current.size(2);
                const auto columns = torch::im2col(pair.input, {kernel, kernel}, {1, 1}, {padding, padding}, {stride, stride});
                const auto outputsFlat = pair.denseOutput.flatten(2);  // N x O x positions
                const int64_t positions = columns.size(2), count = columns.size(0);
                const int64_t sampled = std::min(positions, options.positionsPerImage);
                const auto picks = torch::randint(positions, {count, 1, sampled}, generator, torch::kLong).to(columns.device());
                rows = columns.gather(2, picks.expand({count, inputs, sampled})).permute({0, 2, 1}).reshape({-1, inputs});
                targets = outputsFlat.gather(2, picks.expand({count, outputs, sampled})).permute({0, 2, 1}).reshape({-1, outputs});
            }
            const auto r = rows.to(torch::kCPU).to(torch::kFloat64);
            gram += r.t().matmul(r);
            cross += r.t().matmul(targets.to(torch::kCPU).to(torch::kFloat64));
        }
        const auto prior = current.reshape({outputs, inputs}).t().to(torch::kFloat64);
        const double lambda = options.ridge * gram.diagonal().mean().item<double>() + 1e-8;
        const auto system = gram + lambda * torch::eye(inputs, torch::kFloat64);
        const auto solution = torch::linalg_solve(system, cross + lambda * prior);
        pruned.setConsumerWeight(layer, solution.t().to(torch::kFloat32).reshape(current.sizes()).to(pruned.consumerWeight(layer).device()));
    }
}

double consumerOutputError(model::FilterNetImpl& dense, model::FilterNetImpl& pruned, const std::vector<torch::Tensor>& keep,
                           size_t layer, const torch::Tensor& images) {
    torch::NoGradGuard noGrad;
    EvalModeGuard evalMode(dense, pruned);
    const auto pair = consumerPair(dense, pruned, keep, layer, images);
    return (pair.prunedOutput - pair.denseOutput).pow(2).mean().item<double>();
}

}  // namespace dcs::prune
