// descent/eval/context.hpp: where variables get their values during evaluation.
//
// A context maps a variable to a value: `ctx.get(var)`, with `Ctx::binds<Var>` telling
// whether it can.  binding_set holds `x = 1.0` bindings (any order; bindings for variables
// the expression does not use are ignored); objectives use contexts reading a parameter
// span (eval/sample_context.hpp).
#ifndef DESCENT_EVAL_CONTEXT_HPP
#define DESCENT_EVAL_CONTEXT_HPP

#include <string_view>
#include <type_traits>

#include <descent/expr/variable.hpp>

namespace descent {

namespace detail {
template <class T> inline constexpr bool is_binding_v = false;
template <fixed_string N, class T> inline constexpr bool is_binding_v<binding<N, T>> = true;

template <fixed_string Name, class T>
constexpr T bound_value(const binding<Name, T>& b) { return b.value; }

// How many of the named things (bindings, data columns) name Var.
template <class Var, class... Named>
inline constexpr std::size_t count_named = ((Named::name == Var::name) + ... + std::size_t{0});

// The arithmetic type of an evaluation: float when every binding is float, else double.
template <class... Bs>
using value_type_of = std::conditional_t<
    (sizeof...(Bs) > 0) && (std::is_same_v<typename Bs::value_type, float> && ...), float, double>;
}  // namespace detail

template <class... Bs>
struct binding_set : Bs... {
  using value_type = detail::value_type_of<Bs...>;

  // How many bindings name this variable (0: unbound, 2 or more: bound twice).
  template <class Var>
  static constexpr std::size_t count = detail::count_named<Var, Bs...>;
  template <class Var>
  static constexpr bool binds = count<Var> == 1;

  template <fixed_string Name>
  constexpr value_type get(const var<Name>&) const {
    return static_cast<value_type>(detail::bound_value<Name>(*this));
  }
};

}  // namespace descent

#endif
