#pragma once
// Everything that defines a filter-pruning run (METHODS.md, M4): train a CNN, score its filters,
// remove the least worthy ones to reach a FLOPs target, re-fit the next layers, fine-tune. The
// GUI's Filters form and `dcstudio-cli prune-filters` fill this one struct.

#include <cstdint>
#include <string>

namespace dcs::train {

struct FilterPruneConfig {
    std::string dataset = "fashion-mnist";  // a registry specification
    int64_t limit = 0;                      // training images used (0: all)
    std::string net = "vgg16";              // vgg16 | resnet20 | resnet32
    double width = 0.25;                    // channel-count multiplier
    std::string criterion = "relevance";    // relevance | l1 | apoz | act-mean | random | hrank
    double flopsReduction = 0.5;            // fraction of the dense net's FLOPs removed
    int epochs = 8;                         // dense training
    int finetuneEpochs = 2;
    double learningRate = 0.05;             // SGD, cosine-annealed over the dense epochs
    double finetuneLearningRate = 0.01;     // cosine-annealed over the fine-tuning epochs
    double momentum = 0.9;
    double weightDecay = 5e-4;
    int64_t batchSize = 128;
    bool reestimate = true;                 // least-squares re-fit of the layer after each pruned conv
    std::string alignment = "response";     // relevance: how a filter's map is compared with an image's Grad-CAM mask:
                                            // response (its mean inside the mask) or iou (of its thresholded map)
    double unitQuantile = 0.8;  // relevance, iou: a filter's mask is its map at or above this quantile over the probe
    double camFraction = 0.2;               // relevance: an image's Grad-CAM mask is the top fraction of its map
    std::string votes = "0.05";  // relevance: each image votes for its top-l filters by alignment; l = the filters
                                 // kept (keep), half the layer (half), the filters removed (removed), or a
                                 // fraction of the layer such as 0.1
    int64_t probeSize = 2000;    // training images the criteria look at; the re-fit reads the first 1,000 of them
                                 // (METHODS.md: a few thousand; 500 left every criterion 0.3 points lower right
                                 // after pruning, see the README)
    int64_t minFilters = 2;                 // never fewer filters in a conv
    std::string allocation = "uniform";     // how many filters each conv keeps: uniform (the same share of each) or
                                            // latency (most time saved per FLOP, from convs timed on this machine)
    int64_t channelMultiple = 0;            // kept filters rounded to a multiple of this in convs of twice as many or
                                            // more, to halves of it in narrower ones (0: the CPU's channel block, 16
                                            // with AVX-512, 8 with AVX2; 1: exact)
    double validationFraction = 0.1;        // of the training images, shown beside the test accuracy
    double testFraction = 0.2;              // held out for testing when the data set has no test split
    uint64_t seed = 1;
    int threads = 0;                        // 0: every core

    // Throws ConfigError naming the field, what it found and what it expected.
    void validate() const;
    std::string toJson() const;
    // Unknown keys and wrong types are ConfigErrors; missing keys keep their defaults.
    static FilterPruneConfig fromJson(const std::string& text);
};

}  // namespace dcs::train
