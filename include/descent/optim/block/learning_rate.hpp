// descent/optim/block/learning_rate.hpp: u <- rate(t) * u, the rate from any schedule.
#ifndef DESCENT_OPTIM_BLOCK_LEARNING_RATE_HPP
#define DESCENT_OPTIM_BLOCK_LEARNING_RATE_HPP

#include <cstdint>

#include <descent/optim/detail/fields.hpp>
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
  static constexpr const char* name = "descent::optim::scale_by_learning_rate";
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

  /// "count", then the schedule's state under "rate." (not "learning_rate.": the name
  /// checkpoints have always used).
  template <class Archive>
  void serialize(Archive& ar) {
    ar("count", count_);
    detail::prefixed_archive<Archive> pa{ar, "rate."};
    detail::serialize_state(learning_rate, pa);
  }
};

}  // namespace descent::optim

namespace descent::optim::detail {
template <class S>
struct fields_of<scale_by_learning_rate<S>> {
  using B = scale_by_learning_rate<S>;
  using list = field_list<DESCENT_OPTIM_FIELD(B, learning_rate), DESCENT_OPTIM_FIELD(B, count_)>;
};
}  // namespace descent::optim::detail

#endif  // DESCENT_OPTIM_BLOCK_LEARNING_RATE_HPP
