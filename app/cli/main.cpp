// dcstudio-cli: the command-line twin of the dcstudio app.
#include <CLI/CLI.hpp>

#include <iostream>

#include "cluster_command.h"
#include "commands.h"
#include "filter_prune_command.h"
#include "invariance_command.h"
#include "prune_command.h"
#include "dcs/error.h"

namespace {
constexpr int kUsageOrDataError = 2;
}

int main(int argc, char** argv) {
    CLI::App app{"dcstudio-cli: deep clustering and network compression from the command line"};
    app.require_subcommand(1);

    dcs::cli::DatasetsOptions datasets;
    auto* datasetsCommand = app.add_subcommand("datasets", "List every data set this machine can load");
    datasetsCommand->add_flag("--json", datasets.json, "Print a JSON array instead of a table");

    dcs::cli::InspectOptions inspect;
    auto* inspectCommand = app.add_subcommand("inspect", "Counts per class, pixel statistics and a sample grid");
    inspectCommand->add_option("dataset", inspect.dataset, "Data set: a name from 'datasets' or FORMAT:PATH")
        ->required();
    inspectCommand->add_option("--grid", inspect.gridFile, "Write a PNG grid of samples (a row per class)");
    inspectCommand->add_flag("--json", inspect.json, "Print one JSON object instead of text");

    dcs::cli::BaselineOptions baseline;
    auto* baselineCommand =
        app.add_subcommand("baseline", "Cluster the raw pixels (the classic baseline) and score against the labels");
    baselineCommand->add_option("--dataset", baseline.dataset, "Data set: a name from 'datasets' or FORMAT:PATH")
        ->required();
    baselineCommand->add_option("--method", baseline.baseline.method, "Clustering method")
        ->check(CLI::IsMember({"kmeans", "gmm"}))
        ->capture_default_str();
    baselineCommand->add_option("--covariance", baseline.baseline.covariance, "GMM covariance")
        ->check(CLI::IsMember({"diag", "spherical", "tied", "full"}))
        ->capture_default_str();
    baselineCommand->add_option("--clusters", baseline.baseline.clusters, "K (default: the number of classes)")
        ->check(CLI::Range(int64_t{1}, int64_t{100000}));
    baselineCommand
        ->add_option("--pca", baseline.baseline.pcaDimensions, "Reduce to this many PCA components first (0: off)")
        ->check(CLI::Range(int64_t{0}, int64_t{100000}));
    baselineCommand
        ->add_option("--restarts", baseline.baseline.restarts,
                     "k-means++ restarts (gmm: of its k-means start); the lowest inertia is kept")
        ->check(CLI::Range(1, 100))
        ->capture_default_str();
    baselineCommand->add_option("--seed", baseline.baseline.seed, "Random seed")->capture_default_str();
    baselineCommand->add_option("--threads", baseline.baseline.threads, "Threads (0: every core)")
        ->check(CLI::Range(0, 1024));
    baselineCommand->add_flag("--json", baseline.json, "Print one JSON object instead of text");

    CLI::App* clusterCommand = nullptr;
    const auto runCluster = dcs::cli::addClusterCommand(app, clusterCommand);
    CLI::App* pruneCommand = nullptr;
    const auto runPrune = dcs::cli::addPruneCommand(app, pruneCommand);
    CLI::App* ablationCommand = nullptr;
    const auto runAblation = dcs::cli::addPruneAblationCommand(app, ablationCommand);
    CLI::App* filterCommand = nullptr;
    const auto runFilterPrune = dcs::cli::addFilterPruneCommand(app, filterCommand);
    CLI::App* invarianceCommand = nullptr;
    const auto runInvariance = dcs::cli::addInvarianceCommand(app, invarianceCommand);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "error: " << e.what() << "\n(run with --help for usage)\n";
        return kUsageOrDataError;
    }

    try {
        if (*datasetsCommand) return dcs::cli::runDatasets(datasets);
        if (*inspectCommand) return dcs::cli::runInspect(inspect);
        if (*baselineCommand) return dcs::cli::runBaseline(baseline);
        if (*clusterCommand) return runCluster();
        if (*pruneCommand) return runPrune();
        if (*invarianceCommand) return runInvariance();
        if (*ablationCommand) return runAblation();
        if (*filterCommand) return runFilterPrune();
    } catch (const dcs::Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return kUsageOrDataError;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
