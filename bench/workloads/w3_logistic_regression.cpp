// W3: logistic-regression mean negative log-likelihood in the stable form
// softplus(z) - y z = log1p(e^-|z|) + max(z, 0) - y z, z = x.w + b, N = 10000, D = 8; value and
// gradient in (w, b).  Rows: handwritten, handwritten_simd (Eigen), descent (w3_descent below).
#include <Eigen/Core>

#include <cmath>

#include "descent_rows.hpp"
#include "problems.hpp"

namespace {

using bench::w3;
using bench::reg_d;

double handwritten(std::span<const double> th, std::span<double> g) {
  const auto& p = w3();
  double f = 0, gw[reg_d] = {}, gb = 0;
  for (std::size_t i = 0; i < p.n; ++i) {
    const double* x = p.X.data() + i * reg_d;
    double z = th[reg_d];
    for (std::size_t j = 0; j < reg_d; ++j) z += th[j] * x[j];
    const double e = std::exp(-std::abs(z));
    f += std::log1p(e) + std::max(z, 0.0) - p.y[i] * z;
    const double s = (z >= 0 ? 1 / (1 + e) : e / (1 + e)) - p.y[i];  // sigmoid(z) - y
    for (std::size_t j = 0; j < reg_d; ++j) gw[j] += s * x[j];
    gb += s;
  }
  const double inv = 1.0 / static_cast<double>(p.n);
  for (std::size_t j = 0; j < reg_d; ++j) g[j] = gw[j] * inv;
  g[reg_d] = gb * inv;
  return f * inv;
}

using matrix = Eigen::Matrix<double, Eigen::Dynamic, reg_d, Eigen::RowMajor>;

double handwritten_simd(std::span<const double> th, std::span<double> g) {
  const auto& p = w3();
  const Eigen::Index n = static_cast<Eigen::Index>(p.n);
  Eigen::Map<const matrix> X(p.X.data(), n, reg_d);
  Eigen::Map<const Eigen::ArrayXd> y(p.y.data(), n);
  Eigen::Map<const Eigen::Matrix<double, reg_d, 1>> w(th.data());
  thread_local Eigen::VectorXd z;
  thread_local Eigen::ArrayXd e, s;
  z.noalias() = X * w;
  z.array() += th[reg_d];
  e = (-z.array().abs()).exp();
  const double f = (e.log1p() + z.array().max(0.0) - y * z.array()).sum();
  s = (z.array() >= 0).select(1 / (1 + e), e / (1 + e)) - y;
  const double inv = 1.0 / static_cast<double>(p.n);
  Eigen::Map<Eigen::Matrix<double, reg_d, 1>>(g.data()).noalias() = inv * (X.transpose() * s.matrix());
  g[reg_d] = s.sum() * inv;
  return f * inv;
}

const bench::registrar r1{"W3", "handwritten", [] { return bench::value_grad_kernel(w3().theta, handwritten); }};
const bench::registrar r2{"W3", "handwritten_simd", [] { return bench::value_grad_kernel(w3().theta, handwritten_simd); }};
const bench::descent_row r3{"W3", bench::w3_descent, [] { return w3().theta; }};  // defined below
const bool exported = (bench::add_export("W3", [](const std::string& d) { bench::export_regression(d, "W3", w3()); }), true);

}  // namespace

#if __has_include(<descent/shaped.hpp>)
#include <descent/shaped.hpp>
// ==== W3's descent row: define bench::w3_descent here (contract in descent_rows.hpp) ========
#include "w3_objective.hpp"
namespace bench {
double w3_descent(std::span<const double> theta, std::span<double> g) { return w3_objective()(theta, g); }
}  // namespace bench
#endif
