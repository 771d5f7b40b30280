#pragma once
// dcstudio-cli invariance: per-layer feature MSE under rotations and flips for trained DeepCluster
// runs (the invariance study of M2).

#include <CLI/CLI.hpp>

#include <functional>

namespace dcs::cli {

// Adds the subcommand and its flags to app; returns the function that runs it once parsed.
std::function<int()> addInvarianceCommand(CLI::App& app, CLI::App*& command);

}  // namespace dcs::cli
