// descent/shaped/jacobian.hpp: Jacobians of vector expressions and Hessians in matrix form.
//
// jacobian_t<T, X> is dT/dX for a vector (or scalar) expression T and a vector symbol X: an
// m x n matrix expression (a 1 x n row for a scalar T), built by one rule per node as the
// compiler walks T, so its type does not grow with m or n.  The Hessian of a scalar f with
// respect to a vector w is the Jacobian of its gradient:
//
//   hessian(f, wrt(w)) = jacobian_t<gradient_t<f, w>, w>
//   logistic loss:  mean_over_samples(sigmoid'(z) * x*x^T)      (z = -(2y - 1)(dot(w, x) + b))
//   sq_norm(A*w - y):  2*A^T*A
//
// The rules (Magnus & Neudecker, "Matrix Differential Calculus", ch. 9; Giles 2008):
//   X                 I
//   a +- b            J(a) +- J(b); a scalar s broadcast over m entries gives 1 * grad(s)^T
//   s * v, s scalar   s J(v) + v grad(s)^T
//   u .* v            diag(v) J(u) + diag(u) J(v)
//   u ./ v            diag(1 ./ v) J(u) - diag(u ./ v.^2) J(v)
//   f(u), u.^p        diag(f'(u)) J(u), diag(p u.^(p-1)) J(u)
//   M * u             M J(u)          (M not depending on X)
//   u[a:b], embed     the rows of J(u), embedded rows
//   fill(s)           1 * grad(s)^T
//   sum_over_samples(e), mean_over_samples(e)     the sum / mean of J(e)
//   a scalar s        grad(s)^T (a row), from shaped/vjp.hpp
// Matrix symbols, transposes of vectors and matrices that depend on X are outside these rules
// (a static_assert says so); obj.hessian_vector covers them.
#ifndef DESCENT_SHAPED_JACOBIAN_HPP
#define DESCENT_SHAPED_JACOBIAN_HPP

#include <descent/diff/wrt.hpp>
#include <descent/shaped/build.hpp>
#include <descent/shaped/vjp.hpp>

namespace descent::detail {

// ---- builders of the Jacobian nodes ------------------------------------------------------
template <std::size_t N> using eye_t = op_node<sop::eye<N>>;
template <class T> inline constexpr bool is_eye_v = false;
template <std::size_t N> inline constexpr bool is_eye_v<op_node<sop::eye<N>>> = true;

// diag(v) * M: scalar factors of v and M go to the front; a scalar v is a product.
template <class V, class M>
struct make_diag {
  using SV = typename scale_parts<V>::factor;
  using SM = typename scale_parts<M>::factor;
  using type = mul_t<product_t<SV, SM>, op_node<sop::diag, typename scale_parts<V>::rest, typename scale_parts<M>::rest>>;
};
template <std::size_t R, std::size_t C, class S, class M>
struct make_diag<op_node<sop::bcast<R, C>, S>, M> { using type = mul_t<S, M>; };
template <class V, class M>
using diag_t = typename std::conditional_t<is_zero_v<V> || is_zero_v<M>, std::type_identity<zero>,
                                           std::conditional_t<is_scalar_v<V>, make_mul<V, M>, make_diag<V, M>>>::type;

// Op applied to M's unscaled part, M's scalar factor kept in front.
template <class Op, class M>
struct make_scaled_node { using type = mul_t<typename scale_parts<M>::factor, op_node<Op, typename scale_parts<M>::rest>>; };
template <std::size_t Off, std::size_t K, class M>
using row_block_t = typename std::conditional_t<
    is_zero_v<M>, std::type_identity<zero>,
    std::conditional_t<Off == 0 && K == shape_v<M>.rows, std::type_identity<M>, make_scaled_node<sop::row_block<Off, K>, M>>>::type;
template <std::size_t Off, std::size_t N, class M>
using row_embed_t = typename std::conditional_t<
    is_zero_v<M>, std::type_identity<zero>,
    std::conditional_t<Off == 0 && N == shape_v<M>.rows, std::type_identity<M>, make_scaled_node<sop::row_embed<Off, N>, M>>>::type;

// M * J with J possibly the identity.
template <class M, class J>
using apply_to_t = std::conditional_t<is_eye_v<J>, M, matmul_t<M, J>>;
// v grad(s)^T: the outer product of a vector and a gradient.
template <class V, class G>
using outer_t = matmul_t<V, transpose_t<G>>;

// ---- the rules ---------------------------------------------------------------------------
template <class T, class X>
struct jacobian_unsupported {
  static_assert(sizeof(T) == 0,
                "descent::hessian(f, wrt(w)): the matrix form covers vector symbols and the elementwise, "
                "matrix-vector, slice and sample-sum operations; this node (a transpose, a product with a "
                "matrix that depends on w) is outside it: use make_objective(...).hessian_vector");
  using type = zero;
};

template <class T, class X, bool = depends_v<T, X>>
struct jacobian { using type = zero; };
template <class T, class X>
using jacobian_t = typename jacobian<T, X>::type;

// J of an operand broadcast over R entries when it is a scalar.
template <class U, class X, std::size_t R>
using operand_jacobian_t = std::conditional_t<is_scalar_v<U>, matmul_t<bcast_t<R, 1, one>, jacobian_t<U, X>>, jacobian_t<U, X>>;

template <class X>
struct jacobian<X, X, true> { using type = eye_t<shape_v<X>.rows>; };

// A scalar: the gradient as a row.
template <class T, class X>
  requires(is_scalar_v<T> && !std::is_same_v<T, X>)
struct jacobian<T, X, true> { using type = transpose_t<gradient_t<T, X>>; };

template <class L, class R, class X>
struct jacobian<op_node<sop::add, L, R>, X, true> {
  static constexpr std::size_t m = shape_v<op_node<sop::add, L, R>>.rows;
  using type = add_t<operand_jacobian_t<L, X, m>, operand_jacobian_t<R, X, m>>;
};
template <class L, class R, class X>
struct jacobian<op_node<sop::sub, L, R>, X, true> {
  static constexpr std::size_t m = shape_v<op_node<sop::sub, L, R>>.rows;
  using type = sub_t<operand_jacobian_t<L, X, m>, operand_jacobian_t<R, X, m>>;
};
// s * v with s scalar; u .* v with both shaped.
template <class S, class V, class X>
struct scaled_jacobian {
  using type = add_t<mul_t<S, jacobian_t<V, X>>, std::conditional_t<depends_v<S, X>, outer_t<V, gradient_t<S, X>>, zero>>;
};
template <class U, class V, class X>
struct hadamard_jacobian { using type = add_t<diag_t<V, jacobian_t<U, X>>, diag_t<U, jacobian_t<V, X>>>; };
template <class L, class R, class X>
struct jacobian<op_node<sop::mul, L, R>, X, true> {
  using type = typename std::conditional_t<is_scalar_v<L>, scaled_jacobian<L, R, X>,
                                           std::conditional_t<is_scalar_v<R>, scaled_jacobian<R, L, X>,
                                                              hadamard_jacobian<L, R, X>>>::type;
};
// a ./ v, v shaped (a scalar denominator is a product): a scalar a is broadcast.
template <class L, class R, class X>
struct numerator_jacobian { using type = diag_t<div_t<one, R>, jacobian_t<L, X>>; };
template <class L, class R, class X>
  requires is_scalar_v<L>
struct numerator_jacobian<L, R, X> { using type = outer_t<div_t<one, R>, gradient_t<L, X>>; };
template <class L, class R, class X>
struct jacobian<op_node<sop::div, L, R>, X, true> {
  using type = sub_t<typename numerator_jacobian<L, R, X>::type, diag_t<div_t<L, powc_t<2, 1, R>>, jacobian_t<R, X>>>;
};
template <class Fn, class U, class X>
struct jacobian<op_node<sop::map<Fn>, U>, X, true> { using type = diag_t<elementwise_partial_t<Fn, U>, jacobian_t<U, X>>; };
template <std::intmax_t P, std::intmax_t Q, class U, class X>
struct jacobian<op_node<sop::powc<P, Q>, U>, X, true> {
  static constexpr rational e1 = rational{P, Q} - rational{1};
  using type = diag_t<mul_t<constant<P, Q>, powc_t<e1.num, e1.den, U>>, jacobian_t<U, X>>;
};
template <class M, class U, class X>
struct jacobian<op_node<sop::matmul, M, U>, X, true> {
  using type = typename std::conditional_t<depends_v<M, X> || shape_v<U>.cols != 1, jacobian_unsupported<M, X>,
                                           std::type_identity<apply_to_t<M, jacobian_t<U, X>>>>::type;
};
template <class U, class X>
struct jacobian<op_node<sop::transpose, U>, X, true> : jacobian_unsupported<U, X> {};
template <std::size_t Off, std::size_t K, class U, class X>
struct jacobian<op_node<sop::slice<Off, K>, U>, X, true> { using type = row_block_t<Off, K, jacobian_t<U, X>>; };
template <std::size_t Off, std::size_t N, class U, class X>
struct jacobian<op_node<sop::embed<Off, N>, U>, X, true> { using type = row_embed_t<Off, N, jacobian_t<U, X>>; };
template <std::size_t R, std::size_t C, class S, class X>
struct jacobian<op_node<sop::bcast<R, C>, S>, X, true> {
  using type = typename std::conditional_t<C != 1, jacobian_unsupported<S, X>,
                                           std::type_identity<outer_t<bcast_t<R, 1, one>, gradient_t<S, X>>>>::type;
};
template <class U, class X>
struct jacobian<op_node<sop::sample_sum, U>, X, true> { using type = sample_sum_t<jacobian_t<U, X>>; };
template <class U, class X>
struct jacobian<op_node<sop::sample_mean, U>, X, true> { using type = sample_mean_t<jacobian_t<U, X>>; };

// Whether the rules above cover T (shaped/objective.hpp falls back to Hessian-vector
// products where they do not).
template <class T, class X> struct jacobian_ok;
template <class L, class X> struct all_jacobian_ok;
template <class... Cs, class X>
struct all_jacobian_ok<type_list<Cs...>, X> : std::bool_constant<(jacobian_ok<Cs, X>::value && ...)> {};
template <class T, class X>
struct jacobian_ok : std::bool_constant<!depends_v<T, X> || is_scalar_v<T> || all_jacobian_ok<children_t<T>, X>::value> {};
template <class U, class X>
struct jacobian_ok<op_node<sop::transpose, U>, X> : std::bool_constant<!depends_v<U, X>> {};
template <class M, class U, class X>
struct jacobian_ok<op_node<sop::matmul, M, U>, X>
    : std::bool_constant<!depends_v<op_node<sop::matmul, M, U>, X> || (!depends_v<M, X> && shape_v<U>.cols == 1 && jacobian_ok<U, X>::value)> {};
template <std::size_t R, std::size_t C, class S, class X>
struct jacobian_ok<op_node<sop::bcast<R, C>, S>, X> : std::bool_constant<C == 1 || !depends_v<S, X>> {};
template <class T, class X> inline constexpr bool jacobian_ok_v = jacobian_ok<T, X>::value;

// The Hessian of the scalar tree F with respect to the vector symbol W, in matrix form.
template <class F, class W>
struct shaped_hessian_of {
  static_assert(is_scalar_v<F>, "descent::hessian(f, wrt(w)): f must be a scalar expression");
  static_assert(is_vec_v<W>, "descent::hessian(f, wrt(w)): in matrix form w must be one descent::vec symbol "
                             "(for matrix symbols use make_objective(...).hessian or .hessian_vector)");
  using type = jacobian_t<gradient_t<F, W>, W>;
};
template <class Tree, class... Ws>
struct shaped_hessian<Tree, wrt_t<Ws...>> {
  static_assert(sizeof...(Ws) == 1, "descent::hessian(f, wrt(w)): in matrix form, one vector symbol at a time "
                                    "(make_objective(f, wrt(w, b, ...)).hessian gives the whole matrix)");
  using type = typename shaped_hessian_of<Tree, pack_at<0, Ws...>>::type;
};

}  // namespace descent::detail

#endif
