#pragma once
// dcstudio-cli prune and prune-ablation: majority-vote neuron pruning and the criteria ablation.

#include <CLI/CLI.hpp>

#include <functional>

namespace dcs::cli {

// Add the subcommands and their flags to app; return the functions that run them once parsed.
std::function<int()> addPruneCommand(CLI::App& app, CLI::App*& command);
std::function<int()> addPruneAblationCommand(CLI::App& app, CLI::App*& command);

}  // namespace dcs::cli
