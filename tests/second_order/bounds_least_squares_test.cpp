// Box constraints (projected L-BFGS, project_onto_box around a first-order optimizer) and
// least squares (Gauss-Newton, Levenberg-Marquardt on the Ceres curve-fitting example).
#include <descent/second_order/box.hpp>
#include <descent/second_order/gauss_newton.hpp>
#include <descent/second_order/levenberg_marquardt.hpp>
#include <descent/second_order/projected_lbfgs.hpp>

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <random>
#include <stdexcept>

#include "support/problems.hpp"

using test_problems::drive;
using test_problems::rosenbrock;

namespace {

// Plain gradient descent, written here: the contract's optimizer interface.
struct plain_gd {
  double lr;
  void step(std::span<double> x, std::span<const double> g) {
    for (std::size_t i = 0; i < x.size(); ++i) x[i] -= lr * g[i];
  }
};

// y = exp(m x + c) + noise, m = 0.3, c = 0.1 (Ceres' curve_fitting example), 67 points on
// [0, 5), Gaussian noise sd 0.2 from a fixed seed (Box-Muller on mt19937_64, which is
// specified bit for bit, unlike std::normal_distribution).
struct exp_curve {
  std::vector<double> xs, ys;
  std::size_t calls = 0;
  exp_curve() {
    std::mt19937_64 rng(20240611);
    auto uniform = [&] { return (static_cast<double>(rng() >> 11) + 0.5) * 0x1.0p-53; };
    for (int i = 0; i < 67; ++i) {
      const double x = 0.075 * i;
      const double z = std::sqrt(-2 * std::log(uniform())) * std::cos(2 * std::numbers::pi * uniform());
      xs.push_back(x);
      ys.push_back(std::exp(0.3 * x + 0.1) + 0.2 * z);
    }
  }
  std::size_t num_residuals() const { return xs.size(); }
  void residuals(std::span<const double> p, std::span<double> r) {
    ++calls;
    for (std::size_t i = 0; i < xs.size(); ++i) r[i] = ys[i] - std::exp(p[0] * xs[i] + p[1]);
  }
  void residuals_and_jacobian(std::span<const double> p, std::span<double> r,
                              std::span<double> j) {
    ++calls;
    for (std::size_t i = 0; i < xs.size(); ++i) {
      const double e = std::exp(p[0] * xs[i] + p[1]);
      r[i] = ys[i] - e;
      j[2 * i] = -xs[i] * e;
      j[2 * i + 1] = -e;
    }
  }
  double operator()(std::span<const double> p, std::span<double> g) {
    ++calls;
    double f = 0;
    g[0] = g[1] = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) {
      const double e = std::exp(p[0] * xs[i] + p[1]), r = ys[i] - e;
      f += r * r / 2;
      g[0] -= r * xs[i] * e;
      g[1] -= r * e;
    }
    return f;
  }
};

static_assert(descent::least_squares_objective<exp_curve, double>);
static_assert(descent::method<descent::levenberg_marquardt<>, exp_curve, double>);
static_assert(descent::method<descent::gauss_newton<>, exp_curve, double>);

}  // namespace

BOOST_AUTO_TEST_CASE(projected_lbfgs_respects_bounds_on_rosenbrock) {
  // Minimise Rosenbrock on [-2, 0.5] x [-1, 2]: the optimum sits on x0 = 0.5 (x1 = 0.25).
  rosenbrock f;
  std::vector<double> x{-1.2, 1.0};
  descent::projected_lbfgs opt(descent::box<double>{.lower = {-2, -1}, .upper = {0.5, 2}});
  const auto r = drive(opt, f, x, 0.0, 500);
  BOOST_TEST_MESSAGE("projected L-BFGS: iterations " << r.iterations << ", evaluations "
                                                      << r.evaluations << ": " << r.message);
  BOOST_TEST((r.status == descent::method_status::converged));
  BOOST_TEST(x[0] == 0.5);
  BOOST_TEST(x[1] == 0.25, boost::test_tools::tolerance(1e-8));
  BOOST_TEST(r.evaluations == f.calls);
}

BOOST_AUTO_TEST_CASE(projected_lbfgs_every_iterate_is_feasible) {
  // Quadratic pulled outside the box in every coordinate: the solution is the box corner.
  const std::vector<double> target{3, -4, 0.25, 10};
  auto f = [&](std::span<const double> x, std::span<double> g) {
    double v = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
      g[i] = (i + 1) * (x[i] - target[i]);
      v += 0.5 * (i + 1) * (x[i] - target[i]) * (x[i] - target[i]);
    }
    return v;
  };
  const auto b = descent::box<double>::uniform(4, -1, 1);
  descent::projected_lbfgs opt(b, {.history = 3});
  std::vector<double> x{5, 5, 5, 5}, g(4);  // infeasible start: projected first
  double loss = f(x, g);
  std::size_t it = 0;
  for (; it < 100; ++it) {
    const auto s = opt.step(f, std::span<double>(x), loss, std::span<double>(g));
    BOOST_TEST(b.contains(std::span<const double>(x)));
    if (s.status != descent::method_status::running) {
      BOOST_TEST((s.status == descent::method_status::converged));
      break;
    }
  }
  BOOST_TEST(it < 100u);
  BOOST_TEST(x[0] == 1.0);
  BOOST_TEST(x[1] == -1.0);
  BOOST_TEST(x[2] == 0.25, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(x[3] == 1.0);
}

BOOST_AUTO_TEST_CASE(project_onto_box_wraps_a_first_order_optimizer) {
  rosenbrock f;
  std::vector<double> x{-1.2, 1.0};
  plain_gd gd{1e-3};
  auto m = descent::project_onto_box(gd, descent::box<double>{.lower = {-2, -1}, .upper = {0.5, 2}});
  static_assert(descent::method<decltype(m), rosenbrock, double>);
  std::vector<double> g(2);
  double loss = f(std::span<const double>(x), std::span<double>(g));
  for (int i = 0; i < 20000; ++i) {
    m.step(f, std::span<double>(x), loss, std::span<double>(g));
    BOOST_TEST_REQUIRE(x[0] <= 0.5);
  }
  BOOST_TEST(x[0] == 0.5);
  BOOST_TEST(x[1] == 0.25, boost::test_tools::tolerance(1e-3));
  // the in-place form
  std::vector<double> y{7, -7};
  descent::project_onto_box(std::span<double>(y), m.bounds());
  BOOST_TEST(y[0] == 0.5);
  BOOST_TEST(y[1] == -1.0);
}

BOOST_AUTO_TEST_CASE(bad_boxes_throw_with_a_message) {
  const descent::box<double> b{.lower = {0, 2}, .upper = {1, 1}};
  BOOST_CHECK_EXCEPTION(b.check(2), std::invalid_argument, [](const std::invalid_argument& e) {
    return std::string(e.what()).find("lower[1] > upper[1]") != std::string::npos;
  });
  BOOST_CHECK_THROW(descent::box<double>::uniform(3, 0, 1).check(2), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(levenberg_marquardt_recovers_the_curve) {
  exp_curve f;
  std::vector<double> p{0.0, 0.0};  // Ceres' start
  descent::levenberg_marquardt lm;
  const auto r = drive(lm, f, p, 1e-10, 100);
  BOOST_TEST_MESSAGE("Levenberg-Marquardt: iterations " << r.iterations << ", evaluations "
                     << r.evaluations << ", m = " << p[0] << ", c = " << p[1]
                     << ", cost = " << r.loss);
  BOOST_TEST(r.grad_norm < 1e-10);
  BOOST_TEST(std::abs(p[0] - 0.3) < 0.02);
  BOOST_TEST(std::abs(p[1] - 0.1) < 0.06);
  BOOST_TEST(r.iterations <= 30u);
  BOOST_TEST(r.evaluations == f.calls);

  // Gauss-Newton from the same start finds the same least-squares optimum.
  exp_curve f2;
  std::vector<double> q{0.0, 0.0};
  descent::gauss_newton gn;
  const auto r2 = drive(gn, f2, q, 1e-10, 100);
  BOOST_TEST_MESSAGE("Gauss-Newton: iterations " << r2.iterations << ", evaluations "
                                                 << r2.evaluations);
  BOOST_TEST(r2.grad_norm < 1e-10);
  BOOST_TEST(q[0] == p[0], boost::test_tools::tolerance(1e-8));
  BOOST_TEST(q[1] == p[1], boost::test_tools::tolerance(1e-8));
  BOOST_TEST(r2.evaluations == f2.calls);
}
