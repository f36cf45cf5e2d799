// Law kit over several-argument functions (logsumexp) and composite expressions, where the
// sum, product, quotient and chain rules work together.
#include "law_kit.hpp"

namespace {

using namespace descent::literals;
using descent::wrt;
using law::law;

constexpr descent::var<"x"> x;
constexpr descent::var<"y"> y;
constexpr descent::var<"z"> z;

BOOST_AUTO_TEST_CASE(law_kit_several_arguments) {
  using namespace descent;
  law::check_all(std::tuple{
      law("logsumexp(x, y)", logsumexp(x, y), wrt(x, y),
          [](double a, double b) { return std::log(std::exp(a) + std::exp(b)); }).on({-4, 4}, {-4, 4}),
      law("logsumexp(x, y, z)", logsumexp(x, y, z), wrt(x, y, z),
          [](double a, double b, double c) { return std::log(std::exp(a) + std::exp(b) + std::exp(c)); })
          .on({-4, 4}, {-4, 4}, {-4, 4}),
      law("logsumexp(x, 2x, 0.5)", logsumexp(x, 2_c * x, 0.5), wrt(x),
          [](double a) { return std::log(std::exp(a) + std::exp(2 * a) + std::exp(0.5)); }).on({-4, 4}),
  });
}

// Composite expressions: the chain, product and quotient rules working together.
BOOST_AUTO_TEST_CASE(law_kit_composites) {
  using namespace descent;
  law::check_all(std::tuple{
      law("rosenbrock", sq(1_c - x) + 100_c * sq(y - sq(x)), wrt(x, y),
          [](double a, double b) { return (1 - a) * (1 - a) + 100 * (b - a * a) * (b - a * a); })
          .on({-2, 2}, {-1, 3}),
      law("tanh(x*y)", tanh(x * y), wrt(x, y), [](double a, double b) { return std::tanh(a * b); })
          .on({-2, 2}, {-2, 2}),
      law("sin(x)*exp(x)*cos(x*x)", sin(x) * exp(x) * cos(x * x), wrt(x),
          [](double a) { return std::sin(a) * std::exp(a) * std::cos(a * a); }).on({-2, 2}),
      law("exp(sin(x))", exp(sin(x)), wrt(x), [](double a) { return std::exp(std::sin(a)); }).on({-4, 4}),
      law("norm", sqrt(sq(x) + sq(y) + sq(z) + 1_c), wrt(x, y, z),
          [](double a, double b, double c) { return std::sqrt(a * a + b * b + c * c + 1); })
          .on({-3, 3}, {-3, 3}, {-3, 3}),
      law("sigmoid(x)*log(1+y^2)/(x^2+1)", sigmoid(x) * log(1_c + sq(y)) / (sq(x) + 1_c), wrt(x, y),
          [](double a, double b) { return std::log(1 + b * b) / (1 + std::exp(-a)) / (a * a + 1); })
          .on({-3, 3}, {-3, 3}),
      law("x^y^2 / (1 + x y)", pow(x, sq(y)) / (1_c + x * y), wrt(x, y),
          [](double a, double b) { return std::pow(a, b * b) / (1 + a * b); }).on({0.3, 2}, {0, 1.5}),
      law("softplus(2.5x - y) + log1p(x^2)", softplus(2.5 * x - y) + log1p(sq(x)), wrt(x, y),
          [](double a, double b) { return std::log1p(std::exp(2.5 * a - b)) + std::log1p(a * a); })
          .on({-3, 3}, {-3, 3}),
  });
}

}  // namespace
