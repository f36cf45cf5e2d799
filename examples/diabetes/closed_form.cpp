// The closed-form least-squares fit of the diabetes example (its own translation unit: Eigen's
// QR costs several seconds of compile time): min |[X 1] q - y|^2 by column-pivoting
// Householder QR.
#include <Eigen/QR>

#include <cstddef>
#include <vector>

#include "closed_form.hpp"

std::vector<double> least_squares(const descent::data::matrix<double>& X, const std::vector<double>& y) {
  const auto n = static_cast<Eigen::Index>(X.rows), m = static_cast<Eigen::Index>(X.cols);
  Eigen::MatrixXd A(n, m + 1);
  Eigen::VectorXd t(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = 0; j < m; ++j) A(i, j) = X(static_cast<std::size_t>(i), static_cast<std::size_t>(j));
    A(i, m) = 1.0;
    t(i) = y[static_cast<std::size_t>(i)];
  }
  const Eigen::VectorXd q = A.colPivHouseholderQr().solve(t);
  return {q.data(), q.data() + q.size()};
}
