#include "dcs/metrics/assignment.h"

#include <algorithm>
#include <limits>

#include "dcs/error.h"

namespace dcs::metrics {
namespace {

// Kuhn-Munkres with row/column potentials for n <= m (n rows, m columns), 1-based internally.
std::vector<int> assignRowsToColumns(const std::vector<std::vector<double>>& a, int n, int m) {
    const double infinity = std::numeric_limits<double>::infinity();
    std::vector<double> u(n + 1, 0.0), v(m + 1, 0.0);
    std::vector<int> columnOwner(m + 1, 0), way(m + 1, 0);
    for (int row = 1; row <= n; ++row) {
        columnOwner[0] = row;
        int column = 0;
        std::vector<double> minimum(m + 1, infinity);
        std::vector<bool> used(m + 1, false);
        do {
            used[column] = true;
            const int owner = columnOwner[column];
            double delta = infinity;
            int next = 0;
            for (int j = 1; j <= m; ++j) {
                if (used[j]) continue;
                const double reduced = a[owner - 1][j - 1] - u[owner] - v[j];
                if (reduced < minimum[j]) {
                    minimum[j] = reduced;
                    way[j] = column;
                }
                if (minimum[j] < delta) {
                    delta = minimum[j];
                    next = j;
                }
            }
            for (int j = 0; j <= m; ++j) {
                if (used[j]) {
                    u[columnOwner[j]] += delta;
                    v[j] -= delta;
                } else {
                    minimum[j] -= delta;
                }
            }
            column = next;
        } while (columnOwner[column] != 0);
        do {  // augment along the alternating path
            const int previous = way[column];
            columnOwner[column] = columnOwner[previous];
            column = previous;
        } while (column != 0);
    }
    std::vector<int> assignment(n, -1);
    for (int j = 1; j <= m; ++j)
        if (columnOwner[j] != 0) assignment[columnOwner[j] - 1] = j - 1;
    return assignment;
}

}  // namespace

std::vector<int> minimumCostAssignment(const std::vector<std::vector<double>>& cost) {
    const int rows = static_cast<int>(cost.size());
    if (rows == 0) return {};
    const int cols = static_cast<int>(cost.front().size());
    for (const auto& row : cost)
        if (static_cast<int>(row.size()) != cols)
            throw ConfigError("assignment: cost matrix rows differ in length; expected a rectangular matrix");
    if (cols == 0) return std::vector<int>(rows, -1);
    if (rows <= cols) return assignRowsToColumns(cost, rows, cols);
    // More rows than columns: solve the transpose and invert it.
    std::vector<std::vector<double>> transposed(cols, std::vector<double>(rows));
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) transposed[c][r] = cost[r][c];
    const auto columnToRow = assignRowsToColumns(transposed, cols, rows);
    std::vector<int> assignment(rows, -1);
    for (int c = 0; c < cols; ++c) assignment[columnToRow[c]] = c;
    return assignment;
}

std::vector<int> maximumWeightAssignment(const std::vector<std::vector<double>>& weight) {
    std::vector<std::vector<double>> cost = weight;
    for (auto& row : cost)
        for (double& value : row) value = -value;
    return minimumCostAssignment(cost);
}

}  // namespace dcs::metrics
