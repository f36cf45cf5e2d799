// descent/expr/functions/nonsmooth.hpp: abs, relu, min, max and the sign and step functions
// their derivatives are made of.
//
// Subgradients at the kinks (the same choices as PyTorch):
//   abs'(0) = 0          (d|a| = sign(a) da, sign(0) = 0)
//   relu'(0) = 0         (d relu(a) = step(a) da, step(0) = 0)
//   max(a, b), min(a, b) at a == b: each argument gets 1/2, the midpoint of the
//                        subdifferential: max = (a + b)/2 + |a - b|/2, so
//                        d max = (1 + sign(a - b))/2 da + (1 - sign(a - b))/2 db
//   sign, step: derivative 0 (everywhere but at 0, where none exists; 0 is used there)
#ifndef DESCENT_EXPR_FUNCTIONS_NONSMOOTH_HPP
#define DESCENT_EXPR_FUNCTIONS_NONSMOOTH_HPP

#include <descent/expr/functions/function.hpp>

namespace descent {
namespace fn {

// -1, 0 or 1
struct sign {
  static constexpr std::string_view name = "sign", latex = "\\operatorname{sign}";
  template <class T> static constexpr T eval(T a) { return T((a > T(0)) - (a < T(0))); }
  template <std::size_t, class A> using partial = detail::zero;
};
// Heaviside step: 1 for a > 0, else 0
struct step {
  static constexpr std::string_view name = "step", latex = "H";
  template <class T> static constexpr T eval(T a) { return a > T(0) ? T(1) : T(0); }
  template <std::size_t, class A> using partial = detail::zero;
};
struct abs {
  static constexpr std::string_view name = "abs", latex = "\\operatorname{abs}";
  template <class T> static constexpr T eval(T a) { return a < T(0) ? -a : a; }
  template <std::size_t, class A> using partial = detail::apply_t<sign, A>;
};
struct relu {
  static constexpr std::string_view name = "relu", latex = "\\operatorname{relu}";
  template <class T> static constexpr T eval(T a) { return a > T(0) ? a : (a == a ? T(0) : a); }
  template <std::size_t, class A> using partial = detail::apply_t<step, A>;
};

struct max {
  static constexpr std::string_view name = "max", latex = "\\max";
  static constexpr bool symmetric = true;
  template <class T> static constexpr T eval(T a, T b) {
    if (a != a) return a;  // NaN propagates (a training guard must see it)
    if (b != b) return b;
    return a < b ? b : a;
  }
  template <std::size_t I, class A, class B>
  using partial = detail::product_t<
      detail::constant<1, 2>,
      detail::sum_t<detail::one, detail::product_t<detail::constant<I == 0 ? 1 : -1>,
                                                   detail::apply_t<sign, detail::difference_t<A, B>>>>>;
};
struct min {
  static constexpr std::string_view name = "min", latex = "\\min";
  static constexpr bool symmetric = true;
  template <class T> static constexpr T eval(T a, T b) {
    if (a != a) return a;
    if (b != b) return b;
    return b < a ? b : a;
  }
  template <std::size_t I, class A, class B>
  using partial = detail::product_t<
      detail::constant<1, 2>,
      detail::sum_t<detail::one, detail::product_t<detail::constant<I == 0 ? -1 : 1>,
                                                   detail::apply_t<sign, detail::difference_t<A, B>>>>>;
};

}  // namespace fn

namespace detail {
template <std::intmax_t N, std::intmax_t D>
struct rewrite_rule<fn::sign, constant<N, D>> { using type = constant<(N > 0) - (N < 0)>; };
template <std::intmax_t N, std::intmax_t D>
struct rewrite_rule<fn::step, constant<N, D>> { using type = constant<(N > 0)>; };
template <std::intmax_t N, std::intmax_t D>
struct rewrite_rule<fn::abs, constant<N, D>> { using type = constant<(N < 0 ? -N : N), D>; };
template <class A>
struct rewrite_rule<fn::abs, apply<fn::abs, A>> { using type = apply<fn::abs, A>; };
template <std::intmax_t N, std::intmax_t D>
struct rewrite_rule<fn::relu, constant<N, D>> { using type = constant<(N > 0 ? N : 0), (N > 0 ? D : 1)>; };
template <class A>
struct rewrite_rule<fn::max, A, A> { using type = A; };
template <class A>
struct rewrite_rule<fn::min, A, A> { using type = A; };
template <std::intmax_t N1, std::intmax_t D1, std::intmax_t N2, std::intmax_t D2>
struct rewrite_rule<fn::max, constant<N1, D1>, constant<N2, D2>> {
  using type = std::conditional_t<(rational{N1, D1} < rational{N2, D2}), constant<N2, D2>, constant<N1, D1>>;
};
template <std::intmax_t N1, std::intmax_t D1, std::intmax_t N2, std::intmax_t D2>
struct rewrite_rule<fn::min, constant<N1, D1>, constant<N2, D2>> {
  using type = std::conditional_t<(rational{N2, D2} < rational{N1, D1}), constant<N2, D2>, constant<N1, D1>>;
};
template <std::intmax_t N, std::intmax_t D>
struct rewrite_rule<fn::max, constant<N, D>, constant<N, D>> { using type = constant<N, D>; };
template <std::intmax_t N, std::intmax_t D>
struct rewrite_rule<fn::min, constant<N, D>, constant<N, D>> { using type = constant<N, D>; };
}  // namespace detail

template <expression A> constexpr auto abs(const A& a) { return detail::call_function<fn::abs>(a); }
template <expression A> constexpr auto sign(const A& a) { return detail::call_function<fn::sign>(a); }
template <expression A> constexpr auto step(const A& a) { return detail::call_function<fn::step>(a); }
template <expression A> constexpr auto relu(const A& a) { return detail::call_function<fn::relu>(a); }
template <class A, class B>
  requires detail::expression_operands<A, B>
constexpr auto max(const A& a, const B& b) { return detail::call_function<fn::max>(a, b); }
template <class A, class B>
  requires detail::expression_operands<A, B>
constexpr auto min(const A& a, const B& b) { return detail::call_function<fn::min>(a, b); }

}  // namespace descent

#endif
