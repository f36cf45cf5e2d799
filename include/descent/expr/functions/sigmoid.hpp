// descent/expr/functions/sigmoid.hpp: tanh, sigmoid, softplus (smooth activations).
#ifndef DESCENT_EXPR_FUNCTIONS_SIGMOID_HPP
#define DESCENT_EXPR_FUNCTIONS_SIGMOID_HPP

#include <cmath>

#include <descent/expr/functions/function.hpp>

namespace descent {
namespace fn {

struct tanh {
  static constexpr std::string_view name = "tanh", latex = "\\tanh";
  template <class T> static constexpr T eval(T a) { return std::tanh(a); }
  // tanh' = 1 - tanh^2
  template <std::size_t, class A>
  using partial = detail::difference_t<detail::one, detail::power_t<detail::apply_t<tanh, A>, detail::constant<2>>>;
};
// 1 / (1 + e^-a), evaluated without overflow for large |a|.
struct sigmoid {
  static constexpr std::string_view name = "sigmoid", latex = "\\sigma";
  template <class T> static constexpr T eval(T a) {
    if (a >= T(0)) return T(1) / (T(1) + std::exp(-a));
    const T e = std::exp(a);
    return e / (T(1) + e);
  }
  // sigmoid' = sigmoid * (1 - sigmoid)
  template <std::size_t, class A>
  using partial = detail::product_t<detail::apply_t<sigmoid, A>,
                                    detail::difference_t<detail::one, detail::apply_t<sigmoid, A>>>;
};
// log(1 + e^a), evaluated as max(a, 0) + log1p(e^-|a|): no overflow, no cancellation.
struct softplus {
  static constexpr std::string_view name = "softplus", latex = "\\operatorname{softplus}";
  template <class T> static constexpr T eval(T a) {
    return (a > T(0) ? a : T(0)) + std::log1p(std::exp(-(a < T(0) ? -a : a)));
  }
  template <std::size_t, class A> using partial = detail::apply_t<sigmoid, A>;
};

}  // namespace fn

namespace detail {
template <> struct rewrite_rule<fn::tanh, zero> { using type = zero; };
template <> struct rewrite_rule<fn::sigmoid, zero> { using type = constant<1, 2>; };
}  // namespace detail

template <expression A> constexpr auto tanh(const A& a) { return detail::call_function<fn::tanh>(a); }
template <expression A> constexpr auto sigmoid(const A& a) { return detail::call_function<fn::sigmoid>(a); }
template <expression A> constexpr auto softplus(const A& a) { return detail::call_function<fn::softplus>(a); }

}  // namespace descent

#endif
