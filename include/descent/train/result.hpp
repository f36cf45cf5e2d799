// descent/train/result.hpp: what the training loop shows callbacks while it runs
// (iteration_state) and what it returns (minimize_result), why it stopped (stop_reason),
// its options (minimize_options) and the error thrown when the loss or gradient stops being
// finite (divergence_error).
#ifndef DESCENT_TRAIN_RESULT_HPP
#define DESCENT_TRAIN_RESULT_HPP

#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace descent {

/// Why descent::minimize stopped.  `message` in the result says it in words, with numbers.
enum class stop_reason {
  none,             ///< not stopped (only seen inside the loop)
  max_iterations,   ///< max_iterations{n} fired
  gradient_norm,    ///< gradient_norm_below{eps} fired
  loss_change,      ///< relative_loss_change_below{tol, patience} fired
  wall_time,        ///< wall_time_budget{d} fired
  max_evaluations,  ///< max_evaluations{n} fired
  user_rule,        ///< a user-written stopping rule fired
  converged,        ///< the method itself reported convergence
  method_failed,    ///< the method reported failure (e.g. a failed line search)
  callback,         ///< a callback's on_iteration returned false (e.g. early_stopping)
  diverged,         ///< NaN or Inf loss/gradient (only returned with on_divergence = report)
};

/// The enumerator's name, e.g. "gradient_norm".
constexpr std::string_view to_string(stop_reason r) noexcept {
  switch (r) {
    case stop_reason::none: return "none";
    case stop_reason::max_iterations: return "max_iterations";
    case stop_reason::gradient_norm: return "gradient_norm";
    case stop_reason::loss_change: return "loss_change";
    case stop_reason::wall_time: return "wall_time";
    case stop_reason::max_evaluations: return "max_evaluations";
    case stop_reason::user_rule: return "user_rule";
    case stop_reason::converged: return "converged";
    case stop_reason::method_failed: return "method_failed";
    case stop_reason::callback: return "callback";
    case stop_reason::diverged: return "diverged";
  }
  return "unknown";
}

/// The loop's state as stopping rules and callbacks see it.  x, loss, g always belong
/// together (g is the gradient at x).  At on_begin, iteration == start_iteration and
/// previous_loss is NaN.
template <class T>
struct iteration_state {
  std::size_t iteration = 0;     ///< iterations completed (counting from start_iteration)
  T loss{};                      ///< f(x)
  T previous_loss{};             ///< f at the previous iterate (NaN before the first step)
  T grad_norm{};                 ///< Euclidean norm of g
  std::size_t evaluations = 0;   ///< objective evaluations in this call of minimize
  double seconds = 0;            ///< wall time since minimize began
  std::span<const T> x;          ///< current parameters
  std::span<const T> g;          ///< gradient at x
};

/// What descent::minimize returns.  On return, the caller's params hold the final point
/// (or the best one, with keep_best{.restore = true}; or the last finite one after a
/// divergence).
template <class T>
struct minimize_result {
  T loss{};                          ///< f at the returned parameters
  T grad_norm{};                     ///< |grad f| at the returned parameters
  std::size_t iterations = 0;        ///< final iteration counter (from start_iteration)
  std::size_t evaluations = 0;       ///< objective evaluations in this call
  stop_reason reason = stop_reason::none;
  std::string message;               ///< which rule fired, in words with the numbers
  double seconds = 0;                ///< wall time of this call

  /// True unless the run ended by divergence or a method failure.
  bool ok() const noexcept {
    return reason != stop_reason::diverged && reason != stop_reason::method_failed;
  }
};

/// What to do when the loss or gradient becomes NaN or Inf.
enum class divergence_action {
  throw_error,  ///< restore the last finite parameters, then throw descent::divergence_error
  report,       ///< restore them and return the result with reason == stop_reason::diverged
};

/// Options of descent::minimize, passed among the callbacks (anywhere after the stop rule):
///   descent::minimize(f, x, opt, stop, descent::minimize_options{.on_divergence =
///                     descent::divergence_action::report});
struct minimize_options {
  /// NaN/Inf guard: the default throws (a diverged run is a bug to look at, not a result).
  divergence_action on_divergence = divergence_action::throw_error;
  /// The guard copies x before every step (n numbers) to restore it; false turns it off.
  bool check_finite = true;
  /// Iteration number to count from, e.g. the one load_checkpoint returned, so that a
  /// resumed run numbers its iterations (and counts max_iterations) like the original.
  std::size_t start_iteration = 0;
};

/// Thrown by descent::minimize (default policy) when the loss or the gradient is NaN or
/// Inf.  The parameters have been restored to the last finite iterate before the throw.
class divergence_error : public std::runtime_error {
 public:
  divergence_error(const std::string& what, std::size_t iteration, std::size_t restored)
      : std::runtime_error(what), iteration_(iteration), restored_(restored) {}
  /// The iteration whose loss or gradient was not finite.
  std::size_t iteration() const noexcept { return iteration_; }
  /// The iteration the parameters were restored to.
  std::size_t restored_iteration() const noexcept { return restored_; }

 private:
  std::size_t iteration_;
  std::size_t restored_;
};

}  // namespace descent

#endif  // DESCENT_TRAIN_RESULT_HPP
