// descent/optim/schedule.hpp: what a learning-rate schedule provides.
//
// A schedule is a plain value type: rate = s(step), step counted from 0 (the first update
// uses s(0)).  Rates are double whatever the parameter type, so a float optimizer follows
// the same schedule as a double one.  A schedule that reacts to the loss (reduce_on_plateau)
// also has observe(loss); the block holding it calls observe with the loss given to
// opt.step(params, grads, loss) before asking for the rate.
#ifndef DESCENT_OPTIM_SCHEDULE_HPP
#define DESCENT_OPTIM_SCHEDULE_HPP

#include <concepts>
#include <cstddef>

namespace descent::optim {

template <class S>
concept schedule = std::copy_constructible<S> && requires(const S& s, std::size_t step) {
  { s(step) } -> std::convertible_to<double>;
};

/// A schedule that also wants the loss (reduce-on-plateau).
template <class S>
concept loss_aware_schedule = schedule<S> && requires(S& s, double loss) { s.observe(loss); };

}  // namespace descent::optim

#endif  // DESCENT_OPTIM_SCHEDULE_HPP
