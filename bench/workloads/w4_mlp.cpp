// W4: dense net 8 -> 16 tanh -> 1, MSE over N = 1000 samples, value and gradient in all 161
// weights and biases (layout in problems.hpp).  Rows: handwritten (scalar loops),
// handwritten_simd (Eigen matrix products, libmvec vector tanh), descent (w4_descent, defined in
// w4_mlp_descent.cpp).
#include <Eigen/Core>

#include <cmath>

#include "vector_tanh.hpp"
#include "descent_rows.hpp"
#include "problems.hpp"

namespace {

using bench::w4;
using bench::mlp_in;
using bench::mlp_hidden;
constexpr std::size_t o_b1 = mlp_hidden * mlp_in, o_w2 = o_b1 + mlp_hidden, o_b2 = o_w2 + mlp_hidden;

double handwritten(std::span<const double> th, std::span<double> g) {
  const auto& p = w4();
  for (auto& v : g) v = 0;
  double f = 0;
  const double inv = 1.0 / static_cast<double>(p.n);
  for (std::size_t i = 0; i < p.n; ++i) {
    const double* x = p.X.data() + i * mlp_in;
    double h[mlp_hidden];
    double out = th[o_b2];
    for (std::size_t k = 0; k < mlp_hidden; ++k) {
      double a = th[o_b1 + k];
      for (std::size_t j = 0; j < mlp_in; ++j) a += th[k * mlp_in + j] * x[j];
      h[k] = std::tanh(a);
      out += th[o_w2 + k] * h[k];
    }
    const double r = out - p.y[i];
    f += r * r;
    const double dout = 2 * r * inv;
    g[o_b2] += dout;
    for (std::size_t k = 0; k < mlp_hidden; ++k) {
      g[o_w2 + k] += dout * h[k];
      const double da = dout * th[o_w2 + k] * (1 - h[k] * h[k]);
      g[o_b1 + k] += da;
      for (std::size_t j = 0; j < mlp_in; ++j) g[k * mlp_in + j] += da * x[j];
    }
  }
  return f * inv;
}

using samples = Eigen::Matrix<double, Eigen::Dynamic, mlp_in, Eigen::RowMajor>;
using hidden = Eigen::Matrix<double, Eigen::Dynamic, mlp_hidden>;
using weights = Eigen::Matrix<double, mlp_hidden, mlp_in, Eigen::RowMajor>;
using hvec = Eigen::Matrix<double, mlp_hidden, 1>;

double handwritten_simd(std::span<const double> th, std::span<double> g) {
  const auto& p = w4();
  const Eigen::Index n = static_cast<Eigen::Index>(p.n);
  Eigen::Map<const samples> X(p.X.data(), n, mlp_in);
  Eigen::Map<const Eigen::VectorXd> y(p.y.data(), n);
  Eigen::Map<const weights> W1(th.data());
  Eigen::Map<const hvec> b1(th.data() + o_b1), w2(th.data() + o_w2);
  thread_local hidden H, dA;
  thread_local Eigen::VectorXd r;
  H.noalias() = X * W1.transpose();
  H.rowwise() += b1.transpose();
  bench::tanh_in_place(H.data(), static_cast<std::size_t>(H.size()));  // vector_tanh.hpp: libmvec
  r.noalias() = H * w2;
  r.array() += th[o_b2] - y.array();
  const double inv = 1.0 / static_cast<double>(p.n);
  const double f = r.squaredNorm() * inv;
  r *= 2 * inv;  // d f / d out
  Eigen::Map<hvec>(g.data() + o_w2).noalias() = H.transpose() * r;
  g[o_b2] = r.sum();
  dA.noalias() = r * w2.transpose();
  dA.array() *= 1 - H.array().square();
  Eigen::Map<weights>(g.data()).noalias() = dA.transpose() * X;
  Eigen::Map<hvec>(g.data() + o_b1) = dA.colwise().sum().transpose();
  return f;
}

const bench::registrar r1{"W4", "handwritten", [] { return bench::value_grad_kernel(w4().theta, handwritten); }};
const bench::registrar r2{"W4", "handwritten_simd", [] { return bench::value_grad_kernel(w4().theta, handwritten_simd); }};
const bench::descent_row r3{"W4", bench::w4_descent, [] { return w4().theta; }};  // w4_mlp_descent.cpp
const bool exported = (bench::add_export("W4", [](const std::string& d) { bench::export_regression(d, "W4", w4()); }), true);

}  // namespace
