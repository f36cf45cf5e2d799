// W6: Hessians.
//   W6_rosenbrock2  the 2-D Rosenbrock Hessian at 1024 points (one step = the batch):
//                   descent's compile-time hessian(f, wrt(x, y)) vs the closed form by hand
//   W6_logistic     the 9 x 9 Hessian of W3's loss at W3's theta:
//                   (1/N) sum_i s_i (1 - s_i) [x_i 1][x_i 1]^T by hand (scalar, Eigen); the
//                   descent row needs shaped expressions (w6_logistic_hessian_descent below)
// Peers (ADOL-C's hessian driver, Sacado nested forward mode) are in peers/*.cpp.
#include <descent/diff/d.hpp>
#include <descent/diff/grad.hpp>
#include <descent/eval/eval.hpp>
#include <descent/expr.hpp>

#include <Eigen/Core>

#include <cmath>

#include "descent_rows.hpp"
#include "problems.hpp"
#include "w6_points.hpp"

namespace {

using namespace descent::literals;
constexpr descent::var<"x"> x;
constexpr descent::var<"y"> y;
constexpr auto rosenbrock = sq(1_c - x) + 100_c * sq(y - sq(x));
constexpr auto H = descent::hessian(rosenbrock, descent::wrt(x, y));

template <class Point>
bench::kernel batch(Point point) {
  auto out = std::make_shared<std::vector<double>>(4 * bench::w6_batch);
  const auto ps = bench::w6_points();
  return {[out, ps, point] {
            for (std::size_t i = 0; i < bench::w6_batch; ++i) point(ps[2 * i], ps[2 * i + 1], out->data() + 4 * i);
          },
          [out] { return *out; }};
}

const bench::registrar rosen_hand{"W6_rosenbrock2", "handwritten", [] {
  return batch([](double X, double Y, double* h) {
    h[0] = 1200 * X * X - 400 * Y + 2;
    h[1] = h[2] = -400 * X;
    h[3] = 200;
  });
}};
const bench::registrar rosen_descent{"W6_rosenbrock2", "descent", [] {
  return batch([](double X, double Y, double* h) {
    const auto m = descent::eval(H, x = X, y = Y);
    h[0] = m[0][0], h[1] = m[0][1], h[2] = m[1][0], h[3] = m[1][1];
  });
}};

// ---- the logistic-regression Hessian ------------------------------------------------------
using bench::reg_d;
constexpr std::size_t dim = reg_d + 1;

bench::kernel hessian_kernel(void (*h)(std::span<const double>, std::span<double>)) {
  auto out = std::make_shared<std::vector<double>>(dim * dim);
  return {[out, h] { h(bench::w3().theta, *out); }, [out] { return *out; }};
}

void logistic_hand(std::span<const double> th, std::span<double> h) {
  const auto& p = bench::w3();
  double acc[dim][dim] = {};
  for (std::size_t i = 0; i < p.n; ++i) {
    const double* x = p.X.data() + i * reg_d;
    double z = th[reg_d];
    for (std::size_t j = 0; j < reg_d; ++j) z += th[j] * x[j];
    const double s = 1 / (1 + std::exp(-z)), w = s * (1 - s);
    double xt[dim];
    for (std::size_t j = 0; j < reg_d; ++j) xt[j] = x[j];
    xt[reg_d] = 1;
    for (std::size_t a = 0; a < dim; ++a)
      for (std::size_t b = 0; b <= a; ++b) acc[a][b] += w * xt[a] * xt[b];
  }
  const double inv = 1.0 / static_cast<double>(p.n);
  for (std::size_t a = 0; a < dim; ++a)
    for (std::size_t b = 0; b <= a; ++b) h[a * dim + b] = h[b * dim + a] = acc[a][b] * inv;
}

using augmented = Eigen::Matrix<double, Eigen::Dynamic, dim>;  // [X 1], built once

const augmented& w3_augmented() {
  static const augmented a = [] {
    const auto& p = bench::w3();
    augmented m(static_cast<Eigen::Index>(p.n), dim);
    for (std::size_t i = 0; i < p.n; ++i) {
      for (std::size_t j = 0; j < reg_d; ++j) m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = p.X[i * reg_d + j];
      m(static_cast<Eigen::Index>(i), reg_d) = 1;
    }
    return m;
  }();
  return a;
}

void logistic_simd(std::span<const double> th, std::span<double> h) {
  const augmented& A = w3_augmented();
  Eigen::Map<const Eigen::Matrix<double, dim, 1>> t(th.data());
  thread_local Eigen::ArrayXd s;
  thread_local augmented Aw;
  s = 1 / (1 + (-(A * t).array()).exp());
  s *= (1 - s) / static_cast<double>(A.rows());
  Aw = A.array().colwise() * s;
  Eigen::Map<Eigen::Matrix<double, dim, dim, Eigen::RowMajor>>(h.data()).noalias() = Aw.transpose() * A;
}

const bench::registrar logistic_h1{"W6_logistic", "handwritten", [] { return hessian_kernel(logistic_hand); }};
const bench::registrar logistic_h2{"W6_logistic", "handwritten_simd", [] { return hessian_kernel(logistic_simd); }};
bench::kernel logistic_descent() { return hessian_kernel(bench::w6_logistic_hessian_descent); }
const bench::descent_row logistic_h3{"W6_logistic", bench::w6_logistic_hessian_descent ? logistic_descent : nullptr};  // defined below

}  // namespace

#if __has_include(<descent/shaped.hpp>)
#include <descent/shaped.hpp>
// ==== W6's logistic Hessian descent row: define bench::w6_logistic_hessian_descent here =====
#include "w3_objective.hpp"
namespace bench {
// The exact Hessian of W3's loss, assembled from Hessian-vector products (forward over reverse).
void w6_logistic_hessian_descent(std::span<const double> theta, std::span<double> h) { w3_objective().hessian(theta, h); }
}  // namespace bench
#endif
