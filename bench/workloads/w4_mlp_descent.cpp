// W4's descent row (bench::w4_descent, contract in descent_rows.hpp): the net as an expression and
// its generated gradient.  In its own TU beside w4_mlp.cpp's hand-written rows, so that neither
// takes more than 10 s to compile.
#include <Eigen/Core>

#include <descent/shaped.hpp>

#include "descent_rows.hpp"
#include "problems.hpp"

namespace bench {
// 8 -> 16 tanh -> 1, mean squared error; parameters W1 (16 x 8, row-major), b1, w2, b2.
double w4_descent(std::span<const double> theta, std::span<double> g) {
  constexpr descent::mat<"W1", mlp_hidden, mlp_in> W1;
  constexpr descent::vec<"b1", mlp_hidden> b1;
  constexpr descent::vec<"w2", mlp_hidden> w2v;
  constexpr descent::var<"b2"> b2;
  constexpr descent::vec<"x", mlp_in> x;
  constexpr descent::var<"y"> y;
  const auto& p = w4();
  using rows = Eigen::Matrix<double, Eigen::Dynamic, mlp_in, Eigen::RowMajor>;
  static const Eigen::Map<const rows> X(p.X.data(), static_cast<Eigen::Index>(p.n), mlp_in);
  constexpr auto out = dot(w2v, tanh(W1 * x + b1)) + b2;
  static const auto obj = descent::make_objective(descent::mean_over_samples(sq(out - y)),
                                                  descent::wrt(W1, b1, w2v, b2), x = X, y = p.y);
  return obj(theta, g);
}
}  // namespace bench
