// How descent::minimize and the checkpoint functions see "params": any contiguous range of
// double or float (std::span, std::vector, std::array, Eigen maps via std::span).
#ifndef DESCENT_TRAIN_DETAIL_PARAMS_HPP
#define DESCENT_TRAIN_DETAIL_PARAMS_HPP

#include <concepts>
#include <ranges>
#include <span>
#include <type_traits>

namespace descent::detail {

template <class P>
using param_element_t = std::remove_reference_t<std::ranges::range_reference_t<P>>;

/// P is a contiguous sized range of (possibly const) double or float.
template <class P>
concept readable_params = std::ranges::contiguous_range<P> && std::ranges::sized_range<P> &&
    (std::same_as<std::remove_const_t<param_element_t<P>>, double> ||
     std::same_as<std::remove_const_t<param_element_t<P>>, float>);

/// ... whose elements can be written.
template <class P>
concept writable_params = readable_params<P> && !std::is_const_v<param_element_t<P>>;

/// The number type of params: double or float (double when P is not params at all, so
/// that a failed static_assert does not cascade).
template <class P>
struct param_value {
  using type = double;
};
template <readable_params P>
struct param_value<P> {
  using type = std::remove_const_t<param_element_t<P>>;
};
template <class P>
using param_value_t = typename param_value<std::remove_reference_t<P>>::type;

template <class P>
auto as_span(P& p) {
  return std::span<param_element_t<P>>(std::ranges::data(p), std::ranges::size(p));
}

}  // namespace descent::detail

#endif  // DESCENT_TRAIN_DETAIL_PARAMS_HPP
