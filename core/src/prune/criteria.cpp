#include "dcs/prune/criteria.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/torch.h>

#include <cmath>

#include "dcs/error.h"

namespace dcs::prune {

const std::vector<Criterion>& allCriteria() {
    static const std::vector<Criterion> all{Criterion::Vote,  Criterion::Random, Criterion::WeightSum,
                                            Criterion::ActMean, Criterion::ActSd, Criterion::ActL1,
                                            Criterion::ActL2, Criterion::Apoz};
    return all;
}

std::string toString(Criterion criterion) {
    switch (criterion) {
        case Criterion::Vote: return "vote";
        case Criterion::Random: return "random";
        case Criterion::WeightSum: return "weight-sum";
        case Criterion::ActMean: return "act-mean";
        case Criterion::ActSd: return "act-sd";
        case Criterion::ActL1: return "act-l1";
        case Criterion::ActL2: return "act-l2";
        case Criterion::Apoz: return "apoz";
    }
    return "unknown";
}

std::string toString(VoteRanking ranking) {
    return ranking == VoteRanking::Deviation ? "deviation" : "activation";
}

VoteRanking voteRankingFromString(const std::string& text) {
    for (const auto ranking : {VoteRanking::Deviation, VoteRanking::Activation})
        if (toString(ranking) == text) return ranking;
    throw ConfigError("vote on: '" + text + "'; expected deviation or activation");
}

Criterion criterionFromString(const std::string& text) {
    std::string words;
    for (const auto c : allCriteria()) {
        if (toString(c) == text) return c;
        words += (words.empty() ? "" : ", ") + toString(c);
    }
    throw ConfigError("criterion: '" + text + "' is not a pruning criterion; expected one of " + words);
}

torch::Tensor voteCounts(const torch::Tensor& responses, const torch::Tensor& alive, int64_t topL) {
    const int64_t units = responses.size(1);
    const auto aliveMask = alive.to(torch::kBool);
    const int64_t aliveCount = aliveMask.sum().item<int64_t>();
    const int64_t l = std::clamp<int64_t>(topL, 0, aliveCount);
    if (l == 0 || responses.size(0) == 0) return torch::zeros({units}, torch::kLong);
    // Pruned units can never be among the top l.
    const auto masked = responses.masked_fill(~aliveMask.unsqueeze(0), -INFINITY);
    const auto winners = std::get<1>(masked.topk(l, 1));
    return torch::bincount(winners.flatten(), {}, units);
}

namespace {

// Votes at l, with the units level on them ordered by their votes at half the layer. Early in training,
// and in wide layers, many units never make any example's top l (a third of fc2 at the first event
// with l = 10 %); without a second vote the choice among them would follow their order in the layer.
// The second vote counts below one first-level vote: each adds at most N, scaled by 1 / (N + 1).
torch::Tensor votesWithTieBreak(const torch::Tensor& responses, const torch::Tensor& alive, int64_t topL) {
    auto scores = voteCounts(responses, alive, topL).to(torch::kFloat64);
    const int64_t half = votesPerExample("half", alive.to(torch::kBool).sum().item<int64_t>(), 0);
    if (topL >= half) return scores;
    const auto wider = voteCounts(responses, alive, half).to(torch::kFloat64);
    return scores + wider / static_cast<double>(responses.size(0) + 1);
}

}  // namespace

torch::Tensor unitScores(Criterion criterion, const LayerProbe& probe, const torch::Tensor& alive, int64_t topL,
                         uint64_t seed, VoteRanking ranking) {
    const auto& r = probe.responses;
    torch::Tensor scores;
    switch (criterion) {
        case Criterion::Vote:
            scores = votesWithTieBreak(ranking == VoteRanking::Deviation ? (r - r.mean(0)).abs() : r, alive, topL);
            break;
        case Criterion::Random: {
            auto generator = at::make_generator<at::CPUGeneratorImpl>(seed);
            scores = torch::rand({r.size(1)}, generator, torch::kFloat64);
            break;
        }
        case Criterion::WeightSum: scores = probe.outgoingWeights.to(torch::kFloat64); break;
        case Criterion::ActMean: scores = r.to(torch::kFloat64).mean(0); break;
        case Criterion::ActSd: scores = r.to(torch::kFloat64).std(0, /*unbiased=*/false); break;
        case Criterion::ActL1: scores = r.to(torch::kFloat64).abs().sum(0); break;
        case Criterion::ActL2: scores = r.to(torch::kFloat64).pow(2).sum(0).sqrt(); break;
        case Criterion::Apoz: scores = -probe.zeroFraction.to(torch::kFloat64); break;
    }
    return scores.masked_fill(~alive.to(torch::kBool), -INFINITY);
}

int64_t votesPerExample(const std::string& rule, int64_t alive, int64_t keep) {
    if (rule == "keep") return keep;
    if (rule == "half") return (alive + 1) / 2;
    if (rule == "removed") return std::max<int64_t>(1, alive - keep);
    size_t used = 0;
    double fraction = 0.0;
    try {
        fraction = std::stod(rule, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != rule.size() || used == 0 || !(fraction > 0.0 && fraction < 1.0))
        throw ConfigError("votes: '" + rule + "'; expected keep, half, removed or a fraction between 0 and 1");
    return std::max<int64_t>(1, static_cast<int64_t>(std::ceil(fraction * static_cast<double>(alive) - 1e-9)));
}

int64_t unitsToKeep(int64_t alive, double rate, int64_t minUnits) {
    const auto kept = static_cast<int64_t>(std::ceil((1.0 - rate) * static_cast<double>(alive) - 1e-9));
    return std::min(alive, std::max(kept, minUnits));
}

torch::Tensor keepHighest(const torch::Tensor& scores, const torch::Tensor& alive, int64_t keep) {
    const auto aliveMask = alive.to(torch::kBool);
    const auto masked = scores.to(torch::kFloat64).masked_fill(~aliveMask, -INFINITY);
    // A stable descending sort keeps the lower index first among equal scores.
    const auto order = std::get<1>(masked.sort(/*stable=*/true, 0, /*descending=*/true));
    const int64_t count = std::min<int64_t>(keep, aliveMask.sum().item<int64_t>());
    auto result = torch::zeros({scores.size(0)}, torch::kBool);
    result.index_fill_(0, order.slice(0, 0, count), true);
    return result;
}

}  // namespace dcs::prune
