// descent/optim/block/adam.hpp: Adam moments with bias correction (Kingma & Ba 2015) and
// the AMSGrad maximum (Reddi, Kale & Kumar 2018), in torch's form (eps added after the
// bias correction of the second moment):
//   m <- b1 m + (1 - b1) u;   v <- b2 v + (1 - b2) u^2;   (AMSGrad: vmax <- max(vmax, v))
//   u <- (m / (1 - b1^t)) / (sqrt(v) / sqrt(1 - b2^t) + eps)     (v -> vmax for AMSGrad)
#ifndef DESCENT_OPTIM_BLOCK_ADAM_HPP
#define DESCENT_OPTIM_BLOCK_ADAM_HPP

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include <descent/optim/detail/fields.hpp>
#include <descent/optim/update_rule.hpp>

namespace descent::optim {

/// Adam (AmsGrad = false) and AMSGrad (true) share everything but the maximum.
template <bool AmsGrad>
struct basic_scale_by_adam {
  static constexpr const char* name =
      AmsGrad ? "descent::optim::scale_by_amsgrad" : "descent::optim::scale_by_adam";
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;

  static constexpr std::size_t buffers = AmsGrad ? 3 : 2;
  static constexpr std::array<const char*, buffers> buffer_names = [] {
    if constexpr (AmsGrad)
      return std::array<const char*, 3>{"exp_avg", "exp_avg_sq", "max_exp_avg_sq"};
    else
      return std::array<const char*, 2>{"exp_avg", "exp_avg_sq"};
  }();

  // state
  std::uint64_t t_ = 0;
  double inv_bc1_ = 1;       // 1 / (1 - b1^t)
  double inv_sqrt_bc2_ = 1;  // 1 / sqrt(1 - b2^t)

  void prepare(const step_context&) {
    ++t_;
    const double t = static_cast<double>(t_);
    inv_bc1_ = 1 / (1 - std::pow(beta1, t));
    inv_sqrt_bc2_ = 1 / std::sqrt(1 - std::pow(beta2, t));
  }
  template <class T>
  T apply(T u, T, slots<T, buffers> s) const {
    const T b1 = static_cast<T>(beta1), b2 = static_cast<T>(beta2);
    T& m = s[0];
    T& v = s[1];
    m = b1 * m + (1 - b1) * u;
    v = b2 * v + (1 - b2) * u * u;
    T second = v;
    if constexpr (AmsGrad) {
      T& vmax = s[2];
      vmax = std::max(vmax, v);
      second = vmax;
    }
    return m * static_cast<T>(inv_bc1_) /
           (std::sqrt(second) * static_cast<T>(inv_sqrt_bc2_) + static_cast<T>(eps));
  }
};

using scale_by_adam = basic_scale_by_adam<false>;
using scale_by_amsgrad = basic_scale_by_adam<true>;

}  // namespace descent::optim

DESCENT_OPTIM_STRUCT(descent::optim::scale_by_adam, beta1, beta2, eps, t_, inv_bc1_, inv_sqrt_bc2_);
DESCENT_OPTIM_STRUCT(descent::optim::scale_by_amsgrad, beta1, beta2, eps, t_, inv_bc1_,
                     inv_sqrt_bc2_);

#endif  // DESCENT_OPTIM_BLOCK_ADAM_HPP
