// descent/shaped/evaluate.hpp: evaluation of shaped expressions over blocks of samples.
//
// The distinct nodes of the roots (their DAG, eval/dag.hpp) are evaluated once each, in
// order, into one workspace whose layout is fixed at compile time: a node of shape R x C
// takes R*C numbers, or Block*R*C when it depends on per-sample data (row i of the block is
// sample i, row-major), so one pass over a block evaluates the per-sample DAG for Block
// samples at once:
//   W * x      with x per sample is X_block * W^T, one matrix product (Eigen);
//   dot(w, x)  is X_block * w;
//   sum_over_samples(d * x^T) is D_block^T X_block, accumulated block by block;
//   elementwise operations run over contiguous rows (the compiler vectorizes them).
// Nodes that read no per-sample data are evaluated once before the blocks, nodes reading a
// sum over samples once after them.  Nothing is allocated during an evaluation.
#ifndef DESCENT_SHAPED_EVALUATE_HPP
#define DESCENT_SHAPED_EVALUATE_HPP

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <stdexcept>
#include <string>

#include <Eigen/Core>

#include <descent/eval/dag.hpp>
#include <descent/expr/functions/exp_log.hpp>
#include <descent/expr/functions/nonsmooth.hpp>
#include <descent/expr/functions/sigmoid.hpp>
#include <descent/expr/functions/trig.hpp>
#include <descent/eval/evaluate.hpp>
#include <descent/shaped/context.hpp>
#include <descent/shaped/detail/gemm.hpp>
#include <descent/shaped/detail/vector_math.hpp>
#include <descent/shaped/jvp.hpp>
#include <descent/shaped/node.hpp>

namespace descent::detail {

// ---- the DAG of shaped trees ---------------------------------------------------------
template <fixed_string N, std::size_t K> struct is_leaf<vec<N, K>> : std::true_type {};
template <fixed_string N, std::size_t R, std::size_t C> struct is_leaf<mat<N, R, C>> : std::true_type {};
template <class P> struct is_leaf<direction<P>> : std::true_type {};
template <fixed_string N, std::size_t K> struct variables_of<vec<N, K>> { using type = type_list<vec<N, K>>; };
template <class P> struct variables_of<direction<P>> { using type = type_list<direction<P>>; };
template <fixed_string N, std::size_t R, std::size_t C> struct variables_of<mat<N, R, C>> { using type = type_list<mat<N, R, C>>; };

template <class Op, class... Cs> struct eval_children<op_node<Op, Cs...>> { using type = type_list<Cs...>; };

// Sums over samples of outer products (the gradient of W in W * x) are evaluated as one
// matrix product per block, never forming the per-sample outer products.
template <class T> struct outer_parts { static constexpr bool value = false; };
template <class U, class V>
  requires(!is_scalar_v<U> && !is_scalar_v<V>)
struct outer_parts<op_node<sop::matmul, U, op_node<sop::transpose, V>>> {
  static constexpr bool value = shape_v<U>.cols == 1 && shape_v<V>.cols == 1;
  using scale = one; using left = U; using right = V;
};
template <class S, class U, class V>
  requires(is_scalar_v<S> && !is_scalar_v<U> && !is_scalar_v<V>)
struct outer_parts<op_node<sop::mul, S, op_node<sop::matmul, U, op_node<sop::transpose, V>>>> {
  static constexpr bool value = shape_v<U>.cols == 1 && shape_v<V>.cols == 1;
  using scale = S; using left = U; using right = V;
};
template <class T> struct scaled_parts { static constexpr bool value = false; };
template <class S, class V>
  requires(is_scalar_v<S> && !is_scalar_v<V>)
struct scaled_parts<op_node<sop::mul, S, V>> { static constexpr bool value = true; using scale = S; using rest = V; };

template <class Red> inline constexpr bool is_sample_op_v = std::is_same_v<Red, sop::sample_sum> || std::is_same_v<Red, sop::sample_mean>;
template <class Red, class A>
  requires(is_sample_op_v<Red> && outer_parts<A>::value)
struct eval_children<op_node<Red, A>> {
  using type = std::conditional_t<is_one_v<typename outer_parts<A>::scale>,
                                  type_list<typename outer_parts<A>::left, typename outer_parts<A>::right>,
                                  type_list<typename outer_parts<A>::scale, typename outer_parts<A>::left,
                                            typename outer_parts<A>::right>>;
};
template <class Red, class A>
  requires(is_sample_op_v<Red> && !outer_parts<A>::value && scaled_parts<A>::value)
struct eval_children<op_node<Red, A>> {
  using type = type_list<typename scaled_parts<A>::scale, typename scaled_parts<A>::rest>;
};

template <class T> inline constexpr bool is_sample_mean_v = false;
template <class A> inline constexpr bool is_sample_mean_v<op_node<sop::sample_mean, A>> = true;

// ---- what depends on per-sample data ---------------------------------------------------
template <class Ctx, class T> struct batched_node;
template <class Ctx, class L> struct any_batched;
template <class Ctx, class... Cs>
struct any_batched<Ctx, type_list<Cs...>> : std::bool_constant<any_of({false, batched_node<Ctx, Cs>::value...})> {};
template <class Ctx, class T>
struct batched_node {
  static constexpr bool value = [] {
    if constexpr (is_constant_v<T> || is_literal_v<T>) return false;
    else if constexpr (is_var_v<T> || is_symbol_v<T>) return Ctx::template batched<T>;
    else if constexpr (is_sample_reduction_v<T>) return false;
    else return any_batched<Ctx, children_t<T>>::value;
  }();
};

template <class T> struct has_reduction;
template <class L> struct any_reduction;
template <class... Cs>
struct any_reduction<type_list<Cs...>> : std::bool_constant<any_of({false, has_reduction<Cs>::value...})> {};
template <class T>
struct has_reduction : std::bool_constant<is_sample_reduction_v<T> || any_reduction<children_t<T>>::value> {};

// A node that reads per-sample data after a sum over samples would need a second pass.
template <class... Nodes>
struct per_sample_after_reduction {
  static_assert(sizeof...(Nodes) == 0,
                "descent: a per-sample expression reads a sum or mean over samples (e.g. x - mean_over_samples(x)); "
                "compute that statistic first and bind it as data");
};

// Functions with a vectorized (SIMD) form over Eigen arrays, used for contiguous operands.
template <class Fn> struct array_form;
template <class Fn> concept has_array_form = requires { array_form<Fn>::available; };
template <> struct array_form<fn::exp> { static constexpr bool available = true; static auto apply(const auto& a) { return a.exp(); } };
template <> struct array_form<fn::log> { static constexpr bool available = true; static auto apply(const auto& a) { return a.log(); } };
template <> struct array_form<fn::log1p> { static constexpr bool available = true; static auto apply(const auto& a) { return a.log1p(); } };
template <> struct array_form<fn::expm1> { static constexpr bool available = true; static auto apply(const auto& a) { return a.expm1(); } };
template <> struct array_form<fn::sin> { static constexpr bool available = true; static auto apply(const auto& a) { return a.sin(); } };
template <> struct array_form<fn::cos> { static constexpr bool available = true; static auto apply(const auto& a) { return a.cos(); } };
template <> struct array_form<fn::tanh> {
  static constexpr bool available = true;
  template <class Out, class A>
  static void assign(Out out, const A& a) { tanh_array(a.data(), out.data(), static_cast<std::size_t>(a.size())); }
};
template <> struct array_form<fn::abs> { static constexpr bool available = true; static auto apply(const auto& a) { return a.abs(); } };
// softplus(a) = max(a, 0) + log1p(exp(-|a|)), as fn::softplus::eval
template <> struct array_form<fn::softplus> {
  static constexpr bool available = true;
  static auto apply(const auto& a) { return a.max(0.0) + (-a.abs()).exp().log1p(); }
  // e = exp(-|a|) into the output, then max(a, 0) + log1p(e) in place: the same bits as apply,
  // through the expressions compute_pair evaluates (Eigen instantiates them once for both)
  template <class Out, class A>
  static void assign(Out out, const A& a) {
    out = (-a.abs()).exp();
    out = a.max(0.0) + out.log1p();
  }
};
// sigmoid(a): 1 / (1 + exp(-a)) for a >= 0, exp(a) / (1 + exp(a)) below, as fn::sigmoid::eval
template <> struct array_form<fn::sigmoid> {
  static constexpr bool available = true;
  // one exponential per entry: e = exp(-|a|) into the output, then the select in place
  // (a template, like every function here that builds Eigen expressions: a plain inline
  // function's body would instantiate them in every translation unit that includes this header)
  template <class Out, class A>
  static void assign(Out out, const A& a) {
    out = (-a.abs()).exp();
    out = (a >= 0.0).select(1.0 / (1.0 + out), out / (1.0 + out));
  }
};
// Those whose double form is vectorised (Eigen 3.4's packet exp and log; tanh from libmvec
// where the target has it; sin, cos and log1p of doubles are scalar calls in Eigen as well):
// worth a separate pass over a fused operand.  That pass writes the operand to a scratch block,
// not to the output: sigmoid's and softplus's forms write exp(-|a|) into the output before
// reading a, so in place (a tried first) they gave mlp2 with sigmoid layers wrong gradients.
template <class Fn> inline constexpr bool simd_array_form = false;
template <> inline constexpr bool simd_array_form<fn::exp> = true;
template <> inline constexpr bool simd_array_form<fn::log> = true;
template <> inline constexpr bool simd_array_form<fn::sigmoid> = true;
template <> inline constexpr bool simd_array_form<fn::softplus> = true;
template <> inline constexpr bool simd_array_form<fn::tanh> = vector_tanh_available;  // libmvec
template <class Fn>
void array_assign(Eigen::Map<Eigen::ArrayXd> out, const Eigen::Map<const Eigen::ArrayXd>& a) {
  if constexpr (requires { array_form<Fn>::assign(out, a); }) array_form<Fn>::assign(out, a);
  else out = array_form<Fn>::apply(a);
}

template <class T, class L> struct count_in;
template <class T, class... Cs>
struct count_in<T, type_list<Cs...>> { static constexpr std::size_t value = (std::size_t{std::is_same_v<T, Cs>} + ... + 0); };

// Cheap elementwise nodes whose value one elementwise node alone reads are fused into it:
// computed inside its loop, entry by entry, never stored (one pass instead of several).
template <class T> inline constexpr bool cheap_elementwise_v = false;
template <class A, class B> inline constexpr bool cheap_elementwise_v<op_node<sop::add, A, B>> = true;
template <class A, class B> inline constexpr bool cheap_elementwise_v<op_node<sop::sub, A, B>> = true;
template <class A, class B> inline constexpr bool cheap_elementwise_v<op_node<sop::mul, A, B>> = true;
template <class A, class B> inline constexpr bool cheap_elementwise_v<op_node<sop::div, A, B>> = true;
template <std::intmax_t P, class A> inline constexpr bool cheap_elementwise_v<op_node<sop::powc<P, 1>, A>> = true;
template <std::size_t R, std::size_t C, class S> inline constexpr bool cheap_elementwise_v<op_node<sop::bcast<R, C>, S>> = true;
template <class C, class... Ts> inline constexpr bool cheap_elementwise_v<sum<C, Ts...>> = true;
template <class C, class... Fs> inline constexpr bool cheap_elementwise_v<product<C, Fs...>> = true;
template <class B, std::intmax_t P> inline constexpr bool cheap_elementwise_v<power<B, constant<P, 1>>> = true;
// Nodes that read their operands entry by entry (through get), so an operand can be fused.
template <class T> inline constexpr bool reads_elementwise_v = cheap_elementwise_v<T>;
template <class Fn, class A> inline constexpr bool reads_elementwise_v<op_node<sop::map<Fn>, A>> = true;
template <std::intmax_t P, std::intmax_t Q, class A> inline constexpr bool reads_elementwise_v<op_node<sop::powc<P, Q>, A>> = true;
template <class B, class E> inline constexpr bool reads_elementwise_v<power<B, E>> = true;
template <class Fn, class... As> inline constexpr bool reads_elementwise_v<apply<Fn, As...>> = true;
template <class A> inline constexpr bool reads_elementwise_v<op_node<sop::sum, A>> = true;
template <std::size_t Off, std::size_t N, class A> inline constexpr bool reads_elementwise_v<op_node<sop::embed<Off, N>, A>> = true;

// Sums over samples of a per-sample value (not an outer product or a scaled vector, which
// are matrix products): they read the operand entry by entry, so it can be fused.
template <class T> inline constexpr bool reads_rows_v = false;
template <class Red, class A>
  requires(is_sample_op_v<Red>)
inline constexpr bool reads_rows_v<op_node<Red, A>> = !outer_parts<A>::value && !scaled_parts<A>::value;

// Sum of f(0), ..., f(count - 1) in 32 lanes, added in a fixed order: 32 independent chains
// of additions instead of one (a floating-point sum is a chain of latencies and the compiler
// may not reassociate it; 8 lanes are one AVX-512 register, one chain of 4-cycle additions,
// 2.2x slower than the loads allow), the same bits on every call.
inline constexpr std::size_t sum_lanes = 32;
inline double fold_lanes(const double (&lanes)[sum_lanes]) {
  double a[8];
  for (std::size_t l = 0; l < 8; ++l) a[l] = (lanes[l] + lanes[l + 8]) + (lanes[l + 16] + lanes[l + 24]);
  return ((a[0] + a[4]) + (a[1] + a[5])) + ((a[2] + a[6]) + (a[3] + a[7]));
}
template <class F>
inline double lane_sum(std::size_t count, F&& f) {
  double lanes[sum_lanes] = {};
  std::size_t i = 0;
  for (; i + sum_lanes <= count; i += sum_lanes)
    for (std::size_t l = 0; l < sum_lanes; ++l) lanes[l] += f(i + l);
  for (; i + 8 <= count; i += 8)
    for (std::size_t l = 0; l < 8; ++l) lanes[l] += f(i + l);
  double s = fold_lanes(lanes);
  for (; i < count; ++i) s += f(i);
  return s;
}
// Readers that visit every entry of their operand once (any shape may be fused into them).
template <class T> inline constexpr bool reads_whole_v = false;
template <class A> inline constexpr bool reads_whole_v<op_node<sop::sum, A>> = true;
template <class A> inline constexpr bool reads_whole_v<op_node<sop::lse, A>> = false;  // reads each entry twice
template <std::size_t Off, std::size_t N, class A> inline constexpr bool reads_whole_v<op_node<sop::embed<Off, N>, A>> = true;

// softplus(a) and sigmoid(a) of one operand (the loss of logistic regression and its
// derivative) share e = exp(-|a|): softplus(a) = max(a, 0) + log1p(e), sigmoid(a) = 1/(1 + e)
// or e/(1 + e).  When both are in a DAG, the first computes both in one pass.
template <class T> struct softplus_pair { static constexpr bool value = false; };
template <class A> struct softplus_pair<apply<fn::softplus, A>> {
  static constexpr bool value = true, is_softplus = true;
  using operand = A; using softplus = apply<fn::softplus, A>; using sigmoid = apply<fn::sigmoid, A>;
};
template <class A> struct softplus_pair<apply<fn::sigmoid, A>> : softplus_pair<apply<fn::softplus, A>> {
  static constexpr bool is_softplus = false;
};
template <class A> struct softplus_pair<op_node<sop::map<fn::softplus>, A>> {
  static constexpr bool value = true, is_softplus = true;
  using operand = A; using softplus = op_node<sop::map<fn::softplus>, A>; using sigmoid = op_node<sop::map<fn::sigmoid>, A>;
};
template <class A> struct softplus_pair<op_node<sop::map<fn::sigmoid>, A>> : softplus_pair<op_node<sop::map<fn::softplus>, A>> {
  static constexpr bool is_softplus = false;
};

template <class T> inline constexpr bool is_add_sub_v = false;
template <class A, class B> inline constexpr bool is_add_sub_v<op_node<sop::add, A, B>> = true;
template <class A, class B> inline constexpr bool is_add_sub_v<op_node<sop::sub, A, B>> = true;
template <class T> inline constexpr bool is_embed_v = false;
template <std::size_t Off, std::size_t N, class A> inline constexpr bool is_embed_v<op_node<sop::embed<Off, N>, A>> = true;

// Direct: the roots that nothing else reads are computed straight into the caller's buffer
// by write_to (an objective's gradient into g), not into the workspace and copied.
template <class Ctx, class Dag, std::size_t Block, class Roots = type_list<>, bool Direct = false>
struct shaped_evaluator;

template <class Ctx, class... Nodes, std::size_t Block, class Roots, bool Direct>
struct shaped_evaluator<Ctx, type_list<Nodes...>, Block, Roots, Direct> {
  using dag = type_list<Nodes...>;
  static constexpr std::size_t block_size = Block;  // rows per block
  template <class T> static constexpr bool batched = batched_node<Ctx, T>::value;
  template <class T> static constexpr std::size_t K = shape_v<T>.size();
  // 0: before the blocks, 1: per block (per-sample nodes and the sums over samples), 2: after.
  template <class T> static constexpr int phase = is_sample_reduction_v<T> ? 1 : batched<T> ? 1 : has_reduction<T>::value ? 2 : 0;

  // Views take no storage and no pass: a segment of a value shared by all samples, and the
  // transpose of a vector, read their operand's numbers in place.
  template <class T> struct view_of { static constexpr bool value = false; };
  template <std::size_t Off, std::size_t Kk, class A>
  struct view_of<op_node<sop::slice<Off, Kk>, A>> {
    static constexpr bool value = !batched_node<Ctx, A>::value && !is_constant_v<A> && !is_literal_v<A>;
    static constexpr std::size_t offset = Off;
    using operand = A;
  };
  template <class A>
  struct view_of<op_node<sop::transpose, A>> {
    static constexpr bool value = (shape_v<A>.rows == 1 || shape_v<A>.cols == 1) && !is_constant_v<A> && !is_literal_v<A>;
    static constexpr std::size_t offset = 0;
    using operand = A;
  };
  template <class T> static constexpr bool is_view = view_of<T>::value;

  // Which node reads which: every edge of the DAG (a node, the position of the node it reads),
  // and per-node facts as arrays, so that the fusion decisions below are one constexpr pass
  // over them instead of a template instantiated per pair of nodes (quadratic in the number of
  // nodes, about 0.3 s of g++ per objective).  Positions, not the addresses of id_of<T>: g++
  // with -fsanitize=address does not take the comparison of two distinct addresses as a
  // constant expression.
  static constexpr std::size_t node_count = sizeof...(Nodes);
  // The position of T among the nodes (node_count when it is not one of them: a leaf).
  template <class T>
  static constexpr std::size_t position_in_dag() {
    if constexpr (requires { select_index<T>(static_cast<const indexer<Nodes...>*>(nullptr)); })
      return decltype(select_index<T>(static_cast<const indexer<Nodes...>*>(nullptr)))::value;
    else
      return node_count;
  }
  template <class L> struct positions_in;
  template <class... Cs> struct positions_in<type_list<Cs...>> {
    static constexpr std::size_t size = sizeof...(Cs);
    static constexpr std::array<std::size_t, sizeof...(Cs) + 1> at{position_in_dag<Cs>()..., node_count};
  };
  template <class T> using children_at = positions_in<typename eval_children<T>::type>;
  static constexpr std::size_t edge_count = (children_at<Nodes>::size + ... + 0);
  struct edge_table {
    std::array<std::size_t, edge_count + 1> reader{};       // position of the reading node
    std::array<std::size_t, edge_count + 1> read_at{};      // position of the node read (node_count: a leaf)
  };
  static constexpr edge_table edges = [] {
    edge_table t;
    std::size_t e = 0, j = 0;
    auto add = [&](const auto& at, std::size_t size) {
      for (std::size_t k = 0; k < size; ++k, ++e) {
        t.reader[e] = j;
        t.read_at[e] = at[k];
      }
      ++j;
    };
    (void)add;
    (add(children_at<Nodes>::at, children_at<Nodes>::size), ...);
    return t;
  }();
  // How many times nodes read each node (the last entry counts the reads of all leaves).
  static constexpr std::array<std::size_t, node_count + 1> reader_counts = [] {
    std::array<std::size_t, node_count + 1> r{};
    for (std::size_t e = 0; e < edge_count; ++e) r[edges.read_at[e]] += 1;
    return r;
  }();
  template <class T> static constexpr std::size_t readers = reader_counts[position_in_dag<T>()];
  template <class T> static constexpr bool in_roots = count_in<T, Roots>::value > 0;

  // A cheap node over at most three operands, each a symbol, a constant, a view or itself one
  // cheap operation on such, is recomputed in each of its readers rather than stored and read
  // back (x[1:n] - x[0:n-1].^2 in the n-D Rosenbrock's value and gradient).
  template <class T> static constexpr bool base_operand = is_var_v<T> || is_symbol_v<T> || is_constant_v<T> || is_literal_v<T> || is_view<T>;
  template <class L> struct all_base;
  template <class... Cs> struct all_base<type_list<Cs...>> { static constexpr bool value = (base_operand<Cs> && ...); };
  template <class T> static constexpr bool simple = cheap_elementwise_v<T> && all_base<typename eval_children<T>::type>::value;
  template <class L> struct repeatable;
  template <class... Cs> struct repeatable<type_list<Cs...>> {
    static constexpr bool value = sizeof...(Cs) <= 3 && ((base_operand<Cs> || simple<Cs>) && ...);
  };

  // The per-node facts the decisions read.
  struct node_facts {
    bool batched, cheap, reads_elementwise, reads_whole, reads_rows, add_sub, embed, root, repeatable;
    shape s;
  };
  template <class T>
  static constexpr node_facts facts_of() {
    node_facts f{batched<T>, cheap_elementwise_v<T>, reads_elementwise_v<T>, reads_whole_v<T>, reads_rows_v<T>,
                 is_add_sub_v<T>, is_embed_v<T>, in_roots<T>, false, shape_v<T>};
    if constexpr (cheap_elementwise_v<T>) f.repeatable = repeatable<typename eval_children<T>::type>::value;
    return f;
  }
  struct fusion_table {
    std::array<bool, node_count + 1> scattered{}, scatter_sum{}, fused{};
  };
  static constexpr fusion_table fusion = [] {
    constexpr std::array<node_facts, node_count + 1> f{facts_of<Nodes>()..., node_facts{}};
    fusion_table t;
    const auto& readers = reader_counts;
    // embed nodes scattered into the one sum or difference (same shape and rows) reading them
    for (std::size_t i = 0; i < node_count; ++i) {
      bool ok = f[i].embed && readers[i] == 1 && !f[i].root;
      for (std::size_t e = 0; e < edge_count && ok; ++e)
        if (edges.read_at[e] == i) {
          const node_facts& r = f[edges.reader[e]];
          ok = r.add_sub && r.batched == f[i].batched && r.s == f[i].s;
        }
      t.scattered[i] = ok;
    }
    for (std::size_t e = 0; e < edge_count; ++e)
      if (f[edges.reader[e]].add_sub && edges.read_at[e] < node_count && t.scattered[edges.read_at[e]])
        t.scatter_sum[edges.reader[e]] = true;
    // cheap elementwise nodes computed inside the node(s) reading them
    for (std::size_t i = 0; i < node_count; ++i) {
      bool ok = f[i].cheap && !t.scatter_sum[i] && !f[i].root && (readers[i] == 1 || (readers[i] > 1 && f[i].repeatable));
      for (std::size_t e = 0; e < edge_count && ok; ++e)
        if (edges.read_at[e] == i) {
          const node_facts& r = f[edges.reader[e]];
          ok = (r.reads_elementwise && r.batched == f[i].batched && (r.s == f[i].s || r.reads_whole)) ||
               (r.reads_rows && f[i].batched);
        }
      t.fused[i] = ok;
    }
    return t;
  }();
  // The position of T in the DAG (node_count when it is not a node of it: a leaf).
  template <class T> static constexpr std::size_t position = position_in_dag<T>();
  template <class T> static constexpr bool scattered = fusion.scattered[position<T>];
  // Fusion: T is computed inside the one node that reads it (see cheap_elementwise_v).
  template <class T> static constexpr bool fused = fusion.fused[position<T>];
  // embed<Off, N>(a) read by one sum or difference alone is never stored: the sum writes its
  // other operand (or zeros) and adds a into entries [Off, Off + K) (the gradient of a sum of
  // slices, as in the n-D Rosenbrock).
  template <class T> static constexpr bool scatter_sum = fusion.scatter_sum[position<T>];

  template <class T>
  static constexpr bool direct = Direct && in_roots<T> && readers<T> == 0 && K<T> > 1 &&
                                 (cheap_elementwise_v<T> || scatter_sum<T>);

  // softplus and sigmoid of one stored operand, both in the DAG: computed together.
  template <class T>
  static constexpr bool paired = [] {
    if constexpr (!softplus_pair<T>::value) return false;
    else {
      using P = softplus_pair<T>;
      using A = typename P::operand;
      return count_in<typename P::softplus, dag>::value == 1 && count_in<typename P::sigmoid, dag>::value == 1 &&
             !is_constant_v<A> && !is_literal_v<A> && !is_view<A> && !fused<A> && batched<T> == batched<A>;
    }
  }();
  template <class T>
  static constexpr bool computes_pair = [] {
    if constexpr (!paired<T>) return false;
    else {
      using P = softplus_pair<T>;
      return index_of_v<T, dag> < index_of_v<std::conditional_t<P::is_softplus, typename P::sigmoid, typename P::softplus>, dag>;
    }
  }();

  // The largest per-sample node (sets how many rows a block can hold).
  static constexpr std::size_t widest = std::max({std::size_t{1}, (batched<Nodes> ? K<Nodes> : std::size_t{1})...});

  static constexpr std::array<std::size_t, sizeof...(Nodes) + 1> offsets = [] {
    std::array<std::size_t, sizeof...(Nodes) + 1> off{};
    constexpr std::array<std::size_t, sizeof...(Nodes) + 1> sizes{(is_view<Nodes> || fused<Nodes> || scattered<Nodes> ? 0 : (batched<Nodes> ? Block : 1) * K<Nodes>)..., 0};
    for (std::size_t i = 0; i < sizeof...(Nodes); ++i) off[i + 1] = off[i] + sizes[i];
    return off;
  }();
  static constexpr std::size_t workspace_size = offsets[sizeof...(Nodes)];

  template <class T>
  static constexpr bool reads_reduction_per_sample = batched<T> && has_reduction<T>::value && !is_sample_reduction_v<T>;
  template <class T>
  static constexpr bool check_order() {
    if constexpr (reads_reduction_per_sample<T>) return sizeof(per_sample_after_reduction<T>) == 0;
    else return true;
  }

  Ctx& ctx;
  double* ws;
  const double* lits;
  std::size_t n = 1;  // rows of the current block

  static Eigen::Index ix(std::size_t v) { return static_cast<Eigen::Index>(v); }
  // Rows of a few (<= narrow) numbers each, the count known to Eigen: X^T s with them is
  // unrolled over the columns instead of running the general GEMV kernel (W2: X^T r with 8
  // features).  (X w takes rows_dot, shaped/detail/gemm.hpp.)
  static constexpr std::size_t narrow = 16;
  template <std::size_t Kc>
  using CRows = Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, int(Kc), (Kc == 1 ? Eigen::ColMajor : Eigen::RowMajor)>>;
  template <std::size_t Kc> using MFixed = Eigen::Map<Eigen::Matrix<double, int(Kc), 1>>;
  using CVec = Eigen::Map<const Eigen::VectorXd>;

  template <class T>
  double* out() const { return ws + offsets[index_of_v<T, dag>]; }
  template <class T>
  const double* ptr() const {
    if constexpr (is_var_v<T> || is_symbol_v<T>) return ctx.template pointer<T>();
    else if constexpr (is_view<T>) return ptr<typename view_of<T>::operand>() + view_of<T>::offset;
    else return ws + offsets[index_of_v<T, dag>];
  }
  // Entry k of sample i (broadcasting scalars and values shared by all samples).
  template <class T>
  double get(std::size_t i, std::size_t k) const {
    if constexpr (is_constant_v<T>) {
      return static_cast<double>(value_of<T>.num) / static_cast<double>(value_of<T>.den);
    } else if constexpr (is_literal_v<T>) {
      return literal_value(T{});
    } else if constexpr (fused<T>) {
      return element(T{}, i, k);
    } else {
      const double* p = ptr<T>();
      return p[(batched<T> ? i * K<T> : 0) + (K<T> == 1 ? 0 : k)];
    }
  }
  template <std::size_t I>
  double literal_value(literal<I>) const { return lits[I]; }

  // Entry k of sample i of a fused node, from its operands.
  template <class A, class B> double element(op_node<sop::add, A, B>, std::size_t i, std::size_t k) const { return get<A>(i, k) + get<B>(i, k); }
  template <class A, class B> double element(op_node<sop::sub, A, B>, std::size_t i, std::size_t k) const { return get<A>(i, k) - get<B>(i, k); }
  template <class A, class B> double element(op_node<sop::mul, A, B>, std::size_t i, std::size_t k) const { return get<A>(i, k) * get<B>(i, k); }
  template <class A, class B> double element(op_node<sop::div, A, B>, std::size_t i, std::size_t k) const { return get<A>(i, k) / get<B>(i, k); }
  template <std::intmax_t P, class A> double element(op_node<sop::powc<P, 1>, A>, std::size_t i, std::size_t k) const { return power_of<P, 1>(get<A>(i, k)); }
  template <std::size_t R, std::size_t C, class S> double element(op_node<sop::bcast<R, C>, S>, std::size_t i, std::size_t) const { return get<S>(i, 0); }
  template <class C, class T, class... Ts>
  double element(sum<C, T, Ts...>, std::size_t i, std::size_t) const {
    double r = get<T>(i, 0);
    if constexpr (!value_of<C>.is_zero()) r = get<C>(0, 0) + r;
    (void)std::initializer_list<int>{((void)(r += get<Ts>(i, 0)), 0)...};
    return r;
  }
  template <class C, class... Fs>
  double element(product<C, Fs...>, std::size_t i, std::size_t) const {
    constexpr rational c = value_of<C>;
    double num = 1.0, den = 1.0;
    (void)std::initializer_list<int>{(factor<Fs>(i, num, den), 0)...};
    if constexpr (c == rational{-1}) num = -num;
    else if constexpr (!c.is_one()) num = get<C>(0, 0) * num;
    if constexpr ((is_denominator_v<Fs> || ...)) return num / den;
    else return num;
  }
  template <class B, std::intmax_t P> double element(power<B, constant<P, 1>>, std::size_t i, std::size_t) const { return power_of<P, 1>(get<B>(i, 0)); }
  template <class T> std::size_t rows() const { return batched<T> ? n : 1; }

  // ---- running -------------------------------------------------------------------------
  // The nodes each phase computes (not views, fused, scattered or direct roots, nor the
  // second of a softplus/sigmoid pair), picked at compile time: a function is instantiated
  // per computed node, not per node and phase.
  template <class T>
  static constexpr bool computed = !is_view<T> && !fused<T> && !scattered<T> && !direct<T> &&
                                   (is_sample_reduction_v<T> || scatter_sum<T> || computes_pair<T> || !paired<T>);
  template <int Phase>
  struct phase_nodes {
    static constexpr std::array<bool, node_count> flags{(phase<Nodes> == Phase && computed<Nodes>)...};
    static constexpr auto picked = positions_of(flags);
    static constexpr std::size_t picked_count = count_true(flags);
  };
  struct reduction_nodes {
    static constexpr std::array<bool, node_count> flags{is_sample_reduction_v<Nodes>...};
    static constexpr auto picked = positions_of(flags);
    static constexpr std::size_t picked_count = count_true(flags);
  };
  using reductions = pick_t<reduction_nodes, dag>;

  template <int Phase>
  void run_phase() {
    run_nodes(pick_t<phase_nodes<Phase>, dag>{});
  }
  template <class... Ts>
  void run_nodes(type_list<Ts...>) {
    (void)std::initializer_list<int>{(run_node<Ts>(), 0)...};
  }
  template <class T>
  void run_node() {
    if constexpr (is_sample_reduction_v<T>) accumulate(T{});
    else if constexpr (scatter_sum<T>) compute_scatter(T{}, out<T>());
    else if constexpr (computes_pair<T>) compute_pair<typename softplus_pair<T>::softplus, typename softplus_pair<T>::sigmoid>();
    else compute(T{});
  }
  // softplus and sigmoid from one exp(-|a|) per entry (the formulas of array_form<fn::softplus>
  // and array_form<fn::sigmoid>, so the bits are those of computing them apart).
  template <class Sp, class Sg>
  void compute_pair() {
    using A = typename softplus_pair<Sp>::operand;
    const auto m = ix(rows<Sp>() * K<Sp>);
    Eigen::Map<const Eigen::ArrayXd> a(ptr<A>(), m);
    Eigen::Map<Eigen::ArrayXd> sp(out<Sp>(), m), sg(out<Sg>(), m);
    sg = (-a.abs()).exp();
    sp = a.max(0.0) + sg.log1p();
    sg = (a >= 0.0).select(1.0 / (1.0 + sg), sg / (1.0 + sg));
  }
  void reset_reductions() { reset_all(reductions{}); }
  template <class... Ts>
  void reset_all(type_list<Ts...>) {
    (void)std::initializer_list<int>{(std::fill_n(out<Ts>(), K<Ts>, 0.0), 0)...};
  }
  void finish_reductions(std::size_t total) { finish_all(reductions{}, total); }
  template <class... Ts>
  void finish_all(type_list<Ts...>, std::size_t total) {
    (void)total;
    (void)std::initializer_list<int>{(finish_one<Ts>(total), 0)...};
  }
  template <class T> void finish_one(std::size_t total) {
    (void)total;
    if constexpr (is_sample_mean_v<T>) {
      const double s = 1.0 / static_cast<double>(total);
      double* o = out<T>();
      for (std::size_t k = 0; k < K<T>; ++k) o[k] *= s;
    }
  }

  // Evaluate everything: blocks of rows [0, total) of the samples (or of `index`).
  void run(std::size_t total, std::span<const std::size_t> index) {
    static_assert((check_order<Nodes>() && ... && true));
    run_phase<0>();
    reset_reductions();
    run_rows(0, total, index);
    finish(total);
  }
  // The sums over samples of rows [begin, end), added to the accumulators (phase 0 done).
  void run_rows(std::size_t begin, std::size_t end, std::span<const std::size_t> index) {
    for (std::size_t start = begin; start < end; start += Block) {
      n = std::min(Block, end - start);
      ctx.set_block(start, n, index);
      run_phase<1>();
    }
  }
  // After the sums: the means, and what reads the sums.
  void finish(std::size_t total) {
    finish_reductions(total);
    n = 1;
    run_phase<2>();
  }

  // The accumulators of every sum over samples, one after the other: what a chunk of rows
  // contributes (shaped/objective.hpp adds the chunks in their order, whoever computed them).
  static constexpr std::size_t reduction_size = ((is_sample_reduction_v<Nodes> ? K<Nodes> : 0) + ... + 0);
  void save_reductions(double* to) const { save_all(reductions{}, to); }
  void add_reductions(const double* from) { add_all(reductions{}, from); }
  template <class... Ts>
  void save_all(type_list<Ts...>, double* to) const {
    (void)to;
    (void)std::initializer_list<int>{(to = std::copy_n(ws + offsets[index_of_v<Ts, dag>], K<Ts>, to), 0)...};
  }
  template <class... Ts>
  void add_all(type_list<Ts...>, const double* from) {
    (void)from;
    (void)std::initializer_list<int>{(add_one(out<Ts>(), K<Ts>, from), 0)...};
  }
  static void add_one(double* acc, std::size_t k, const double*& from) {
    for (std::size_t j = 0; j < k; ++j) acc[j] += from[j];
    from += k;
  }

  // f(i, j) for the r x k entries of a per-sample value, row by row.  Rows of 4 or more entries
  // are the loop the compiler vectorises: g++ 12 -O3 unrolls a loop of constant trip count
  // completely before vectorising, then vectorised across the rows instead, loading 8 rows and
  // transposing them with a network of vpermi2pd (W4, rows of 16: most of the evaluator's own
  // time), where the row itself is 2 contiguous vectors.
  template <std::size_t k, class F>
  static void each_entry(std::size_t r, F&& f) {
    for (std::size_t i = 0; i < r; ++i) {
      if constexpr (k >= 4 && k <= 64) {  // (longer loops are not unrolled completely)
#pragma GCC unroll 1
        for (std::size_t j = 0; j < k; ++j) f(i, j);
      } else {
        for (std::size_t j = 0; j < k; ++j) f(i, j);
      }
    }
  }

  // ---- cheap elementwise nodes (also the scalar sums and products), entry by entry -------------
  // The one loop for every node element() knows: stored when not fused into its reader.
  template <class T>
    requires cheap_elementwise_v<T>
  void compute(T) { compute_cheap<T>(out<T>()); }
  template <class T>
  void compute_cheap(double* o) {
    constexpr std::size_t k = K<T>;
    const std::size_t r = rows<T>();
    each_entry<k>(r, [&](std::size_t i, std::size_t j) { o[i * k + j] = element(T{}, i, j); });
  }

  // a +- b with a or b an embed<Off, N>(e) that is not stored: the other operand (or zeros),
  // then e added or subtracted in place.
  template <class Op, class A, class B>
  void compute_scatter(op_node<Op, A, B>, double* o) {
    using T = op_node<Op, A, B>;
    constexpr bool add = std::is_same_v<Op, sop::add>;
    constexpr std::size_t k = K<T>;
    const std::size_t r = rows<T>();
    for (std::size_t i = 0; i < r; ++i) {
      if constexpr (scattered<A> && scattered<B>) {  // zeros around a's entries, a's entries, then b
        place<A>(o + i * k, i);
      } else if constexpr (scattered<A>) {
        for (std::size_t j = 0; j < k; ++j) o[i * k + j] = add ? get<B>(i, j) : -get<B>(i, j);
        scatter_into<A, true>(o + i * k, i);
      } else {
        for (std::size_t j = 0; j < k; ++j) o[i * k + j] = get<A>(i, j);
      }
      if constexpr (scattered<B>) scatter_into<B, add>(o + i * k, i);
    }
  }
  template <class E, bool Add, std::size_t Off, std::size_t N, class X>
  void scatter_at(double* o, std::size_t i, op_node<sop::embed<Off, N>, X>*) const {
    for (std::size_t j = 0; j < K<X>; ++j) {
      if constexpr (Add) o[Off + j] += get<X>(i, j);
      else o[Off + j] -= get<X>(i, j);
    }
  }
  template <class E, bool Add>
  void scatter_into(double* o, std::size_t i) const { scatter_at<E, Add>(o, i, static_cast<E*>(nullptr)); }
  template <std::size_t Off, std::size_t N, class X>
  void place_at(double* o, std::size_t i, op_node<sop::embed<Off, N>, X>*) const {
    std::fill_n(o, Off, 0.0);
    for (std::size_t j = 0; j < K<X>; ++j) o[Off + j] = get<X>(i, j);
    std::fill_n(o + Off + K<X>, N - Off - K<X>, 0.0);
  }
  template <class E>
  void place(double* o, std::size_t i) const { place_at(o, i, static_cast<E*>(nullptr)); }

  // The K entries of root T (not per sample) into o: computed there when direct, else copied.
  template <class T>
  void write_to(double* o) {
    if constexpr (!direct<T>) {
      for (std::size_t k = 0; k < K<T>; ++k) o[k] = get<T>(0, k);
    } else if constexpr (scatter_sum<T>) {
      compute_scatter(T{}, o);
    } else {
      compute_cheap<T>(o);
    }
  }

  // ---- other scalar nodes, per sample ----------------------------------------------------
  template <class F>
  void factor(std::size_t i, double& num, double& den) const {
    if constexpr (is_denominator_v<F>) den *= get<positive_factor_t<F>>(i, 0);
    else num *= get<F>(i, 0);
  }
  template <std::intmax_t P, std::intmax_t Q>
  static double power_of(double b) {
    constexpr std::intmax_t A = P < 0 ? -P : P;
    double r;
    if constexpr (Q == 1) r = ipow<A>(b);
    else if constexpr (Q == 2) r = ipow<A>(std::sqrt(b));
    else r = std::pow(b, static_cast<double>(A) / static_cast<double>(Q));
    if constexpr (P < 0) return 1.0 / r;
    else return r;
  }
  template <class B, std::intmax_t P, std::intmax_t Q>
  void compute(power<B, constant<P, Q>>) {
    using node_t = power<B, constant<P, Q>>;
    double* o = out<node_t>();
    for (std::size_t i = 0; i < rows<node_t>(); ++i) o[i] = power_of<P, Q>(get<B>(i, 0));
  }
  template <class B, class E>
  void compute(power<B, E>) {
    using node_t = power<B, E>;
    double* o = out<node_t>();
    for (std::size_t i = 0; i < rows<node_t>(); ++i) o[i] = std::pow(get<B>(i, 0), get<E>(i, 0));
  }
  // Fn of a fused operand A (node T, scalar or shaped): A's values into a scratch block first,
  // then Fn's vectorised form over them.
  template <class Fn, class T, class A>
  void array_over_fused() {
    constexpr std::size_t k = K<T>;
    const std::size_t r = rows<T>();
    double* t = thread_scratch(r * k);
    each_entry<k>(r, [&](std::size_t i, std::size_t j) { t[i * k + j] = get<A>(i, j); });
    array_assign<Fn>(Eigen::Map<Eigen::ArrayXd>(out<T>(), ix(r * k)), Eigen::Map<const Eigen::ArrayXd>(t, ix(r * k)));
  }
  template <class Fn, class A>
    requires(has_array_form<Fn>)
  void compute(apply<Fn, A>) {
    using node_t = apply<Fn, A>;
    if constexpr (fused<A> && batched<node_t> == batched<A> && simd_array_form<Fn>) {
      // z = w . x + b of a logistic loss's Hessian (std::exp per sample was a fifth of W6's time)
      array_over_fused<Fn, node_t, A>();
    } else if constexpr (is_constant_v<A> || is_literal_v<A> || fused<A>) {
      double* o = out<node_t>();
      for (std::size_t i = 0; i < rows<node_t>(); ++i) o[i] = static_cast<double>(Fn::eval(get<A>(i, 0)));
    } else {
      static_assert(batched<node_t> == batched<A>);
      array_assign<Fn>(Eigen::Map<Eigen::ArrayXd>(out<node_t>(), ix(rows<node_t>())),
                       Eigen::Map<const Eigen::ArrayXd>(ptr<A>(), ix(rows<node_t>())));
    }
  }
  template <class Fn, class... As>
  void compute(apply<Fn, As...>) {
    using node_t = apply<Fn, As...>;
    double* o = out<node_t>();
    for (std::size_t i = 0; i < rows<node_t>(); ++i) o[i] = static_cast<double>(Fn::eval(get<As>(i, 0)...));
  }

  // ---- elementwise shaped nodes -------------------------------------------------------------
  template <class Fn> struct call { double operator()(double a) const { return static_cast<double>(Fn::eval(a)); } };
  template <std::intmax_t P, std::intmax_t Q> struct raise { double operator()(double a) const { return power_of<P, Q>(a); } };
  template <class T, class F, class... Cs>
  void elementwise(F f) {
    double* o = out<T>();
    constexpr std::size_t k = K<T>;
    const std::size_t r = rows<T>();
    each_entry<k>(r, [&](std::size_t i, std::size_t j) { o[i * k + j] = f(get<Cs>(i, j)...); });
  }
  template <class Fn, class A>
    requires(has_array_form<Fn>)
  void compute(op_node<sop::map<Fn>, A>) {
    using node_t = op_node<sop::map<Fn>, A>;
    if constexpr (batched<node_t> == batched<A> && !is_constant_v<A> && !is_literal_v<A> && !is_view<A> && !fused<A>) {
      const auto m = ix(rows<node_t>() * K<node_t>);
      array_assign<Fn>(Eigen::Map<Eigen::ArrayXd>(out<node_t>(), m), Eigen::Map<const Eigen::ArrayXd>(ptr<A>(), m));
    } else if constexpr (batched<node_t> == batched<A> && fused<A> && simd_array_form<Fn>) {
      // the softmax's exp(a - logsumexp(a)), tanh(W x + b)
      array_over_fused<Fn, node_t, A>();
    } else {
      elementwise<node_t, call<Fn>, A>({});
    }
  }
  template <class Fn, class A> void compute(op_node<sop::map<Fn>, A>) {
    elementwise<op_node<sop::map<Fn>, A>, call<Fn>, A>({});
  }
  template <std::intmax_t P, std::intmax_t Q, class A> void compute(op_node<sop::powc<P, Q>, A>) {
    elementwise<op_node<sop::powc<P, Q>, A>, raise<P, Q>, A>({});
  }

  // ---- linear algebra ---------------------------------------------------------------------
  template <class M, class N>
  void compute(op_node<sop::matmul, M, N>) {
    using T = op_node<sop::matmul, M, N>;
    constexpr std::size_t R = shape_v<M>.rows, I = shape_v<M>.cols, C = shape_v<N>.cols;
    double* o = out<T>();
    const double* pm = ptr<M>();
    const double* pn = ptr<N>();
    if constexpr (!batched<M> && !batched<N>) {
      if constexpr (C == 1) gemv<false>(R, I, pm, pn, o, 1.0, false);
      else if constexpr (R == 1) gemv<true>(C, I, pn, pm, o, 1.0, false);
      else small_or_gemm<R, I, C>(pm, pn, o);
    } else if constexpr (!batched<M> && C == 1) {  // W * x_i for every sample: X W^T
      if constexpr (R == 1) rows_dot<I>(n, pn, pm, o);
      else gemm<false, true>(n, R, I, pn, pm, o, 1.0, false);
    } else if constexpr (!batched<N> && R == 1) {  // x_i^T * W for every sample: X W
      if constexpr (C == 1) rows_dot<I>(n, pm, pn, o);
      else gemm<false, false>(n, C, I, pm, pn, o, 1.0, false);
    } else {
      for (std::size_t i = 0; i < n; ++i)
        small_or_gemm<R, I, C>(pm + (batched<M> ? i * R * I : 0), pn + (batched<N> ? i * I * C : 0), o + i * R * C);
    }
  }
  // o (R x C) = a (R x I) * b (I x C), sizes known at compile time: entry by entry when small
  // (where Eigen's product would sum coefficient by coefficient too), else the blocked kernel.
  template <std::size_t R, std::size_t I, std::size_t C>
  static void small_or_gemm(const double* a, const double* b, double* o) {
    if constexpr (R + I + C < 20) {
      for (std::size_t r = 0; r < R; ++r)
        for (std::size_t c = 0; c < C; ++c) {
          double s = 0;
          for (std::size_t j = 0; j < I; ++j) s += a[r * I + j] * b[j * C + c];
          o[r * C + c] = s;
        }
    } else {
      gemm<false, false>(R, C, I, a, b, o, 1.0, false);
    }
  }
  template <class A>
  void compute(op_node<sop::transpose, A>) {
    using T = op_node<sop::transpose, A>;
    constexpr std::size_t R = shape_v<A>.rows, C = shape_v<A>.cols;
    double* o = out<T>();
    const double* pa = ptr<A>();
    for (std::size_t i = 0; i < rows<T>(); ++i) {
      if constexpr (R == 1 || C == 1) std::copy_n(pa + (batched<A> ? i * R * C : 0), R * C, o + i * R * C);
      else transpose_into(R, C, pa + (batched<A> ? i * R * C : 0), o + i * R * C);
    }
  }
  template <class A, class B>
  void compute(op_node<sop::dot, A, B>) {
    using T = op_node<sop::dot, A, B>;
    constexpr std::size_t k = K<A>;
    double* o = out<T>();
    const double* pa = ptr<A>();
    const double* pb = ptr<B>();
    if constexpr (!batched<A> && !batched<B>) {
      o[0] = dot_n(k, pa, pb);
    } else if constexpr (batched<A> != batched<B>) {  // X w
      const double* px = batched<A> ? pa : pb;
      const double* pw = batched<A> ? pb : pa;
      rows_dot<k>(n, px, pw, o);
    } else {
      for (std::size_t i = 0; i < n; ++i) {
        double s = 0;
        for (std::size_t j = 0; j < k; ++j) s += pa[i * k + j] * pb[i * k + j];
        o[i] = s;
      }
    }
  }
  template <class A>
  void compute(op_node<sop::sum, A>) {
    using T = op_node<sop::sum, A>;
    double* o = out<T>();
    for (std::size_t i = 0; i < rows<T>(); ++i) o[i] = lane_sum(K<A>, [&](std::size_t j) { return get<A>(i, j); });
  }
  // logsumexp: m + log(sum exp(a - m)), m the largest entry; -inf and +inf propagate.
  template <class A>
  void compute(op_node<sop::lse, A>) {
    using T = op_node<sop::lse, A>;
    double* o = out<T>();
    // The exponentials of the whole block in one vectorised call (Eigen's exp; std::exp one
    // entry at a time was 10 % of the digits MLP's epoch), the maxima kept in o meanwhile.
    constexpr std::size_t k = K<A>;
    const std::size_t r = rows<T>();
    double* e = thread_scratch(r * k);
    for (std::size_t i = 0; i < r; ++i) {
      double m = -std::numeric_limits<double>::infinity();
      for (std::size_t j = 0; j < k; ++j) m = std::max(m, get<A>(i, j));
      o[i] = m;
      for (std::size_t j = 0; j < k; ++j) e[i * k + j] = std::isinf(m) ? 0.0 : get<A>(i, j) - m;
    }
    array_assign<fn::exp>(Eigen::Map<Eigen::ArrayXd>(e, ix(r * k)), Eigen::Map<const Eigen::ArrayXd>(e, ix(r * k)));
    for (std::size_t i = 0; i < r; ++i) {
      if (std::isinf(o[i])) continue;
      double s = 0;
      for (std::size_t j = 0; j < k; ++j) s += e[i * k + j];
      o[i] += std::log(s);
    }
  }
  template <class L>
  std::size_t label_at(std::size_t i, std::size_t classes) const {
    const std::size_t c = ctx.template label<L>(i);
    if (c >= classes)
      throw_out_of_range("descent: label '%.*s' = %zu is out of range for a vector of %zu entries", len(L::name),
                         std::string_view(L::name).data(), c, classes);
    return c;
  }
  template <class A, class L>
  void compute(op_node<sop::at, A, L>) {
    using T = op_node<sop::at, A, L>;
    double* o = out<T>();
    for (std::size_t i = 0; i < rows<T>(); ++i) o[i] = get<A>(i, label_at<L>(i, K<A>));
  }
  template <std::size_t N, class L>
  void compute(op_node<sop::onehot<N>, L>) {
    using T = op_node<sop::onehot<N>, L>;
    double* o = out<T>();
    for (std::size_t i = 0; i < rows<T>(); ++i) {
      std::fill_n(o + i * N, N, 0.0);
      o[i * N + label_at<L>(i, N)] = 1.0;
    }
  }
  template <std::size_t Off, std::size_t Kk, class A>
  void compute(op_node<sop::slice<Off, Kk>, A>) {
    using T = op_node<sop::slice<Off, Kk>, A>;
    double* o = out<T>();
    for (std::size_t i = 0; i < rows<T>(); ++i)
      for (std::size_t j = 0; j < Kk; ++j) o[i * Kk + j] = get<A>(i, Off + j);
  }
  template <std::size_t Off, std::size_t N, class A>
  void compute(op_node<sop::embed<Off, N>, A>) {
    using T = op_node<sop::embed<Off, N>, A>;
    double* o = out<T>();
    for (std::size_t i = 0; i < rows<T>(); ++i) {
      std::fill_n(o + i * N, N, 0.0);
      for (std::size_t j = 0; j < K<A>; ++j) o[i * N + Off + j] = get<A>(i, j);
    }
  }

  // ---- the nodes of Jacobians (shaped/jacobian.hpp) -----------------------------------------
  template <std::size_t N>
  void compute(op_node<sop::eye<N>>) {
    double* o = out<op_node<sop::eye<N>>>();
    std::fill_n(o, N * N, 0.0);
    for (std::size_t i = 0; i < N; ++i) o[i * N + i] = 1.0;
  }
  template <class V, class M>
  void compute(op_node<sop::diag, V, M>) {  // row r of M times v_r
    using T = op_node<sop::diag, V, M>;
    constexpr std::size_t R = shape_v<M>.rows, C = shape_v<M>.cols;
    double* o = out<T>();
    for (std::size_t i = 0; i < rows<T>(); ++i)
      for (std::size_t r = 0; r < R; ++r) {
        const double v = get<V>(i, r);
        for (std::size_t c = 0; c < C; ++c) o[(i * R + r) * C + c] = v * get<M>(i, r * C + c);
      }
  }
  template <std::size_t Off, std::size_t Kr, class A>
  void compute(op_node<sop::row_block<Off, Kr>, A>) {
    using T = op_node<sop::row_block<Off, Kr>, A>;
    constexpr std::size_t C = shape_v<A>.cols;
    double* o = out<T>();
    for (std::size_t i = 0; i < rows<T>(); ++i)
      for (std::size_t j = 0; j < Kr * C; ++j) o[i * Kr * C + j] = get<A>(i, Off * C + j);
  }
  template <std::size_t Off, std::size_t N, class A>
  void compute(op_node<sop::row_embed<Off, N>, A>) {
    using T = op_node<sop::row_embed<Off, N>, A>;
    constexpr std::size_t C = shape_v<A>.cols;
    double* o = out<T>();
    for (std::size_t i = 0; i < rows<T>(); ++i) {
      std::fill_n(o + i * N * C, N * C, 0.0);
      for (std::size_t j = 0; j < K<A>; ++j) o[i * N * C + Off * C + j] = get<A>(i, j);
    }
  }

  // ---- sums over samples, block by block ------------------------------------------------------
  static constexpr std::size_t small_outer = 128;  // R * C at most: accumulated in registers
  template <class Red, class A>
  void accumulate(op_node<Red, A>) {
    using T = op_node<Red, A>;
    double* acc = out<T>();
    if constexpr (outer_parts<A>::value) {
      using S = typename outer_parts<A>::scale;
      using U = typename outer_parts<A>::left;
      using V = typename outer_parts<A>::right;
      constexpr std::size_t R = K<U>, C = K<V>;
      if constexpr (batched<U> && batched<V> && R * C <= small_outer) {
        // A small R x C sum (a Hessian block, a narrow layer's weight gradient): one pass over
        // the rows, the R x C accumulators in registers, each row's v read once per u entry.
        // Eigen's GEMM pays its setup and packing per call and is slower at these sizes.
        const double* pu = ptr<U>();
        const double* pv = ptr<V>();
        using Acc = Eigen::Matrix<double, int(R), int(C), (C > 1 ? Eigen::RowMajor : Eigen::ColMajor)>;
        Acc a = Acc::Zero();
        for (std::size_t i = 0; i < n; ++i) {
          double si = 1.0;
          if constexpr (batched<S>) si = get<S>(i, 0);
          const Eigen::Map<const Eigen::Matrix<double, int(R), 1>> u(pu + i * R);
          const Eigen::Map<const Eigen::Matrix<double, 1, int(C)>> v(pv + i * C);
          if constexpr (R > C) a.noalias() += u * (si * v);  // the scale on the shorter side
          else a.noalias() += (si * u) * v;
        }
        double s0 = 1.0;
        if constexpr (!batched<S>) s0 = get<S>(0, 0);
        for (std::size_t j = 0; j < R * C; ++j) acc[j] += s0 * a.data()[j];
      } else if constexpr (batched<U> && batched<V> && !batched<S>) {
        gemm<true, false>(R, C, n, ptr<U>(), ptr<V>(), acc, get<S>(0, 0), true);
      } else if constexpr (batched<U> && batched<V>) {  // sum_i s_i u_i v_i^T = (s .* U)^T V
        const double* pu = ptr<U>();
        const double* ps = ptr<S>();
        double* su = thread_scratch(n * R);
        for (std::size_t i = 0; i < n; ++i)
          for (std::size_t r = 0; r < R; ++r) su[i * R + r] = pu[i * R + r] * ps[i];
        gemm<true, false>(R, C, n, su, ptr<V>(), acc, 1.0, true);
      } else {
        for (std::size_t i = 0; i < n; ++i) {
          const double s = get<S>(i, 0);
          for (std::size_t r = 0; r < R; ++r)
            for (std::size_t c = 0; c < C; ++c) acc[r * C + c] += s * get<U>(i, r) * get<V>(i, c);
        }
      }
    } else if constexpr (scaled_parts<A>::value) {
      using S = typename scaled_parts<A>::scale;
      using V = typename scaled_parts<A>::rest;
      constexpr std::size_t k = K<V>;
      if constexpr (batched<S> && batched<V>) {  // sum_i s_i v_i = V^T s
        if constexpr (k <= narrow) MFixed<k>(acc).noalias() += CRows<k>(ptr<V>(), ix(n), ix(k)).transpose() * CVec(ptr<S>(), ix(n));
        else gemv<true>(k, n, ptr<V>(), ptr<S>(), acc, 1.0, true);
      } else {
        for (std::size_t i = 0; i < n; ++i) {
          const double s = get<S>(i, 0);
          for (std::size_t j = 0; j < k; ++j) acc[j] += s * get<V>(i, j);
        }
      }
    } else if constexpr (batched<A> && K<A> == 1) {
      acc[0] += lane_sum(n, [&](std::size_t i) { return get<A>(i, 0); });
    } else if constexpr (batched<A>) {
      constexpr std::size_t k = K<A>;
      for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < k; ++j) acc[j] += get<A>(i, j);
    } else {  // the same value for every sample
      for (std::size_t j = 0; j < K<A>; ++j) acc[j] += static_cast<double>(n) * get<A>(0, j);
    }
  }
};

}  // namespace descent::detail

#endif
