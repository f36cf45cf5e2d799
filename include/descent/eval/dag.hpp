// descent/eval/dag.hpp: an expression's distinct subexpressions in evaluation order.
//
// Equal subexpressions have equal types, so the set of distinct node types *is* the DAG of
// the expression.  dag_t<T> lists the composite nodes of T children-first; it is built per
// node type from the children's lists with a set union (inheritance lookup, no recursion
// over lists) and memoized by the compiler, so the cost grows with the number of distinct
// nodes, not with the size of the tree (an 8th derivative's tree can have 10^5 nodes and
// only a few hundred distinct ones).
#ifndef DESCENT_EVAL_DAG_HPP
#define DESCENT_EVAL_DAG_HPP

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

template <class T>
inline constexpr bool is_leaf_v = is_constant_v<T> || is_literal_v<T> || is_var_v<T>;

template <class T> struct dag;
template <class T> using dag_t = typename dag<T>::type;

template <class L> struct dag_of_children;
template <class... Cs> struct dag_of_children<type_list<Cs...>> { using type = union_all_t<dag_t<Cs>...>; };

template <class T>
struct dag {
  using type = std::conditional_t<is_leaf_v<T>, type_list<>,
                                  concat_t<typename dag_of_children<typename eval_children<T>::type>::type,
                                           type_list<T>>>;
};

// The DAG of several roots (a value and its gradient share one).
template <class... Roots>
using multi_dag_t = union_all_t<dag_t<Roots>...>;

// The variables a tree reads.
template <class T> struct variables_of;
template <class T> using variables_t = typename variables_of<T>::type;
template <class L> struct variables_of_children;
template <class... Cs> struct variables_of_children<type_list<Cs...>> { using type = union_all_t<variables_t<Cs>...>; };
template <class T>
struct variables_of {
  using type = std::conditional_t<is_var_v<T>, type_list<T>,
                                  typename variables_of_children<children_t<T>>::type>;
};

}  // namespace descent::detail

#endif
