// descent/optim/block/nadam.hpp: NAdam (Dozat 2016) with torch's momentum schedule:
//   mu_t = b1 (1 - 0.5 * 0.96^(t psi)),  psi = momentum_decay;  P_t = prod_{i<=t} mu_i
//   m <- b1 m + (1 - b1) u;   v <- b2 v + (1 - b2) u^2
//   u <- [ (1 - mu_t) / (1 - P_t) * u + mu_{t+1} / (1 - P_t mu_{t+1}) * m ]
//        / (sqrt(v) / sqrt(1 - b2^t) + eps)
// torch 1.13's default (single-tensor) NAdam multiplies mu_t into P_{t+1} twice
// (`mu_product * mu * mu_next`); its foreach path and torch >= 2.0 use P_t mu_{t+1} as the
// paper does, and so does descent.
#ifndef DESCENT_OPTIM_BLOCK_NADAM_HPP
#define DESCENT_OPTIM_BLOCK_NADAM_HPP

#include <array>
#include <cmath>
#include <cstdint>

#include <descent/optim/detail/fields.hpp>
#include <descent/optim/update_rule.hpp>

namespace descent::optim {

struct scale_by_nadam {
  static constexpr const char* name = "descent::optim::scale_by_nadam";
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;
  double momentum_decay = 4e-3;

  static constexpr std::size_t buffers = 2;
  static constexpr std::array<const char*, 2> buffer_names{"exp_avg", "exp_avg_sq"};

  // state
  std::uint64_t t_ = 0;
  double mu_product_ = 1;
  double coef_grad_ = 0, coef_avg_ = 0, inv_sqrt_bc2_ = 1;

  void prepare(const step_context&) {
    ++t_;
    const double t = static_cast<double>(t_);
    const double mu = beta1 * (1 - 0.5 * std::pow(0.96, t * momentum_decay));
    const double mu_next = beta1 * (1 - 0.5 * std::pow(0.96, (t + 1) * momentum_decay));
    mu_product_ *= mu;
    coef_grad_ = (1 - mu) / (1 - mu_product_);
    coef_avg_ = mu_next / (1 - mu_product_ * mu_next);
    inv_sqrt_bc2_ = 1 / std::sqrt(1 - std::pow(beta2, t));
  }
  template <class T>
  T apply(T u, T, slots<T, 2> s) const {
    const T b1 = static_cast<T>(beta1), b2 = static_cast<T>(beta2);
    T& m = s[0];
    T& v = s[1];
    m = b1 * m + (1 - b1) * u;
    v = b2 * v + (1 - b2) * u * u;
    const T denom = std::sqrt(v) * static_cast<T>(inv_sqrt_bc2_) + static_cast<T>(eps);
    return (static_cast<T>(coef_grad_) * u + static_cast<T>(coef_avg_) * m) / denom;
  }
};

}  // namespace descent::optim

DESCENT_OPTIM_STRUCT(descent::optim::scale_by_nadam, beta1, beta2, eps, momentum_decay, t_,
                     mu_product_, coef_grad_, coef_avg_, inv_sqrt_bc2_);

#endif  // DESCENT_OPTIM_BLOCK_NADAM_HPP
