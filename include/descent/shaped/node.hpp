// descent/shaped/node.hpp: vector and matrix symbols, and the nodes of shaped expressions.
//
// Shapes are template arguments: `vec<"w", 30>` and `vec<"w", 30000>` give expression types
// of the same size, and derivatives are built in matrix form (shaped/vjp.hpp), never one node
// per entry.  A vector is an N x 1 column; a matrix is R x C, stored row-major when bound.
//
// Every shaped operation is one node template, op_node<Op, Children...>: Op is a tag (op::add,
// op::matmul, op::map<fn::tanh>, op::slice<Off, K>, ...) and the children are any trees,
// scalar (expr/node.hpp) or shaped.  Scalar-valued operations (dot, sum, logsumexp, an entry
// picked by a label) are atoms of the scalar language, so `softplus(dot(w, x) + b)` is an
// ordinary scalar tree whose leaves include a shaped node.
#ifndef DESCENT_SHAPED_NODE_HPP
#define DESCENT_SHAPED_NODE_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <descent/expr/literal.hpp>
#include <descent/node/extension.hpp>
#include <descent/node/order.hpp>
#include <descent/node/traits.hpp>

namespace descent {

// The shape of a tree: rows x cols; `scalar` for the scalar language's trees.
struct shape {
  std::size_t rows = 1, cols = 1;
  bool scalar = true;
  constexpr std::size_t size() const noexcept { return rows * cols; }
  constexpr bool is_vector() const noexcept { return !scalar && cols == 1; }
  friend constexpr bool operator==(const shape&, const shape&) = default;
};

template <fixed_string Name, std::size_t N>
struct vec;
template <fixed_string Name, std::size_t R, std::size_t C>
struct mat;

namespace shaped {

template <class Op, class... Cs>
struct op_node : expression_base {
  // v[label]: the entry at the class index bound to the scalar variable `label`.
  template <class L>
  constexpr auto operator[](const L& label) const { return at(*this, label); }
};

// The operations.  Each tag has a name (for hashing and messages).
namespace op {
struct add { static constexpr std::string_view name = "+"; };
struct sub { static constexpr std::string_view name = "-"; };
struct mul { static constexpr std::string_view name = "hadamard"; };  // elementwise; a scalar broadcasts
struct div { static constexpr std::string_view name = "/"; };
template <class Fn>
struct map { static constexpr std::string_view name = Fn::name; };  // Fn applied to every entry
template <std::intmax_t P, std::intmax_t Q>
struct powc { static constexpr std::string_view name = "pow"; };     // every entry ^ (P/Q)
struct matmul { static constexpr std::string_view name = "matmul"; };
struct transpose { static constexpr std::string_view name = "transpose"; };
struct dot { static constexpr std::string_view name = "dot"; };       // sum of a .* b: a scalar
struct sum { static constexpr std::string_view name = "sum"; };       // sum of entries: a scalar
struct lse { static constexpr std::string_view name = "logsumexp"; }; // a scalar
struct at { static constexpr std::string_view name = "index"; };      // v[label]: a scalar
template <std::size_t N>
struct onehot { static constexpr std::string_view name = "onehot"; }; // e_label, N entries
template <std::size_t Off, std::size_t K>
struct slice { static constexpr std::string_view name = "segment"; };
template <std::size_t Off, std::size_t N>
struct embed { static constexpr std::string_view name = "embed"; };   // zeros with a segment set
template <std::size_t R, std::size_t C>
struct bcast { static constexpr std::string_view name = "fill"; };    // a scalar in every entry
struct sample_sum { static constexpr std::string_view name = "sum_over_samples"; };
struct sample_mean { static constexpr std::string_view name = "mean_over_samples"; };
// The nodes of Jacobians and Hessians in matrix form (shaped/jacobian.hpp):
template <std::size_t N>
struct eye { static constexpr std::string_view name = "eye"; };            // the N x N identity
struct diag { static constexpr std::string_view name = "diag"; };          // diag(v) * M: row r of M times v_r
template <std::size_t Off, std::size_t K>
struct row_block { static constexpr std::string_view name = "rows"; };     // rows [Off, Off + K) of a matrix
template <std::size_t Off, std::size_t N>
struct row_embed { static constexpr std::string_view name = "embed_rows"; };  // N rows of zeros with rows Off.. set
}  // namespace op

}  // namespace shaped

namespace detail {

using shaped::op_node;
namespace sop = shaped::op;

// ---- classification -------------------------------------------------------------------
template <class T> inline constexpr bool is_shaped_node_v = false;
template <class Op, class... Cs> inline constexpr bool is_shaped_node_v<op_node<Op, Cs...>> = true;
template <class Op, class... Cs> inline constexpr bool is_shaped_v<op_node<Op, Cs...>> = true;
template <fixed_string N, std::size_t K> inline constexpr bool is_shaped_v<vec<N, K>> = true;
template <fixed_string N, std::size_t R, std::size_t C> inline constexpr bool is_shaped_v<mat<N, R, C>> = true;

template <class T> inline constexpr bool is_vec_v = false;
template <fixed_string N, std::size_t K> inline constexpr bool is_vec_v<vec<N, K>> = true;
template <class T> inline constexpr bool is_mat_v = false;
template <fixed_string N, std::size_t R, std::size_t C> inline constexpr bool is_mat_v<mat<N, R, C>> = true;
template <class T> inline constexpr bool is_symbol_v = is_vec_v<T> || is_mat_v<T>;

template <class T> inline constexpr bool is_sample_reduction_v = false;
template <class A> inline constexpr bool is_sample_reduction_v<op_node<sop::sample_sum, A>> = true;
template <class A> inline constexpr bool is_sample_reduction_v<op_node<sop::sample_mean, A>> = true;

template <class T> inline constexpr bool is_zero_v = std::is_same_v<T, constant<0>>;
template <class T> inline constexpr bool is_one_v = std::is_same_v<T, constant<1>>;

// ---- shapes ---------------------------------------------------------------------------
template <class T> struct shape_of { static constexpr shape value{}; };  // scalar trees
template <class T> inline constexpr shape shape_v = shape_of<T>::value;
template <fixed_string N, std::size_t K> struct shape_of<vec<N, K>> { static constexpr shape value{K, 1, false}; };
template <fixed_string N, std::size_t R, std::size_t C>
struct shape_of<mat<N, R, C>> { static constexpr shape value{R, C, false}; };

template <class T> inline constexpr bool is_scalar_v = shape_v<T>.scalar;

constexpr shape broadcast_shape(shape a, shape b) { return a.scalar ? b : a; }

template <class A, class B> struct shape_of<op_node<sop::add, A, B>> { static constexpr shape value = broadcast_shape(shape_v<A>, shape_v<B>); };
template <class A, class B> struct shape_of<op_node<sop::sub, A, B>> { static constexpr shape value = broadcast_shape(shape_v<A>, shape_v<B>); };
template <class A, class B> struct shape_of<op_node<sop::mul, A, B>> { static constexpr shape value = broadcast_shape(shape_v<A>, shape_v<B>); };
template <class A, class B> struct shape_of<op_node<sop::div, A, B>> { static constexpr shape value = broadcast_shape(shape_v<A>, shape_v<B>); };
template <class Fn, class A> struct shape_of<op_node<sop::map<Fn>, A>> { static constexpr shape value = shape_v<A>; };
template <std::intmax_t P, std::intmax_t Q, class A>
struct shape_of<op_node<sop::powc<P, Q>, A>> { static constexpr shape value = shape_v<A>; };
template <class A, class B>
struct shape_of<op_node<sop::matmul, A, B>> { static constexpr shape value{shape_v<A>.rows, shape_v<B>.cols, false}; };
template <class A>
struct shape_of<op_node<sop::transpose, A>> { static constexpr shape value{shape_v<A>.cols, shape_v<A>.rows, false}; };
template <std::size_t N, class L> struct shape_of<op_node<sop::onehot<N>, L>> { static constexpr shape value{N, 1, false}; };
template <std::size_t Off, std::size_t K, class A>
struct shape_of<op_node<sop::slice<Off, K>, A>> { static constexpr shape value{K, 1, false}; };
template <std::size_t Off, std::size_t N, class A>
struct shape_of<op_node<sop::embed<Off, N>, A>> { static constexpr shape value{N, 1, false}; };
template <std::size_t R, std::size_t C, class A>
struct shape_of<op_node<sop::bcast<R, C>, A>> { static constexpr shape value{R, C, false}; };
template <std::size_t N> struct shape_of<op_node<sop::eye<N>>> { static constexpr shape value{N, N, false}; };
template <class V, class M> struct shape_of<op_node<sop::diag, V, M>> { static constexpr shape value = shape_v<M>; };
template <std::size_t Off, std::size_t K, class A>
struct shape_of<op_node<sop::row_block<Off, K>, A>> { static constexpr shape value{K, shape_v<A>.cols, false}; };
template <std::size_t Off, std::size_t N, class A>
struct shape_of<op_node<sop::row_embed<Off, N>, A>> { static constexpr shape value{N, shape_v<A>.cols, false}; };
template <class A> struct shape_of<op_node<sop::sample_sum, A>> { static constexpr shape value = shape_v<A>; };
template <class A> struct shape_of<op_node<sop::sample_mean, A>> { static constexpr shape value = shape_v<A>; };
// dot, sum, lse, at: scalar (the primary template).

// ---- children, dependence, literals ---------------------------------------------------
template <class Op, class... Cs> struct children<op_node<Op, Cs...>> { using type = type_list<Cs...>; };

template <class Op, class... Cs, std::size_t Off>
struct shift<op_node<Op, Cs...>, Off> { using type = op_node<Op, shift_t<Cs, Off>...>; };

// ---- structural hash and order key ----------------------------------------------------
template <class Op> struct op_hash { static constexpr std::uint64_t value = hash_string(Op::name); };
template <std::intmax_t P, std::intmax_t Q>
struct op_hash<sop::powc<P, Q>> { static constexpr std::uint64_t value = mix(mix(21, static_cast<std::uint64_t>(P)), static_cast<std::uint64_t>(Q)); };
template <std::size_t N> struct op_hash<sop::onehot<N>> { static constexpr std::uint64_t value = mix(22, N); };
template <std::size_t A, std::size_t B> struct op_hash<sop::slice<A, B>> { static constexpr std::uint64_t value = mix(mix(23, A), B); };
template <std::size_t A, std::size_t B> struct op_hash<sop::embed<A, B>> { static constexpr std::uint64_t value = mix(mix(24, A), B); };
template <std::size_t A, std::size_t B> struct op_hash<sop::bcast<A, B>> { static constexpr std::uint64_t value = mix(mix(25, A), B); };
template <std::size_t A, std::size_t B> struct op_hash<sop::row_block<A, B>> { static constexpr std::uint64_t value = mix(mix(27, A), B); };
template <std::size_t A, std::size_t B> struct op_hash<sop::row_embed<A, B>> { static constexpr std::uint64_t value = mix(mix(28, A), B); };
template <class Fn> struct op_hash<sop::map<Fn>> { static constexpr std::uint64_t value = mix(26, hash_string(Fn::name)); };

template <class Op, class... Cs>
struct hash_of<op_node<Op, Cs...>> {
  static constexpr std::uint64_t value = [] {
    std::uint64_t h = mix(8, op_hash<Op>::value);
    for (std::uint64_t c : {std::uint64_t{0}, hash_of<Cs>::value...}) h = mix(h, c);
    return h;
  }();
};
template <fixed_string N, std::size_t K>
struct hash_of<vec<N, K>> { static constexpr std::uint64_t value = mix(9, hash_string(N.view())); };
template <fixed_string N, std::size_t R, std::size_t C>
struct hash_of<mat<N, R, C>> { static constexpr std::uint64_t value = mix(10, hash_string(N.view())); };
// Symbols sort with the scalar variables, by name.  Sizes are left out of the hash, so the
// canonical form of an expression does not depend on them (8 or 8000 wide: one form).
template <fixed_string N, std::size_t K> struct key_of<vec<N, K>> {
  static constexpr order_key value{static_cast<unsigned>(kind::variable), name_prefix(N.view()), hash_of<vec<N, K>>::value};
};
template <fixed_string N, std::size_t R, std::size_t C> struct key_of<mat<N, R, C>> {
  static constexpr order_key value{static_cast<unsigned>(kind::variable), name_prefix(N.view()), hash_of<mat<N, R, C>>::value};
};

}  // namespace detail
}  // namespace descent

#endif
