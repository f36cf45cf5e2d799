// descent/optim/detail/validate.hpp: the error for a rule between hyperparameters.
//
// Each hyperparameter's own range is checked by the field walk of detail/fields.hpp (by the
// rule of its name); rules that tie fields together (Nesterov needs dampening = 0) call
// invalid_combination from the type's validate(who).  Not constexpr on purpose: reached
// during constant evaluation (descent::optim::checked), it is the compile-time error.
#ifndef DESCENT_OPTIM_DETAIL_VALIDATE_HPP
#define DESCENT_OPTIM_DETAIL_VALIDATE_HPP

#include <stdexcept>
#include <string>

namespace descent::optim::detail {

[[noreturn]] inline void invalid_combination(const char* who, const char* what) {
  throw std::invalid_argument(std::string(who) + ": " + what);
}

}  // namespace descent::optim::detail

#endif  // DESCENT_OPTIM_DETAIL_VALIDATE_HPP
