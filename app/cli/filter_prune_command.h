#pragma once
// dcstudio-cli prune-filters: CNN filter pruning by relevance or a baseline criterion (METHODS.md, M4).

#include <CLI/CLI.hpp>

#include <functional>

namespace dcs::cli {

// Add the subcommand and its flags to app; return the function that runs it once parsed.
std::function<int()> addFilterPruneCommand(CLI::App& app, CLI::App*& command);

}  // namespace dcs::cli
