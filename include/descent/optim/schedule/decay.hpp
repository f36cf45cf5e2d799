// descent/optim/schedule/decay.hpp: the simple learning-rate schedules.
//
// Each is an aggregate with designated initializers and `double operator()(step)`, step
// counted from 0; they match torch.optim.lr_scheduler's closed forms (named in each).
#ifndef DESCENT_OPTIM_SCHEDULE_DECAY_HPP
#define DESCENT_OPTIM_SCHEDULE_DECAY_HPP

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include <descent/optim/detail/validate.hpp>

namespace descent::optim {

/// rate(t) = value.
struct constant_schedule {
  double value = 1e-3;
  constexpr double operator()(std::size_t) const noexcept { return value; }
  constexpr void validate(const char* who) const {
    detail::check_nonnegative(who, "learning_rate", value);
  }
};

/// rate(t) = init_value * gamma^floor(t / step_size)   (torch StepLR).
struct step_decay {
  double init_value = 1e-3;
  std::size_t step_size = 1;
  double gamma = 0.1;
  double operator()(std::size_t t) const {
    return init_value * std::pow(gamma, static_cast<double>(t / step_size));
  }
  constexpr void validate(const char* who) const {
    detail::check_nonnegative(who, "init_value", init_value);
    detail::check_count(who, "step_size", step_size);
    detail::check_positive(who, "gamma", gamma);
  }
};

/// rate(t) = init_value * gamma^(number of milestones <= t)   (torch MultiStepLR).
struct multi_step_decay {
  double init_value = 1e-3;
  std::vector<std::size_t> milestones{};  // sorted ascending
  double gamma = 0.1;
  double operator()(std::size_t t) const {
    const auto passed = std::upper_bound(milestones.begin(), milestones.end(), t) - milestones.begin();
    return init_value * std::pow(gamma, static_cast<double>(passed));
  }
  void validate(const char* who) const {
    detail::check_nonnegative(who, "init_value", init_value);
    detail::check_positive(who, "gamma", gamma);
    if (!std::is_sorted(milestones.begin(), milestones.end()))
      detail::invalid_combination(who, "milestones must be sorted ascending");
  }
};

/// rate(t) = init_value * gamma^t   (torch ExponentialLR).
struct exponential_decay {
  double init_value = 1e-3;
  double gamma = 0.99;
  double operator()(std::size_t t) const {
    return init_value * std::pow(gamma, static_cast<double>(t));
  }
  constexpr void validate(const char* who) const {
    detail::check_nonnegative(who, "init_value", init_value);
    detail::check_positive(who, "gamma", gamma);
  }
};

/// rate(t) = init_value / (1 + decay_rate * t)   (torch Adagrad's lr_decay).
struct inverse_time_decay {
  double init_value = 1e-3;
  double decay_rate = 0;
  constexpr double operator()(std::size_t t) const noexcept {
    return init_value / (1 + static_cast<double>(t) * decay_rate);
  }
  constexpr void validate(const char* who) const {
    detail::check_nonnegative(who, "init_value", init_value);
    detail::check_nonnegative(who, "decay_rate", decay_rate);
  }
};

/// rate(t) = (init_value - end_value) * (1 - min(t, decay_steps) / decay_steps)^power
///           + end_value   (torch PolynomialLR when end_value = 0; Optax polynomial_schedule).
struct polynomial_decay {
  double init_value = 1e-3;
  double end_value = 0;
  double power = 1;
  std::size_t decay_steps = 1;
  double operator()(std::size_t t) const {
    const double frac = 1 - static_cast<double>(std::min(t, decay_steps)) / static_cast<double>(decay_steps);
    return (init_value - end_value) * std::pow(frac, power) + end_value;
  }
  constexpr void validate(const char* who) const {
    detail::check_nonnegative(who, "init_value", init_value);
    detail::check_nonnegative(who, "end_value", end_value);
    detail::check_positive(who, "power", power);
    detail::check_count(who, "decay_steps", decay_steps);
  }
};

}  // namespace descent::optim

#endif  // DESCENT_OPTIM_SCHEDULE_DECAY_HPP
