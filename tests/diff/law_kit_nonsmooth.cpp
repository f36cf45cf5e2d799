// Law kit over the non-smooth functions (away from their kinks), and the subgradient
// convention at the kinks (documented in descent/expr/functions/nonsmooth.hpp):
//   abs'(0) = 0, relu'(0) = 0, sign' = step' = 0, max/min at a tie: 1/2 to each argument.
#include "law_kit.hpp"

namespace {

using namespace descent::literals;
using descent::d;
using descent::eval;
using descent::wrt;
using law::law;

constexpr descent::var<"x"> x;
constexpr descent::var<"y"> y;

// |x - y| > 1e-3: finite differences with h ~ 1e-5 stay on one side of the kink x == y.
constexpr auto off_diagonal = [](const auto& p) { return std::abs(p[0] - p[1]) > 1e-3; };

BOOST_AUTO_TEST_CASE(law_kit_nonsmooth_away_from_kinks) {
  using namespace descent;
  // In 1-D the grid points are (k + 1/2)/24 of the interval: 0 is 1/8 away from all of them.
  law::check_all(std::tuple{
      law("abs", abs(x), wrt(x), [](double t) { return std::abs(t); }).on({-3, 3}),
      law("relu", relu(x), wrt(x), [](double t) { return t > 0 ? t : 0.0; }).on({-3, 3}),
      law("sign", sign(x), wrt(x), [](double t) { return double((t > 0) - (t < 0)); }).on({-3, 3}),
      law("step", step(x), wrt(x), [](double t) { return t > 0 ? 1.0 : 0.0; }).on({-3, 3}),
      law("abs(sin(x))", abs(sin(x)), wrt(x), [](double t) { return std::abs(std::sin(t)); }).on({-3, 3}),
      law("max(x, y)", max(x, y), wrt(x, y), [](double a, double b) { return std::max(a, b); })
          .on({-3, 3}, {-3, 3}).away_from(off_diagonal),
      law("min(x, y)", min(x, y), wrt(x, y), [](double a, double b) { return std::min(a, b); })
          .on({-3, 3}, {-3, 3}).away_from(off_diagonal),
      law("max(x^2, 1.5)", max(sq(x), 1.5), wrt(x), [](double t) { return std::max(t * t, 1.5); }).on({-3, 3}),
      law("min(x, 1/2)", min(x, 1_c / 2_c), wrt(x), [](double t) { return std::min(t, 0.5); }).on({-3, 3}),
      law("relu(x*y)", relu(x * y), wrt(x, y), [](double a, double b) { return std::max(a * b, 0.0); })
          .on({-3, 3}, {-3, 3}).away_from([](const auto& p) { return std::abs(p[0] * p[1]) > 1e-3; }),
  });
}

BOOST_AUTO_TEST_CASE(subgradient_convention_at_kinks) {
  using namespace descent;
  BOOST_TEST(eval(d(abs(x), x), x = 0.0) == 0.0);
  BOOST_TEST(eval(d(abs(x), x), x = -0.0) == 0.0);
  BOOST_TEST(eval(d(relu(x), x), x = 0.0) == 0.0);
  BOOST_TEST(eval(relu(x), x = 0.0) == 0.0);
  BOOST_TEST(eval(d(sign(x), x), x = 0.0) == 0.0);
  BOOST_TEST(eval(d(step(x), x), x = 0.0) == 0.0);
  BOOST_TEST(eval(sign(x), x = 0.0) == 0.0);
  BOOST_TEST(eval(step(x), x = 0.0) == 0.0);
  // max and min at a tie: half to each argument (the midpoint of the subdifferential)
  for (double t : {-2.0, 0.0, 1.5}) {
    BOOST_TEST(eval(d(max(x, y), x), x = t, y = t) == 0.5);
    BOOST_TEST(eval(d(max(x, y), y), x = t, y = t) == 0.5);
    BOOST_TEST(eval(d(min(x, y), x), x = t, y = t) == 0.5);
    BOOST_TEST(eval(d(min(x, y), y), x = t, y = t) == 0.5);
  }
  // ... and the full derivative on either side
  BOOST_TEST(eval(d(max(x, y), x), x = 2.0, y = 1.0) == 1.0);
  BOOST_TEST(eval(d(max(x, y), y), x = 2.0, y = 1.0) == 0.0);
  BOOST_TEST(eval(d(min(x, y), x), x = 2.0, y = 1.0) == 0.0);
  BOOST_TEST(eval(d(min(x, y), y), x = 2.0, y = 1.0) == 1.0);
  // A tie of two different expressions: d max(x, 2x) at x = 0 is (1 + 2)/2.
  BOOST_TEST(eval(d(max(x, 2_c * x), x), x = 0.0) == 1.5);
  BOOST_TEST(eval(d(min(x, 2_c * x), x), x = 0.0) == 1.5);
  // max(e, e) is e itself: derivative 1, not 1/2 + 1/2 by accident of printing.
  BOOST_TEST(eval(d(max(x, x), x), x = 0.0) == 1.0);
  // A runtime constant on the other side of the kink.
  BOOST_TEST(eval(d(max(x, 1.5), x), x = 1.5) == 0.5);
  BOOST_TEST(eval(d(relu(x - 1.5), x), x = 1.5) == 0.0);
}

BOOST_AUTO_TEST_CASE(nonsmooth_nan_propagates) {
  using namespace descent;
  const double nan = std::nan("");
  BOOST_TEST(std::isnan(eval(max(x, y), x = nan, y = 1.0)));
  BOOST_TEST(std::isnan(eval(max(x, y), x = 1.0, y = nan)));
  BOOST_TEST(std::isnan(eval(min(x, y), x = nan, y = 1.0)));
  BOOST_TEST(std::isnan(eval(min(x, y), x = 1.0, y = nan)));
  BOOST_TEST(std::isnan(eval(relu(x), x = nan)));
}

}  // namespace
