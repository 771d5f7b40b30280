#include "dcs/prune/filter_criteria.h"

#include <torch/torch.h>

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>

#include "dcs/error.h"

namespace dcs::prune {
namespace {

namespace F = torch::nn::functional;

torch::Tensor upsample(const torch::Tensor& maps, int64_t height, int64_t width) {
    if (maps.size(2) == height && maps.size(3) == width) return maps;
    return F::interpolate(maps, F::InterpolateFuncOptions()
                                    .size(std::vector<int64_t>{height, width})
                                    .mode(torch::kBilinear)
                                    .align_corners(false));
}

// Every prunable layer's post-ReLU maps on all images (eval mode, no gradients).
std::vector<torch::Tensor> collectMaps(model::FilterNetImpl& net, const torch::Tensor& images, int64_t batchSize) {
    torch::NoGradGuard noGrad;
    std::vector<std::vector<torch::Tensor>> parts(net.prunableLayers().size());
    for (int64_t start = 0; start < images.size(0); start += batchSize) {
        model::FilterCapture capture;
        net.forward(images.slice(0, start, std::min(images.size(0), start + batchSize)), &capture);
        for (size_t l = 0; l < parts.size(); ++l) parts[l].push_back(capture.maps[l].to(torch::kCPU));
    }
    std::vector<torch::Tensor> maps;
    for (auto& p : parts) maps.push_back(torch::cat(p));
    return maps;
}

// Runs fn with the net in eval mode and puts its mode back afterwards.
template <typename Fn>
auto inEvalMode(model::FilterNetImpl& net, Fn fn) {
    const bool wasTraining = net.is_training();
    net.eval();
    struct Restore {
        model::FilterNetImpl& net;
        bool training;
        ~Restore() { net.train(training); }
    } restore{net, wasTraining};
    return fn();
}

}  // namespace

const std::vector<FilterCriterion>& allFilterCriteria() {
    static const std::vector<FilterCriterion> all{FilterCriterion::Relevance, FilterCriterion::L1,     FilterCriterion::Apoz,
                                                  FilterCriterion::ActMean,   FilterCriterion::Random, FilterCriterion::HRank};
    return all;
}

std::string toString(FilterCriterion criterion) {
    switch (criterion) {
        case FilterCriterion::Relevance: return "relevance";
        case FilterCriterion::L1: return "l1";
        case FilterCriterion::Apoz: return "apoz";
        case FilterCriterion::ActMean: return "act-mean";
        case FilterCriterion::Random: return "random";
        case FilterCriterion::HRank: return "hrank";
    }
    return "unknown";
}

FilterCriterion filterCriterionFromString(const std::string& text) {
    std::string list;
    for (const auto c : allFilterCriteria()) {
        if (toString(c) == text) return c;
        list += (list.empty() ? "" : ", ") + toString(c);
    }
    throw ConfigError("criterion: '" + text + "'; expected one of " + list);
}

torch::Tensor gradCam(model::FilterNetImpl& net, const torch::Tensor& images, const torch::Tensor& classes) {
    return inEvalMode(net, [&] {
        torch::AutoGradMode withGradients(true);
        model::FilterCapture capture;
        const auto logits = net.forward(images, &capture);
        const auto score = logits.gather(1, classes.to(logits.device()).to(torch::kLong).view({-1, 1})).sum();
        const auto gradient = torch::autograd::grad({score}, {capture.camFeatures})[0];
        const auto weights = gradient.mean({2, 3}, true);
        const auto cam = torch::relu((weights * capture.camFeatures).sum(1, true)).detach();
        return upsample(cam, images.size(2), images.size(3)).squeeze(1);
    });
}

torch::Tensor topFractionMask(const torch::Tensor& maps, double fraction) {
    const auto flat = maps.reshape({maps.size(0), -1});
    const int64_t pixels = flat.size(1);
    const int64_t top = std::clamp<int64_t>(static_cast<int64_t>(std::ceil(fraction * static_cast<double>(pixels))), 1, pixels);
    const auto threshold = std::get<0>(flat.kthvalue(pixels - top + 1, 1, true));
    return ((flat >= threshold) & (flat > 0)).view(maps.sizes());
}

torch::Tensor maskIoU(const torch::Tensor& unitMasks, const torch::Tensor& semanticMasks) {
    const auto semantic = semanticMasks.unsqueeze(1);
    const auto intersection = (unitMasks & semantic).sum(-1).to(torch::kFloat32);
    const auto unionCount = (unitMasks | semantic).sum(-1).to(torch::kFloat32);
    return torch::where(unionCount > 0, intersection / unionCount.clamp_min(1.0f), torch::zeros_like(intersection));
}

torch::Tensor maskedResponse(const torch::Tensor& maps, const torch::Tensor& semanticMasks) {
    const auto semantic = semanticMasks.to(maps.scalar_type());
    const auto inside = (maps * semantic.unsqueeze(1)).sum(-1);
    return inside / semantic.sum(-1, true).clamp_min(1.0);
}

std::string toString(Alignment alignment) {
    return alignment == Alignment::Response ? "response" : "iou";
}

Alignment alignmentFromString(const std::string& text) {
    for (const auto a : {Alignment::Response, Alignment::Iou})
        if (toString(a) == text) return a;
    throw ConfigError("alignment: '" + text + "'; expected response or iou");
}

torch::Tensor alignmentVotes(const torch::Tensor& alignment, int64_t topL) {
    const int64_t filters = alignment.size(1);
    const int64_t l = std::clamp<int64_t>(topL, 0, filters);
    auto votes = torch::zeros({filters}, torch::kLong);
    if (l == 0 || alignment.size(0) == 0) return votes;
    const auto sorted = alignment.to(torch::kCPU).sort(/*stable=*/true, /*dim=*/1, /*descending=*/true);
    const auto values = std::get<0>(sorted).slice(1, 0, l);
    const auto indices = std::get<1>(sorted).slice(1, 0, l);
    const auto chosen = indices.masked_select(values > 0);
    votes.index_add_(0, chosen, torch::ones_like(chosen));
    return votes;
}

RelevanceProbe probeRelevance(model::FilterNetImpl& net, const torch::Tensor& images, const torch::Tensor& labels,
                              const std::vector<int64_t>& topL, const RelevanceOptions& options) {
    const auto& layers = net.prunableLayers();
    if (topL.size() != layers.size()) throw ConfigError("relevance: one top-l per prunable layer expected");
    const int64_t n = images.size(0), height = images.size(2), width = images.size(3), pixels = height * width;
    RelevanceProbe probe;
    std::vector<torch::Tensor> cams;
    for (int64_t start = 0; start < n; start += options.batchSize) {
        const int64_t end = std::min(n, start + options.batchSize);
        cams.push_back(gradCam(net, images.slice(0, start, end), labels.slice(0, start, end)).to(torch::kCPU));
    }
    probe.camMaps = torch::cat(cams);
    probe.semanticMasks = topFractionMask(probe.camMaps, options.semanticFraction);
    const auto semantic = probe.semanticMasks.reshape({n, pixels});
    const auto maps = inEvalMode(net, [&] { return collectMaps(net, images, options.batchSize); });
    const int64_t top = std::min<int64_t>(options.topImages, n);
    for (size_t l = 0; l < layers.size(); ++l) {
        const int64_t filters = maps[l].size(1);
        LayerRelevance layer;
        layer.meanActivation = maps[l].mean({0, 2, 3});
        auto alignment = torch::zeros({n, filters});
        layer.topImages = torch::zeros({filters, top}, torch::kLong);
        layer.topAlignment = torch::zeros({filters, top});
        layer.topMaps = torch::zeros({filters, top, height, width});
        // Upsampled maps of a whole layer can be large: a few filters at a time.
        const int64_t chunk = std::max<int64_t>(1, 8'000'000 / std::max<int64_t>(1, n * pixels));
        const int64_t rank = std::clamp<int64_t>(static_cast<int64_t>(std::ceil(options.unitQuantile * static_cast<double>(n * pixels))), 1, n * pixels);
        for (int64_t first = 0; first < filters; first += chunk) {
            const int64_t count = std::min(chunk, filters - first);
            const auto upsampled = upsample(maps[l].slice(1, first, first + count), height, width).reshape({n, count, pixels});
            torch::Tensor aligned;
            if (options.alignment == Alignment::Iou) {
                const auto threshold =
                    std::get<0>(upsampled.transpose(0, 1).reshape({count, n * pixels}).kthvalue(rank, 1));
                aligned = maskIoU((upsampled >= threshold.view({1, count, 1})) & (upsampled > 0), semantic);
            } else {
                aligned = maskedResponse(upsampled, semantic);
            }
            alignment.slice(1, first, first + count).copy_(aligned);
            const auto best = aligned.transpose(0, 1).topk(top, 1);
            for (int64_t f = 0; f < count; ++f) {
                const auto idx = std::get<1>(best)[f];
                layer.topImages[first + f].copy_(idx);
                layer.topAlignment[first + f].copy_(std::get<0>(best)[f]);
                layer.topMaps[first + f].copy_(upsampled.index_select(0, idx).select(1, f).view({top, height, width}));
            }
        }
        layer.votes = alignmentVotes(alignment, topL[l]);
        layer.score = layer.votes.to(torch::kFloat32) + 0.5f * layer.meanActivation / (layer.meanActivation.max() + 1e-12f);
        probe.layers.push_back(std::move(layer));
    }
    return probe;
}

std::vector<torch::Tensor> filterScores(FilterCriterion criterion, model::FilterNetImpl& net, const torch::Tensor& images,
                                        const torch::Tensor& labels, const std::vector<int64_t>& topL, uint64_t seed,
                                        RelevanceProbe* relevance, const RelevanceOptions& options) {
    const auto& layers = net.prunableLayers();
    std::vector<torch::Tensor> scores;
    switch (criterion) {
        case FilterCriterion::Relevance: {
            auto probe = probeRelevance(net, images, labels, topL, options);
            for (const auto& layer : probe.layers) scores.push_back(layer.score);
            if (relevance) *relevance = std::move(probe);
            return scores;
        }
        case FilterCriterion::L1:
            for (size_t l = 0; l < layers.size(); ++l)
                scores.push_back(net.filterWeights(l).detach().abs().sum({1, 2, 3}).to(torch::kCPU));
            return scores;
        case FilterCriterion::Random: {
            auto generator = at::make_generator<at::CPUGeneratorImpl>(seed * 2'654'435'761ULL + 97ULL);
            for (const auto& layer : layers) scores.push_back(torch::rand({layer.filters}, generator));
            return scores;
        }
        case FilterCriterion::Apoz:
        case FilterCriterion::ActMean:
        case FilterCriterion::HRank: {
            const auto maps = inEvalMode(net, [&] { return collectMaps(net, images, 250); });
            for (const auto& m : maps) {
                if (criterion == FilterCriterion::ActMean)
                    scores.push_back(m.mean({0, 2, 3}));
                else if (criterion == FilterCriterion::Apoz)
                    scores.push_back(-(m <= 0).to(torch::kFloat32).mean({0, 2, 3}));
                else
                    scores.push_back(torch::linalg_matrix_rank(m, c10::optional<double>(), c10::optional<double>(), false).to(torch::kFloat32).mean(0));
            }
            return scores;
        }
    }
    return scores;
}

torch::Tensor keepTop(const torch::Tensor& scores, int64_t keep) {
    const auto s = scores.to(torch::kCPU).to(torch::kFloat32);
    const int64_t k = std::clamp<int64_t>(keep, 1, s.numel());
    const auto order = std::get<1>(s.sort(/*stable=*/true, /*dim=*/0, /*descending=*/true));
    return std::get<0>(order.slice(0, 0, k).sort());
}

}  // namespace dcs::prune
