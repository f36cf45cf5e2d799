// The digits MLP of digits.hpp written with descent's expressions: the mean softmax
// cross-entropy of 64 -> 32 tanh -> 10 over all rows (viewed in place), parameters in
// digits.hpp's layout.  Shared by W8's epoch (viewed on each batch) and W9's full batch.
#ifndef DESCENT_BENCH_DIGITS_OBJECTIVE_HPP
#define DESCENT_BENCH_DIGITS_OBJECTIVE_HPP

#include <Eigen/Core>

#include <descent/shaped.hpp>

#include "digits.hpp"

namespace bench {

inline auto digits_objective() {
  constexpr descent::vec<"x", digits_in> x;
  constexpr descent::var<"label"> label;
  constexpr descent::mat<"W1", digits_hidden, digits_in> W1;
  constexpr descent::vec<"b1", digits_hidden> b1;
  constexpr descent::mat<"W2", digits_classes, digits_hidden> W2;
  constexpr descent::vec<"b2", digits_classes> b2;
  constexpr auto logits = W2 * tanh(W1 * x + b1) + b2;
  constexpr auto ce = logsumexp(logits) - logits[label];
  const auto& d = digits();
  using rows = Eigen::Matrix<double, Eigen::Dynamic, digits_in, Eigen::RowMajor>;
  static const Eigen::Map<const rows> X(d.X.data(), static_cast<Eigen::Index>(d.n), digits_in);
  return descent::make_objective(descent::mean_over_samples(ce), descent::wrt(W1, b1, W2, b2), x = X, label = d.y);
}

}  // namespace bench

#endif
