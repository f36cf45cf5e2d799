// descent/train/keep_best.hpp: remember the best parameters seen during a run.
//
//   descent::keep_best best{.restore = true};
//   descent::minimize(f, x, opt, stop, best);   // x ends at the best point seen
//   best.loss(); best.iteration(); best.params();
// With restore, the loop writes the best parameters back at the end and re-evaluates the
// objective there (one more evaluation), so the result's loss and grad_norm are the best
// point's.  Without it, the run ends where it ended and best.params() holds the best point.
#ifndef DESCENT_TRAIN_KEEP_BEST_HPP
#define DESCENT_TRAIN_KEEP_BEST_HPP

#include <algorithm>
#include <cstddef>
#include <limits>
#include <span>
#include <vector>

#include <descent/train/result.hpp>

namespace descent {

struct keep_best {
  bool restore = false;

  // Loop state (not an option).  Parameters are kept as double: exact for float too.
  std::vector<double> best_x{};
  double best_loss = std::numeric_limits<double>::infinity();
  std::size_t best_iteration = 0;

  template <class T>
  void on_begin(const iteration_state<T>& s) {
    best_x.clear();
    best_loss = std::numeric_limits<double>::infinity();
    consider(s);
  }

  template <class T>
  void on_iteration(const iteration_state<T>& s) {
    consider(s);
  }

  /// Writes the best parameters into x when restore is set and the run did not end at them.
  template <class T>
  bool on_finish(std::span<T> x) {
    if (!restore || best_x.size() != x.size()) return false;
    if (std::equal(best_x.begin(), best_x.end(), x.begin(),
                   [](double b, T v) { return b == static_cast<double>(v); }))
      return false;  // already there
    std::transform(best_x.begin(), best_x.end(), x.begin(),
                   [](double v) { return static_cast<T>(v); });
    return true;
  }

  double loss() const noexcept { return best_loss; }
  std::size_t iteration() const noexcept { return best_iteration; }
  const std::vector<double>& params() const noexcept { return best_x; }

 private:
  template <class T>
  void consider(const iteration_state<T>& s) {
    const double l = static_cast<double>(s.loss);
    if (!(l < best_loss)) return;  // NaN never wins
    best_loss = l;
    best_iteration = s.iteration;
    best_x.assign(s.x.begin(), s.x.end());
  }
};

}  // namespace descent

#endif  // DESCENT_TRAIN_KEEP_BEST_HPP
