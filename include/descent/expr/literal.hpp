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
#include <type_traits>
#include <utility>

#include <descent/core/type_list.hpp>
#include <descent/node/traits.hpp>

namespace descent {
namespace expr {

template <class Tree, std::size_t N>
struct with_literals : expression_base {
  std::array<double, N> values{};
};

}  // namespace expr

namespace detail {

using expr::with_literals;

template <class E>
struct expr_traits : std::integral_constant<std::size_t, 0> {  // value: the count of runtime numbers
  using tree = E;
};
template <class Tree, std::size_t N>
struct expr_traits<with_literals<Tree, N>> : std::integral_constant<std::size_t, N> {
  using tree = Tree;
};
template <class E>
using tree_t = typename expr_traits<std::remove_cvref_t<E>>::tree;
template <class E>
inline constexpr std::size_t literal_count_v = expr_traits<std::remove_cvref_t<E>>::value;

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
  else return with_literals<Tree, N>{{}, values};
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

// combine<Build>(e...): the expression Build<trees...> with the operands' runtime numbers.
template <std::size_t K>
constexpr std::array<std::size_t, K> prefix_offsets(const std::array<std::size_t, K>& counts) {
  std::array<std::size_t, K> off{};
  std::size_t total = 0;
  for (std::size_t i = 0; i < K; ++i) { off[i] = total; total += counts[i]; }
  return off;
}

template <template <class...> class Build, class... Es, std::size_t... Is>
constexpr auto combine_impl(std::index_sequence<Is...>, const Es&... es) {
  constexpr std::array<std::size_t, sizeof...(Es)> counts{literal_count_v<Es>...};
  constexpr auto off = prefix_offsets(counts);
  constexpr std::size_t total = (literal_count_v<Es> + ... + 0);
  using tree = Build<shift_t<tree_t<Es>, off[Is]>...>;
  if constexpr (total == 0) {
    return tree{};
  } else {
    std::array<double, total> values{};
    std::size_t k = 0;
    auto append = [&](const auto& e) {
      for (double v : literals_of(e)) values[k++] = v;
    };
    (append(es), ...);
    return make_expression<tree>(values);
  }
}

template <template <class...> class Build, class... Es>
constexpr auto combine(const Es&... es) {
  return combine_impl<Build>(std::index_sequence_for<Es...>{}, es...);
}

// A runtime number as an expression.
constexpr with_literals<literal<0>, 1> runtime_constant(double v) { return {{}, {v}}; }

}  // namespace detail
}  // namespace descent

#endif
