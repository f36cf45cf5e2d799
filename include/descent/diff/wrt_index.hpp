// descent/diff/wrt_index.hpp: the position of a variable in wrt(x, y, ...), at compile time
// (W::size() when it is not listed): how a parameter vector ordered as wrt(...) is read.
#ifndef DESCENT_DIFF_WRT_INDEX_HPP
#define DESCENT_DIFF_WRT_INDEX_HPP

#include <cstddef>
#include <type_traits>

#include <descent/diff/wrt.hpp>

namespace descent::detail {

template <class W> struct wrt_index;
template <class... Vs> struct wrt_index<wrt_t<Vs...>> {
  template <class Var>
  static constexpr std::size_t of = [] {
    constexpr bool hits[] = {std::is_same_v<Var, Vs>..., false};
    for (std::size_t i = 0; i < sizeof...(Vs); ++i)
      if (hits[i]) return i;
    return sizeof...(Vs);
  }();
};

// Whether Var is one of the variables of W.
template <class W, class Var>
inline constexpr bool in_wrt_v = wrt_index<W>::template of<Var> < W::size();

}  // namespace descent::detail

#endif
