#pragma once
// The assignment problem (Hungarian algorithm, O(n^2 m)): used to match clusters to labels (ACC)
// and each epoch's clusters to the previous epoch's (stable cluster ids and colours).

#include <vector>

namespace dcs::metrics {

// For a rows x cols cost matrix (row-major, rows <= cols or rows > cols), the column assigned to
// each row (-1 for rows left over when rows > cols) such that the total cost is minimal and no
// column is used twice. Throws ConfigError for a ragged matrix.
std::vector<int> minimumCostAssignment(const std::vector<std::vector<double>>& cost);

// The same, maximising the total of the values (e.g. overlap counts).
std::vector<int> maximumWeightAssignment(const std::vector<std::vector<double>>& weight);

}  // namespace dcs::metrics
