// descent/expr/variable.hpp: variables named at compile time, and bindings `x = 1.0`.
#ifndef DESCENT_EXPR_VARIABLE_HPP
#define DESCENT_EXPR_VARIABLE_HPP

#include <concepts>
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
};

}  // namespace descent

#endif
