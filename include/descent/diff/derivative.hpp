// descent/diff/derivative.hpp: the derivative of a tree type, one rule per node family.
//
// derivative_t<T, V> is computed by the compiler and built through the simplifying builders,
// so it is already in canonical form.  A subtree that does not mention V is skipped at once
// (its derivative is exactly 0); results are memoized per (T, V) by template instantiation.
#ifndef DESCENT_DIFF_DERIVATIVE_HPP
#define DESCENT_DIFF_DERIVATIVE_HPP

#include <descent/node/dag.hpp>
#include <descent/expr/functions/exp_log.hpp>
#include <descent/simplify/apply.hpp>
#include <descent/simplify/power.hpp>
#include <descent/simplify/product.hpp>
#include <descent/simplify/sum.hpp>

namespace descent::detail {

template <class T, class V, bool = depends_v<T, V>>
struct derivative_rule { using type = zero; };  // T does not mention V

// Inside the rules: the children's derivatives, memoized per (T, V).
template <class T, class V>
using derivative_raw_t = typename derivative_rule<T, V>::type;

// derivative_t<T, V>: for a large T, the rules are first instantiated over T's DAG in post-order
// (with the DAG of each result), so that no rule nests its children's rules: a chain of
// depth 500 would otherwise nest past the compilers' instantiation-depth limits
// (node/dag.hpp, warm_t).
template <class V>
struct derivative_warmer {
  template <class N>
  struct step {
    using type = derivative_raw_t<N, V>;
    using dag_type = dag_t<type>;
    using height_type = std::integral_constant<std::size_t, height<type>::value>;
    using literals_type = std::bool_constant<has_literals<type>::value>;
  };
};
template <class T, class V>
using derivative_t = derivative_raw_t<warm_t<derivative_warmer<V>::template step, T>, V>;
template <class T, class V>
struct derivative_of { using type = derivative_t<T, V>; };

// dV/dV = 1
template <class V>
struct derivative_rule<V, V, true> { using type = one; };

// Sum rule.
template <class C, class... Ts, class V>
struct derivative_rule<sum<C, Ts...>, V, true> {
  using type = sum_t<derivative_raw_t<Ts, V>...>;
};

// Product rule: sum over i of C * F1 * ... * dFi * ... * Fn, for the factors mentioning V.
template <bool Dep, std::size_t I, class V, class C, class... Fs>
struct product_term { using type = zero; };
template <std::size_t I, class V, class C, class... Fs>
struct product_term<true, I, V, C, Fs...> {
  template <class Seq> struct build;
  template <std::size_t... J> struct build<std::index_sequence<J...>> {
    using type = product_t<C, std::conditional_t<I == J, derivative_raw_t<pack_at<J, Fs...>, V>,
                                                 pack_at<J, Fs...>>...>;
  };
  using type = typename build<std::index_sequence_for<Fs...>>::type;
};
template <class C, class... Fs, class V>
struct derivative_rule<product<C, Fs...>, V, true> {
  template <class Seq> struct all;
  template <std::size_t... I> struct all<std::index_sequence<I...>> {
    using type = sum_t<typename product_term<depends_v<Fs, V>, I, V, C, Fs...>::type...>;
  };
  using type = typename all<std::index_sequence_for<Fs...>>::type;
};

// Power rule.  Exponent free of V: d(B^E) = E B^(E-1) dB.
// Otherwise: d(B^E) = B^E (dE log B + E dB / B).
template <class B, class E, class V, bool = depends_v<E, V>>
struct power_derivative {
  using type = product_t<E, power_t<B, sum_t<E, constant<-1>>>, derivative_raw_t<B, V>>;
};
template <class B, class E, class V>
struct power_derivative<B, E, V, true> {
  using type = product_t<power<B, E>, sum_t<product_t<derivative_raw_t<E, V>, apply_t<fn::log, B>>,
                                            product_t<E, derivative_raw_t<B, V>, reciprocal_t<B>>>>;
};
template <class B, class E, class V>
struct derivative_rule<power<B, E>, V, true> {
  using type = typename power_derivative<B, E, V>::type;
};

// Chain rule: sum over arguments of f_i(A...) dAi.
template <bool Dep, class Fn, std::size_t I, class V, class... As>
struct chain_term { using type = zero; };
template <class Fn, std::size_t I, class V, class... As>
struct chain_term<true, Fn, I, V, As...> {
  using type = product_t<typename Fn::template partial<I, As...>, derivative_raw_t<pack_at<I, As...>, V>>;
};
template <class Fn, class... As, class V>
struct derivative_rule<apply<Fn, As...>, V, true> {
  template <class Seq> struct all;
  template <std::size_t... I> struct all<std::index_sequence<I...>> {
    using type = sum_t<typename chain_term<depends_v<As, V>, Fn, I, V, As...>::type...>;
  };
  using type = typename all<std::index_sequence_for<As...>>::type;
};

}  // namespace descent::detail

#endif
