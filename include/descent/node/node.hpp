// descent/node/node.hpp: the node types every expression is made of.
//
// An expression's *type* is its tree: nodes are empty structural types (CTRE-style), so
// two equal subexpressions have one type, which is what lets derivatives be computed by the
// compiler and common subexpressions be found by type identity.  Runtime numbers (a double
// written in an expression) are `literal<I>` nodes that index an array carried next to the
// tree (see expr/literal.hpp).
//
// This is the floor every expression area stands on: simplify/ builds canonical nodes,
// expr/ gives the user's operators and functions, diff/, eval/ and print/ read nodes.
//
// Canonical forms (kept by the builders in simplify/):
//   constant<N, D>     exact rational N/D in lowest terms, D > 0
//   literal<I>         the I-th runtime constant of the expression
//   var<"x">           a scalar variable (declared here, defined in expr/variable.hpp)
//   sum<C, T...>       C + T1 + ... ; C a constant, T... >= 1 non-constant terms, sorted,
//                      no two with the same non-numeric part, none of them a sum
//   product<C, F...>   C * F1 * ... ; C a non-zero constant, F... factors sorted by base,
//                      no two with the same base, none a product or constant; C != 1 or
//                      two factors or more
//   power<B, E>        B ^ E ; E != 0, 1; B not a product when E is an integer
//   apply<Fn, A...>    a function: Fn is a tag type (exp, sin, ..., max, logsumexp)
#ifndef DESCENT_NODE_NODE_HPP
#define DESCENT_NODE_NODE_HPP

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include <descent/core/fixed_string.hpp>
#include <descent/core/rational.hpp>

namespace descent {

// Every expression derives from expression_base; it also makes namespace descent an
// associated namespace, so `sq(x)`, `exp(x)` are found by argument-dependent lookup.
struct expression_base {};

// An expression: anything built from descent's variables, constants and functions.
// (std::is_base_of rather than std::derived_from, whose is_convertible_v is a variable
// instantiated per type, a symbol named after the whole expression: with g++ 12 the cost of
// such names grows faster than their length, and each operator of a deep chain made one.
// Every expression derives publicly from expression_base, so the two agree.)
template <class T>
concept expression = std::is_base_of<expression_base, std::remove_cvref_t<T>>::value;

// The leaf for a variable; defined with its binding operators in expr/variable.hpp.
template <fixed_string Name>
struct var;

namespace node {

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

}  // namespace node

namespace detail {

using node::apply;
using node::constant;
using node::literal;
using node::power;
using node::product;
using node::sum;

// constant_of<N, D>: the canonical constant N/D (lowest terms).  Integer parameters, not a
// rational one: GCC 12 crashes on dependent class-type template arguments here.
template <std::intmax_t N, std::intmax_t D>
struct constant_of {
  static constexpr rational r{N, D};
  using type = constant<r.num, r.den>;
};

using zero = constant<0>;
using one = constant<1>;

}  // namespace detail
}  // namespace descent

#endif
