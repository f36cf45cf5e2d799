// descent/expr/node.hpp: the node types every expression is made of.
//
// An expression's *type* is its tree: nodes are empty structural types (CTRE-style), so
// two equal subexpressions have one type, which is what lets derivatives be computed by the
// compiler and common subexpressions be found by type identity.  Runtime numbers (a double
// written in an expression) are `literal<I>` nodes that index an array carried next to the
// tree (see expr/literal.hpp).
//
// Canonical forms (kept by the builders in simplify/):
//   constant<N, D>     exact rational N/D in lowest terms, D > 0
//   literal<I>         the I-th runtime constant of the expression
//   var<"x">           a scalar variable (expr/variable.hpp)
//   sum<C, T...>       C + T1 + ... ; C a constant, T... >= 1 non-constant terms, sorted,
//                      no two with the same non-numeric part, none of them a sum
//   product<C, F...>   C * F1 * ... ; C a non-zero constant, F... factors sorted by base,
//                      no two with the same base, none a product or constant; C != 1 or
//                      two factors or more
//   power<B, E>        B ^ E ; E != 0, 1; B not a product when E is an integer
//   apply<Fn, A...>    a function: Fn is a tag type (exp, sin, ..., max, logsumexp)
#ifndef DESCENT_EXPR_NODE_HPP
#define DESCENT_EXPR_NODE_HPP

#include <concepts>
#include <initializer_list>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include <descent/core/fixed_string.hpp>
#include <descent/core/hash.hpp>
#include <descent/core/rational.hpp>
#include <descent/core/type_list.hpp>

namespace descent {

// Every expression derives from expression_base; it also makes namespace descent an
// associated namespace, so `sq(x)`, `exp(x)` are found by argument-dependent lookup.
struct expression_base {};

// An expression: anything built from descent's variables, constants and functions.
template <class T>
concept expression = std::derived_from<std::remove_cvref_t<T>, expression_base>;

template <fixed_string Name>
struct var;

namespace expr {

template <std::intmax_t N, std::intmax_t D = 1>
struct constant : expression_base {
  static_assert(D > 0, "descent: constant<N, D> needs D > 0");
  static constexpr detail::rational value{N, D};
};

template <std::size_t I>
struct literal : expression_base {};

template <class C, class... Ts>
struct sum : expression_base {};

template <class C, class... Fs>
struct product : expression_base {};

template <class B, class E>
struct power : expression_base {};

template <class Fn, class... As>
struct apply : expression_base {};

}  // namespace expr

namespace detail {

using expr::apply;
using expr::constant;
using expr::literal;
using expr::power;
using expr::product;
using expr::sum;

// constant_of<N, D>: the canonical constant N/D (lowest terms).  Integer parameters, not a
// rational one: GCC 12 crashes on dependent class-type template arguments here.
template <std::intmax_t N, std::intmax_t D>
struct constant_of {
  static constexpr rational r{N, D};
  using type = constant<r.num, r.den>;
};

using zero = constant<0>;
using one = constant<1>;

// ---- classification ----------------------------------------------------------------
template <class T> inline constexpr bool is_constant_v = false;
template <std::intmax_t N, std::intmax_t D> inline constexpr bool is_constant_v<constant<N, D>> = true;

template <class T> inline constexpr bool is_product_v = false;
template <class C, class... Fs> inline constexpr bool is_product_v<product<C, Fs...>> = true;

template <class T> inline constexpr bool is_power_v = false;
template <class B, class E> inline constexpr bool is_power_v<power<B, E>> = true;

template <class T> inline constexpr bool is_var_v = false;
template <fixed_string N> inline constexpr bool is_var_v<var<N>> = true;

template <class T> inline constexpr bool is_literal_v = false;
template <std::size_t I> inline constexpr bool is_literal_v<literal<I>> = true;

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
inline constexpr bool depends_v = depends<T, V>::value;

// ---- structural hash and canonical order ---------------------------------------------
enum class kind : unsigned { constant, literal, variable, function, sum };

template <class T> struct hash_of;
template <class T> inline constexpr std::uint64_t hash_v = hash_of<T>::value;

template <std::intmax_t N, std::intmax_t D>
struct hash_of<constant<N, D>> {
  static constexpr std::uint64_t value = mix(mix(1, static_cast<std::uint64_t>(N)), static_cast<std::uint64_t>(D));
};
template <std::size_t I>
struct hash_of<literal<I>> { static constexpr std::uint64_t value = mix(2, I); };
template <fixed_string N>
struct hash_of<var<N>> { static constexpr std::uint64_t value = mix(3, hash_string(N.view())); };
template <class C, class... Ts>
struct hash_of<sum<C, Ts...>> {
  static constexpr std::uint64_t value = [] {
    std::uint64_t h = mix(4, hash_v<C>);
    for (std::uint64_t c : {std::uint64_t{0}, hash_v<Ts>...}) h = mix(h, c);
    return h;
  }();
};
template <class C, class... Fs>
struct hash_of<product<C, Fs...>> {
  static constexpr std::uint64_t value = [] {
    std::uint64_t h = mix(5, hash_v<C>);
    for (std::uint64_t c : {std::uint64_t{0}, hash_v<Fs>...}) h = mix(h, c);
    return h;
  }();
};
template <class B, class E>
struct hash_of<power<B, E>> { static constexpr std::uint64_t value = mix(mix(6, hash_v<B>), hash_v<E>); };
template <class Fn, class... As>
struct hash_of<apply<Fn, As...>> {
  static constexpr std::uint64_t value = [] {
    std::uint64_t h = mix(7, hash_string(Fn::name));
    for (std::uint64_t c : {std::uint64_t{0}, hash_v<As>...}) h = mix(h, c);
    return h;
  }();
};

// The canonical order of terms and factors: literals, then variables by name, then the
// rest; powers sort next to their base.  Ties (distinct types, equal keys) only cost
// canonicity, never correctness: equality is decided by type identity.
struct order_key {
  unsigned k = 0;
  std::uint64_t a = 0, b = 0;
  friend constexpr bool operator<(const order_key& x, const order_key& y) {
    if (x.k != y.k) return x.k < y.k;
    if (x.a != y.a) return x.a < y.a;
    return x.b < y.b;
  }
};

constexpr std::uint64_t name_prefix(std::string_view s) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8; ++i) v = (v << 8) | (i < s.size() ? static_cast<unsigned char>(s[i]) : 0u);
  return v;
}

template <class T> struct key_of {
  static constexpr order_key value{static_cast<unsigned>(kind::function), hash_v<T>, 0};
};
template <class T> inline constexpr order_key key_v = key_of<T>::value;
template <std::intmax_t N, std::intmax_t D> struct key_of<constant<N, D>> {
  static constexpr order_key value{static_cast<unsigned>(kind::constant), hash_v<constant<N, D>>, 0};
};
template <std::size_t I> struct key_of<literal<I>> {
  static constexpr order_key value{static_cast<unsigned>(kind::literal), I, 0};
};
template <fixed_string N> struct key_of<var<N>> {
  static constexpr order_key value{static_cast<unsigned>(kind::variable), name_prefix(N.view()), hash_v<var<N>>};
};
template <class B, class E> struct key_of<power<B, E>> {
  static constexpr order_key value{key_v<B>.k, key_v<B>.a, mix(key_v<B>.b, hash_v<E>)};
};
template <class C, class F, class... Fs> struct key_of<product<C, F, Fs...>> {
  static constexpr order_key value{key_v<F>.k, key_v<F>.a, hash_v<product<C, F, Fs...>>};
};
template <class C, class... Ts> struct key_of<sum<C, Ts...>> {
  static constexpr order_key value{static_cast<unsigned>(kind::sum), hash_v<sum<C, Ts...>>, 0};
};

}  // namespace detail
}  // namespace descent

#endif
