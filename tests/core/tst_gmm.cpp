// The Gaussian mixture: EM never lowers the likelihood, finds known components, every covariance form;
// the Gaussian read-out of a hard clustering.
#include <torch/torch.h>

#include <QtTest>

#include "dcs/cluster/gmm.h"
#include "dcs/cluster/kmeans.h"
#include "dcs/error.h"
#include "dcs/metrics/clustering_metrics.h"
#include "support/cluster_fixtures.h"
#include "support/error_message.h"

using namespace dcs::cluster;

namespace {
// Three elongated, differently oriented 2-D components of 150 points each.
std::pair<torch::Tensor, std::vector<int64_t>> anisotropicBlobs() {
    torch::manual_seed(11);
    std::vector<torch::Tensor> parts;
    std::vector<int64_t> truth;
    const std::vector<std::pair<std::vector<float>, std::vector<float>>> shapes{
        {{0, 0}, {1.0f, 0.0f, 0.0f, 0.1f}}, {{4, 4}, {0.1f, 0.0f, 0.0f, 1.0f}}, {{-4, 4}, {0.5f, 0.4f, 0.4f, 0.5f}}};
    for (size_t k = 0; k < shapes.size(); ++k) {
        const auto mean = torch::tensor(shapes[k].first);
        const auto transform = torch::tensor(shapes[k].second).view({2, 2});
        parts.push_back(torch::randn({150, 2}).mm(transform) + mean);
        truth.insert(truth.end(), 150, static_cast<int64_t>(k));
    }
    return {torch::cat(parts), truth};
}

std::vector<int64_t> toVector(const torch::Tensor& t) {
    const auto c = t.contiguous();
    return {c.data_ptr<int64_t>(), c.data_ptr<int64_t>() + c.numel()};
}
}  // namespace

class TestGmm : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void logLikelihoodNeverDecreases_data() {
        QTest::addColumn<QString>("covariance");
        QTest::newRow("diag") << "diag";
        QTest::newRow("spherical") << "spherical";
        QTest::newRow("tied") << "tied";
        QTest::newRow("full") << "full";
    }
    void logLikelihoodNeverDecreases() {
        QFETCH(QString, covariance);
        const auto [points, truth] = anisotropicBlobs();
        GmmOptions options;
        options.components = 3;
        options.covariance = covarianceFromString(covariance.toStdString());
        options.tolerance = 0;  // run every iteration
        options.maxIterations = 40;
        const auto result = fitGmm(points, options);
        QVERIFY(result.logLikelihoods.size() >= 2);
        for (size_t i = 1; i < result.logLikelihoods.size(); ++i)
            QVERIFY2(result.logLikelihoods[i] >= result.logLikelihoods[i - 1] - 1e-9,
                     qPrintable(QStringLiteral("iteration %1: %2 < %3")
                                    .arg(i)
                                    .arg(result.logLikelihoods[i])
                                    .arg(result.logLikelihoods[i - 1])));
        QVERIFY(dcs::metrics::clusteringAccuracy(truth, toVector(result.assignments)) > 0.97);
    }

    void fullCovarianceFitsOrientedComponentsBetter() {
        const auto [points, truth] = anisotropicBlobs();
        GmmOptions options;
        options.components = 3;
        const double diagonal = fitGmm(points, options).logLikelihoods.back();
        options.covariance = Covariance::Full;
        const auto full = fitGmm(points, options);
        QVERIFY(full.logLikelihoods.back() > diagonal);
        QCOMPARE(full.mixture.covariances.sizes().vec(), (std::vector<int64_t>{3, 2, 2}));
        QVERIFY(std::abs(full.mixture.weights.sum().item<float>() - 1.0f) < 1e-5f);
    }

    void sphericalAndTiedKeepTheirForm() {
        const auto [points, truth] = anisotropicBlobs();
        GmmOptions options;
        options.components = 3;
        options.covariance = Covariance::Spherical;
        const auto spherical = fitGmm(points, options).mixture;
        QCOMPARE(spherical.covariances.sizes().vec(), (std::vector<int64_t>{3, 2}));
        // One variance per component: the mean of its diagonal variances.
        QVERIFY(torch::allclose(spherical.covariances.select(1, 0), spherical.covariances.select(1, 1)));
        const auto members = (torch::tensor(truth) == 0).nonzero().flatten();
        const auto first =
            (spherical.means - points.index_select(0, members).mean(0)).pow(2).sum(1).argmin().item<int64_t>();
        const float expected = points.index_select(0, members).var(0, /*unbiased=*/false).mean().item<float>();
        QVERIFY2(std::abs(spherical.covariances[first][0].item<float>() - expected) < 0.05f * expected,
                 qPrintable(QString::number(spherical.covariances[first][0].item<float>()) + " vs " +
                            QString::number(expected)));

        options.covariance = Covariance::Tied;
        const auto tied = fitGmm(points, options).mixture;
        // One diagonal shared by every component, and it differs between the dimensions here.
        QVERIFY(torch::allclose(tied.covariances[0], tied.covariances[1]) &&
                torch::allclose(tied.covariances[0], tied.covariances[2]));
        QCOMPARE(toString(covarianceFromString("tied")), std::string("tied"));
        QCOMPARE(toString(covarianceFromString("spherical")), std::string("spherical"));
        // The constrained forms fit worse than the free diagonal on these differently shaped components.
        options.covariance = Covariance::Diagonal;
        const double diagonal = fitGmm(points, options).logLikelihoods.back();
        QVERIFY(spherical.meanLogLikelihood(points) < diagonal);
        QVERIFY(tied.meanLogLikelihood(points) < diagonal);
    }

    void meanVarianceWeighsComponents() {
        GaussianMixture mixture;
        mixture.weights = torch::tensor({0.25f, 0.75f});
        mixture.means = torch::zeros({2, 2});
        mixture.covariances = torch::tensor({1.0f, 3.0f, 4.0f, 4.0f}).view({2, 2});
        QCOMPARE(mixture.meanVariance().item<float>(), 0.25f * 2.0f + 0.75f * 4.0f);
        mixture.covariance = Covariance::Full;
        mixture.covariances =
            torch::stack({torch::tensor({1.0f, 0.5f, 0.5f, 3.0f}).view({2, 2}), 4.0f * torch::eye(2)});
        QCOMPARE(mixture.meanVariance().item<float>(), 0.25f * 2.0f + 0.75f * 4.0f);
    }

    void responsibilitiesAreProbabilities() {
        const auto [points, truth] = anisotropicBlobs();
        GmmOptions options;
        options.components = 3;
        const auto mixture = fitGmm(points, options).mixture;
        const auto responsibilities = mixture.logResponsibilities(points).exp();
        QVERIFY(torch::allclose(responsibilities.sum(1), torch::ones({points.size(0)}), 1e-4, 1e-5));
        // The Mahalanobis term matches its definition for the diagonal case.
        const auto diff = points[0] - mixture.means[1];
        const float expected = (diff.pow(2) / mixture.covariances[1]).sum().item<float>();
        QVERIFY(std::abs(mixture.mahalanobis(points)[0][1].item<float>() - expected) < 1e-3f * std::max(1.0f, expected));
    }

    void varianceIsFloored() {
        // Every point of one component identical: its variance would be zero without the floor.
        auto points = torch::cat({torch::zeros({20, 2}), torch::ones({20, 2}) * 5 + torch::randn({20, 2})});
        GmmOptions options;
        options.components = 2;
        options.varianceFloor = 1e-3;
        const auto result = fitGmm(points, options);
        QVERIFY(result.mixture.covariances.min().item<float>() >= 1e-3f * 0.999f);
        QVERIFY(std::isfinite(result.logLikelihoods.back()));
    }

    void startBalanceReachesTheKMeansStart() {
        // From the lowest-inertia k-means start (the bar split, the blobs merged) EM stays in that
        // optimum; with the size prior on the start it starts from, and keeps, the three classes.
        const auto [points, truth] = dcs::test::barAndTwoBlobs();
        GmmOptions options;
        options.components = 3;
        options.startRestarts = 20;
        const auto plain = fitGmm(points, options);
        options.startBalance = 1.5;
        const auto balanced = fitGmm(points, options);
        QVERIFY(dcs::metrics::clusteringAccuracy(truth, toVector(plain.assignments)) < 0.7);
        QCOMPARE(dcs::metrics::clusteringAccuracy(truth, toVector(balanced.assignments)), 1.0);
        QVERIFY(balanced.logLikelihoods.back() > plain.logLikelihoods.back());
    }

    void gaussianReadoutReadsClustersByTheirShape() {
        // A thin bar along x around (0, 0) beside a tight blob at (6, 1.2): the bar's tip (x > 3.1) lies
        // nearer the blob's centre than its own. Read by their shapes, the tip goes back to the bar.
        torch::manual_seed(3);
        const int64_t n = 300;
        const auto bar = torch::stack({torch::rand({n}) * 10.0 - 5.0, 0.05 * torch::randn({n})}, 1);
        const auto blob = torch::tensor({6.0f, 1.2f}) + 0.2 * torch::randn({n, 2});
        const auto points = torch::cat({bar, blob});
        std::vector<int64_t> truth(n, 0);
        truth.insert(truth.end(), n, 1);
        const auto nearest = dcs::cluster::nearestCentres(points, torch::tensor({{0.0f, 0.0f}, {6.0f, 1.2f}})).first;
        const auto readout = gaussianReadout(points, nearest, 2);
        const auto errors = [&](const torch::Tensor& a) { return (a != torch::tensor(truth)).sum().item<int64_t>(); };
        QVERIFY2(errors(nearest) > 30, std::to_string(errors(nearest)).c_str());
        QVERIFY2(errors(readout) * 3 < errors(nearest),
                 (std::to_string(errors(readout)) + " of " + std::to_string(errors(nearest))).c_str());
        // Cluster ids are kept: the bar stays cluster 0.
        QVERIFY(readout.slice(0, 0, n).eq(0).sum().item<int64_t>() > n * 9 / 10);
    }

    void gaussianReadoutKeepsRoundClustersAndSmallOnes() {
        // Well separated round clusters read out as they were.
        torch::manual_seed(4);
        const auto centres = torch::tensor({{0.0f, 0.0f}, {20.0f, 0.0f}, {0.0f, 20.0f}});
        const auto assigned = torch::arange(3).repeat_interleave(100);
        const auto points = centres.index_select(0, assigned) + 0.5 * torch::randn({300, 2});
        QVERIFY(gaussianReadout(points, assigned, 3).equal(assigned));
        // A cluster with no more members than dimensions keeps them, and takes no other point; a
        // cluster id with no members at all is allowed.
        auto withSmall = assigned.clone();
        withSmall[0] = 3;
        withSmall[1] = 3;
        const auto readout = gaussianReadout(points, withSmall, 5);
        QCOMPARE(readout.eq(3).sum().item<int64_t>(), int64_t{2});
        QCOMPARE(readout[0].item<int64_t>(), int64_t{3});
        QCOMPARE(readout.eq(4).sum().item<int64_t>(), int64_t{0});
    }

    void gaussianReadoutRejectsBadInput() {
        const auto points = torch::rand({10, 2});
        const auto ids = torch::zeros({10}, torch::kInt64);
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] {
                    gaussianReadout(points, ids.slice(0, 0, 9), 2);
                }).contains("assignments"));
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { gaussianReadout(points, ids + 2, 2); }).contains("assignments"));
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] {
                    gaussianReadout(points.to(torch::kFloat64), ids, 2);
                }).contains("points"));
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { gaussianReadout(points, ids, 0); }).contains("clusters"));
    }

    void rejectsBadSettings() {
        const auto points = torch::rand({10, 2});
        GmmOptions options;
        options.components = 0;
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { fitGmm(points, options); }).contains("clusters"));
        QVERIFY(errorMessageOf<dcs::ConfigError>([] { covarianceFromString("round"); }).contains("covariance"));
        options.components = 2;
        options.startBalance = -1.0;
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { fitGmm(points, options); }).contains("balance"));
    }
};

QTEST_GUILESS_MAIN(TestGmm)
#include "tst_gmm.moc"
