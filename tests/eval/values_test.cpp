// eval and value_and_grad: values against derivatives evaluated one by one, bindings (any
// order, extra ones ignored, ints, float vs double), gradient and Hessian containers.
#include <array>
#include <cmath>
#include <type_traits>

#include <boost/test/unit_test.hpp>

#include <descent/descent.hpp>

namespace {

using namespace descent::literals;
using descent::d;
using descent::eval;
using descent::wrt;

constexpr descent::var<"x"> x;
constexpr descent::var<"y"> y;
constexpr descent::var<"z"> z;

constexpr auto rosenbrock = descent::sq(1_c - x) + 100_c * descent::sq(y - descent::sq(x));

BOOST_AUTO_TEST_CASE(value_and_grad_matches_eval_of_each_derivative) {
  using namespace descent;
  const auto f = sin(x * y) * exp(z) + logsumexp(x, y, z) - 2.5 * sq(x - z) + pow(y, 3_c) / (1_c + sq(z));
  for (double a : {-1.5, -0.25, 0.0, 0.75, 2.0})
    for (double b : {-1.0, 0.5, 1.25}) {
      const double c = 0.3 * a - 0.1 * b;
      const auto [value, gradient] = value_and_grad(f, wrt(x, y, z), x = a, y = b, z = c);
      static_assert(std::is_same_v<std::remove_const_t<decltype(gradient)>, std::array<double, 3>>);
      BOOST_TEST(value == eval(f, x = a, y = b, z = c));
      // Each distinct subexpression is evaluated once in both paths, the same way: the
      // results agree to the last bit, not just to rounding.
      BOOST_TEST(gradient[0] == eval(d(f, x), x = a, y = b, z = c));
      BOOST_TEST(gradient[1] == eval(d(f, y), x = a, y = b, z = c));
      BOOST_TEST(gradient[2] == eval(d(f, z), x = a, y = b, z = c));
      // the order of wrt is the order of the gradient
      const auto [v2, g2] = value_and_grad(f, wrt(z, x), x = a, y = b, z = c);
      BOOST_TEST(v2 == value);
      BOOST_TEST(g2[0] == gradient[2]);
      BOOST_TEST(g2[1] == gradient[0]);
      // grad(...) evaluated as a whole
      const std::array<double, 3> g3 = eval(grad(f, wrt(x, y, z)), x = a, y = b, z = c);
      BOOST_TEST(g3 == gradient);
    }
}

BOOST_AUTO_TEST_CASE(rosenbrock_values) {
  using namespace descent;
  BOOST_TEST(eval(rosenbrock, x = 1.0, y = 1.0) == 0.0);
  BOOST_TEST(eval(rosenbrock, x = 1.0, y = 2.0) == 100.0);
  BOOST_TEST(eval(rosenbrock, x = -1.2, y = 1.0) == 24.2, boost::test_tools::tolerance(1e-13));
  const auto [v, g] = value_and_grad(rosenbrock, wrt(x, y), x = -1.2, y = 1.0);
  BOOST_TEST(v == 24.2, boost::test_tools::tolerance(1e-13));
  BOOST_TEST(g[0] == -215.6, boost::test_tools::tolerance(1e-13));
  BOOST_TEST(g[1] == -88.0, boost::test_tools::tolerance(1e-13));
  const auto H = eval(hessian(rosenbrock, wrt(x, y)), x = -1.2, y = 1.0);
  static_assert(std::is_same_v<decltype(H), const std::array<std::array<double, 2>, 2>>);
  BOOST_TEST(H[0][0] == 1330.0, boost::test_tools::tolerance(1e-13));
  BOOST_TEST(H[0][1] == 480.0, boost::test_tools::tolerance(1e-13));
  BOOST_TEST(H[1][0] == 480.0, boost::test_tools::tolerance(1e-13));
  BOOST_TEST(H[1][1] == 200.0);
  // the containers are tuple-like
  const auto [gx, gy] = grad(rosenbrock, wrt(x, y));
  BOOST_TEST(eval(gx, x = -1.2, y = 1.0) == g[0]);
  BOOST_TEST(eval(gy, x = -1.2, y = 1.0) == g[1]);
  const auto [row0, row1] = hessian(rosenbrock, wrt(x, y));
  BOOST_TEST(eval(row1, x = -1.2, y = 1.0)[0] == 480.0, boost::test_tools::tolerance(1e-13));
  BOOST_TEST(eval(row0, x = -1.2, y = 1.0)[0] == 1330.0, boost::test_tools::tolerance(1e-13));
}

BOOST_AUTO_TEST_CASE(bindings_in_any_order_and_extra_bindings_ignored) {
  using namespace descent;
  const auto f = x - 2_c * y + 3.5 * z;
  const double ref = 1.0 - 2 * 2.0 + 3.5 * 3.0;
  BOOST_TEST(eval(f, x = 1.0, y = 2.0, z = 3.0) == ref);
  BOOST_TEST(eval(f, z = 3.0, y = 2.0, x = 1.0) == ref);
  BOOST_TEST(eval(f, y = 2.0, z = 3.0, x = 1.0) == ref);
  // a binding for a variable f does not use is accepted and ignored
  constexpr descent::var<"unused"> unused;
  BOOST_TEST(eval(f, x = 1.0, unused = 100.0, y = 2.0, z = 3.0) == ref);
  BOOST_TEST(eval(sq(x), x = 3.0, y = 1e300, z = -1.0) == 9.0);
  // one binding set serves f and all its derivatives, including the zero one
  BOOST_TEST(eval(d(f, y), x = 1.0, y = 2.0, z = 3.0) == -2.0);
  BOOST_TEST(eval(d(f, z), x = 1.0, y = 2.0, z = 3.0) == 3.5);
  BOOST_TEST(eval(d(f, unused), x = 1.0, y = 2.0, z = 3.0) == 0.0);
  // a constant needs no binding at all
  BOOST_TEST(eval(d(sq(x), x, x)) == 2.0);
  BOOST_TEST(eval(1_c / 3_c) == 1.0 / 3.0);
  BOOST_TEST(eval(2.5 * x / x) == 2.5);  // x / x simplified away: no binding needed
}

BOOST_AUTO_TEST_CASE(integer_bindings_and_result_types) {
  using namespace descent;
  const auto f = sq(x) + y / 4_c;
  // ints bind as double (no integer division: y / 4 with y = 1 is 0.25)
  static_assert(std::is_same_v<decltype(eval(f, x = 1, y = 1)), double>);
  BOOST_TEST(eval(f, x = 3, y = 1) == 9.25);
  BOOST_TEST(eval(f, x = 3L, y = 1u) == 9.25);
  // float bindings only: float arithmetic and a float result
  static_assert(std::is_same_v<decltype(eval(f, x = 1.0f, y = 1.0f)), float>);
  static_assert(std::is_same_v<decltype(eval(grad(f, wrt(x, y)), x = 1.0f, y = 1.0f)), std::array<float, 2>>);
  static_assert(std::is_same_v<decltype(value_and_grad(f, wrt(x, y), x = 1.0f, y = 1.0f).value), float>);
  BOOST_TEST(eval(f, x = 3.0f, y = 1.0f) == 9.25f);
  // any double (or int) binding makes the evaluation double
  static_assert(std::is_same_v<decltype(eval(f, x = 1.0f, y = 1.0)), double>);
  static_assert(std::is_same_v<decltype(eval(f, x = 1.0f, y = 1)), double>);
  // float evaluation really is in float: 1 + 1e-8 rounds to 1 in float, not in double
  BOOST_TEST(eval(sq(1_c + y) - 1_c, y = 1e-8f) == 0.0f);
  BOOST_TEST(eval(sq(1_c + y) - 1_c, y = 1e-8) > 0.0);
  // runtime constants are stored as double and rounded to float in float evaluation
  BOOST_TEST(eval(0.1 * x, x = 1.0f) == 0.1f);
  BOOST_TEST(eval(0.1 * x, x = 1.0) == 0.1);
}

BOOST_AUTO_TEST_CASE(float_and_double_agree) {
  using namespace descent;
  const auto f = tanh(x * y) + sigmoid(x) * log1p(sq(y)) + expm1(0.5 * x) - softplus(y - x);
  for (float a : {-2.0f, -0.5f, 0.25f, 1.5f})
    for (float b : {-1.0f, 0.75f, 2.0f}) {
      const auto [vf, gf] = value_and_grad(f, wrt(x, y), x = a, y = b);
      const auto [vd, gd] = value_and_grad(f, wrt(x, y), x = double(a), y = double(b));
      BOOST_TEST(vf == vd, boost::test_tools::tolerance(1e-5));
      BOOST_TEST(gf[0] == gd[0], boost::test_tools::tolerance(1e-5));
      BOOST_TEST(gf[1] == gd[1], boost::test_tools::tolerance(1e-5));
    }
}

// Stable evaluation of the functions that overflow when written naively.
BOOST_AUTO_TEST_CASE(stable_functions) {
  using namespace descent;
  BOOST_TEST(eval(logsumexp(x, y), x = 1000.0, y = 1000.0) == 1000.0 + std::log(2.0), boost::test_tools::tolerance(1e-15));
  BOOST_TEST(eval(logsumexp(x, y), x = -1000.0, y = -1000.0) == -1000.0 + std::log(2.0), boost::test_tools::tolerance(1e-15));
  // softmax as exp(x - logsumexp): relative error about ulp(1000) / 1 here, no overflow
  BOOST_TEST(eval(d(logsumexp(x, y), x), x = 1000.0, y = 1000.0) == 0.5, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(eval(sigmoid(x), x = -800.0) == 0.0);
  BOOST_TEST(eval(sigmoid(x), x = 800.0) == 1.0);
  BOOST_TEST(eval(softplus(x), x = 800.0) == 800.0);
  BOOST_TEST(eval(softplus(x), x = -800.0) == 0.0);
  BOOST_TEST(eval(softplus(x), x = 0.0) == std::log(2.0), boost::test_tools::tolerance(1e-15));
  BOOST_TEST(std::isinf(eval(logsumexp(x, y), x = HUGE_VAL, y = 1.0)));
}

}  // namespace
