#include "dcs/train/prune_config.h"

#include "dcs/error.h"
#include "dcs/model/classifier_net.h"
#include "dcs/prune/criteria.h"
#include "train/config_json.h"

namespace dcs::train {
using config_json::Json;
using config_json::read;
using config_json::requireOneOf;
using config_json::requireRange;

void PruneConfig::validate() const {
    if (dataset.empty()) throw ConfigError("dataset: empty; expected a data set specification");
    requireRange<int64_t>("limit", limit, 0, INT64_MAX);
    requireOneOf("net", net, {"fcn", "scn", "cnn"});
    for (const auto w : hidden)
        if (w < 1) throw ConfigError("hidden: a width of " + std::to_string(w) + "; expected every width >= 1");
    prune::criterionFromString(criterion);
    prune::votesPerExample(votes, 2, 1);  // throws for a rule it does not know
    prune::voteRankingFromString(voteOn);
    requireOneOf("schedule", schedule, {"during", "oneshot", "none"});
    requireRange("epochs", epochs, 1, 100000);
    requireRange("every", every, 1, 100000);
    if (!(rate > 0.0 && rate < 1.0))
        throw ConfigError("rate: " + std::to_string(rate) + "; expected a fraction k strictly between 0 and 1");
    for (const double k : layerRates)
        if (!(k > 0.0 && k < 1.0))
            throw ConfigError("layer rates: " + std::to_string(k) + "; expected every k strictly between 0 and 1");
    if (!layerRates.empty() && layerRates.size() != prunableLayerCount())
        throw ConfigError("layer rates: " + std::to_string(layerRates.size()) + " values for " +
                          std::to_string(prunableLayerCount()) + " prunable layers; expected one per layer, or none");
    requireRange("tolerance", tolerance, 0.0, 1.0);
    requireRange("target", target, 0.0, 1.0);
    if (!(keep > 0.0 && keep <= 1.0)) throw ConfigError("keep: " + std::to_string(keep) + "; expected a fraction in (0, 1]");
    requireRange<int64_t>("min units", minUnits, 1, INT64_MAX);
    if (!hidden.empty())
        for (const auto w : hidden)
            if (minUnits > w)
                throw ConfigError("min units: " + std::to_string(minUnits) + " is above a layer width of " +
                                  std::to_string(w) + "; expected at most the smallest width");
    requireOneOf("optimizer", optimizer, {"sgd", "adam"});
    if (!(learningRate > 0.0 && learningRate <= 10.0))
        throw ConfigError("lr: " + std::to_string(learningRate) + "; expected a learning rate in (0, 10]");
    requireOneOf("lr schedule", lrSchedule, {"constant", "cosine"});
    requireRange("momentum", momentum, 0.0, 0.999);
    requireRange("weight decay", weightDecay, 0.0, 1.0);
    requireRange<int64_t>("batch", batchSize, 1, 1 << 20);
    if (!(dropout >= 0.0 && dropout < 1.0)) throw ConfigError("dropout: " + std::to_string(dropout) + "; expected [0, 1)");
    if (!(epsilon > 0.0)) throw ConfigError("epsilon: " + std::to_string(epsilon) + "; expected > 0");
    if (!(zeta >= 0.0 && zeta < 1.0)) throw ConfigError("zeta: " + std::to_string(zeta) + "; expected a fraction in [0, 1)");
    requireRange<int64_t>("probe", probeSize, 1, INT64_MAX);
    if (!(validationFraction > 0.0 && validationFraction < 1.0))
        throw ConfigError("validation: " + std::to_string(validationFraction) + "; expected a fraction strictly between 0 and 1");
    if (!(testFraction > 0.0 && testFraction < 1.0))
        throw ConfigError("test fraction: " + std::to_string(testFraction) + "; expected a fraction strictly between 0 and 1");
    requireRange("threads", threads, 0, 1024);
}

size_t PruneConfig::prunableLayerCount() const {
    // The layer counts of a preset do not depend on the input size.
    const auto preset = model::ClassifierSpec::preset(net, 1, 28, 28, 10);
    return (hidden.empty() ? preset.hidden.size() : hidden.size()) +
           (net == "cnn" && pruneConv ? preset.convWidths.size() : 0);
}

PruneConfig PruneConfig::longSchedule(PruneConfig base) {
    base.epochs = 80;
    return base;
}

PruneConfig PruneConfig::denseCounterpart() const {
    PruneConfig dense = *this;
    dense.schedule = "none";
    dense.denseBaseline = false;
    return dense;
}

std::string PruneConfig::toJson() const {
    const Json json{{"dataset", dataset},
                    {"limit", limit},
                    {"net", net},
                    {"hidden", hidden},
                    {"prune_conv", pruneConv},
                    {"criterion", criterion},
                    {"votes", votes},
                    {"vote_on", voteOn},
                    {"schedule", schedule},
                    {"epochs", epochs},
                    {"every", every},
                    {"rate", rate},
                    {"layer_rates", layerRates},
                    {"tolerance", tolerance},
                    {"target", target},
                    {"land_on_target", landOnTarget},
                    {"keep", keep},
                    {"min_units", minUnits},
                    {"optimizer", optimizer},
                    {"lr", learningRate},
                    {"lr_schedule", lrSchedule},
                    {"momentum", momentum},
                    {"weight_decay", weightDecay},
                    {"batch", batchSize},
                    {"dropout", dropout},
                    {"dropout_follows_pruning", dropoutFollowsPruning},
                    {"epsilon", epsilon},
                    {"zeta", zeta},
                    {"probe", probeSize},
                    {"validation", validationFraction},
                    {"test_fraction", testFraction},
                    {"seed", seed},
                    {"threads", threads},
                    {"dense_baseline", denseBaseline}};
    return json.dump(2);
}

PruneConfig PruneConfig::fromJson(const std::string& text) {
    PruneConfig config;
    const Json json = config_json::parseObject(text, Json::parse(config.toJson()));
    read(json, "dataset", config.dataset);
    read(json, "limit", config.limit);
    read(json, "net", config.net);
    read(json, "hidden", config.hidden);
    read(json, "prune_conv", config.pruneConv);
    read(json, "criterion", config.criterion);
    read(json, "votes", config.votes);
    read(json, "vote_on", config.voteOn);
    read(json, "schedule", config.schedule);
    read(json, "epochs", config.epochs);
    read(json, "every", config.every);
    read(json, "rate", config.rate);
    read(json, "layer_rates", config.layerRates);
    read(json, "tolerance", config.tolerance);
    read(json, "target", config.target);
    read(json, "land_on_target", config.landOnTarget);
    read(json, "keep", config.keep);
    read(json, "min_units", config.minUnits);
    read(json, "optimizer", config.optimizer);
    read(json, "lr", config.learningRate);
    read(json, "lr_schedule", config.lrSchedule);
    read(json, "momentum", config.momentum);
    read(json, "weight_decay", config.weightDecay);
    read(json, "batch", config.batchSize);
    read(json, "dropout", config.dropout);
    read(json, "dropout_follows_pruning", config.dropoutFollowsPruning);
    read(json, "epsilon", config.epsilon);
    read(json, "zeta", config.zeta);
    read(json, "probe", config.probeSize);
    read(json, "validation", config.validationFraction);
    read(json, "test_fraction", config.testFraction);
    read(json, "seed", config.seed);
    read(json, "threads", config.threads);
    read(json, "dense_baseline", config.denseBaseline);
    return config;
}

}  // namespace dcs::train
