// descent/shaped/vjp.hpp: derivatives of shaped expressions, in matrix form.
//
// vjp_t<T, A, X> is the vector-Jacobian product: the derivative with respect to the symbol X
// of <A, T>, where the adjoint A has T's shape (a scalar for scalar T).  It is reverse
// accumulation done by the compiler: each node passes its adjoint down to its children by
// one rule, and the contributions reaching X are added.  The gradient of a scalar f is
// vjp_t<f, 1, X>, an expression of X's shape whose type does not grow with the sizes.
//
// The rules (Giles 2008, "An extended collection of matrix derivative results"):
//   a + b, a - b      A to both (summed over the entries for a broadcast scalar)
//   a .* b            A .* b to a, A .* a to b
//   a ./ b            A ./ b to a, -A .* a ./ b^2 to b
//   f(u)              A .* f'(u) to u (f' from the scalar language's partial, elementwise)
//   u ^ p             A .* p u^(p-1) to u
//   M * N             A N^T to M, M^T A to N
//   transpose(u)      A^T to u
//   dot(u, v)         A v to u, A u to v
//   sum(u)            A in every entry of u
//   logsumexp(u)      A softmax(u) to u
//   u[label]          A e_label to u
//   segment / embed   the adjoint embedded / cut back
//   sum_over_samples(e), mean_over_samples(e)    the same sum / mean of e's contributions
// and for scalar nodes the scalar language's partial derivatives.
#ifndef DESCENT_SHAPED_VJP_HPP
#define DESCENT_SHAPED_VJP_HPP

#include <descent/diff/d.hpp>
#include <descent/diff/derivative.hpp>
#include <descent/expr/variable.hpp>
#include <descent/shaped/build.hpp>

namespace descent::detail {

template <class T, class A, class X, bool = depends_v<T, X> && !is_zero_v<A>>
struct vjp { using type = zero; };
template <class T, class A, class X>
using vjp_t = typename vjp<T, A, X>::type;

// The adjoint reaching an operand that was broadcast: summed over the entries.
template <class Operand, class A>
using reduce_to_t = std::conditional_t<is_scalar_v<Operand> && !is_scalar_v<A>, rsum_t<A>, A>;

// d<A, X>/dX = A (a scalar adjoint of a shaped symbol is a fill).
template <class X, class A>
struct vjp<X, A, X, true> {
  using type = std::conditional_t<!is_scalar_v<X> && is_scalar_v<A>, bcast_t<shape_v<X>.rows, shape_v<X>.cols, A>, A>;
};

// ---- scalar nodes ------------------------------------------------------------------------
template <class C, class... Ts, class A, class X>
struct vjp<sum<C, Ts...>, A, X, true> { using type = add_all_t<vjp_t<Ts, A, X>...>; };

// Product: factor i receives A times the other factors.
template <class A, class X, class C, class Seq, class... Fs> struct product_vjp;
template <class A, class X, class C, std::size_t... I, class... Fs>
struct product_vjp<A, X, C, std::index_sequence<I...>, Fs...> {
  template <std::size_t K, class Seq> struct others;
  template <std::size_t K, std::size_t... J> struct others<K, std::index_sequence<J...>> {
    using type = product_t<A, C, std::conditional_t<J == K, one, pack_at<J, Fs...>>...>;
  };
  using type = add_all_t<vjp_t<pack_at<I, Fs...>, typename others<I, std::index_sequence<I...>>::type, X>...>;
};
template <class C, class... Fs, class A, class X>
struct vjp<product<C, Fs...>, A, X, true> {
  using type = typename product_vjp<A, X, C, std::index_sequence_for<Fs...>, Fs...>::type;
};

template <class B, class E, class A, class X>
struct vjp<power<B, E>, A, X, true> {
  using to_base = vjp_t<B, product_t<A, E, power_t<B, sum_t<E, constant<-1>>>>, X>;
  using to_exp = std::conditional_t<is_constant_v<E>, zero,
                                    vjp_t<E, product_t<A, power<B, E>, apply_t<fn::log, B>>, X>>;
  using type = add_t<to_base, to_exp>;
};

template <class A, class X, class Fn, class Seq, class... As> struct apply_vjp;
template <class A, class X, class Fn, std::size_t... I, class... As>
struct apply_vjp<A, X, Fn, std::index_sequence<I...>, As...> {
  using type = add_all_t<vjp_t<pack_at<I, As...>, product_t<A, typename Fn::template partial<I, As...>>, X>...>;
};
template <class Fn, class... As, class A, class X>
struct vjp<apply<Fn, As...>, A, X, true> {
  using type = typename apply_vjp<A, X, Fn, std::index_sequence_for<As...>, As...>::type;
};

// ---- lifting a scalar formula to every entry ----------------------------------------------
// lift_t<F, P, U>: the scalar tree F in the placeholder P, with P replaced by the shaped U
// and every operation made elementwise.  It turns a function's partial f'(t) into f'(u).
template <class F, class P, class U> struct lift { using type = F; };  // constants, other scalars
template <class F, class P, class U> using lift_t = typename lift<F, P, U>::type;
template <class P, class U> struct lift<P, P, U> { using type = U; };
template <class C, class... Ts, class P, class U>
struct lift<sum<C, Ts...>, P, U> { using type = add_all_t<C, lift_t<Ts, P, U>...>; };
template <class C, class... Fs, class P, class U>
struct lift<product<C, Fs...>, P, U> {
  template <class... Gs> struct all { using type = C; };
  template <class G, class... Gs> struct all<G, Gs...> { using type = mul_t<G, typename all<Gs...>::type>; };
  using type = typename all<lift_t<Fs, P, U>...>::type;
};
template <class B, std::intmax_t N, std::intmax_t D, class P, class U>
struct lift<power<B, constant<N, D>>, P, U> { using type = powc_t<N, D, lift_t<B, P, U>>; };
template <class Fn, class B, class P, class U>
struct lift<apply<Fn, B>, P, U> { using type = map_t<Fn, lift_t<B, P, U>>; };

using placeholder = var<"\x01">;  // never printed: replaced by lift_t

// f'(u), elementwise.
template <class Fn, class U>
using elementwise_partial_t = lift_t<typename Fn::template partial<0, placeholder>, placeholder, U>;

// ---- shaped nodes ------------------------------------------------------------------------
template <class L, class R, class A, class X>
struct vjp<op_node<sop::add, L, R>, A, X, true> {
  using type = add_t<vjp_t<L, reduce_to_t<L, A>, X>, vjp_t<R, reduce_to_t<R, A>, X>>;
};
template <class L, class R, class A, class X>
struct vjp<op_node<sop::sub, L, R>, A, X, true> {
  using type = sub_t<vjp_t<L, reduce_to_t<L, A>, X>, vjp_t<R, reduce_to_t<R, A>, X>>;
};
template <class L, class R, class A, class X>
struct vjp<op_node<sop::mul, L, R>, A, X, true> {
  using type = add_t<vjp_t<L, reduce_to_t<L, mul_t<A, R>>, X>, vjp_t<R, reduce_to_t<R, mul_t<A, L>>, X>>;
};
template <class L, class R, class A, class X>
struct vjp<op_node<sop::div, L, R>, A, X, true> {
  using to_num = vjp_t<L, reduce_to_t<L, div_t<A, R>>, X>;
  using to_den = vjp_t<R, reduce_to_t<R, mul_t<constant<-1>, div_t<mul_t<A, L>, powc_t<2, 1, R>>>>, X>;
  using type = add_t<to_num, to_den>;
};
template <class Fn, class U, class A, class X>
struct vjp<op_node<sop::map<Fn>, U>, A, X, true> {
  using type = vjp_t<U, mul_t<A, elementwise_partial_t<Fn, U>>, X>;
};
template <std::intmax_t P, std::intmax_t Q, class U, class A, class X>
struct vjp<op_node<sop::powc<P, Q>, U>, A, X, true> {
  static constexpr rational e1 = rational{P, Q} - rational{1};
  using type = vjp_t<U, mul_t<A, mul_t<constant<P, Q>, powc_t<e1.num, e1.den, U>>>, X>;
};
template <class M, class N, class A, class X>
struct vjp<op_node<sop::matmul, M, N>, A, X, true> {
  using type = add_t<vjp_t<M, matmul_t<A, transpose_t<N>>, X>, vjp_t<N, matmul_t<transpose_t<M>, A>, X>>;
};
template <class U, class A, class X>
struct vjp<op_node<sop::transpose, U>, A, X, true> { using type = vjp_t<U, transpose_t<A>, X>; };
template <class U, class V, class A, class X>
struct vjp<op_node<sop::dot, U, V>, A, X, true> {
  using type = add_t<vjp_t<U, mul_t<A, V>, X>, vjp_t<V, mul_t<A, U>, X>>;
};
template <class U, class A, class X>
struct vjp<op_node<sop::sum, U>, A, X, true> {
  using type = vjp_t<U, bcast_t<shape_v<U>.rows, shape_v<U>.cols, A>, X>;
};
template <class U, class A, class X>
struct vjp<op_node<sop::lse, U>, A, X, true> { using type = vjp_t<U, mul_t<A, softmax_t<U>>, X>; };
template <class U, class L, class A, class X>
struct vjp<op_node<sop::at, U, L>, A, X, true> {
  using type = vjp_t<U, mul_t<A, onehot_t<shape_v<U>.rows, L>>, X>;
};
template <std::size_t N, class L, class A, class X>
struct vjp<op_node<sop::onehot<N>, L>, A, X, true> { using type = zero; };  // piecewise constant in L
template <std::size_t Off, std::size_t K, class U, class A, class X>
struct vjp<op_node<sop::slice<Off, K>, U>, A, X, true> { using type = vjp_t<U, embed_t<Off, shape_v<U>.rows, A>, X>; };
template <std::size_t Off, std::size_t N, class U, class A, class X>
struct vjp<op_node<sop::embed<Off, N>, U>, A, X, true> { using type = vjp_t<U, slice_t<Off, shape_v<U>.rows, A>, X>; };
template <std::size_t R, std::size_t C, class S, class A, class X>
struct vjp<op_node<sop::bcast<R, C>, S>, A, X, true> { using type = vjp_t<S, rsum_t<A>, X>; };
template <class U, class A, class X>
struct vjp<op_node<sop::sample_sum, U>, A, X, true> { using type = sample_sum_t<vjp_t<U, A, X>>; };
template <class U, class A, class X>
struct vjp<op_node<sop::sample_mean, U>, A, X, true> { using type = sample_mean_t<vjp_t<U, A, X>>; };

// ---- the scalar language's d(f, x) through shaped atoms -----------------------------------
// d(softplus(dot(w, x) + b), b): the scalar derivative rule meets dot(w, x), which depends on
// b only if b is inside; its derivative with respect to the scalar b is its vjp with adjoint 1.
template <class Op, class... Cs, class V>
  requires(is_scalar_v<op_node<Op, Cs...>>)
struct derivative_rule<op_node<Op, Cs...>, V, true> {
  using type = vjp_t<op_node<Op, Cs...>, one, V>;
};

// The gradient of a scalar tree with respect to a symbol, in X's shape.
template <class Tree, class X>
using gradient_t = vjp_t<Tree, one, X>;

// d(f, w) and grad(f, wrt(w, ...)) with respect to vector and matrix symbols.
template <class Tree, class W>
struct shaped_gradient {
  static_assert(is_scalar_v<Tree>, "descent::d(f, w): f must be a scalar expression (the gradient of a vector "
                                   "expression would be a Jacobian)");
  using type = gradient_t<Tree, W>;
};

}  // namespace descent::detail

#endif
