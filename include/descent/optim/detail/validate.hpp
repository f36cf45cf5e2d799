// descent/optim/detail/validate.hpp: hyperparameter checks shared by every block.
//
// Each check is constexpr: at run time a bad value throws std::invalid_argument whose
// message names the optimizer, the parameter, its value and the allowed range, e.g.
//   "descent::optim::adam: beta1 = 1.5 is outside [0, 1)";
// in a constant expression (descent::optim::checked) the same check calls the
// non-constexpr function hyperparameter_out_of_range, so the compiler's error names it
// together with the parameter (the call's arguments appear in the diagnostic).
#ifndef DESCENT_OPTIM_DETAIL_VALIDATE_HPP
#define DESCENT_OPTIM_DETAIL_VALIDATE_HPP

#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>

namespace descent::optim::detail {

/// Not constexpr on purpose: reaching it during constant evaluation is the compile-time
/// error for a bad hyperparameter.
[[noreturn]] inline void hyperparameter_out_of_range(const char* who, const char* name,
                                                     double value, const char* range) {
  std::ostringstream os;
  os.precision(17);
  os << who << ": " << name << " = " << value << " is outside " << range;
  throw std::invalid_argument(os.str());
}

/// value in [0, inf), and not NaN.
constexpr void check_nonnegative(const char* who, const char* name, double v) {
  if (!(v >= 0)) hyperparameter_out_of_range(who, name, v, "[0, inf)");
}
/// value in (0, inf).
constexpr void check_positive(const char* who, const char* name, double v) {
  if (!(v > 0)) hyperparameter_out_of_range(who, name, v, "(0, inf)");
}
/// value in [0, 1): betas, decay rates.
constexpr void check_unit_open(const char* who, const char* name, double v) {
  if (!(v >= 0 && v < 1)) hyperparameter_out_of_range(who, name, v, "[0, 1)");
}
/// value in [0, 1]: dampening, interpolation factors.
constexpr void check_unit_closed(const char* who, const char* name, double v) {
  if (!(v >= 0 && v <= 1)) hyperparameter_out_of_range(who, name, v, "[0, 1]");
}
/// value in (0, 1]: multiplicative decay factors.
constexpr void check_unit_left_open(const char* who, const char* name, double v) {
  if (!(v > 0 && v <= 1)) hyperparameter_out_of_range(who, name, v, "(0, 1]");
}
/// integer count >= 1.
constexpr void check_count(const char* who, const char* name, std::uint64_t v) {
  if (v < 1) hyperparameter_out_of_range(who, name, static_cast<double>(v), "[1, inf)");
}

/// A rule between two parameters (e.g. Nesterov needs dampening = 0).
[[noreturn]] inline void invalid_combination(const char* who, const char* what) {
  throw std::invalid_argument(std::string(who) + ": " + what);
}

}  // namespace descent::optim::detail

#endif  // DESCENT_OPTIM_DETAIL_VALIDATE_HPP
