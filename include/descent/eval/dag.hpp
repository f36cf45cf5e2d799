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

#include <descent/simplify/power.hpp>

namespace descent::detail {

// A product is evaluated as C * (factors with positive exponents) / (the others, with the
// sign of their exponent flipped): x * y^-2 computes x / (y * y), as one would by hand.
template <class F>
struct positive_factor { using type = F; };
template <class B, std::intmax_t P, std::intmax_t Q>
  requires(P < 0)
struct positive_factor<power<B, constant<P, Q>>> { using type = power_t<B, constant<-P, Q>>; };
template <class F>
using positive_factor_t = typename positive_factor<F>::type;
template <class F>
inline constexpr bool is_denominator_v = false;
template <class B, std::intmax_t P, std::intmax_t Q>
inline constexpr bool is_denominator_v<power<B, constant<P, Q>>> = (P < 0);

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

// Tree size (nodes of the tree as printed, constants included) and distinct-node count.
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
