// The divergence guard: a NaN/Inf loss or gradient stops the run with a message naming
// the iteration, and the parameters go back to the last finite iterate.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstring>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include <descent/train/keep_best.hpp>
#include <descent/train/minimize.hpp>

#include "support.hpp"

using namespace train_test;

namespace {
constexpr double nan_v = std::numeric_limits<double>::quiet_NaN();
constexpr double inf_v = std::numeric_limits<double>::infinity();

// x^2 + y^2, except: loss NaN when x == 42, gradient element 1 Inf when x == 43,
// loss Inf and gradient NaN when x == 44.
struct trap {
  template <class T>
  T operator()(std::span<const T> x, std::span<T> g) const {
    g[0] = 2 * x[0];
    g[1] = 2 * x[1];
    if (x[0] == T(42)) return std::numeric_limits<T>::quiet_NaN();
    if (x[0] == T(43)) g[1] = std::numeric_limits<T>::infinity();
    if (x[0] == T(44)) {
      g[0] = std::numeric_limits<T>::quiet_NaN();
      return std::numeric_limits<T>::infinity();
    }
    return x[0] * x[0] + x[1] * x[1];
  }
};

struct end_counter {
  int ends = 0;
  template <class T>
  void on_end(const descent::minimize_result<T>&) {
    ++ends;
  }
};
}  // namespace

BOOST_AUTO_TEST_SUITE(train_guard)

BOOST_AUTO_TEST_CASE(nan_loss_throws_naming_the_step_and_restores) {
  std::vector<double> x{0.0, 1.0};
  scripted m{.path = {1.0, 2.0, 3.0, 42.0, 5.0}};
  end_counter ends;
  try {
    descent::minimize(trap{}, x, m, descent::max_iterations{10}, ends);
    BOOST_FAIL("no divergence_error");
  } catch (const descent::divergence_error& e) {
    BOOST_TEST(std::string(e.what()) ==
               "descent::minimize: loss is NaN at iteration 4 (gradient finite); parameters "
               "restored to iteration 3");
    BOOST_TEST(e.iteration() == 4u);
    BOOST_TEST(e.restored_iteration() == 3u);
  }
  BOOST_TEST(x[0] == 3.0);
  BOOST_TEST(x[1] == 1.0);
  BOOST_TEST(ends.ends == 1);  // callbacks are closed before the throw
}

BOOST_AUTO_TEST_CASE(divergence_error_is_a_runtime_error) {
  std::vector<double> x{0.0, 1.0};
  scripted m{.path = {42.0}};
  BOOST_CHECK_THROW(descent::minimize(trap{}, x, m, descent::max_iterations{10}),
                    std::runtime_error);
}

BOOST_AUTO_TEST_CASE(inf_gradient_element_is_named) {
  std::vector<double> x{0.0, 1.0};
  scripted m{.path = {1.0, 43.0}};
  try {
    descent::minimize(trap{}, x, m, descent::max_iterations{10});
    BOOST_FAIL("no divergence_error");
  } catch (const descent::divergence_error& e) {
    BOOST_TEST(std::string(e.what()) ==
               "descent::minimize: gradient is not finite at iteration 2 (element 1 is Inf; loss "
               "finite: 1850); parameters restored to iteration 1");
  }
  BOOST_TEST(x[0] == 1.0);
}

BOOST_AUTO_TEST_CASE(report_mode_returns_the_restored_result) {
  std::vector<double> x{0.0, 1.0};
  scripted m{.path = {1.0, 2.0, 44.0}};
  const auto r = descent::minimize(
      trap{}, x, m, descent::max_iterations{10},
      descent::minimize_options{.on_divergence = descent::divergence_action::report});
  BOOST_TEST(r.reason == descent::stop_reason::diverged);
  BOOST_TEST(!r.ok());
  BOOST_TEST(r.message ==
             "descent::minimize: loss is Inf at iteration 3 (gradient not finite either: element 0 "
             "is NaN); parameters restored to iteration 2");
  BOOST_TEST(r.iterations == 2u);
  BOOST_TEST(r.loss == 5.0);  // f(2, 1)
  BOOST_TEST(r.evaluations == 5u);  // start, 3 steps, the restored point once more
  BOOST_TEST(r.grad_norm == std::sqrt(20.0));
  BOOST_TEST(x[0] == 2.0);
}

BOOST_AUTO_TEST_CASE(non_finite_start_is_reported) {
  std::vector<double> x{42.0, 0.0};
  plain_gd gd;
  try {
    descent::minimize(trap{}, x, gd, descent::max_iterations{10});
    BOOST_FAIL("no divergence_error");
  } catch (const descent::divergence_error& e) {
    BOOST_TEST(std::string(e.what()) ==
               "descent::minimize: loss is NaN at the starting point (gradient finite); "
               "nothing to restore: check the objective and the initial parameters");
    BOOST_TEST(e.iteration() == 0u);
  }
  BOOST_TEST(x[0] == 42.0);
}

BOOST_AUTO_TEST_CASE(real_divergence_of_gradient_descent) {
  // lr too large for the quadratic: x grows by |1 - lr c| per step until it overflows.
  std::vector<double> x{1.0, 1.0};
  plain_gd gd{.lr = 10.0};
  descent::keep_best best;
  const auto r = descent::minimize(
      quadratic{}, x, gd, descent::max_iterations{100'000}, best,
      descent::minimize_options{.on_divergence = descent::divergence_action::report});
  BOOST_TEST(r.reason == descent::stop_reason::diverged);
  BOOST_TEST(std::isfinite(x[0]));
  BOOST_TEST(std::isfinite(x[1]));
  BOOST_TEST(std::isfinite(r.loss));
  BOOST_TEST(r.iterations > 100u);
  BOOST_TEST(r.iterations < 1000u);
  BOOST_TEST(r.message.find("descent::minimize: loss is Inf at iteration " +
                            std::to_string(r.iterations + 1)) == 0u);
  BOOST_TEST(best.iteration() == 0u);  // it only got worse
}

BOOST_AUTO_TEST_CASE(float_divergence) {
  std::vector<float> x{0.0f, 1.0f};
  scripted m{.path = {1.0, 42.0}};
  BOOST_CHECK_THROW(descent::minimize(trap{}, x, m, descent::max_iterations{10}),
                    descent::divergence_error);
  BOOST_TEST(x[0] == 1.0f);
}

BOOST_AUTO_TEST_CASE(guard_off_lets_nan_through) {
  std::vector<double> x{0.0, 1.0};
  scripted m{.path = {42.0}};
  const auto r = descent::minimize(trap{}, x, m, descent::max_iterations{1},
                                   descent::minimize_options{.check_finite = false});
  BOOST_TEST(std::isnan(r.loss));
  BOOST_TEST(r.reason == descent::stop_reason::max_iterations);
  (void)nan_v;
  (void)inf_v;
}

BOOST_AUTO_TEST_SUITE_END()
