// W3's loss written with descent's vector expressions, shared by the W3 (value and gradient)
// and W6 (Hessian) descent rows: the mean over samples of softplus(z) - y z, z = w . x + b,
// the data viewed in place (rows are samples).
#ifndef DESCENT_BENCH_W3_OBJECTIVE_HPP
#define DESCENT_BENCH_W3_OBJECTIVE_HPP

#include <Eigen/Core>

#include <descent/shaped.hpp>

#include "problems.hpp"

namespace bench {

inline const auto& w3_objective() {
  constexpr descent::vec<"w", reg_d> w;
  constexpr descent::var<"b"> b;
  constexpr descent::vec<"x", reg_d> x;
  constexpr descent::var<"y"> y;
  const auto& p = w3();
  using rows = Eigen::Matrix<double, Eigen::Dynamic, reg_d, Eigen::RowMajor>;
  static const Eigen::Map<const rows> X(p.X.data(), static_cast<Eigen::Index>(p.n), reg_d);
  constexpr auto z = dot(w, x) + b;
  static const auto obj = descent::make_objective(descent::mean_over_samples(softplus(z) - y * z),
                                                  descent::wrt(w, b), x = X, y = p.y);
  return obj;
}

}  // namespace bench

#endif
