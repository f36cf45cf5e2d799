// descent/expr/variable.hpp: variables named at compile time, and bindings `x = 1.0`.
#ifndef DESCENT_EXPR_VARIABLE_HPP
#define DESCENT_EXPR_VARIABLE_HPP

#include <concepts>
#include <ranges>
#include <span>
#include <string_view>
#include <type_traits>

#include <descent/expr/node.hpp>

namespace descent {

// A value bound to the variable called Name: what `x = 1.0` makes.
template <fixed_string Name, class T>
struct binding {
  static constexpr std::string_view name = Name.view();
  using value_type = T;
  T value;
};

// A column of data bound to the variable called Name: what `x = xs` makes for a contiguous
// range xs of numbers (one value per sample).  It views xs: xs must outlive its use, so only
// lvalue ranges bind (a temporary vector is refused at compile time).
template <fixed_string Name, class T>
struct column {
  static constexpr std::string_view name = Name.view();
  using value_type = T;
  std::span<const T> values;
};

namespace detail {
// Integers bind as double; float stays float.
template <class T>
using bound_type = std::conditional_t<std::is_floating_point_v<T>, T, double>;
}  // namespace detail

// A scalar variable.  `constexpr descent::var<"x"> x;` declares it; `x = 1.0` binds it.
template <fixed_string Name>
struct var : expression_base {
  static constexpr std::string_view name = Name.view();

  template <class T>
    requires std::is_arithmetic_v<T>
  constexpr binding<Name, detail::bound_type<T>> operator=(T v) const noexcept {
    return {static_cast<detail::bound_type<T>>(v)};
  }

  template <std::ranges::contiguous_range R>
    requires std::is_floating_point_v<std::ranges::range_value_t<R>>
  constexpr auto operator=(R&& r) const noexcept {
    static_assert(std::is_lvalue_reference_v<R>,
                  "descent: `x = data` binds a column by reference; pass a named vector or span, "
                  "not a temporary that would be destroyed before use");
    using T = std::remove_cv_t<std::ranges::range_value_t<R>>;
    return column<Name, T>{std::span<const T>(std::ranges::data(r), std::ranges::size(r))};
  }
};

}  // namespace descent

#endif
