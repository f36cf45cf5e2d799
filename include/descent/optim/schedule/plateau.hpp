// descent/optim/schedule/plateau.hpp: reduce the rate when the loss stops improving.
//
// torch's ReduceLROnPlateau (mode "min", threshold_mode "rel"): the loss given to
// opt.step(params, grads, loss) reaches observe(); after more than `patience` steps
// without a relative improvement of `threshold`, rate <- max(rate * factor, min_value),
// then `cooldown` steps of grace.  Its state is saved with the optimizer's.
#ifndef DESCENT_OPTIM_SCHEDULE_PLATEAU_HPP
#define DESCENT_OPTIM_SCHEDULE_PLATEAU_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>

#include <descent/optim/detail/fields.hpp>

namespace descent::optim {

struct reduce_on_plateau {
  static constexpr const char* name = "descent::optim::reduce_on_plateau";
  double init_value = 1e-3;
  double factor = 0.1;
  std::uint64_t patience = 10;
  double threshold = 1e-4;
  std::uint64_t cooldown = 0;
  double min_value = 0;
  double eps = 1e-8;

  // state
  double rate_ = std::numeric_limits<double>::quiet_NaN();
  double best_ = std::numeric_limits<double>::infinity();
  std::uint64_t bad_steps_ = 0;
  std::uint64_t cooldown_left_ = 0;

  double operator()(std::size_t) const { return rate_ == rate_ ? rate_ : init_value; }

  void observe(double loss) {
    if (rate_ != rate_) rate_ = init_value;
    if (loss < best_ * (1 - threshold)) {
      best_ = loss;
      bad_steps_ = 0;
    } else {
      ++bad_steps_;
    }
    if (cooldown_left_ > 0) {
      --cooldown_left_;
      bad_steps_ = 0;
    }
    if (bad_steps_ > patience) {
      const double reduced = std::max(rate_ * factor, min_value);
      if (rate_ - reduced > eps) rate_ = reduced;
      cooldown_left_ = cooldown;
      bad_steps_ = 0;
    }
  }

  /// eps here is a threshold on the change of the rate: 0 is allowed.
  static constexpr field_rule rule_of(std::string_view field) {
    return field == "eps" ? field_rule::nonnegative : field_rule::by_name;
  }
};

}  // namespace descent::optim

// The state (names ending in '_') is saved as "rate", "best", "bad_steps", "cooldown_left".
DESCENT_OPTIM_STRUCT(descent::optim::reduce_on_plateau, init_value, factor, patience, threshold,
                     cooldown, min_value, eps, rate_, best_, bad_steps_, cooldown_left_);

#endif  // DESCENT_OPTIM_SCHEDULE_PLATEAU_HPP
