#include "dcs/train/run_folder.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "dcs/error.h"
#include "dcs/train/cluster_trainer.h"

namespace dcs::train {
namespace {

std::optional<double> optionalNumber(const std::string& cell) {
    if (cell.empty()) return std::nullopt;
    return std::stod(cell);
}

std::optional<double> optionalNumber(const nlohmann::json& json, const char* key) {
    const auto it = json.find(key);
    if (it == json.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
}

}  // namespace

std::vector<EpochMetrics> readMetricsCsv(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw DataError("'" + file.string() + "': cannot be read; expected the metrics.csv of a run folder");
    std::string line;
    std::getline(in, line);  // header
    std::vector<EpochMetrics> rows;
    for (int lineNumber = 2; std::getline(in, line); ++lineNumber) {
        if (line.empty()) continue;
        std::vector<std::string> cells;
        std::stringstream stream(line);
        for (std::string cell; std::getline(stream, cell, ',');) cells.push_back(cell);
        if (!line.empty() && line.back() == ',') cells.emplace_back();
        if (cells.size() != 10 && cells.size() != 11)  // runs made before supervision have 10
            throw DataError("'" + file.string() + "' line " + std::to_string(lineNumber) + ": " +
                            std::to_string(cells.size()) + " columns; expected 11");
        try {
            EpochMetrics m;
            m.epoch = std::stoi(cells[0]);
            m.warmup = cells[1] == "warmup";
            m.reconstructionLoss = std::stod(cells[2]);
            m.clusteringLoss = std::stod(cells[3]);
            m.totalLoss = std::stod(cells[4]);
            m.acc = optionalNumber(cells[5]);
            m.nmi = optionalNumber(cells[6]);
            m.ari = optionalNumber(cells[7]);
            m.epochSeconds = std::stod(cells[8]);
            m.imagesPerSecond = std::stod(cells[9]);
            if (cells.size() == 11) m.supervisionLoss = std::stod(cells[10]);
            rows.push_back(m);
        } catch (const std::exception&) {
            throw DataError("'" + file.string() + "' line " + std::to_string(lineNumber) + ": expected numbers, found '" +
                            line + "'");
        }
    }
    return rows;
}

RunRecord loadRunFolder(const std::filesystem::path& folder) {
    RunRecord record;
    record.folder = folder;
    record.config = ClusterTrainer::readConfig(folder);
    record.history = readMetricsCsv(folder / "metrics.csv");
    record.status = "incomplete";
    std::ifstream summaryFile(folder / "summary.json");
    if (summaryFile) {
        try {
            const auto summary = nlohmann::json::parse(summaryFile);
            record.status = summary.value("status", std::string("unknown"));
            record.acc = optionalNumber(summary, "acc");
            record.nmi = optionalNumber(summary, "nmi");
            record.ari = optionalNumber(summary, "ari");
            record.seconds = summary.value("seconds", 0.0);
        } catch (const nlohmann::json::exception& e) {
            throw DataError("'" + (folder / "summary.json").string() + "': not valid JSON (" + e.what() + ")");
        }
    } else if (!record.history.empty()) {
        record.acc = record.history.back().acc;
        record.nmi = record.history.back().nmi;
        record.ari = record.history.back().ari;
    }
    return record;
}

}  // namespace dcs::train
