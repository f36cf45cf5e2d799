// descent/core/type_list.hpp: flat type lists and O(1)-depth operations on them.
//
// Everything here is written with pack expansions and inheritance lookups, never with
// recursion over the list: compile time must not grow with template depth (GCC stops at
// 900), and expression DAGs can hold thousands of node types.
#ifndef DESCENT_CORE_TYPE_LIST_HPP
#define DESCENT_CORE_TYPE_LIST_HPP

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace descent::detail {

// (The size is a member of a base named by the size alone: a static member of type_list
// itself would be a symbol named after every element, and g++ 12 spends time quadratic in a
// name's length on each.)
template <std::size_t N>
struct list_size {
  static constexpr std::size_t size = N;
};
template <class... Ts>
struct type_list : list_size<sizeof...(Ts)> {};


// Folds over more than 128 lists are halved first, so that the recursion of concat_fold and
// union_fold stays far below the template depth limits (g++ 900, clang 1024).
inline constexpr std::size_t max_fold = 128;

// Concatenation by partial specialization, four lists a step (no operator: an operator on
// lists of expression types would make overload resolution consider, through ADL, every
// operator of the expression language, at a cost per distinct list).
template <class... Ls>
struct concat_fold;
template <>
struct concat_fold<> { using type = type_list<>; };
template <class... A>
struct concat_fold<type_list<A...>> { using type = type_list<A...>; };
template <class... A, class... B>
struct concat_fold<type_list<A...>, type_list<B...>> { using type = type_list<A..., B...>; };
template <class... A, class... B, class... C>
struct concat_fold<type_list<A...>, type_list<B...>, type_list<C...>> { using type = type_list<A..., B..., C...>; };
template <class... A, class... B, class... C, class... D, class... Rest>
struct concat_fold<type_list<A...>, type_list<B...>, type_list<C...>, type_list<D...>, Rest...> {
  using type = typename concat_fold<type_list<A..., B..., C..., D...>, Rest...>::type;
};
template <class... Ls>
struct concat_split;
// concat_t<L...>: the lists one after another.
template <class... Ls>
using concat_t = typename std::conditional_t<(sizeof...(Ls) <= max_fold), concat_fold<Ls...>,
                                             concat_split<Ls...>>::type;

// ---- indexed access -------------------------------------------------------------------
template <std::size_t I, class T>
struct indexed { using type = T; };

template <class Seq, class... Ts>
struct indexer_impl;
template <std::size_t... Is, class... Ts>
struct indexer_impl<std::index_sequence<Is...>, Ts...> : indexed<Is, Ts>... {};

template <class... Ts>
struct indexer : indexer_impl<std::index_sequence_for<Ts...>, Ts...> {};

template <std::size_t I, class T>
indexed<I, T> select_at(const indexed<I, T>*);
template <class T, std::size_t I>
std::integral_constant<std::size_t, I> select_index(const indexed<I, T>*);

#if defined(__clang__)
template <std::size_t I, class... Ts>
using pack_at = __type_pack_element<I, Ts...>;
#else
template <std::size_t I, class... Ts>
using pack_at = typename decltype(select_at<I>(static_cast<const indexer<Ts...>*>(nullptr)))::type;
#endif

// indexer_at<I, list_indexer<Ts...>>: pack_at for many lookups into one list.  Inside a pack
// expansion over positions, `pack_at<I, Ts...>` names the whole list again for every
// element, and g++ 12 builds a new argument vector of all of Ts for each (so does a member
// typedef of a class template naming Ts, when a member template of it is instantiated);
// past ~500 types those vectors are large objects, each allocated by a linear search of the
// collector's free pages (a sum of 1000 terms spent 90 % of its time there).  The indexer is
// a single type argument here, so each lookup substitutes only I and that type.
#if defined(__clang__)
template <class... Ts>
struct list_indexer {
  template <std::size_t I>
  using at = __type_pack_element<I, Ts...>;
};
template <std::size_t I, class Indexer>
using indexer_at = typename Indexer::template at<I>;
#else
template <class... Ts>
using list_indexer = indexer<Ts...>;
template <std::size_t I, class Indexer>
using indexer_at = typename decltype(select_at<I>(static_cast<const Indexer*>(nullptr)))::type;
#endif

// index_of_v<T, L>: position of T in a list without duplicates (O(1) depth).
template <class T, class L>
struct index_of;
template <class T, class... Ts>
struct index_of<T, type_list<Ts...>>
    : decltype(select_index<T>(static_cast<const indexer<Ts...>*>(nullptr))) {};
template <class T, class L>
inline constexpr std::size_t index_of_v = index_of<T, L>::value;

// ---- type identity as constexpr values --------------------------------------------------
// &type_id<T>::id is a distinct address per type; comparing such addresses for equality is
// a constant expression, so type identity can be tested inside constexpr algorithms
// without instantiating is_same for every pair.
template <class T>
struct type_id { static constexpr char id = 0; };
template <class T>
inline constexpr const void* id_of = &type_id<T>::id;

// ---- sets ------------------------------------------------------------------------------
template <class T>
struct set_tag {};
template <class... Ts>
struct set_of : set_tag<Ts>... {};

// (A concept rather than a bool variable template: every variable instantiated with a set
// among its arguments is a symbol whose mangled name lists the whole set, and g++ 12 spends
// time quadratic in that length on each such name.)
template <class T, class Set>
concept in_set_v = std::is_base_of<set_tag<T>, Set>::value;

// pick_t<Holder, L>: the elements of L at positions Holder::picked[0 .. Holder::picked_count).
// (Positions come from a static member rather than a class-type template argument: GCC 12
// can confuse array-valued template arguments.)
template <class Holder, class L, class Seq>
struct pick_impl;
template <class Holder, class Indexer, class Seq>
struct pick_from;
template <class Holder, class Indexer, std::size_t... Is>
struct pick_from<Holder, Indexer, std::index_sequence<Is...>> {
  using type = type_list<indexer_at<Holder::picked[Is], Indexer>...>;
};
template <class Holder, class... Ts, class Seq>
struct pick_impl<Holder, type_list<Ts...>, Seq> : pick_from<Holder, list_indexer<Ts...>, Seq> {};
template <class Holder, class L>
using pick_t = typename pick_impl<Holder, L, std::make_index_sequence<Holder::picked_count>>::type;

// Positions of the true flags, padded to N.
template <std::size_t N>
constexpr std::array<std::size_t, N> positions_of(const std::array<bool, N>& keep) {
  std::array<std::size_t, N> out{};
  std::size_t k = 0;
  for (std::size_t i = 0; i < N; ++i)
    if (keep[i]) out[k++] = i;
  return out;
}
template <std::size_t N>
constexpr std::size_t count_true(const std::array<bool, N>& keep) {
  std::size_t k = 0;
  for (bool b : keep) k += b;
  return k;
}

// union_t<A, B>: A followed by the elements of B not in A (A, B without duplicates).
template <class A, class B>
struct union_impl;
// A short B (the common case: a node's new children added to a long list) is filtered in one
// concatenation, with no static members (see in_set_v: a flat sum of n terms makes n unions
// of a growing A, and three members a union whose names each list A cost time cubic in n).
template <class A, class B, bool Short>
struct union_filter;
template <class... As, class... Bs>
struct union_filter<type_list<As...>, type_list<Bs...>, true> {
  using set = set_of<As...>;
  using type = concat_t<type_list<As...>, std::conditional_t<in_set_v<Bs, set>, type_list<>, type_list<Bs>>...>;
};
template <class... As, class... Bs>
struct union_filter<type_list<As...>, type_list<Bs...>, false> {
  using set = set_of<As...>;
  static constexpr std::array<bool, sizeof...(Bs)> flags{!in_set_v<Bs, set>...};
  static constexpr auto picked = positions_of(flags);
  static constexpr std::size_t picked_count = count_true(flags);
  using type = concat_t<type_list<As...>, pick_t<union_filter, type_list<Bs...>>>;
};
template <class... As, class... Bs>
struct union_impl<type_list<As...>, type_list<Bs...>>
    : union_filter<type_list<As...>, type_list<Bs...>, (sizeof...(Bs) <= 3)> {};
template <class... As>
struct union_impl<type_list<As...>, type_list<>> { using type = type_list<As...>; };
template <class... Bs>
struct union_impl<type_list<>, type_list<Bs...>> { using type = type_list<Bs...>; };
template <>
struct union_impl<type_list<>, type_list<>> { using type = type_list<>; };

template <class A, class B>
using union_t = typename union_impl<A, B>::type;


// Left fold of union_t by partial specialization (no operator, see concat_fold).
template <class... Ls>
struct union_fold;
template <>
struct union_fold<> { using type = type_list<>; };
template <class A>
struct union_fold<A> { using type = A; };
template <class A, class B, class... Rest>
struct union_fold<A, B, Rest...> { using type = typename union_fold<union_t<A, B>, Rest...>::type; };
template <class... Ls>
struct union_split;
// union_all_t<L...>: left fold of union_t over several lists (order of first appearance).
template <class... Ls>
using union_all_t = typename std::conditional_t<(sizeof...(Ls) <= max_fold), union_fold<Ls...>,
                                                union_split<Ls...>>::type;

// Halving for long folds.
template <class L, std::size_t Off, class Seq>
struct slice;
template <class Indexer, std::size_t Off, class Seq>
struct slice_from;
template <class Indexer, std::size_t Off, std::size_t... I>
struct slice_from<Indexer, Off, std::index_sequence<I...>> {
  template <template <class...> class F>
  using apply = F<indexer_at<Off + I, Indexer>...>;
};
template <class... Ts, std::size_t Off, class Seq>
struct slice<type_list<Ts...>, Off, Seq> : slice_from<list_indexer<Ts...>, Off, Seq> {};
template <class... Ls>
struct concat_split {
  static constexpr std::size_t h = sizeof...(Ls) / 2;
  using first = typename slice<type_list<Ls...>, 0, std::make_index_sequence<h>>::template apply<concat_t>;
  using second = typename slice<type_list<Ls...>, h, std::make_index_sequence<sizeof...(Ls) - h>>::template apply<concat_t>;
  using type = concat_t<first, second>;
};
template <class... Ls>
struct union_split {
  static constexpr std::size_t h = sizeof...(Ls) / 2;
  using first = typename slice<type_list<Ls...>, 0, std::make_index_sequence<h>>::template apply<union_all_t>;
  using second = typename slice<type_list<Ls...>, h, std::make_index_sequence<sizeof...(Ls) - h>>::template apply<union_all_t>;
  using type = union_t<first, second>;
};

// Apply a template to a list's elements.
template <template <class...> class F, class L>
struct apply_list;
template <template <class...> class F, class... Ts>
struct apply_list<F, type_list<Ts...>> { using type = F<Ts...>; };
template <template <class...> class F, class L>
using apply_list_t = typename apply_list<F, L>::type;

}  // namespace descent::detail

#endif
