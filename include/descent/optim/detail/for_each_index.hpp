// descent/optim/detail/for_each_index.hpp: the one loop over a chain's blocks or a
// param_groups' groups, with the index as a compile-time constant.
#ifndef DESCENT_OPTIM_DETAIL_FOR_EACH_INDEX_HPP
#define DESCENT_OPTIM_DETAIL_FOR_EACH_INDEX_HPP

#include <cstddef>
#include <type_traits>
#include <utility>

namespace descent::optim::detail {

/// f(integral_constant<size_t, I>) for I = 0..N-1, in order: the one loop over blocks.
/// (boost::hana::for_each over hana::make_range does the same and was measured slower to
/// compile: +0.5 s in a TU making the 14 named optimizers, g++ 12; docs/design/hana.md.)
template <std::size_t N, class F>
constexpr void for_each_index(F&& f) {
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (f(std::integral_constant<std::size_t, I>{}), ...);
  }(std::make_index_sequence<N>{});
}

}  // namespace descent::optim::detail

#endif  // DESCENT_OPTIM_DETAIL_FOR_EACH_INDEX_HPP
