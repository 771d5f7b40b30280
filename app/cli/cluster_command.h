#pragma once
// dcstudio-cli cluster: train DCAE-Kmeans / DCAE-GMM with a progress bar, or resume a run folder.

#include <CLI/CLI.hpp>

#include <functional>

namespace dcs::cli {

// Adds the subcommand and its flags to app; returns the function that runs it once parsed.
std::function<int()> addClusterCommand(CLI::App& app, CLI::App*& command);

}  // namespace dcs::cli
