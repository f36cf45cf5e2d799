// W2: linear-regression MSE, N = 10000 samples, D = 8 features; value and gradient in
// (w, b).  Rows: handwritten (scalar loops), handwritten_simd (Eigen matrix-vector products),
// descent (w2_descent below); peers in peers/*.cpp.
#include <Eigen/Core>

#include "descent_rows.hpp"
#include "problems.hpp"

namespace {

using bench::w2;
using bench::reg_d;

double handwritten(std::span<const double> th, std::span<double> g) {
  const auto& p = w2();
  double f = 0, gw[reg_d] = {}, gb = 0;
  for (std::size_t i = 0; i < p.n; ++i) {
    const double* x = p.X.data() + i * reg_d;
    double z = th[reg_d];
    for (std::size_t j = 0; j < reg_d; ++j) z += th[j] * x[j];
    const double r = z - p.y[i];
    f += r * r;
    for (std::size_t j = 0; j < reg_d; ++j) gw[j] += r * x[j];
    gb += r;
  }
  const double s = 1.0 / static_cast<double>(p.n);
  for (std::size_t j = 0; j < reg_d; ++j) g[j] = 2 * s * gw[j];
  g[reg_d] = 2 * s * gb;
  return f * s;
}

using matrix = Eigen::Matrix<double, Eigen::Dynamic, reg_d, Eigen::RowMajor>;

double handwritten_simd(std::span<const double> th, std::span<double> g) {
  const auto& p = w2();
  const Eigen::Index n = static_cast<Eigen::Index>(p.n);
  Eigen::Map<const matrix> X(p.X.data(), n, reg_d);
  Eigen::Map<const Eigen::VectorXd> y(p.y.data(), n);
  Eigen::Map<const Eigen::Matrix<double, reg_d, 1>> w(th.data());
  thread_local Eigen::VectorXd r;
  r.noalias() = X * w;
  r.array() += th[reg_d] - y.array();
  const double s = 1.0 / static_cast<double>(p.n);
  Eigen::Map<Eigen::Matrix<double, reg_d, 1>>(g.data()).noalias() = (2 * s) * (X.transpose() * r);
  g[reg_d] = 2 * s * r.sum();
  return r.squaredNorm() * s;
}

const bench::registrar r1{"W2", "handwritten", [] { return bench::value_grad_kernel(w2().theta, handwritten); }};
const bench::registrar r2{"W2", "handwritten_simd", [] { return bench::value_grad_kernel(w2().theta, handwritten_simd); }};
const bench::descent_row r3{"W2", bench::w2_descent, [] { return w2().theta; }};  // defined below
const bool exported = (bench::add_export("W2", [](const std::string& d) { bench::export_regression(d, "W2", w2()); }), true);

}  // namespace

#if __has_include(<descent/shaped.hpp>)
#include <descent/shaped.hpp>
// ==== W2's descent row: define bench::w2_descent here (contract in descent_rows.hpp) ========
namespace bench {
// mean over samples of (w . x + b - y)^2, the data viewed in place (rows are samples).
double w2_descent(std::span<const double> theta, std::span<double> g) {
  constexpr descent::vec<"w", reg_d> w;
  constexpr descent::var<"b"> b;
  constexpr descent::vec<"x", reg_d> x;
  constexpr descent::var<"y"> y;
  const auto& p = w2();
  using rows = Eigen::Matrix<double, Eigen::Dynamic, reg_d, Eigen::RowMajor>;
  static const Eigen::Map<const rows> X(p.X.data(), static_cast<Eigen::Index>(p.n), reg_d);
  static const auto obj = descent::make_objective(descent::mean_over_samples(sq(dot(w, x) + b - y)),
                                                  descent::wrt(w, b), x = X, y = p.y);
  return obj(theta, g);
}
}  // namespace bench
#endif
