// CSV feature tables: a header row, numeric feature columns, an optional "label" column.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <set>

#include "dcs/data/loaders.h"
#include "dcs/error.h"
#include "file_bytes.h"

namespace dcs::data {
namespace {

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\"");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\"");
    return std::string(text.substr(first, last - first + 1));
}

char detectDelimiter(const std::string& header) {
    for (char candidate : {',', ';', '\t'})
        if (header.find(candidate) != std::string::npos) return candidate;
    return ',';
}

std::vector<std::string> splitRow(const std::string& line, char delimiter) {
    std::vector<std::string> cells;
    size_t start = 0;
    while (true) {
        const size_t end = line.find(delimiter, start);
        cells.push_back(trimmed(std::string_view(line).substr(start, end - start)));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return cells;
}

bool parseNumber(const std::string& cell, double& value) {
    if (cell.empty()) return false;
    const char* begin = cell.data() + (cell[0] == '+' ? 1 : 0);
    const auto [end, error] = std::from_chars(begin, cell.data() + cell.size(), value);
    return error == std::errc() && end == cell.data() + cell.size() && std::isfinite(value);
}

// Brings feature values into [0,1] (see loaders.h); returns a note for the data set's source.
std::string scaleToUnitRange(std::vector<float>& values, size_t columns) {
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    if (*lo >= 0.0f && *hi <= 1.0f) return "values already in [0,1]";
    const bool bytes = *lo >= 0.0f && *hi <= 255.0f &&
                       std::all_of(values.begin(), values.end(), [](float v) { return v == std::floor(v); });
    if (bytes) {
        for (float& v : values) v /= 255.0f;
        return "integers in [0,255] divided by 255";
    }
    for (size_t c = 0; c < columns; ++c) {
        float columnMin = values[c], columnMax = values[c];
        for (size_t i = c; i < values.size(); i += columns) {
            columnMin = std::min(columnMin, values[i]);
            columnMax = std::max(columnMax, values[i]);
        }
        const float range = columnMax - columnMin;
        for (size_t i = c; i < values.size(); i += columns) values[i] = range > 0 ? (values[i] - columnMin) / range : 0.0f;
    }
    return "each column min-max scaled to [0,1]";
}

}  // namespace

Dataset loadCsv(const std::filesystem::path& file, const ProgressFn& progress) {
    detail::requireFile(file);
    std::ifstream in(file, std::ios::binary);
    if (!in) throw DataError(detail::quoted(file) + ": cannot be opened for reading");
    const auto fileSize = std::filesystem::file_size(file);

    std::string line;
    if (!std::getline(in, line) || trimmed(line).empty())
        throw DataError(detail::quoted(file) + ": empty; expected a header row of column names");
    const char delimiter = detectDelimiter(line);
    const auto header = splitRow(line, delimiter);
    std::ptrdiff_t labelColumn = -1;
    for (size_t c = 0; c < header.size(); ++c) {
        if (header[c] == "label") labelColumn = static_cast<std::ptrdiff_t>(c);
        double ignored;
        if (parseNumber(header[c], ignored))
            throw DataError(detail::quoted(file) + " line 1: found the number '" + header[c] +
                            "' in the header; expected a header row of column names");
    }
    const size_t columns = header.size();
    const size_t featureCount = columns - (labelColumn >= 0 ? 1 : 0);
    if (featureCount == 0)
        throw DataError(detail::quoted(file) + ": no feature columns; expected numeric columns besides 'label'");

    std::vector<float> values;
    std::vector<std::string> labelCells;
    size_t lineNumber = 1;
    while (std::getline(in, line)) {
        ++lineNumber;
        if (trimmed(line).empty()) continue;
        const auto cells = splitRow(line, delimiter);
        if (cells.size() != columns)
            throw DataError(detail::quoted(file) + " line " + std::to_string(lineNumber) + ": " +
                            std::to_string(cells.size()) + " columns; expected " + std::to_string(columns) +
                            " as in the header");
        for (size_t c = 0; c < columns; ++c) {
            if (static_cast<std::ptrdiff_t>(c) == labelColumn) {
                if (cells[c].empty())
                    throw DataError(detail::quoted(file) + " line " + std::to_string(lineNumber) +
                                    ": empty label; expected every row to have one");
                labelCells.push_back(cells[c]);
                continue;
            }
            double value;
            if (!parseNumber(cells[c], value))
                throw DataError(detail::quoted(file) + " line " + std::to_string(lineNumber) + " column '" +
                                header[c] + "': found '" + cells[c] + "'; expected a number");
            values.push_back(static_cast<float>(value));
        }
        if (progress && lineNumber % 1024 == 0 && fileSize > 0)
            progress(std::min(0.99, static_cast<double>(in.tellg()) / static_cast<double>(fileSize)));
    }
    if (values.empty()) throw DataError(detail::quoted(file) + ": a header but no rows; expected at least one data row");
    const std::string scaling = scaleToUnitRange(values, featureCount);

    // Integer labels are used as they are; any other labels become classes in sorted order.
    std::vector<int64_t> labels;
    std::vector<std::string> classNames;
    const bool integerLabels = std::all_of(labelCells.begin(), labelCells.end(), [](const std::string& cell) {
        double v;
        return parseNumber(cell, v) && v >= 0 && v == std::floor(v) && v < 1e6;
    });
    if (integerLabels) {
        for (const auto& cell : labelCells) labels.push_back(std::stoll(cell));
    } else {
        const std::set<std::string> distinct(labelCells.begin(), labelCells.end());
        classNames.assign(distinct.begin(), distinct.end());
        std::map<std::string, int64_t> ids;
        for (const auto& name : classNames) ids.emplace(name, static_cast<int64_t>(ids.size()));
        for (const auto& cell : labelCells) labels.push_back(ids.at(cell));
    }

    const auto side = static_cast<int64_t>(std::llround(std::sqrt(static_cast<double>(featureCount))));
    const bool square = side * side == static_cast<int64_t>(featureCount);
    if (progress) progress(1.0);
    Dataset dataset(file.stem().string(), 1, square ? side : 1, square ? side : static_cast<int64_t>(featureCount),
                    std::move(values), std::move(labels), std::move(classNames));
    dataset.setSource(file.string() + " (CSV, " + scaling + ")");
    return dataset;
}

}  // namespace dcs::data
