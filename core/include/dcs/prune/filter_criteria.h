#pragma once
// How filter pruning scores the filters of a conv layer (METHODS.md, M4); the highest scores stay.
//   relevance  majority vote over probe images of how well each filter's feature map aligns with
//              the image's Grad-CAM mask: by its mean response inside the mask (the default), or by
//              the IoU of its thresholded map with the mask; ties broken by mean activation
//   l1         sum of |w| of the filter (Li et al. 2017)
//   apoz       average percentage of zeros after the ReLU (the score is its negative)
//   act-mean   mean activation after the ReLU
//   random     a seeded random score
//   hrank      average rank of the feature maps (HRank)

#include <torch/types.h>

#include <cstdint>
#include <string>
#include <vector>

#include "dcs/model/filter_net.h"

namespace dcs::prune {

enum class FilterCriterion { Relevance, L1, Apoz, ActMean, Random, HRank };

const std::vector<FilterCriterion>& allFilterCriteria();
std::string toString(FilterCriterion criterion);
// Throws ConfigError naming the field "criterion" and the accepted words.
FilterCriterion filterCriterionFromString(const std::string& text);

// Grad-CAM of the given class per image (N x H x W, at the input's size, >= 0): the net's CAM
// features weighted by the spatial mean of the class score's gradient, summed, ReLU, upsampled.
torch::Tensor gradCam(model::FilterNetImpl& net, const torch::Tensor& images, const torch::Tensor& classes);

// Per image, the pixels at or above the (1 - fraction) quantile of its map (N x H x W -> bool).
// A map with no positive value gives an empty mask.
torch::Tensor topFractionMask(const torch::Tensor& maps, double fraction);

// IoU of every unit mask with its image's semantic mask: unit masks N x C x P, semantic N x P
// (bool) -> N x C; 0 where both are empty.
torch::Tensor maskIoU(const torch::Tensor& unitMasks, const torch::Tensor& semanticMasks);

// Mean of every map over its image's semantic mask: maps N x C x P, semantic N x P (bool) -> N x C;
// 0 where the mask is empty.
torch::Tensor maskedResponse(const torch::Tensor& maps, const torch::Tensor& semanticMasks);

// How a filter's map is compared with an image's Grad-CAM mask.
//   response  its mean value inside the mask: how strongly the filter fires on the parts of the
//             image the class decision rests on
//   iou       the IoU of its thresholded map (unit quantile) with the mask (METHODS.md, after
//             Network Dissection); it ignores how strongly the filter fires
enum class Alignment { Response, Iou };
std::string toString(Alignment alignment);
// Throws ConfigError naming the field "alignment" and the accepted words.
Alignment alignmentFromString(const std::string& text);

// For every image, one vote to each of its topL filters by alignment among those with a positive
// alignment (ties to the lower index). Returns votes per filter (int64, length C).
torch::Tensor alignmentVotes(const torch::Tensor& alignment, int64_t topL);

struct RelevanceOptions {
    Alignment alignment = Alignment::Response;  // response measured better than iou on fashion-mnist (bench/README.md)
    double unitQuantile = 0.8;  // iou: a filter's mask is its upsampled map at or above this quantile over the probe
                                // (METHODS.md: 0.995; 0.8 measured better on fashion-mnist, see the README)
    double semanticFraction = 0.2;   // the Grad-CAM mask: the top fraction of each image's map
    int64_t topImages = 3;           // per filter, the images it aligns with best (for inspection)
    int64_t batchSize = 250;
};

// What the relevance probe found in one prunable layer.
struct LayerRelevance {
    torch::Tensor votes;           // C (int64)
    torch::Tensor meanActivation;  // C
    torch::Tensor score;           // C: votes + a tie-break below one vote by mean activation
    torch::Tensor topImages;       // C x t (int64 indices into the probe images), best first
    torch::Tensor topAlignment;    // C x t alignment (response or IoU)
    torch::Tensor topMaps;         // C x t x H x W: the filter's upsampled map on those images
};

struct RelevanceProbe {
    torch::Tensor camMaps;        // N x H x W Grad-CAM of the true class
    torch::Tensor semanticMasks;  // N x H x W bool
    std::vector<LayerRelevance> layers;
};

// Relevance of every filter of every prunable layer on the probe images (labels: their classes);
// topL[layer] is how many filters each image votes for.
RelevanceProbe probeRelevance(model::FilterNetImpl& net, const torch::Tensor& images, const torch::Tensor& labels,
                              const std::vector<int64_t>& topL, const RelevanceOptions& options = {});

// One score per filter for every prunable layer, higher = more worth keeping. relevance uses
// probeRelevance with topL (votes per image, per layer); the activation criteria and hrank read the
// probe images.
std::vector<torch::Tensor> filterScores(FilterCriterion criterion, model::FilterNetImpl& net, const torch::Tensor& images,
                                        const torch::Tensor& labels, const std::vector<int64_t>& topL, uint64_t seed,
                                        RelevanceProbe* relevance = nullptr, const RelevanceOptions& options = {});

// The indices (ascending) of the `keep` highest scores; ties go to the lower index.
torch::Tensor keepTop(const torch::Tensor& scores, int64_t keep);

}  // namespace dcs::prune
