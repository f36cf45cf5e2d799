// descent/shaped/objective.hpp: objectives and evaluation of shaped expressions.
//
//   auto obj = descent::make_objective(descent::mean_over_samples(loss) + 1e-3 * sq_norm(w),
//                                      descent::wrt(w, b), x = X, y = Y);
//   double f = obj(params, grad);              // value and gradient over all samples
//   auto batch = obj.on(rows);                 // the same objective on a subset of rows
//   obj.hessian_vector(params, v, hv);         // H v without forming H
//   obj.hessian(params, h);                    // H, n x n row-major
//   obj.threads(4);                            // the sums over samples on 4 threads
//
// The parameter vector is the wrt(...) symbols one after the other, matrices row-major.  The
// gradient of every parameter is generated in matrix form (shaped/vjp.hpp) and evaluated with
// the value in one pass over blocks of samples (shaped/evaluate.hpp).  The objective owns its
// workspace: an evaluation allocates nothing (after the first, which sizes the workspace).
//
// Sums over samples are deterministic whatever the number of threads: the rows are cut into
// chunks that depend on the number of rows alone (see chunk_rows), each chunk
// is summed from zero, and the chunks' sums are added in chunk order.  threads(1), threads(2)
// and threads(4) give the same bits (a test), and so does an objective that never asked for
// threads.
#ifndef DESCENT_SHAPED_OBJECTIVE_HPP
#define DESCENT_SHAPED_OBJECTIVE_HPP

#include <algorithm>
#include <array>
#include <concepts>
#include <cstddef>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <descent/core/error.hpp>
#include <descent/shaped/detail/workers.hpp>
#include <descent/shaped/evaluate.hpp>
#include <descent/shaped/jacobian.hpp>
#include <descent/shaped/jvp.hpp>
#include <descent/shaped/vjp.hpp>

namespace descent {

namespace detail {
// Two objects of types known where they are made (shared_ptr<void> keeps their deleters).
struct lazy_pair {
  std::shared_ptr<void> ctx, lanes;
};
// Every symbol of the tree is a parameter or bound (the error names the one that is not).
template <class Ctx, class... Syms>
constexpr bool check_symbols(type_list<Syms...>) {
  return (Ctx::template check<Syms>() && ... && true);
}
}  // namespace detail

template <class Tree, std::size_t NL, class W, class... Bs>
class shaped_objective;

template <class Tree, std::size_t NL, class... Ps, class... Bs>
class shaped_objective<Tree, NL, wrt_t<Ps...>, Bs...> {
  using ctx_t = detail::shaped_context<wrt_t<Ps...>, Bs...>;
  using value_graph = detail::multi_dag_t<Tree>;
  using gradient_graph = detail::multi_dag_t<Tree, detail::gradient_t<Tree, Ps>...>;
  // Rows per block: up to 256, fewer when per-sample values are wide (a block's widest node
  // holds at most 16384 numbers, 128 KB).
  static constexpr std::size_t block_rows(std::size_t widest, std::size_t most) { return std::clamp<std::size_t>(16384 / widest, 1, most); }
  static constexpr std::size_t block = block_rows(detail::shaped_evaluator<ctx_t, gradient_graph, 1>::widest, 256);
  using value_eval = detail::shaped_evaluator<ctx_t, value_graph, block, detail::type_list<Tree>>;
  using gradient_eval = detail::shaped_evaluator<ctx_t, gradient_graph, block, detail::type_list<Tree, detail::gradient_t<Tree, Ps>...>, true>;
  using hvp_ctx_t = detail::shaped_context<wrt_t<Ps..., detail::direction_t<Ps>...>, Bs...>;

  static_assert(detail::shape_v<Tree>.scalar,
                "descent::make_objective: the objective must be a scalar (a loss), not a vector or matrix expression");
  static_assert(!detail::batched_node<ctx_t, Tree>::value,
                "descent::make_objective: the loss reads per-sample data; wrap the per-sample loss in "
                "descent::mean_over_samples(...) or descent::sum_over_samples(...)");

 public:
  static constexpr std::size_t dimension = ctx_t::dimension;
  static constexpr std::array<std::size_t, sizeof...(Ps) + 1> offsets = ctx_t::param_offsets;

  shaped_objective(const std::array<double, NL>& literals, const Bs&... bs)
      : lits_(literals), ctx_(std::make_shared<ctx_t>(bs...)) {
    (void)detail::check_symbols<ctx_t>(detail::variables_t<Tree>{});
    total_ = ctx_->samples();
    if (ctx_t::has_samples && total_ == 0)
      throw std::invalid_argument("descent::make_objective: the data has no rows (samples)");
    ctx_->reserve(block);
    // (the Hessian-vector product's context and larger workspace are made on its first use, so
    // a program that never asks for second derivatives never compiles their code)
    ws_ = std::make_shared<std::vector<double>>(
        std::max({value_eval::workspace_size, gradient_eval::workspace_size, std::size_t{1}}));
  }

  // Evaluate the sums over samples on t threads (the calling one and t - 1 kept waiting);
  // 1: on the calling thread alone.  The results are the same bits for every t.  Views made by
  // on(rows) share the threads.
  shaped_objective& threads(std::size_t t) {
    if (t == 0) throw std::invalid_argument("descent::make_objective(...).threads(0): ask for one thread or more");
    pool_ = t == 1 ? nullptr : std::make_shared<detail::worker_pool>(t);
    return *this;
  }
  std::size_t threads() const noexcept { return pool_ ? pool_->size() : 1; }

  // The number of samples the objective sums or averages over.
  std::size_t samples() const noexcept { return rows_.empty() ? total_ : rows_.size(); }
  std::size_t total_samples() const noexcept { return total_; }

  // The same objective on a subset of the rows (a mini-batch): the rows are copied, the data
  // is not.  The view shares the workspace: use one at a time from one thread.
  shaped_objective on(std::span<const std::size_t> rows) const {
    shaped_objective o = *this;
    o.rows_.assign(rows.begin(), rows.end());
    for (std::size_t r : o.rows_)
      if (r >= total_)
        detail::throw_out_of_range("descent::make_objective(...).on(rows): row %zu of %zu", r, total_);
    if (ctx_t::has_samples && o.rows_.empty())
      throw std::invalid_argument("descent::make_objective(...).on(rows): no rows");
    return o;
  }

  // f(x), the gradient into g (anything that views as a span of doubles: std::vector, std::array, std::span).
  template <class X, class G>
    requires(std::convertible_to<const X&, std::span<const double>> && std::convertible_to<G&, std::span<double>>)
  double operator()(const X& xs, G&& gs) const {
    const std::span<const double> x(xs);
    const std::span<double> g(gs);
    check(x.size(), "the parameter vector");
    check(g.size(), "the gradient");
    ctx_->params = x.data();
    gradient_eval ev{*ctx_, ws_->data(), lits_.data()};
    drive(ev, *lanes_);
    std::size_t k = 0;
    (void)std::initializer_list<int>{(write<gradient_eval, detail::gradient_t<Tree, Ps>, Ps>(ev, g, k++), 0)...};
    return ev.template get<Tree>(0, 0);
  }

  // f(x) alone.
  template <class X>
    requires std::convertible_to<const X&, std::span<const double>>
  double value(const X& xs) const {
    const std::span<const double> x(xs);
    check(x.size(), "the parameter vector");
    ctx_->params = x.data();
    value_eval ev{*ctx_, ws_->data(), lits_.data()};
    drive(ev, *lanes_);
    return ev.template get<Tree>(0, 0);
  }

  // The Hessian times v, from the directional derivative of the gradient along v (forward
  // over reverse): the cost of a few gradients, never the n x n matrix.
  template <class X, class V, class H>
    requires(std::convertible_to<const X&, std::span<const double>> && std::convertible_to<const V&, std::span<const double>> &&
             std::convertible_to<H&, std::span<double>>)
  void hessian_vector(const X& xs, const V& vs, H&& hvs) const {
    const std::span<const double> x(xs), v(vs);
    const std::span<double> hv(hvs);
    check(x.size(), "the parameter vector");
    check(v.size(), "the direction");
    check(hv.size(), "the Hessian-vector product");
    joined_.resize(2 * dimension);
    std::copy(x.begin(), x.end(), joined_.begin());
    std::copy(v.begin(), v.end(), joined_.begin() + static_cast<std::ptrdiff_t>(dimension));
    if (!hvp_->ctx) {  // first use (by this objective or any view of it): the context and threads' lanes
      auto c = std::apply([](const Bs&... b) { return std::make_shared<hvp_ctx_t>(b...); }, ctx_->bindings);
      c->reserve(block);
      hvp_->ctx = std::move(c);
      hvp_->lanes = std::make_shared<lanes<hvp_ctx_t>>();
    }
    hvp_ctx_t& hvp_ctx = *static_cast<hvp_ctx_t*>(hvp_->ctx.get());
    hvp_ctx.params = joined_.data();
    // (a local type: a member alias would build the Hessian-vector DAG in every objective)
    using hvp_eval = detail::shaped_evaluator<hvp_ctx_t, detail::multi_dag_t<detail::hvp_t<Tree, wrt_t<Ps...>, Ps>...>, block,
                                               detail::type_list<detail::hvp_t<Tree, wrt_t<Ps...>, Ps>...>, true>;
    if (ws_->size() < hvp_eval::workspace_size) ws_->resize(hvp_eval::workspace_size);
    hvp_eval ev{hvp_ctx, ws_->data(), lits_.data()};
    drive(ev, *static_cast<lanes<hvp_ctx_t>*>(hvp_->lanes.get()));
    std::size_t k = 0;
    (void)std::initializer_list<int>{(write<hvp_eval, detail::hvp_t<Tree, wrt_t<Ps...>, Ps>, Ps>(ev, hv, k++), 0)...};
  }
  // The exact Hessian, row-major n x n.  With vector and scalar parameters it is evaluated in
  // matrix form (shaped/jacobian.hpp: for the logistic loss mean_over_samples(sigmoid'(z) *
  // x*x^T), one pass over the samples); otherwise one Hessian-vector product per unit vector.
  template <class X, class H>
    requires(std::convertible_to<const X&, std::span<const double>> && std::convertible_to<H&, std::span<double>>)
  void hessian(const X& xs, H&& hs) const {
    const std::span<const double> x(xs);
    const std::span<double> h(hs);
    check(x.size(), "the parameter vector");
    if (h.size() != dimension * dimension)
      detail::throw_invalid_argument("descent::make_objective(...).hessian: h has %zu entries, expected %zu", h.size(),
                                     dimension * dimension);
    if constexpr (matrix_form_hessian<std::index_sequence_for<Ps...>>::value) {
      hessian_blocks(x, h);
    } else {
      std::vector<double> e(dimension, 0.0), col(dimension);
      for (std::size_t j = 0; j < dimension; ++j) {
        e[j] = 1.0;
        hessian_vector(x, e, col);
        e[j] = 0.0;
        for (std::size_t i = 0; i < dimension; ++i) h[i * dimension + j] = col[i];
      }
    }
    for (std::size_t i = 0; i < dimension; ++i)  // symmetric up to rounding: average the triangles
      for (std::size_t j = i + 1; j < dimension; ++j) {
        const double a = 0.5 * (h[i * dimension + j] + h[j * dimension + i]);
        h[i * dimension + j] = h[j * dimension + i] = a;
      }
  }

 private:
  // ---- the Hessian in matrix form ----------------------------------------------------------
  // Block (I, J), I <= J, of the Hessian: d/dP_J of P_I's gradient, P_I rows x P_J columns,
  // row-major.  With a scalar on either side it is the gradient of a scalar partial.
  template <class Pi, class Pj, bool = detail::is_var_v<Pj>, bool = detail::is_var_v<Pi>>
  struct hessian_block { using type = detail::jacobian_t<detail::gradient_t<Tree, Pi>, Pj>; };
  template <class Pi, class Pj, bool S>
  struct hessian_block<Pi, Pj, true, S> { using type = detail::gradient_t<detail::gradient_t<Tree, Pj>, Pi>; };
  template <class Pi, class Pj>
  struct hessian_block<Pi, Pj, false, true> { using type = detail::gradient_t<detail::gradient_t<Tree, Pi>, Pj>; };
  template <class Pi, class Pj>
  static constexpr bool block_ok = detail::is_var_v<Pi> || detail::is_var_v<Pj> ||
                                   detail::jacobian_ok_v<detail::gradient_t<Tree, Pi>, Pj>;
  template <class Seq> struct matrix_form_hessian;
  template <std::size_t... I>
  struct matrix_form_hessian<std::index_sequence<I...>> {
    template <std::size_t A>
    static constexpr bool row_ok = ((A > I || block_ok<detail::pack_at<A, Ps...>, detail::pack_at<I, Ps...>>) && ...);
    static constexpr bool value = (((detail::is_vec_v<Ps> || detail::is_var_v<Ps>) && ...)) && (row_ok<I> && ...);
  };
  // The blocks I <= J, in the order (0, 0), (0, 1), ..., (1, 1), ...
  template <std::size_t K, std::size_t N> struct pair_of {
    static constexpr std::array<std::size_t, 2> ij = [] {
      std::size_t a = 0, k = K;
      while (k >= N - a) { k -= N - a; ++a; }
      return std::array<std::size_t, 2>{a, a + k};
    }();
    static constexpr std::size_t i = ij[0], j = ij[1];
  };
  static constexpr std::size_t np = sizeof...(Ps);
  template <std::size_t K>
  using block_t = typename hessian_block<detail::pack_at<pair_of<K, np>::i, Ps...>, detail::pack_at<pair_of<K, np>::j, Ps...>>::type;

  void hessian_blocks(std::span<const double> x, std::span<double> h) const {
    [&]<std::size_t... K>(std::index_sequence<K...>) {
      using roots = detail::type_list<block_t<K>...>;
      using graph = detail::multi_dag_t<block_t<K>...>;
      // Blocks of up to 2048 rows: each block has a fixed cost (the product for x.w, a GEMM
      // for a Hessian block over the evaluator's small_outer entries, the reductions) that a
      // 256-row block pays 8 times as often.
      constexpr std::size_t rows = block_rows(detail::shaped_evaluator<ctx_t, graph, 1>::widest, hessian_block_most);
      using ev_t = detail::shaped_evaluator<ctx_t, graph, rows, roots>;
      ctx_->reserve(rows);
      ctx_->params = x.data();
      if (ws_->size() < ev_t::workspace_size) ws_->resize(ev_t::workspace_size);
      ev_t ev{*ctx_, ws_->data(), lits_.data()};
      drive(ev, *lanes_);
      (place_block<ev_t, K>(ev, h), ...);
    }(std::make_index_sequence<np * (np + 1) / 2>{});
  }
  template <class Ev, std::size_t K>
  static void place_block(Ev& ev, std::span<double> h) {
    constexpr std::size_t i = pair_of<K, np>::i, j = pair_of<K, np>::j;
    constexpr std::size_t ni = detail::shape_v<detail::pack_at<i, Ps...>>.size();
    constexpr std::size_t nj = detail::shape_v<detail::pack_at<j, Ps...>>.size();
    using B = block_t<K>;
    static_assert(!Ev::template batched<B>,
                  "descent::make_objective(...).hessian: a second derivative reads per-sample data outside mean_over_samples(...)");
    for (std::size_t r = 0; r < ni; ++r)
      for (std::size_t c = 0; c < nj; ++c) {
        const double v = ev.template get<B>(0, detail::is_scalar_v<B> ? 0 : r * nj + c);
        h[(offsets[i] + r) * dimension + offsets[j] + c] = v;
        if constexpr (i != j) h[(offsets[j] + c) * dimension + offsets[i] + r] = v;  // a diagonal block is whole
      }
  }

  // What each thread evaluates with: its own copy of the context (block pointers, gather
  // buffers), its own workspace; and the sum of every chunk.
  template <class C>
  struct lanes {
    std::vector<C> ctxs;
    std::vector<detail::aligned_buffer> ws;
    std::vector<char> ready;
    detail::aligned_buffer chunks;
  };
  // Rows per chunk, from the number of rows alone: up to 64 chunks of one block each, their
  // sizes evened out (1797 rows in blocks of 256: 8 chunks of 232 rows and the rest, not 7 of
  // 256 and one of 5, so that two threads take half each); beyond 64 blocks, whole blocks.
  static constexpr std::size_t max_chunks = 64;
  static constexpr std::size_t hessian_block_most = 2048;
  template <std::size_t Block>
  static std::size_t chunk_rows(std::size_t total) {
    const std::size_t blocks = (total + Block - 1) / Block;
    if (blocks > max_chunks) return (blocks + max_chunks - 1) / max_chunks * Block;
    return std::min(Block, ((total + blocks - 1) / blocks + 7) / 8 * 8);
  }

  // value (and gradient) over the samples: chunk by chunk, on the threads when there are some.
  template <class Ev, class C>
  void drive(Ev& ev, lanes<C>& lanes) const {
    const std::size_t total = samples();
    const std::size_t rows = chunk_rows<Ev::block_size>(total);
    const std::size_t chunks = (total + rows - 1) / rows;
    if (chunks <= 1) return ev.run(total, rows_);
    ev.template run_phase<0>();
    ev.reset_reductions();
    const std::size_t t = std::min(threads(), chunks);
    while (lanes.ctxs.size() < t) lanes.ctxs.push_back(ev.ctx);
    if (lanes.ws.size() < t) lanes.ws.resize(t);
    lanes.ready.assign(t, 0);
    for (std::size_t w = 0; w < t; ++w) {
      lanes.ws[w].resize(std::max(Ev::workspace_size, std::size_t{1}));
      lanes.ctxs[w].reserve(Ev::block_size);
      lanes.ctxs[w].params = ev.ctx.params;
    }
    lanes.chunks.resize(std::max(chunks * Ev::reduction_size, std::size_t{1}));
    auto chunk = [&](std::size_t w, std::size_t c) {
      Ev part{lanes.ctxs[w], lanes.ws[w].data(), lits_.data()};
      if (!lanes.ready[w]) {
        part.template run_phase<0>();
        lanes.ready[w] = 1;
      }
      part.reset_reductions();
      part.run_rows(c * rows, std::min(total, (c + 1) * rows), rows_);
      part.save_reductions(lanes.chunks.data() + c * Ev::reduction_size);
    };
    if (t > 1) pool_->run(chunks, chunk);
    else
      for (std::size_t c = 0; c < chunks; ++c) chunk(0, c);
    for (std::size_t c = 0; c < chunks; ++c) ev.add_reductions(lanes.chunks.data() + c * Ev::reduction_size);
    ev.finish(total);
  }

  void check(std::size_t given, const char* what) const {
    if (given != dimension)
      detail::throw_invalid_argument("descent::make_objective: %s has %zu entries, the wrt(...) symbols have %zu", what, given,
                                     dimension);
  }
  template <class Ev, class Root, class P>
  static void write(Ev& ev, std::span<double> g, std::size_t k) {
    constexpr std::size_t n = detail::shape_v<P>.size();
    double* o = g.data() + offsets[k];
    static_assert(!Ev::template batched<Root>,
                  "descent::make_objective: a derivative reads per-sample data outside mean_over_samples(...)");
    if constexpr (detail::shape_v<Root>.scalar && n > 1) {
      const double v = ev.template get<Root>(0, 0);
      for (std::size_t i = 0; i < n; ++i) o[i] = v;
    } else {
      ev.template write_to<Root>(o);
    }
  }

  std::array<double, NL> lits_;
  std::shared_ptr<ctx_t> ctx_;
  std::shared_ptr<std::vector<double>> ws_;
  std::shared_ptr<lanes<ctx_t>> lanes_ = std::make_shared<lanes<ctx_t>>();
  // The Hessian-vector product's context and lanes (of types instantiated only by
  // hessian_vector), made on first use and shared by the views.
  std::shared_ptr<detail::lazy_pair> hvp_ = std::make_shared<detail::lazy_pair>();
  std::shared_ptr<detail::worker_pool> pool_;
  mutable std::vector<double> joined_;
  std::vector<std::size_t> rows_;
  std::size_t total_ = 1;
};

namespace detail {

template <class F, class W, class... Bs>
auto make_shaped_objective(const F& f, W, const Bs&... bs) {
  using tree = tree_t<F>;
  return shaped_objective<tree, literal_count_v<F>, W, Bs...>(literals_of(f), bs...);
}

// eval(f, bindings...) of a shaped expression: a double for a scalar, an Eigen vector for a
// vector, a row-major Eigen matrix for a matrix; per-sample results have one row per sample.
template <class F, class... Bs>
auto shaped_eval(const F& f, const Bs&... bs) {
  using tree = tree_t<F>;
  using ctx_t = shaped_context<wrt_t<>, Bs...>;
  using graph = multi_dag_t<tree>;
  constexpr std::size_t block = 64;
  using ev_t = shaped_evaluator<ctx_t, graph, block, type_list<tree>>;
  (void)check_symbols<ctx_t>(variables_t<tree>{});
  ctx_t ctx(bs...);
  const std::size_t total = ctx.samples();
  ctx.reserve(block);
  std::vector<double> ws(std::max(ev_t::workspace_size, std::size_t{1}));
  const auto lits = literals_of(f);
  constexpr shape s = shape_v<tree>;
  // (results are filled entry by entry into the type returned: no Eigen conversion between
  // matrix types is instantiated)
  using row_major = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  using ix = Eigen::Index;
  if constexpr (!ev_t::template batched<tree>) {
    ev_t ev{ctx, ws.data(), lits.data()};
    ev.run(total, {});
    if constexpr (s.scalar) return ev.template get<tree>(0, 0);
    else {
      std::conditional_t<s.cols == 1, Eigen::VectorXd, row_major> m(static_cast<ix>(s.rows), static_cast<ix>(s.cols));
      for (std::size_t k = 0; k < s.size(); ++k) m.data()[k] = ev.template get<tree>(0, k);
      return m;
    }
  } else {
    // One row per sample: evaluate the DAG block by block and copy each block out.
    std::conditional_t<s.scalar, Eigen::VectorXd, row_major> m(static_cast<ix>(total), static_cast<ix>(s.size()));
    ev_t ev{ctx, ws.data(), lits.data()};
    ev.template run_phase<0>();
    for (std::size_t start = 0; start < total; start += block) {
      ev.n = std::min(block, total - start);
      ctx.set_block(start, ev.n, {});
      ev.template run_phase<1>();
      for (std::size_t i = 0; i < ev.n; ++i)
        for (std::size_t k = 0; k < s.size(); ++k) m.data()[(start + i) * s.size() + k] = ev.template get<tree>(i, k);
    }
    return m;
  }
}

}  // namespace detail
}  // namespace descent

#endif
