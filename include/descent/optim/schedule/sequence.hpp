// descent/optim/schedule/sequence.hpp: schedules one after another.
//
// Both are exact at the milestone: at step `boundary` the second schedule is asked for
// its step 0, computed from its own closed form.  (torch's SequentialLR/ChainedScheduler
// derive a rate from the previous one and are off at milestones: pytorch issues #68332,
// #76254.)
#ifndef DESCENT_OPTIM_SCHEDULE_SEQUENCE_HPP
#define DESCENT_OPTIM_SCHEDULE_SEQUENCE_HPP

#include <cstddef>

#include <descent/optim/detail/validate.hpp>
#include <descent/optim/schedule.hpp>

namespace descent::optim {

/// rate(t) = first(t) for t < boundary, then second(t - boundary).
template <schedule First, schedule Second>
struct join_schedules {
  First first{};
  Second second{};
  std::size_t boundary = 0;
  double operator()(std::size_t t) const {
    return t < boundary ? static_cast<double>(first(t)) : static_cast<double>(second(t - boundary));
  }
  constexpr void validate(const char* who) const {
    if constexpr (requires { first.validate(who); }) first.validate(who);
    if constexpr (requires { second.validate(who); }) second.validate(who);
  }
};

/// Linear warmup from start_value to then(0) over warmup_steps steps, then then(t - warmup).
template <schedule Then>
struct linear_warmup {
  std::size_t warmup_steps = 0;
  double start_value = 0;
  Then then{};
  double operator()(std::size_t t) const {
    if (t >= warmup_steps) return static_cast<double>(then(t - warmup_steps));
    const double peak = static_cast<double>(then(0));
    return start_value + (peak - start_value) * static_cast<double>(t) / static_cast<double>(warmup_steps);
  }
  constexpr void validate(const char* who) const {
    detail::check_nonnegative(who, "start_value", start_value);
    if constexpr (requires { then.validate(who); }) then.validate(who);
  }
};

}  // namespace descent::optim

#endif  // DESCENT_OPTIM_SCHEDULE_SEQUENCE_HPP
