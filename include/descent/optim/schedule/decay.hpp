// descent/optim/schedule/decay.hpp: the simple learning-rate schedules.
//
// Each is an aggregate with designated initializers and `double operator()(step)`, step
// counted from 0; they match torch.optim.lr_scheduler's closed forms (named in each).
#ifndef DESCENT_OPTIM_SCHEDULE_DECAY_HPP
#define DESCENT_OPTIM_SCHEDULE_DECAY_HPP

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string_view>
#include <vector>

#include <descent/optim/detail/fields.hpp>
#include <descent/optim/detail/validate.hpp>

namespace descent::optim {

/// rate(t) = value.
struct constant_schedule {
  static constexpr const char* name = "descent::optim::constant_schedule";
  double value = 1e-3;
  constexpr double operator()(std::size_t) const noexcept { return value; }
};

/// rate(t) = init_value * gamma^floor(t / step_size)   (torch StepLR).
struct step_decay {
  static constexpr const char* name = "descent::optim::step_decay";
  double init_value = 1e-3;
  std::size_t step_size = 1;
  double gamma = 0.1;
  double operator()(std::size_t t) const {
    return init_value * std::pow(gamma, static_cast<double>(t / step_size));
  }
};

/// rate(t) = init_value * gamma^(number of milestones <= t)   (torch MultiStepLR).
struct multi_step_decay {
  static constexpr const char* name = "descent::optim::multi_step_decay";
  double init_value = 1e-3;
  std::vector<std::size_t> milestones{};  // sorted ascending
  double gamma = 0.1;
  double operator()(std::size_t t) const {
    const auto passed = std::upper_bound(milestones.begin(), milestones.end(), t) - milestones.begin();
    return init_value * std::pow(gamma, static_cast<double>(passed));
  }
  /// The rule beyond each field's range.
  void validate(const char* who) const {
    if (!std::is_sorted(milestones.begin(), milestones.end()))
      detail::invalid_combination(who, "milestones must be sorted ascending");
  }
};

/// rate(t) = init_value * gamma^t   (torch ExponentialLR).
struct exponential_decay {
  static constexpr const char* name = "descent::optim::exponential_decay";
  double init_value = 1e-3;
  double gamma = 0.99;
  double operator()(std::size_t t) const {
    return init_value * std::pow(gamma, static_cast<double>(t));
  }
};

/// rate(t) = init_value / (1 + decay_rate * t)   (torch Adagrad's lr_decay).
struct inverse_time_decay {
  static constexpr const char* name = "descent::optim::inverse_time_decay";
  double init_value = 1e-3;
  double decay_rate = 0;
  constexpr double operator()(std::size_t t) const noexcept {
    return init_value / (1 + static_cast<double>(t) * decay_rate);
  }
};

/// rate(t) = (init_value - end_value) * (1 - min(t, decay_steps) / decay_steps)^power
///           + end_value   (torch PolynomialLR when end_value = 0; Optax polynomial_schedule).
struct polynomial_decay {
  static constexpr const char* name = "descent::optim::polynomial_decay";
  double init_value = 1e-3;
  double end_value = 0;
  double power = 1;
  std::size_t decay_steps = 1;
  double operator()(std::size_t t) const {
    const double frac = 1 - static_cast<double>(std::min(t, decay_steps)) / static_cast<double>(decay_steps);
    return (init_value - end_value) * std::pow(frac, power) + end_value;
  }
};

/// rate(t) = init_value * factor for t < total_iters, then init_value   (torch ConstantLR:
/// factor in [0, 1], default 1/3, total_iters 5).
struct constant_factor {
  static constexpr const char* name = "descent::optim::constant_factor";
  double init_value = 1e-3;
  double factor = 1.0 / 3;
  std::size_t total_iters = 5;
  constexpr double operator()(std::size_t t) const noexcept {
    return t < total_iters ? init_value * factor : init_value;
  }
  static constexpr field_rule rule_of(std::string_view field) {
    return field == "factor" ? field_rule::unit_closed : field_rule::by_name;
  }
};

/// rate(t) = init_value * (start_factor + (end_factor - start_factor) * min(t, T) / T),
/// T = total_iters   (torch LinearLR: start_factor in (0, 1], end_factor in [0, 1]).
struct linear_factor {
  static constexpr const char* name = "descent::optim::linear_factor";
  double init_value = 1e-3;
  double start_factor = 1.0 / 3;
  double end_factor = 1.0;
  std::size_t total_iters = 5;
  constexpr double operator()(std::size_t t) const noexcept {
    const double frac = static_cast<double>(std::min(t, total_iters)) / static_cast<double>(total_iters);
    return init_value * (start_factor + (end_factor - start_factor) * frac);
  }
};

}  // namespace descent::optim

DESCENT_OPTIM_STRUCT(descent::optim::constant_schedule, value);
DESCENT_OPTIM_STRUCT(descent::optim::step_decay, init_value, step_size, gamma);
DESCENT_OPTIM_STRUCT(descent::optim::multi_step_decay, init_value, milestones, gamma);
DESCENT_OPTIM_STRUCT(descent::optim::exponential_decay, init_value, gamma);
DESCENT_OPTIM_STRUCT(descent::optim::inverse_time_decay, init_value, decay_rate);
DESCENT_OPTIM_STRUCT(descent::optim::polynomial_decay, init_value, end_value, power, decay_steps);
DESCENT_OPTIM_STRUCT(descent::optim::constant_factor, init_value, factor, total_iters);
DESCENT_OPTIM_STRUCT(descent::optim::linear_factor, init_value, start_factor, end_factor, total_iters);

#endif  // DESCENT_OPTIM_SCHEDULE_DECAY_HPP
