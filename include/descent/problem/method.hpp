// descent/problem/method.hpp: what one iteration of a minimisation method looks like.
//
// The loop (descent::minimize) owns the current point x, its loss and gradient g, the
// iteration counter, timing, stopping rules, callbacks, the NaN/Inf guard and checkpoints.
// A method only advances x by one iteration: given x with its loss and gradient, it moves
// x and leaves `loss` and `g` as those of the new x, and says how many objective
// evaluations that took.  First-order optimizers are wrapped into methods by
// descent::first_order (descent/train/first_order.hpp); line-search and second-order
// methods implement step() directly.  Optional members: reset() (forget state) and
// serialize(ar) (checkpoints, see descent/train/checkpoint.hpp).
#ifndef DESCENT_PROBLEM_METHOD_HPP
#define DESCENT_PROBLEM_METHOD_HPP

#include <concepts>
#include <cstddef>
#include <span>

namespace descent {

/// What a method says after one step.  `failed` ends the run and is reported with the
/// method's message (a failed line search, a singular system, ...): never hidden.
enum class method_status { running, converged, failed };

/// The result of one step: objective evaluations used, status, and a message (a string
/// literal or other static storage; may be nullptr when there is nothing to say).
struct step_report {
  std::size_t evaluations;
  method_status status;
  const char* message;
};

/// M advances x by one iteration of objective F over T (double or float).
template <class M, class F, class T>
concept method = requires(M& m, F& f, std::span<T> x, T& loss, std::span<T> g) {
  { m.step(f, x, loss, g) } -> std::same_as<step_report>;
};

}  // namespace descent

#endif  // DESCENT_PROBLEM_METHOD_HPP
