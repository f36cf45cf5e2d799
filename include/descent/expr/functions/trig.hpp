// descent/expr/functions/trig.hpp: sin, cos, tan.
#ifndef DESCENT_EXPR_FUNCTIONS_TRIG_HPP
#define DESCENT_EXPR_FUNCTIONS_TRIG_HPP

#include <cmath>

#include <descent/expr/functions/function.hpp>

namespace descent {
namespace fn {

struct sin;
struct cos {
  static constexpr std::string_view name = "cos", latex = "\\cos";
  template <class T> static constexpr T eval(T a) { return std::cos(a); }
  template <std::size_t, class A> using partial = detail::negate_t<detail::apply_t<sin, A>>;
};
struct sin {
  static constexpr std::string_view name = "sin", latex = "\\sin";
  template <class T> static constexpr T eval(T a) { return std::sin(a); }
  template <std::size_t, class A> using partial = detail::apply_t<cos, A>;
};
struct tan {
  static constexpr std::string_view name = "tan", latex = "\\tan";
  template <class T> static constexpr T eval(T a) { return std::tan(a); }
  // tan' = 1 + tan^2 (reuses the value of tan itself)
  template <std::size_t, class A>
  using partial = detail::sum_t<detail::one, detail::power_t<detail::apply_t<tan, A>, detail::constant<2>>>;
};

}  // namespace fn

namespace detail {
template <> struct rewrite_rule<fn::sin, zero> { using type = zero; };
template <> struct rewrite_rule<fn::cos, zero> { using type = one; };
template <> struct rewrite_rule<fn::tan, zero> { using type = zero; };
}  // namespace detail

template <expression A> constexpr auto sin(const A& a) { return detail::call_function<fn::sin>(a); }
template <expression A> constexpr auto cos(const A& a) { return detail::call_function<fn::cos>(a); }
template <expression A> constexpr auto tan(const A& a) { return detail::call_function<fn::tan>(a); }

}  // namespace descent

#endif
