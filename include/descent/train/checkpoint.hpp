// descent/train/checkpoint.hpp: save and restore parameters with optimizer/method state, so
// that training resumes with bit-identical results.
//
//   descent::save_checkpoint("run.ckpt", x, opt, iteration);        // atomic write
//   auto it = descent::load_checkpoint("run.ckpt", x, opt);           // returns iteration
//   descent::minimize(f, x, opt, stop, descent::minimize_options{.start_iteration = it});
//   // or, inside the loop, every 100 iterations and at the end:
//   descent::minimize(f, x, opt, stop, descent::checkpoint{"run.ckpt", 100});
//
// The file is written to a temporary file in the same directory, fsync'ed and renamed over
// the old one: a crash mid-write leaves the previous checkpoint intact, and the next
// successful write removes the temporaries that killed processes left (detail/atomic_file.hpp).
// Numbers are stored exactly (hexadecimal floating point; decimal values edited in by hand
// are read as decimal), and a CRC-32 written last is verified on load (see archive.hpp).  A
// missing, truncated, corrupted or mismatched file (a different optimizer, different
// parameter count or type) and invalid state (NaN / Inf parameters or state vectors,
// negative second moments) throw std::runtime_error naming the file, the line and the
// field; load_checkpoint checks the whole file before it changes the parameters or the state.
// The method's (or optimizer's) state is its serialize(ar); hyperparameters are not state:
// restore into an optimizer built with the same configuration.
#ifndef DESCENT_TRAIN_CHECKPOINT_HPP
#define DESCENT_TRAIN_CHECKPOINT_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include <descent/train/archive.hpp>
#include <descent/train/detail/atomic_file.hpp>
#include <descent/train/detail/params.hpp>
#include <descent/train/first_order.hpp>
#include <descent/train/result.hpp>

namespace descent {

namespace detail {

template <class M>
inline constexpr bool is_first_order_v = false;
template <class O>
inline constexpr bool is_first_order_v<first_order<O>> = true;

/// Serialize m: a raw optimizer goes through first_order so that a checkpoint written by
/// the loop (which holds the wrapper) and one written by hand have the same fields.
template <class T, class M, class Archive>
void serialize_method(M& m, Archive& ar) {
  if constexpr (!is_first_order_v<M> && first_order_optimizer<M, T>) {
    first_order<M&> w{m};
    w.serialize(ar);
  } else {
    static_assert(requires { m.serialize(ar); },
                  "descent checkpoints: the method has no serialize(ar) member; checkpoints need "
                  "it to save the method's state (a stateless method can define an empty one)");
    m.serialize(ar);
  }
}

}  // namespace detail

/// save_checkpoint(path, params, method_or_optimizer, iteration): writes params, the
/// iteration counter and the state atomically.
struct save_checkpoint_fn {
  template <class P, class M>
  void operator()(const std::string& path, const P& params, M& method,
                  std::size_t iteration) const {
    static_assert(detail::readable_params<P>,
                  "descent::save_checkpoint(path, params, method, iteration): 'params' must be a "
                  "contiguous range of double or float");
    if constexpr (detail::readable_params<P>) {
      using T = detail::param_value_t<P>;
      checkpoint_writer w;
      w("iteration", static_cast<std::uint64_t>(iteration));
      w("params", std::vector<T>(std::ranges::begin(params), std::ranges::end(params)));
      detail::serialize_method<T>(method, w);
      detail::write_file_atomically(path, std::move(w).finish(), "descent::save_checkpoint");
    }
  }
};
inline constexpr save_checkpoint_fn save_checkpoint{};

/// load_checkpoint(path, params, method_or_optimizer) -> the saved iteration counter.
/// params must have the size and number type of the saved ones.
struct load_checkpoint_fn {
  template <class P, class M>
  std::size_t operator()(const std::string& path, P&& params, M& method) const {
    static_assert(detail::writable_params<std::remove_reference_t<P>>,
                  "descent::load_checkpoint(path, params, method): 'params' must be a writable "
                  "contiguous range of double or float");
    if constexpr (detail::writable_params<std::remove_reference_t<P>>) {
      using T = detail::param_value_t<P>;
      auto x = detail::as_span(params);
      const std::string text = detail::read_whole_file(path, "descent::load_checkpoint");
      std::uint64_t iteration = 0;
      std::vector<T> saved;
      for (const bool dry : {true, false}) {  // check everything first, then assign
        checkpoint_reader r(text, path);
        r("iteration", iteration);  // locals: always read
        r("params", saved);
        r.dry_run(dry);
        if (dry && saved.size() != x.size())
          throw std::runtime_error("descent::load_checkpoint: '" + path + "': field 'params' holds " +
                                   std::to_string(saved.size()) + " values but params has " +
                                   std::to_string(x.size()) + " elements");
        detail::serialize_method<T>(method, r);
        r.finish();
      }
      std::copy(saved.begin(), saved.end(), x.begin());
      return static_cast<std::size_t>(iteration);
    } else {
      return 0;
    }
  }
};
inline constexpr load_checkpoint_fn load_checkpoint{};

/// Callback: save a checkpoint every `every` iterations (iteration % every == 0) and, with
/// at_end, when the run ends (not after a divergence: the last good file is kept).
struct checkpoint {
  std::string path;
  std::size_t every = 1;
  bool at_end = true;

  template <class T, class M>
  void on_iteration(const iteration_state<T>& s, M& method) const {
    if (every != 0 && s.iteration % every == 0) save_checkpoint(path, s.x, method, s.iteration);
  }

  template <class T, class M>
  void on_end(const minimize_result<T>& r, const iteration_state<T>& s, M& method) const {
    if (at_end && r.reason != stop_reason::diverged)
      save_checkpoint(path, s.x, method, s.iteration);
  }
};

}  // namespace descent

#endif  // DESCENT_TRAIN_CHECKPOINT_HPP
