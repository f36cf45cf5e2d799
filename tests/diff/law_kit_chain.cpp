// The chain rule as a law, checked numerically at points: for every outer function F and
// several inner expressions g, d(F(g), x) = F'(g) g' and d2(F(g)) = F''(g) g'^2 + F'(g) g''
// where F' = d(F(u), u) is descent's derivative of the outer function alone.
#include "law_kit.hpp"

namespace {

using namespace descent::literals;
using descent::d;
using descent::eval;

constexpr descent::var<"x"> x;
constexpr descent::var<"u"> u;

using law::expect_rule;

// chain rule: outer functions applied to inner expressions of x
template <class Outer, class Inner>
void check_chain(const Outer& outer, const Inner& inner, std::string_view name) {
  const auto composed = outer(inner);
  const auto outer_derivative = d(outer(u), u);
  for (std::size_t k = 0; k < 24; ++k) {
    const double a = 0.2 + 1.2 * (static_cast<double>(k) + 0.5) / 24;  // inner values stay in (0.2, 1.4)-ish
    const double g = eval(inner, x = a), dg = eval(d(inner, x), x = a);
    const double lhs = eval(d(composed, x), x = a);
    const double rhs = eval(outer_derivative, u = g) * dg;
    expect_rule(lhs, rhs, name, "chain rule", a);
    // and the second derivative: F''(g) g'^2 + F'(g) g''
    const double lhs2 = eval(d(composed, x, x), x = a);
    const double rhs2 = eval(d(outer(u), u, u), u = g) * dg * dg + eval(outer_derivative, u = g) * eval(d(inner, x, x), x = a);
    expect_rule(lhs2, rhs2, name, "second-order chain rule", a, 0, 1e-10);
  }
}

template <class Outer>
void check_chain_all_inner(const Outer& outer, std::string_view name) {
  using namespace descent;
  check_chain(outer, sq(x) + 1_c / 4_c, std::string(name) + " o (x^2 + 1/4)");
  check_chain(outer, sin(x) + 1_c / 2_c, std::string(name) + " o (sin x + 1/2)");
  check_chain(outer, sqrt(x) * 0.75, std::string(name) + " o (0.75 sqrt x)");
}

BOOST_AUTO_TEST_CASE(chain_rule) {
  using namespace descent;
  check_chain_all_inner([](const auto& e) { return exp(e); }, "exp");
  check_chain_all_inner([](const auto& e) { return log(e); }, "log");
  check_chain_all_inner([](const auto& e) { return log1p(e); }, "log1p");
  check_chain_all_inner([](const auto& e) { return expm1(e); }, "expm1");
  check_chain_all_inner([](const auto& e) { return sin(e); }, "sin");
  check_chain_all_inner([](const auto& e) { return cos(e); }, "cos");
  check_chain_all_inner([](const auto& e) { return tan(e); }, "tan");
  check_chain_all_inner([](const auto& e) { return tanh(e); }, "tanh");
  check_chain_all_inner([](const auto& e) { return sigmoid(e); }, "sigmoid");
  check_chain_all_inner([](const auto& e) { return softplus(e); }, "softplus");
  check_chain_all_inner([](const auto& e) { return sqrt(e); }, "sqrt");
  check_chain_all_inner([](const auto& e) { return sq(e); }, "sq");
  check_chain_all_inner([](const auto& e) { return pow(e, 5_c); }, "^5");
  check_chain_all_inner([](const auto& e) { return pow(e, -3_c / 2_c); }, "^(-3/2)");
  check_chain_all_inner([](const auto& e) { return pow(e, 1.7); }, "^1.7");
  check_chain_all_inner([](const auto& e) { return 1_c / e; }, "1/");
  check_chain_all_inner([](const auto& e) { return logsumexp(e, 2_c * e, 0.3); }, "logsumexp");
}

}  // namespace
