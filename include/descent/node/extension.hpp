// descent/node/extension.hpp: the hooks through which vector and matrix expressions
// (descent/shaped) join the scalar language's entry points.
//
// The scalar language's d, wrt, grad, eval and make_objective stay the user's entry points;
// when their arguments hold shaped nodes, symbols or bindings, they hand over to the
// functions declared here, which descent/shaped defines.  Including <descent/shaped.hpp>
// brings the definitions.
#ifndef DESCENT_NODE_EXTENSION_HPP
#define DESCENT_NODE_EXTENSION_HPP

#include <type_traits>

#include <descent/node/dag.hpp>
#include <descent/node/traits.hpp>

namespace descent::detail {

// vec, mat (descent/shaped/symbol.hpp) and the shaped nodes specialize these.
template <class T> inline constexpr bool is_shaped_symbol_v = false;
template <class T> inline constexpr bool is_shaped_v = is_shaped_symbol_v<T>;
// Bindings of shaped symbols (w = array, x = X, label = labels).
template <class T> inline constexpr bool is_shaped_binding_v = false;

template <class T> struct contains_shaped;
template <class L> struct any_contains_shaped;
template <class... Cs>
struct any_contains_shaped<type_list<Cs...>> : std::bool_constant<any_of({false, contains_shaped<Cs>::value...})> {};
template <class T>
struct contains_shaped : std::bool_constant<is_shaped_v<T> || any_contains_shaped<children_t<T>>::value> {};
template <class T> inline constexpr bool contains_shaped_v = contains_shaped<warm_t<contains_shaped, T>>::value;

// A list of symbols (wrt(...)) holding a shaped one.
template <class W> struct list_has_shaped : std::false_type {};
template <template <class...> class L, class... Vs>
struct list_has_shaped<L<Vs...>> : std::bool_constant<any_of({false, is_shaped_symbol_v<Vs>...})> {};

// The gradient of Tree with respect to the shaped symbol W, in matrix form.
template <class Tree, class W> struct shaped_gradient;
// hessian(f, wrt(w)) for a vector symbol w: a matrix expression (descent/shaped/jacobian.hpp).
template <class Tree, class W> struct shaped_hessian;
// make_objective and eval of shaped expressions.
template <class F, class W, class... Bs> auto make_shaped_objective(const F& f, W, const Bs&... bs);
template <class F, class... Bs> auto shaped_eval(const F& f, const Bs&... bs);

}  // namespace descent::detail

#endif
