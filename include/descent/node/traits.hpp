// descent/node/traits.hpp: what can be read off a node type without building anything:
// its kind, its children, a factor as base ^ exponent, whether it depends on a variable, its size as printed, and the
// positive form of a denominator factor (shared by evaluation and printing).
#ifndef DESCENT_NODE_TRAITS_HPP
#define DESCENT_NODE_TRAITS_HPP

#include <cstdint>
#include <initializer_list>
#include <type_traits>

#include <descent/core/type_list.hpp>
#include <descent/node/node.hpp>

namespace descent::detail {

// ---- classification ----------------------------------------------------------------
// Concepts over class traits rather than bool variable templates: a variable instantiated for
// a node type is a symbol named after the whole node, and g++ 12 spends time quadratic in a
// name's length on each (a node of a chain of depth 500 names the 1000 nodes below it).
template <class T> struct is_constant : std::false_type {};
template <std::intmax_t N, std::intmax_t D> struct is_constant<constant<N, D>> : std::true_type {};
template <class T> concept is_constant_v = is_constant<T>::value;

template <class T> struct is_product : std::false_type {};
template <class C, class... Fs> struct is_product<product<C, Fs...>> : std::true_type {};
template <class T> concept is_product_v = is_product<T>::value;

template <class T> struct is_power : std::false_type {};
template <class B, class E> struct is_power<power<B, E>> : std::true_type {};
template <class T> concept is_power_v = is_power<T>::value;

template <class T> struct is_var : std::false_type {};
template <fixed_string N> struct is_var<var<N>> : std::true_type {};
template <class T> concept is_var_v = is_var<T>::value;

template <class T> struct is_literal : std::false_type {};
template <std::size_t I> struct is_literal<literal<I>> : std::true_type {};
template <class T> concept is_literal_v = is_literal<T>::value;

template <class T> inline constexpr rational value_of = {};
template <std::intmax_t N, std::intmax_t D> inline constexpr rational value_of<constant<N, D>> = {N, D};

// ---- children ----------------------------------------------------------------------
template <class T> struct children { using type = type_list<>; };
template <class C, class... Ts> struct children<sum<C, Ts...>> { using type = type_list<Ts...>; };
template <class C, class... Fs> struct children<product<C, Fs...>> { using type = type_list<Fs...>; };
template <class B, class E> struct children<power<B, E>> {
  using type = std::conditional_t<is_constant_v<E>, type_list<B>, type_list<B, E>>;
};
template <class Fn, class... As> struct children<apply<Fn, As...>> { using type = type_list<As...>; };
template <class T> using children_t = typename children<T>::type;

// Any of many flags without a fold expression (clang caps folds at 256 operands).
constexpr bool any_of(std::initializer_list<bool> flags) {
  for (bool f : flags)
    if (f) return true;
  return false;
}

// ---- dependence on a variable (memoized per pair of types) -------------------------
template <class T, class V> struct depends;
template <class L, class V> struct any_depends;
template <class... Cs, class V>
struct any_depends<type_list<Cs...>, V> : std::bool_constant<any_of({false, depends<Cs, V>::value...})> {};
template <class T, class V>
struct depends : std::bool_constant<std::is_same_v<T, V> || any_depends<children_t<T>, V>::value> {};
template <class T, class V>
concept depends_v = depends<T, V>::value;

// A factor as base ^ exponent.
template <class F>
struct factor_parts {
  using base = F;
  using exponent = one;
};
template <class B, class E>
struct factor_parts<power<B, E>> {
  using base = B;
  using exponent = E;
};

// ---- denominators ------------------------------------------------------------------
// A product is evaluated and printed as C * (factors with positive exponents) / (the
// others, with the sign of their exponent flipped): x * y^-2 is x / (y * y), as one would
// write it by hand.  The flipped factor is canonical as built here: B^1 is B, and a
// canonical B^(-p/q) has a canonical B^(p/q) (same base, exponent in lowest terms).
template <class F>
struct positive_factor { using type = F; };
template <class B, std::intmax_t P, std::intmax_t Q>
  requires(P < 0)
struct positive_factor<power<B, constant<P, Q>>> {
  using type = std::conditional_t<P == -1 && Q == 1, B, power<B, constant<-P, Q>>>;
};
template <class F>
using positive_factor_t = typename positive_factor<F>::type;
template <class F>
struct is_denominator : std::false_type {};
template <class B, std::intmax_t P, std::intmax_t Q>
struct is_denominator<power<B, constant<P, Q>>> : std::bool_constant<(P < 0)> {};
template <class F>
concept is_denominator_v = is_denominator<F>::value;

// ---- tree size (nodes of the tree as printed, constants included) -------------------
template <class T> struct tree_size;
template <class L> struct tree_size_children;
template <class... Cs>
struct tree_size_children<type_list<Cs...>> {
  static constexpr unsigned long long value = (tree_size<Cs>::value + ... + 0ULL);
};
template <class T>
struct tree_size {
  static constexpr unsigned long long value = 1 + tree_size_children<children_t<T>>::value;
};
template <class C, class... Ts>
struct tree_size<sum<C, Ts...>> {
  static constexpr unsigned long long value = 1 + !value_of<C>.is_zero() + (tree_size<Ts>::value + ...);
};
template <class C, class... Fs>
struct tree_size<product<C, Fs...>> {
  static constexpr unsigned long long value = 1 + !value_of<C>.is_one() + (tree_size<Fs>::value + ...);
};
template <class B, std::intmax_t P, std::intmax_t Q>
struct tree_size<power<B, constant<P, Q>>> {
  static constexpr unsigned long long value = 2 + tree_size<B>::value;
};

}  // namespace descent::detail

#endif
