// descent::minimize: the loop itself, first-order wrapping, methods, bad input.
#include <boost/test/unit_test.hpp>

#include <array>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include <descent/train/first_order.hpp>
#include <descent/train/minimize.hpp>
#include <descent/train/stop.hpp>

#include "support.hpp"

using namespace train_test;

BOOST_AUTO_TEST_SUITE(train_loop)

BOOST_AUTO_TEST_CASE(first_order_counts_and_result) {
  std::vector<double> x{1.0, -2.0, 3.0};
  plain_gd gd{.lr = 0.1};
  const auto r = descent::minimize(quadratic{}, x, gd, descent::max_iterations{7});
  BOOST_TEST(r.iterations == 7u);
  BOOST_TEST(r.evaluations == 8u);  // the start, then one per step
  BOOST_TEST(r.reason == descent::stop_reason::max_iterations);
  BOOST_TEST(r.message == "reached max_iterations (7)");
  BOOST_TEST(r.ok());
  // Same iterates as the hand-written loop.
  std::vector<double> y{1.0, -2.0, 3.0};
  for (int k = 0; k < 7; ++k)
    for (std::size_t i = 0; i < 3; ++i) y[i] -= 0.1 * (static_cast<double>(i + 1) * y[i]);
  for (std::size_t i = 0; i < 3; ++i) BOOST_TEST(x[i] == y[i]);
  std::vector<double> g(3);
  BOOST_TEST(r.loss == quadratic{}(std::span<const double>(x), std::span<double>(g)));
  BOOST_TEST(r.seconds >= 0.0);
}

BOOST_AUTO_TEST_CASE(params_as_array_span_and_float) {
  std::array<double, 2> a{-1.2, 1.0};
  std::vector<float> v{-1.2f, 1.0f};
  std::vector<double> storage{-1.2, 1.0};
  plain_gd gd{.lr = 1e-3};
  const auto ra = descent::minimize(rosenbrock{}, a, gd, descent::max_iterations{50});
  const auto rv = descent::minimize(rosenbrock{}, v, gd, descent::max_iterations{50});
  const auto rs = descent::minimize(rosenbrock{}, std::span<double>(storage), gd,
                                    descent::max_iterations{50});
  static_assert(std::is_same_v<decltype(rv), const descent::minimize_result<float>>);
  BOOST_TEST(ra.loss == rs.loss);
  BOOST_TEST(a[0] == storage[0]);
  BOOST_TEST(std::abs(rv.loss - static_cast<float>(ra.loss)) < 1e-4f);
  BOOST_TEST(ra.loss < 24.2);  // moved downhill from f(-1.2, 1) = 24.2
}

BOOST_AUTO_TEST_CASE(optimizer_state_survives_the_run) {
  std::vector<double> x{-1.2, 1.0};
  momentum_opt opt;
  descent::minimize(rosenbrock{}, x, opt, descent::max_iterations{10});
  BOOST_TEST(opt.t == 10u);  // held by reference, not copied
  descent::minimize(rosenbrock{}, x, opt, descent::max_iterations{5});
  BOOST_TEST(opt.t == 15u);
}

BOOST_AUTO_TEST_CASE(loss_overload_is_preferred_and_gets_the_current_loss) {
  std::vector<double> x{1.0, 1.0};
  loss_aware_opt opt;
  const auto r = descent::minimize(quadratic{}, x, opt, descent::max_iterations{4});
  BOOST_TEST(opt.with_loss == 4);
  BOOST_TEST(opt.without_loss == 0);
  // The loss handed to the last step is f at the iterate before it.
  std::vector<double> prev{1.0, 1.0};
  for (int k = 0; k < 3; ++k)
    for (std::size_t i = 0; i < 2; ++i) prev[i] -= 0.1 * (static_cast<double>(i + 1) * prev[i]);
  std::vector<double> g(2);
  BOOST_TEST(opt.last_loss == quadratic{}(std::span<const double>(prev), std::span<double>(g)));
  BOOST_TEST(r.iterations == 4u);
}

BOOST_AUTO_TEST_CASE(explicit_first_order_wrapper) {
  std::vector<double> x{1.0, 1.0};
  plain_gd gd{.lr = 0.1};
  auto m = descent::first_order(gd);
  static_assert(std::is_same_v<decltype(m), descent::first_order<plain_gd&>>);
  static_assert(descent::method<decltype(m), quadratic, double>);
  descent::minimize(quadratic{}, x, m, descent::max_iterations{3});
  BOOST_TEST(m.steps() == 3u);
  auto owned = descent::first_order(plain_gd{.lr = 0.2});
  static_assert(std::is_same_v<decltype(owned), descent::first_order<plain_gd>>);
  BOOST_TEST(owned.optimizer().lr == 0.2);
}

BOOST_AUTO_TEST_CASE(line_search_method_plugs_in) {
  std::vector<double> x{1.0, -2.0, 3.0, 0.5};
  backtracking_gd m;
  const auto r = descent::minimize(quadratic{}, x, m, descent::max_iterations{2000} ||
                                                          descent::gradient_norm_below{1e-8});
  BOOST_TEST(r.reason == descent::stop_reason::gradient_norm);
  BOOST_TEST(r.grad_norm < 1e-8);
  BOOST_TEST(r.evaluations > r.iterations + 1);  // several evaluations per step
  for (const double v : x) BOOST_TEST(std::abs(v) < 1e-8);
}

BOOST_AUTO_TEST_CASE(method_converged_ends_the_run) {
  std::vector<double> x{3.0, -1.0};
  backtracking_gd m{.converge_below = 1e-6};
  const auto r = descent::minimize(quadratic{}, x, m, descent::max_iterations{1000});
  BOOST_TEST(r.reason == descent::stop_reason::converged);
  BOOST_TEST(r.message.find("the method converged at iteration") == 0u);
  BOOST_TEST(r.message.find("gradient small") != std::string::npos);
  BOOST_TEST(r.grad_norm < 1e-6);
  BOOST_TEST(r.ok());
}

BOOST_AUTO_TEST_CASE(method_failure_is_reported_not_hidden) {
  // An objective with no descent direction the Armijo test accepts: g points uphill.
  auto liar = [](std::span<const double> x, std::span<double> g) {
    g[0] = -1.0;
    return x[0];  // f = x, but the "gradient" says -1
  };
  std::vector<double> x{0.0};
  backtracking_gd m{.max_halvings = 5};
  const auto r = descent::minimize(liar, x, m, descent::max_iterations{10});
  BOOST_TEST(r.reason == descent::stop_reason::method_failed);
  BOOST_TEST(!r.ok());
  BOOST_TEST(r.iterations == 1u);
  BOOST_TEST(r.evaluations == 6u);
  BOOST_TEST(r.message ==
             "the method failed at iteration 1: backtracking: no step satisfies the Armijo "
             "condition");
}

BOOST_AUTO_TEST_CASE(empty_params_throw) {
  std::vector<double> x;
  plain_gd gd;
  BOOST_CHECK_EXCEPTION(descent::minimize(quadratic{}, x, gd, descent::max_iterations{3}),
                        std::invalid_argument, [](const std::invalid_argument& e) {
                          return std::string(e.what()) ==
                                 "descent::minimize: params is empty: there is nothing to minimise";
                        });
}

struct fixed_size_objective {
  std::size_t dimension() const { return 3; }
  double operator()(std::span<const double> x, std::span<double> g) const {
    double f = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
      g[i] = 2 * x[i];
      f += x[i] * x[i];
    }
    return f;
  }
};

struct fixed_size_objective_member : fixed_size_objective {
  static constexpr std::size_t dimension = 4;  // the form expression objectives use
};

BOOST_AUTO_TEST_CASE(objective_size_mismatch_throws_for_a_dimension_member) {
  std::vector<double> x{1.0, 2.0};
  plain_gd gd;
  BOOST_CHECK_EXCEPTION(
      descent::minimize(fixed_size_objective_member{}, x, gd, descent::max_iterations{3}),
      std::invalid_argument, [](const std::invalid_argument& e) {
        return std::string(e.what()) ==
               "descent::minimize: the objective takes 4 parameters but params has 2 elements";
      });
}

BOOST_AUTO_TEST_CASE(objective_size_mismatch_throws) {
  std::vector<double> x{1.0, 2.0};
  plain_gd gd;
  BOOST_CHECK_EXCEPTION(
      descent::minimize(fixed_size_objective{}, x, gd, descent::max_iterations{3}),
      std::invalid_argument, [](const std::invalid_argument& e) {
        return std::string(e.what()) ==
               "descent::minimize: the objective takes 3 parameters but params has 2 elements";
      });
}

// Concepts, checked at compile time.
static_assert(descent::objective<rosenbrock, double>);
static_assert(descent::objective<rosenbrock, float>);
static_assert(!descent::objective<int, double>);
static_assert(descent::method<backtracking_gd, rosenbrock, double>);
static_assert(!descent::method<plain_gd, rosenbrock, double>);
static_assert(descent::first_order_optimizer<plain_gd, double>);
static_assert(!descent::first_order_optimizer<backtracking_gd, double>);

struct with_hessian {
  double operator()(std::span<const double>, std::span<double>) const { return 0; }
  void hessian(std::span<const double>, std::span<double>) const {}
};
struct with_residuals {
  double operator()(std::span<const double>, std::span<double>) const { return 0; }
  std::size_t num_residuals() const { return 2; }
  void residuals(std::span<const double>, std::span<double>) const {}
  void residuals_and_jacobian(std::span<const double>, std::span<double>, std::span<double>) const {}
};
static_assert(descent::hessian_objective<with_hessian, double>);
static_assert(!descent::hessian_objective<rosenbrock, double>);
static_assert(descent::least_squares_objective<with_residuals, double>);
static_assert(!descent::least_squares_objective<with_hessian, double>);

BOOST_AUTO_TEST_SUITE_END()
