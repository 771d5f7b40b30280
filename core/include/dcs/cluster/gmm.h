#pragma once
// A Gaussian mixture on any N x d float tensor: EM in log space, diagonal, spherical, tied or full
// covariance, variances floored (1e-6 by default), k-means start. The pieces (log densities, E-step, M-step)
// are public because DCAE-GMM runs one EM step per epoch on the changing latent codes.

#include <torch/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace dcs::cluster {

// Diagonal: a variance per component and dimension. Spherical: one variance per component. Tied: one
// diagonal shared by all components. Full: a d x d matrix per component. Spherical and tied are
// stored as K x d like the diagonal (equal entries), so every diagonal formula serves them.
enum class Covariance { Diagonal, Full, Spherical, Tied };
// "diag", "full", "spherical" or "tied"; throws ConfigError naming the field otherwise.
Covariance covarianceFromString(const std::string& text);
std::string toString(Covariance covariance);

struct GaussianMixture {
    Covariance covariance = Covariance::Diagonal;
    torch::Tensor weights;      // K
    torch::Tensor means;        // K x d
    torch::Tensor covariances;  // K x d (diagonal, spherical, tied) or K x d x d (full)

    int64_t components() const { return means.size(0); }
    // log(pi_k) + log N(x_n | mu_k, Sigma_k), N x K. Differentiable in the points.
    torch::Tensor weightedLogDensities(const torch::Tensor& points) const;
    // log responsibilities log gamma_nk (rows sum to one in probability), N x K.
    torch::Tensor logResponsibilities(const torch::Tensor& points) const;
    // The variance per dimension averaged over the dimensions and the components (weighted by pi_k):
    // the mixture's scale in the points' squared units.
    torch::Tensor meanVariance() const;
    // Mean log-likelihood per point.
    double meanLogLikelihood(const torch::Tensor& points) const;
    // (x - mu_k)^T Sigma_k^-1 (x - mu_k) for every point and component, N x K. Differentiable in the points.
    torch::Tensor mahalanobis(const torch::Tensor& points) const;

    // Diagonal per-component variances (K x d) constrained to the covariance's form: spherical
    // averages each row over the dimensions, tied averages the rows weighted by the component weights.
    static torch::Tensor constrainVariances(const torch::Tensor& variances, const torch::Tensor& weights,
                                            Covariance covariance);
    // M-step: the mixture that maximises the expected log-likelihood given responsibilities (N x K).
    static GaussianMixture fromResponsibilities(const torch::Tensor& points, const torch::Tensor& responsibilities,
                                                Covariance covariance, double varianceFloor);
};

struct GmmOptions {
    int64_t components = 10;
    Covariance covariance = Covariance::Diagonal;
    int maxIterations = 100;
    double tolerance = 1e-4;  // stop when the mean log-likelihood gains less than this
    double varianceFloor = 1e-6;
    uint64_t seed = 1;
    int startRestarts = 4;  // k-means restarts of the start (the lowest inertia is kept)
    int startOverclustering = 1;  // the start's KMeansOptions::overclustering
    double startBalance = 0.0;    // the start's KMeansOptions::balance
};

struct GmmResult {
    GaussianMixture mixture;
    torch::Tensor assignments;               // N, argmax responsibility
    std::vector<double> logLikelihoods;      // mean log-likelihood after each iteration
};

// k-means start, then EM. Throws ConfigError naming the field for bad settings.
GmmResult fitGmm(const torch::Tensor& points, const GmmOptions& options);

// The Gaussian read-out of a hard clustering: each cluster becomes a Gaussian of its members' mean
// and full covariance, all with the same prior, and every point goes to the cluster under which it
// is most likely (one step, cluster ids kept). Nearest-centre assignment assumes round clusters of
// one size; the latent clusters of the DeepCluster runs are elongated, and reading them by their
// own shape moves the points on the wrong side of a boundary (bench/README.md: mnist +0.6 to +2.3
// points of ACC on every run measured). A cluster with no more members than dimensions has no
// covariance to speak of: its members stay and no point moves into it. assignments: N ids in
// [0, clusters). Throws ConfigError for a tensor that is not N x d float or ids out of range.
torch::Tensor gaussianReadout(const torch::Tensor& points, const torch::Tensor& assignments, int64_t clusters);

}  // namespace dcs::cluster
