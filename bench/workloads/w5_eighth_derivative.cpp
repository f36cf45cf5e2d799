// W5: f(x) = sin(x) exp(x) cos(x^2) and its 8th derivative, over a batch of 1024 points in
// [-1, 1] (one step = the batch).  Workload W5_d8 (8th derivative) and W5_f (f itself):
//   descent       eval(d(f, x, x, x, x, x, x, x, x)): the compile-time 8th derivative
//   handwritten   truncated Taylor-series arithmetic of degree 8 (the standard hand method:
//                 exp/sin/cos recurrences and Cauchy products), f^(8) = 8! y_8
// Peers (Sacado Tay::Taylor, ADOL-C hos_forward) are in peers/*.cpp.
#include <descent/diff/d.hpp>
#include <descent/diff/grad.hpp>
#include <descent/eval/eval.hpp>
#include <descent/expr.hpp>

#include <array>
#include <cmath>

#include "harness.hpp"
#include "w5_points.hpp"

namespace {

using namespace descent::literals;
constexpr descent::var<"x"> x;
constexpr auto f = sin(x) * exp(x) * cos(x * x);
constexpr auto d8 = descent::d(f, x, x, x, x, x, x, x, x);

using series = std::array<double, 9>;

series product(const series& a, const series& b) {
  series c{};
  for (std::size_t k = 0; k < 9; ++k)
    for (std::size_t j = 0; j <= k; ++j) c[k] += a[j] * b[k - j];
  return c;
}

double eighth_by_taylor(double x0) {
  series e{}, s{}, c{}, u{}, su{}, cu{};
  e[0] = std::exp(x0), s[0] = std::sin(x0), c[0] = std::cos(x0);
  for (std::size_t k = 1; k < 9; ++k) {  // d/dx of the series of x is 1: recurrences shorten
    e[k] = e[k - 1] / static_cast<double>(k);
    s[k] = c[k - 1] / static_cast<double>(k);
    c[k] = -s[k - 1] / static_cast<double>(k);
  }
  u[0] = x0 * x0, u[1] = 2 * x0, u[2] = 1;  // x^2
  su[0] = std::sin(u[0]), cu[0] = std::cos(u[0]);
  for (std::size_t k = 1; k < 9; ++k) {  // cos(u): c_k = -(1/k) sum_j j u_j s_{k-j}, u_j = 0 for j > 2
    double ss = 0, cc = 0;
    for (std::size_t j = 1; j <= std::min<std::size_t>(k, 2); ++j) {
      ss += static_cast<double>(j) * u[j] * cu[k - j];
      cc += static_cast<double>(j) * u[j] * su[k - j];
    }
    su[k] = ss / static_cast<double>(k);
    cu[k] = -cc / static_cast<double>(k);
  }
  return product(product(s, e), cu)[8] * 40320.0;
}

// The per-point function is a template argument so that it inlines into the batch loop.
template <class Point>
bench::kernel batch(Point point) {
  auto out = std::make_shared<std::vector<double>>(bench::w5_batch);
  const auto xs = bench::w5_points();
  return {[out, xs, point] {
            for (std::size_t i = 0; i < xs.size(); ++i) (*out)[i] = point(xs[i]);
          },
          [out] { return *out; }};
}

const bench::registrar d8_hand{"W5_d8", "handwritten", [] { return batch([](double v) { return eighth_by_taylor(v); }); }};
const bench::registrar d8_descent{"W5_d8", "descent",
                                  [] { return batch([](double v) { return descent::eval(d8, x = v); }); }};
const bench::registrar f_hand{"W5_f", "handwritten", [] {
                                return batch([](double v) { return std::sin(v) * std::exp(v) * std::cos(v * v); });
                              }};
const bench::registrar f_descent{"W5_f", "descent",
                                 [] { return batch([](double v) { return descent::eval(f, x = v); }); }};

}  // namespace
