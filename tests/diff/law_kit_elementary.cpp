// Law kit over the smooth elementary functions and powers: derivative and second derivative
// against finite differences at >= 20 points of each function's domain (tests/diff/law_kit.hpp).
#include "law_kit.hpp"

namespace {

using namespace descent::literals;
using descent::wrt;
using law::law;

constexpr descent::var<"x"> x;

BOOST_AUTO_TEST_CASE(law_kit_exp_log_trig) {
  using namespace descent;
  law::check_all(std::tuple{
      law("exp", exp(x), wrt(x), [](double t) { return std::exp(t); }).on({-3, 3}),
      law("log", log(x), wrt(x), [](double t) { return std::log(t); }).on({0.1, 5}),
      law("log1p", log1p(x), wrt(x), [](double t) { return std::log1p(t); }).on({-0.9, 4}),
      law("expm1", expm1(x), wrt(x), [](double t) { return std::expm1(t); }).on({-3, 3}),
      law("sin", sin(x), wrt(x), [](double t) { return std::sin(t); }).on({-4, 4}),
      law("cos", cos(x), wrt(x), [](double t) { return std::cos(t); }).on({-4, 4}),
      law("tan", tan(x), wrt(x), [](double t) { return std::tan(t); }).on({-1.3, 1.3}),
      law("tanh", tanh(x), wrt(x), [](double t) { return std::tanh(t); }).on({-3, 3}),
      law("sigmoid", sigmoid(x), wrt(x), [](double t) { return 1 / (1 + std::exp(-t)); }).on({-6, 6}),
      law("softplus", softplus(x), wrt(x), [](double t) { return std::log1p(std::exp(t)); }).on({-6, 6}),
  });
}

BOOST_AUTO_TEST_CASE(law_kit_powers) {
  using namespace descent;
  law::check_all(std::tuple{
      law("sq", sq(x), wrt(x), [](double t) { return t * t; }).on({-3, 3}),
      law("x^3", pow(x, 3_c), wrt(x), [](double t) { return t * t * t; }).on({-3, 3}),
      law("x^7", pow(x, 7_c), wrt(x), [](double t) { return std::pow(t, 7); }).on({-2, 2}),
      law("x^-2", pow(x, -2_c), wrt(x), [](double t) { return 1 / (t * t); }).on({0.3, 3}),
      law("1/x", 1_c / x, wrt(x), [](double t) { return 1 / t; }).on({0.3, 3}),
      law("sqrt", sqrt(x), wrt(x), [](double t) { return std::sqrt(t); }).on({0.1, 4}),
      law("x^(1/3)", pow(x, 1_c / 3_c), wrt(x), [](double t) { return std::cbrt(t); }).on({0.2, 4}),
      law("x^(3/2)", pow(x, 3_c / 2_c), wrt(x), [](double t) { return t * std::sqrt(t); }).on({0.2, 4}),
      law("x^(-1/2)", pow(x, -1_c / 2_c), wrt(x), [](double t) { return 1 / std::sqrt(t); }).on({0.2, 4}),
      law("x^2.5 (runtime exponent)", pow(x, 2.5), wrt(x), [](double t) { return std::pow(t, 2.5); }).on({0.2, 4}),
      law("x^-0.7 (runtime exponent)", pow(x, -0.7), wrt(x), [](double t) { return std::pow(t, -0.7); }).on({0.2, 4}),
      law("2.5^x (runtime base)", pow(2.5, x), wrt(x), [](double t) { return std::pow(2.5, t); }).on({-3, 3}),
      law("3^x (exact base)", pow(3_c, x), wrt(x), [](double t) { return std::pow(3.0, t); }).on({-3, 3}),
  });
}

}  // namespace
