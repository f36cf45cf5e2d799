// descent/node/dag.hpp: an expression's distinct subexpressions in evaluation order.
//
// Equal subexpressions have equal types, so the set of distinct node types *is* the DAG of
// the expression.  dag_t<T> lists the composite nodes of T children-first; it is built per
// node type from the children's lists and memoized by the compiler, so the cost grows with
// the number of distinct nodes, not with the size of the tree (an 8th derivative's tree can
// have 10^5 nodes and only a few hundred distinct ones).
//
// Deep expressions (a Horner chain of depth 500 is 1000 nodes tall) need two more things:
// - no trait may recurse once per tree level on a tree it has not seen before, or the
//   instantiations nest past the compilers' depth limits (g++ 900, clang 1024).  Operators
//   build the DAG of a tall result eagerly (`built`), from its operands' DAGs, which are then
//   complete; and the traits that recurse over children (depends, the derivative rules,
//   variables_of, has_literals, contains_shaped) are first instantiated over the DAG in
//   post-order (`warm`), children before parents, so that each level finds its children's
//   results done.  Both only act on tall or large expressions: ordinary ones are unchanged.
// - a union of two long lists tested element by element (std::is_base_of walks a class's
//   bases one at a time) costs |A| x |B|, about d^3 over a chain of depth d.  A node's list
//   is its largest child's list followed by what its other children add, found by walking
//   down from each other child and stopping at nodes already listed (`fresh`): a chain's
//   derivative adds two nodes per level and finds them in two steps.
#ifndef DESCENT_NODE_DAG_HPP
#define DESCENT_NODE_DAG_HPP

#include <initializer_list>

#include <descent/core/type_list.hpp>
#include <descent/node/traits.hpp>

namespace descent::detail {

// (A product reads its denominators in positive form: node/traits.hpp, positive_factor.)
// The nodes a node reads when it is evaluated.
template <class T> struct eval_children { using type = type_list<>; };
template <class C, class... Ts> struct eval_children<sum<C, Ts...>> { using type = type_list<Ts...>; };
template <class C, class... Fs> struct eval_children<product<C, Fs...>> {
  using type = type_list<positive_factor_t<Fs>...>;
};
template <class B, class E> struct eval_children<power<B, E>> { using type = children_t<power<B, E>>; };
template <class Fn, class... As> struct eval_children<apply<Fn, As...>> { using type = type_list<As...>; };

// (A class trait, specialized by descent/shaped for its symbols, and a concept: see
// node/traits.hpp on variables named after node types.)
template <class T>
struct is_leaf : std::bool_constant<is_constant<T>::value || is_literal<T>::value || is_var<T>::value> {};
template <class T>
concept is_leaf_v = is_leaf<T>::value;

constexpr std::size_t max_of(std::initializer_list<std::size_t> xs) {
  std::size_t m = 0;
  for (std::size_t x : xs) m = x > m ? x : m;
  return m;
}
constexpr std::size_t argmax_of(std::initializer_list<std::size_t> xs) {
  std::size_t m = 0, i = 0, best = 0;
  for (std::size_t x : xs) {
    if (x > m) { m = x; best = i; }
    ++i;
  }
  return best;
}

// ---- height (levels of composite nodes below and including T; leaves 0) ---------------
template <class T> struct height;
template <class L> struct max_height;
template <class... Cs>
struct max_height<type_list<Cs...>> : std::integral_constant<std::size_t, max_of({0, height<Cs>::value...})> {};
template <class T>
struct height : std::integral_constant<std::size_t, is_leaf_v<T> ? 0 : 1 + max_height<typename eval_children<T>::type>::value> {};

// ---- the DAG -----------------------------------------------------------------------
template <class T> struct dag;
template <class T> using dag_t = typename dag<T>::type;

// The elements of L not in Set.
template <class L, class Set, bool Short = (L::size <= 3)>
struct filter_out;
template <class... Bs, class Set>
struct filter_out<type_list<Bs...>, Set, true> {
  using type = concat_t<std::conditional_t<in_set_v<Bs, Set>, type_list<>, type_list<Bs>>...>;
};
template <class... Bs, class Set>
struct filter_out<type_list<Bs...>, Set, false> {
  static constexpr std::array<bool, sizeof...(Bs)> flags{!in_set_v<Bs, Set>...};
  static constexpr auto picked = positions_of(flags);
  static constexpr std::size_t picked_count = count_true(flags);
  using type = pick_t<filter_out, type_list<Bs...>>;
};

// The nodes of dag_t<C> not in Set (a set_of closed under children: a node in it has all its
// descendants in it), by walking down from C for up to Budget levels and stopping at listed
// nodes; below that, dag_t<C> is filtered.
inline constexpr int fresh_budget = 4;
template <class C, class Set, int Budget, bool Stop = (is_leaf_v<C> || in_set_v<C, Set>), bool Walk = (Budget > 0)>
struct fresh { using type = type_list<>; };
template <class C, class Set, int Budget>
struct fresh<C, Set, Budget, false, false> { using type = typename filter_out<dag_t<C>, Set>::type; };
template <class L, class Set, int Budget> struct fresh_children;
template <class... Cs, class Set, int Budget>
struct fresh_children<type_list<Cs...>, Set, Budget> { using type = union_all_t<typename fresh<Cs, Set, Budget>::type...>; };
template <class C, class Set, int Budget>
struct fresh<C, Set, Budget, false, true> {
  using type = concat_t<typename fresh_children<typename eval_children<C>::type, Set, Budget - 1>::type, type_list<C>>;
};

// The union of the DAGs of the composite nodes of L: the largest first, then what the others add.
template <class L> struct composite_of;
template <class... Cs> struct composite_of<type_list<Cs...>> {
  using type = concat_t<std::conditional_t<is_leaf_v<Cs>, type_list<>, type_list<Cs>>...>;
};
template <class L> struct dag_of_list;
template <> struct dag_of_list<type_list<>> { using type = type_list<>; };
template <class C> struct dag_of_list<type_list<C>> { using type = dag_t<C>; };
template <class C0, class C1, class... Cs>
struct dag_of_list<type_list<C0, C1, Cs...>> {
  using base = dag_t<pack_at<argmax_of({dag_t<C0>::size, dag_t<C1>::size, dag_t<Cs>::size...}), C0, C1, Cs...>>;
  using set = apply_list_t<set_of, base>;
  // (The largest child is in base: its fresh list is empty.)
  using type = concat_t<base, union_all_t<typename fresh<C0, set, fresh_budget>::type, typename fresh<C1, set, fresh_budget>::type,
                                          typename fresh<Cs, set, fresh_budget>::type...>>;
};

// A narrow node reads at most 8 nodes; a wide one is a flattened sum or product.  A wide node
// takes the plain union of its children's DAGs (union_all_t halves long folds): walking down
// from each of n children against the largest child's set cost a sum of 500 terms 4x the
// compile time and 2x the memory with g++.
inline constexpr std::size_t narrow_width = 8;
template <class T>
concept narrow_node = eval_children<T>::type::size <= narrow_width;
template <class L> struct union_of_dags;
template <class... Cs> struct union_of_dags<type_list<Cs...>> { using type = union_all_t<dag_t<Cs>...>; };
template <class T, bool Leaf = is_leaf_v<T>, bool Narrow = narrow_node<T>>
struct dag_impl { using type = type_list<>; };
template <class T>
struct dag_impl<T, false, true> {
  using type = concat_t<typename dag_of_list<typename composite_of<typename eval_children<T>::type>::type>::type,
                        type_list<T>>;
};
template <class T>
struct dag_impl<T, false, false> {
  using type = concat_t<typename union_of_dags<typename eval_children<T>::type>::type, type_list<T>>;
};
template <class T>
struct dag : dag_impl<T> {};

// The DAG of several roots (a value and its gradient share one).
template <class... Roots>
using multi_dag_t = typename dag_of_list<typename composite_of<type_list<Roots...>>::type>::type;

// ---- deep expressions ----------------------------------------------------------------
// A node this tall has its DAG built when an operator returns it (its operands' DAGs are then
// done, so the DAG costs one level of instantiation, not one per tree level).
inline constexpr std::size_t eager_height = 16;
template <class T>
struct eager_dag {
  using dag_type = dag_t<T>;
  using type = T;
};
// Only a narrow node is measured: a wide one that an operator returns has its tall children
// built when they were made, and measuring it costs a maximum over all its children per
// operator (a sum of 1000 terms built one + at a time spent most of its g++ time there, in
// the allocator under constant evaluation).
template <class T, bool Narrow = narrow_node<T>>
struct is_tall : std::false_type {};
template <class T>
struct is_tall<T, true> : std::bool_constant<(height<T>::value >= eager_height)> {};
template <class T>
using built_t = typename std::conditional_t<is_tall<T>::value, eager_dag<T>, std::type_identity<T>>::type;

// warm_t<F, T>: T, after F<N> has been instantiated for every node N of its DAG in post-order
// when T is tall (F<T> then finds every child's F done: no nesting per level).  A tall T's
// DAG is already built (by an operator, built_t, or by derivative_t).
template <template <class> class F, class L> struct warm_each;
template <template <class> class F, class... Ns>
struct warm_each<F, type_list<Ns...>> { using type = type_list<std::bool_constant<(sizeof(F<Ns>) > 0)>...>; };
template <template <class> class F, class T>
struct warm_deep {
  using done = typename warm_each<F, dag_t<T>>::type;
  using type = T;
};
template <template <class> class F, class T>
using warm_t = typename std::conditional_t<(height<T>::value >= eager_height), warm_deep<F, T>,
                                           std::type_identity<T>>::type;

// The variables a tree reads.
template <class T> struct variables_of;
template <class L> struct variables_of_children;
template <class... Cs> struct variables_of_children<type_list<Cs...>> {
  using type = union_all_t<typename variables_of<Cs>::type...>;
};
template <class T>
struct variables_of {
  using type = std::conditional_t<is_var_v<T>, type_list<T>,
                                  typename variables_of_children<children_t<T>>::type>;
};
template <class T> using variables_t = typename variables_of<warm_t<variables_of, T>>::type;

}  // namespace descent::detail

#endif
