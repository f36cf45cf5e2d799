// Second-order methods on objectives written as expressions: Newton with the Hessian
// generated at compile time, Levenberg-Marquardt / Gauss-Newton with the compile-time
// Jacobian of residual expressions (descent::make_objective / make_least_squares).
#include <descent/descent.hpp>
#include <descent/second_order.hpp>
#include <descent/objectives.hpp>
#include <descent/train/minimize.hpp>

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <numbers>
#include <random>
#include <vector>

using namespace descent::literals;

namespace {
constexpr descent::var<"x"> x;
constexpr descent::var<"y"> y;
constexpr descent::var<"m"> m;
constexpr descent::var<"c"> c;
}  // namespace

BOOST_AUTO_TEST_CASE(newton_with_compile_time_hessian) {
  const auto f = descent::make_objective(sq(1_c - x) + 100_c * sq(y - sq(x)), descent::wrt(x, y));
  static_assert(descent::hessian_objective<decltype(f), double>);
  std::vector<double> p{-1.2, 1.0};
  descent::newton newton;
  const auto r = descent::minimize(f, p, newton,
                                   descent::max_iterations{25} || descent::gradient_norm_below{1e-10},
                                   descent::minimize_options{});
  BOOST_TEST_MESSAGE("Newton (expression): " << r.iterations << " iterations, " << r.evaluations
                                             << " evaluations");
  BOOST_TEST((r.reason == descent::stop_reason::gradient_norm));
  BOOST_TEST(r.iterations <= 25u);
  BOOST_TEST(p[0] == 1.0, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(levenberg_marquardt_with_residual_expressions) {
  // The Ceres curve-fitting data of bounds_least_squares_test.cpp (same seed and recipe).
  std::vector<double> xs, ys;
  std::mt19937_64 rng(20240611);
  auto uniform = [&] { return (static_cast<double>(rng() >> 11) + 0.5) * 0x1.0p-53; };
  for (int i = 0; i < 67; ++i) {
    const double xi = 0.075 * i;
    const double z = std::sqrt(-2 * std::log(uniform())) * std::cos(2 * std::numbers::pi * uniform());
    xs.push_back(xi);
    ys.push_back(std::exp(0.3 * xi + 0.1) + 0.2 * z);
  }
  const auto f = descent::make_least_squares(y - exp(m * x + c), descent::wrt(m, c), x = xs, y = ys);
  static_assert(descent::least_squares_objective<decltype(f), double>);
  for (int which = 0; which < 2; ++which) {
    std::vector<double> p{0.0, 0.0};
    descent::levenberg_marquardt lm;
    descent::gauss_newton gn;
    const auto stop = descent::max_iterations{50} || descent::gradient_norm_below{1e-10};
    const descent::minimize_options opts{};
    const auto r = which ? descent::minimize(f, p, lm, stop, opts)
                         : descent::minimize(f, p, gn, stop, opts);
    BOOST_TEST_MESSAGE((which ? "LM" : "GN") << " (expression): " << r.iterations
                       << " iterations, m = " << p[0] << ", c = " << p[1]);
    BOOST_TEST((r.reason == descent::stop_reason::gradient_norm));
    BOOST_TEST(p[0] == 0.297417, boost::test_tools::tolerance(1e-5));
    BOOST_TEST(p[1] == 0.0989056, boost::test_tools::tolerance(1e-5));
  }
}
