// descent/optim/block/radam.hpp: RAdam (Liu et al. 2020), as torch:
//   m, v as Adam;  rho_inf = 2 / (1 - b2) - 1;  rho_t = rho_inf - 2 t b2^t / (1 - b2^t)
//   rho_t > 5:  u <- m / (1 - b1^t) * r_t * sqrt(1 - b2^t) / (sqrt(v) + eps),
//               r_t = sqrt((rho_t - 4)(rho_t - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho_t))
//   otherwise:  u <- m / (1 - b1^t)     (momentum SGD while the variance is unreliable)
#ifndef DESCENT_OPTIM_BLOCK_RADAM_HPP
#define DESCENT_OPTIM_BLOCK_RADAM_HPP

#include <array>
#include <cmath>
#include <cstdint>

#include <descent/optim/detail/fields.hpp>
#include <descent/optim/update_rule.hpp>

namespace descent::optim {

struct scale_by_radam {
  static constexpr const char* name = "descent::optim::scale_by_radam";
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;

  static constexpr std::size_t buffers = 2;
  static constexpr std::array<const char*, 2> buffer_names{"exp_avg", "exp_avg_sq"};

  // state
  std::uint64_t t_ = 0;
  double inv_bc1_ = 1, scale_ = 0;
  bool rectified_ = false;

  void prepare(const step_context&) {
    ++t_;
    const double t = static_cast<double>(t_);
    const double b2t = std::pow(beta2, t);
    const double bc2 = 1 - b2t;
    inv_bc1_ = 1 / (1 - std::pow(beta1, t));
    const double rho_inf = 2 / (1 - beta2) - 1;
    const double rho_t = rho_inf - 2 * t * b2t / bc2;
    rectified_ = rho_t > 5;
    if (rectified_)
      scale_ = std::sqrt((rho_t - 4) * (rho_t - 2) * rho_inf /
                         ((rho_inf - 4) * (rho_inf - 2) * rho_t)) *
               std::sqrt(bc2);
  }
  template <class T>
  T apply(T u, T, slots<T, 2> s) const {
    const T b1 = static_cast<T>(beta1), b2 = static_cast<T>(beta2);
    T& m = s[0];
    T& v = s[1];
    m = b1 * m + (1 - b1) * u;
    v = b2 * v + (1 - b2) * u * u;
    const T mhat = m * static_cast<T>(inv_bc1_);
    if (rectified_) return mhat * static_cast<T>(scale_) / (std::sqrt(v) + static_cast<T>(eps));
    return mhat;
  }
};

}  // namespace descent::optim

DESCENT_OPTIM_STRUCT(descent::optim::scale_by_radam, beta1, beta2, eps, t_, inv_bc1_, scale_,
                     rectified_);

#endif  // DESCENT_OPTIM_BLOCK_RADAM_HPP
