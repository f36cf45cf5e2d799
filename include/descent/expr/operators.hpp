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
concept operand = expression<T> || std::is_arithmetic<std::remove_cvref_t<T>>::value;

namespace detail {
template <class T>
constexpr auto as_expression(const T& t) {
  if constexpr (expression<T>) return t;
  else return runtime_constant(static_cast<double>(t));
}
template <class A, class B>
concept expression_operands = operand<A> && operand<B> && (expression<A> || expression<B>);

// Both operands are trees without runtime numbers: the result is Build<A, B>{}, made here
// rather than through combine (a sum of many terms is built one + at a time, and every
// function instantiated for a + carries the operands' types in its mangled name, whose
// cost with g++ grows faster than the name's length: one function a step instead of four).
// (A concept: a variable template would be a symbol named after the operands.)  The other
// cases do combine's work in the operator's own body (see combine).
template <class E>
concept plain_tree = expression<E> && expr_traits<std::remove_cvref_t<E>>::count_type::value == 0;
template <class... Es>
concept plain_trees = (plain_tree<Es> && ...);
}  // namespace detail

template <class A, class B>
  requires detail::expression_operands<A, B>
constexpr auto operator+(const A& a, const B& b) {
  if constexpr (detail::plain_trees<A, B>) return detail::built_t<detail::sum_t<A, B>>{};
  else {
    detail::combined_t<detail::sum_t, A, B> r;
    if constexpr (detail::stores_literals<decltype(r)>) {
      double* out = r.values.data();
      detail::append_literals(out, &a);
      detail::append_literals(out, &b);
    }
    return r;
  }
}
template <class A, class B>
  requires detail::expression_operands<A, B>
constexpr auto operator-(const A& a, const B& b) {
  if constexpr (detail::plain_trees<A, B>) return detail::built_t<detail::difference_t<A, B>>{};
  else {
    detail::combined_t<detail::difference_t, A, B> r;
    if constexpr (detail::stores_literals<decltype(r)>) {
      double* out = r.values.data();
      detail::append_literals(out, &a);
      detail::append_literals(out, &b);
    }
    return r;
  }
}
template <class A, class B>
  requires detail::expression_operands<A, B>
constexpr auto operator*(const A& a, const B& b) {
  if constexpr (detail::plain_trees<A, B>) return detail::built_t<detail::product_t<A, B>>{};
  else {
    detail::combined_t<detail::product_t, A, B> r;
    if constexpr (detail::stores_literals<decltype(r)>) {
      double* out = r.values.data();
      detail::append_literals(out, &a);
      detail::append_literals(out, &b);
    }
    return r;
  }
}
template <class A, class B>
  requires detail::expression_operands<A, B>
constexpr auto operator/(const A& a, const B& b) {
  if constexpr (detail::plain_trees<A, B>) return detail::built_t<detail::quotient_t<A, B>>{};
  else {
    detail::combined_t<detail::quotient_t, A, B> r;
    if constexpr (detail::stores_literals<decltype(r)>) {
      double* out = r.values.data();
      detail::append_literals(out, &a);
      detail::append_literals(out, &b);
    }
    return r;
  }
}
template <expression A>
constexpr auto operator-(const A& a) {
  if constexpr (detail::plain_trees<A>) return detail::built_t<detail::negate_t<A>>{};
  else {
    detail::combined_t<detail::negate_t, A> r;
    if constexpr (detail::stores_literals<decltype(r)>) {
      double* out = r.values.data();
      detail::append_literals(out, &a);
    }
    return r;
  }
}
template <expression A>
constexpr A operator+(const A& a) {
  return a;
}

}  // namespace descent

#endif
