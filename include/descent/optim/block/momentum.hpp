// descent/optim/block/momentum.hpp: heavy-ball and Nesterov momentum, torch's SGD rules.
//
//   b <- u                                   on this block's first step (torch clones g)
//   b <- momentum * b + (1 - dampening) * u  afterwards
//   u <- b                   (heavy ball, Polyak 1964)
//   u <- u + momentum * b    (nesterov = true; Sutskever et al. 2013, as torch)
// momentum = 0 passes u through (plain SGD).
#ifndef DESCENT_OPTIM_BLOCK_MOMENTUM_HPP
#define DESCENT_OPTIM_BLOCK_MOMENTUM_HPP

#include <array>
#include <cstdint>

#include <descent/optim/detail/fields.hpp>
#include <descent/optim/detail/validate.hpp>
#include <descent/optim/update_rule.hpp>

namespace descent::optim {

struct scale_by_momentum {
  static constexpr const char* name = "descent::optim::scale_by_momentum";
  double momentum = 0.9;
  double dampening = 0;
  bool nesterov = false;

  static constexpr std::size_t buffers = 1;
  static constexpr std::array<const char*, 1> buffer_names{"momentum_buffer"};

  // state
  std::uint64_t count_ = 0;
  bool first_ = true;

  void prepare(const step_context&) {
    first_ = count_ == 0;
    ++count_;
  }
  template <class T>
  T apply(T u, T, slots<T, 1> s) const {
    if (momentum == 0) return u;
    T& b = s[0];
    b = first_ ? u : static_cast<T>(momentum) * b + static_cast<T>(1 - dampening) * u;
    return nesterov ? u + static_cast<T>(momentum) * b : b;
  }
  /// The rule between fields (each field's range is checked by its name).
  constexpr void validate(const char* who) const {
    if (nesterov && (momentum <= 0 || dampening != 0))
      detail::invalid_combination(who, "nesterov momentum requires momentum > 0 and dampening = 0");
  }
};

}  // namespace descent::optim

DESCENT_OPTIM_STRUCT(descent::optim::scale_by_momentum, momentum, dampening, nesterov, count_);

#endif  // DESCENT_OPTIM_BLOCK_MOMENTUM_HPP
