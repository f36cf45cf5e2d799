// descent/optim/block/rprop.hpp: Rprop (Riedmiller & Braun 1993), as torch:
//   s = u * prev;  step <- clamp(step * (s > 0 ? eta_plus : s < 0 ? eta_minus : 1),
//                                step_size_min, step_size_max)
//   if s < 0: u <- 0 (no move, and no sign change remembered);   prev <- u
//   u <- sign(u) * step          (the update is the step itself: no learning-rate block)
#ifndef DESCENT_OPTIM_BLOCK_RPROP_HPP
#define DESCENT_OPTIM_BLOCK_RPROP_HPP

#include <algorithm>
#include <array>
#include <span>

#include <descent/optim/detail/fields.hpp>
#include <descent/optim/detail/validate.hpp>
#include <descent/optim/update_rule.hpp>

namespace descent::optim {

struct scale_by_rprop {
  static constexpr const char* name = "descent::optim::scale_by_rprop";
  double initial_step = 1e-2;  // torch's lr
  double eta_minus = 0.5;
  double eta_plus = 1.2;
  double step_size_min = 1e-6;
  double step_size_max = 50;

  static constexpr std::size_t buffers = 2;
  static constexpr std::array<const char*, 2> buffer_names{"prev", "step_size"};

  template <class T>
  void init(std::span<const T>, std::array<std::span<T>, 2> b) const {
    std::fill(b[1].begin(), b[1].end(), static_cast<T>(initial_step));
  }
  template <class T>
  T apply(T u, T, slots<T, 2> s) const {
    T& prev = s[0];
    T& step = s[1];
    const T agree = u * prev;
    const T factor = agree > 0 ? static_cast<T>(eta_plus)
                               : (agree < 0 ? static_cast<T>(eta_minus) : T(1));
    step = std::clamp(step * factor, static_cast<T>(step_size_min), static_cast<T>(step_size_max));
    const T g = agree < 0 ? T(0) : u;
    prev = g;
    return static_cast<T>((g > 0) - (g < 0)) * step;
  }
  /// The rule between fields (each field's range is checked by its name).
  constexpr void validate(const char* who) const {
    if (!(step_size_max >= step_size_min))
      detail::invalid_combination(who, "step_size_max must be >= step_size_min");
  }
};

}  // namespace descent::optim

DESCENT_OPTIM_STRUCT(descent::optim::scale_by_rprop, initial_step, eta_minus, eta_plus,
                     step_size_min, step_size_max);

#endif  // DESCENT_OPTIM_BLOCK_RPROP_HPP
