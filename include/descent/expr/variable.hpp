// descent/expr/variable.hpp: variables named at compile time, and bindings `x = 1.0`.
#ifndef DESCENT_EXPR_VARIABLE_HPP
#define DESCENT_EXPR_VARIABLE_HPP

#include <concepts>
#include <span>
#include <string_view>
#include <type_traits>

#include <descent/node/node.hpp>

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

// Integer class labels bound to the variable called Name, one per sample (`label = labels`
// for a vector of integers; read by v[label] in vector expressions, descent/shaped).  Views
// the labels, as a column does.
template <fixed_string Name, class T>
struct label_column {
  static constexpr std::string_view name = Name.view();
  using value_type = double;
  std::span<const T> values;
};

namespace detail {
template <class R>
using label_element_t = std::remove_cv_t<std::remove_pointer_t<decltype(std::data(std::declval<R&>()))>>;
template <class R>
concept contiguous_integers = requires(R& r) {
  std::data(r);
  std::size(r);
} && std::is_integral_v<label_element_t<R>> && !std::is_same_v<label_element_t<R>, bool>;

// What a data column can bind: contiguous numbers behind std::data / std::size (a vector, an
// array, a span).  Written without <ranges>, which would double the cost of including the
// expression language.
template <class R>
using column_element_t = std::remove_cv_t<std::remove_pointer_t<decltype(std::data(std::declval<R&>()))>>;
template <class R>
concept contiguous_numbers = requires(R& r) {
  { std::data(r) } -> std::convertible_to<const column_element_t<R>*>;
  std::size(r);
} && std::is_floating_point_v<column_element_t<R>>;

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

  template <class R>
    requires detail::contiguous_numbers<std::remove_reference_t<R>>
  constexpr auto operator=(R&& r) const noexcept {
    static_assert(std::is_lvalue_reference_v<R>,
                  "descent: `x = data` binds a column by reference; pass a named vector or span, "
                  "not a temporary that would be destroyed before use");
    using T = detail::column_element_t<std::remove_reference_t<R>>;
    return column<Name, T>{std::span<const T>(std::data(r), std::size(r))};
  }

  // Integer class labels, one per sample.
  template <class R>
    requires detail::contiguous_integers<std::remove_reference_t<R>>
  constexpr auto operator=(R&& r) const noexcept {
    static_assert(std::is_lvalue_reference_v<R>,
                  "descent: `label = labels` binds the labels by reference; pass a named vector or span, "
                  "not a temporary that would be destroyed before use");
    using T = detail::label_element_t<std::remove_reference_t<R>>;
    return label_column<Name, T>{std::span<const T>(std::data(r), std::size(r))};
  }
};

}  // namespace descent

#endif
