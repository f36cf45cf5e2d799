// Newton, L-BFGS and nonlinear CG on Rosenbrock 2-D from (-1.2, 1).
#include <descent/second_order/lbfgs.hpp>
#include <descent/second_order/newton.hpp>
#include <descent/second_order/nonlinear_cg.hpp>

#include <boost/test/unit_test.hpp>

#include "support/problems.hpp"

using test_problems::drive;
using test_problems::rosenbrock;

static_assert(descent::hessian_objective<rosenbrock, double>);
static_assert(descent::method<descent::newton<>, rosenbrock, double>);
static_assert(descent::method<descent::lbfgs<>, rosenbrock, double>);
static_assert(descent::method<descent::nonlinear_cg<>, rosenbrock, double>);
static_assert(descent::method<descent::lbfgs<float>, rosenbrock, float>);

BOOST_AUTO_TEST_CASE(newton_reaches_1e_10_within_25_iterations) {
  rosenbrock f;
  std::vector<double> x{-1.2, 1.0};
  descent::newton newton;
  const auto r = drive(newton, f, x, 1e-10, 25);
  BOOST_TEST_MESSAGE("Newton: iterations " << r.iterations << ", f evaluations "
                     << r.evaluations << ", Hessians " << newton.hessian_evaluations());
  BOOST_TEST(r.grad_norm < 1e-10);
  BOOST_TEST(r.iterations <= 25u);
  BOOST_TEST(x[0] == 1.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(x[1] == 1.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(r.evaluations == f.calls);
  BOOST_TEST(newton.hessian_evaluations() == f.hessian_calls);
}

BOOST_AUTO_TEST_CASE(newton_shifts_an_indefinite_hessian) {
  // At (0, 1) the Rosenbrock Hessian [[-398, 0], [0, 200]] is indefinite.
  rosenbrock f;
  std::vector<double> x{0.0, 1.0}, g(2);
  double loss = f(std::span<const double>(x), std::span<double>(g));
  const double before = loss;
  descent::newton newton;
  const auto s = newton.step(f, std::span<double>(x), loss, std::span<double>(g));
  BOOST_TEST((s.status == descent::method_status::running));
  BOOST_TEST(newton.last_shift() > 398.0);
  BOOST_TEST(loss < before);
}

BOOST_AUTO_TEST_CASE(lbfgs_converges) {
  for (std::size_t m : {3u, 10u}) {
    rosenbrock f;
    std::vector<double> x{-1.2, 1.0};
    descent::lbfgs opt({.history = m});
    const auto r = drive(opt, f, x, 1e-10, 200);
    BOOST_TEST_MESSAGE("L-BFGS m=" << m << ": iterations " << r.iterations << ", evaluations "
                                    << r.evaluations);
    BOOST_TEST(r.grad_norm < 1e-10);
    BOOST_TEST(r.iterations <= 60u);
    BOOST_TEST(x[0] == 1.0, boost::test_tools::tolerance(1e-8));
    BOOST_TEST(r.evaluations == f.calls);
  }
}

BOOST_AUTO_TEST_CASE(lbfgs_in_float) {
  rosenbrock f;
  std::vector<float> x{-1.2f, 1.0f};
  descent::lbfgs<float> opt;
  const auto r = drive(opt, f, x, 1e-3, 200);
  BOOST_TEST(r.grad_norm < 1e-3);
  BOOST_TEST(x[0] == 1.0f, boost::test_tools::tolerance(1e-3f));
}

BOOST_AUTO_TEST_CASE(nonlinear_cg_converges) {
  rosenbrock f;
  std::vector<double> x{-1.2, 1.0};
  descent::nonlinear_cg cg;
  const auto r = drive(cg, f, x, 1e-8, 2000);
  BOOST_TEST_MESSAGE("CG: iterations " << r.iterations << ", evaluations " << r.evaluations
                                       << ", non-periodic restarts " << cg.restarts());
  BOOST_TEST(r.grad_norm < 1e-8);
  BOOST_TEST(x[0] == 1.0, boost::test_tools::tolerance(1e-7));
  BOOST_TEST(r.evaluations == f.calls);
}

BOOST_AUTO_TEST_CASE(zero_gradient_is_convergence_not_failure) {
  rosenbrock f;
  std::vector<double> x{1.0, 1.0}, g(2);
  double loss = f(std::span<const double>(x), std::span<double>(g));
  descent::lbfgs opt;
  BOOST_TEST((opt.step(f, std::span<double>(x), loss, std::span<double>(g)).status ==
              descent::method_status::converged));
  descent::nonlinear_cg cg;
  BOOST_TEST((cg.step(f, std::span<double>(x), loss, std::span<double>(g)).status ==
              descent::method_status::converged));
}
