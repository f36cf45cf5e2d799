// descent/expr/functions/logsumexp.hpp: log(e^a1 + ... + e^an), evaluated stably.
#ifndef DESCENT_EXPR_FUNCTIONS_LOGSUMEXP_HPP
#define DESCENT_EXPR_FUNCTIONS_LOGSUMEXP_HPP

#include <cmath>
#include <limits>

#include <descent/expr/functions/exp_log.hpp>
#include <descent/expr/functions/function.hpp>

namespace descent {
namespace fn {

struct logsumexp {
  static constexpr std::string_view name = "logsumexp", latex = "\\operatorname{logsumexp}";
  static constexpr bool symmetric = true;
  // m + log(sum e^(ai - m)) with m = max ai: no overflow; -inf and NaN propagate.
  template <class T, class... Ts> static constexpr T eval(T a0, Ts... as) {
    T m = a0;
    ((m = as > m ? as : m), ...);
    constexpr T inf = std::numeric_limits<T>::infinity();
    if (m == inf || m == -inf) return m;  // all -inf, or some +inf
    return m + std::log(std::exp(a0 - m) + (std::exp(as - m) + ...));
  }
  // d/dai = softmax_i = exp(ai - logsumexp(a...))
  template <std::size_t I, class... As>
  using partial = detail::apply_t<exp, detail::difference_t<detail::pack_at<I, As...>, detail::apply_t<logsumexp, As...>>>;
};

}  // namespace fn

namespace detail {
template <class A>
struct rewrite_rule<fn::logsumexp, A> { using type = A; };
}  // namespace detail

// logsumexp(a, b, ...): at least two arguments, at least one an expression.
template <class A, class B, class... Cs>
  requires(operand<A> && operand<B> && (operand<Cs> && ...) &&
           (expression<A> || expression<B> || (expression<Cs> || ...)))
constexpr auto logsumexp(const A& a, const B& b, const Cs&... cs) {
  return detail::call_function<fn::logsumexp>(a, b, cs...);
}

}  // namespace descent

#endif
