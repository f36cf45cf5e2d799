// descent/expr/literal.hpp: runtime numbers inside expressions.
//
// `2.5 * x` keeps 2.5 in the expression object: the tree holds a node literal<I> that
// indexes an array of doubles stored by value next to it.  When two expressions are
// combined their arrays are concatenated and the right operand's indices shifted, so every
// runtime number has its own index and equal types still mean equal values (the basis of
// type-identity common-subexpression elimination).  Expressions without runtime numbers are
// empty types.  Operands are always held by value: `auto e = f + g;` never dangles.
#ifndef DESCENT_EXPR_LITERAL_HPP
#define DESCENT_EXPR_LITERAL_HPP

#include <array>
#include <cstddef>
#include <initializer_list>
#include <type_traits>
#include <utility>

#include <descent/core/type_list.hpp>
#include <descent/node/dag.hpp>
#include <descent/node/traits.hpp>

namespace descent {
namespace expr {

// (The numbers are a base of their own, so that combine can copy them through a function
// templated on N alone: see combine.)
// (Not zero-initialised: every operator writes all N numbers.  With the zeroing, each
// `e * x + 1.0` of a chain of d steps began with a memset of its k numbers before copying
// them, and clang 14's SROA spent O(d^2) time splitting those memsets: a Horner chain of
// depth 200 took 28 s at -O2, 9.4 s without; see docs/performance.md, "Compile time".)
template <std::size_t N>
struct literal_store {
  std::array<double, N> values;
};

template <class Tree, std::size_t N>
struct with_literals : expression_base, literal_store<N> {};

}  // namespace expr

namespace detail {

using expr::literal_store;
using expr::with_literals;

// (count_type: the count of runtime numbers as a type, not a static member, which would be a
// symbol named after the whole tree.)
template <class E>
struct expr_traits {
  using tree = E;
  using count_type = std::integral_constant<std::size_t, 0>;
};
template <class Tree, std::size_t N>
struct expr_traits<with_literals<Tree, N>> {
  using tree = Tree;
  using count_type = std::integral_constant<std::size_t, N>;
};
template <class E>
using tree_t = typename expr_traits<std::remove_cvref_t<E>>::tree;
template <class E>
inline constexpr std::size_t literal_count_v = expr_traits<std::remove_cvref_t<E>>::count_type::value;

template <class E>
constexpr std::array<double, literal_count_v<E>> literals_of(const E& e) {
  if constexpr (literal_count_v<E> == 0) return {};
  else return e.values;
}

// The runtime numbers of an expression as a pointer (nullptr when it has none): what the
// evaluator reads, without copying the array.
template <class E>
constexpr const double* literal_data(const E& e) {
  if constexpr (literal_count_v<E> == 0) return nullptr;
  else return e.values.data();
}

template <class T> struct has_literals;
template <class L> struct any_has_literals;
template <class... Cs>
struct any_has_literals<type_list<Cs...>> : std::bool_constant<any_of({false, has_literals<Cs>::value...})> {};
template <class T>
struct has_literals : std::bool_constant<is_literal_v<T> || any_has_literals<children_t<T>>::value> {};

// The expression object for a tree and its runtime numbers.
template <class Tree, std::size_t N>
constexpr auto make_expression(const std::array<double, N>& values) {
  if constexpr (N == 0 || !has_literals<Tree>::value) return Tree{};
  else return with_literals<Tree, N>{{}, {values}};
}

// shift_t<T, Off>: T with every literal<I> renumbered literal<I + Off>.
template <class T, std::size_t Off>
struct shift { using type = T; };
template <class T, std::size_t Off>
using shift_t = typename std::conditional_t<Off == 0 || !has_literals<T>::value,
                                            std::type_identity<T>, shift<T, Off>>::type;
template <std::size_t I, std::size_t Off>
struct shift<literal<I>, Off> { using type = literal<I + Off>; };
template <class C, class... Ts, std::size_t Off>
struct shift<sum<C, Ts...>, Off> { using type = sum<C, shift_t<Ts, Off>...>; };
template <class C, class... Fs, std::size_t Off>
struct shift<product<C, Fs...>, Off> { using type = product<C, shift_t<Fs, Off>...>; };
template <class B, class E, std::size_t Off>
struct shift<power<B, E>, Off> { using type = power<shift_t<B, Off>, shift_t<E, Off>>; };
template <class Fn, class... As, std::size_t Off>
struct shift<apply<Fn, As...>, Off> { using type = apply<Fn, shift_t<As, Off>...>; };

// combine<Build>(e...): the expression Build<trees...> with the operands' runtime numbers; an
// operand may also be a plain number (a runtime constant).  One function per call site's
// operand types: everything else is a class or a function templated on sizes only (with
// g++ the cost of a function's mangled name grows faster than its length, and an operand of
// a deep chain names the whole chain: a Horner chain of depth 200 spent 24 of 42 s on
// the names of the helpers this used to instantiate for each operator).
struct number_operand { using tree = literal<0>; };
template <class E>
using operand_tree_t = typename std::conditional_t<std::is_arithmetic<E>::value, number_operand, expr_traits<E>>::tree;
template <class E>
using operand_count = std::integral_constant<std::size_t, std::is_arithmetic<E>::value ? 1 : expr_traits<E>::count_type::value>;

constexpr std::size_t offset_of(std::size_t i, std::initializer_list<std::size_t> counts) {
  std::size_t total = 0, k = 0;
  for (std::size_t c : counts) {
    if (k++ == i) break;
    total += c;
  }
  return total;
}

template <template <class...> class Build, class Seq, class... Es>
struct combine_plan;
template <template <class...> class Build, std::size_t... Is, class... Es>
struct combine_plan<Build, std::index_sequence<Is...>, Es...> {
  using tree = built_t<Build<shift_t<operand_tree_t<Es>, offset_of(Is, {operand_count<Es>::value...})>...>>;
  using total = std::integral_constant<std::size_t, offset_of(sizeof...(Es), {operand_count<Es>::value...})>;
};

template <std::size_t N>
constexpr void append_literals(double*& out, const literal_store<N>* s) {
  for (double v : s->values) *out++ = v;
}
template <class N>
  requires std::is_arithmetic_v<N>
constexpr void append_literals(double*& out, const N* v) {
  *out++ = static_cast<double>(*v);
}
constexpr void append_literals(double*&, const void*) {}  // a tree without runtime numbers

// combined_t<Build, Es...>: what combine returns (the tree alone when no runtime number is
// left in it).
template <template <class...> class Build, class... Es>
struct combined {
  using plan = combine_plan<Build, std::index_sequence_for<Es...>, Es...>;
  using tree = typename plan::tree;
  using type = std::conditional_t<plan::total::value == 0 || !has_literals<tree>::value, tree,
                                  with_literals<tree, plan::total::value>>;
};
template <template <class...> class Build, class... Es>
using combined_t = typename combined<Build, Es...>::type;
// An expression that carries runtime numbers.
template <class R>
concept stores_literals = requires(R& r) { r.values.data(); };

// (The scalar operators do what combine does in their own bodies, with the same three
// statements, instead of calling it: with g++ 12 every function templated on the operands
// is a symbol named after them, and one more per operator of a Horner chain of depth 500
// cost a third of its compile time.)
template <template <class...> class Build, class... Es>
constexpr auto combine(const Es&... es) {
  combined_t<Build, Es...> r;  // (written in full below: see literal_store)
  if constexpr (stores_literals<decltype(r)>) {
    double* out = r.values.data();
    (append_literals(out, &es), ...);
  }
  return r;
}

// A runtime number as an expression.
constexpr with_literals<literal<0>, 1> runtime_constant(double v) { return {{}, {{v}}}; }

}  // namespace detail
}  // namespace descent

#endif
