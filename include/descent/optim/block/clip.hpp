// descent/optim/block/clip.hpp: clipping by value and by global norm.
#ifndef DESCENT_OPTIM_BLOCK_CLIP_HPP
#define DESCENT_OPTIM_BLOCK_CLIP_HPP

#include <algorithm>
#include <cmath>
#include <span>

#include <descent/optim/detail/fields.hpp>
#include <descent/optim/update_rule.hpp>

namespace descent::optim {

/// u <- clamp(u, -clip_value, clip_value)   (torch clip_grad_value_).
struct clip_by_value {
  static constexpr const char* name = "descent::optim::clip_by_value";
  double clip_value = 1;
  template <class T>
  T apply(T u, T, slots<T, 0>) const {
    const T c = static_cast<T>(clip_value);
    return std::clamp(u, -c, c);
  }
};

/// u <- u * min(1, max_norm / (||u||_2 + norm_eps))   (Pascanu et al. 2013).
/// norm_eps = 0 (the default) is Optax's clip_by_global_norm: u * max_norm / ||u||_2 when
/// ||u||_2 > max_norm, else u unchanged; norm_eps = 1e-6 is torch's clip_grad_norm_
/// (`max_norm / (total_norm + 1e-6)`, clamped to 1).  A barrier: the chain hands it the
/// whole incoming update first.
struct clip_by_global_norm {
  static constexpr const char* name = "descent::optim::clip_by_global_norm";
  double max_norm = 1;
  double norm_eps = 0;

  // state (recomputed each step)
  double scale_ = 1;
  double norm_ = 0;

  template <class T>
  void reduce(std::span<const T> u) {
    double sum = 0;
    for (const T x : u) sum += static_cast<double>(x) * static_cast<double>(x);
    norm_ = std::sqrt(sum);
    const double c = max_norm / (norm_ + norm_eps);  // NaN (a NaN norm) leaves u as it is
    scale_ = c < 1 ? c : 1.0;
  }
  template <class T>
  T apply(T u, T, slots<T, 0>) const {
    return u * static_cast<T>(scale_);
  }
  /// The norm seen by the last step (before clipping).
  [[nodiscard]] double last_norm() const noexcept { return norm_; }
};

}  // namespace descent::optim

DESCENT_OPTIM_STRUCT(descent::optim::clip_by_value, clip_value);
DESCENT_OPTIM_STRUCT(descent::optim::clip_by_global_norm, max_norm, norm_eps);

#endif  // DESCENT_OPTIM_BLOCK_CLIP_HPP
