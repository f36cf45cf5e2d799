// The differentiation rules as laws, checked numerically at points: for expressions f, g
//   sum        d(f + g) = f' + g',   d(f - g) = f' - g',   d(c f) = c f' (exact and runtime c)
//   product    d(f g)   = f' g + f g'
//   quotient   d(f / g) = (f' g - f g') / g^2
//   mixed      d(d(f, x), y) = d(d(f, y), x)
// Both sides are derivatives descent computes, evaluated at 24 points: they must agree to
// rounding (the finite-difference kit in law_kit_*.cpp checks the derivatives themselves;
// law_kit_chain.cpp checks the chain rule).
#include "law_kit.hpp"

namespace {

using namespace descent::literals;
using descent::d;
using descent::eval;

constexpr descent::var<"x"> x;
constexpr descent::var<"y"> y;

using law::expect_rule;

// Points of [-1.5, 1.5] x [0.5, 2]: g stays away from 0 for the quotient rule below.
std::array<double, 2> point(std::size_t k) { return law::sample<2>({{{-1.5, 1.5}, {0.5, 2.0}}}, k, 24); }

template <class F, class G>
void check_pair_rules(const F& f, const G& g, std::string_view name) {
  for (std::size_t k = 0; k < 24; ++k) {
    const std::array<double, 2> p = point(k);
    const double a = p[0], b = p[1];
    const auto at = [&](const auto& e) { return eval(e, x = a, y = b); };
    const double fv = at(f), gv = at(g);
    for (int wrt_y = 0; wrt_y < 2; ++wrt_y) {
      const auto df = wrt_y ? at(d(f, y)) : at(d(f, x));
      const auto dg = wrt_y ? at(d(g, y)) : at(d(g, x));
      const auto dsum = wrt_y ? at(d(f + g, y)) : at(d(f + g, x));
      const auto ddiff = wrt_y ? at(d(f - g, y)) : at(d(f - g, x));
      const auto dprod = wrt_y ? at(d(f * g, y)) : at(d(f * g, x));
      const auto dquot = wrt_y ? at(d(f / g, y)) : at(d(f / g, x));
      const auto dscaled = wrt_y ? at(d(3_c * f, y)) : at(d(3_c * f, x));
      const auto druntime = wrt_y ? at(d(2.5 * f, y)) : at(d(2.5 * f, x));
      expect_rule(dsum, df + dg, name, "sum rule", a, b);
      expect_rule(ddiff, df - dg, name, "difference rule", a, b);
      expect_rule(dprod, df * gv + fv * dg, name, "product rule", a, b);
      expect_rule(dquot, (df * gv - fv * dg) / (gv * gv), name, "quotient rule", a, b);
      expect_rule(dscaled, 3 * df, name, "exact constant factor", a, b);
      expect_rule(druntime, 2.5 * df, name, "runtime constant factor", a, b);
    }
    expect_rule(at(d(f * g, x, y)), at(d(f * g, y, x)), name, "mixed partials", a, b);
  }
}

BOOST_AUTO_TEST_CASE(sum_product_quotient_rules) {
  using namespace descent;
  check_pair_rules(sin(x), sq(y) + x, "sin(x), y^2 + x");
  check_pair_rules(exp(x * y), 1_c + sq(x) + y, "exp(xy), 1 + x^2 + y");
  check_pair_rules(x * y, log(y) + 2_c, "xy, log(y) + 2");
  check_pair_rules(tanh(x - y), sqrt(y) * cos(x) + 2_c, "tanh(x - y), sqrt(y) cos(x) + 2");
  check_pair_rules(pow(y, x), sigmoid(x * y), "y^x, sigmoid(xy)");
  check_pair_rules(x, x, "x, x");  // f == g: f*g becomes x^2, f/g becomes 1, f-g becomes 0
}

}  // namespace
