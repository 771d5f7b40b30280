// Clustering metrics and the assignment solver against hand-computed cases and brute force.
#include <QtTest>
#include <algorithm>
#include <numeric>
#include <random>

#include "dcs/error.h"
#include "dcs/metrics/assignment.h"
#include "dcs/metrics/clustering_metrics.h"
#include "dcs/metrics/paired_test.h"

using namespace dcs::metrics;
using Ids = std::vector<int64_t>;

class TestMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void assignmentOnAKnownMatrix() {
        const std::vector<std::vector<double>> cost{{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        QCOMPARE(minimumCostAssignment(cost), (std::vector<int>{1, 0, 2}));
        QCOMPARE(maximumWeightAssignment({{1, 9}, {8, 2}, {7, 7}}), (std::vector<int>{1, 0, -1}));
        QCOMPARE(minimumCostAssignment({{5, 1, 9}, {1, 5, 9}}), (std::vector<int>{1, 0}));
        QVERIFY_THROWS_EXCEPTION(dcs::ConfigError, minimumCostAssignment({{1, 2}, {3}}));
    }

    void assignmentMatchesBruteForce() {
        std::mt19937 rng(5);
        std::uniform_int_distribution<int> value(0, 20);
        for (int trial = 0; trial < 200; ++trial) {
            const int rows = 1 + trial % 6, cols = 1 + (trial / 6) % 6;
            std::vector<std::vector<double>> cost(rows, std::vector<double>(cols));
            for (auto& row : cost)
                for (auto& v : row) v = value(rng);
            const auto assignment = minimumCostAssignment(cost);
            double total = 0;
            std::vector<bool> usedColumn(cols, false);
            int assigned = 0;
            for (int r = 0; r < rows; ++r) {
                if (assignment[r] < 0) continue;
                QVERIFY(!usedColumn[assignment[r]]);
                usedColumn[assignment[r]] = true;
                total += cost[r][assignment[r]];
                ++assigned;
            }
            QCOMPARE(assigned, std::min(rows, cols));
            // Brute force over every way to give min(rows, cols) rows distinct columns.
            std::vector<int> columns(std::max(rows, cols));
            std::iota(columns.begin(), columns.end(), 0);
            double best = 1e18;
            do {
                double sum = 0;
                for (int r = 0; r < rows; ++r)
                    if (columns[r] < cols) sum += cost[r][columns[r]];
                best = std::min(best, sum);
            } while (std::next_permutation(columns.begin(), columns.end()));
            QCOMPARE(total, best);
        }
    }

    void perfectClusteringUnderPermutedIds() {
        const Ids labels{0, 0, 1, 1, 2, 2}, clusters{2, 2, 0, 0, 1, 1};
        QCOMPARE(clusteringAccuracy(labels, clusters), 1.0);
        QCOMPARE(normalizedMutualInformation(labels, clusters), 1.0);
        QCOMPARE(adjustedRandIndex(labels, clusters), 1.0);
    }

    void handComputedCase() {
        // Cluster 0 = {y0, y0}, cluster 1 = {y0, y1, y1, y1}.
        const Ids labels{0, 0, 0, 1, 1, 1}, clusters{0, 0, 1, 1, 1, 1};
        QCOMPARE(clusteringAccuracy(labels, clusters), 5.0 / 6.0);
        // ARI = (4 - 7*6/15) / ((7+6)/2 - 7*6/15) = 1.2 / 3.7
        QVERIFY(qAbs(adjustedRandIndex(labels, clusters) - 1.2 / 3.7) < 1e-12);
        // NMI = I / ((ln 2 + H(1/3, 2/3)) / 2), I = ln2/3 - ln2/6 + ln(3/2)/2
        QVERIFY(qAbs(normalizedMutualInformation(labels, clusters) - 0.47870397138567994) < 1e-12);
        const auto table = contingencyTable(labels, clusters);
        QCOMPARE(table, (std::vector<std::vector<int64_t>>{{2, 0}, {1, 3}}));
    }

    void moreClustersThanClasses() {
        const Ids labels{0, 0, 1, 1}, clusters{0, 1, 2, 3};
        QCOMPARE(clusteringAccuracy(labels, clusters), 0.5);  // only two clusters get a label
        QCOMPARE(adjustedRandIndex(labels, clusters), 0.0);
        QVERIFY(qAbs(normalizedMutualInformation(labels, clusters) - 2.0 / 3.0) < 1e-12);  // ln2 / (1.5 ln2)
    }

    void fewerClustersThanClasses() {
        const Ids labels{0, 1, 2, 0, 1, 2}, clusters{0, 0, 0, 1, 1, 1};
        QCOMPARE(clusteringAccuracy(labels, clusters), 2.0 / 6.0);
        QCOMPARE(normalizedMutualInformation(labels, clusters), 0.0);
        QVERIFY(adjustedRandIndex(labels, clusters) < 0.0);  // worse than chance
    }

    void trivialPartitions() {
        const Ids labels{0, 0, 0}, clusters{0, 0, 0};
        QCOMPARE(normalizedMutualInformation(labels, clusters), 1.0);
        QCOMPARE(adjustedRandIndex(labels, clusters), 1.0);
        QCOMPARE(clusteringAccuracy(labels, clusters), 1.0);
    }

    void stableIdsFollowThePreviousEpoch() {
        const Ids previous{0, 0, 1, 1, 2, 2}, current{1, 1, 2, 2, 0, 0};
        QCOMPARE(stableClusterIds(previous, current, 3), (Ids{2, 0, 1}));
        // A cluster that moved by one sample keeps its id.
        QCOMPARE(stableClusterIds({0, 0, 0, 1, 1, 1}, {1, 1, 0, 0, 0, 0}, 2), (Ids{1, 0}));
    }

    void mcnemarOnHandComputedCounts() {
        using dcs::metrics::mcnemarExactP;
        QCOMPARE(mcnemarExactP(0, 0), 1.0);               // no disagreement: nothing to tell them apart
        QCOMPARE(mcnemarExactP(10, 0), 2.0 / 1024.0);     // 2 P(X = 0), X ~ B(10, 1/2)
        QCOMPARE(mcnemarExactP(3, 1), 2.0 * 5.0 / 16.0);  // 2 (1 + 4) / 2^4
        QCOMPARE(mcnemarExactP(1, 3), mcnemarExactP(3, 1));
        QCOMPARE(mcnemarExactP(12, 3), 2.0 * 576.0 / 32768.0);  // 2 (1 + 15 + 105 + 455) / 2^15
        QCOMPARE(mcnemarExactP(5, 5), 1.0);                     // an even split, capped at 1
        // Thousands of disagreements stay finite (the normal approximation gives about 0.03).
        const double large = mcnemarExactP(1100, 1000);
        QVERIFY2(large > 0.02 && large < 0.04, qPrintable(QString::number(large)));
        QVERIFY_THROWS_EXCEPTION(dcs::ConfigError, mcnemarExactP(-1, 2));
    }

    void pairsTwoClassifiersOnTheSameImages() {
        const std::vector<uint8_t> first{1, 1, 1, 0, 0, 1, 0};
        const std::vector<uint8_t> second{1, 0, 0, 0, 1, 0, 0};
        const auto paired = dcs::metrics::pairOnSameImages(first, second);
        QCOMPARE(paired.onlyFirstRight, int64_t{3});   // images 1, 2 and 5
        QCOMPARE(paired.onlySecondRight, int64_t{1});  // image 4
        QCOMPARE(paired.p, dcs::metrics::mcnemarExactP(3, 1));
        QVERIFY_THROWS_EXCEPTION(dcs::ConfigError, dcs::metrics::pairOnSameImages(first, {1, 0}));
    }

    void rejectsMismatchedInput() {
        QVERIFY_THROWS_EXCEPTION(dcs::ConfigError, clusteringAccuracy({0, 1}, {0}));
        QVERIFY_THROWS_EXCEPTION(dcs::ConfigError, normalizedMutualInformation({}, {}));
        QVERIFY_THROWS_EXCEPTION(dcs::ConfigError, adjustedRandIndex({0, -1}, {0, 0}));
        QVERIFY_THROWS_EXCEPTION(dcs::ConfigError, stableClusterIds({0, 3}, {0, 1}, 2));
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
