// Law kit over the arithmetic operators and runtime constants (doubles and ints kept in the
// expression).
#include "law_kit.hpp"

namespace {

using namespace descent::literals;
using descent::wrt;
using law::law;

constexpr descent::var<"x"> x;
constexpr descent::var<"y"> y;

BOOST_AUTO_TEST_CASE(law_kit_operators) {
  using namespace descent;
  law::check_all(std::tuple{
      law("x", x, wrt(x), [](double t) { return t; }).on({-3, 3}),
      law("-x", -x, wrt(x), [](double t) { return -t; }).on({-3, 3}),
      law("x + 2", x + 2_c, wrt(x), [](double t) { return t + 2; }).on({-3, 3}),
      law("3x/4", 3_c / 4_c * x, wrt(x), [](double t) { return 0.75 * t; }).on({-3, 3}),
      law("x + y", x + y, wrt(x, y), [](double a, double b) { return a + b; }).on({-3, 3}, {-3, 3}),
      law("x - y", x - y, wrt(x, y), [](double a, double b) { return a - b; }).on({-3, 3}, {-3, 3}),
      law("x * y", x * y, wrt(x, y), [](double a, double b) { return a * b; }).on({-3, 3}, {-3, 3}),
      law("x / y", x / y, wrt(x, y), [](double a, double b) { return a / b; }).on({-3, 3}, {0.5, 3}),
      law("-(x * y)", -(x * y), wrt(x, y), [](double a, double b) { return -a * b; }).on({-3, 3}, {-3, 3}),
      law("x^y", pow(x, y), wrt(x, y), [](double a, double b) { return std::pow(a, b); }).on({0.2, 3}, {-2, 2}),
  });
}

BOOST_AUTO_TEST_CASE(law_kit_runtime_constants) {
  using namespace descent;
  law::check_all(std::tuple{
      law("2.5*x", 2.5 * x, wrt(x), [](double t) { return 2.5 * t; }).on({-3, 3}),
      law("-2.5*x", -2.5 * x, wrt(x), [](double t) { return -2.5 * t; }).on({-3, 3}),
      law("x + 2.5", x + 2.5, wrt(x), [](double t) { return t + 2.5; }).on({-3, 3}),
      law("2.5 - x", 2.5 - x, wrt(x), [](double t) { return 2.5 - t; }).on({-3, 3}),
      law("x / 2.5", x / 2.5, wrt(x), [](double t) { return t / 2.5; }).on({-3, 3}),
      law("2.5 / x", 2.5 / x, wrt(x), [](double t) { return 2.5 / t; }).on({0.5, 3}),
      law("x * 3 (int)", x * 3, wrt(x), [](double t) { return 3 * t; }).on({-3, 3}),
      law("1.5*x^2 - 0.5*x*y", 1.5 * sq(x) - 0.5 * x * y, wrt(x, y),
          [](double a, double b) { return 1.5 * a * a - 0.5 * a * b; }).on({-3, 3}, {-3, 3}),
  });
}

}  // namespace
