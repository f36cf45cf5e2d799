// descent/expr/functions/exp_log.hpp: exp, log, log1p, expm1.
#ifndef DESCENT_EXPR_FUNCTIONS_EXP_LOG_HPP
#define DESCENT_EXPR_FUNCTIONS_EXP_LOG_HPP

#include <cmath>

#include <descent/expr/functions/function.hpp>

namespace descent {
namespace fn {

struct exp {
  static constexpr std::string_view name = "exp", latex = "\\exp";
  template <class T> static constexpr T eval(T a) { return std::exp(a); }
  template <std::size_t, class A> using partial = detail::apply_t<exp, A>;  // exp' = exp
};
struct log {
  static constexpr std::string_view name = "log", latex = "\\log";
  template <class T> static constexpr T eval(T a) { return std::log(a); }
  template <std::size_t, class A> using partial = detail::reciprocal_t<A>;  // 1/a
};
struct log1p {
  static constexpr std::string_view name = "log1p", latex = "\\operatorname{log1p}";
  template <class T> static constexpr T eval(T a) { return std::log1p(a); }
  template <std::size_t, class A> using partial = detail::reciprocal_t<detail::sum_t<detail::one, A>>;
};
struct expm1 {
  static constexpr std::string_view name = "expm1", latex = "\\operatorname{expm1}";
  template <class T> static constexpr T eval(T a) { return std::expm1(a); }
  template <std::size_t, class A> using partial = detail::apply_t<exp, A>;
};

}  // namespace fn

namespace detail {
template <> struct rewrite_rule<fn::exp, zero> { using type = one; };
template <class A> struct rewrite_rule<fn::exp, apply<fn::log, A>> { using type = A; };
template <> struct rewrite_rule<fn::log, one> { using type = zero; };
template <class A> struct rewrite_rule<fn::log, apply<fn::exp, A>> { using type = A; };
template <> struct rewrite_rule<fn::log1p, zero> { using type = zero; };
template <> struct rewrite_rule<fn::expm1, zero> { using type = zero; };
}  // namespace detail

// e^a
template <expression A> constexpr auto exp(const A& a) { return detail::call_function<fn::exp>(a); }
// natural logarithm
template <expression A> constexpr auto log(const A& a) { return detail::call_function<fn::log>(a); }
// log(1 + a), accurate for small a
template <expression A> constexpr auto log1p(const A& a) { return detail::call_function<fn::log1p>(a); }
// e^a - 1, accurate for small a
template <expression A> constexpr auto expm1(const A& a) { return detail::call_function<fn::expm1>(a); }

}  // namespace descent

#endif
