// descent/train/first_order.hpp: a first-order optimizer as a method of the training loop.
//
// An optimizer moves parameters given gradients (`opt.step(params, grads)`, optionally
// `opt.step(params, grads, loss)` for blocks that need the loss, e.g. reduce-on-plateau)
// and knows nothing of objectives.  first_order(opt) makes it a descent::method: one step
// of the optimizer, then one evaluation of the objective at the new point.  descent::minimize
// wraps optimizers this way by itself; write it out only to hold the wrapper (checkpoints).
#ifndef DESCENT_TRAIN_FIRST_ORDER_HPP
#define DESCENT_TRAIN_FIRST_ORDER_HPP

#include <cstdint>
#include <span>
#include <type_traits>
#include <utility>

#include <descent/problem/method.hpp>
#include <descent/problem/objective.hpp>

namespace descent {

/// O updates parameters in place from gradients over T (the optim area's contract).
template <class O, class T>
concept first_order_optimizer = requires(O& o, std::span<T> x, std::span<const T> g) {
  o.step(x, g);
};

/// The method made from optimizer O.  O may be a reference type (first_order(opt) on an
/// lvalue refers to the caller's optimizer, whose state then survives the run) or a value
/// type (first_order(make_opt()) owns it).
template <class O>
class first_order {
 public:
  template <class U>
  explicit first_order(U&& opt) : opt_(std::forward<U>(opt)) {}

  /// One optimizer step at (x, loss, g), then loss, g := f(x_new), grad f(x_new).
  template <class F, class T>
  step_report step(F& f, std::span<T> x, T& loss, std::span<T> g) {
    const std::span<const T> cg(g.data(), g.size());
    if constexpr (requires { opt_.step(x, cg, loss); })
      opt_.step(x, cg, loss);  // the loss overload wins where the optimizer has one
    else
      opt_.step(x, cg);
    loss = static_cast<T>(f(std::span<const T>(x.data(), x.size()), g));
    ++steps_;
    return {1, method_status::running, nullptr};
  }

  /// Forget optimizer state, where the optimizer can.
  void reset()
    requires requires(std::remove_reference_t<O>& o) { o.reset(); }
  {
    opt_.reset();
    steps_ = 0;
  }

  /// Checkpoint: the number of steps taken through this wrapper, then the optimizer's own
  /// state (if it has serialize; a stateless optimizer such as plain SGD needs none).
  template <class Archive>
  void serialize(Archive& ar) {
    ar("first_order.steps", steps_);
    if constexpr (requires { opt_.serialize(ar); }) opt_.serialize(ar);
  }

  std::uint64_t steps() const noexcept { return steps_; }
  std::remove_reference_t<O>& optimizer() noexcept { return opt_; }
  const std::remove_reference_t<O>& optimizer() const noexcept { return opt_; }

 private:
  O opt_;
  std::uint64_t steps_ = 0;
};

template <class U>
first_order(U&&) -> first_order<U>;  // lvalue: a reference to it; rvalue: owned

}  // namespace descent

#endif  // DESCENT_TRAIN_FIRST_ORDER_HPP
