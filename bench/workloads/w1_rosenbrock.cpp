// W1: n-D Rosenbrock, n = 1000, value and gradient.  Rows here: handwritten (scalar loop),
// handwritten_simd (Eigen arrays) and the descent row (see w1_descent below); the peers'
// rows are in peers/*.cpp.
#include <Eigen/Core>

#include "descent_rows.hpp"
#include "problems.hpp"

namespace {

double handwritten(std::span<const double> x, std::span<double> g) {
  const std::size_t n = x.size();
  double f = 0;
  for (std::size_t i = 0; i < n; ++i) g[i] = 0;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const double t = x[i + 1] - x[i] * x[i], u = 1 - x[i];
    f += 100 * t * t + u * u;
    g[i] += -400 * x[i] * t - 2 * u;
    g[i + 1] += 200 * t;
  }
  return f;
}

double handwritten_simd(std::span<const double> xs, std::span<double> gs) {
  const Eigen::Index n = static_cast<Eigen::Index>(xs.size());
  Eigen::Map<const Eigen::ArrayXd> x(xs.data(), n);
  Eigen::Map<Eigen::ArrayXd> g(gs.data(), n);
  const auto a = x.head(n - 1), b = x.tail(n - 1);
  const auto t = b - a.square();
  const auto u = 1 - a;
  g.head(n - 1) = -400 * a * t - 2 * u;
  g(n - 1) = 0;
  g.tail(n - 1) += 200 * t;
  return (100 * t.square() + u.square()).sum();
}

const bench::registrar r1{"W1", "handwritten", [] { return bench::value_grad_kernel(bench::w1().x, handwritten); }};
const bench::registrar r2{"W1", "handwritten_simd",
                          [] { return bench::value_grad_kernel(bench::w1().x, handwritten_simd); }};
const bench::descent_row r3{"W1", bench::w1_descent, [] { return bench::w1().x; }};  // defined below
const bool exported = (bench::add_export("W1", [](const std::string& d) { bench::write_doubles(d + "/W1.x.bin", bench::w1().x); }), true);

}  // namespace

#if __has_include(<descent/shaped.hpp>)
#include <descent/shaped.hpp>
// ==== W1's descent row: define bench::w1_descent here (contract in descent_rows.hpp) ========
namespace bench {
// The n-D Rosenbrock in one line of vector expression.
double w1_descent(std::span<const double> x, std::span<double> g) {
  using namespace descent::literals;
  constexpr descent::vec<"x", w1_n> v;
  constexpr auto f = sum(100_c * sq(tail<w1_n - 1>(v) - sq(head<w1_n - 1>(v))) + sq(1_c - head<w1_n - 1>(v)));
  static const auto obj = descent::make_objective(f, descent::wrt(v));
  return obj(x, g);
}
}  // namespace bench
#endif
