// descent/diff/d.hpp: d(f, x), the derivative of f with respect to the variable x, as a new
// expression type.  d(f, x, y) = d(d(f, x), y).
#ifndef DESCENT_DIFF_D_HPP
#define DESCENT_DIFF_D_HPP

#include <descent/diff/derivative.hpp>
#include <descent/expr/literal.hpp>
#include <descent/expr/variable.hpp>
#include <descent/node/extension.hpp>

namespace descent {

namespace detail {
template <class T>
concept variable = is_var_v<std::remove_cvref_t<T>>;

// Vector and matrix symbols (descent/shaped) opt in through node/extension.hpp; d(f, w) with
// respect to one is the gradient in matrix form, shaped_gradient<Tree, W>::type.
template <class T>
concept shaped_symbol = is_shaped_symbol_v<std::remove_cvref_t<T>>;
template <class T>
concept differentiation_variable = variable<T> || shaped_symbol<T>;
}  // namespace detail

struct d_fn {
  template <class F, class... X>
  constexpr auto operator()(const F& f, const X&...) const {
    if constexpr (!expression<F>) {
      static_assert(expression<F>,
                    "descent::d(f, x): f is not a descent expression; build it from descent::var, "
                    "_c constants and descent's operators and functions");
      return;
    } else if constexpr (sizeof...(X) == 0 || !(detail::differentiation_variable<X> && ...)) {
      static_assert(sizeof...(X) > 0 && (detail::differentiation_variable<X> && ...),
                    "descent::d(f, x): x must be a variable declared as descent::var<\"name\"> "
                    "(or descent::vec / descent::mat)");
      return;
    } else if constexpr ((detail::shaped_symbol<X> || ...)) {
      static_assert(sizeof...(X) == 1,
                    "descent::d(f, w): with respect to a vector or matrix symbol, one symbol at a time "
                    "(d(f, w) is the gradient; descent::make_objective(...).hessian_vector gives second derivatives)");
      using tree = detail::tree_t<F>;
      return detail::make_expression<typename detail::shaped_gradient<tree, std::remove_cvref_t<X>...>::type>(
          detail::literals_of(f));
    } else {
      using tree = detail::tree_t<F>;
      return detail::make_expression<derivative_chain<tree, std::remove_cvref_t<X>...>>(
          detail::literals_of(f));
    }
  }

 private:
  template <class T, class... Vs>
  struct chain { using type = T; };
  template <class T, class V, class... Vs>
  struct chain<T, V, Vs...> { using type = typename chain<detail::derivative_t<T, V>, Vs...>::type; };
  template <class T, class... Vs>
  using derivative_chain = typename chain<T, Vs...>::type;
};

// d(f, x): the derivative of f with respect to x.  d(f, x, y): the mixed second derivative.
inline constexpr d_fn d{};

}  // namespace descent

#endif
