// descent/shaped/build.hpp: the simplifying builders of shaped nodes.
//
// Every shaped node is made through one of these, as scalar nodes are made through
// simplify/: zeros vanish, scalars are pulled to the front of elementwise products (and
// merged there), scalar-only operations fall back to the scalar language, and reductions of
// scaled operands become scaled reductions (sum(2 * v) = 2 * sum(v)), so derivatives come
// out in the matrix form one writes by hand.  The exact 0 (constant<0>) is the zero of
// every shape.
#ifndef DESCENT_SHAPED_BUILD_HPP
#define DESCENT_SHAPED_BUILD_HPP

#include <descent/shaped/node.hpp>
#include <descent/expr/functions/exp_log.hpp>
#include <descent/simplify/apply.hpp>
#include <descent/simplify/power.hpp>
#include <descent/simplify/product.hpp>
#include <descent/simplify/sum.hpp>

namespace descent::detail {

// A node is scaled when it is S * U with S scalar: scale_parts gives S and U (1 and T otherwise).
template <class T> struct scale_parts { using factor = one; using rest = T; };
template <class S, class U>
  requires(is_scalar_v<S> && !is_scalar_v<U>)
struct scale_parts<op_node<sop::mul, S, U>> { using factor = S; using rest = U; };

// ---- elementwise arithmetic -----------------------------------------------------------
template <class A, class B> struct make_add;
template <class A, class B> using add_t = typename make_add<A, B>::type;
template <class A, class B> struct make_sub;
template <class A, class B> using sub_t = typename make_sub<A, B>::type;
template <class A, class B> struct make_mul;
template <class A, class B> using mul_t = typename make_mul<A, B>::type;
template <class A, class B> struct make_div;
template <class A, class B> using div_t = typename make_div<A, B>::type;
template <class A> struct make_transpose;
template <class A> using transpose_t = typename make_transpose<A>::type;
template <class A, class B> struct make_matmul_any;
template <class A, class B> using matmul_t = typename make_matmul_any<A, B>::type;

// Terms with one shaped part combine: like terms (2*u + 3*u = 5*u), and a shared factor of
// two products, two segments embedded at one place or two sums over samples is taken out
// once (P*Z + Q*Z = (P + Q)*Z), which is how reverse accumulation's contributions merge
// into the backpropagation formulas one writes by hand.
template <bool Minus, class A, class B>
using combine_t = typename std::conditional_t<Minus, make_sub<A, B>, make_add<A, B>>::type;

template <class RA, class RB, class SA, class SB, bool Minus>
struct factor_rule { using type = void; };
template <class P, class Q, class Z, class SA, class SB, bool Minus>
struct factor_rule<op_node<sop::matmul, P, Z>, op_node<sop::matmul, Q, Z>, SA, SB, Minus> {
  using type = matmul_t<combine_t<Minus, mul_t<SA, P>, mul_t<SB, Q>>, Z>;
};
template <class M, class P, class Q, class SA, class SB, bool Minus>
struct factor_rule<op_node<sop::matmul, M, P>, op_node<sop::matmul, M, Q>, SA, SB, Minus> {
  using type = matmul_t<M, combine_t<Minus, mul_t<SA, P>, mul_t<SB, Q>>>;
};
template <class P, class Q, class Z, class SA, class SB, bool Minus>
  requires(!is_scalar_v<P> && !is_scalar_v<Q>)
struct factor_rule<op_node<sop::mul, P, Z>, op_node<sop::mul, Q, Z>, SA, SB, Minus> {
  using type = mul_t<combine_t<Minus, mul_t<SA, P>, mul_t<SB, Q>>, Z>;
};
template <class Z, class P, class Q, class SA, class SB, bool Minus>
  requires(!is_scalar_v<Z>)
struct factor_rule<op_node<sop::mul, Z, P>, op_node<sop::mul, Z, Q>, SA, SB, Minus> {
  using type = mul_t<Z, combine_t<Minus, mul_t<SA, P>, mul_t<SB, Q>>>;
};
template <std::size_t Off, std::size_t N, class P, class Q, class SA, class SB, bool Minus>
struct factor_rule<op_node<sop::embed<Off, N>, P>, op_node<sop::embed<Off, N>, Q>, SA, SB, Minus> {
  using type = op_node<sop::embed<Off, N>, combine_t<Minus, mul_t<SA, P>, mul_t<SB, Q>>>;
};
template <class P, class Q, class SA, class SB, bool Minus>
struct factor_rule<op_node<sop::transpose, P>, op_node<sop::transpose, Q>, SA, SB, Minus> {
  using type = typename make_transpose<combine_t<Minus, mul_t<SA, P>, mul_t<SB, Q>>>::type;
};
template <class P, class Q, class SA, class SB, bool Minus>
struct factor_rule<op_node<sop::sample_sum, P>, op_node<sop::sample_sum, Q>, SA, SB, Minus> {
  using type = op_node<sop::sample_sum, combine_t<Minus, mul_t<SA, P>, mul_t<SB, Q>>>;
};
template <class P, class Q, class SA, class SB, bool Minus>
struct factor_rule<op_node<sop::sample_mean, P>, op_node<sop::sample_mean, Q>, SA, SB, Minus> {
  using type = op_node<sop::sample_mean, combine_t<Minus, mul_t<SA, P>, mul_t<SB, Q>>>;
};

// Two operands, at least one shaped, neither zero: like terms or a shared factor, else void.
template <class A, class B, bool Minus>
struct direct_combine {
  using SA = typename scale_parts<A>::factor;
  using SB = typename scale_parts<B>::factor;
  using RA = typename scale_parts<A>::rest;
  using RB = typename scale_parts<B>::rest;
  using like = std::conditional_t<Minus, difference_t<SA, SB>, sum_t<SA, SB>>;
  using factored = typename std::conditional_t<std::is_same_v<RA, RB>, std::type_identity<void>,
                                               factor_rule<RA, RB, SA, SB, Minus>>::type;
  using type = typename std::conditional_t<std::is_same_v<RA, RB> && !is_scalar_v<RA>, make_mul<like, RA>,
                                           std::type_identity<factored>>::type;
};
// (P +- Q) +- B: when Q and B combine, P +- (Q +- B), so the contributions that reverse
// accumulation adds one after the other merge even when they are not neighbours.
template <class A, class B, bool Minus>
struct reassociate { using type = void; };
template <class P, class Q, class B, bool Minus>
struct reassociate<op_node<sop::add, P, Q>, B, Minus> {
  using inner = typename direct_combine<Q, B, Minus>::type;
  using type = typename std::conditional_t<std::is_void_v<inner>, std::type_identity<void>, make_add<P, inner>>::type;
};
template <class P, class Q, class B, bool Minus>
struct reassociate<op_node<sop::sub, P, Q>, B, Minus> {
  using inner = typename direct_combine<Q, B, !Minus>::type;
  using type = typename std::conditional_t<std::is_void_v<inner>, std::type_identity<void>, make_sub<P, inner>>::type;
};
template <class A, class B, bool Minus>
struct shaped_combine {
  using direct = typename direct_combine<A, B, Minus>::type;
  using reassociated = typename std::conditional_t<std::is_void_v<direct>, reassociate<A, B, Minus>,
                                                   std::type_identity<void>>::type;
  using plain = op_node<std::conditional_t<Minus, sop::sub, sop::add>, A, B>;
  using type = std::conditional_t<!std::is_void_v<direct>, direct,
                                  std::conditional_t<!std::is_void_v<reassociated>, reassociated, plain>>;
};

template <class A, class B>
struct make_add {
  using type = typename std::conditional_t<
      is_zero_v<A>, std::type_identity<B>,
      std::conditional_t<is_zero_v<B>, std::type_identity<A>,
                         std::conditional_t<is_scalar_v<A> && is_scalar_v<B>, make_sum<A, B>,
                                            shaped_combine<A, B, false>>>>::type;
};
// a + (-1 * b) is a - b.
template <class A, class B>
  requires(!is_zero_v<A> && !(is_scalar_v<A> && is_scalar_v<B>))
struct make_add<A, op_node<sop::mul, constant<-1>, B>> { using type = sub_t<A, B>; };

template <class A, class B>
struct make_sub {
  using type = typename std::conditional_t<
      is_zero_v<B>, std::type_identity<A>,
      std::conditional_t<is_zero_v<A>, make_mul<constant<-1>, B>,
                         std::conditional_t<is_scalar_v<A> && is_scalar_v<B>, make_sum<A, negate_t<B>>,
                                            shaped_combine<A, B, true>>>>::type;
};
template <class A, class B>
  requires(!is_zero_v<A> && !(is_scalar_v<A> && is_scalar_v<B>))
struct make_sub<A, op_node<sop::mul, constant<-1>, B>> { using type = add_t<A, B>; };

template <class A, class B, bool SA = is_scalar_v<A>, bool SB = is_scalar_v<B>>
struct mul_rule;
// scalar * scalar: the scalar language
template <class A, class B> struct mul_rule<A, B, true, true> { using type = product_t<A, B>; };
// shaped * scalar: scalar first
template <class A, class B> struct mul_rule<A, B, false, true> { using type = mul_t<B, A>; };
// scalar * shaped: merge with the operand's own scalar factor
template <class A, class B>
struct mul_rule<A, B, true, false> {
  using S = product_t<A, typename scale_parts<B>::factor>;
  using U = typename scale_parts<B>::rest;
  using type = std::conditional_t<is_zero_v<S>, zero,
                                  std::conditional_t<is_one_v<S>, U, op_node<sop::mul, S, U>>>;
};
// scalar * fill(s) = fill(scalar * s)
template <class A, std::size_t R, std::size_t C, class S>
struct mul_rule<A, op_node<sop::bcast<R, C>, S>, true, false> { using type = op_node<sop::bcast<R, C>, product_t<A, S>>; };
// shaped * shaped: both scalar factors in front; a fill is a scalar
template <class A, class B>
struct mul_rule<A, B, false, false> {
  using S = product_t<typename scale_parts<A>::factor, typename scale_parts<B>::factor>;
  using type = mul_t<S, op_node<sop::mul, typename scale_parts<A>::rest, typename scale_parts<B>::rest>>;
};
template <std::size_t R, std::size_t C, class S, class B>
struct mul_rule<op_node<sop::bcast<R, C>, S>, B, false, false> { using type = mul_t<S, B>; };
template <class A, std::size_t R, std::size_t C, class S>
struct mul_rule<A, op_node<sop::bcast<R, C>, S>, false, false> { using type = mul_t<S, A>; };
template <std::size_t R, std::size_t C, class S, class T>
struct mul_rule<op_node<sop::bcast<R, C>, S>, op_node<sop::bcast<R, C>, T>, false, false> {
  using type = op_node<sop::bcast<R, C>, product_t<S, T>>;
};
template <class A, class B>
struct make_mul {
  using type = typename std::conditional_t<is_zero_v<A> || is_zero_v<B>, std::type_identity<zero>,
                                           mul_rule<A, B>>::type;
};

template <class A, class B>
struct make_div {
  using type = typename std::conditional_t<
      is_zero_v<A>, std::type_identity<zero>,
      std::conditional_t<is_scalar_v<B>, make_mul<reciprocal_t<B>, A>,
                         std::type_identity<op_node<sop::div, A, B>>>>::type;
};

// ---- elementwise functions and powers -------------------------------------------------
template <class Fn, class A>
struct make_map {
  using type = typename std::conditional_t<is_scalar_v<A>, make_apply<Fn, A>,
                                           std::type_identity<op_node<sop::map<Fn>, A>>>::type;
};
template <class Fn, class A> using map_t = typename make_map<Fn, A>::type;

template <std::intmax_t P, std::intmax_t Q, class A>
struct make_powc {
  static constexpr rational e{P, Q};
  using type = typename std::conditional_t<
      is_scalar_v<A>, make_power<A, constant<e.num, e.den>>,
      std::conditional_t<e.is_one(), std::type_identity<A>,
                         std::conditional_t<e.is_zero(), std::type_identity<one>,
                                            std::type_identity<op_node<sop::powc<e.num, e.den>, A>>>>>::type;
};
template <std::intmax_t P, std::intmax_t Q, class A> using powc_t = typename make_powc<P, Q, A>::type;

// ---- linear algebra -------------------------------------------------------------------
template <class A> struct make_transpose { using type = op_node<sop::transpose, A>; };
template <class A> requires(is_scalar_v<A>) struct make_transpose<A> { using type = A; };
template <class A> struct make_transpose<op_node<sop::transpose, A>> { using type = A; };
template <class S, class U>
  requires(is_scalar_v<S> && !is_scalar_v<U>)
struct make_transpose<op_node<sop::mul, S, U>> { using type = mul_t<S, transpose_t<U>>; };

template <class A, class B>
struct make_matmul {
  using SA = typename scale_parts<A>::factor;
  using SB = typename scale_parts<B>::factor;
  using type = mul_t<product_t<SA, SB>, op_node<sop::matmul, typename scale_parts<A>::rest, typename scale_parts<B>::rest>>;
};
template <class A, class B> struct make_matmul_any {
  using type = typename std::conditional_t<
      is_zero_v<A> || is_zero_v<B>, std::type_identity<zero>,
      std::conditional_t<is_scalar_v<A> || is_scalar_v<B>, make_mul<A, B>, make_matmul<A, B>>>::type;
};

// ---- reductions to a scalar -----------------------------------------------------------
// dot(a, b), the sum of a .* b; operands in canonical order so dot(a, b) and dot(b, a) are
// one node; scalar factors go out to the scalar language.
template <class A, class B>
struct make_dot {
  using RA = typename scale_parts<A>::rest;
  using RB = typename scale_parts<B>::rest;
  static constexpr bool swap = key_of<RB>::value < key_of<RA>::value;
  using type = product_t<typename scale_parts<A>::factor, typename scale_parts<B>::factor,
                         std::conditional_t<swap, op_node<sop::dot, RB, RA>, op_node<sop::dot, RA, RB>>>;
};
template <class A, class B> using dot_t = typename std::conditional_t<
    is_zero_v<A> || is_zero_v<B>, std::type_identity<zero>,
    std::conditional_t<is_scalar_v<A> && is_scalar_v<B>, make_product<A, B>, make_dot<A, B>>>::type;

template <class A>
struct make_rsum {
  using type = product_t<typename scale_parts<A>::factor, op_node<sop::sum, typename scale_parts<A>::rest>>;
};
template <class A, class B>
  requires(!is_scalar_v<A> && !is_scalar_v<B>)
struct make_rsum<op_node<sop::mul, A, B>> { using type = dot_t<A, B>; };
template <std::size_t R, std::size_t C, class S>
struct make_rsum<op_node<sop::bcast<R, C>, S>> { using type = product_t<constant<static_cast<std::intmax_t>(R * C)>, S>; };
template <class A> using rsum_t = typename std::conditional_t<
    is_zero_v<A> || is_scalar_v<A>, std::type_identity<A>, make_rsum<A>>::type;

template <class A> using lse_t = std::conditional_t<is_scalar_v<A>, A, op_node<sop::lse, A>>;
template <class A, class L> using at_t = op_node<sop::at, A, L>;
template <std::size_t N, class L> using onehot_t = op_node<sop::onehot<N>, L>;
// softmax(u) = exp(u - logsumexp(u)), sharing logsumexp(u) with the value.
template <class A> using softmax_t = map_t<fn::exp, sub_t<A, lse_t<A>>>;

// ---- segments and fills ---------------------------------------------------------------
template <std::size_t Off, std::size_t K, class A>
using slice_t = std::conditional_t<is_zero_v<A>, zero,
                                   std::conditional_t<Off == 0 && K == shape_v<A>.rows, A, op_node<sop::slice<Off, K>, A>>>;
template <std::size_t Off, std::size_t N, class A>
using embed_t = std::conditional_t<is_zero_v<A>, zero,
                                   std::conditional_t<Off == 0 && N == shape_v<A>.rows, A, op_node<sop::embed<Off, N>, A>>>;
template <std::size_t R, std::size_t C, class S>
using bcast_t = std::conditional_t<is_zero_v<S>, zero, op_node<sop::bcast<R, C>, S>>;

// ---- sums over samples ----------------------------------------------------------------
template <class A> using sample_sum_t = std::conditional_t<is_zero_v<A>, zero, op_node<sop::sample_sum, A>>;
template <class A> using sample_mean_t = std::conditional_t<is_zero_v<A>, zero, op_node<sop::sample_mean, A>>;

// A sum of many operands, left to right.
template <class... Ts> struct add_all { using type = zero; };
template <class T> struct add_all<T> { using type = T; };
template <class T, class U, class... Ts> struct add_all<T, U, Ts...> { using type = typename add_all<add_t<T, U>, Ts...>::type; };
template <class... Ts> using add_all_t = typename add_all<Ts...>::type;

}  // namespace descent::detail

#endif
