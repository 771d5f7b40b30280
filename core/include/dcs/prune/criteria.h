#pragma once
// How pruning decides which units of a layer to keep (METHODS.md, M3). Every criterion turns what a
// probe saw of one layer into one score per unit; the units with the highest scores are kept.
//   vote       majority voting: on every probe example the top-l alive units get a vote, ranked by
//              how far their activation lies from their mean over the probe (or, as METHODS.md words
//              it, by the activation itself); the score is the number of votes, plus a fraction below
//              one vote from the votes at half the layer, which orders the units level on votes
//   random     a seeded random score
//   weight-sum sum of |w| of the unit's outgoing connections
//   act-mean, act-sd, act-l1, act-l2   statistics of the unit's activations over the probe
//   apoz       average percentage of zeros after ReLU (the score is its negative: keep the lowest)

#include <torch/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace dcs::prune {

enum class Criterion { Vote, Random, WeightSum, ActMean, ActSd, ActL1, ActL2, Apoz };

// What each example's votes rank the units by. Activation is METHODS.md's wording. Deviation, the
// distance |t_j(x) - mean_n t_j(x_n)| of the activation from the unit's mean over the probe, is our
// default: a unit whose activation is high on every example (fc1 units that answer to the ink every
// digit shares) collects votes by activation on all of them, yet tells the examples apart no better
// than a constant would; by deviation an example votes for the units it moves most, up or down.
enum class VoteRanking { Deviation, Activation };
std::string toString(VoteRanking ranking);
// Throws ConfigError naming the field "vote on" and the accepted words.
VoteRanking voteRankingFromString(const std::string& text);

// In the order tables list them.
const std::vector<Criterion>& allCriteria();
std::string toString(Criterion criterion);
// Throws ConfigError naming the field "criterion" and the accepted words.
Criterion criterionFromString(const std::string& text);

// What the probe saw of one layer.
struct LayerProbe {
    torch::Tensor responses;        // N x J activations before the ReLU (conv: mean over positions)
    torch::Tensor zeroFraction;     // J: fraction of zero outputs after the ReLU (conv: over positions too)
    torch::Tensor outgoingWeights;  // J: sum of |w| of the outgoing connections
};

// For every example, one vote to each of the topL alive units with the largest responses.
// Returns the votes per unit (int64, length J; pruned units get none).
torch::Tensor voteCounts(const torch::Tensor& responses, const torch::Tensor& alive, int64_t topL);

// One score per unit, higher = more worth keeping; pruned units score -infinity. topL is the
// number of votes each example gives and ranking what they rank by (vote only).
torch::Tensor unitScores(Criterion criterion, const LayerProbe& probe, const torch::Tensor& alive, int64_t topL,
                         uint64_t seed, VoteRanking ranking = VoteRanking::Deviation);

// How many votes each example gives (the l of majority voting) in a layer with `alive` units of
// which `keep` stay: rule "keep" (l = keep), "half" (ceil(alive / 2)), "removed" (l = alive - keep,
// at least 1), or a fraction in (0, 1) written as a number ("0.1": a tenth of the alive units).
// Throws ConfigError naming the field "votes" for anything else.
int64_t votesPerExample(const std::string& rule, int64_t alive, int64_t keep);

// How many of `alive` units stay after removing the fraction `rate`: ceil((1 - rate) * alive), but
// never fewer than minUnits (nor more than alive).
int64_t unitsToKeep(int64_t alive, double rate, int64_t minUnits);

// The new alive mask (bool, length J): the `keep` alive units with the highest scores; ties go to
// the lower index.
torch::Tensor keepHighest(const torch::Tensor& scores, const torch::Tensor& alive, int64_t keep);

}  // namespace dcs::prune
