// descent/check/gradient.hpp: check_gradient compares the symbolic gradient with central
// differences and reports the worst entry, by position and name.
#include <descent/check/gradient.hpp>

#include <descent/expr.hpp>

#include <boost/test/unit_test.hpp>

#include <cmath>

namespace {
constexpr descent::var<"x"> x;
constexpr descent::var<"y"> y;
}  // namespace

BOOST_AUTO_TEST_SUITE(check_gradient)

BOOST_AUTO_TEST_CASE(a_smooth_function_agrees_with_central_differences) {
  const auto f = descent::sin(x) * descent::exp(y) + 3.0 * x * y;
  const auto r = descent::check_gradient(f, descent::wrt(x, y), x = 0.7, y = -0.3);
  BOOST_TEST(r.max_error < 1e-8);
  BOOST_TEST(r.step > 0.0);
  BOOST_TEST(r.step == std::cbrt(2.220446049250313e-16), boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(a_kink_is_reported_with_the_variable_that_has_it) {
  // relu at 0: the symbolic derivative is step(0) = 0, the central difference 1/2.
  const auto f = descent::sq(x) + descent::relu(y);
  const auto r = descent::check_gradient(f, descent::wrt(x, y), x = 1.0, y = 0.0);
  BOOST_TEST(r.index == 1u);
  BOOST_TEST(r.variable == "y");
  BOOST_TEST(r.symbolic == 0.0);
  BOOST_TEST(r.numeric == 0.5, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(r.max_error == 0.5, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(a_nan_is_never_hidden_behind_a_finite_error) {
  // log(y) at y = -1 is NaN, so both central differences are: the worst error is NaN.
  const auto f = x + descent::log(y);
  const auto r = descent::check_gradient(f, descent::wrt(x, y), x = 1.0, y = -1.0);
  BOOST_TEST(std::isnan(r.max_error));
}

BOOST_AUTO_TEST_SUITE_END()
