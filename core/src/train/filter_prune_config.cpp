#include "dcs/train/filter_prune_config.h"

#include "dcs/error.h"
#include "dcs/prune/criteria.h"
#include "dcs/prune/filter_criteria.h"
#include "train/config_json.h"

namespace dcs::train {
using config_json::Json;
using config_json::read;
using config_json::requireOneOf;
using config_json::requireRange;

void FilterPruneConfig::validate() const {
    if (dataset.empty()) throw ConfigError("dataset: empty; expected a data set specification");
    requireRange<int64_t>("limit", limit, 0, INT64_MAX);
    requireOneOf("net", net, {"vgg16", "resnet20", "resnet32"});
    if (!(width > 0.0 && width <= 4.0)) throw ConfigError("width: " + std::to_string(width) + "; expected a multiplier in (0, 4]");
    prune::filterCriterionFromString(criterion);
    if (!(flopsReduction > 0.0 && flopsReduction < 1.0))
        throw ConfigError("flops reduction: " + std::to_string(flopsReduction) + "; expected a fraction strictly between 0 and 1");
    requireRange("epochs", epochs, 1, 100000);
    requireRange("finetune epochs", finetuneEpochs, 0, 100000);
    if (!(learningRate > 0.0 && learningRate <= 10.0))
        throw ConfigError("lr: " + std::to_string(learningRate) + "; expected a learning rate in (0, 10]");
    if (!(finetuneLearningRate > 0.0 && finetuneLearningRate <= 10.0))
        throw ConfigError("finetune lr: " + std::to_string(finetuneLearningRate) + "; expected a learning rate in (0, 10]");
    requireRange("momentum", momentum, 0.0, 0.999);
    requireRange("weight decay", weightDecay, 0.0, 1.0);
    requireRange<int64_t>("batch", batchSize, 1, 1 << 20);
    prune::alignmentFromString(alignment);
    if (!(unitQuantile > 0.0 && unitQuantile < 1.0))
        throw ConfigError("unit quantile: " + std::to_string(unitQuantile) + "; expected a quantile strictly between 0 and 1");
    if (!(camFraction > 0.0 && camFraction <= 1.0))
        throw ConfigError("cam fraction: " + std::to_string(camFraction) + "; expected a fraction in (0, 1]");
    prune::votesPerExample(votes, 2, 1);  // throws, naming "votes", for a rule it does not know
    requireRange<int64_t>("probe", probeSize, 1, 100000);
    requireRange<int64_t>("min filters", minFilters, 1, 100000);
    requireRange<int64_t>("channel multiple", channelMultiple, 0, 256);
    requireOneOf("allocation", allocation, {"latency", "uniform"});
    if (!(validationFraction > 0.0 && validationFraction < 1.0))
        throw ConfigError("validation: " + std::to_string(validationFraction) + "; expected a fraction strictly between 0 and 1");
    if (!(testFraction > 0.0 && testFraction < 1.0))
        throw ConfigError("test fraction: " + std::to_string(testFraction) + "; expected a fraction strictly between 0 and 1");
    requireRange("threads", threads, 0, 1024);
}

std::string FilterPruneConfig::toJson() const {
    const Json json{{"dataset", dataset},
                    {"limit", limit},
                    {"net", net},
                    {"width", width},
                    {"criterion", criterion},
                    {"flops_reduction", flopsReduction},
                    {"epochs", epochs},
                    {"finetune_epochs", finetuneEpochs},
                    {"lr", learningRate},
                    {"finetune_lr", finetuneLearningRate},
                    {"momentum", momentum},
                    {"weight_decay", weightDecay},
                    {"batch", batchSize},
                    {"reestimate", reestimate},
                    {"alignment", alignment},
                    {"unit_quantile", unitQuantile},
                    {"cam_fraction", camFraction},
                    {"votes", votes},
                    {"probe", probeSize},
                    {"min_filters", minFilters},
                    {"allocation", allocation},
                    {"channel_multiple", channelMultiple},
                    {"validation", validationFraction},
                    {"test_fraction", testFraction},
                    {"seed", seed},
                    {"threads", threads}};
    return json.dump(2);
}

FilterPruneConfig FilterPruneConfig::fromJson(const std::string& text) {
    FilterPruneConfig config;
    const Json json = config_json::parseObject(text, Json::parse(config.toJson()));
    read(json, "dataset", config.dataset);
    read(json, "limit", config.limit);
    read(json, "net", config.net);
    read(json, "width", config.width);
    read(json, "criterion", config.criterion);
    read(json, "flops_reduction", config.flopsReduction);
    read(json, "epochs", config.epochs);
    read(json, "finetune_epochs", config.finetuneEpochs);
    read(json, "lr", config.learningRate);
    read(json, "finetune_lr", config.finetuneLearningRate);
    read(json, "momentum", config.momentum);
    read(json, "weight_decay", config.weightDecay);
    read(json, "batch", config.batchSize);
    read(json, "reestimate", config.reestimate);
    read(json, "alignment", config.alignment);
    read(json, "unit_quantile", config.unitQuantile);
    read(json, "cam_fraction", config.camFraction);
    read(json, "votes", config.votes);
    read(json, "probe", config.probeSize);
    read(json, "min_filters", config.minFilters);
    read(json, "allocation", config.allocation);
    read(json, "channel_multiple", config.channelMultiple);
    read(json, "validation", config.validationFraction);
    read(json, "test_fraction", config.testFraction);
    read(json, "seed", config.seed);
    read(json, "threads", config.threads);
    return config;
}

}  // namespace dcs::train
