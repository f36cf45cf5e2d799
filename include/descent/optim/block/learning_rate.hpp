// descent/optim/block/learning_rate.hpp: u <- rate(t) * u, the rate from any schedule.
#ifndef DESCENT_OPTIM_BLOCK_LEARNING_RATE_HPP
#define DESCENT_OPTIM_BLOCK_LEARNING_RATE_HPP

#include <cstdint>

#include <descent/optim/detail/prefixed_archive.hpp>
#include <descent/optim/schedule.hpp>
#include <descent/optim/schedule/decay.hpp>
#include <descent/optim/update_rule.hpp>

namespace descent::optim {

/// Multiplies the update by the learning rate: a constant (the default,
/// `scale_by_learning_rate<>{{1e-3}}`) or any schedule (`scale_by_learning_rate<cosine_decay>`).
/// The schedule's step counts the updates this block has made (from 0).  A loss-aware
/// schedule (reduce_on_plateau) observes the loss passed to step() first.
template <schedule S = constant_schedule>
struct scale_by_learning_rate {
  S learning_rate{};

  // state
  std::uint64_t count_ = 0;
  double rate_ = 0;

  void prepare(const step_context& c) {
    if constexpr (loss_aware_schedule<S>)
      if (c.has_loss()) learning_rate.observe(c.loss);
    rate_ = static_cast<double>(learning_rate(static_cast<std::size_t>(count_)));
    ++count_;
  }
  template <class T>
  T apply(T u, T, slots<T, 0>) const {
    return u * static_cast<T>(rate_);
  }
  /// The rate used by the last step.
  [[nodiscard]] double current() const noexcept { return rate_; }

  constexpr void validate(const char* who) const {
    if constexpr (requires { learning_rate.validate(who); }) learning_rate.validate(who);
  }
  template <class Archive>
  void serialize(Archive& ar) {
    ar("count", count_);
    if constexpr (requires { learning_rate.serialize(ar); }) {
      detail::prefixed_archive<Archive> pa{ar, "rate."};
      learning_rate.serialize(pa);
    }
  }
};

}  // namespace descent::optim

#endif  // DESCENT_OPTIM_BLOCK_LEARNING_RATE_HPP
