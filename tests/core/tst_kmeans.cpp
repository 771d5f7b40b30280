// k-means, PCA and the raw-pixel baseline on data with a known answer.
#include <torch/torch.h>

#include <QtTest>

#include "dcs/cluster/boundary_resplit.h"
#include "dcs/cluster/kmeans.h"
#include "dcs/cluster/pca.h"
#include "dcs/cluster/pixel_baseline.h"
#include "dcs/data/loaders.h"
#include "dcs/error.h"
#include "dcs/metrics/clustering_metrics.h"
#include "support/cluster_fixtures.h"
#include "support/error_message.h"

using namespace dcs::cluster;

namespace {
// perBlob points around each of the given centres (spread 0.1), and the blob of each point.
std::pair<torch::Tensor, std::vector<int64_t>> blobs(const std::vector<std::vector<float>>& centres, int perBlob) {
    torch::manual_seed(3);
    std::vector<torch::Tensor> parts;
    std::vector<int64_t> truth;
    for (size_t b = 0; b < centres.size(); ++b) {
        const auto centre = torch::tensor(centres[b]);
        parts.push_back(centre + 0.1 * torch::randn({perBlob, static_cast<int64_t>(centres[b].size())}));
        truth.insert(truth.end(), perBlob, static_cast<int64_t>(b));
    }
    return {torch::cat(parts), truth};
}

std::vector<int64_t> toVector(const torch::Tensor& t) {
    const auto c = t.contiguous();
    return {c.data_ptr<int64_t>(), c.data_ptr<int64_t>() + c.numel()};
}
}  // namespace

class TestKMeans : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void recoversSeparatedBlobs() {
        const auto [points, truth] = blobs({{0, 0}, {5, 5}, {-5, 5}, {5, -5}}, 60);
        KMeansOptions options;
        options.clusters = 4;
        const auto result = kmeans(points, options);
        QCOMPARE(dcs::metrics::clusteringAccuracy(truth, toVector(result.assignments)), 1.0);
        QCOMPARE(result.centres.sizes().vec(), (std::vector<int64_t>{4, 2}));
        QVERIFY(result.inertia < 240 * 2 * 0.02);  // about N * d * 0.1^2
    }

    void sameSeedSameResult() {
        const auto [points, truth] = blobs({{0, 0, 0}, {1, 1, 1}}, 100);
        KMeansOptions options;
        options.clusters = 5;
        options.restarts = 2;
        const auto a = kmeans(points, options), b = kmeans(points, options);
        QVERIFY(torch::equal(a.assignments, b.assignments));
        QCOMPARE(a.inertia, b.inertia);
    }

    void batchingDoesNotChangeTheAnswer() {
        const auto [points, truth] = blobs({{0, 0}, {3, 3}}, 50);
        const auto centres = torch::tensor({{0.0f, 0.0f}, {3.0f, 3.0f}, {1.0f, 2.0f}});
        const auto [whole, wholeDistances] = nearestCentres(points, centres, 8192);
        const auto [batched, batchedDistances] = nearestCentres(points, centres, 7);
        QVERIFY(torch::equal(whole, batched));
        QVERIFY(torch::allclose(wholeDistances, batchedDistances));
    }

    void emptyClustersAreReseeded() {
        // Two tight groups and K = 6: some starts leave clusters empty; none may end as NaN.
        const auto [points, truth] = blobs({{0, 0}, {10, 10}}, 40);
        KMeansOptions options;
        options.clusters = 6;
        options.restarts = 3;
        const auto result = kmeans(points, options);
        QVERIFY(!torch::isnan(result.centres).any().item<bool>());
        QCOMPARE(torch::bincount(result.assignments, {}, 6).gt(0).sum().item<int64_t>(), 6);
    }

    void aSplitOfTheLargestReseedsTheSmallest() {
        // Blobs 0 and 1 share cluster 0, blob 2 is cluster 1 but for a rim of 2 points in cluster 2.
        const auto [points, truth] = blobs({{0, 0}, {10, 0}, {0, 10}}, 100);
        auto assignments = (torch::tensor(truth) == 2).to(torch::kInt64);
        assignments.slice(0, 200, 202).fill_(2);
        const auto split = splitLargestIntoSmallest(points, assignments, 3, 0.5, 1);
        QVERIFY(split.has_value());
        QCOMPARE(split->smallest, int64_t{2});
        QCOMPARE(split->largest, int64_t{0});
        QCOMPARE(split->smallestSize, int64_t{2});
        QCOMPARE(split->largestSize, int64_t{200});
        // The two new centres sit on blobs 0 and 1, one each: nearest-centre assignment recovers the blobs.
        auto centres = torch::zeros({3, 2});
        centres[0].copy_(split->largestCentre);
        centres[1].copy_(torch::tensor({0.0f, 10.0f}));
        centres[2].copy_(split->smallestCentre);
        const auto reassigned = toVector(nearestCentres(points, centres).first);
        QCOMPARE(dcs::metrics::clusteringAccuracy(truth, reassigned), 1.0);

        QVERIFY(!splitLargestIntoSmallest(points, assignments, 3, 0.0, 1));   // off
        QVERIFY(!splitLargestIntoSmallest(points, assignments, 3, 0.01, 1));  // 2 points are not under 1 % of 100
        QVERIFY(!splitLargestIntoSmallest(points, torch::tensor(truth), 3, 0.5, 1));  // balanced: nothing to do
    }

    void boundaryCutsCountNeighbourEdgesBetweenClusters() {
        // On a line, k = 1: 0 -> 1, 1 -> 0, 3 -> 1, 10 -> 11, 11 -> 10, 13 -> 11. With clusters
        // {0, 1, 10} and {3, 11, 13} the symmetrised edge counts are [[4, 3], [3, 2]]: the cut of
        // 3 edges over volumes 7 and 5.
        const auto points = torch::tensor({0.0f, 1.0f, 3.0f, 10.0f, 11.0f, 13.0f}).unsqueeze(1);
        const auto cuts = clusterBoundaryCuts(points, torch::tensor({0, 0, 1, 0, 1, 1}, torch::kInt64), 2, 1);
        QVERIFY(torch::allclose(cuts,
                                torch::tensor({{0.0, 3.0 / 7 + 3.0 / 5}, {3.0 / 7 + 3.0 / 5, 0.0}}, torch::kFloat64)));
        // Clusters along the gap share no edge.
        QCOMPARE(
            clusterBoundaryCuts(points, torch::tensor({0, 0, 0, 1, 1, 1}, torch::kInt64), 2, 1).sum().item<double>(),
            0.0);
    }

    void resplitUndoesASplitAcrossTwoClasses() {
        // Two long parallel classes one unit apart and a third far away. Splitting the two across
        // (left halves against right halves) is what 2-means on their union prefers; the neighbour
        // graph keeps each line whole, so the resplit finds the lines.
        torch::manual_seed(5);
        const int64_t perLine = 300;
        auto x = torch::rand({2 * perLine}) * 10.0 - 5.0;
        auto y = torch::cat({torch::zeros({perLine}), torch::ones({perLine})}) + 0.05 * torch::randn({2 * perLine});
        const auto lines = torch::stack({x, y}, 1);
        const auto far = torch::tensor({0.0f, 20.0f}) + 0.1 * torch::randn({100, 2});
        const auto points = torch::cat({lines, far});
        std::vector<int64_t> truth(2 * perLine + 100, 2);
        std::fill(truth.begin(), truth.begin() + perLine, 0);
        std::fill(truth.begin() + perLine, truth.begin() + 2 * perLine, 1);
        KMeansOptions two;
        two.clusters = 2;
        two.restarts = 10;
        const auto across = kmeans(lines, two).assignments;
        QVERIFY(dcs::metrics::clusteringAccuracy({truth.begin(), truth.begin() + 2 * perLine}, toVector(across)) < 0.7);
        const auto trapped = torch::cat({across, torch::full({100}, 2, torch::kInt64)});

        const auto split = resplitDensestBoundary(points, trapped, 3);
        QVERIFY(split.has_value());
        QCOMPARE(split->first, int64_t{0});
        QCOMPARE(split->second, int64_t{1});
        QVERIFY(split->cutAfter < 0.1 * split->cutBefore);
        auto centres = torch::zeros({3, 2});
        centres[split->first].copy_(split->firstCentre);
        centres[split->second].copy_(split->secondCentre);
        centres[2].copy_(torch::tensor({0.0f, 20.0f}));
        QCOMPARE(dcs::metrics::clusteringAccuracy(truth, toVector(nearestCentres(points, centres).first)), 1.0);
        // Ids follow the points: each new centre sits where most of its cluster's old members are.
        for (const int64_t c : {split->first, split->second}) {
            const auto members = (trapped == c).nonzero().flatten();
            const auto reassigned = nearestCentres(points.index_select(0, members), centres).first;
            QVERIFY((reassigned == c).sum().item<int64_t>() * 2 >= members.numel());
        }

        // Split along the lines already: no boundary is dense, nothing to do.
        QVERIFY(!resplitDensestBoundary(points, torch::tensor(truth), 3));
        // A small sample of the pair gives the same answer.
        ResplitOptions sampled;
        sampled.maxPairPoints = 200;
        sampled.maxPoints = 400;
        QVERIFY(resplitDensestBoundary(points, trapped, 3, sampled).has_value());
    }

    void resplitRejectsBadSettings() {
        const auto points = torch::rand({20, 2});
        const auto ids = torch::zeros({20}, torch::kInt64);
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { resplitDensestBoundary(points, ids, 1); }).contains("clusters"));
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] {
                    resplitDensestBoundary(points, torch::full({20}, 3, torch::kInt64), 3);
                }).contains("assignments"));
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] {
                    resplitDensestBoundary(points, ids.slice(0, 0, 5), 2);
                }).contains("one cluster id per point"));
        ResplitOptions options;
        options.improvement = 0.0;
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] {
                    resplitDensestBoundary(points, ids, 2, options);
                }).contains("improvement"));
        options.improvement = 0.6;
        options.neighbours = 0;
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] {
                    resplitDensestBoundary(points, ids, 2, options);
                }).contains("neighbours"));
    }

    void wardMergeJoinsTheCheapestPairFirst() {
        // Ward's cost n_a n_b / (n_a + n_b) |c_a - c_b|^2: the light pair 0 / 1 (cost 0.75) goes
        // before the heavy pair 10 / 10.5 (cost 12.5) although its centres are farther apart.
        const auto centres = torch::tensor({{0.0f}, {1.0f}, {10.0f}, {10.5f}});
        const auto counts = torch::tensor({1.0f, 3.0f, 100.0f, 100.0f});
        const auto three = wardMerge(centres, counts, 3);
        QVERIFY(torch::allclose(std::get<0>(three.flatten().sort()), torch::tensor({0.75f, 10.0f, 10.5f})));
        const auto two = wardMerge(centres, counts, 2);  // then 10 / 10.5 (12.5) before 0.75 / 10 (about 166)
        QVERIFY(torch::allclose(std::get<0>(two.flatten().sort()), torch::tensor({0.75f, 10.25f})));
        QVERIFY(torch::equal(wardMerge(centres, counts, 4), centres));
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { wardMerge(centres, counts, 5); }).contains("clusters"));
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] {
                    wardMerge(centres, counts.slice(0, 0, 3), 2);
                }).contains("M counts"));
    }

    void overclusteringEndsAtALloydFixedPoint() {
        const auto [points, truth] = blobs({{0, 0}, {5, 5}, {-5, 5}, {5, -5}}, 60);
        KMeansOptions options;
        options.clusters = 4;
        options.overclustering = 3;  // 12 clusters first, merged back to the 4 blobs
        const auto result = kmeans(points, options);
        QCOMPARE(dcs::metrics::clusteringAccuracy(truth, toVector(result.assignments)), 1.0);
        QCOMPARE(result.centres.size(0), int64_t{4});
        // Every centre is the mean of its points, and every point is at its nearest centre.
        for (int64_t k = 0; k < 4; ++k) {
            const auto members = points.index_select(0, (result.assignments == k).nonzero().flatten());
            QVERIFY(torch::allclose(result.centres[k], members.mean(0), 1e-4, 1e-5));
        }
        QVERIFY(torch::equal(nearestCentres(points, result.centres).first, result.assignments));
    }

    void balancePrefersWholeClassesToALowerInertiaSplit() {
        const auto [points, truth] = dcs::test::barAndTwoBlobs();
        KMeansOptions options;
        options.clusters = 3;
        options.restarts = 20;
        const auto plain = kmeans(points, options);
        options.balance = 1.5;
        const auto balanced = kmeans(points, options);
        QVERIFY(plain.inertia < balanced.inertia);
        QVERIFY(dcs::metrics::clusteringAccuracy(truth, toVector(plain.assignments)) < 0.7);
        QCOMPARE(dcs::metrics::clusteringAccuracy(truth, toVector(balanced.assignments)), 1.0);
    }

    void rejectsBadSettings() {
        const auto points = torch::rand({5, 2});
        KMeansOptions options;
        options.clusters = 0;
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { kmeans(points, options); }).contains("clusters"));
        options.clusters = 6;
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { kmeans(points, options); }).contains("more than the 5 points"));
        options.clusters = 2;
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { kmeans(torch::rand({5}), options); }).contains("N x d"));
        options.overclustering = 0;
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { kmeans(points, options); }).contains("overclustering"));
        options.overclustering = 1;
        options.balance = -1.0;
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { kmeans(points, options); }).contains("balance"));
    }

    void pcaFindsTheMainDirection() {
        torch::manual_seed(1);
        const auto t = torch::randn({500, 1});
        const auto direction = torch::tensor({{0.6f, 0.8f, 0.0f}});
        const auto points = t.mm(direction) + 0.01 * torch::randn({500, 3}) + 2.0;
        const auto pca = Pca::fit(points, 2);
        QVERIFY(std::abs(pca.components[0].dot(direction[0]).item<float>()) > 0.999f);
        QVERIFY(pca.explainedVariance[1].item<float>() < 0.01f * pca.explainedVariance[0].item<float>());
        QCOMPARE(pca.project(points).sizes().vec(), (std::vector<int64_t>{500, 2}));
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { Pca::fit(points, 4); }).contains("1..3"));
    }

    void pixelBaselineScoresShapes() {
        dcs::data::ShapesOptions shapes;
        shapes.count = 200;
        shapes.size = 16;
        const auto dataset = dcs::data::generateShapes(shapes);
        PixelBaselineOptions options;
        options.pcaDimensions = 20;
        options.threads = 1;
        const auto result = runPixelBaseline(dataset, options);
        QCOMPARE(result.clusters, 10);
        QCOMPARE(static_cast<int64_t>(result.assignments.size()), 200);
        QVERIFY(result.scores.has_value());
        QVERIFY(result.scores->acc > 0.1 && result.scores->acc <= 1.0);
        options.method = "gmm";
        const auto gmm = runPixelBaseline(dataset, options);
        QVERIFY(gmm.scores->acc > 0.1);
        QVERIFY(std::isfinite(gmm.meanLogLikelihood));
        options.method = "spectral";
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { runPixelBaseline(dataset, options); }).contains("method"));
        options.method = "kmeans";
        options.pcaDimensions = 1000;
        QVERIFY(errorMessageOf<dcs::ConfigError>([&] { runPixelBaseline(dataset, options); }).contains("pca"));
    }
};

QTEST_GUILESS_MAIN(TestKMeans)
#include "tst_kmeans.moc"
