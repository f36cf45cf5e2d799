// descent/optim/schedule/cosine.hpp: cosine annealing, warm restarts, one-cycle.
#ifndef DESCENT_OPTIM_SCHEDULE_COSINE_HPP
#define DESCENT_OPTIM_SCHEDULE_COSINE_HPP

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numbers>

#include <descent/optim/detail/fields.hpp>

namespace descent::optim {

namespace detail {
inline double cosine_between(double from, double to, double fraction) {
  return to + (from - to) * 0.5 * (1 + std::cos(std::numbers::pi * fraction));
}
}  // namespace detail

/// rate(t) = end_value + (init_value - end_value) * (1 + cos(pi * min(t, T) / T)) / 2,
/// T = decay_steps   (torch CosineAnnealingLR's closed form, held at end_value after T).
struct cosine_decay {
  static constexpr const char* name = "descent::optim::cosine_decay";
  double init_value = 1e-3;
  std::size_t decay_steps = 1;
  double end_value = 0;
  double operator()(std::size_t t) const {
    return detail::cosine_between(init_value, end_value,
                                  static_cast<double>(std::min(t, decay_steps)) /
                                      static_cast<double>(decay_steps));
  }
};

/// SGDR (Loshchilov & Hutter 2017; torch CosineAnnealingWarmRestarts): cosine from
/// init_value to end_value over a period, then restart; each period is period_mult times
/// the previous one.  Restart points are computed in integers, so they are exact.
struct cosine_warm_restarts {
  static constexpr const char* name = "descent::optim::cosine_warm_restarts";
  double init_value = 1e-3;
  std::size_t period = 10;       // T_0
  std::size_t period_mult = 1;   // T_mult
  double end_value = 0;          // eta_min
  double operator()(std::size_t t) const {
    std::size_t length = period;
    while (t >= length) {
      t -= length;
      length *= period_mult;
    }
    return detail::cosine_between(init_value, end_value,
                                  static_cast<double>(t) / static_cast<double>(length));
  }
};

/// One-cycle policy (Smith & Topin 2017), exactly torch's OneCycleLR: from
/// max_value/div_factor up to max_value over the first pct_start of total_steps, then down
/// to max_value/div_factor/final_div_factor (three_phase: back to the start value first).
struct one_cycle {
  static constexpr const char* name = "descent::optim::one_cycle";
  double max_value = 1e-2;
  std::size_t total_steps = 100;
  double pct_start = 0.3;
  double div_factor = 25;
  double final_div_factor = 1e4;
  bool three_phase = false;
  bool cosine = true;  // false: linear annealing
  double operator()(std::size_t step) const {
    const double initial = max_value / div_factor;
    const double minimum = initial / final_div_factor;
    const double total = static_cast<double>(total_steps);
    struct phase {
      double end_step, from, to;
    };
    const phase two[] = {{pct_start * total - 1, initial, max_value},
                         {total - 1, max_value, minimum}};
    const phase three[] = {{pct_start * total - 1, initial, max_value},
                           {2 * pct_start * total - 2, max_value, initial},
                           {total - 1, initial, minimum}};
    const phase* phases = three_phase ? three : two;
    const std::size_t count = three_phase ? 3 : 2;
    const double t = static_cast<double>(step);
    double start = 0;
    for (std::size_t i = 0; i < count; ++i) {
      if (t <= phases[i].end_step || i + 1 == count) {
        const double pct = (t - start) / (phases[i].end_step - start);
        return cosine ? detail::cosine_between(phases[i].from, phases[i].to, pct)
                      : (phases[i].to - phases[i].from) * pct + phases[i].from;
      }
      start = phases[i].end_step;
    }
    return minimum;  // not reached
  }
};

}  // namespace descent::optim

DESCENT_OPTIM_STRUCT(descent::optim::cosine_decay, init_value, decay_steps, end_value);
DESCENT_OPTIM_STRUCT(descent::optim::cosine_warm_restarts, init_value, period, period_mult,
                     end_value);
DESCENT_OPTIM_STRUCT(descent::optim::one_cycle, max_value, total_steps, pct_start, div_factor,
                     final_div_factor, three_phase, cosine);

#endif  // DESCENT_OPTIM_SCHEDULE_COSINE_HPP
