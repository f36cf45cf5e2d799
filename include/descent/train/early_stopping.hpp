// descent/train/early_stopping.hpp: stop when the loss has not improved for a while.
//
//   descent::minimize(f, x, opt, stop, descent::early_stopping{.patience = 20, .min_delta = 1e-6});
// An iteration improves when its loss is below best - min_delta; after `patience`
// iterations in a row without improvement the run stops (reason stop_reason::callback,
// message saying so).  Pair it with keep_best{.restore = true} to return the best point.
#ifndef DESCENT_TRAIN_EARLY_STOPPING_HPP
#define DESCENT_TRAIN_EARLY_STOPPING_HPP

#include <cstddef>
#include <limits>
#include <string>

#include <descent/train/detail/format.hpp>
#include <descent/train/result.hpp>

namespace descent {

struct early_stopping {
  std::size_t patience = 10;
  double min_delta = 0;

  // Loop state (not options).
  double best = std::numeric_limits<double>::infinity();
  std::size_t best_iteration = 0;
  std::size_t wait = 0;

  template <class T>
  void on_begin(const iteration_state<T>& s) {
    best = static_cast<double>(s.loss);
    best_iteration = s.iteration;
    wait = 0;
  }

  template <class T>
  bool on_iteration(const iteration_state<T>& s) {
    const double loss = static_cast<double>(s.loss);
    if (loss < best - min_delta) {
      best = loss;
      best_iteration = s.iteration;
      wait = 0;
      return true;
    }
    return ++wait < patience;
  }

  std::string stop_message() const {
    return "early_stopping: no improvement of more than " + detail::num(min_delta) +
           " over the best loss " + detail::num(best) + " (iteration " +
           detail::num(best_iteration) + ") in " + detail::num(patience) +
           " iterations";
  }
};

}  // namespace descent

#endif  // DESCENT_TRAIN_EARLY_STOPPING_HPP
