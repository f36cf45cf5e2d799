// descent/optim/block/clip.hpp: clipping by value and by global norm.
#ifndef DESCENT_OPTIM_BLOCK_CLIP_HPP
#define DESCENT_OPTIM_BLOCK_CLIP_HPP

#include <algorithm>
#include <cmath>
#include <span>

#include <descent/optim/detail/validate.hpp>
#include <descent/optim/update_rule.hpp>

namespace descent::optim {

/// u <- clamp(u, -clip_value, clip_value)   (torch clip_grad_value_).
struct clip_by_value {
  double clip_value = 1;
  template <class T>
  T apply(T u, T, slots<T, 0>) const {
    const T c = static_cast<T>(clip_value);
    return std::clamp(u, -c, c);
  }
  constexpr void validate(const char* who) const {
    detail::check_nonnegative(who, "clip_value", clip_value);
  }
};

/// u <- u * max_norm / ||u||_2 when ||u||_2 > max_norm, else u unchanged (Pascanu et al.
/// 2013; Optax clip_by_global_norm; torch's clip_grad_norm_ adds 1e-6 to the norm).
/// A barrier: the chain hands it the whole incoming update first.
struct clip_by_global_norm {
  double max_norm = 1;

  // state (recomputed each step)
  double scale_ = 1;
  double norm_ = 0;

  template <class T>
  void reduce(std::span<const T> u) {
    double sum = 0;
    for (const T x : u) sum += static_cast<double>(x) * static_cast<double>(x);
    norm_ = std::sqrt(sum);
    scale_ = norm_ > max_norm ? max_norm / norm_ : 1.0;
  }
  template <class T>
  T apply(T u, T, slots<T, 0>) const {
    return u * static_cast<T>(scale_);
  }
  /// The norm seen by the last step (before clipping).
  [[nodiscard]] double last_norm() const noexcept { return norm_; }
  constexpr void validate(const char* who) const {
    detail::check_positive(who, "max_norm", max_norm);
  }
};

}  // namespace descent::optim

#endif  // DESCENT_OPTIM_BLOCK_CLIP_HPP
