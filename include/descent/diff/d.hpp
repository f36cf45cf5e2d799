// descent/diff/d.hpp: d(f, x), the derivative of f with respect to the variable x, as a new
// expression type.  d(f, x, y) = d(d(f, x), y).
#ifndef DESCENT_DIFF_D_HPP
#define DESCENT_DIFF_D_HPP

#include <descent/diff/derivative.hpp>
#include <descent/expr/literal.hpp>
#include <descent/expr/variable.hpp>

namespace descent {

namespace detail {
template <class T>
concept variable = is_var_v<std::remove_cvref_t<T>>;
}  // namespace detail

struct d_fn {
  template <class F, class... X>
  constexpr auto operator()(const F& f, const X&...) const {
    if constexpr (!expression<F>) {
      static_assert(expression<F>,
                    "descent::d(f, x): f is not a descent expression; build it from descent::var, "
                    "_c constants and descent's operators and functions");
      return;
    } else if constexpr (sizeof...(X) == 0 || !(detail::variable<X> && ...)) {
      static_assert(sizeof...(X) > 0 && (detail::variable<X> && ...),
                    "descent::d(f, x): x must be a variable declared as descent::var<\"name\">");
      return;
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
