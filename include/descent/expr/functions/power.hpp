// descent/expr/functions/power.hpp: sq, sqrt, pow.
//
//   pow(e, 3_c)   exact integer (or rational) exponent, part of the type
//   pow(e, 2.5)   runtime real exponent, kept in the expression
//   pow(a, b)     any expressions (d(a^b) = a^b (b' log a + b a'/a))
#ifndef DESCENT_EXPR_FUNCTIONS_POWER_HPP
#define DESCENT_EXPR_FUNCTIONS_POWER_HPP

#include <descent/expr/literal.hpp>
#include <descent/expr/operators.hpp>
#include <descent/simplify/power.hpp>

namespace descent {

template <expression A>
constexpr auto sq(const A& a) {
  return detail::combine<detail::power_t>(a, detail::constant<2>{});
}
template <expression A>
constexpr auto sqrt(const A& a) {
  return detail::combine<detail::power_t>(a, detail::constant<1, 2>{});
}
template <class A, class B>
  requires detail::expression_operands<A, B>
constexpr auto pow(const A& a, const B& b) {
  return detail::combine<detail::power_t>(detail::as_expression(a), detail::as_expression(b));
}

}  // namespace descent

#endif
