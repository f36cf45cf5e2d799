// An expression objective (gradient generated at compile time) in the loop, with a
// first-order optimizer of the test's own and with L-BFGS.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>
#include <vector>

#include <descent/descent.hpp>
#include <descent/second_order/lbfgs.hpp>
#include <descent/train.hpp>
#include <descent/objectives.hpp>

#include "support.hpp"

using namespace descent::literals;

namespace {
constexpr descent::var<"x"> x;
constexpr descent::var<"y"> y;
constexpr auto rosen = sq(1_c - x) + 100_c * sq(y - sq(x));
}  // namespace

BOOST_AUTO_TEST_SUITE(train_expression)

BOOST_AUTO_TEST_CASE(expression_objective_through_minimize) {
  auto f = descent::make_objective(rosen, descent::wrt(x, y));
  static_assert(descent::objective<decltype(f), double>);
  // Same iterates as the hand-written Rosenbrock gradient.
  std::vector<double> p{-1.2, 1.0}, q{-1.2, 1.0};
  train_test::plain_gd gd{.lr = 1e-3};
  const auto rp = descent::minimize(f, p, gd, descent::max_iterations{100});
  const auto rq = descent::minimize(train_test::rosenbrock{}, q, gd, descent::max_iterations{100});
  BOOST_TEST(std::abs(p[0] - q[0]) < 1e-12);
  BOOST_TEST(std::abs(rp.loss - rq.loss) < 1e-12);

  std::vector<double> s{-1.2, 1.0};
  auto m = descent::lbfgs();
  const auto r = descent::minimize(f, s, m, descent::max_iterations{200} ||
                                                descent::gradient_norm_below{1e-10});
  BOOST_TEST(r.reason == descent::stop_reason::gradient_norm);
  BOOST_TEST(std::abs(s[0] - 1.0) < 1e-8);
  BOOST_TEST(std::abs(s[1] - 1.0) < 1e-8);
  // The wrong parameter count is caught by the loop before any evaluation.
  std::vector<double> three{1.0, 2.0, 3.0};
  BOOST_CHECK_EXCEPTION(descent::minimize(f, three, gd, descent::max_iterations{1}),
                        std::invalid_argument, [](const std::invalid_argument& e) {
                          return std::string(e.what()) ==
                                 "descent::minimize: the objective takes 2 parameters but params "
                                 "has 3 elements";
                        });
}

BOOST_AUTO_TEST_SUITE_END()
