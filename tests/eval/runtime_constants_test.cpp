// Runtime constants (doubles written in expressions) are kept by value inside the
// expression object: combining expressions, returning them from functions and evaluating
// them later is always safe (no references to temporaries; run under ASan in CI), and equal
// structures holding different numbers never get mixed up.
#include <cmath>
#include <string>
#include <type_traits>
#include <vector>

#include <boost/test/unit_test.hpp>

#include <descent/descent.hpp>

namespace {

using namespace descent::literals;
using descent::d;
using descent::eval;
using descent::wrt;

constexpr descent::var<"x"> x;
constexpr descent::var<"y"> y;

// Built from temporaries inside a function, returned by value, used after the temporaries
// are gone (the trap of expression-template AD libraries that hold references).
auto make_model(double w, double b) {
  auto scaled = w * x;         // a temporary-holding subexpression...
  auto shifted = scaled + b;   // ...combined...
  return sigmoid(shifted) * (1.0 / w);  // ...and returned: all numbers copied inside
}

auto make_sum_of_parts() {
  std::vector<double> ws{1.5, -2.0};
  const auto f = ws[0] * sq(x);
  const auto g = ws[1] * y;
  auto e = f + g;  // the classic `auto e = f + g;`
  ws.assign(2, 1e300);  // the source numbers change after the expression was built
  return e;
}

BOOST_AUTO_TEST_CASE(expressions_own_their_numbers) {
  const auto m = make_model(2.0, -1.0);
  const double ref = 1.0 / (1.0 + std::exp(-(2.0 * 0.75 - 1.0))) / 2.0;
  BOOST_TEST(eval(m, x = 0.75) == ref, boost::test_tools::tolerance(1e-15));
  const auto e = make_sum_of_parts();
  BOOST_TEST(eval(e, x = 2.0, y = 3.0) == 1.5 * 4.0 - 2.0 * 3.0);
  BOOST_TEST(eval(d(e, x), x = 2.0, y = 3.0) == 1.5 * 2 * 2.0);
  BOOST_TEST(eval(d(e, y), x = 2.0, y = 3.0) == -2.0);
  // copies are independent values
  auto copy = e;
  copy = make_sum_of_parts();
  BOOST_TEST(eval(copy, x = 1.0, y = 1.0) == -0.5);
  // an expression with runtime numbers is just the numbers: no pointers, no heap
  static_assert(sizeof(e) == 2 * sizeof(double));
  static_assert(std::is_trivially_copyable_v<decltype(e)>);
}

BOOST_AUTO_TEST_CASE(equal_structures_with_different_numbers) {
  using namespace descent;
  // 2.0*sin(x) and 3.0*sin(x) have the same shape but different numbers: each number keeps
  // its own slot, and the sum is 5 sin(x).
  const auto e = 2.0 * sin(x) + 3.0 * sin(x);
  for (double a : {-1.0, 0.3, 2.0}) {
    BOOST_TEST(eval(e, x = a) == 5.0 * std::sin(a), boost::test_tools::tolerance(1e-15));
    BOOST_TEST(eval(d(e, x), x = a) == 5.0 * std::cos(a), boost::test_tools::tolerance(1e-15));
  }
  // the same expression object combined with itself
  const auto a = 2.5 * x;
  BOOST_TEST(eval(a + a, x = 2.0) == 10.0);
  BOOST_TEST(eval(a * a, x = 2.0) == 25.0);
  BOOST_TEST(eval(a - a, x = 2.0) == 0.0);
  BOOST_TEST(eval(a / a, x = 2.0) == 1.0);
  // same structure, different numbers, in both operands of a quotient and of a power
  BOOST_TEST(eval((1.5 * x) / (0.5 * x), x = 3.0) == 3.0);
  BOOST_TEST(eval(pow(x, 2.0) * pow(x, 3.0), x = 2.0) == 32.0);
  BOOST_TEST(eval(pow(2.0, x) + pow(3.0, x), x = 2.0) == 13.0);
  BOOST_TEST(eval(max(x, 1.0) + max(x, 5.0), x = 3.0) == 8.0);
  // a runtime zero and one are numbers like others (not simplified away at compile time)
  BOOST_TEST(eval(0.0 * x + 1.0 * y, x = 7.0, y = 2.0) == 2.0);
  BOOST_TEST(eval(d(0.0 * sq(x), x), x = 7.0) == 0.0);
}

BOOST_AUTO_TEST_CASE(runtime_constants_in_derivatives_and_containers) {
  using namespace descent;
  const auto f = 2.5 * sq(x) * y - 0.5 * pow(y, 1.5) + 4.0;
  const auto [v, g] = value_and_grad(f, wrt(x, y), x = 2.0, y = 4.0);
  BOOST_TEST(v == 2.5 * 4 * 4 - 0.5 * 8 + 4, boost::test_tools::tolerance(1e-15));
  BOOST_TEST(g[0] == 2.5 * 2 * 2 * 4, boost::test_tools::tolerance(1e-15));
  BOOST_TEST(g[1] == 2.5 * 4 - 0.5 * 1.5 * 2, boost::test_tools::tolerance(1e-15));
  const auto H = eval(hessian(f, wrt(x, y)), x = 2.0, y = 4.0);
  BOOST_TEST(H[0][0] == 2.5 * 2 * 4, boost::test_tools::tolerance(1e-15));
  BOOST_TEST(H[0][1] == 2.5 * 2 * 2, boost::test_tools::tolerance(1e-15));
  BOOST_TEST(H[1][1] == -0.5 * 1.5 * 0.5 / 2, boost::test_tools::tolerance(1e-15));
  // the derivative keeps the numbers the expression had
  const auto dfx = d(f, x);
  BOOST_TEST(eval(dfx, x = 1.0, y = 1.0) == 5.0);
  // combining two expressions that both hold numbers: the right operand's numbers are
  // renumbered after the left's
  const auto h = f + d(f, y) * 3.0;
  BOOST_TEST(eval(h, x = 2.0, y = 4.0) == v + 3.0 * g[1], boost::test_tools::tolerance(1e-15));
  BOOST_TEST(descent::to_string(2.5 * x + 3.0) == "2.5*x + 3");
}

BOOST_AUTO_TEST_CASE(many_runtime_constants) {
  using namespace descent;
  // a loss over data points written as an expression: every point's numbers in one array
  const double xs[] = {0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0};
  const double ys[] = {1.1, 2.9, 5.2, 7.1, 8.8, 11.2, 13.1, 14.8};
  constexpr descent::var<"w"> w;
  constexpr descent::var<"b"> b;
  const auto point = [&](int i) { return sq(w * xs[i] + b - ys[i]); };
  const auto loss = (point(0) + point(1) + point(2) + point(3) + point(4) + point(5) + point(6) + point(7)) / 8_c;
  double ref = 0, gw = 0, gb = 0;
  for (int i = 0; i < 8; ++i) {
    const double r = 2.0 * xs[i] + 0.5 - ys[i];
    ref += r * r / 8;
    gw += 2 * r * xs[i] / 8;
    gb += 2 * r / 8;
  }
  const auto [v, g] = value_and_grad(loss, wrt(w, b), w = 2.0, b = 0.5);
  BOOST_TEST(v == ref, boost::test_tools::tolerance(1e-14));
  BOOST_TEST(g[0] == gw, boost::test_tools::tolerance(1e-14));
  BOOST_TEST(g[1] == gb, boost::test_tools::tolerance(1e-14));
}

}  // namespace
