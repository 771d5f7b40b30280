#pragma once
// Everything that defines a pruning run (METHODS.md, M3). The GUI's Prune form and the CLI's flags
// fill this one struct; it round-trips through JSON and validates itself.

#include <cstdint>
#include <string>
#include <vector>

namespace dcs::train {

struct PruneConfig {
    std::string dataset = "mnist";   // a registry specification
    int64_t limit = 0;               // training images used (0: all)
    std::string net = "fcn";         // fcn | scn | cnn
    std::vector<int64_t> hidden;     // hidden FC widths (empty: the preset's)
    bool pruneConv = false;          // cnn: prune its conv filters too, not only its FC layers
    std::string criterion = "vote";  // vote | random | weight-sum | act-mean | act-sd | act-l1 | act-l2 | apoz
    std::string votes = "0.05";      // vote: each example votes for its top-l units, l = this fraction of the
                                     // layer, or the units kept (keep), ceil(J/2) (half), the units removed (removed)
    std::string voteOn = "deviation";  // vote: rank units by |activation - their probe mean| or by activation
    std::string schedule = "during"; // during: prune while training; oneshot: train, then prune; none: dense
    int epochs = 40;
    int every = 1;                   // during: a pruning check every t epochs
    double rate = 0.1;               // during: fraction k of the alive units removed per layer at each event
    // during: one k per prunable layer instead of `rate` for all (empty: `rate`), e.g. a wider first layer
    // and narrower deeper ones for about the same weights (measured on fashion-mnist in bench/README.md).
    std::vector<double> layerRates;
    // during: prune when validation accuracy >= its value just after the last event - this
    double tolerance = 0.0;
    double target = 0.1;             // during: stop pruning once the weights are at most this fraction of the dense net's (0: never)
    // during: the event that reaches the target removes only as many units as land the net on it (the
    // same share of every layer's rate), not the whole rate: a 10 % target ends at 9.97 %, not 9.1 %.
    // Off by default: the extra weights bought no accuracy measurable over seeds (bench/README.md).
    bool landOnTarget = false;
    double keep = 0.1;               // oneshot: fraction of each layer's units kept
    int64_t minUnits = 10;           // never fewer units in a layer
    std::string optimizer = "sgd";   // sgd | adam
    double learningRate = 0.05;
    std::string lrSchedule = "cosine"; // constant | cosine (annealed to 0 over the epochs)
    double momentum = 0.9;
    double weightDecay = 2e-4;
    int64_t batchSize = 100;
    double dropout = 0.3;
    bool dropoutFollowsPruning = false;  // see model::ClassifierSpec
    double epsilon = 20.0;           // scn: Erdős–Rényi density parameter
    double zeta = 0.3;               // scn: fraction of connections SET moves after each epoch
    int64_t probeSize = 10000;       // training examples the criteria look at
    double validationFraction = 0.1; // of the training images, for the pruning decision
    double testFraction = 0.2;       // held out for testing when the data set has no test split
    uint64_t seed = 1;
    int threads = 0;                 // 0: every core
    // Also train the dense net with the same settings and epochs first, to compare the pruned net with
    // (acc_before, paired on the same test images). Not for schedule "none", which is the dense net.
    bool denseBaseline = true;

    // The Long schedule: these settings trained for 80 epochs. On the 10,000 digits the pruned net
    // then ends within chance of the dense one trained as long; after the default 40 it is below it
    // beyond chance (bench/README.md).
    static PruneConfig longSchedule(PruneConfig base);
    // The dense net this run is compared with: the same settings, never pruned.
    PruneConfig denseCounterpart() const;

    // Throws ConfigError naming the field, what it found and what it expected.
    void validate() const;
    // The layers pruning may shrink: the hidden FC layers, and a cnn's convs with pruneConv.
    size_t prunableLayerCount() const;
    // The k of the index-th prunable layer (validate() has checked layerRates' length).
    double rateOfLayer(size_t index) const { return layerRates.empty() ? rate : layerRates.at(index); }
    std::string toJson() const;
    // Unknown keys and wrong types are ConfigErrors; missing keys keep their defaults.
    static PruneConfig fromJson(const std::string& text);
};

}  // namespace dcs::train
