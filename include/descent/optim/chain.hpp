// descent/optim/chain.hpp: an optimizer composed of blocks at compile time.
//
//   using my_opt = descent::optim::chain<descent::optim::clip_by_global_norm,
//                                        descent::optim::scale_by_adam,
//                                        descent::optim::scale_by_learning_rate<cosine_decay>>;
//   my_opt opt{{.max_norm = 1.0}, {.beta2 = 0.99}, {cosine_decay{.init_value = 1e-3,
//                                                              .decay_steps = 1000}}};
//   opt.step(params, grads);            // p <- p - u, u = blocks applied to g in order
//
// chain<B...> is over double; basic_chain<float, B...> over float.  The named optimizers
// (adam, sgd, ...) are basic_chains too, so a custom chain is used exactly like them.
//
// How a step runs: every block's prepare() once (scalar work: bias corrections, the rate
// of a schedule); then ONE fused loop over the elements applies all blocks and writes the
// parameters, so an Adam step reads p, g, m, v once and writes p, m, v once, like a
// hand-written loop.  A block with reduce() (a barrier, e.g. clip_by_global_norm) needs its
// whole input first: the chain splits the loop there (the part before writes a scratch
// vector).  A block whose prepare() returns false (a gate, e.g. accumulate_gradients)
// stops the step after itself: later blocks neither prepare nor apply, and the
// parameters are left alone.  No virtual calls; no allocation after the first step.
#ifndef DESCENT_OPTIM_CHAIN_HPP
#define DESCENT_OPTIM_CHAIN_HPP

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <span>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>


#include <descent/optim/detail/fields.hpp>
#include <descent/optim/detail/for_each_index.hpp>
#include <descent/optim/detail/prefixed_archive.hpp>
#include <descent/optim/update_rule.hpp>

// The fused loop touches element i only, and the chain owns its state buffers, so no
// iteration depends on another: say so to GCC's vectoriser (params and grads are checked
// not to overlap).  Clang's equivalent, vectorize(assume_safety), also forces
// vectorisation and warns where it cannot (at -O1), so clang relies on its own checks.
#if defined(__clang__)
#define DESCENT_OPTIM_IVDEP
#elif defined(__GNUC__)
#define DESCENT_OPTIM_IVDEP _Pragma("GCC ivdep")
#else
#define DESCENT_OPTIM_IVDEP
#endif

namespace descent::optim {

namespace detail {

/// No block that must be last (lookahead) anywhere but last.
template <class... Blocks>
constexpr bool last_blocks_last() {
  constexpr bool last_only[] = {last_in_chain<Blocks>...};
  for (std::size_t i = 0; i + 1 < sizeof...(Blocks); ++i)
    if (last_only[i]) return false;
  return true;
}

/// Hand the fused loop a local copy of small blocks (the compiler then knows that stores
/// to the parameters cannot change a block's coefficients); large ones by reference.
template <class B>
using local_block_t = std::conditional_t<std::is_trivially_copyable_v<B> && sizeof(B) <= 256,
                                         const B, const B&>;

struct named_t {
  const char* who;
};

}  // namespace detail

template <class T, class... Blocks>
class basic_chain {
  static_assert(std::same_as<T, double> || std::same_as<T, float>,
                "descent::optim::chain: parameters must be float or double");
  static_assert(sizeof...(Blocks) > 0, "descent::optim::chain: needs at least one block");
  static constexpr bool blocks_ok = (update_rule<Blocks, T> && ...);
  static_assert(blocks_ok,
                "descent::optim::chain: a block does not satisfy descent::optim::update_rule: "
                "it needs a const member `template <class T> T apply(T u, T p, "
                "descent::optim::slots<T, buffers> s) const`, and with `buffers` > 0 a "
                "`buffer_names` array of that size (see descent/optim/update_rule.hpp)");
  static_assert(detail::last_blocks_last<Blocks...>(),
                "descent::optim::chain: lookahead must be the last block of a chain (it turns "
                "the update of the blocks before it into the step to its slow weights)");

  static constexpr std::size_t N = sizeof...(Blocks);
  template <std::size_t I>
  using block_t = std::tuple_element_t<I, std::tuple<Blocks...>>;
  static constexpr std::array<bool, N> gate_at{detail::is_gate<Blocks>...};
  static constexpr std::array<bool, N> barrier_at{detail::is_barrier<Blocks, T>...};
  static constexpr bool needs_work = [] {
    for (std::size_t i = 1; i < N; ++i)
      if (barrier_at[i]) return true;
    return false;
  }();

 public:
  using value_type = T;
  static constexpr std::size_t block_count = N;

  basic_chain()
    requires(std::default_initializable<Blocks> && ...)
  : blocks_{}, initial_{} {
    validate();
  }
  explicit basic_chain(Blocks... blocks) : blocks_{blocks...}, initial_{std::move(blocks)...} {
    validate();
  }
  /// Used by the named factories, so that errors name them ("descent::optim::adam").
  basic_chain(detail::named_t name, Blocks... blocks)
      : blocks_{blocks...}, initial_{std::move(blocks)...}, who_{name.who} {
    validate();
  }

  /// p <- p - u(g).  params and grads have the same size and do not overlap.
  void step(std::span<T> params, std::span<const T> grads) {
    step_impl(params, grads, std::numeric_limits<double>::quiet_NaN());
  }
  /// The same, and blocks that want the loss at params (reduce_on_plateau) see it.
  void step(std::span<T> params, std::span<const T> grads, T loss) {
    step_impl(params, grads, static_cast<double>(loss));
  }

  /// Size (and allocate) the state for these parameters now instead of at the first step,
  /// e.g. to keep the first step's page faults out of a timing.
  void initialize(std::span<const T> params) {
    if constexpr (blocks_ok) ensure_state(params);
  }

  /// Forget all state: the next step starts as the first one did.
  void reset() {
    blocks_ = initial_;
    state_ = {};
    work_.clear();
    step_ = 0;
    n_ = 0;
    ready_ = false;
  }

  /// Save or restore every piece of state: "step", then per block I its scalars and
  /// buffers as "I.<name>" (e.g. "1.exp_avg").  Restore into a chain built with the same
  /// configuration; the parameter count is checked at the next step.
  template <class Archive>
  void serialize(Archive& ar) {
    ar("step", step_);
    detail::for_each_index<N>([&](auto i) { serialize_block<decltype(i)::value>(ar); });
    ready_ = false;
  }

  /// Steps taken so far (every call counts, also those a gate stopped).
  [[nodiscard]] std::uint64_t steps() const noexcept { return step_; }
  /// Block I, e.g. to read a schedule's current rate.
  template <std::size_t I>
  [[nodiscard]] const block_t<I>& block() const noexcept {
    return std::get<I>(blocks_);
  }
  template <std::size_t I>
  [[nodiscard]] block_t<I>& block() noexcept {
    return std::get<I>(blocks_);
  }
  /// Buffer K of block I (empty before the first step).
  template <std::size_t I, std::size_t K = 0>
  [[nodiscard]] std::span<const T> buffer() const noexcept {
    return std::get<I>(state_)[K];
  }
  /// The named optimizer's name ("descent::optim::adam"), else "descent::optim::chain".
  [[nodiscard]] const char* name() const noexcept { return who_ ? who_ : "descent::optim::chain"; }

 private:
  enum class sink { params, work, none };

  // Every block's hyperparameters, by the rules of their names (detail/fields.hpp); a
  // message names the named optimizer, else the block ("descent::optim::scale_by_adam").
  void validate() const {
    detail::for_each_index<N>([&](auto i) {
      using B = block_t<decltype(i)::value>;
      const char* who = who_ ? who_ : detail::name_of<B>() ? detail::name_of<B>() : name();
      detail::validate_fields(std::get<decltype(i)::value>(blocks_), who);
    });
  }

  void step_impl(std::span<T> params, std::span<const T> grads, double loss) {
    if constexpr (blocks_ok) {
      if (params.size() != grads.size())
        throw std::invalid_argument(std::string(name()) + ": step: params.size() = " +
                                    std::to_string(params.size()) + " but grads.size() = " +
                                    std::to_string(grads.size()));
      const std::less<const T*> lt;
      if (!params.empty() && lt(grads.data(), params.data() + params.size()) &&
          lt(params.data(), grads.data() + grads.size()))
        throw std::invalid_argument(std::string(name()) + ": step: params and grads overlap");
      ensure_state(params);
      ++step_;
      const step_context ctx{step_, n_, loss};
      const std::size_t cut = prepare_all(ctx);
      bool done = false;
      detail::for_each_index<N>([&](auto c) {
        done = done || try_cut<decltype(c)::value + 1>(cut, params, grads);
      });
    }
  }

  std::size_t prepare_all(const step_context& ctx) {
    std::size_t cut = N;
    bool stopped = false;
    detail::for_each_index<N>([&](auto i) {
      constexpr std::size_t I = decltype(i)::value;
      if (stopped) return;
      auto& b = std::get<I>(blocks_);
      if constexpr (detail::is_gate<block_t<I>>) {
        if (!b.prepare(ctx)) {
          stopped = true;
          cut = I + 1;
        }
      } else if constexpr (detail::has_prepare<block_t<I>>) {
        b.prepare(ctx);
      }
    });
    return cut;
  }

  // Runs blocks [0, C) when the step was cut there; only cut points that can happen
  // (after a gate, or the whole chain) are instantiated.
  template <std::size_t C>
  bool try_cut(std::size_t cut, std::span<T> params, std::span<const T> grads) {
    if constexpr (C == N || gate_at[C - 1]) {
      if (cut == C) {
        run_stage<C, 0>(params.data(), grads.data());
        return true;
      }
    }
    return false;
  }

  template <std::size_t C>
  static constexpr auto stage_starts() {
    std::array<std::size_t, N + 1> starts{};
    std::size_t count = 0;
    starts[count++] = 0;
    for (std::size_t i = 1; i < C; ++i)
      if (barrier_at[i]) starts[count++] = i;
    return std::pair{starts, count};
  }

  template <std::size_t C, std::size_t K>
  void run_stage(T* params, const T* grads) {
    constexpr auto st = stage_starts<C>();
    if constexpr (K < st.second) {
      constexpr std::size_t b = st.first[K];
      constexpr std::size_t e = K + 1 < st.second ? st.first[K + 1] : C;
      constexpr bool last = K + 1 == st.second;
      const T* in = K == 0 ? grads : work_.data();
      if constexpr (barrier_at[b]) std::get<b>(blocks_).template reduce<T>(std::span<const T>(in, n_));
      constexpr sink out = !last ? sink::work : (C == N ? sink::params : sink::none);
      fused_loop<b, out>(in, params, std::make_index_sequence<e - b>{});
      run_stage<C, K + 1>(params, grads);
    }
  }

  // The one place that keeps an index pack: the blocks' apply() calls are expanded
  // inside the element loop, so that the compiler sees one loop body.
  template <std::size_t B, sink Out, std::size_t... I>
  void fused_loop(const T* in, T* params, std::index_sequence<I...>) {
    const std::size_t n = n_;
    T* const out = work_.data();
    const std::tuple<detail::local_block_t<block_t<B + I>>...> blocks{std::get<B + I>(blocks_)...};
    const std::tuple<std::array<T*, detail::buffer_count<block_t<B + I>>()>...> bases{
        bases_of<B + I>()...};
    DESCENT_OPTIM_IVDEP
    for (std::size_t i = 0; i < n; ++i) {
      const T p = params[i];
      T u = in[i];
      ((u = static_cast<T>(std::get<I>(blocks).apply(
            u, p,
            slots<T, detail::buffer_count<block_t<B + I>>()>{std::get<I>(bases), i}))),
       ...);
      if constexpr (Out == sink::params)
        params[i] = p - u;
      else if constexpr (Out == sink::work)
        out[i] = u;
    }
  }

  template <std::size_t I>
  std::array<T*, detail::buffer_count<block_t<I>>()> bases_of() {
    std::array<T*, detail::buffer_count<block_t<I>>()> a{};
    for (std::size_t k = 0; k < a.size(); ++k) a[k] = std::get<I>(state_)[k].data();
    return a;
  }

  void ensure_state(std::span<const T> params) {
    if (ready_) {
      if (params.size() == n_) return;
      throw std::invalid_argument(std::string(name()) + ": the number of parameters changed from " +
                                  std::to_string(n_) + " to " + std::to_string(params.size()) +
                                  "; call reset() to start over");
    }
    n_ = params.size();
    detail::for_each_index<N>([&](auto i) { init_block<decltype(i)::value>(params); });
    if constexpr (needs_work) work_.assign(n_, T(0));
    ready_ = true;
  }

  template <std::size_t I>
  void init_block(std::span<const T> params) {
    constexpr std::size_t nb = detail::buffer_count<block_t<I>>();
    auto& bufs = std::get<I>(state_);
    bool all_sized = true, all_empty = true;
    for (auto& v : bufs) {
      all_sized = all_sized && v.size() == n_;
      all_empty = all_empty && v.empty();
    }
    if (nb > 0 && all_sized) return;  // restored from a checkpoint
    if (!all_empty)
      throw std::invalid_argument(std::string(name()) + ": the restored state of block " +
                                  std::to_string(I) + " does not fit " + std::to_string(n_) +
                                  " parameters");
    std::array<std::span<T>, nb> spans{};
    for (std::size_t k = 0; k < nb; ++k) {
      bufs[k].assign(n_, T(0));
      spans[k] = bufs[k];
    }
    if constexpr (detail::has_init<block_t<I>, T>) std::get<I>(blocks_).init(params, spans);
  }

  template <std::size_t I, class Archive>
  void serialize_block(Archive& ar) {
    detail::prefixed_archive<Archive> pa{ar, std::to_string(I) + "."};
    detail::serialize_state(std::get<I>(blocks_), pa);
    constexpr std::size_t nb = detail::buffer_count<block_t<I>>();
    if constexpr (nb > 0)
      for (std::size_t k = 0; k < nb; ++k) pa(block_t<I>::buffer_names[k], std::get<I>(state_)[k]);
  }

  std::tuple<Blocks...> blocks_;
  std::tuple<Blocks...> initial_;
  std::tuple<std::array<std::vector<T>, detail::buffer_count<Blocks>()>...> state_{};
  std::vector<T> work_{};
  std::uint64_t step_ = 0;
  std::size_t n_ = 0;
  bool ready_ = false;
  const char* who_ = nullptr;  // a named optimizer's name
};

/// "descent::optim::adam: step = 3, blocks = [descent::optim::add_weight_decay{weight_decay =
/// 0}, descent::optim::scale_by_adam{beta1 = 0.9, ..., t = 3, ...}, ...]": every block's
/// hyperparameters and state (a block without a field list by its name only).
template <class T, class... Blocks>
[[nodiscard]] std::string to_string(const basic_chain<T, Blocks...>& c) {
  std::string s = c.name();
  s += ": step = " + std::to_string(c.steps()) + ", blocks = [";
  detail::for_each_index<sizeof...(Blocks)>([&](auto i) {
    using B = std::remove_cvref_t<decltype(c.template block<decltype(i)::value>())>;
    if (decltype(i)::value > 0) s += ", ";
    if constexpr (detail::described<B>)
      s += to_string(c.template block<decltype(i)::value>());
    else
      s += detail::name_of<B>() ? detail::name_of<B>() : "(a block)";
  });
  return s + "]";
}

/// A chain over double parameters, e.g. chain<clip_by_global_norm, scale_by_adam, ...>.
template <class... Blocks>
using chain = basic_chain<double, Blocks...>;

/// Builds a chain from block values: make_chain(scale_by_adam{}, scale_by_learning_rate<>{})
/// over double, make_chain<float>(...) over float.
template <class T = double, class... Blocks>
[[nodiscard]] basic_chain<T, Blocks...> make_chain(Blocks... blocks) {
  return basic_chain<T, Blocks...>(std::move(blocks)...);
}

}  // namespace descent::optim

#endif  // DESCENT_OPTIM_CHAIN_HPP
