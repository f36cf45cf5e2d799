// tests/shaped/objective_support.hpp: the symbols, data set and hand-written logistic loss shared by
// objective_test.cpp, objective_batches_test.cpp, objective_softmax_test.cpp,
// objective_data_test.cpp, objective_eval_test.cpp, objective_errors_test.cpp and
// objective_parameters_test.cpp (one TU would take more than 10 s of g++).
#ifndef DESCENT_TESTS_SHAPED_OBJECTIVE_SUPPORT_HPP
#define DESCENT_TESTS_SHAPED_OBJECTIVE_SUPPORT_HPP

#include <descent/shaped.hpp>
#include <descent/shaped/context.hpp>
#include <descent/shaped/evaluate.hpp>
#include <descent/shaped/objective.hpp>
#include <descent/shaped/symbol.hpp>

#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

#include "fd_support.hpp"

namespace objective_support {
constexpr descent::vec<"w", 4> w;
constexpr descent::var<"b"> b;
constexpr descent::vec<"x", 4> x;
constexpr descent::var<"y"> y;
constexpr descent::var<"label"> label;
constexpr descent::mat<"W", 3, 4> W;
constexpr descent::vec<"c", 3> c;

// 4 features, labels 0..2.
struct data_set : fd::sample_data {
  explicit data_set(std::size_t n) : sample_data(n, 4, 5, 3) {}
};

// The logistic loss by hand: mean softplus(-(2y - 1)(w.x + b)) + lambda |w|^2.
inline double logistic_by_hand(const data_set& d, const std::vector<double>& p, std::span<const std::size_t> rows, double lambda) {
  double total = 0;
  const std::size_t n = rows.empty() ? d.Y.size() : rows.size();
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = rows.empty() ? k : rows[k];
    double z = p[4];
    for (std::size_t j = 0; j < 4; ++j) z += p[j] * d.X(i, j);
    const double m = -(2 * d.Y[i] - 1) * z;
    total += std::max(m, 0.0) + std::log1p(std::exp(-std::abs(m)));
  }
  return total / static_cast<double>(n) + lambda * (p[0] * p[0] + p[1] * p[1] + p[2] * p[2] + p[3] * p[3]);
}
}  // namespace objective_support


#endif
