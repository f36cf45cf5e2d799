// descent/expr/operators.hpp: + - * / and unary minus on expressions and numbers.
//
// Exact constants fold exactly (1_c / 2_c stays 1/2); a double or integer operand becomes a
// runtime constant kept inside the expression (expr/literal.hpp).
#ifndef DESCENT_EXPR_OPERATORS_HPP
#define DESCENT_EXPR_OPERATORS_HPP

#include <type_traits>

#include <descent/expr/literal.hpp>
#include <descent/simplify/apply.hpp>
#include <descent/simplify/power.hpp>
#include <descent/simplify/product.hpp>
#include <descent/simplify/sum.hpp>

namespace descent {

// An operand of an arithmetic operator: an expression or a plain number.
template <class T>
concept operand = expression<T> || std::is_arithmetic_v<std::remove_cvref_t<T>>;

namespace detail {
template <class T>
constexpr auto as_expression(const T& t) {
  if constexpr (expression<T>) return t;
  else return runtime_constant(static_cast<double>(t));
}
template <class A, class B>
concept expression_operands = operand<A> && operand<B> && (expression<A> || expression<B>);
}  // namespace detail

template <class A, class B>
  requires detail::expression_operands<A, B>
constexpr auto operator+(const A& a, const B& b) {
  return detail::combine<detail::sum_t>(detail::as_expression(a), detail::as_expression(b));
}
template <class A, class B>
  requires detail::expression_operands<A, B>
constexpr auto operator-(const A& a, const B& b) {
  return detail::combine<detail::difference_t>(detail::as_expression(a), detail::as_expression(b));
}
template <class A, class B>
  requires detail::expression_operands<A, B>
constexpr auto operator*(const A& a, const B& b) {
  return detail::combine<detail::product_t>(detail::as_expression(a), detail::as_expression(b));
}
template <class A, class B>
  requires detail::expression_operands<A, B>
constexpr auto operator/(const A& a, const B& b) {
  return detail::combine<detail::quotient_t>(detail::as_expression(a), detail::as_expression(b));
}
template <expression A>
constexpr auto operator-(const A& a) {
  return detail::combine<detail::negate_t>(a);
}
template <expression A>
constexpr A operator+(const A& a) {
  return a;
}

}  // namespace descent

#endif
