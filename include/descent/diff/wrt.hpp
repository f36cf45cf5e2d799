// descent/diff/wrt.hpp: wrt(x, y, ...), the ordered list of variables for grad, hessian,
// value_and_grad and objectives.
#ifndef DESCENT_DIFF_WRT_HPP
#define DESCENT_DIFF_WRT_HPP

#include <descent/diff/d.hpp>

namespace descent {

template <class... Vs>
struct wrt_t {
  static constexpr std::size_t size() noexcept { return sizeof...(Vs); }
  static constexpr std::array<std::string_view, sizeof...(Vs)> names{Vs::name...};
};

namespace detail {
template <class... Vs>
constexpr bool distinct_names() {
  constexpr std::array<std::string_view, sizeof...(Vs)> n{Vs::name...};
  for (std::size_t i = 0; i < n.size(); ++i)
    for (std::size_t j = i + 1; j < n.size(); ++j)
      if (n[i] == n[j]) return false;
  return true;
}
template <class T> inline constexpr bool is_wrt_v = false;
template <class... Vs> inline constexpr bool is_wrt_v<wrt_t<Vs...>> = true;
}  // namespace detail

struct wrt_fn {
  template <class... Vs>
  constexpr auto operator()(const Vs&...) const {
    static_assert((detail::differentiation_variable<Vs> && ...),
                  "descent::wrt(x, ...): every argument must be a variable declared as descent::var<\"name\"> "
                  "(or descent::vec<\"name\", N> / descent::mat<\"name\", R, C>)");
    if constexpr ((detail::differentiation_variable<Vs> && ...)) {
      static_assert(detail::distinct_names<Vs...>(), "descent::wrt(x, ...): a variable is listed twice");
      return wrt_t<std::remove_cvref_t<Vs>...>{};
    }
  }
};
// wrt(x, y): the variables to differentiate with respect to, in this order.
inline constexpr wrt_fn wrt{};

}  // namespace descent

#endif
