// descent/train/batched.hpp: SGD and mini-batch training through descent::minimize.
//
//   descent::data::batches b(train_rows, descent::data::mini_batches(32, 7));
//   auto f = descent::batched(obj, b);          // obj: make_objective(...) (has .on(rows))
//   auto r = descent::minimize(f, p, adam, descent::epochs(20, b),
//                              descent::progress_bar{.total = 20 * b.batches_per_epoch()},
//                              descent::on_epoch(b, [&](std::size_t e, const auto& s) { ... }));
//
// batched(obj, source) is an objective that evaluates the next batch of the source at every
// call: obj.on(rows) for that batch's rows, epoch after epoch (source.epoch(e), a new
// seeded order each epoch).  With a first-order optimizer each iteration of minimize is one
// batch: the step uses the gradient of the current batch, then the next batch is evaluated
// at the new point; so the iteration counter, the stopping rules and the progress bar count
// batches.  epochs(n, source) stops after n epochs (n * batches_per_epoch iterations);
// on_epoch(source, fn) calls fn(epoch, state) after each epoch's last batch (fn may return
// false to stop).  The loss minimize reports is the loss of the last batch evaluated.
// The batches are read from source.epoch(e) as each epoch starts and point into the source:
// do not call source.epoch() yourself while training with it.
// Full-batch training needs none of this: pass obj itself (or batched over full_batch()).
// Line-search methods (L-BFGS, Newton) evaluate several times per step and expect the same
// function each time: give them the full objective, not a batched one.
#ifndef DESCENT_TRAIN_BATCHED_HPP
#define DESCENT_TRAIN_BATCHED_HPP

#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <descent/data/batching.hpp>
#include <descent/train/result.hpp>
#include <descent/train/stop.hpp>

namespace descent {

template <class F, data::batch_source Source>
class batched_objective {
 public:
  batched_objective(const F& f, Source& source) : f_(f), source_(&source) {
    if (source.batches_per_epoch() == 0)
      throw std::invalid_argument("descent::batched: the batch source has no batches per epoch");
  }

  // The parameter count of the wrapped objective (a static or plain member `dimension`).
  std::size_t dimension() const { return static_cast<std::size_t>(f_.dimension); }

  // The loss and gradient of the next batch at x.
  double operator()(std::span<const double> x, std::span<double> g) {
    if (next_ == spans_.size()) start(started_ ? epoch_ + 1 : epoch_);
    const std::span<const std::size_t> rows = spans_[next_++];
    ++evaluations_;
    return f_.on(rows)(x, g);
  }

  std::size_t epoch() const noexcept { return epoch_; }           // of the last batch evaluated
  std::size_t batch() const noexcept { return next_; }             // 1-based within the epoch; 0 before the first
  std::size_t batches_per_epoch() const { return source_->batches_per_epoch(); }
  std::size_t evaluations() const noexcept { return evaluations_; }
  const F& objective() const noexcept { return f_; }

  // Restart at epoch e (e.g. to resume training from a checkpoint).
  void seek(std::size_t e) {
    spans_.clear();
    next_ = 0;
    epoch_ = e;
    started_ = false;
  }

 private:
  void start(std::size_t e) {
    spans_.clear();
    for (auto&& rows : source_->epoch(e)) spans_.push_back(std::span<const std::size_t>(rows));
    if (spans_.empty()) throw std::invalid_argument("descent::batched: epoch " + std::to_string(e) + " has no batches");
    epoch_ = e;
    next_ = 0;
    started_ = true;
  }

  F f_;
  Source* source_;
  std::vector<std::span<const std::size_t>> spans_;  // point into the source until its next epoch()
  std::size_t next_ = 0, epoch_ = 0, evaluations_ = 0;
  bool started_ = false;
};

struct batched_fn {
  template <class F, data::batch_source Source>
    requires requires(const F& f, std::span<const std::size_t> rows) { f.on(rows); }
  auto operator()(const F& f, Source& source) const {
    return batched_objective<F, Source>(f, source);
  }
};
inline constexpr batched_fn batched{};

// Stop after n epochs of the source: n * batches_per_epoch iterations of minimize.
template <data::batch_source Source>
max_iterations epochs(std::size_t n, const Source& source) {
  return max_iterations{n * static_cast<std::size_t>(source.batches_per_epoch())};
}

// A callback: fn(epoch, state) after every epoch (epoch counts from 1); a fn returning bool
// may stop the run with false.
template <class Fn>
struct epoch_callback {
  std::size_t batches_per_epoch;
  Fn fn;
  template <class T>
  bool on_iteration(const iteration_state<T>& s) {
    if (batches_per_epoch == 0 || s.iteration % batches_per_epoch != 0) return true;
    if constexpr (std::is_same_v<decltype(fn(std::size_t{}, s)), bool>) return fn(s.iteration / batches_per_epoch, s);
    else {
      fn(s.iteration / batches_per_epoch, s);
      return true;
    }
  }
  std::string stop_message() const { return "stopped by on_epoch"; }
};
template <data::batch_source Source, class Fn>
epoch_callback<std::decay_t<Fn>> on_epoch(const Source& source, Fn&& fn) {
  return {static_cast<std::size_t>(source.batches_per_epoch()), std::forward<Fn>(fn)};
}

}  // namespace descent

#endif
