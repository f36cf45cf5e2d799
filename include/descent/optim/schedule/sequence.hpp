// descent/optim/schedule/sequence.hpp: schedules one after another.
//
// Both are exact at the milestone: at step `boundary` the second schedule is asked for
// its step 0, computed from its own closed form.  (torch's SequentialLR/ChainedScheduler
// derive a rate from the previous one and are off at milestones: pytorch issues #68332,
// #76254.)
#ifndef DESCENT_OPTIM_SCHEDULE_SEQUENCE_HPP
#define DESCENT_OPTIM_SCHEDULE_SEQUENCE_HPP

#include <cstddef>

#include <descent/optim/detail/fields.hpp>
#include <descent/optim/schedule.hpp>

namespace descent::optim {

/// rate(t) = first(t) for t < boundary, then second(t - boundary).
template <schedule First, schedule Second>
struct join_schedules {
  static constexpr const char* name = "descent::optim::join_schedules";
  First first{};
  Second second{};
  std::size_t boundary = 0;
  double operator()(std::size_t t) const {
    return t < boundary ? static_cast<double>(first(t)) : static_cast<double>(second(t - boundary));
  }
  /// Each schedule sees the loss (a reduce_on_plateau inside keeps working).
  void observe(double loss)
    requires loss_aware_schedule<First> || loss_aware_schedule<Second>
  {
    if constexpr (loss_aware_schedule<First>) first.observe(loss);
    if constexpr (loss_aware_schedule<Second>) second.observe(loss);
  }
};

/// Linear warmup from start_value to then(0) over warmup_steps steps, then then(t - warmup).
template <schedule Then>
struct linear_warmup {
  static constexpr const char* name = "descent::optim::linear_warmup";
  std::size_t warmup_steps = 0;
  double start_value = 0;
  Then then{};
  double operator()(std::size_t t) const {
    if (t >= warmup_steps) return static_cast<double>(then(t - warmup_steps));
    const double peak = static_cast<double>(then(0));
    return start_value + (peak - start_value) * static_cast<double>(t) / static_cast<double>(warmup_steps);
  }
  void observe(double loss)
    requires loss_aware_schedule<Then>
  {
    then.observe(loss);
  }
};

}  // namespace descent::optim

namespace descent::optim::detail {
template <class First, class Second>
struct fields_of<join_schedules<First, Second>> {
  using S = join_schedules<First, Second>;
  using list = field_list<DESCENT_OPTIM_FIELD(S, first), DESCENT_OPTIM_FIELD(S, second),
                                   DESCENT_OPTIM_FIELD(S, boundary)>;
};
template <class Then>
struct fields_of<linear_warmup<Then>> {
  using S = linear_warmup<Then>;
  using list = field_list<DESCENT_OPTIM_FIELD(S, warmup_steps),
                                   DESCENT_OPTIM_FIELD(S, start_value), DESCENT_OPTIM_FIELD(S, then)>;
};
}  // namespace descent::optim::detail

#endif  // DESCENT_OPTIM_SCHEDULE_SEQUENCE_HPP
